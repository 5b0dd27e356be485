"""Tests for mlwiki.render.html: Markdown → Anki HTML, math, clozes, sanitizer, image refs."""

from __future__ import annotations

import html as htmllib
import re

import pytest

from mlwiki.render.html import image_refs, markdown_to_html, pad_cloze_math, sanitize_html
from xss import XSS_PAYLOADS, assert_safe

# --------------------------------------------------------------------------- #
# helpers
# --------------------------------------------------------------------------- #

# Anki's cloze rule (rslib/src/cloze.rs before nested clozes): the cloze ends at
# the FIRST `}}`, the hint starts at the FIRST `::`.
ANKI_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.S)


def anki_clozes(text: str) -> list[tuple[int, str, str | None]]:
    return [(int(m.group(1)), m.group(2), m.group(3)) for m in ANKI_CLOZE.finditer(text)]


def squash(text: str) -> str:
    """Text as MathJax/the reader sees it: entities decoded, padding removed."""
    return re.sub(r"\s+", "", htmllib.unescape(text).replace("{}", ""))


def balanced(tex: str) -> bool:
    depth = 0
    for piece in re.findall(r"\\.|[{}]", tex):
        if piece == "{":
            depth += 1
        elif piece == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


# --------------------------------------------------------------------------- #
# Markdown features
# --------------------------------------------------------------------------- #


def test_emphasis_and_inline_code():
    out = markdown_to_html("Some *em*, **strong**, `code $x$` and ~~not strike~~.")
    assert out == (
        "<p>Some <em>em</em>, <strong>strong</strong>, <code>code $x$</code> and ~~not strike~~.</p>\n"
    )


def test_headings_lists_blockquote():
    out = markdown_to_html("# Title\n\n- a\n- b\n\n1. one\n2. two\n\n> quoted")
    assert "<h1>Title</h1>" in out
    assert "<ul>\n<li>a</li>\n<li>b</li>\n</ul>" in out
    assert "<ol>\n<li>one</li>\n<li>two</li>\n</ol>" in out
    assert "<blockquote>\n<p>quoted</p>\n</blockquote>" in out


def test_table_with_alignment_and_math():
    out = markdown_to_html("| a | b | c |\n|:-|:-:|-:|\n| $x_1$ | *y* | {{c1::z}} |")
    assert '<th align="left">a</th>' in out
    assert '<th align="center">b</th>' in out
    assert '<td align="right">{{c1::z}}</td>' in out
    assert '<td align="left">\\(x_1\\)</td>' in out
    assert "style" not in out


def test_fenced_code_keeps_dollars_and_braces_literal():
    text = "```python\nprice = '$5' + f'{x}' # $a_1$ $$b$$\n```\n"
    out = markdown_to_html(text)
    assert out == (
        '<pre><code class="language-python">price = \'$5\' + f\'{x}\' # $a_1$ $$b$$\n</code></pre>\n'
    )


def test_indented_code_keeps_dollars():
    out = markdown_to_html("    $x$ and $$y$$\n")
    assert out == "<pre><code>$x$ and $$y$$\n</code></pre>\n"


def test_harmless_inline_html_is_kept():
    out = markdown_to_html("H<sub>2</sub>O, x<sup>2</sup>, <b>bold</b><br>next <kbd>Ctrl</kbd> <mark>m</mark>")
    assert out == (
        "<p>H<sub>2</sub>O, x<sup>2</sup>, <b>bold</b><br>next <kbd>Ctrl</kbd> <mark>m</mark></p>\n"
    )


def test_links_and_images():
    out = markdown_to_html('[site](https://example.com "t") ![cat](img/cat.png) <https://e.org>')
    assert '<a href="https://example.com" title="t" rel="noopener noreferrer">site</a>' in out
    assert '<img src="img/cat.png" alt="cat">' in out
    assert '<a href="https://e.org" rel="noopener noreferrer">https://e.org</a>' in out


def test_deterministic():
    text = "# T\n\n| a |\n|-|\n| $x$ |\n\n{{c1::$\\frac{1}{\\sqrt{x}}$::hint}} <b>b</b> ![i](a.png)"
    assert markdown_to_html(text) == markdown_to_html(text)
    assert [markdown_to_html(text) for _ in range(3)] == [markdown_to_html(text)] * 3


def test_empty_input():
    assert markdown_to_html("") == ""


# --------------------------------------------------------------------------- #
# math
# --------------------------------------------------------------------------- #


def test_inline_math_keeps_underscores_and_asterisks():
    assert markdown_to_html("$a_1 * b_2$ and $c_1 * d_2$") == "<p>\\(a_1 * b_2\\) and \\(c_1 * d_2\\)</p>\n"


def test_display_math_block_keeps_line_breaks():
    text = "$$\n\\begin{aligned}\na &= b \\\\\nc &= d_1 * e_2\n\\end{aligned}\n$$\n"
    out = markdown_to_html(text)
    assert out == "\\[\\begin{aligned}\na &amp;= b \\\\\nc &amp;= d_1 * e_2\n\\end{aligned}\\]\n"
    assert htmllib.unescape(out).count("\\\\") == 1


def test_display_math_one_line_and_inline_double():
    assert markdown_to_html("$$x^2$$") == "\\[x^2\\]\n"
    assert markdown_to_html("so $$x^2$$ here") == "<p>so \\[x^2\\] here</p>\n"


def test_display_math_interrupts_paragraph():
    out = markdown_to_html("Text\n$$\na_1\n$$\nmore")
    assert out == "<p>Text</p>\n\\[a_1\\]\n<p>more</p>\n"


def test_display_math_in_blockquote_and_list():
    assert markdown_to_html("> $$\n> a \\\\ b\n> $$") == "<blockquote>\n\\[a \\\\ b\\]\n</blockquote>\n"
    assert markdown_to_html("- $x_1$\n- $$y$$") == (
        "<ul>\n<li>\\(x_1\\)</li>\n<li>\n\\[y\\]\n</li>\n</ul>\n"
    )


def test_html_special_characters_in_math_are_escaped():
    out = markdown_to_html("$a<b>c & d$")
    assert out == "<p>\\(a&lt;b&gt;c &amp; d\\)</p>\n"
    assert htmllib.unescape(out) == "<p>\\(a<b>c & d\\)</p>\n"


def test_escaped_dollar_is_literal():
    assert markdown_to_html("costs \\$5 and \\$6") == "<p>costs $5 and $6</p>\n"
    assert markdown_to_html("\\$x$") == "<p>$x$</p>\n"


def test_escaped_dollar_inside_math():
    assert markdown_to_html("$a \\$ b$") == "<p>\\(a \\$ b\\)</p>\n"


def test_currency_is_not_math():
    assert markdown_to_html("$5 and $6") == "<p>$5 and $6</p>\n"
    assert markdown_to_html("pay $5 or $ 6") == "<p>pay $5 or $ 6</p>\n"
    assert markdown_to_html("a $ b $ c") == "<p>a $ b $ c</p>\n"


def test_math_at_start_and_end_of_paragraph():
    # regression: mdit-py-plugins' dollarmath looks at src[-1] for a `$` at position 0
    assert markdown_to_html("$x$ costs 5") == "<p>\\(x\\) costs 5</p>\n"
    assert markdown_to_html("$x$ ends \\") == "<p>\\(x\\) ends \\</p>\n"


def test_unmatched_dollars_are_text():
    assert markdown_to_html("a $$ b") == "<p>a $$ b</p>\n"
    assert markdown_to_html("a $x") == "<p>a $x</p>\n"


def test_math_not_in_code_span_or_fence():
    assert markdown_to_html("`$a_1$` $b_1$") == "<p><code>$a_1$</code> \\(b_1\\)</p>\n"
    assert markdown_to_html("```\n$$\nx\n$$\n```") == "<pre><code>$$\nx\n$$\n</code></pre>\n"


def test_math_is_not_linkified_or_html():
    assert markdown_to_html("$[a](b)$") == "<p>\\([a](b)\\)</p>\n"
    assert markdown_to_html("$<script>$") == "<p>\\(&lt;script&gt;\\)</p>\n"


# --------------------------------------------------------------------------- #
# clozes
# --------------------------------------------------------------------------- #


def test_plain_clozes_pass_through():
    out = markdown_to_html("{{c1::Paris}} is in {{c2::France::country}}.")
    assert out == "<p>{{c1::Paris}} is in {{c2::France::country}}.</p>\n"
    assert anki_clozes(out) == [(1, "Paris", None), (2, "France", "country")]


def test_cloze_with_markdown_inside():
    out = markdown_to_html("{{c1::**bold** and *em*::hint}}")
    assert out == "<p>{{c1::<strong>bold</strong> and <em>em</em>::hint}}</p>\n"


def test_cloze_around_inline_math_spec_example():
    out = markdown_to_html("{{c1::$\\frac{1}{\\sqrt{x}}$}}")
    assert out == "<p>{{c1::\\(\\frac{1}{\\sqrt{x} }\\)}}</p>\n"
    [(number, text, hint)] = anki_clozes(out)
    assert (number, hint) == (1, None)
    assert text.startswith("\\(") and text.endswith("\\)")
    assert balanced(text)
    assert squash(text) == "\\(\\frac{1}{\\sqrt{x}}\\)"


def test_cloze_around_math_with_hint():
    out = markdown_to_html("{{c2::$\\sum_{i}{x_{i}}$::sum}}")
    [(number, text, hint)] = anki_clozes(out)
    assert (number, hint) == (2, "sum")
    assert squash(text) == "\\(\\sum_{i}{x_{i}}\\)" and balanced(text)


def test_cloze_inside_display_math_spec_example():
    out = markdown_to_html("$$\\frac{1}{ {{c1::\\sqrt{x} }} }$$")
    assert out == "\\[\\frac{1}{ {{c1::\\sqrt{x} }} }\\]\n"
    [(number, text, hint)] = anki_clozes(out)
    assert (number, text.strip(), hint) == (1, "\\sqrt{x}", None)


def test_cloze_inside_math_without_spaces_gets_padded():
    out = markdown_to_html("$$\\frac{1}{ {{c1::\\sqrt{x}}} }$$")
    [(_, text, _)] = anki_clozes(out)
    assert text.strip() == "\\sqrt{x}"
    # the rest of the formula is untouched
    assert ANKI_CLOZE.sub("X", out) == "\\[\\frac{1}{ X }\\]\n"


def test_cloze_inside_inline_math_with_double_colon():
    out = markdown_to_html("$f {{c1::a::b::hint}}$")
    [(_, text, hint)] = anki_clozes(out)
    assert hint == "hint"
    assert squash(text) == "a::b"


def test_double_colon_in_math_in_cloze():
    out = markdown_to_html("{{c1::$a::b$::hint}}")
    assert out == "<p>{{c1::\\(a:{}:b\\)::hint}}</p>\n"
    [(_, text, hint)] = anki_clozes(out)
    assert (squash(text), hint) == ("\\(a::b\\)", "hint")


def test_double_colon_in_prose_in_cloze_renders_unchanged():
    out = markdown_to_html("{{c1::std::vector::container}} and {{c2::`a::b`}}")
    assert out == "<p>{{c1::std:&#58;vector::container}} and {{c2::<code>a:&#58;b</code>}}</p>\n"
    clozes = anki_clozes(out)
    assert [(n, htmllib.unescape(t), h) for n, t, h in clozes] == [
        (1, "std::vector", "container"),
        (2, "<code>a::b</code>", None),
    ]


def test_braces_in_prose_cloze():
    out = markdown_to_html("{{c1::set {a, b}}} and {{c2::`d = {1: {2: 3}}`}}")
    clozes = anki_clozes(out)
    assert [htmllib.unescape(t) for _, t, _ in clozes] == ["set {a, b}", "<code>d = {1: {2: 3}}</code>"]


def test_cloze_with_escaped_braces_in_math():
    out = markdown_to_html("{{c1::$\\{x\\}$}}")
    [(_, text, _)] = anki_clozes(out)
    assert squash(text) == "\\(\\{x\\}\\)"


def test_several_clozes_and_math_around():
    out = markdown_to_html("$a$ {{c1::$\\frac{a}{b}$}} $c$ {{c2::$\\sqrt{\\sqrt{y}}$::root}}")
    clozes = anki_clozes(out)
    assert [(n, squash(t), h) for n, t, h in clozes] == [
        (1, "\\(\\frac{a}{b}\\)", None),
        (2, "\\(\\sqrt{\\sqrt{y}}\\)", "root"),
    ]
    assert all(balanced(t) for _, t, _ in clozes)


def test_cloze_over_display_math_in_paragraph():
    out = markdown_to_html("{{c1::$$\\frac{1}{x^{2}}$$}}")
    [(_, text, _)] = anki_clozes(out)
    assert squash(text) == "\\[\\frac{1}{x^{2}}\\]"


def test_pad_cloze_math_spec_examples():
    assert pad_cloze_math("{{c1::\\(\\frac{1}{\\sqrt{x}}\\)}}") == "{{c1::\\(\\frac{1}{\\sqrt{x} }\\)}}"
    assert pad_cloze_math("$$\\frac{1}{ {{c1::\\sqrt{x} }} }$$") == "$$\\frac{1}{ {{c1::\\sqrt{x} }} }$$"
    assert pad_cloze_math("\\[\\frac{1}{ {{c1::\\sqrt{x}}} }\\]") == "\\[\\frac{1}{ {{c1::\\sqrt{x} }} }\\]"


def test_pad_cloze_math_dollar_math():
    assert pad_cloze_math("{{c1::$\\frac{1}{\\sqrt{x}}$}}") == "{{c1::$\\frac{1}{\\sqrt{x} }$}}"
    assert pad_cloze_math("{{c1::$a::b$::h}}") == "{{c1::$a:{}:b$::h}}"


def test_pad_cloze_math_double_colons():
    # only the last top-level `::` stays: it separates the hint
    assert pad_cloze_math("{{c1::\\(a::b::c\\)::hint}}") == "{{c1::\\(a:{}:b:{}:c\\)::hint}}"
    assert pad_cloze_math("{{c1::\\(x\\)::\\(y\\)}}") == "{{c1::\\(x\\)::\\(y\\)}}"
    assert pad_cloze_math("\\({{c1::a:::b}}\\)") == "\\({{c1::a:{}::b}}\\)"
    assert pad_cloze_math("{{c1::a::b::c}}") == "{{c1::a:&#58;b::c}}"
    assert pad_cloze_math("{{c1::\\(a::b\\)}}") == "{{c1::\\(a:{}:b\\)}}"


def test_pad_cloze_math_leaves_text_outside_clozes():
    text = "a::b }} \\(x}}\\) {{c1::ok}} :: }}"
    assert pad_cloze_math(text) == text
    assert pad_cloze_math("no clozes \\(\\frac{a}{b}\\)") == "no clozes \\(\\frac{a}{b}\\)"


def test_pad_cloze_math_unclosed_cloze_left_alone():
    assert pad_cloze_math("{{c1::a {b") == "{{c1::a {b"
    assert pad_cloze_math("{{c1::\\(\\frac{1}{x}\\)") == "{{c1::\\(\\frac{1}{x}\\)"


def test_pad_cloze_math_nested_clozes():
    assert pad_cloze_math("{{c1::a {{c2::b}} c}}") == "{{c1::a {{c2::b}} c}}"
    assert pad_cloze_math("{{c1::\\(\\frac{ {{c2::\\sqrt{x}}} }{2}\\)}}") == (
        "{{c1::\\(\\frac{ {{c2::\\sqrt{x} }} }{2}\\)}}"
    )


def test_pad_cloze_math_skips_tags():
    text = '{{c1::<a href="x::y}}" title="}}">\\(\\frac{a}{b}\\)</a>}}'
    assert pad_cloze_math(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "{{c1::\\(\\frac{1}{\\sqrt{x}}\\)}}",
        "\\[\\frac{1}{ {{c1::\\sqrt{x}}} }\\]",
        "{{c1::\\(a::b::c\\)::hint}}",
        "{{c1::\\(\\mathbf{\\{x\\}}\\)}}",
        "{{c1::\\(x^{y^{z}}\\)::h}} and {{c2::\\(\\mathbf{v}\\)}}",
    ],
)
def test_pad_cloze_math_is_idempotent_and_anki_safe(text):
    once = pad_cloze_math(text)
    assert pad_cloze_math(once) == once
    for _, cloze_text, hint in anki_clozes(once):
        assert balanced(cloze_text)
        assert hint is None or "::" not in hint


# --------------------------------------------------------------------------- #
# sanitizer
# --------------------------------------------------------------------------- #


def test_sanitize_keeps_allowed_markup():
    html = (
        '<p class="x">a<br>b</p><table><tr><td align="right">1</td></tr></table>'
        '<pre class="p"><code class="language-py">x</code></pre><span class="s">s</span>'
        "<details><summary>s</summary>d</details>"
    )
    out = sanitize_html(html)
    assert '<td align="right">1</td>' in out
    assert '<code class="language-py">x</code>' in out and '<pre class="p">' in out
    assert '<span class="s">s</span>' in out
    assert "<details><summary>s</summary>d</details>" in out
    assert "<p>a<br>b</p>" in out  # class is not allowed on <p>


def test_sanitize_image_sources():
    assert sanitize_html('<img src="a.png" alt="a" width="10" height="20">') == (
        '<img src="a.png" alt="a" width="10" height="20">'
    )
    assert sanitize_html('<img src="https://e.org/a.png">') == '<img src="https://e.org/a.png">'
    assert sanitize_html('<img src="http://e.org/a.png">') == "<img>"
    assert sanitize_html('<img src="data:image/png;base64,iVBORw0KGgo=">') == "<img>"
    assert sanitize_html('<img src="//e.org/a.png">') == "<img>"
    assert sanitize_html('<img src="mailto:a@b">') == "<img>"
    assert sanitize_html('<img src="file:///etc/passwd">') == "<img>"


def test_sanitize_link_targets():
    rel = ' rel="noopener noreferrer"'
    assert sanitize_html('<a href="http://e.org">x</a>') == f'<a href="http://e.org"{rel}>x</a>'
    assert sanitize_html('<a href="mailto:a@b.c">x</a>') == f'<a href="mailto:a@b.c"{rel}>x</a>'
    assert sanitize_html('<a href="other.html">x</a>') == f'<a href="other.html"{rel}>x</a>'
    assert sanitize_html('<a href="ftp://e.org">x</a>') == f"<a{rel}>x</a>"
    assert sanitize_html('<a href="//e.org">x</a>') == f"<a{rel}>x</a>"
    assert sanitize_html('<a href="x" rel="opener" target="_blank">x</a>') == f'<a href="x"{rel}>x</a>'


def test_sanitize_drops_dangerous_elements_with_content():
    assert sanitize_html("<style>p{}</style><script>x()</script><iframe>i</iframe>ok") == "ok"
    assert sanitize_html("<svg><text>t</text></svg><math><mi>x</mi></math>ok") == "ok"
    assert sanitize_html("<form><b>f</b></form>") == "<b>f</b>"




def test_there_are_at_least_30_distinct_xss_payloads():
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS) >= 30


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payload_is_neutralised(payload):
    out = markdown_to_html(payload)
    assert_safe(out)
    assert_safe(sanitize_html(payload))
    # and inside a cloze, where padding runs after sanitizing
    assert_safe(markdown_to_html("{{c1::" + payload + "}}"))


def test_safety_checker_catches_unsafe_html():
    # the checker itself must fail on what it is meant to catch
    for bad in (
        "<script>x</script>",
        '<img src="x" onerror="y">',
        '<a href="&#106;avascript:x">a</a>',
        '<a href=" java\tscript:x">a</a>',
        '<img src="data:image/png;base64,AA">',
        "<!-- c -->",
        "<iframe></iframe>",
    ):
        with pytest.raises(AssertionError):
            assert_safe(bad)


# --------------------------------------------------------------------------- #
# image references
# --------------------------------------------------------------------------- #


def test_image_refs_markdown_and_html():
    text = (
        "![a](img/a.png) ![b](<my pic.png>) ![c](c%20d.png)\n\n"
        '<img src="html.png" alt="h"> <IMG SRC=\'upper.jpg\'>\n\n'
        "<div>\n<img src=\"block.svg\">\n</div>\n\n"
        "![r][ref]\n\n[ref]: ref.gif\n"
    )
    assert image_refs(text) == ["img/a.png", "my pic.png", "c d.png", "html.png", "upper.jpg", "block.svg", "ref.gif"]


def test_image_refs_skips_remote_data_and_code():
    text = (
        "![r](https://e.org/a.png) ![h](http://e.org/b.png) ![d](data:image/png;base64,AA)\n"
        '<img src="https://e.org/c.png"> <img src="//cdn.example/d.png"> <img src="data:image/gif;base64,R0">\n'
        "`![code](code.png)`\n\n```\n![fence](fence.png)\n<img src=\"fence2.png\">\n```\n\n"
        "    ![indented](indented.png)\n\n"
        "$![math](math.png)$ ![ok](ok.png) ![j](javascript:x.png) ![w](C:/w.png)"
    )
    assert image_refs(text) == ["ok.png"]


def test_image_refs_dedupes_in_order():
    assert image_refs("![a](b.png) ![x](a.png) ![again](b.png) <img src=\"a.png\">") == ["b.png", "a.png"]


def test_image_refs_none():
    assert image_refs("just text, [a link](x.png)") == []


# --------------------------------------------------------------------------- #
# randomised (seeded, so deterministic) check against Anki's rule
# --------------------------------------------------------------------------- #


def _random_group(rng, depth: int, atoms: list[str]) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for _ in range(rng.randint(1, 4)):
        if depth < 4 and rng.random() < 0.4:
            parts.append("{" + _random_group(rng, depth + 1, atoms) + "}")
        else:
            parts.append(rng.choice(atoms))
    return "".join(parts)


def test_random_math_clozes_survive_anki_parsing():
    import random

    rng = random.Random(20240601)
    atoms = ["x", "::", ":", ":::", "\\{", "\\}", "\\frac{a}{b}", "^", "_", "\\sqrt{y}", "*"]
    for _ in range(300):
        tex = "x" + _random_group(rng, 0, atoms) + "x"
        out = markdown_to_html("{{c1::$" + tex + "$::hint}}")
        [(number, text, hint)] = anki_clozes(out)
        assert (number, hint) == (1, "hint"), (tex, out)
        assert squash(text) == squash("\\(" + tex + "\\)"), (tex, out)
        assert balanced(text), (tex, out)
        # the same through pad_cloze_math on MathJax delimiters, cloze inside math
        padded = pad_cloze_math("\\[a {{c2::" + tex + "::h}} b\\]")
        [(number, text, hint)] = anki_clozes(padded)
        assert (number, hint) == (2, "h"), (tex, padded)
        assert squash(text) == squash(tex) and balanced(text), (tex, padded)


def test_random_prose_clozes_survive_anki_parsing():
    import random

    rng = random.Random(7)
    atoms = ["a", "b", "::", ":", ":::", " ", "-"]
    for _ in range(300):
        prose = "w" + _random_group(rng, 0, atoms) + "w"
        out = markdown_to_html("{{c1::" + prose + "::hint}}")
        [(_, text, hint)] = anki_clozes(out)
        assert hint == "hint", (prose, out)
        assert htmllib.unescape(text) == prose, (prose, out)


@pytest.mark.slow
def test_pathological_clozes_do_not_blow_up():
    unclosed = "{{c1::{ x " * 2000
    assert pad_cloze_math(unclosed) == unclosed
    assert pad_cloze_math(unclosed + "}}").startswith("{{c1::{ x ")
    deep = "{{c1::" * 3000 + "x" + "}}" * 3000  # deeper than any real nesting: no RecursionError
    assert pad_cloze_math(deep).startswith("{{c1::{{c1::")
    assert markdown_to_html("{{c1::" * 500 + "$x$" + "}}" * 500).startswith("<p>{{c1::")


# --- the fast path for plain one-line sides must agree with markdown-it exactly ------------------------

from hypothesis import example, given, settings, strategies as st  # noqa: E402

from mlwiki.render.html import _MD, _pad_clozes, _plain_html  # noqa: E402


def _slow_path(text: str) -> str:
    return _pad_clozes(sanitize_html(_MD.render(text)), dollars=False)


_PIECES = list("ab $x_1^2{}()=+.,?0 \\<>&*\"'\t-#:é\n") + ["{{c1::", "}}", "::", "\\frac", "\n\n", "$$",
                                                                 "**", "`", "**b**", "`a`"]


@pytest.mark.slow
@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example("$$a\n a$$")  # (a display whose second line is indented: Markdown takes the indent off)
def test_fast_path_equals_markdown_it(text):
    fast = _plain_html(text)
    if fast is not None:
        assert fast == _slow_path(text)


@pytest.mark.parametrize("text", ["What is the gradient of $f(x) = x^2$ at $x=1$?", "Plain short answer",
                                  "a $x<y & z$ b", "$\\nabla_\\theta L$", "Adam › Update\n\nThe rule is:",
                                  "keep **step 12** near $\\alpha$ (see `opt_1 < x`)",
                                  "$$\\theta_{t+1} = \\theta_t - \\eta g_t$$"])
def test_fast_path_taken_for_plain_lines(text):
    assert _plain_html(text) == _slow_path(text)
