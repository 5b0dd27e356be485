"""What "nothing executable" means, shared by the HTML unit tests and the real-Anki export test: the XSS payloads
and the checker that every exported field must pass."""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]], str]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, attrs, self.get_starttag_text() or ""))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):  # type: ignore[no-untyped-def]
        self.comments.append(data)


def parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i",
    "u", "s", "del", "sub", "sup", "code", "pre", "blockquote", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "a", "img", "span", "div", "kbd",
    "mark", "details", "summary",
}  # fmt: skip
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


def url_as_browser_reads(value: str) -> str:
    value = htmllib.unescape(htmllib.unescape(value))  # even double-encoded
    return re.sub(r"[\x00-\x20\x7f]+", "", value).lower()


def assert_safe(html: str) -> None:
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<iframe" not in lowered and "<object" not in lowered and "<embed" not in lowered
    assert "<svg" not in lowered and "<math" not in lowered and "<style" not in lowered
    assert "<form" not in lowered and "<meta" not in lowered and "<base" not in lowered
    parsed = parse(html)
    assert not parsed.comments
    for tag, attrs, raw in parsed.tags:
        assert tag in ALLOWED_TAGS, raw
        assert not re.search(r"\son\w+\s*=", raw, re.I), raw
        for name, value in attrs:
            assert not name.lower().startswith("on"), raw
            assert name.lower() not in ("style", "srcdoc", "action", "formaction", "xlink:href"), raw
            if name.lower() in ("href", "src") and value is not None:
                url = url_as_browser_reads(value)
                assert not url.startswith(BAD_SCHEMES), raw
                assert not url.startswith(("//", "\\\\", "/\\", "\\/")), raw


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    "<script/xss src=x></script>",
    "<<script>alert(1)//<</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnErRoR=alert(1)>",
    '<img src="x" onerror="alert(1)"/>',
    "<img src=x onerror\n=alert(1)>",
    '<img src="https://e.org/a.png" onload=alert(1)>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;script:alert(1)">x</a>',
    '<a href="&#0000106&#0000097vascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="jav&Tab;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="x" onclick="alert(1)">x</a>',
    '<img src="javascript:alert(1)">',
    '<img src=" JaVaScRiPt:alert(1)">',
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="data:image/png;base64,iVBORw0KGgo=">',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>body{background:expression(alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    '<base href="javascript:alert(1)//">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><script>alert(1)</script> -->",
    "<!--[if IE]><script>alert(1)</script><![endif]-->",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](&#106;avascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    '![x](x.png "\\"><script>alert(1)</script>")',
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    '"><script>alert(1)</script>',
    "<a href=\"x\" title='\"><script>alert(1)</script>'>t</a>",
    "<math><mtext><script>alert(1)</script></mtext></math>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)><summary>s</summary>b</details>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<div><img src=x onerror=alert(1)",
    '<a href="javascript:alert(1)"',
    "<b><i><u>nested <img src=x onerror=alert(1)> unterminated",
    "<xmp><script>alert(1)</script></xmp>",
    "<textarea></textarea><script>alert(1)</script>",
    "<template><script>alert(1)</script></template>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    "<div style=\"x:expression(alert(1))\" onmouseover='alert(1)'>x</div>",
    "{{c1::<img src=x onerror=alert(1)>}}",
    "{{c1::$x$::<script>alert(1)</script>}}",
    "$<script>alert(1)</script>$",
    "$$\n</p><script>alert(1)</script>\n$$",
    "```\n<script>alert(1)</script>\n```",
    "| <script>alert(1)</script> |\n|-|\n| <img src=x onerror=alert(1)> |",
    '<a href="//evil.example/">x</a><img src="/\\evil.example/x.png">',
]
