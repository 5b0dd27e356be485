"""Hostile notes exported to Anki: every XSS payload, in every card form, is inert after a real `anki` import, and
media references never carry a file from outside the wiki into Anki's media folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import write
from test_export import all_notes, col, export_and_import, tiny_png  # noqa: F401 - col is a fixture
from xss import XSS_PAYLOADS, assert_safe

pytestmark = pytest.mark.slow  # subprocesses, ptys or real Anki collections: `pytest -m "not slow"` skips them


def on_the_back(payloads: list[str]) -> str:
    """One card div per payload, with the payload as its back."""
    return "\n".join(f"::: {{.card}}\n## Payload {n} on the back\n\n{payload}\n:::\n"
                     for n, payload in enumerate(payloads))


def in_fronts_and_clozes(payloads: list[str]) -> str:
    """Each one-line payload in a question and inside a cloze."""
    return "\n".join(f"Q: Payload {n} in a front {payload}\nA: back {n}\n\n"
                     f"Payload {n} in a cloze: {{{{c1::{payload}}}}} and {{{{c2::text {n}}}}}.\n"
                     for n, payload in enumerate(payloads) if "\n" not in payload)


@pytest.fixture
def hostile_wiki(tmp_path: Path) -> Path:
    root = tmp_path / "wiki"
    root.mkdir()
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    write(root, "notes/backs.md", on_the_back(XSS_PAYLOADS))
    write(root, "notes/fronts.md", in_fronts_and_clozes(XSS_PAYLOADS))
    return root


def test_there_are_at_least_30_payloads():
    assert len(set(XSS_PAYLOADS)) >= 30


def test_nothing_executable_survives_a_real_anki_import(hostile_wiki, now, col):
    report = export_and_import(hostile_wiki, now, col)
    notes = all_notes(col)
    # every payload reached Anki (so the check below really looked at it), or was nothing but unsafe HTML and
    # left an empty back: such a note is not exported, and the report says so
    backs = [n for n in notes if "Front" in n.keys() and "on the back" in n["Front"]]
    emptied = [w for w in report.warnings if w.startswith("notes/backs.md:") and "empty once unsafe HTML" in w]
    # (a payload that is one whole HTML comment line, `<!--[if IE]>…<![endif]-->`, is hidden as the page hides a
    # comment: that section has no text, so no card at all)
    hidden = [p for p in XSS_PAYLOADS if p.startswith("<!--") and p.find("-->") == len(p) - 3]
    assert len(backs) + len(emptied) + len(hidden) == len(XSS_PAYLOADS)
    assert len(backs) >= 60
    checked = 0
    for note in notes:
        for name, value in note.items():
            if name in ("Id", "Source"):
                continue
            assert_safe(value)
            checked += 1
        for card in note.cards():
            out = card.render_output(reload=True)
            for text in (out.question_text, out.answer_text):  # what the web view shows: template + fields
                assert_safe(text)
    assert checked >= 3 * len(XSS_PAYLOADS)


def test_source_and_id_fields_are_plain_text(hostile_wiki, now, col):
    """Source (path:line and heading) comes from the note too: it must be escaped, not markup."""
    write(hostile_wiki, "notes/<img src=x onerror=alert(1)>.md",
          "# <script>alert(1)</script>\n\nQ: Heading attack?\nA: yes\n")
    export_and_import(hostile_wiki, now, col)
    for note in all_notes(col):
        assert "<script" not in note["Source"].lower() and "<img" not in note["Source"].lower()
        assert "<" not in note["Id"]


MEDIA_NOTE = """::: {{.card}}
## Which images come along?

![inside](img/ok.png)
![up](../outside.png) ![up twice](../../outside.png) ![absolute]({absolute})
![file url](file://{absolute}) ![web](https://example.org/outside.png) ![link](img/link.png)
![through linked folder](linked/outside.png) ![encoded](..%2Foutside.png)
:::
"""


def test_media_never_leaves_the_wiki(tmp_path, now, col):
    root = tmp_path / "wiki"
    (root / "notes" / "img").mkdir(parents=True)
    (root / "mlwiki.toml").write_text('name = "T"\n[review]\ntimezone = "UTC"\n', encoding="utf-8")
    secret = b"outside the wiki"
    (tmp_path / "outside.png").write_bytes(secret)
    (root / "outside.png").write_bytes(secret + b" but in the wiki root")  # inside the wiki, outside notes/
    (root / "notes" / "img" / "ok.png").write_bytes(tiny_png())
    try:
        (root / "notes" / "img" / "link.png").symlink_to(tmp_path / "outside.png")
        (root / "notes" / "linked").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("no symlinks here")
    write(root, "notes/media.md", MEDIA_NOTE.format(absolute=tmp_path / "outside.png"))

    report = export_and_import(root, now, col)
    media = {p.name: p.read_bytes() for p in Path(col.media.dir()).iterdir() if p.is_file()}
    assert tiny_png() in media.values(), "the image inside the wiki is exported"
    assert secret not in media.values(), "no file from outside the wiki reaches Anki"
    assert sum(1 for w in report.warnings if "outside" in w) >= 4
    (note,) = all_notes(col)
    assert_safe(note["Back"])

