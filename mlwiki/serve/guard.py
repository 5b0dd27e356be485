"""Safe by default: which requests the app answers at all, and the headers every answer carries.

* **Host**: only the names the server was started for (localhost names for 127.0.0.1; this machine's names and
  addresses on the network for `--host 0.0.0.0`). A page on another site that rebinds its DNS name to 127.0.0.1
  sends its own name as Host and is refused (DNS rebinding).
* **Token**: a random token per run. Every request that changes something (POST) must carry it in the
  `X-Mlwiki-Token` header, which a page from another origin cannot set without a CORS preflight this app never
  grants, and cannot read from our pages (CSRF). With `token_everywhere` (the network mode) every request needs
  it: in the URL once (`?token=…`, then kept in a same-site, HTTP-only cookie) or in that cookie.
* **Headers**: a Content-Security-Policy that runs only the app's own script files and loads nothing from
  another host; no referrer (the token may be in the address), no sniffing, no framing, no caching of answers.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

TOKEN_HEADER = "x-mlwiki-token"
TOKEN_COOKIE = "mlwiki_token"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SAFE_METHODS = {"GET", "HEAD"}
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cross-origin-opener-policy", b"same-origin"), (b"cross-origin-resource-policy", b"same-origin")]


@dataclass(frozen=True)
class Policy:
    """What the guard accepts: the Host values, the token, and whether every request must carry it."""

    hosts: frozenset[str]
    token: str
    token_everywhere: bool = False

    def token_ok(self, given: str | None) -> bool:
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())


def allowed_hosts(names: list[str], port: int) -> frozenset[str]:
    """Host header values for these names on this port (IPv6 addresses in brackets; port 80 also bare)."""
    out = set()
    for name in names:
        shown = f"[{name}]" if ":" in name and not name.startswith("[") else name
        out.add(f"{shown}:{port}".lower())
        if port == 80:
            out.add(shown.lower())
    return frozenset(out)


class Guard:
    """ASGI middleware: refuse what the policy does not allow, add the security headers to every answer."""

    def __init__(self, app, policy: Policy):
        self.app, self.policy = app, policy

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket":  # the app has none: refused before anything looks at it
            return await send({"type": "websocket.close", "code": 1008})
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self.refusal(scope, headers)
        if refusal:
            return await _plain(send, *refusal)
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if self.policy.token_everywhere and "token" in query and scope["method"] in SAFE_METHODS:
            return await self._adopt_token(scope, query, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def refusal(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """(status, reason) when the request must be refused, else None."""
        if headers.get("host", "").lower() not in self.policy.hosts:
            return 421, "This server answers only at the address `mlwiki serve` printed."
        if headers.get("sec-fetch-site") == "cross-site" and scope["method"] not in SAFE_METHODS:
            return 403, "Cross-site request refused."
        cookie = _cookies(headers.get("cookie", "")).get(TOKEN_COOKIE)
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if scope["method"] not in SAFE_METHODS:
            if not self.policy.token_ok(headers.get(TOKEN_HEADER)):
                return 403, "Missing or wrong token: reload the page."
        elif self.policy.token_everywhere and not (self.policy.token_ok(cookie) or self.policy.token_ok(query.get("token"))):
            return 403, "This server needs the link with its token, as `mlwiki serve` printed it."
        return None

    async def _adopt_token(self, scope, query: dict, send) -> None:
        """A valid `?token=` in the address: keep it in a cookie and show the same page without it."""
        rest = urlencode({k: v for k, v in query.items() if k != "token"})
        location = scope["path"] + (f"?{rest}" if rest else "")
        cookie = f"{TOKEN_COOKIE}={self.policy.token}; Path=/; HttpOnly; SameSite=Strict"
        await send({"type": "http.response.start", "status": 303,
                    "headers": [(b"location", location.encode("latin-1")), (b"set-cookie", cookie.encode())]
                    + HEADERS})
        await send({"type": "http.response.body", "body": b""})


def _cookies(text: str) -> dict[str, str]:
    pairs = (part.strip().partition("=") for part in text.split(";"))
    return {name: value for name, _, value in pairs if name}


async def _plain(send, status: int, text: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")] + HEADERS})
    await send({"type": "http.response.body", "body": text.encode()})
