"""Cards of ordinary notes, from what judges of new collections found (issue 23, session 38). Notes written in
the same styles into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N2026_03_04 = NOTES.add({
    "daily/2026-03-04.md": (
        "---\ntitle: \"2026-03-04\"\n---\n\n"
        "- 09:05 set up the sampler notebook\n"
        "- 10:15 chain stuck in one mode of the bimodal target, R-hat 1.4\n"
        "  - cause: step size tuned on the wide mode, too small to jump between modes\n"
        "  - fix: parallel tempering with 4 temperatures mixes both modes\n"
        "- Neal 2011 \"MCMC using Hamiltonian dynamics\" — done\n"
        "  - leapfrog is volume preserving, so the acceptance ratio needs no Jacobian\n"
        "- tomorrow: effective sample size\n"
        "  - read the Geyer chapter first\n")
})


def test_a_days_log_bullet_over_what_the_day_found_is_a_card(shared):
    """A day's note of timed bullets ("- 10:15 ran the sampler …"): a bullet that holds what the day found nested
    under it is a card, the bullet its context and the nested items its answer; its time stamp, the paper's reading
    status (" — done") and the day's chores ("tomorrow: …", "- [ ] …") are no part of any card."""
    made = shared.backs_by_front(N2026_03_04)
    stuck = made.get("chain stuck in one mode of the bimodal target, R-hat 1.4 (day note 2026-03-04)", "")
    assert "parallel tempering" in stuck and "step size tuned" in stuck, made
    neal = made.get('Neal 2011 "MCMC using Hamiltonian dynamics" (day note 2026-03-04)', "")
    assert "volume preserving" in neal, made
    assert not any("Geyer" in back or "Geyer" in front for front, back in made.items()), made


BANDIT_EXPLORATION = NOTES.add({
    "Bandit exploration.md": (
        "Ways to explore in bandit problems.\n\n## Softmax exploration\n"
        "pick each arm with probability proportional to $\\exp(Q/\\tau)$. high temperature spreads the picks, "
        "low temperature is nearly greedy.\n\n## Counting\n"
        "it keeps a count per arm and adds a bonus that shrinks as the count grows, like the other one.\n")
})


def test_a_section_typed_in_lower_case_is_a_card(shared):
    """Notes typed in a hurry start their sentences in lower case ("with prob ε take a random action …"): under its
    heading such text goes on from nothing before it, so it is the section's card; one that starts on a pronoun
    ("it …") still points back at something the card would not show."""
    made = shared.backs_by_front(BANDIT_EXPLORATION)
    assert "proportional to" in made.get("Bandit exploration › Softmax exploration", ""), made
    assert "Bandit exploration › Counting" not in made, made


MASK_HEADS = NOTES.add({
    "Mask heads.md": (
        "# Mask heads\n\n## Mask branch\n\nA small fully convolutional network on each region, beside the box head.\n\n"
        "- predicts one binary mask of 28×28 per class with a per-pixel sigmoid\n"
        "- only the mask of the true class enters the loss, so classes do not compete\n")
})


def test_a_size_written_with_a_times_sign_is_no_arithmetic(shared):
    """"masks of 28×28 pixels", "a 3×3 kernel": sizes, not a worked example's sum; the section stays one card
    with its list. "0.5 × 4 = 2" still works numbers out."""
    made = shared.backs_by_front(MASK_HEADS)
    assert any("classes do not compete" in back for front, back in made.items()
               if front.split("\n\n", 1)[0] == "Mask heads › Mask branch"), made  # (a card per claim: session 47)


PROBABILITY_SPACE = NOTES.add({
    "Probability space.md": (
        "# Probability space\n\n**Definition**. A _probability space_ is a triple $(\\Omega, F, P)$ where\n\n"
        "- $\\Omega$ is the set of outcomes.\n- $F$ is a sigma-algebra of events on it.\n"
        "- $P$ is a measure of total mass one on $F$.\n")
})


def test_a_labelled_definition_that_ends_on_where_keeps_the_list_of_its_parts(shared):
    """"**Definition**. A probability space is a triple $(Ω, F, P)$ where" over the list of its parts: the card
    ended on "where" and lost the parts; "… with the properties" over its properties likewise."""
    made = shared.backs_by_front(PROBABILITY_SPACE)
    back = next((b for f, b in made.items() if f.endswith("Definition")), "")
    assert "set of outcomes" in back and "total mass one" in back, made


ENTROPY = NOTES.add({
    "Entropy.md": (
        "# Entropy\n\n## Pairs\n\n**Joint entropy** is the entropy of the pair $(X, Y)$ taken as one variable:\n\n"
        "$$H(X, Y) = -\\sum_{x, y} p(x, y) \\log p(x, y)$$\n")
})


def test_a_bold_definition_that_introduces_its_formula_ends_as_a_sentence(shared):
    """"**Joint entropy** is the entropy of the pair $(X, Y)$:" over its formula: the definition card says it in
    words and ended on the colon, as if cut; it ends as the sentence it is (the formula card asks the formula)."""
    made = shared.backs_by_front(ENTROPY)
    back = next((b for f, b in made.items() if f.endswith("Define: Joint entropy")), "")
    assert back.endswith("taken as one variable."), made


SCORE_DECAY = NOTES.add({
    "Score decay.md": (
        "# Score decay\n\nOverlapping boxes keep a lower score instead of being removed.\n\nlinear:\n\n"
        "$$s_i \\leftarrow s_i\\,(1 - o_i)$$\n\ngaussian:\n\n$$s_i \\leftarrow s_i\\, e^{-o_i^2 / \\sigma}$$\n")
})


def test_two_formulas_named_by_labels_are_two_cards(shared):
    """"linear:" over one update of a score and "gaussian:" over another of the same score: two cases, each asked
    by its label; they were one card under "linear:" holding both."""
    made = shared.backs_by_front(SCORE_DECAY)
    linear = next((b for f, b in made.items() if f.endswith("linear:")), "")
    gaussian = next((b for f, b in made.items() if f.endswith("gaussian:")), "")
    assert "(1 - o_i)" in linear and "sigma" not in linear and "\\sigma" in gaussian, made


N2026_11_05 = NOTES.add({
    "Daily/2026-11-05.md": (
        "## Log\n- 09:00 reading group\n\n## Learned\n"
        "- Target networks stabilise DQN training because the regression target stops moving at every step.\n"
        "- SARSA converges to the optimal policy when exploration is greedy in the limit.\n"
        "- Rainbow: six DQN extensions combined in one agent.\n")
})


def test_a_days_learned_facts_without_labels_are_cards(shared):
    """Under a day's "## Learned", plain sentences ("Double DQN removes … because …", "SARSA converges …") were
    no cards beside a labelled one: a claim with its reason asks why, a fact of a named thing asks for it (when it
    holds: tests/test_extract_claim_asks.py)."""
    made = shared.backs_by_front(N2026_11_05)
    why = made.get("Target networks stabilise DQN training — why? (day note 2026-11-05)", "")
    assert why == "because the regression target stops moving at every step.", made
    assert "greedy in the limit" in made.get("When does SARSA converge to the optimal policy? (day note 2026-11-05)", ""), made


OPTIMISATION_NOTEBOOK = NOTES.add({
    "Optimisation notebook.md": (
        "# Optimisation notebook\n\n## Implement SGD\n"
        "implement a small stochastic gradient descent loop that learns the two weights of a linear regression.\n")
})


def test_a_section_in_lower_case_that_opens_on_a_task_is_no_card(shared):
    """"## Implement SGD" over "implement a small SGD loop for linear regression …": the writer's task, not a fact
    typed in lower case."""
    made = shared.backs_by_front(OPTIMISATION_NOTEBOOK)
    assert "Optimisation notebook › Implement SGD" not in made, made


GAUSSIAN_PROCESSES = NOTES.add({
    "Gaussian processes.md": (
        "# Gaussian processes\n\n## Definition\n\nA GP is fixed by a mean function and a kernel:\n\n"
        "$$f \\sim \\mathcal{GP}(m(x), k(x, x'))$$\n\nwith\n\n- $m(x) = \\mathbb{E}[f(x)]$\n"
        "- $k(x, x') = \\mathbb{E}[(f(x) - m(x))(f(x') - m(x'))]$\n")
})


def test_formulas_introduced_by_a_bare_with_show_the_formula_they_go_on_from(shared):
    """"$$f \\sim GP(m, k)$$" then "with" over "- $m(x) = …$", "- $k(x, x') = …$": the card of m and k was asked by
    the lone word "with"; it shows the formula above on its front, and keeps both items on one back."""
    made = shared.backs_by_front(GAUSSIAN_PROCESSES)
    front = "Gaussian processes › Definition\n\n$$f \\sim \\mathcal{GP}(m(x), k(x, x'))$$\n\nwith"
    assert "m(x) = \\mathbb{E}[f(x)]" in made.get(front, "") and "k(x, x')" in made.get(front, ""), made


N2026_03_06 = NOTES.add({
    "daily/2026-03-06.md": (
        '---\ntitle: "2026-03-06"\n---\n\nSampler day.\n\n- 10:00 sampler stuck in one mode of the target\n'
        "  - looked at the acceptance rate: 0.9, so the step size is far too small\n"
        "  - fix: larger steps and a longer warm-up, the sampler found both modes\n")
})


def test_a_nested_item_of_a_days_log_does_not_name_the_days_subject(shared):
    """"Sampler day." over a log whose nested item says "looked at the acceptance rate: …": the day is about the
    sampler ("Sampler day" says so); the nested "looked at …" names what the day found, not its subject."""
    made = shared.backs_by_front(N2026_03_06)
    assert not any(front.startswith("The acceptance rate") or front.startswith("Acceptance rate") for front in made), made
    assert any(front.startswith("Sampler") for front in made), made
