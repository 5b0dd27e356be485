"""What the learner sees reads as the note's own viewer shows it (issue 23, point 6), for forms met on a Jupyter
Book, an Obsidian vault and a GitHub repo: a citation role `{cite}`key`` (the book sets it from its bibliography; a
card has none) shows nothing and a sentence that only says what to read goes; a link to an Obsidian block,
`[[Note#^id]]`, shows the note's name and a block id at a line's end shows nothing; a reference alone in
brackets on a line of its own leaves no line break before the comma after it; a footnote's text indented over two
lines stays off the card. Notes of my own, through the CLI (`review --plain`) and the extract API."""

from __future__ import annotations

import json

from conftest import new_wiki, run

from mlwiki.extract import NoteContext, extract

VI = """# Variational inference

VI turns posterior inference into optimisation: pick the member of a family $q$ closest in KL to the posterior.
Main reading: {cite}`blei2017vi`. It scales to big data sets where sampling is slow.

## Reparameterisation

**Reparameterisation trick** {cite:p}`kingma2014vae`: write $z$ as a deterministic, differentiable transform of
parameter-free noise, so gradients flow through the samples.

Coordinate ascent updates one factor at a time. Compare Gibbs
({ref}`gibbs`), which samples from the full conditional instead of taking the expected log of it.
"""

Q_LEARNING = """The target uses the **greedy** action whatever the agent does next, so it learns $q_*$ directly. It
is the sample-based version of [[Bellman equation#^bellman-opt-q]].

## Deadly triad

Function approximation, bootstrapping and off-policy learning together: any two are fine; all three can diverge. ^deadly-triad
"""


def _reviewed(tmp_path, notes: dict[str, str]) -> str:
    root = new_wiki(tmp_path, notes)
    cards = json.loads(run(root, "cards", "--json", ok=True).output)
    shown = run(root, "review", "--plain", input="\n3\n" * len(cards))
    assert shown.exit_code == 0, shown.output
    return " ".join(shown.output.split())


def test_citation_roles_show_nothing_and_a_reading_pointer_is_no_part_of_a_card(tmp_path):
    shown = _reviewed(tmp_path, {"vi.md": VI})
    assert "blei2017vi" not in shown and "kingma2014vae" not in shown and "{cite" not in shown, shown
    assert "Main reading" not in shown, shown
    assert "Reparameterisation trick: write" in shown and "It scales to big data sets" in shown, shown
    assert "Compare Gibbs, which samples" in shown, shown


def test_obsidian_block_links_and_block_ids_read_as_obsidian_shows_them(tmp_path):
    shown = _reviewed(tmp_path, {"Q-learning.md": Q_LEARNING})
    assert "version of Bellman equation" in shown and "^bellman" not in shown, shown
    assert "all three can diverge" in shown and "deadly-triad" not in shown, shown
    from mlwiki.render.html import markdown_to_html
    assert markdown_to_html("See [[Bellman equation#^v-pi]]. Two of three are fine. ^triad") == \
        "<p>See Bellman equation. Two of three are fine.</p>\n"
    assert markdown_to_html("x^2 and 2^10, a ^ b") == "<p>x^2 and 2^10, a ^ b</p>\n"  # (no block id)


def test_a_footnotes_text_over_two_lines_stays_off_the_card():
    body = ("# Nested CV\n\n## Why nested\n\nThe outer score estimates the performance of the whole procedure, search "
            "and fit together, not of one setting.[^bg]\n\n[^bg]: Bengio, Y. & Grandvalet, Y. (2004). *No Unbiased "
            "Estimator of the Variance.* JMLR 5,\n    1089-1105.\n")
    cards = extract(body, NoteContext(path="nested.md", sections=True)).cards
    assert cards and not any("1089" in c.back or "Grandvalet" in c.back for c in cards), cards


def test_a_sentence_that_opens_on_a_citation_is_no_card_and_asks_no_question():
    """"{cite}`neal2011` is the reference." says where to read: no card "What is?" over " is the reference."."""
    body = ("# Gibbs sampling\n\n## Hamiltonian Monte Carlo\n\nHMC treats the parameters as a particle with momentum "
            "and simulates Hamiltonian dynamics with leapfrog steps.\n\n{cite}`neal2011hmc` is the reference.\n")
    cards = extract(body, NoteContext(path="gibbs.md", sections=True)).cards
    assert cards and not any("reference" in c.back or "neal2011" in c.front for c in cards), cards


EXPLORATION = """#bandits

- explore/exploit dilemma: exploit = take the best known action, explore = try others to improve the estimates
- need both — pure greedy can get stuck on a suboptimal action forever
- **ε-greedy**
  - with probability $1-\\varepsilon$ greedy, else a uniformly random action
  - → greedy action prob $= 1 - \\varepsilon + \\varepsilon/|\\mathcal{A}|$
  - simple, used in DQN with ε annealed from 1.0 to 0.1
  - explores blindly: the random action ignores how promising it is
  - constant ε gives linear regret
- **optimistic initial values**: start Q high (e.g. +5) so every real reward disappoints and all actions get tried early. only temporary, useless for nonstationary problems
- **UCB** (bandits)
  - $A_t = \\arg\\max_a \\Big[Q_t(a) + c\\sqrt{\\frac{\\ln t}{N_t(a)}}\\Big]$
  - bonus = uncertainty; it shrinks as the count of an action grows
  - optimism in the face of uncertainty
  - c sets how much to explore
  - UCB1 has logarithmic regret
  - hard to extend to large state spaces since it needs counts
- softmax / Boltzmann: $\\pi(a) \\propto \\exp(Q(a)/\\tau)$, τ = temperature
- Thompson sampling — TODO
"""


def test_a_part_that_only_names_its_own_front_is_no_card():
    """A grab bag's item whose text a definition card took ("**optimistic initial values**: start Q high …") leaves
    only its term: no card "… › optimistic initial values" over "optimistic initial values"."""
    cards = extract(EXPLORATION, NoteContext(path="Exploration.md", sections=True, definitions=True)).cards
    assert any(c.front.endswith("Define: optimistic initial values") for c in cards), cards
    assert not any(c.back.replace("*", "").strip() == c.front.rsplit(" › ", 1)[-1] for c in cards), cards


def test_a_pages_navigation_bar_is_no_card():
    body = ("# 04 · Ranking metrics\n\n[← retrieval](03-retrieval.md) · [calibration →](05-calibration.md) · formulas "
            "also in the [cheatsheet](../cheatsheet.md)\n\n## NDCG\n\nNDCG divides the discounted gain of a ranking by "
            "the gain of the ideal ranking, so a perfect order scores one.\n")
    cards = extract(body, NoteContext(path="topics/04-ranking.md", sections=True)).cards
    assert cards and not any("cheatsheet" in c.back or "retrieval" in c.back for c in cards), cards


def test_an_open_task_asking_a_question_is_no_card():
    """"- [ ] why does X? → [[Note#Heading]]" is a question the writer has not answered yet (the arrow points at where
    to look); "- [x] …? → answer" is answered and is a card."""
    body = ("# Value methods\n\n## Open questions\n- [ ] why exactly does double learning remove the overestimation? "
            "→ [[Q-learning#Maximization bias]]\n- [x] does the target network need soft updates? → no, a hard copy "
            "every few thousand steps works as well\n")
    fronts = [c.front for c in extract(body, NoteContext(path="Value methods.md", sections=True)).cards]
    assert not any("double learning" in f for f in fronts), fronts
    assert any("target network" in f for f in fronts), fronts
