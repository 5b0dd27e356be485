"""What a learner is better without (issue 23, session 37): a notation note, the writer's "skipped it", a back that
is a to-do or a task box, a post's link to the one before it, a paper cited and nothing said of it, a pointer to
another notebook, a day's "Did:" log, a heading's stray `**`. A fact said on the way stays. Notes written in the same
styles into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from conftest import DEFAULT_CONFIG
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def _cards(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _all_text(made: dict[str, str]) -> str:
    return "\n".join(made) + "\n" + "\n".join(made.values())


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


SGD = NOTES.add({
    "sgd.md": (
        "# Stochastic optimisation\n\nHow to minimise an expectation when only samples of its gradient are at hand."
        "\n\n```{note}\nNotation: $\\mathbb{E}$ is over the data unless said otherwise, $\\theta^\\star$ the optimum,\n"
        "$L^\\star = L(\\theta^\\star)$.\n```\n\n## Step sizes\n\nA constant step leaves the iterates in a noise ball "
        "around the optimum whose radius grows with the step.\n")
})


def test_a_notation_note_is_no_card(shared):
    """"Notation: … $\\theta^\\star$ the optimum, $L^\\star = L(\\theta^\\star)$" says how the book writes things,
    not a fact: neither it nor the formula it ends on is a card."""
    made = shared.backs_by_front(SGD)
    assert not any("Notation" in front or "Notation" in back or "L^\\star" in back for front, back in made.items()), made
    assert any("noise ball" in back for back in made.values()), made


KERNELS = NOTES.add({
    "kernels.md": (
        "# Kernels\n\nPositive definite kernels and the feature spaces they stand for.\n\n## Mercer\n\n"
        "A continuous symmetric kernel is positive definite exactly when every Gram matrix it makes is PSD.\n\n"
        "There is also a version for kernels on non-compact domains, skipped it.\n\n"
        "This is what makes the kernel trick legitimate — TODO: work through the eigenfunction proof.\n")
})


def test_a_skipped_remark_and_a_trailing_to_do_are_cut_and_the_fact_stays(shared):
    """"…, skipped it." and "— TODO: read the proof" are the writer's, the sentence before them is the fact."""
    made = shared.backs_by_front(KERNELS)
    text = _all_text(made)
    assert "There is also a version for kernels on non-compact domains." in text, made
    assert "kernel trick legitimate" in text, made
    assert "skipped it" not in text and "TODO" not in text and "eigenfunction" not in text, made


DIFFUSION = NOTES.add({
    "diffusion.md": (
        "# Diffusion notes\n\n## Parameterisations\n\n- **x0-prediction**: the network outputs the clean image "
        "directly; its error is largest at high noise levels. Haven't tried it.\n")
})


def test_an_untried_remark_is_left_off_a_definition(shared):
    """"Haven't tried it." after a definition tells the writer's day, not the term."""
    made = shared.backs_by_front(DIFFUSION)
    back = next((b for f, b in made.items() if "x0-prediction" in f), "")
    assert back.endswith("high noise levels.") and "tried" not in back, made


GUIDANCE = NOTES.add({
    "guidance.md": (
        "# Guidance\n\nSteering a diffusion sampler towards a class.\n\n## Classifier guidance\n\nA noise-aware "
        "classifier's gradient is added to the score, scaled by a guidance weight.\n\n## Guidance vs truncation\n\n"
        "TODO. Something about how truncating the latent in a GAN compares to raising the guidance weight...\n")
})


def test_a_back_that_is_a_to_do_is_no_card(shared):
    """"TODO. Something about …" under a heading: a section the writer has yet to write."""
    made = shared.backs_by_front(GUIDANCE)
    assert not any("TODO" in back or "truncating" in back for back in made.values()), made
    assert any("guidance weight" in back for back in made.values()), made


SAMPLING = NOTES.add({
    "sampling.md": (
        "# Sampling\n\nDrawing from a density known up to a constant.\n\n## Rejection sampling\n\n"
        "Propose from $q$, accept with probability $\\tilde p(x) / (M q(x))$; accepted draws follow $p$.\n\n"
        "- [ ] rerun the sampler with a wider proposal\n"
        "- [x] plot the acceptance rate against the dimension\n"
        "- [ ] check why rejection sampling needs an envelope $M q \\ge \\tilde p$ everywhere\n")
})


def test_task_boxes_are_left_off_and_a_fact_in_one_stays(shared):
    """"- [ ] rerun …" and "- [x] …" are chores; "- [ ] check why rejection sampling needs an envelope $M q \\ge
    \\tilde p$" carries a fact, which stays without the chore."""
    made = shared.backs_by_front(SAMPLING)
    text = _all_text(made)
    assert "wider proposal" not in text and "acceptance rate against" not in text and "[ ]" not in text, made
    assert "Rejection sampling needs an envelope $M q \\ge \\tilde p$ everywhere" in text, made


INDEX = NOTES.add({
    "posts/flows-2/index.qmd": (
        "---\ntitle: \"Flows part 2: sampling\"\n---\n\nContinuing from [part 1](../flows-1/index.qmd). Now the "
        "sampling part.\n\n## Sampling\n\nA flow samples by pushing base noise through the learned bijection, one "
        "network pass per sample. In this post we only look at the sampling side.\n")
})


def test_a_post_that_links_to_the_one_before_says_nothing(shared):
    """"Continuing from [part 1](…). Now the sampling part." and "In this post we …" only link the series."""
    made = shared.backs_by_front(INDEX)
    text = _all_text(made)
    assert "Continuing" not in text and "Now the sampling part" not in text and "In this post" not in text, made
    assert "pushing base noise" in " ".join(text.split()), made


def test_a_paper_cited_alone_is_no_card_and_a_finding_stays(tmp_path):
    """A back that only names a paper ("Dettmers et al. 2023, Efficient Finetuning of Quantized LLMs.") says nothing
    of it; one that opens with the paper before its fact loses the citation; a sentence that says what a paper
    found keeps it."""
    notes = {"QLoRA.md": "Dettmers et al. 2023, Efficient Finetuning of Quantized Language Models.\n",
             "Adapters.md": "Houlsby, Giurgiu, Jastrzebski — Parameter-Efficient Transfer Learning for NLP, ICML 2019. "
                            "Small bottleneck layers inserted after each sublayer are trained while the backbone stays "
                            "frozen.\n",
             "Prefix tuning.md": "Li & Liang 2021 showed that learning a few continuous prefix vectors matches full "
                                 "fine-tuning on table-to-text generation.\n"}
    made = _cards(tmp_path, notes)
    assert not any("Dettmers" in back for back in made.values()), made
    adapters = made.get("Adapters", "")
    assert adapters.startswith("Small bottleneck layers") and "Houlsby" not in adapters, made
    assert any(back.startswith("Li & Liang 2021 showed") for back in made.values()), made


CALIBRATION = NOTES.add({
    "calibration.md": (
        "# Calibration\n\n## Temperature scaling\n\nDividing the logits by one learned scalar fixes most of a "
        "network's overconfidence without changing its accuracy. See the calibration notebook for the plots.\n")
})


def test_a_pointer_to_another_notebook_is_left_off(shared):
    """"See the calibration notebook for the plots." points elsewhere; the fact beside it stays."""
    made = shared.backs_by_front(CALIBRATION)
    text = _all_text(made)
    assert "one learned scalar" in text and "notebook" not in text, made


N2026_11_12 = NOTES.add({
    "2026-11-12.md": (
        "# Normalising flows\n\nDid: coupling layers on the two-moons toy set (8 layers look as good as 16). "
        "Started the write-up.\n\n**Coupling layer**: splits the input in two and transforms one half with "
        "parameters computed from the other, so the Jacobian is triangular.\n")
})


def test_a_days_did_line_is_no_card(shared):
    """"Did: …" in a day's note is the log of the day, not what it taught."""
    made = shared.backs_by_front(N2026_11_12)
    assert not any("Did:" in back or "two-moons" in back for back in made.values()), made
    assert any("Jacobian is triangular" in back for back in made.values()), made


TESTS = NOTES.add({
    "tests.md": (
        "# Tests cheat sheet\n\n## Rank-based tests**\n\n### Sign test\n\nTests whether the median of paired "
        "differences is zero, using only the signs of the differences.\n")
})


def test_a_headings_stray_bold_marker_is_left_off_fronts(shared):
    """"## Rank-based tests**": a bold marker whose pair was lost is no part of the fronts below it."""
    made = shared.backs_by_front(TESTS)
    assert any("Rank-based tests › Sign test" in front for front in made), made
    assert not any("**" in front for front in made), made


VECTOR_DATABASES = NOTES.add({
    "Vector databases.md": (
        "Vector databases are a key component of retrieval-augmented generation systems.\n\n## Indexes\n\n"
        "An HNSW index links each vector to near neighbours on several layers and searches greedily from the top "
        "layer down.\n")
})


def test_a_back_that_only_says_its_subject_matters_is_no_card(shared):
    """"Vector databases are a key component of retrieval-augmented generation." says the subject matters, not what
    it is; the sections below it say that."""
    made = shared.backs_by_front(VECTOR_DATABASES)
    assert not any("key component" in back for back in made.values()), made
    assert any("searches greedily" in back for back in made.values()), made


TRANSFORMER = NOTES.add({
    "Transformer.md": (
        'Vaswani et al. 2017, "Attention Is All You Need". An encoder–decoder for translation with no recurrence '
        "and no convolution, only attention and feed-forward layers.\n")
}, config=DEFAULT_CONFIG)


def test_the_paper_a_note_opens_on_is_a_card_of_its_own(shared):
    """"Vaswani et al. 2017, "Attention Is All You Need". Encoder–decoder …": the citation goes off the opening
    card (it says nothing of what the model is), and which paper introduced the subject is asked as that."""
    made = shared.backs_by_front(TRANSFORMER)
    assert made.get("Transformer › Paper") == 'Vaswani et al. 2017, "Attention Is All You Need".', made
    assert made.get("Transformer", "").startswith("An encoder–decoder for translation"), made


COSINE = NOTES.add({
    "cosine.md": (
        "# Cosine schedule\n\n## Details\n\n- the offset $s = 0.008$ keeps $\\beta_t$ from being tiny near $t=0$\n"
        "- $\\beta_t$ is clipped to at most $0.999$ to avoid a singularity near $t=T$\n\n"
        "My numbers: at $t=500$ the linear schedule keeps $0.08$ of the signal, the cosine one $0.49$.\n\n"
        "Other stuff to write up later: progressive distillation, consistency models.\n")
}, config=DEFAULT_CONFIG)


def test_the_writers_own_numbers_and_plans_are_left_off_a_back(shared):
    """"My numbers: at $t=500$ …" (their run) and "Other stuff to write up later: …" (a plan) after the facts of a
    section: the facts stay, the writer's run and plan go."""
    made = shared.backs_by_front(COSINE)
    back = "\n".join(b for f, b in made.items() if f.split("\n\n", 1)[0] == "Cosine schedule › Details")  # (a
    # card per claim of the list: session 47)
    assert not any("My numbers" in f or "write up later" in f for f in made), made
    assert "clipped to at most" in back and "My numbers" not in back and "write up later" not in back, back
