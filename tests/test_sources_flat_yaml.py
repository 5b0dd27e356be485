"""The flat front-matter reader (mlwiki/sources/flat_yaml.py) must give exactly what PyYAML gives, or decline."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlwiki.sources.flat_yaml import read_flat
from mlwiki.sources.notes import front_matter_block, split_front_matter

KEYS = ["title", "tags", "date", "date created", "deck", "mlwiki", "a-b", "_x", "x1", "yes", "no", "on", "Off",
        "null", "true", "y", "key ", "k" * 300, "cat/sub", "ключ"]
PLAIN = ["attention", "Attention is all you need", "a, b", "Bishop's book", "x [2017]", "10:53:45 pm", "1:20",
         "0x1F", "0o17", "017", "1e3", "1.5e-3", ".5", "+1", "-1", "1_000", ".inf", "-.Inf", ".nan", "~", "null",
         "Null", "True", "yes", "off", "y", "n", "2026-01-15", "2026-02-30", "2026-01-15 09:00:00",
         "2026-01-15T09:00:00Z", "2021-01-08 16:04:35.5 +02:00", "12345678901234567890", "a: b", "a #b", "a#b",
         "c++", "x:", "=", "<<", "-", "?", "!tag", "&anchor", "*alias", "|", ">", "%", "@x", "`x`", "a\tb",
         "a\u00a0b", "a\u200bb", "naïve", "🙂", "[a, b]", "{a: b}"]
QUOTED = ['"quoted"', '"with \\"escape\\""', '"a: b # c"', "'single'", "'it''s'", '"', "'", '""', "''",
          '"back\\slash"', '"tab\there"']
FLOW_ITEMS = ["a", "b c", "1", "2.5", "true", "null", "-1", "x:y", "Bayes' theorem", "deep-learning", "a/b",
              " spaced ", "", "#c", "[n]"]


def flow_list(items: list[str]) -> str:
    return "[" + ",".join(items) + "]"


values = st.one_of(
    st.sampled_from(PLAIN), st.sampled_from(QUOTED), st.just(""), st.just("   "),
    st.lists(st.sampled_from(FLOW_ITEMS), max_size=4).map(flow_list),
    st.sampled_from(PLAIN).map(lambda v: v + "   # a comment"),
)
items = st.one_of(st.sampled_from(PLAIN), st.sampled_from(QUOTED), st.just(""))


@st.composite
def front_matter(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["entry"] * 6 + ["list"] * 3 + ["blank", "comment", "odd"]))
        key = draw(st.sampled_from(KEYS))
        if kind == "entry":
            lines.append(f"{key}: {draw(values)}".rstrip(" ") if draw(st.booleans()) else f"{key}: {draw(values)}")
        elif kind == "list":
            indent = draw(st.sampled_from(["", "  ", "    "]))
            lines.append(f"{key}:")
            for _ in range(draw(st.integers(0, 3))):
                item = draw(items)
                lines.append(f"{indent}- {item}" if item else f"{indent}-")
            if draw(st.integers(0, 4)) == 0:
                lines.append(draw(st.sampled_from(["  nested: map", "  continued line", " - other indent"])))
        elif kind == "blank":
            lines.append("")
        elif kind == "comment":
            lines.append(draw(st.sampled_from(["# comment", "  # indented comment"])))
        else:
            lines.append(draw(st.sampled_from(["key:value", "- top item", "? complex", "%YAML 1.1", "k: &a x",
                                               "k: *a", "k: !!str 1", "k: |", "  indented: x", "k:\tv",
                                               "k: v\r", "\ufeffk: v"])))
    return "\n".join(lines) + "\n"


def typed(value):
    """A value with the types of everything in it, so that 1 == True or 1.0 == 1 cannot pass for equality."""
    if isinstance(value, dict):
        return {typed(k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    if isinstance(value, float) and value != value:
        return ("nan",)
    return (type(value).__name__, value)


def pyyaml(text: str):
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except Exception as exc:  # noqa: BLE001 - any failure: the flat reader must have declined
        return exc


def assert_same_or_declined(text: str) -> None:
    fast = read_flat(text)
    if fast is not None:
        assert typed(fast) == typed(pyyaml(text)), f"read_flat differs from PyYAML on {text!r}"


@pytest.mark.slow
@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front_matter())
def test_flat_reader_agrees_with_pyyaml_or_declines(text):
    assert_same_or_declined(text)


@pytest.mark.slow
@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_flat_reader_never_raises_on_any_text(text):
    assert_same_or_declined(text)


@pytest.mark.parametrize("text, expected", [
    ("title: Adam\ntags: [optimization, deep learning]\n", {"title": "Adam", "tags": ["optimization", "deep learning"]}),
    ("date: 2025-04-12\nmlwiki: false\n", {"date": date(2025, 4, 12), "mlwiki": False}),
    ("date created: 2021-01-08 16:04:35\n", {"date created": datetime(2021, 1, 8, 16, 4, 35)}),
    ('title: "Attention: a primer"\ncategories:\n  - nlp\n  - attention\n',
     {"title": "Attention: a primer", "categories": ["nlp", "attention"]}),
    ("tags:\n- a\n- 2\n", {"tags": ["a", 2]}),
    ("deck:\ntitle: x\n", {"deck": None, "title": "x"}),
    ("title: a\ntitle: b\n", {"title": "b"}),
])
def test_everyday_shapes_are_read(text, expected):
    assert typed(read_flat(text)) == typed(expected) == typed(yaml.safe_load(text))


@pytest.mark.parametrize("text", [
    "format:\n  html:\n    toc: true\n",  # nesting
    "title: Attention\n  is all you need\n",  # a continuation line
    "base: &b x\nother: *b\n",  # anchors
    "title: x # comment\n",  # a comment after a value
    'title: "esc\\"aped"\n',  # escapes
    "date: 2026-02-30\n",  # not a real date: PyYAML reports it
    "yes: 1\n",  # a key PyYAML reads as True
    "- a\n- b\n",  # not a mapping
    "",
])
def test_anything_else_is_left_to_pyyaml(text):
    assert read_flat(text) is None


def test_front_matter_of_real_and_generated_notes_is_read_as_pyyaml_reads_it():
    roots = [Path(__file__).resolve().parent.parent / "notes"]
    corpora = Path(__file__).resolve().parents[2] / "shared" / "corpora"
    roots += [corpora] if corpora.is_dir() else []
    checked = 0
    for root in roots:
        for path in root.rglob("*"):
            if path.suffix in (".md", ".qmd") and path.is_file():
                block = front_matter_block(path.read_text(encoding="utf-8", errors="replace"))
                if block:
                    assert_same_or_declined(block[0])
                    checked += 1
    assert checked >= 10


def test_split_front_matter_uses_it_and_still_reports_bad_yaml():
    meta, body, offset, problems = split_front_matter("---\ntitle: Adam\ntags: [a, b]\n---\nQ: x\nA: y\n", "a.md")
    assert meta == {"title": "Adam", "tags": ["a", "b"]} and body == "Q: x\nA: y\n" and offset == 4 and not problems
    meta, _, _, problems = split_front_matter("---\ntitle: [unclosed\n---\nbody\n", "b.md")
    assert meta == {} and len(problems) == 1 and "not valid YAML" in problems[0].message
