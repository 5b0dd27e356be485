"""Session 47 (nbdev23): cards of an nbdev project, notebooks written as a library's documentation and the writer's
study notes at once: `# Title` over a `> description` nbdev makes the page's title and description, code cells
with `#| export` / `#| hide` directives and `test_eq` checks, a tutorial whose results are pasted in, a study log.
The notes are written for these tests; the CLI reads them as a user's scan would."""

from __future__ import annotations

import pytest

import json

from conftest import new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def notebook(*cells: str) -> str:
    """An nbdev notebook: its Markdown cells, with nbdev's code cells between them (an exported function, a hidden
    import, a `test_eq` check)."""
    code = ["#| export\ndef rmse(y, p):\n    \"Root mean squared error.\"\n    return ((y - p) ** 2).mean() ** .5\n",
            "#| hide\nfrom nbdev.showdoc import *\nfrom fastcore.test import *\n",
            "test_eq(rmse(np.ones(3), np.ones(3)), 0.)\nshow_doc(rmse)\n"]
    out = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
            "source": ["#| default_exp forecast\n"]}]
    for k, text in enumerate(cells):
        if k:
            out.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                        "source": code[k % len(code)].splitlines(keepends=True)})
        out.append({"cell_type": "markdown", "metadata": {}, "source": text.splitlines(keepends=True)})
    return json.dumps({"cells": out, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)


def cards(tmp_path, notes: dict[str, str]) -> list[dict]:
    root = new_wiki(tmp_path, notes, CONFIG)
    return json.loads(run(root, "cards", "--json", ok=True).output)


def holding(found: list[dict], words: str) -> list[dict]:
    """The cards whose front or back holds these words."""
    return [c for c in found if words in c["back"] or words in c["front"]]


OPENING = notebook("""# Forecast error metrics

> Point errors, scaled errors and the two I always confuse. Draft, the interval part is still TODO.
""", """## Scaled errors

MASE divides the mean absolute error by the in-sample error of the seasonal naive forecast, so a value below one
beats that baseline.
""")

TOPICS = notebook("""# Backtesting

> Expanding windows, sliding windows and gaps between train and test.
""", """## Expanding window

Each fold trains on everything up to its cutoff and tests on the horizon after it, so early folds see little data.
""")

STATED = notebook("""# Intermittent demand

> Croston's method forecasts the size of a demand and the gap between demands separately. Not polished.
""", """## Bias

Croston's estimate is biased upwards; the Syntetos–Boylan correction multiplies it by one minus half the smoothing
constant.
""")


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


N01_METRICS = NOTES.add({
    "nbs/01_metrics.ipynb": OPENING,
    "nbs/02_backtest.ipynb": TOPICS
})


def test_an_nbdev_description_that_only_says_what_the_page_covers_or_its_state_is_on_no_card(shared):
    """nbdev makes `# Title` / `> description` the page's title and description: a description in the writer's
    voice, a list of the page's topics or its state ("Draft, … TODO") made a card under the bare title."""
    found = shared.cards(N01_METRICS)
    assert holding(found, "beats that baseline") and holding(found, "early folds see little data")
    for furniture in ("the two I always confuse", "still TODO", "Expanding windows, sliding windows"):
        assert not holding(found, furniture), (furniture, found)


N03_INTERMITTENT = NOTES.add({"nbs/03_intermittent.ipynb": STATED})


def test_an_nbdev_description_that_states_a_fact_stays_without_the_pages_state(shared):
    found = shared.cards(N03_INTERMITTENT)
    stated = holding(found, "forecasts the size of a demand and the gap between demands separately")
    assert stated and not holding(found, "Not polished"), found


FAMILIES_LEAD = """# Validation schemes

> How I pick a scheme without fooling myself.
"""
FAMILIES_REST = """The scheme matters more than the model for most reported errors. Three families:

1. **Holdout**: the last stretch of the series is the test set. Cheap, but one cutoff gives one noisy number, and
   a holiday inside that stretch can decide which model looks best.
2. **Blocked k-fold**: contiguous blocks as folds, with a gap around each test block so that lagged features do not
   reach across it. Used for models without a notion of time order (Bergmeir et al., 2018).
3. **Rolling origin**: many cutoffs, each fold forecasting the stretch after its own cutoff from the data before it.
   Closest to how the forecast is used: fit on the past, predict what comes next.

## Rolling origin

The folds overlap, so their errors are correlated: their spread understates the uncertainty of the mean error.
"""
FAMILIES = notebook(FAMILIES_LEAD, FAMILIES_REST)


N00_VALIDATION = NOTES.add({"nbs/00_validation.ipynb": FAMILIES})


def test_the_text_under_the_title_is_carded_when_the_description_is_the_writers(shared):
    """The lead under the title opened (for mlwiki) on the description, in the writer's voice ("How I …"): the whole
    lead read as the page's own story and made no card, its list of families included."""
    found = shared.cards(N00_VALIDATION)
    assert holding(found, "one cutoff gives one noisy number"), found
    assert not holding(found, "without fooling myself")


OVERVIEW = notebook(FAMILIES_LEAD.replace("> How I pick a scheme without fooling myself.\n", ""), FAMILIES_REST)


N00_VALIDATION_2 = NOTES.add({"nbs/00_validation.ipynb": OVERVIEW})


def test_an_overview_item_named_as_a_later_section_stays_on_its_lists_card(shared):
    """Split off as "… › Rolling origin", the item took the front the section "## Rolling origin" needs: that
    section, which says more, made no card at all."""
    found = shared.cards(N00_VALIDATION_2)
    section = [c for c in found if c["front"] == "Validation schemes › Rolling origin"]
    assert section and "errors are correlated" in section[0]["back"], found
    assert holding(found, "each fold forecasting the stretch after its own cutoff"), found


POINTED = notebook("""# Leakage in backtests

## Target encoding

:::{.callout-warning}
## Encoding before splitting leaks
A category's mean target computed on the whole series is not causal: above, the mean for store B uses sales from
after the cutoff. The model then looks better in backtests than it will in production.
:::
""")


N04_LEAKAGE = NOTES.add({"nbs/04_leakage.ipynb": POINTED})


def test_a_sentence_that_points_above_keeps_its_claim(shared):
    """"…: above, the mean for store B uses …" pointed at the notebook's own toy data, and the whole first sentence,
    the claim with it, was left off the callout's card."""
    found = shared.cards(N04_LEAKAGE)
    claim = holding(found, "computed on the whole series is not causal")
    assert claim and "above," not in claim[0]["back"], found


ASIDE = notebook("""# Smoothing

## Exponential smoothing

| variant | adds |
|---|---|
| simple | a smoothed level |
| Holt | a smoothed trend |

For a series with no trend the simple form is enough: a trend term only adds variance to the forecasts.

:::{.callout-note}
Original Holt–Winters form: the seasonal index for period $i$ is updated from the ratio of the observation to the
level, then renormalised each cycle. Packages today mostly fit the additive state-space version instead.
:::
""")


N05_SMOOTHING = NOTES.add({"nbs/05_smoothing.ipynb": ASIDE})


def test_an_untitled_note_with_a_symbol_i_and_the_word_today_is_a_card_titled_by_its_label(shared):
    """The note's "$i$" was read as the writer ("I") and "today" as their day: the callout was dropped as a diary
    entry. Its label's name, joined by an en dash ("Holt–Winters"), was no name either."""
    found = shared.cards(N05_SMOOTHING)
    note = holding(found, "the seasonal index for period $i$")
    assert note and note[0]["front"].endswith("Note: Original Holt–Winters form"), found


FIXES = notebook("""# Hierarchical forecasts

## Reconciliation

- **Bottom-up** sums the lowest-level forecasts. It ignores the better signal at the top.
- **Incoherence** when each level is forecast on its own. Fixes: reconcile with MinT, or forecast only the bottom
  level and sum; MinT needs an estimate of the error covariance.
""")


N06_HIERARCHY = NOTES.add({"nbs/06_hierarchy.ipynb": FIXES})


def test_a_bullets_fix_stays_with_its_bold_lead(shared):
    """"**Incoherence** when …. Fixes: …" read "Fixes:" as the next term's label and cut the item there."""
    found = shared.cards(N06_HIERARCHY)
    lead = holding(found, "when each level is forecast on its own")
    assert lead and "reconcile with MinT" in lead[0]["back"], found


LOG = notebook("""# Study log

> What I did each session. Not polished.
""", """## 2024-05-02
Intervals, first pass. Conformal wrapper works on the toy series. Open question: how should the calibration window
move when the series has a level shift?

## 2024-05-06
Quantile loss. Pinball loss penalises under-forecasts more when the quantile is high. That is why the 0.9
quantile forecast sits above the median.
""")


LOG_2 = NOTES.add({"nbs/tutorials/log.ipynb": LOG})


def test_a_study_logs_open_question_is_no_lesson(shared):
    """A log entry's "Open question: …?" became a card "… works. Why?" over the writer's question."""
    found = shared.cards(LOG_2)
    assert not holding(found, "calibration window"), found
    assert not holding(found, "What I did each session")


RESULTS = notebook("""# Walkthrough: naive vs ETS on the airline series

## Setup

Monthly totals, last two years held out; `seasonal=12` sets the period (the fit is slow; log the fit time next time).
""", """## Results

Numbers from my run on 2024-06-01 (pasted, the cell is not executed on build):

| | MAE | MASE |
|---|---|---|
| naive | 41.2 | 1.00 |
| ETS | 18.7 | 0.45 |

ETS wins on error *and* is cheap to fit. Next: the same comparison on the weekly series ([intervals](../07_intervals.ipynb)).
""")


WALKTHROUGH = NOTES.add({"nbs/tutorials/walkthrough.ipynb": RESULTS})


def test_a_pasted_table_of_the_writers_run_is_on_no_card(shared):
    found = shared.cards(WALKTHROUGH)
    assert not holding(found, "41.2") and not holding(found, "Numbers from my run"), found
    assert holding(found, "is cheap to fit")


WALKTHROUGH_2 = NOTES.add({"nbs/tutorials/walkthrough.ipynb": RESULTS})


def test_a_front_is_not_cut_at_the_and_of_a_second_verb(shared):
    """"ETS wins on error *and* is …": the subject read up to "is" made the front "… › ETS wins on error *and*"."""
    found = shared.cards(WALKTHROUGH_2)
    assert not [c for c in found if c["front"].rstrip("*").endswith("and")], found


WALKTHROUGH_3 = NOTES.add({"nbs/tutorials/walkthrough.ipynb": RESULTS})


def test_a_chore_put_off_to_next_time_is_off_the_back(shared):
    found = shared.cards(WALKTHROUGH_3)
    setup = holding(found, "sets the period")
    assert setup and "next time" not in setup[0]["back"], found


def test_nbdev_furniture_is_on_no_card(tmp_path):
    """A guard: nbdev's code cells (`#| export`, `#| hide`, `show_doc`, `test_eq`) and its project files
    (`settings.ini`, `_quarto.yml`, `sidebar.yml`) are read as no note."""
    notes = {"nbs/01_metrics.ipynb": OPENING, "settings.ini": "[DEFAULT]\nlib_name = fc\ndescription = A tiny lib\n",
             "nbs/_quarto.yml": "project:\n  type: website\n", "nbs/sidebar.yml": "website:\n  sidebar:\n"}
    found = cards(tmp_path, notes)
    sides = "\n".join(c["front"] + "\n" + c["back"] for c in found)
    for furniture in ("#|", "show_doc", "test_eq", "nbdev", "lib_name", "sidebar", "type: website"):
        assert furniture not in sides, (furniture, found)
