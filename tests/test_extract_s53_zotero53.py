"""Literature notes imported from Zotero (session 53, zotero53, the held28-zotero judge): a highlight titled only by
its kind and page ("Highlight (p. 4)") asks what the highlight says, from its own words: its subject, a term it
defines, the authors' claim, a condition; a highlight no form reads keeps its front. Notes written to tmp_path, read
back through the CLI."""

from __future__ import annotations

import pytest

from conftest import backs_by_front, new_wiki
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'
LINK = "[(p. {page})](zotero://open-pdf/library/items/ABCD1234?page={page}&annotation=ZZ{page}QQ)"


def _note(*highlights: str) -> str:
    """A literature note whose annotations are `highlights`, one callout each on pages 2, 3, …"""
    parts = ["# Sparse Mixtures of Tiny Experts\n\n## Summary\n\nA paper on routing tokens to small experts.\n\n"
             "## Annotations\n"]
    for page, text in enumerate(highlights, start=2):
        parts.append(f"\n> [!quote] Highlight\n> {text} {LINK.format(page=page)}\n")
    return "".join(parts)


def _cards(tmp_path, *highlights: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {"@smith2023sparse.md": _note(*highlights)}, CONFIG))


def _asked(made: dict[str, str], words: str) -> str:
    """The front of the card whose back holds `words`."""
    return next(front for front, back in made.items() if words in back)


def test_a_highlight_asks_for_its_subject(tmp_path):
    """"A router sends …" under "Highlight (p. 2)": the front asks what sends it; the page stays on the path."""
    made = _cards(tmp_path, "A learned router sends every token to the two experts with the highest gate score.")
    front = _asked(made, "learned router sends")
    assert front.endswith("Highlight (p. 2)\n\nWhat sends every token to the two experts with the highest gate "
                          "score?"), made


def test_a_highlight_that_names_a_term_asks_it(tmp_path):
    """"Capacity factor: …" defines the term: the front asks it."""
    made = _cards(tmp_path, "Capacity factor: how many tokens one expert may take per batch, as a multiple of the "
                            "even share.")
    assert _asked(made, "even share").endswith("\n\nDefine: Capacity factor"), made


def test_the_authors_claim_and_a_condition_are_asked(tmp_path):
    """"We find that …" asks what the authors find; "Without X the …" asks what happens without X."""
    made = _cards(tmp_path, "We find that load balancing matters more than the number of experts.",
                  "Without the auxiliary loss the router sends nearly all tokens to a single expert.")
    assert _asked(made, "load balancing matters").endswith("\n\nWhat do the authors find?"), made
    assert _asked(made, "auxiliary loss the router").endswith("\n\nWhat happens without the auxiliary loss?"), made


def test_a_highlight_no_form_reads_keeps_its_front(tmp_path):
    """A clause under "When …", a pronoun subject, a phrase with no verb: no question is made up."""
    made = _cards(tmp_path, "When the gate is noisy, experts specialise less and training is slower to settle.",
                  "It is cheaper than a dense layer of the same size at inference time.",
                  "Plot of expert load over training steps")
    for words in ("experts specialise less", "cheaper than a dense", "Plot of expert load"):
        assert "What " not in _asked(made, words).rpartition("\n\n")[2], made


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


WARMUP = NOTES.add({
    "warmup.md": (
        "# Warm-up\n\n## My take\n\n- The warm-up result still feels a bit like magic to me. Warm-up keeps "
        "Adam's early steps small while its second-moment estimate is noisy.\n")
})


def test_how_a_finding_strikes_the_writer_is_on_no_card(shared):
    """"… still feels a bit like magic to me": the writer's feeling, not the finding; the fact beside it stays."""
    made = shared.backs_by_front(WARMUP)
    text = "\n".join(made) + "\n".join(made.values())
    assert "magic to me" not in text, made
    assert "second-moment estimate is noisy" in text, made


SMITH2023SPARSE = NOTES.add({
    "@smith2023sparse.md": (
        "# Sparse Mixtures of Tiny Experts\n\n## Annotations\n\n> [!question] Highlight\n> While routing is "
        "discrete, we empirically observe that training stays stable. " + LINK.format(page=5) + "\n\n"
        "> [!tip] Highlight\n> hypothesis: the router learns a clustering of the token types " + LINK.format(page=6)
        + "\n")
})


def test_a_question_callouts_highlight_and_a_labelled_claim_are_asked(shared):
    """A highlight in a `> [!question]` callout (its title under the path, as a question's) is asked too; "hypothesis:
    …" asks the authors' hypothesis."""
    made = shared.backs_by_front(SMITH2023SPARSE)
    assert _asked(made, "training stays stable").endswith("Highlight (p. 5)\n\nWhat do the authors empirically "
                                                          "observe?"), made
    assert _asked(made, "clustering of the token").endswith("\n\nWhat is the authors' hypothesis?"), made


LION = NOTES.add({
    "lion.md": (
        "# Lion optimizer\n\n## Key ideas\n\n- No second-moment buffer, no bias correction — memory is *half of "
        "Adam's*.\n- Profits from **much smaller learning rates** (3–10× below AdamW), unlike plain SGD.\n"
        "- Quite sensitive to the batch size (prefers large ones).\n")
})


def test_a_list_item_opening_on_a_verb_and_its_preposition_keeps_them_as_its_cue(shared):
    """"- Profits from **…**" among a bare heading's claims: its blank keeps "Profits from", not a bare "- [...]"
    any item could fill."""
    made = shared.backs_by_front(LION)
    front = _asked(made, "much smaller learning rates")
    assert "- Profits from [...]" in front, made
