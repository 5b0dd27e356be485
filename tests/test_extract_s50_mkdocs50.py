"""MkDocs Material pages as their site shows them (session 50, held25-mkdocs): Python-Markdown's attribute lists,
Material's icons and code annotation markers never on a card, an admonition whose title holds an escaped quote read
as a box, and the writer's conventions and weekly study log no cards. Notes written in that style into tmp_path,
read back through the CLI as a learner meets the cards."""

from __future__ import annotations

from conftest import backs_by_front, new_wiki

CONFIG = 'name = "T"\nformulas = "display"\ndefinitions = true\nsections = true\n[review]\ntimezone = "UTC"\n'


def cards_of(tmp_path, notes: dict[str, str]) -> dict[str, str]:
    return backs_by_front(new_wiki(tmp_path, notes, CONFIG))


def _sides(made: dict[str, str]) -> str:
    return "\n".join(side for card in made.items() for side in card)


def test_attribute_lists_icons_and_annotation_markers_are_not_shown(tmp_path):
    """'## Label smoothing { #smoothing }' showed as 'Label smoothing { }' on every front under it, an icon
    shortcode ':material-lightbulb:' as its name, a lone '{ .annotate }' line and a code line's '# (1)!' marker as
    raw text: MkDocs shows none of them."""
    note = ("# Regularisers :material-shield-outline:\n\n## Label smoothing { #smoothing }\n\n"
            "Label smoothing replaces the one-hot target with a mixture of it and the uniform distribution "
            ":fontawesome-solid-scale-balanced:.\n\n"
            "## In code { .sketch data-level }\n\n```python\nloss = nn.CrossEntropyLoss(label_smoothing=0.1)  # (1)!\n```\n"
            "{ .annotate }\n\n1. The smoothing weight spreads a tenth of the mass over all classes.\n")
    made = cards_of(tmp_path, {"regularisers.md": note})
    sides = _sides(made)
    assert "Label smoothing" in sides, made
    for raw in ("{", ":material-", ":fontawesome-", "(1)!", "annotate"):
        assert raw not in sides, (raw, made)


def test_an_admonition_title_with_an_escaped_quote_is_a_box(tmp_path):
    """'!!! warning "Why \\"dropout\\" is off at test time"' was not read as a box: its marker line and the text
    indented under it reached another card's back as written."""
    note = ("# Dropout\n\n## At test time\n\nDropout zeroes each unit with probability $p$ while training.\n\n"
            '!!! warning "Why \\"dropout\\" is off at test time"\n'
            "    Scaling the kept units by $1/(1-p)$ while training keeps the expected activation unchanged.\n")
    made = cards_of(tmp_path, {"dropout.md": note})
    sides = _sides(made)
    assert "!!!" not in sides and '\\"' not in sides, made
    assert "expected activation unchanged" in sides, made


def test_the_writers_conventions_are_no_cards(tmp_path):
    """A home page's '## Conventions I use' (how the writer names tensors, what each box colour means, which exam
    covers what) says how the notes are kept, not their subject."""
    home = ("# Vision notes\n\nMy notes for the course.\n\n## Conventions I use\n\n"
            "Images are channels-last unless stated. Batch size is $B$, kernel size $k$.\n\n"
            "| Box | Meaning |\n|---|---|\n| `tip` | intuition |\n| `danger` | mistakes I made |\n\n"
            '!!! info "Exam"\n    The quiz covers chapters one to three only.\n\n'
            "## Pooling\n\nMax pooling keeps the largest activation in each window.\n")
    made = cards_of(tmp_path, {"index.md": home})
    sides = _sides(made)
    assert "largest activation" in sides, made
    for junk in ("channels-last", "intuition", "chapters one to three"):
        assert junk not in sides, (junk, made)


def test_a_study_logs_weeks_are_no_cards(tmp_path):
    """A 'Study log' kept under '## Week 4' headings tells what the writer did that week, not the subject."""
    log = ("# Study log\n\n## Week 5\n\n- Wrote the pooling page. Segmentation finally made sense.\n\n"
           "## Week 4\n\n- Set up the site and its theme.\n")
    made = cards_of(tmp_path, {"log.md": log, "pooling.md": "# Pooling\n\nMax pooling keeps the largest activation.\n"})
    sides = _sides(made)
    assert "largest activation" in sides, made
    for junk in ("pooling page", "theme"):
        assert junk not in sides, (junk, made)
