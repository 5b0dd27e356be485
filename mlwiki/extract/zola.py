"""A Zola page read as the Markdown mlwiki reads, line for line, showing what the site shows.

Zola writes its furniture as shortcodes: inline, `{{ name(arg="…") }}`, and around text, `{% name(arg="…") %}` …
`{% end %}`, each defined by the site's own template. The common ones are read as what they show:
- `{{ katex(body="…") }}` is inline math and `{% katex(block=true) %}` … `{% end %}` display math;
- a box, `{% note(kind="warning") %}`, `{% admonition(type="tip", title="…") %}` (any body shortcode given a `kind`,
  `type` or `class`), is a callout of that kind under its title; another body shortcode shows its text;
- `{{ figure(src="…", caption="…") }}` (or `image`, `img`) is the picture captioned; any other inline shortcode (a
  player, `{{ youtube(id="…") }}`) shows nothing, and so does the one line under a player that only says where in
  the video to look ("Lecture segment on colliders (around 10 min in).").
Code is never touched. Pure: a note's text in, the same number of lines out.
"""

from __future__ import annotations

import re

from mlwiki.render.spans import fenced_lines

_CUES = ("{{", "{%")
# (its arguments are read as quoted strings, which hold any bracket: `body="1/(1-e(x))"` nests parentheses twice)
_INLINE = re.compile(r"""\{\{-?[ \t]*([\w-]+)[ \t]*\(((?:[^()"'\n]|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')*)\)[ \t]*-?\}\}""")
_OPEN = re.compile(r"[ \t]*\{%-?[ \t]*([\w-]+)[ \t]*\(([^\n]*)\)[ \t]*-?%\}[ \t]*")
_END = re.compile(r"[ \t]*\{%-?[ \t]*end[ \t]*-?%\}[ \t]*")
_ARG = re.compile(r"""([\w-]+)[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([\w.-]+))""")
_PICTURES = frozenset(("figure", "image", "img", "picture"))
_KINDS = ("kind", "type", "class", "style")
# A video player alone on its line, and what a line under it says of the video: its part, a time into it
_PLAYER = re.compile(r"[ \t]*\{\{-?[ \t]*(?:youtube|vimeo|video|streamable|dailymotion|peertube)[ \t]*\(.*\}\}[ \t]*")
_VIDEO_PART = r"\b(?:video|clip|segment|recording|talk|lecture|lesson)\b"
_VIDEO_TIME = r"(?:\bmin(?:ute)?s?[ \t]+in\b|\b\d{1,2}:\d\d\b|\bat[ \t]+\d+[ \t]*(?:min|m\b|s\b))"
_ABOUT_VIDEO = re.compile(rf"(?i){_VIDEO_PART}.*?{_VIDEO_TIME}|{_VIDEO_TIME}.*?{_VIDEO_PART}")
_MAX_CAPTION_WORDS = 25


def as_zola_shows(body: str) -> str:
    """`body` with Zola's shortcodes read as said above; `body` itself when it holds none."""
    if not any(cue in body for cue in _CUES) or "(" not in body:
        return body
    lines = body.split("\n")
    fenced = fenced_lines(lines)
    open_box: str | None = None  # (the kind of body shortcode open: "math", "box", "text")
    players: list[int] = []  # (the lines of a video player alone)
    for k, line in enumerate(lines):
        if fenced[k]:
            if open_box == "box":
                lines[k] = "> " + line
            continue
        if open_box and _END.fullmatch(line):
            lines[k] = "$$" if open_box == "math" else ""
            open_box = None
        elif not open_box and "{%" in line and (found := _OPEN.fullmatch(line)):
            lines[k], open_box = _opening(found.group(1), _args(found.group(2)))
        elif open_box == "box":
            lines[k] = "> " + line if line.strip() else ">"
        elif "{{" in line:
            if _PLAYER.fullmatch(line):
                players.append(k)
            lines[k] = _INLINE.sub(_inline, line)
    for k in players:
        _without_player_caption(lines, fenced, k)
    return "\n".join(lines)


def _without_player_caption(lines: list[str], fenced: list[bool], k: int) -> None:
    """Blank the one-line paragraph after a player alone on line `k` when it only says what the video holds or
    where in it to look ("Lecture segment on d-separation (around 10 min in)."): the card shows no video."""
    after = next((j for j in range(k + 1, min(k + 3, len(lines))) if lines[j].strip()), None)
    if after is None or fenced[after] or (after + 1 < len(lines) and lines[after + 1].strip()):
        return
    text = lines[after]
    if len(text.split()) <= _MAX_CAPTION_WORDS and _ABOUT_VIDEO.search(text) and text.lstrip()[:1] not in "#|-*>$":
        lines[after] = ""


def _args(text: str) -> dict[str, str]:
    """A shortcode's arguments: `kind="warning", block=true` → {"kind": "warning", "block": "true"}."""
    return {m.group(1): next((g for g in m.groups()[1:] if g is not None), "").replace('\\"', '"')
            for m in _ARG.finditer(text)}


def _opening(name: str, args: dict[str, str]) -> tuple[str, str]:
    """The first line of a body shortcode as Markdown, and what it opens."""
    if name == "katex" or name == "math":
        return "$$", "math"
    kind = next((args[key] for key in _KINDS if args.get(key)), "")
    if kind or name in ("note", "admonition", "alert", "callout", "aside", "warning", "tip"):
        title = args.get("title", "")
        kind = (kind or (name if name in ("warning", "tip") else "note")).casefold()
        return f"> [!{kind}]" + (f" {title}" if title else ""), "box"
    return "", "text"


def _inline(found: re.Match) -> str:
    """An inline shortcode as what it shows."""
    name, args = found.group(1), _args(found.group(2))
    if name in ("katex", "math") and args.get("body"):
        body = args["body"]
        return f"$${body}$$" if args.get("block") == "true" else f"${body}$"
    if name in _PICTURES and args.get("src"):
        return f"![{args.get('caption') or args.get('alt', '')}]({args['src']})"
    return ""
