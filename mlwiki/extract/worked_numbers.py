"""Worked-example arithmetic written inside an ordinary section: the writer plugs numbers into a rule to see it work
("With lr 0.1, wd 5e-4, μ = 0.9 → 5e-4 per step → …", "B = 128: std ≈ 0.177 → SNR ≈ 2.8", "numbers: a = 1, σ² = 1,
η = 0.1 → V ≈ 0.053"). The rule is the fact to learn and has its card; the figures one run of it gives are no
fact a learner recalls in a month. A worked example under its own heading is left out by the walk already
(`subject.is_example_title`); these lines sit among the section's claims, so each card is judged by its back.

What marks the arithmetic: values given to symbols ("a = 1", "lr 0.1") and results worked out of them ("≈ 0.053",
"→ 5e-4 per step"), with few words besides. A fact that quotes numbers ("Adam's defaults: β1 = 0.9, β2 = 0.999",
"ResNet-50: 25.6M params, 76.1 % top-1") works nothing out and stays. Pure: drafts in, drafts out.
"""

from __future__ import annotations

import re

from mlwiki.extract.draft import written_by_hand
from mlwiki.models import CardKind

_NUMBER = r"[-−]?~?\d+(?:[.,]\d+)?(?:e[-−]?\d+)?(?:[×x%])?"
_SYMBOL = r"(?<![\w.])[A-Za-zα-ωΑ-Ω][\w²³′']{0,3}"  # ("a", "σ²", "lr", "η", "wd": a short name, not a word of prose)
_SMALL_WORDS = r"(?:at|to|by|of|in|on|and|or|the|per|for|top|with|from|than|over|only|just|each|all|any|was|is|are|" \
               r"ln|log|exp|sin|cos|tan|sqrt)"  # (nor a function's argument: "ln 2")
# A value given to a symbol: "a = 1", "σ² = 1", "lr 0.1", "B = 128" (a small word before a number is no symbol: "at 1";
# nor is a unit after one: "1 nat = 1/ln 2 ≈ 1.443 bits" converts units, a fact)
_GIVEN = re.compile(rf"(?<![\d.][ \t])(?!{_SMALL_WORDS}[ \t]+\d){_SYMBOL}[ \t]*(?:=[ \t]*|[ \t])(?=[-−~]?\d){_NUMBER}(?![\w.])",
                    re.I)
# Two or more values given in a row, comma-separated, and what they give: "a = 1, σ² = 1, η = 0.1 → …", "lr 0.1, wd
# 5e-4, μ = 0.9 → …" (not a setting's values inside a sentence: "(stride 1, pad 1) and 2×2 max pools")
_GIVEN_RUN = re.compile(rf"{_GIVEN.pattern}(?:[ \t]*,[ \t]*(?:and[ \t]+)?{_GIVEN.pattern})+[ \t]*(?:→|->|⇒)", re.I)
# A result worked out of them: "≈ 0.053", "→ 5e-4", "= 0.1/1.9"
_WORKED = re.compile(rf"(?:≈|~=|→|->|⇒|=)[ \t]*(?:[A-Za-zα-ωΑ-Ω][\w²]{{0,5}}[ \t]*(?:≈|=)[ \t]*)?{_NUMBER}")
_APPROX = re.compile(rf"≈[ \t]*{_NUMBER}")
_ARROW = re.compile(r"→|->|⇒")
# A case opened by a symbol's value, "B = 1: …", "η = 0.01 → …": one line of a table of cases worked through
_CASE = re.compile(rf"[ \t]*(?:[-*+][ \t]+)?{_GIVEN.pattern}[ \t]*(?::|→|->)")
# A sum worked out of numbers alone ("= 100/500 = 0.2", "0.5^0.75 ≈ 0.595"), or a formula's value at one point that
# leads somewhere ("$… = -\sigma(a) = -0.01$ → tiny gradient"): figures of one case, not the rule
_EVALUATED = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[ \t]*[/×*·^][ \t]*\d+(?:\.\d+)?[ \t]*(?:=|≈)[ \t]*\**[-−]?\d"
                        r"|\$[^$\n]*=[^$=\n]*=[ \t]*[-−]?\d*\.\d+[ \t]*\$[ \t]*(?:→|->|⇒)")  # (worked: "… = … = 0.01$";
# a value given, "$\gamma = 0.99$ → ~100 steps ahead", is a fact of that value)
_EVALUATED_WORDS = 6  # (a line that only names the figure: "mass for all unseen bigrams = N1/N = 100/500 = 0.2")
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
_WORD = re.compile(r"(?<![\w.])[A-Za-z][a-z]{2,}(?:['’-][a-z]+)*(?![\w(])")
_PROSE_WORDS = 3  # (at most so many words besides the figures: "B = 128: std ≈ 0.177 → SNR ≈ 2.8")
_CASE_WORDS = 10  # (a case of a worked table may say what its figures mean: "→ the noise is 4× the signal")
_LINES = 3  # (a back of more lines is a list or a derivation, judged by what else it says)
_WORDS = 40  # (and a longer back explains more than it works out: "Why output_padding exists?" over "(e.g. 7 and 8
# both → 4 with k=3, s=2, p=1) …")


def worked_arithmetic(text: str) -> bool:
    """Whether `text` (a card's back) is worked-example arithmetic: values plugged in and a result worked out of them
    (see the module's doc)."""
    if text.count("\n") >= _LINES or not any(c.isdigit() for c in text) or len(text.split()) > _WORDS:
        return False
    plain = _MATH.sub(" ", text)
    if "\n" not in text.strip() and _EVALUATED.search(text) and len(_WORD.findall(plain)) <= _EVALUATED_WORDS:
        return True  # ("mass for all unseen bigrams = N1/N = 100/500 = 0.2": one line, naming only its figure)
    worked = len(_WORKED.findall(plain))
    if worked == 0:
        return False
    words = [w for w in _WORD.findall(_GIVEN.sub(" ", plain)) if not _names_value(w, plain)]
    if _GIVEN_RUN.search(plain):
        return True  # ("With lr 0.1, wd 5e-4, μ = 0.9 → 5e-4 per step → …": the inputs, then what they give)
    given = len(set(_GIVEN.findall(plain)))  # (values given, each once: "α = 1 → … SES with α = 1" gives one)
    if given and _APPROX.search(plain) and worked >= 2 and len(words) <= _PROSE_WORDS:
        return True  # ("B = 128: std ≈ 0.177 → SNR ≈ 2.8")
    return bool(_CASE.match(plain)) and (given >= 2 or _APPROX.search(plain) is not None) \
        and _ARROW.search(plain) is not None and len(words) <= _CASE_WORDS  # ("n = 10: se ≈ 0.316 → about ±0.6")


def _names_value(word: str, text: str) -> bool:
    """Whether `word` names a figure in `text` ("std ≈ 0.177", "SNR ≈ 2.8"): a symbol, not a word of prose."""
    return re.search(rf"(?<![\w-]){re.escape(word)}[ \t]*(?:≈|=|~)", text) is not None


def without_worked_numbers(drafts: list) -> list:
    """The drafts (`(siblings, heading path)` pairs) without the cards read out of prose whose back is worked-example
    arithmetic (`worked_arithmetic`); the writer's own cards and formula cards stay."""
    out = []
    for siblings, path in drafts:
        kept = [d for d in siblings if written_by_hand(d) or d.kind == CardKind.FORMULA
                or not worked_arithmetic(_labelled_off(d.back))]
        if kept:
            out.append((kept if len(kept) < len(siblings) else siblings, path))
    return out


_LABEL = re.compile(r"[ \t]*(?:[-*+][ \t]+)?(?:in )?(?:numbers|example|e\.g\.|sanity check|concretely)[ \t]*:[ \t]*", re.I)


def _labelled_off(back: str) -> str:
    """The back without a label that says it is an example ("numbers: …", "e.g.: …"); a back too long to be worked
    arithmetic as it stands (`worked_arithmetic` says no at once), unsearched."""
    return back if back.count("\n") >= _LINES else _LABEL.sub("", back, count=1)
