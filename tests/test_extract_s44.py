"""Cards a careful learner makes that no card held, or cards no learner could study (issue 23, session 44). Notes
written in the styles of the collections into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


POINT_ESTIMATES = NOTES.add({
    "Point estimates.md": (
        "# Point estimates\n\nA posterior is summarised by one number when a decision needs one.\n\n## Other\n\n"
        "The posterior median is the Bayes estimator under absolute loss.\n\n"
        "The posterior mode minimises the expected 0-1 loss, in the limit of a shrinking window.\n\n"
        "I should reread chapter 4 before the exam.\n")
})


def test_the_paragraphs_of_an_other_section_are_cards_of_the_subject(shared):
    """"## Other" names nothing, and its section took only its labelled bullets: a paragraph under it that states a
    fact ("The posterior median is the Bayes estimator under absolute loss") was on no card at all. Each such
    paragraph is a card of what it speaks of, under the heading above; a line to oneself is not."""
    made = shared.backs_by_front(POINT_ESTIMATES)
    assert made.get("Point estimates › the posterior median") == \
        "The posterior median is the Bayes estimator under absolute loss.", made
    assert made.get("Point estimates › the posterior mode", "").startswith("The posterior mode minimises"), made
    assert not any("chapter 4" in back for back in made.values()), made


PREDICTIVE_CHECKS = NOTES.add({
    "Predictive checks.md": (
        "# Predictive checks\n\n> [!question] Why is a plug-in predictive overconfident?\n"
        "> > [!success]- Answer\n> > It treats the point estimate as known exactly; the posterior predictive "
        "averages over it.\n\n> [!note] Evidence\n> > [!tip] The evidence does not depend on the parameters\n"
        "> > so a sampler can ignore it.\n")
})


def test_a_callout_inside_a_question_callout_is_its_answer_without_its_marker(shared):
    """Obsidian's "> [!question] …" over "> > [!success]- Answer": the inner box's header line reached the card's
    back as "[!success]- Answer". A box inside a callout is part of its text: a title that only names its role
    ("Answer") is left off, a title that says something stays as text."""
    made = shared.backs_by_front(PREDICTIVE_CHECKS)
    asked = {front: back for front, back in made.items() if "overconfident" in front}
    assert list(asked.values()) == ["It treats the point estimate as known exactly; the posterior predictive "
                                    "averages over it."], made
    assert not any("[!" in side for card in made.items() for side in card), made
    assert any("does not depend on the parameters" in front + back for front, back in made.items()), made


PARTITION_FUNCTIONS = NOTES.add({
    "Partition functions.md": (
        "# Partition functions\n\n## Cost\n\nComputing $Z$ exactly is #P-hard in general, which is what makes "
        "undirected models painful.\n\n## Explaining away\n\nTwo causes of one effect become dependent once "
        "the effect is seen:\n\n```mermaid\ngraph TD\n    Rain --> WetGrass\n    Sprinkler --> WetGrass\n```\n\n"
        "Learning that it rained makes the sprinkler less likely again.\n")
})


def test_a_diagrams_source_is_on_no_card_and_a_complexity_class_is_no_tag(shared):
    """A ```mermaid fence reached a card's back as its source ("graph TD / A --> B"), which neither Anki nor the
    terminal draws; "#P-hard" lost its "#" as if it were a tag, so the card taught "P-hard"."""
    made = shared.backs_by_front(PARTITION_FUNCTIONS)
    backs = "\n".join(made.values())
    assert "is #P-hard in general" in backs, made
    assert "graph TD" not in backs and "WetGrass" not in backs, made
    assert "makes the sprinkler less likely" in backs, made


ML_PGM_BAYES_NET = NOTES.add({
    "ml.pgm.bayes-net.md": (
        "---\nid: x81k2\ntitle: Bayes nets\n---\n\n## Assumptions\n\nEach variable is independent of its "
        "non-descendants given its parents, as [[the d-sep rules|ml.pgm.d-separation]] read off the graph.\n")
})


def test_a_dendron_link_names_its_label_first(shared):
    """Dendron writes `[[label|note.name]]`, label first, where Obsidian writes `[[note|label]]`: a card showed the
    dotted note name ("read them off with ml.pgm.d-separation") where the note says "d-sep". A link whose second
    part alone is a dotted note name shows its first; Obsidian's order stays as it was; a dotted name with no label
    shows the note its hierarchy ends in ("d-separation"), a file name stays whole."""
    from mlwiki.render.terminal import plain_text
    assert plain_text("read them off with [[d-sep|ml.pgm.d-separation]]") == "read them off with d-sep"
    assert plain_text("see [[ml.pgm.d-separation]], not [[paper.pdf]]") == "see d-separation, not paper.pdf"
    assert plain_text("see [[ml.pgm.hmm|hidden Markov models]] and [[Bias|the bias]]") == \
        "see hidden Markov models and the bias"
    made = shared.backs_by_front(ML_PGM_BAYES_NET)
    assert not any("ml.pgm" in front for front in made), made


BUDGETS = NOTES.add({
    "budgets.qmd": (
        "---\ntitle: Budgets\n---\n\n## The trade-off\n\nFor a fixed budget, successive halving makes you pick "
        "many configurations with little resource or few with a lot. If early rankings are reliable, many wins; "
        "if curves cross (see warning above), few is safer.\n\n## Posterior variance\n\nThe posterior variance "
        "does not depend on the observed values at all: it depends only on where we've sampled.\n")
})


def test_a_paragraph_that_points_at_a_box_above_or_says_where_we_sampled_is_still_a_card(shared):
    """A paragraph with "(see warning above)" in it, or "… depends only on where we've sampled", was read as a
    tutorial walking its reader on and made no card at all; the pointer is left off and the fact stays."""
    made = shared.backs_by_front(BUDGETS)
    backs = "\n".join(made.values())
    assert "if curves cross, few is safer" in backs and "above" not in backs, made
    assert "where we've sampled" in backs, made


EXPECTED_IMPROVEMENT = NOTES.add({
    "Expected improvement.md": (
        "# Expected improvement\n\n## Deriving the closed form (click to expand)\n\nWrite the objective as "
        "the mean plus sigma times a standard normal variable and integrate the improvement over the region "
        "where it is positive.\n")
})


def test_a_folded_boxs_click_to_expand_is_no_part_of_a_front(shared):
    """"## Deriving the EI (click to expand)": the reader's instruction reached every front under the heading."""
    made = shared.backs_by_front(EXPECTED_IMPROVEMENT)
    assert "Expected improvement › Deriving the closed form" in made, made
    assert not any("click" in front for front in made), made


NESTED = NOTES.add({
    "nested.qmd": (
        "---\ntitle: \"You tuned on it, so you can't report it: nested cross-validation\"\n---\n\n## Cost\n\n"
        "Outer folds times inner folds times configurations model fits, plus the refits.\n")
})


def test_a_titles_hook_before_its_subject_is_not_asked_about(shared):
    """A blog title "You tuned on it, so you can't report it: nested cross-validation" asked "What is the cost of You
    tuned on it?": a title's words that speak to the reader before a colon are its hook, what follows names it."""
    made = shared.backs_by_front(NESTED)
    assert any(front.endswith("What is the cost of nested cross-validation?") for front in made), made


ACQ = NOTES.add({
    "acq.qmd": (
        "---\ntitle: Acquisition\n---\n\n## By hand\n\nEI prefers the uncertain point.\n\n::: {.column-margin}\n"
        "Note the first term of the improvement is negative for the safe point, yet the whole is positive.\n:::\n")
})


def test_a_margin_note_that_tells_the_reader_to_note_something_asks_what_it_points_at(shared):
    """"Note the first term of EI is negative." in a margin asked "What is Note the first term of EI?"."""
    made = shared.backs_by_front(ACQ)
    assert not any("Note the" in front for front in made), made
    assert any(back.startswith("The first term of the improvement is negative") for back in made.values()), made


N2024_03_05 = NOTES.add({
    "Daily/2024-03-05.md": (
        "# Tue 5 Mar\n\n## Studied\n- chapter 2 again, finally wrote up the conjugacy derivation\n"
        "- skimmed the sampling chapter, notes are messy, fix tomorrow\n\n## Thoughts\n"
        "- is mode-seeking why the samples look blurry?? no wait, different thing\n"
        "- **Rule of succession**: the posterior predictive of a uniform Beta prior, $(k+1)/(n+2)$\n")
})


def test_a_daily_notes_studied_and_thoughts_sections_are_its_log(shared):
    """A daily note titled by its date ("# Tue 5 Mar") with "## Studied" and "## Thoughts" made cards of the day's
    diary ("skimmed the sampling chapter, notes are messy, fix tomorrow"): such sections are the day's log, read
    item by item as "## Log" is — a diary line makes no card, a fact stated with its label still does."""
    made = shared.backs_by_front(N2024_03_05)
    backs = "\n".join(made.values())
    assert "fix tomorrow" not in backs and "wrote up" not in backs and "no wait" not in backs, made
    assert "$(k+1)/(n+2)$" in backs, made


SAMPLERS = NOTES.add({
    "Samplers.md": (
        "# Samplers\n\nMarkov chains that target the posterior.\n\n## Questions I still have\n"
        "- E-BFMI: what exactly is it measuring? (something about energy)\n"
        "- why is a Gaussian kinetic energy the default, would another help heavy tails?\n\n## open q's\n"
        "- is there a version of detailed balance for Gibbs where acceptance is not trivially one? → "
        "[[Gibbs sampling]]\n\n## Open questions\n"
        "- why is the optimal acceptance rate about a quarter in high dimensions? → the chain's limit is a "
        "Langevin diffusion whose speed peaks there\n")
})


def test_questions_the_writer_still_has_are_no_cards(shared):
    """"## Questions I still have" / "## open q's" hold the writer's open questions: "- E-BFMI: what exactly is it
    measuring? (something about energy)" made a card whose back only asks, "- is there a version for Gibbs? →
    [[Gibbs sampling]]" one whose answer is where to look. Neither is a card; a question answered after its arrow
    under "## Open questions" still is."""
    made = shared.backs_by_front(SAMPLERS)
    text = "\n".join(f"{front}\n{back}" for front, back in made.items())
    assert "E-BFMI" not in text and "kinetic energy" not in text and "Gibbs sampling" not in text, made
    assert any(back.startswith("the chain's limit is a Langevin diffusion") for back in made.values()), made


RANDOM_SEARCH = NOTES.add({
    "Random search.md": (
        "# Random search\n\n## Sixty trials\n\nWith $q = 0.05$ and $N = 60$ the hit formula gives "
        "$1 - 0.95^{60} \\approx 0.95$. So **sixty random trials give a ninety-five percent chance of landing in "
        "the top five percent** of configurations, whatever the dimension of the space.\n")
})


def test_what_a_worked_sum_concludes_is_a_card_without_the_sum(shared):
    """"With q = 0.05 and N = 60 the formula gives 1 - 0.95^60 ≈ 0.95. So 60 random trials give a 95 % chance of
    landing in the top 5 %, whatever the dimension." made no card at all (worked arithmetic); the sentence after
    the sums says what they show, and is the card."""
    made = shared.backs_by_front(RANDOM_SEARCH)
    backs = list(made.values())
    assert any(back.startswith("**Sixty random trials give") and "whatever the dimension" in back for back in backs), made
    assert not any("0.95^{60}" in back for back in backs), made


SPEECH_MODELS = NOTES.add({
    "Speech models.md": (
        "# Speech models\n\n## Comparison\n\n| | CTC | AED | RNN-T |\n|---|---|---|---|\n"
        "| Alignment | hard | soft | hard |\n| Streaming | easy | hard | easy |\n| Internal LM | none | decoder "
        "| predictor |\n| Decoding | parallel | beam | lattice |\n")
})


def test_a_table_with_a_blank_corner_compares_its_columns_row_by_row(shared):
    """"| | CTC | AED | RNN-T |" over rows of attributes (alignment, streaming, decoding, …): a column there is one
    model's whole profile, so carding it alone ("RNN-T, by row": six unrelated facts) and leaving it out of every
    row's card made each row's comparison lose a model. Each row compares all three."""
    made = shared.backs_by_front(SPEECH_MODELS)
    assert not any("by row" in front for front in made), made
    streaming = [back for front, back in made.items() if "Streaming" in front]
    assert streaming and all(model in streaming[0] for model in ("CTC", "AED", "RNN-T")), made


ABOUT = NOTES.add({
    "about.qmd": (
        "---\ntitle: About\n---\n\nHi! I am a student working on tabular deep learning.\n\nThis blog started as my "
        "study notes for a reading group on hyperparameter search, from grid search to Hyperband.\n")
})


def test_a_sites_about_page_is_no_card(shared):
    """A Quarto blog's `about.qmd` ("Hi! This blog started as my study notes for …") was one card of the whole page
    under the front "About": who writes the site is nothing to study."""
    made = shared.backs_by_front(ABOUT)
    assert made == {}, made


def test_a_sentence_goes_on_after_w_r_t_before_math():
    """"no gradients w.r.t. $\\lambda$, each evaluation costs a run" was cut after "w.r.t.", as if a sentence ended
    there (a formula may open the next one): a card's back stopped at "w.r.t." and another began "$\\lambda$, …"."""
    from mlwiki.extract.prose import sentences
    assert sentences("No gradients w.r.t. $\\lambda$, each run costs hours. Next.") == \
        ["No gradients w.r.t. $\\lambda$, each run costs hours.", "Next."]
    assert sentences("Minimise $f$ s.t. $g \\le 0$ holds. It ends here. $x$ is next.") == \
        ["Minimise $f$ s.t. $g \\le 0$ holds.", "It ends here.", "$x$ is next."]


STFT = NOTES.add({
    "stft.md": (
        "# The STFT and the window / hop trade-off\n\n## Definition\n\n- $m$ indexes frames, $k$ indexes "
        "frequency bins\n- bin $k$ sits at frequency $f_k = k f_s / N$\n")
})


def test_a_facet_of_a_title_that_names_two_subjects_asks_nothing_of_both(shared):
    """"## Definition" under "The STFT and the window / hop trade-off" asked "What is the definition of The STFT and
    the window / hop trade-off?": the title names two subjects, so the heading asks of neither."""
    made = shared.backs_by_front(STFT)
    assert not any("definition of" in front for front in made), made
    assert any("f_k = k f_s / N" in back for back in made.values()), made


NAS = NOTES.add({
    "nas.qmd": (
        "---\ntitle: Search spaces\n---\n\n::: {.callout-note}\nDraft — the second part is still rough and I want to "
        "add a figure of the cell. Publishing later.\n:::\n\n## Cells\n\nA cell is a small graph of operations "
        "that the search repeats to build the whole network.\n")
})


def test_a_drafts_note_to_its_readers_is_no_card(shared):
    """A Quarto post's opening callout "Draft — the second part is still rough and I want to add a figure.
    Publishing later." was a card "… › Note": the writer's plans for the page. A sentence that opens "Draft:" and
    states something ("Draft: a small model proposes tokens …") is not such a note."""
    made = shared.backs_by_front(NAS)
    assert not any("rough" in back or "Publishing" in back for back in made.values()), made
    assert any("small graph of operations" in back for back in made.values()), made
