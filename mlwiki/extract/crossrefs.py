"""Cross-references on cards, as a reader of the card needs them: a card is read alone, so "(@eq-elbo)" or Quarto's
"Equation 3" points at nothing. A reference to an equation of the note shows the equation (`$…$`, or its left side
and "= …" when it is long); one to a section, that section's title; to a titled statement (`::: {#thm-x}` with
`## Title`, or `name=`), 'Theorem "Title"'; to a figure or table, Quarto's "Figure 2"; a reference that is all of a
parenthesis ("the same ELBO (@eq-elbo)") is left out, as the sentence reads without it. A section or statement of
another page reads as its kind ("the theorem"), or not at all where it stands aside ("— @sec-x —", ", see @sec-x"):
its label's words ("thm-sgd-floor") are the writer's shorthand, not what the page says. Labels (`{#eq-ece}` after a formula, `{#sec-x}` on a heading) never show. MyST's `{eq}`label`` and
`{ref}`label`` (Jupyter Book) read the same way.

Runs over a note's finished drafts (after the walk): the cards' text is the note's, with these read as a reader
reads them; a card keeps the id it had, so its history stays.
"""

from __future__ import annotations

import re

from mlwiki.extract import myst_links

# Quarto: `$$ … $$ {#eq-x}`; MyST: `$$ … $$ (eq-x)` and ```` ```{math} ```` with `:label: eq-x`
_QUARTO_EQ = re.compile(r"\$\$((?:[^$]|\$(?!\$))+?)\$\$[ \t]*\{#(eq-[\w-]+)\}")
_MYST_EQ = re.compile(r"\$\$((?:[^$]|\$(?!\$))+?)\$\$[ \t]*\(([\w-]+)\)[ \t]*$", re.M)
_MYST_MATH = re.compile(r"^[ \t]*(?:`{3,}|:{3,})\{math\}[^\n]*\n((?:[ \t]*:[\w-]+:[^\n]*\n)*)((?:(?![ \t]*(?:`{3,}|:{3,})"
                        r"[ \t]*$)[^\n]*\n?)*)", re.M)
_MATH_LABEL = re.compile(r":label:[ \t]*([\w-]+)")
# sphinx-proof's statements: ```` ```{prf:theorem} Separating hyperplane ```` with `:label: thm-sep` under it
_PRF = re.compile(r"^[ \t]*(?:`{3,}|:{3,})\{prf:(\w+)\}[ \t]*([^\n]*)\n((?:[ \t]*:[\w-]+:[^\n]*\n)*)", re.M)
_HEADING_LABEL = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*\{#((?:sec)-[\w-]+)[^}]*\}[ \t]*$", re.M)
_TARGET_HEADING = re.compile(r"^\(([\w:.-]+)\)=[ \t]*\n#{1,6}[ \t]+(.+?)[ \t]*$", re.M)
_NUMBERED = re.compile(r"\{#((fig|tbl|thm|lem|cor|prp|def|exm|exr)-[\w-]+)[^}]*\}")
# Quarto's titled statement: `::: {#thm-x name="Title"}`, or `::: {#thm-x}` with a heading `## Title` as its first line
_TITLED = re.compile(r"^[ \t]*:{3,}[ \t]*\{#((thm|lem|cor|prp|def|exm|exr)-[\w-]+)([^}\n]*)\}[ \t]*\n"
                     r"(?:[ \t]*#{1,6}[ \t]+([^\n]+?)[ \t]*$)?", re.M)
_NAME = re.compile(r"\bname=[\"']([^\"'\n]+)[\"']")
_CITES = re.compile(r"[ \t]*(?<!\[)\[-?@[^\]\n]*\](?!\])")  # ("Linear scaling rule [@goyal2017]": the title without its citation)
_LABEL = re.compile(r"[ \t]*\{#(?:eq|sec|fig|tbl|thm|lem|cor|prp|def|exm|exr)-[\w-]+[^}\n]*\}")
# `@eq-x`, `-@eq-x`, `[@eq-x]`, `[-@eq-x; @eq-y]` (one reference), or a MyST role
_REF = re.compile(r"(?<![\w@.])-?@((?:eq|sec|fig|tbl|thm|lem|cor|prp|def|exm|exr)-[\w-]*\w)|\{(eq|ref|numref|prf:ref)\}`([^`\n]+)`")
# a reference that closes a parenthesis after a clause of its own: "(max-ent, {prf:ref}`thm-maxent`)"
_LAST_CLAUSE = re.compile(r"[ \t]*[,;][ \t]*(?:see[ \t]+)?(\{(?:ref|numref|prf:ref)\}`[^`\n]+`)(?=\))")
# a reference alone in brackets: nothing, with a line break before it ("Compare Gibbs\n({ref}`gibbs`), which …")
_ALONE = re.compile(r"[ \t]*\n?[ \t]*[(\[](?:see[ \t]+)?(-?@[\w-]+|\{(?:eq|ref|numref|prf:ref)\}`[^`\n]+`)[)\]]")
# A reference to a section or statement of another page, which the card cannot show: set apart between dashes
# ("start big (fast progress, and — @sec-minima — big lr prefers …)"), or after the clause it backs up (", see
# @sec-x." "(unit roots, @sec-x)"), it is left out; in the sentence, it reads as its kind ("the section"), never as
# its label's words ("the sgd floor theorem" names what the label's writer abbreviated, not what the page says)
_POINTER = r"(-?@(?:sec|fig|tbl|thm|lem|cor|prp|def|exm|exr)-[\w-]*\w|\{(?:ref|numref|prf:ref)\}`[^`<>\n]+`)"
_DASHED = re.compile(r"[ \t]+(?:—|–|--)[ \t]*" + _POINTER + r"[ \t]*(?:—|–|--)(?=[ \t])")
_SEE_LAST = re.compile(r"[ \t]*(?:[,;][ \t]*(?:see|cf\.)(?:[ \t]+also)?[ \t]+" + _POINTER + r"(?=[ \t]*(?:[.;)]|$))|"
                       r"\((?:see|cf\.)[^()\n]{0,40}?" + _POINTER.replace("(", "(?:", 1) + r"\)|(?:(?<=[.!?])|^)[ \t]*"
                       r"(?:See|Cf\.)(?:[ \t]+also)?[ \t]+" + _POINTER.replace("(", "(?:", 1) + r"[ \t]*\.(?=\s|$))", re.M)
# ("(see the note in @sec-adamw)", "…, see @sec-minima.", "See @sec-adamw.": only where the rest is, left out whole)
_SPOKEN = re.compile(_POINTER)
_CLAUSE_POINTER = re.compile(r"[ \t]*[,;][ \t]*\n?[ \t]*" + _POINTER + r"(?=[ \t]*(?:[;:,.)]|$))", re.M)
_WORDED = re.compile(r"\b([A-Z][a-z]+\.?)[ \t]+-@((?:sec|fig|tbl|thm|lem|cor|prp|def|exm|exr|eq)-[\w-]*\w)")
_KIND = re.compile(r"(sec|fig|tbl|thm|lem|cor|prp|def|exm|exr)[-:]")
# "the Bellman expectation equation {eq}`eq-bellman-v`": named already; a reference to another note adds nothing
_NAMED = re.compile(r"(\b(?:equation|eq\.|problem|objective|program|dual|primal))[ \t]+(-?@eq-[\w-]*\w|\{eq\}`[^`\n]+`)",
                    re.I)  # ("the hard-margin problem {eq}`eq-hard`", "the dual {eq}`eq-dual`": said in words already)
# A reference to another page in apposition to the words before it, at a clause's end ("Compare with regression
# {prf:ref}`thm-x`: …", "maximising the log marginal likelihood {eq}`eq-lml`."): they name it; it reads as nothing
_APPOSED = re.compile(r"(?<=[^\W\d_])([ \t]+)(\{(?:eq|ref|numref|prf:ref)\}`[^`<>\n]+`)(?=[ \t]*[:;,.)])")
_FUNCTION_WORDS = frozenset("see cf in from by of to with and or the a an as at on for via".split())
_NAMES = {"fig": "Figure", "tbl": "Table", "thm": "Theorem", "lem": "Lemma", "cor": "Corollary", "prp": "Proposition",
          "def": "Definition", "exm": "Example", "exr": "Exercise"}
_SHORT = 70  # characters: an equation this short is shown whole where it is referred to
_RELATION = re.compile(r"=|\\(?:approx|le|ge|leq|geq|propto)(?![a-z])|<|>")


def may_refer(body: str) -> bool:
    """Whether a note body may hold a cross-reference or label (cheap: most notes have none)."""
    return "{#" in body or "@" in body or "}`" in body or "[](#" in body


def resolve(body: str, drafts, project: str = "") -> None:
    """Rewrite the cross-references and labels on every draft's front and back (each a `Draft`, changed in place).
    `project`: the lines of other pages of its Sphinx project that define labels it refers to (Sphinx's labels are
    the project's: `{ref}`sec-ard`` shows the title of another page's section, `sources.sphinx_projects`)."""
    targets = _targets(body)
    if project:  # (its own labels first; another page's equation numbered for that page is no "Equation 2" here)
        targets = {**{label: shown for label, shown in _targets(project).items() if not shown.startswith("Equation ")},
                   **targets}
    for draft in drafts:
        front = _read(draft.front, targets)
        if front != draft.front:
            draft.id_front = draft.id_front or draft.front  # (the card keeps its id, and so its history)
            draft.front = front
        draft.back = _read(draft.back, targets)


def _targets(body: str) -> dict[str, str]:
    """label → what a reference to it shows."""
    targets: dict[str, str] = {}
    equations = [(m.start(), m.group(2), m.group(1)) for m in _QUARTO_EQ.finditer(body)]
    equations += [(m.start(), m.group(2), m.group(1)) for m in _MYST_EQ.finditer(body)]
    for match in _MYST_MATH.finditer(body):
        if label := _MATH_LABEL.search(match.group(1)):
            equations.append((match.start(), label.group(1), match.group(2)))
    for number, (_, label, formula) in enumerate(sorted(equations), 1):
        targets[label] = _equation(formula, number)
    for match in _HEADING_LABEL.finditer(body):
        targets[match.group(2)] = match.group(1)
    for match in _TARGET_HEADING.finditer(body):
        targets[match.group(1)] = match.group(2)
    if "{prf:" in body:
        for match in _PRF.finditer(body):
            if label := _MATH_LABEL.search(match.group(3)):  # (the title, as the book's link text shows it)
                kind = match.group(1).capitalize()
                title = match.group(2).strip()
                targets[label.group(1)] = f'{kind} "{title}"' if title else f"the {kind.lower()}"
    counts: dict[str, int] = {}
    for match in _NUMBERED.finditer(body):
        counts[match.group(2)] = counts.get(match.group(2), 0) + 1
        targets[match.group(1)] = f"{_NAMES[match.group(2)]} {counts[match.group(2)]}"
    if ":::" in body:
        for match in _TITLED.finditer(body):  # (its title says what it states, where "Theorem 2" points at nothing)
            name = _NAME.search(match.group(3))
            if title := _CITES.sub("", name.group(1) if name else match.group(4) or "").strip():
                targets[match.group(1)] = f'{_NAMES[match.group(2)]} "{title}"'
    return targets


def _equation(formula: str, number: int) -> str:
    """An equation as a reference shows it: whole when short, else its left side "= …", else "Equation N"."""
    flat = " ".join(formula.replace("\\\\", " ").split()).rstrip(" .,;")
    if len(flat) <= _SHORT:
        return f"${flat}$"
    relation = next((r for r in _RELATION.finditer(flat, 0, _SHORT + 1) if _outside_braces(flat, r.start())), None)
    if relation and 0 < relation.start() <= _SHORT:
        return f"${flat[:relation.end()]} \\dots$"
    return f"Equation {number}"


def _outside_braces(formula: str, at: int) -> bool:
    """Whether `at` stands outside every `{…}`, `(…)` and `[…]` of the formula (the "=" of `\\sum_{i=1}` is inside,
    and so is the "\\le" of `\\Pr\\big[L(h) \\le \\epsilon\\big]`: cutting the formula there leaves a bracket
    open, and what the reference states is the relation after it)."""
    depth = 0
    for char in formula[:at]:
        depth += (char in "{([") - (char in "})]")
    return depth == 0


def _read(text: str, targets: dict[str, str]) -> str:
    if "[](#" in text:
        text = myst_links.as_roles(text, targets)  # (MyST's `[](#label)`: a `{ref}`, or left out)
    if not ("{#" in text or "@" in text or "}`" in text):
        return text
    text = _LABEL.sub("", text)
    text = _ALONE.sub(lambda m: "" if _label_of(m.group(1)) in targets or m.group(1).startswith(("@eq", "{eq}"))
                      or _bare_label(m.group(1)) or _elsewhere(m.group(1), targets) else m.group(0), text)
    if "," in text or ";" in text:  # ("(max-ent, thm-maxent)" reads "(max-ent)")
        text = _LAST_CLAUSE.sub(lambda m: "" if _bare_label(m.group(1)) and _label_of(m.group(1)) not in targets
                                else m.group(0), text)
    text = _aside_pointers(text, targets)
    if "}`" in text:
        text = _APPOSED.sub(lambda m: m.group(0) if _label_of(m.group(2)) in targets or _after_function_word(m)
                            else "", text)
    text = _NAMED.sub(lambda m: m.group(0) if _shows_more(m, targets) else m.group(1), text)
    if "-@" in text:
        text = _WORDED.sub(lambda m: _worded(m, targets), text)
    return _REF.sub(lambda m: _shown(m, targets), text)


def _worded(match: re.Match, targets: dict[str, str]) -> str:
    """Quarto's "Theorem -@thm-x" (the kind in the writer's words, the number from the reference): the target when it
    names its kind itself ('Theorem "Bias of an EMA"', not "Theorem Theorem …"), the word and a section's title, or
    "the theorem" for another page's."""
    word, label = match.group(1), match.group(2)
    if (found := targets.get(label)) is None:
        if label.startswith("eq-"):
            return match.group(0)
        before = match.string[:match.start()].rstrip()
        return f"{'The' if not before or before[-1] in '.!?:' else 'the'} {word.rstrip('.').lower()}"
    return found if found.split(" ", 1)[0] in _NAMES.values() else f"{word} {found}"


def _aside_pointers(text: str, targets: dict[str, str]) -> str:
    """The text without its references to another page's section or statement set apart from the sentence
    (`_DASHED`, `_SEE_LAST`, a closing clause of a parenthesis)."""
    if "—" in text or "–" in text or "--" in text:
        text = _DASHED.sub(lambda m: "" if _elsewhere(m.group(1), targets) else m.group(0), text)
    if "see" in text or "See" in text or "cf." in text:
        text = _SEE_LAST.sub(lambda m: "" if _elsewhere(_SPOKEN.search(m.group(0)).group(1), targets)
                             else m.group(0), text)
    if "," in text or ";" in text:  # ("(unit root tests, @sec-stationarity)" reads "(unit root tests)")
        text = _CLAUSE_POINTER.sub(lambda m: "" if _elsewhere(m.group(1), targets) else m.group(0), text)
    return text


def _after_function_word(match: re.Match) -> bool:
    """Whether the word before a reference is one that needs it ("see {ref}`x`", "from {eq}`y`")."""
    before = match.string[:match.start()].rsplit(None, 1)
    return bool(before) and before[-1].casefold() in _FUNCTION_WORDS


def _elsewhere(ref: str, targets: dict[str, str]) -> bool:
    """Whether a reference points at a section or statement (not an equation) that this note does not hold."""
    return _KIND.match(_label_of(ref)) is not None and _label_of(ref) not in targets


def _shows_more(named: re.Match, targets: dict[str, str]) -> bool:
    """Whether a reference after the words that name it ("the dual {eq}`eq-dual`") shows more than they say: the
    equation of the note it points at, not "Equation 2" (nor a label of another note)."""
    shown = targets.get(_label_of(named.group(2)))
    if shown is None:
        return False
    return named.group(1).casefold() in ("equation", "eq.") or not shown.startswith("Equation ")


def _bare_label(ref: str) -> bool:
    """Whether a MyST role to another page shows only its label ("({prf:ref}`thm-separating`)" reads
    "(thm-separating)"): no text of its own (`text <label>`), so alone in a parenthesis it is a raw name, left out."""
    return ref.startswith("{") and "<" not in ref and not ref.startswith("{eq}")


def _label_of(ref: str) -> str:
    return ref.lstrip("-@") if ref.startswith(("@", "-")) else ref.split("`")[1]


def _shown(match: re.Match, targets: dict[str, str]) -> str:
    label = match.group(1) or match.group(3)
    if (found := targets.get(label)) is not None:
        return found
    if (kind := _KIND.match(label)) and match.group(2) != "eq":  # (another page's section or statement: its kind;
        return f"the {_NAMES.get(kind.group(1), 'section').lower()}"  # its label's words name nothing the page says)
    if match.group(2) in ("ref", "numref", "prf:ref"):
        return match.group(0)  # (a reference to another note: the renderer shows its text or its label)
    words = re.sub(r"^eq[-:]", "", label).replace("-", " ").replace("_", " ")
    return f"the {words} equation"
