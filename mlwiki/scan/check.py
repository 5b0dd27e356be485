"""`mlwiki check`: lint the notes' card syntax (the database half is mlwiki.review.replay.database_problems)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from mlwiki.config import Config
from mlwiki.models import Card, Problem, Severity
from mlwiki.scan.collect import collect
from mlwiki.sources.notes import load_note, walk_notes
from mlwiki.textsafe import one_line, plural, shorten

# What each form is called when `check` counts them, and the setting that switches it on (None: always on).
FORMS = {  # form: ((one, many), setting)
    "qa": (("`Q:`/`A:` card", "`Q:`/`A:` cards"), None),
    "one-line": (("`front :: back` card", "`front :: back` cards"), None),
    "multiline": (("multi-line `?` card", "multi-line `?` cards"), None),
    "card-div": (("card div", "card divs"), None),
    "cloze": (("cloze", "clozes"), None),
    "formula": (("display formula", "display formulas"), ("formulas", '"display"')),
    "lone-formula": (("formula alone on a line or list item as `$…$`",
                      "formulas alone on a line or list item as `$…$`"), ("formulas", '"display"')),
    "callout": (("untitled callout of prose (`::: {.callout-warning}`, `> [!tip]`)", "untitled callouts of prose"),
                ("sections", "true")),
    "derivation": (("derivation written step by step (`**Step 1.**` …)", "derivations written step by step"), None),
    "inline-formula": (("inline equation", "inline equations"), ("formulas", '"inline"')),
    "definition": (("`**Term**: definition` paragraph", "`**Term**: definition` paragraphs"), ("definitions", "true")),
    "definition-item": (("`- **Term**: definition` list item", "`- **Term**: definition` list items"),
                        ("definitions", "true")),
    "definition-list": (("MyST definition list item (`Term` / `: definition`)",
                         "MyST definition list items (`Term` / `: definition`)"), None),
    "statement": (("`**Definition**.`/`**Theorem**.` paragraph", "`**Definition**.`/`**Theorem**.` paragraphs"),
                  ("definitions", "true")),
    "definition-opening": (("paragraph that opens `**Term** is a …`", "paragraphs that open `**Term** is a …`"),
                           ("definitions", "true")),
    "question-heading": (("heading that asks a question", "headings that ask a question"),
                         ("question_headings", "true")),
    "question-callout": (("callout titled with a question", "callouts titled with a question"),
                         ("question_callouts", "true")),
    "bold-question": (("paragraph that starts with a **bold question?**",
                       "paragraphs that start with a **bold question?**"), ("bold_questions", "true")),
    "question-arrow": (("line that asks and answers after an arrow (`why …? → …`)",
                        "lines that ask and answer after an arrow (`why …? → …`)"), None),
    "section": (("section of prose or explanations under a heading", "sections of prose or explanations under a "
                 "heading"), ("sections", "true")),
    "list": (("list introduced by a sentence ending in `:`", "lists introduced by a sentence ending in `:`"),
             ("sections", "true")),
    "counted-list": (("list whose introduction counts its items", "lists whose introduction counts their items"),
                     ("sections", "true")),
    "signature": (("call whose arguments the paragraphs after it explain",
                   "calls whose arguments the paragraphs after them explain"), ("sections", "true")),
    "table-row": (("row of an explaining table", "rows of explaining tables"), ("sections", "true")),
    "table-conclusion": (("conclusion drawn from a table", "conclusions drawn from tables"), ("sections", "true")),
    "table-column": (("column of a table, or the order of its numbered rows", "columns of tables, or the orders of "
                      "their numbered rows"), ("sections", "true")),
    "outline": (("labelled bullet with the items nested under it", "labelled bullets with the items nested under "
                 "them"), ("sections", "true")),
    "question-line": (("paragraph that only asks, with its answer", "paragraphs that only ask, with their answers"),
                      ("sections", "true")),
    "definition-sentence": (("sentence that defines a term", "sentences that define a term"), ("sections", "true")),
    "claim": (("paragraph that opens by saying something of its section's subject",
               "paragraphs that open by saying something of their section's subject"), ("sections", "true")),
    "paragraph": (("paragraph of a long section titled by its own subject",
                   "paragraphs of long sections titled by their own subjects"), ("sections", "true")),
    "remark": (("paragraph that explains the display formula before it", "paragraphs that explain the display formula "
                "before them"), ("sections", "true")),
    "lone-fact": (("paragraph or list item between cards that no card holds",
                   "paragraphs or list items between cards that no card holds"), ("sections", "true")),
    "lead-in": (("fact stated before the sentence that introduces a formula",
                 "facts stated before the sentences that introduce formulas"), ("sections", "true")),
    "exercise": (("exercise, worked example or solution set apart (`{exercise}`, `::: {#exr-…}`, `**Exercise 2.1**`)",
                  "exercises, worked examples or solutions set apart"), None),
    "labelled": (("paragraph or list item that opens with `Label:` and explains it",
                  "paragraphs or list items that open with `Label:` and explain it"), ("sections", "true")),
}


def _count(form: str, count: int) -> str:
    """`1 cloze`, `34 clozes`: a count of one form, in words."""
    one, many = FORMS.get(form, ((form, form), None))[0]
    return plural(count, one, many)


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    notes: int = 0
    cards: int = 0
    made: Counter = field(default_factory=Counter)  # cards made, by form
    form_of: dict = field(default_factory=dict)  # card id → the form that made it
    possible: Counter = field(default_factory=Counter)  # cards each form would make with every form switched on
    skipped: Counter = field(default_factory=Counter)  # (form, why) → cards not made although the form matched

    def add(self, problems: list[Problem]) -> None:
        """Add problems, once each, in note order."""
        merged = list(dict.fromkeys(self.problems + problems))
        merged.sort(key=lambda p: (p.path, p.line or 0))
        self.problems = merged

    @property
    def errors(self) -> int:
        return sum(p.severity == Severity.ERROR for p in self.problems)

    @property
    def notices(self) -> int:
        return sum(p.severity == Severity.NOTICE for p in self.problems)

    @property
    def summary(self) -> str:
        warnings = len(self.problems) - self.errors - self.notices
        notices = f", {plural(self.notices, 'card')} repeating another note's card" if self.notices else ""
        return (f"{plural(self.notes, 'note')}, {plural(self.cards, 'card')}: {plural(self.errors, 'error')}, "
                f"{plural(warnings, 'warning')}{notices}")

    def skipped_by_form(self) -> dict[str, dict[str, int]]:
        """For `check --json`: per form, how many cards it matched but left out, and why."""
        by_form: dict[str, dict[str, int]] = {}
        for (form, why), count in sorted(self.skipped.items()):
            by_form.setdefault(form, {})[why] = count
        return by_form


def run_checks(config: Config, paths: list[Path] | None) -> CheckReport:
    """Every problem in the notes (or `paths`), and the checks across notes."""
    scan = collect(config, paths)
    made: Counter = sum((result.forms for result in scan.files), Counter())
    form_of = {card_id: form for result in scan.files for card_id, form in result.form_of.items()}
    skipped: Counter = Counter()
    possible = forms_possible(config, paths, skipped)  # (the cards as made come from the scan's own walk)
    report = CheckReport(notes=len(scan.files), cards=len(scan.cards), made=made, possible=possible, form_of=form_of,
                         skipped=skipped)
    report.add(scan.all_problems)
    macros, conflicts = _macros(config, scan, paths)
    report.add(conflicts)
    report.add(latex_warnings(scan.cards, config, macros))
    if paths is None:
        report.add(unread_decks_folder(config))
        report.add(unread_text_notes(config))
    return report


def unread_text_notes(config: Config) -> list[Problem]:
    """A warning when the notes folder holds plain-text notes (`Title.txt`) and `text_notes` is off (a wiki set up
    before it existed, or by hand): they are on no card; the fix is one line of the config."""
    if config.text_notes or not (texts := _plain_notes_in(config)):
        return []
    rel = config.relative(texts[0])
    return [Problem(str(rel), None, f"{plural(len(texts), 'plain-text note')} (.txt) "
                    f"{'is' if len(texts) == 1 else 'are'} not read; set text_notes = true in mlwiki.toml to study "
                    f"{'it' if len(texts) == 1 else 'them'}", Severity.WARNING, "unread-text-notes")]


def unread_decks_folder(config: Config) -> list[Problem]:
    """A warning when the folder `export` writes to holds notes (Marp slide decks in `decks/`): the scan never reads
    it, so they are on no card; the fix is to point `decks` at another folder."""
    from mlwiki.sources.notes import note_files_in

    folder = config.decks_dir
    if not folder.resolve().is_relative_to(config.notes_dir.resolve()):
        return []
    notes = note_files_in(folder)
    if not notes:
        return []
    rel = folder.relative_to(config.root) if folder.is_relative_to(config.root) else folder
    return [Problem(str(rel), None, f"{plural(len(notes), 'note')} in the export folder {rel}/ "
                    f"{'is' if len(notes) == 1 else 'are'} never read "
                    f'(mlwiki writes .apkg files there); set decks = "anki-decks" in mlwiki.toml to study them',
                    Severity.WARNING, "unread-decks")]


def _macros(config: Config, scan, paths: list[Path] | None) -> tuple[str, list[Problem]]:
    """The macros the checked cards may use: the wiki's macros file's and the notes' own (`scan.note_macros`; when
    only some notes are checked, the others' as the last scan kept them), and a warning for each note that defines
    one differently from an earlier note."""
    from mlwiki.render.macros import read_macros
    from mlwiki.scan import note_macros_store

    wiki = read_macros(config, notes=False)[0]
    used, conflicts = note_macros_store.merge(((r.file.rel, r.macros) for r in scan.files if r.macros), wiki)
    kept = read_macros(config)[0] if paths is not None else wiki  # (the others' after the checked notes' own)
    return "\n".join(part for part in [kept] + used if part), conflicts


def latex_warnings(cards: list[Card], config: Config, macros: str | None = None) -> list[Problem]:
    """A warning at the card's `path:line` for each formula on a card side that MathJax would show as an error
    (unbalanced braces or environments, commands neither MathJax's nor in the wiki's macros file or the notes'
    own: `macros`, else the wiki's as `read_macros` gives them)."""
    from mlwiki.render.latex_check import defined_names, formulas, latex_problems
    from mlwiki.render.macros import read_macros

    defined = defined_names(read_macros(config)[0] if macros is None else macros)
    problems = []
    lines: dict[str, list[str]] = {}
    for card in cards:
        for formula in dict.fromkeys(formulas(card.front) + formulas(card.back)):
            messages = latex_problems(formula, defined)
            if not messages:
                continue
            if card.source.path not in lines:
                lines[card.source.path] = _note_lines(config, card.source.path)
            line = _formula_line(lines[card.source.path], card.source.line, formula)
            problems += [Problem(card.source.path, line, f"formula `{one_line(shorten(formula, 40))}`: "
                                 f"{message}", Severity.WARNING, "latex") for message in messages]
    return problems


def _note_lines(config: Config, rel: str) -> list[str]:
    try:
        return (config.root / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _formula_line(lines: list[str], card_line: int, formula: str) -> int:
    """The line of the note, from the card's own line on, where the formula starts (else the card's line)."""
    first = next((line.strip() for line in formula.splitlines() if line.strip()), "")
    for number in range(card_line, min(card_line + 200, len(lines)) + 1):
        if first and first in lines[number - 1]:
            return number
    return card_line


def form_census(config: Config, paths: list[Path] | None = None,
                skipped: Counter | None = None) -> tuple[Counter, Counter]:
    """How many cards each form makes in the notes with the config's settings, and with every form switched on;
    `skipped` counts what the forms matched but left out ({(form, why): count}, all forms on)."""
    made: Counter = Counter()
    possible = forms_possible(config, paths, skipped, made)
    return made, possible


def forms_possible(config: Config, paths: list[Path] | None = None, skipped: Counter | None = None,
                   made: Counter | None = None) -> Counter:
    """How many cards each form would make in the notes with every form switched on (`skipped`, when given,
    counts what they matched but left out; `made`, when given, the cards each form makes with the config's
    own settings, which costs a second walk of every note)."""
    from mlwiki.extract import count_forms, note_context, walked

    possible: Counter = Counter()
    for file in walk_notes(config, paths)[0]:
        note, _ = load_note(file.path, file.rel)
        if note is None or note.makes_no_cards:
            continue
        ctx = note_context(note, config)
        if made is not None:
            made.update(walked(note.body, ctx).forms())
        forms, left_out = count_forms(note.body, ctx)
        possible.update(forms)
        if skipped is not None:
            skipped.update(left_out)
    return possible


def form_hints(made: Counter, possible: Counter, config: Config) -> list[str]:
    """One line per form the notes hold more of than they make into cards, naming the setting that would."""
    hints = []
    for form, (_, setting) in FORMS.items():
        missing = possible[form] - made[form]
        if setting is None or missing <= 0 or possible[form] == 0:
            continue
        key, value = setting
        if form in ("formula", "lone-formula") and config.formulas != "none":
            continue  # already on: the difference is formulas repeated in a note, not a setting
        if _setting_is(config, key, value):
            continue  # already so: the form's other matches are cards of another form, or left out on purpose
        count = possible[form]
        hints.append(f"{_count(form, count)}: `{key} = {value}` makes {plural(count, 'card')}")
    return hints


def _setting_is(config: Config, key: str, value: str) -> bool:
    """Whether the config already has `key = value` (value as written in mlwiki.toml: `true`, `"inline"`)."""
    current = getattr(config, key, None)
    written = ("true" if current else "false") if isinstance(current, bool) else f'"{current}"'
    return written == value


def dropped_by_form(dropped: dict[str, tuple[str, list[str]]], form_of: dict[str, str]) -> Counter:
    """How many cards the learner dropped as "not a card", by the form that made them (the card's kind when its
    note no longer makes it). `dropped`: card id → (kind, the card's other ids)."""
    counts: Counter = Counter()
    for card_id, (kind, aliases) in dropped.items():
        counts[next((form_of[i] for i in (card_id, *aliases) if i in form_of), kind)] += 1
    return counts


def describe_skipped(skipped: Counter) -> str:
    """`skipped: 4 display formulas (in a worked example or exercise), …`: what the forms matched and left out."""
    return ", ".join(f"{_count(form, n)} ({why})" for (form, why), n in skipped.most_common())


def describe_forms(forms: dict[str, int]) -> str:
    """`41 display formulas, 34 clozes, …` for the cards made."""
    return ", ".join(_count(form, count) for form, count in forms.items())


# `mlwiki init` switches a form on when the notes hold at least this many of it.
INIT_MINIMUM = 3
DEFINITION_FORMS = ("definition", "definition-item", "definition-opening", "statement")


def declared_top_decks(config: Config) -> Counter:
    """How many notes name each top-level deck in their front matter (`deck: ML::Foundations` counts for ML)."""
    tops: Counter = Counter()
    for file in walk_notes(config)[0]:
        note, _ = load_note(file.path, file.rel)
        deck = note.meta.get("deck") if note is not None else None
        if isinstance(deck, str) and deck.split("::")[0].strip():
            tops[deck.split("::")[0].strip()] += 1
    return tops


def infer_settings(config: Config) -> dict[str, tuple[str, str]]:
    """The settings that fit the notes, for `mlwiki init`: {key: (TOML value, why)}: the wiki's name when notes
    already declare a top deck (else the folder's name would make a second top deck, and a second .apkg), and
    forms where the default would miss cards the notes are written for (glossaries of `**Term**: definition`,
    formulas written only inline). Definitions are switched on when the bold terms that read as definitions
    outnumber the labelled values ("**Batch size**: 32"), which never become cards but say the notes use bold
    labels, and are at least INIT_MINIMUM or the only bold labels there are."""
    from mlwiki.extract.forms import LABELLED_VALUE

    skipped: Counter = Counter()
    made, possible = form_census(config, skipped=skipped)
    settings: dict[str, tuple[str, str]] = {}
    declared = declared_top_decks(config)
    if declared:  # name the wiki after the top deck its notes already use: one wiki, one exported deck
        top, count = declared.most_common(1)[0]
        settings["name"] = (json.dumps(top, ensure_ascii=False), f"the top deck of `deck:` in {plural(count, 'note')}")
    definitions = sum(possible[f] for f in DEFINITION_FORMS)
    values = sum(n for (form, why), n in skipped.items() if form in DEFINITION_FORMS and why == LABELLED_VALUE)
    why = f"{plural(definitions, 'bold term')} defined, {plural(values, 'labelled value')}"
    if definitions > values and (definitions >= INIT_MINIMUM or not values):  # (a small vault's two: all it has)
        settings["definitions"] = ("true", why)
    elif definitions or values:  # the notes use `**Term**:`, but not for definitions: say why it stays off
        settings["definitions"] = ("false", why)
    if texts := _plain_notes_in(config):  # (a plain editor's export: Standard Notes, Simplenote, a phone)
        settings["text_notes"] = ("true", f"{plural(len(texts), 'plain-text note')} (.txt)")
    display = possible["formula"] + possible["lone-formula"]
    if possible["inline-formula"] >= INIT_MINIMUM and possible["inline-formula"] > 5 * display:
        settings["formulas"] = ('"inline"', f"{possible['inline-formula']} inline equations, {display} displayed")
    return settings



def _plain_notes_in(config: Config) -> list[Path]:
    """The plain-text notes (`Title.txt`) the scan would read with `text_notes` on, ignore rules and excludes
    applied as for any note: what `init` counts to switch it on and `check` warns of when it is off."""
    from dataclasses import replace

    files, _ = walk_notes(replace(config, text_notes=True))
    return [file.path for file in files if file.rel.lower().endswith(".txt")]
