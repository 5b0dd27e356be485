"""The four note types of an export: fixed ids, fixed fields, templates and CSS.

* **Note types** have fixed ids (the constants below, chosen once at random) and fixed field lists. Anki matches
  an imported note type by id; a changed id would move every note to a new note type, and a changed field list
  is a migration for every user's collection. Never change them; add a new note type instead.

  ============================  =============================  ==========================================
  note type                     fields                         cards
  ============================  =============================  ==========================================
  mlwiki Basic                  Front, Back, Source, Id        1 (kinds ``basic`` and ``definition``)
  mlwiki Basic (and reversed)   Front, Back, Source, Id        2 (a ``basic`` card and its ``reverse``)
  mlwiki Cloze                  Text, Extra, Source, Id        one per cloze group (kind ``cloze``)
  mlwiki Formula                Front, Back, Source, Id        1 (kind ``formula``)
  ============================  =============================  ==========================================

  One Anki note per mlwiki ``note_id``: the two directions of ``a ::: b`` and all groups of a cloze block are
  siblings in Anki as they are in mlwiki. ``Id`` holds the note id, ``Source`` ``path:line · heading path``.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
from dataclasses import dataclass, field, replace


# Note type ids: chosen once with random.randrange(1 << 30, 1 << 31). NEVER change them (see the module docs).
BASIC_MODEL_ID = 1670685533
TWO_WAY_MODEL_ID = 2073484987
CLOZE_MODEL_ID = 1825027148
FORMULA_MODEL_ID = 2086185615

BASIC_FIELDS = ("Front", "Back", "Source", "Id")
CLOZE_FIELDS = ("Text", "Extra", "Source", "Id")


CSS = """\
.card {
  --mw-fg: #1f2328; --mw-bg: #ffffff; --mw-muted: #656d76; --mw-rule: #d0d7de;
  --mw-code-bg: #f2f4f7; --mw-accent: #0969da; --mw-cloze: #0550ae; --mw-cloze-bg: #ddf4ff;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Helvetica, Arial, sans-serif;
  font-size: 20px;
  line-height: 1.5;
  color: var(--mw-fg);
  background-color: var(--mw-bg);
  text-align: left;
  overflow-wrap: break-word;
  -webkit-text-size-adjust: 100%;
}
.card.nightMode, .nightMode .card, .card.night_mode, .night_mode .card {
  --mw-fg: #e6edf3; --mw-bg: #1e1f22; --mw-muted: #9198a1; --mw-rule: #3d444d;
  --mw-code-bg: #2b2d31; --mw-accent: #4493f8; --mw-cloze: #79c0ff; --mw-cloze-bg: #12263f;
}
.mw { max-width: 40em; margin: 0 auto; padding: 0 0.4em; }
.mw p { margin: 0.5em 0; }
.mw-kind { max-width: 40em; margin: 0 auto 0.3em; padding: 0 0.4em; font-size: 0.65em; letter-spacing: 0.06em;
  text-transform: uppercase; color: var(--mw-muted); }
.mw-formula { text-align: center; font-size: 1.1em; }
.mw a { color: var(--mw-accent); }
.mw img { max-width: 100%; height: auto; }
.mw code, .mw pre, .mw kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85em;
  background: var(--mw-code-bg); border-radius: 4px; }
.mw code { padding: 0.1em 0.3em; }
.mw pre { padding: 0.6em 0.8em; overflow-x: auto; }
.mw pre code { padding: 0; background: none; }
.mw blockquote { margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid var(--mw-rule); color: var(--mw-muted); }
.mw table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
.mw th, .mw td { border: 1px solid var(--mw-rule); padding: 0.2em 0.5em; }
.mw ul, .mw ol { padding-left: 1.4em; }
.cloze { font-weight: 600; color: var(--mw-cloze); background: var(--mw-cloze-bg); border-radius: 3px;
  padding: 0 0.15em; }
hr#answer { border: none; border-top: 1px solid var(--mw-rule); margin: 1em auto; max-width: 40em; }
.mw-extra { max-width: 40em; margin: 0.8em auto 0; padding: 0 0.4em; color: var(--mw-muted); font-size: 0.9em; }
.mw-source { max-width: 40em; margin: 1.4em auto 0; padding: 0 0.4em; font-size: 0.65em; color: var(--mw-muted); }
.mw-missing { color: var(--mw-muted); font-style: italic; font-size: 0.8em; }
mjx-container[display="true"] { overflow-x: auto; overflow-y: hidden; max-width: 100%; padding: 0.2em 0; }
@media (max-width: 600px) {
  .card { font-size: 18px; }
  .mw, .mw-kind, .mw-extra, .mw-source { padding: 0 0.15em; }
}
"""

_SOURCE = '<div class="mw-source">{{Source}}</div>'


def _templates(kind: str, macros: str) -> list[dict]:
    """Card templates of one note type. `macros` (already template-safe) starts every question side."""
    def side(field_name: str, css_class: str = "mw") -> str:
        return f'<div class="{css_class}">{{{{{field_name}}}}}</div>'

    answer = '{{FrontSide}}\n<hr id="answer">\n'
    if kind == "cloze":
        text = '<div class="mw">{{cloze:Text}}</div>'
        return [{"name": "Cloze", "qfmt": macros + text,
                 "afmt": macros + text + '\n{{#Extra}}<div class="mw-extra">{{Extra}}</div>{{/Extra}}\n' + _SOURCE}]
    if kind == "formula":
        return [{"name": "Formula", "qfmt": macros + '<div class="mw-kind">Formula</div>\n' + side("Front"),
                 "afmt": answer + side("Back", "mw mw-formula") + "\n" + _SOURCE}]
    forward = {"name": "Card 1", "qfmt": macros + side("Front"), "afmt": answer + side("Back") + "\n" + _SOURCE}
    if kind == "two-way":
        backward = {"name": "Card 2", "qfmt": macros + side("Back"),
                    "afmt": answer + side("Front") + "\n" + _SOURCE}
        return [forward, backward]
    return [forward]


@dataclass(frozen=True)
class NoteType:
    """One note type as mlwiki defines it: what `genanki.Model` is built from (`genanki_model`), and `req`, the
    required fields of each template as genanki computes them (`Model._req`, kept in mlwiki.export.skeleton so
    that an export need not import genanki)."""

    model_id: int
    name: str
    fields: tuple[str, ...]
    templates: tuple[dict, ...]
    css: str
    cloze: bool = False
    sort_field_index: int = 0
    req: tuple = field(default=(), compare=False)

    def spec(self) -> list:
        """Everything genanki builds the note type from, as JSON values (what the skeleton is keyed by)."""
        return [self.model_id, self.name, list(self.fields), [dict(t) for t in self.templates], self.css, self.cloze,
                self.sort_field_index]

    def genanki_model(self):
        """The genanki.Model of this note type (imports genanki)."""
        import genanki

        return genanki.Model(self.model_id, self.name, fields=[{"name": name} for name in self.fields],
                             templates=[dict(t) for t in self.templates], css=self.css,
                             model_type=genanki.Model.CLOZE if self.cloze else genanki.Model.FRONT_BACK,
                             sort_field_index=self.sort_field_index)

    def with_req(self, req) -> "NoteType":
        return replace(self, req=tuple((ord_, any_or_all, tuple(fields)) for ord_, any_or_all, fields in req))


def build_models(macros: str = "") -> dict[str, NoteType]:
    """The four note types, keyed 'basic', 'two-way', 'cloze', 'formula' (without `req`: see NoteType)."""
    block = macro_block(macros)
    return {
        "basic": NoteType(BASIC_MODEL_ID, "mlwiki Basic", BASIC_FIELDS, tuple(_templates("basic", block)), CSS),
        "two-way": NoteType(TWO_WAY_MODEL_ID, "mlwiki Basic (and reversed)", BASIC_FIELDS,
                            tuple(_templates("two-way", block)), CSS),
        "cloze": NoteType(CLOZE_MODEL_ID, "mlwiki Cloze", CLOZE_FIELDS, tuple(_templates("cloze", block)), CSS,
                          cloze=True),
        "formula": NoteType(FORMULA_MODEL_ID, "mlwiki Formula", BASIC_FIELDS, tuple(_templates("formula", block)),
                            CSS),
    }


def macro_block(macros: str) -> str:
    """A hidden MathJax block defining the macros, safe inside an Anki template (no `{{`, `}}`, no HTML)."""
    if not macros.strip():
        return ""
    safe = macros.replace("\\)", "")
    while "{{" in safe or "}}" in safe:  # Anki reads {{…}} in templates as fields; TeX ignores the space
        safe = safe.replace("{{", "{ {").replace("}}", "} }")
    return f'<div class="mw-macros" style="display:none">\\({htmllib.escape(safe, quote=False)}\\)</div>\n'


# genanki 0.13.1's own patterns (genanki.Note._cloze_cards): the cloze fields a template names, and the cloze numbers
_CLOZE_FIELD = re.compile(r"{{[^}]*?cloze:(?:[^}]?:)*(.+?)}}")
_CLOZE_FIELD_OLD = re.compile("<%cloze:(.+?)%>")
_CLOZE_NUMBER = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)


def card_ords(model: NoteType, fields: list[str]) -> list[int]:
    """The ords of the cards genanki makes for a note of `model` with `fields`, in its order (what
    `genanki.Note(model=model, fields=fields).cards` holds), without building a Note: one card per template whose
    required fields are filled (genanki's `Model._req`, Anki's rule), or for a cloze note type one per cloze
    number in its cloze fields (none when there is no cloze)."""
    if not model.cloze:
        return [ord_ for ord_, any_or_all, required in model.req
                if (any if any_or_all == "any" else all)(map(fields.__getitem__, required))]
    ords: set[int] = set()  # a set filled in genanki's order iterates in genanki's order
    for index in _cloze_field_indexes(model.templates[0]["qfmt"], model.fields):
        ords.update(int(m) - 1 for m in _CLOZE_NUMBER.findall(fields[index] if index >= 0 else "") if int(m) > 0)
    return list(ords)


@functools.lru_cache(maxsize=16)
def _cloze_field_indexes(qfmt: str, names: tuple[str, ...]) -> list[int]:
    """The indexes of the fields a cloze template reads as clozes (-1: a name no field has)."""
    cloze_names = set(_CLOZE_FIELD.findall(qfmt) + _CLOZE_FIELD_OLD.findall(qfmt))
    return [names.index(name) if name in names else -1 for name in cloze_names]
