"""Cards a careful learner makes that no card held, or cards no learner could study (issue 23, session 45). Notes
written in the styles of the collections into tmp_path, read back through the CLI as a learner meets the cards."""

from __future__ import annotations

import pytest

import json

from conftest import backs_by_front, new_wiki, run
from shared_notes import Scanned, SharedNotes

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = false\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, name: str, note: str) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, {name: note}, CONFIG))


def test_a_notion_pages_property_lines_are_no_card(tmp_path):
    """Notion writes a page's properties as lines under its title ("Tags: ML, RecSys", "Created: March 14, 2024
    3:15 PM", "Status: Done"): every exported page made a card of them. They are the page's front matter; two
    lines defining two words under a title are still what the note teaches."""
    page = ("# Cold start and popularity bias\n\nTags: bias, RecSys\nCreated: April 16, 2024 8:12 PM\n"
            "Status: In progress\n\n## Cold start\n\nA new item nobody has rated is never recommended by pure CF.\n")
    made = cards_of(tmp_path, "Cold start and popularity bias 9009876a1688372a9d69f41670050247.md", page)
    assert not any("Created" in side or "RecSys" in side for card in made.items() for side in card), made
    assert any("never recommended by pure CF" in back for back in made.values()), made

    words = ("# Errors\n\nBias: the error from wrong assumptions in the model.\n"
             "Variance: the error from sensitivity to the training sample.\n")
    made = cards_of(tmp_path / "w2", "Errors.md", words)
    assert any("wrong assumptions" in back and "sensitivity" in back for back in made.values()), made


NOTES = SharedNotes(CONFIG)  # every test's notes, in wikis scanned once for the module


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Scanned:
    return NOTES.scan(tmp_path_factory)


EVALUATION = NOTES.add({
    "Evaluation.md": (
        "# Evaluation\n\n## Offline metrics\n\nNDCG discounts a relevant item by the log of its rank.\n\n"
        "<aside>\n⚠️ **Sampled metrics** rank the held-out item among a hundred random negatives and can flip "
        "which model looks better.\n\n</aside>\n\n## Online\n\n"
        "<aside>💡 Interleaving mixes two rankers' lists and needs far fewer users than an A/B test.</aside>\n")
})


def test_a_notion_callout_is_a_card_of_its_text_without_its_icon(shared):
    """Notion exports a callout as `<aside>💡 …</aside>`, on one line or over several: as an HTML block it showed
    nothing, and its section's card had an empty back. It is a callout: its text is a card, the emoji is its icon."""
    made = shared.backs_by_front(EVALUATION)
    backs = "\n".join(made.values())
    assert "can flip which model looks better" in backs, made
    assert "needs far fewer users than an A/B test" in backs, made
    assert all(back.strip() for back in made.values()), made
    assert "<aside" not in backs and "💡" not in backs and "⚠️" not in backs, made


def test_a_notebooks_alert_box_is_a_card_and_ends_where_it_closes(tmp_path):
    """The classic Jupyter note box, `<div class="alert alert-block alert-info">` … `</div>`, showed nothing (an
    HTML block): the card under its heading had an empty back and its fact was lost. Its text is a callout's; a
    `</div>` at the end of its last line closes it, and the sections after it are read as before."""
    cells = [("# Lecture 1: Robust scores\n\n## Masking\n\n<div class=\"alert alert-block alert-warning\">\n"
              "<b>Note:</b> several outliers inflate the standard deviation and hide each other; this is masking."
              "</div>"),
             "## MAD\n\nThe median absolute deviation is scaled by 1.4826 to match the standard deviation.",
             "<div>\nA plain box holds ordinary text: the MAD is zero when half the values are equal.\n</div>"]
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                "cells": [{"cell_type": "markdown", "metadata": {}, "source": text} for text in cells]}
    made = cards_of(tmp_path, "lecture1.ipynb", json.dumps(notebook))
    backs = "\n".join(made.values())
    assert "hide each other; this is masking" in backs, made
    assert "scaled by 1.4826" in backs and "zero when half the values are equal" in backs, made
    assert all(back.strip() for back in made.values()), made
    assert "<div" not in backs and "</div>" not in backs, made


def test_plain_review_shows_inline_html_as_the_text_it_marks(tmp_path):
    """A notebook's "<b>Note:</b> …<br>…" reached the plain review as its tags; rich's review dropped the line
    break. Bold and italic tags are emphasis, `<br>` a line break, any other tag is left out with its text kept."""
    wiki = new_wiki(tmp_path, {"a.md": "Q: What does masking do?\nA: <b>Outliers</b> hide each other.<br>"
                                       "The <span>SD</span> grows.\n"}, CONFIG)
    shown = run(wiki, "review", "--plain", input="\n3\n", ok=True).output
    assert "Outliers hide each other.\nThe SD grows." in shown, shown
    assert "<b>" not in shown and "<br>" not in shown and "<span>" not in shown, shown


LIME = NOTES.add({
    "LIME.md": (
        "# LIME\n\n## My thoughts\n- the kernel width changes the explanation a lot and has no principled choice\n"
        "- two runs on the same input can rank the features differently\n"
        "- %% I used it on the course project; fix the tokenizer before blaming it %%\n")
})


def test_an_item_that_is_only_a_comment_leaves_no_empty_bullet(shared):
    """`- %% fix the tokenizer first %%` is hidden in Obsidian: the card of its list showed an empty "- " item."""
    made = shared.backs_by_front(LIME)
    backs = "\n".join(made.values())
    assert "kernel width changes" in backs, made
    assert not any(line.strip() in ("-", "- ") for line in backs.splitlines()), made
    assert "tokenizer" not in backs, made


def test_a_link_to_a_heading_shows_the_note_and_the_heading(tmp_path):
    """`[[Shapley values#What is v(S)?]]` showed as "Shapley values What is v(S)?", one run of words; Obsidian
    shows the note and the heading apart."""
    wiki = new_wiki(tmp_path, {"a.md": "Q: Where is the choice of the value function discussed?\n"
                                       "A: → [[Shapley values#Choosing the value function]]\n"}, CONFIG)
    shown = run(wiki, "review", "--plain", input="\n3\n", ok=True).output
    assert "Shapley values › Choosing the value function" in shown, shown


FAIRNESS_METRICS = NOTES.add({
    "Fairness metrics.md": (
        "# Fairness metrics\n\n## The impossibility result\n\nIn each group, with base rate $p$, the error "
        "rates are tied by\n$$\n\\mathrm{FPR} = \\frac{p}{1-p} \\cdot \\frac{1-\\mathrm{PPV}}{\\mathrm{PPV}} \\cdot "
        "(1-\\mathrm{FNR})\n$$\nso with unequal base rates and equal PPV the error rates cannot both be equal.\n\n"
        "General version: any two of the three criteria exclude each other except in degenerate cases:\n"
        "- independence and sufficiency need equal base rates\n- independence and separation need a useless "
        "score\n\n→ ==there is no fair metric without a value judgement about which errors matter==\n\n"
        "### COMPAS\nThe case study everyone cites.\n")
})


def test_a_highlighted_conclusion_is_no_topic_of_its_arrow(shared):
    """A conclusion written "→ ==there is no fair metric without a value judgement==" was asked under the front
    "… › → ==there": its arrow and highlight marks, and the "there" of "there is", are no topic."""
    made = shared.backs_by_front(FAIRNESS_METRICS)
    assert any("value judgement about which errors matter" in back for back in made.values()), made
    assert not any("==" in front or "→" in front for front in made), made


FAIRNESS = NOTES.add({
    "Fairness.md": (
        "# Fairness\n\n## Fixing it\n- **pre-processing**: reweighing or resampling the training data\n"
        "- **in-processing**: a fairness penalty added to the training loss\n- dropping the sensitive attribute "
        "does not work: **proxies** (zip code, name, ...) carry the information\n")
}, config=CONFIG.replace("definitions = false",
                                                                                    "definitions = true"))


def test_a_bracket_of_examples_after_a_bold_word_defines_nothing(shared):
    """"**proxies** (zip code, name, ...) carry the information" made "Define: proxies" → "zip code, name, ...":
    a list of examples that trails off says what falls under a word, not what it means."""
    made = shared.backs_by_front(FAIRNESS)
    assert not any(front.endswith("Define: proxies") for front in made), made
    assert any("carry the information" in back for back in made.values()), made


INIT = NOTES.add({
    "init.qmd": (
        "# Initialisation\n\n## Variance propagation\n\n:::: {.columns}\n::: {.column width=\"50%\"}\n"
        "**Xavier / Glorot** [@glorot2010]\n\nCompromise between the two:\n$$\n\\sigma_w^2 = \\frac{2}{n_{in}+n_{out}}"
        "\n$$\n:::\n::: {.column width=\"50%\"}\n**He / Kaiming**\n\nFor ReLU:\n$$\n\\sigma_w^2 = \\frac{2}{n_{in}}\n$$\n"
        ":::\n::::\n\n## Practice\n\n**Defaults**\n\n- PyTorch's linear layers use a uniform fan-in scheme\n"
        "- biases start at zero\n")
})


def test_a_bold_line_alone_titles_the_text_under_it(shared):
    """In Quarto columns, "**Xavier / Glorot**" over "Compromise between the two: $$…$$" asked "Init › Compromise
    between the two:", naming neither scheme. A bold phrase alone on its line titles what follows up to the next
    heading, bold title or the end of its box; a bold label over a list or a table stays their label."""
    made = shared.backs_by_front(INIT)
    assert any("Xavier / Glorot" in front and "n_{in}+n_{out}" in back for front, back in made.items()), made
    assert any("He / Kaiming" in front and "\\frac{2}{n_{in}}" in back for front, back in made.items()), made
    assert not any("Defaults" in front and "Kaiming" in front for front in made), made


LECTURE = NOTES.add({
    "lecture.qmd": (
        "---\ntitle: Diffusion models\nformat: revealjs\n---\n\n## Guidance\n\n::: {.incremental}\n"
        "- classifier-free guidance mixes the conditional and unconditional noise estimates\n"
        "- a guidance weight above one trades diversity for fidelity\n:::\n\n. . .\n\n"
        "Latent diffusion runs the process in an autoencoder's latent space to save compute.\n\n"
        "## Forward process\n\n- noise is added step by step\n\n::: {.notes}\nThe forward process is a fixed "
        "Markov chain that adds Gaussian noise on a variance schedule until the data is pure noise.\n:::\n")
})


def test_a_slides_incremental_list_speaker_notes_and_pauses_are_its_text(shared):
    """reveal.js slides in Quarto: a `::: {.incremental}` list and the `::: {.notes}` (the speaker's explanation)
    were on no card at all, and a `. . .` pause reached a back. Those divs only say how the slide shows its text."""
    made = shared.backs_by_front(LECTURE)
    backs = "\n".join(made.values())
    assert "trades diversity for fidelity" in backs and "autoencoder's latent space" in backs, made
    assert "fixed Markov chain" in backs, made
    assert ". . ." not in backs, made


KL_DIVERGENCE = NOTES.add({
    "kl-divergence.md": (
        "# KL divergence\n\n## Asymmetry\n\nKL divergence is not symmetric in its arguments.\n\n"
        "::: warning Watch out\nForward KL is mass-covering and reverse KL is mode-seeking.\n:::\n\n"
        "::: details Proof of non-negativity\nJensen's inequality on the convex function minus log gives it.\n"
        ":::\n\n:::tip[Exam]\nCross-entropy is entropy plus the KL divergence.\n:::\n")
})


def test_vitepress_containers_are_callouts_with_their_titles(shared):
    """VitePress (and VuePress, Docusaurus) write boxes as `::: warning Watch out` and folds as `::: details
    Proof`: their text was on no card. They are callouts and folds, titled by the words after their kind."""
    made = shared.backs_by_front(KL_DIVERGENCE)
    backs = "\n".join(made.values())
    assert any("Watch out" in front and "mode-seeking" in back for front, back in made.items()), made
    assert any("Proof of non-negativity" in front and "Jensen" in back for front, back in made.items()), made
    assert "entropy plus the KL" in backs, made


def test_a_vitepress_pages_furniture_is_no_card_and_leaks_nothing(tmp_path):
    """A VitePress page: its `<script setup>` made a card with an empty back, `# {{ $frontmatter.title }}` stood
    on every front, `<Badge … />` in a heading and `[[toc]]` were shown, `:warning:` stayed a shortcode."""
    page = ("---\ntitle: Entropy\noutline: deep\n---\n\n<script setup>\nimport Chart from './Chart.vue'\n</script>\n\n"
            "# {{ $frontmatter.title }}\n\n[[toc]]\n\n## Definition <Badge type=\"tip\" text=\"exam\" />\n\n"
            "Entropy is the expected surprise of a random variable. :warning: It is largest for the uniform "
            "distribution.\n\n<Chart />\n")
    wiki = new_wiki(tmp_path, {"docs/entropy.md": page}, CONFIG)
    made = backs_by_front(wiki)
    assert [front.split("\n")[0] for front in made] == ["Entropy › Definition"], made
    shown = run(wiki, "review", "--plain", input="\n3\n", ok=True).output
    assert "⚠️ It is largest" in shown and ":warning:" not in shown, shown
    assert "toc" not in shown and "import" not in shown, shown


BPR = NOTES.add({
    "BPR.md": (
        "# BPR\n\n## LearnBPR\n\nLearnBPR samples a user, a positive and a negative item and takes one SGD step on "
        "the pairwise loss.\n\n<aside>❓ does BPR-MF really beat WRMF in practice? the paper says yes on AUC. ask "
        "in reading group</aside>\n")
})


def test_a_notion_callout_with_a_question_mark_icon_is_the_writers_open_question(shared):
    """`<aside>❓ does BPR really beat WRMF in practice? … ask in reading group</aside>` is the writer's doubt, as a
    to-do is: no card (it was one, under "… › Note")."""
    made = shared.backs_by_front(BPR)
    assert any("one SGD step" in back for back in made.values()), made
    assert not any("WRMF" in front + back for front, back in made.items()), made
