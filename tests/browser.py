"""Headless Chromium for tests and screenshots: the DevTools protocol over a pipe (--remote-debugging-pipe), so no
extra package and no network port. `Browser().page(url, width, dark)` loads a page at a viewport width and colour
scheme; `Page.evaluate` runs JavaScript after layout, `Page.screenshot` writes a PNG. `CHECK_JS` measures a page."""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

BINARIES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def find_chromium() -> str | None:
    for name in BINARIES:
        if path := shutil.which(name):
            return path
    return None


class Browser:
    """One headless Chromium; `page()` opens a tab. Use as a context manager."""

    def __init__(self, binary: str | None = None, timeout: float = 60.0):
        self.binary = binary or find_chromium()
        if not self.binary:
            raise FileNotFoundError("no chromium on PATH")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="mlwiki-chromium-")
        to_child, self._w = os.pipe()
        self._r, from_child = os.pipe()

        def wire() -> None:  # the protocol pipe is fds 3 (commands in) and 4 (replies out)
            a, b = os.dup(to_child), os.dup(from_child)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
             "--mute-audio", f"--user-data-dir={self.profile}", "about:blank"],
            close_fds=False, preexec_fn=wire, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self._buf = b""
        self._next = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            while b"\0" not in self._buf:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"chromium did not answer {method}")
                chunk = os.read(self._r, 1 << 16)
                if not chunk:
                    raise ConnectionError("chromium closed the protocol pipe")
                self._buf += chunk
            raw, self._buf = self._buf.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def page(self, url: str, width: int = 1280, height: int = 800, dark: bool = False) -> "Page":
        """A new tab showing `url` at this viewport, laid out and with its fonts loaded."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        page.send("Emulation.setEmulatedMedia",
                  {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
        page.load(url)
        return page

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except Exception:  # noqa: BLE001 - it may be gone already
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._w)
        os.close(self._r)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    """One tab of a `Browser`."""

    def __init__(self, browser: Browser, session: str, target: str):
        self.browser, self.session, self.target = browser, session, target

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def load(self, url: str) -> None:
        """Show `url` in this tab; returns once it is loaded and its fonts are ready."""
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + self.browser.timeout
        while True:  # until the new document has replaced the old one and finished loading
            try:
                if self.evaluate("location.href + ' ' + document.readyState") == f"{url} complete":
                    break
            except RuntimeError:
                pass  # the old document went away while we asked
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            time.sleep(0.02)
        self.evaluate("document.fonts.ready.then(() => 1)")

    def evaluate(self, expression: str):
        """The value of a JavaScript expression (awaited if it is a promise)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description")
                               or result["exceptionDetails"].get("text"))
        return result["result"].get("value")

    def screenshot(self, path: Path, top: float | None = None, height: float | None = None) -> None:
        """The whole page (not only the viewport) as a PNG, or the band `top`..`top + height` of it."""
        params = {"format": "png", "captureBeyondViewport": True}
        if top is not None:
            width = self.evaluate("document.documentElement.scrollWidth")
            params["clip"] = {"x": 0, "y": top, "width": width, "height": height, "scale": 1}
        shot = self.send("Page.captureScreenshot", params)
        Path(path).write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})


# Run in a page after layout; returns what is wrong with it (empty lists when nothing is):
#   overflow  elements that stick out of their panel (a <section> or .tile), unless a scrolling or clipping box
#             between them holds them; scrollWidth > width means the page itself scrolls sideways
#   small     chart, calendar and legend text under 12 px
#   overlap   axis and calendar labels that overlap each other, or stick out of their calendar
#   amp       <mi>&</mi> or <mo>&</mo> (alignment marks shown as text)
#   raw       TeX left in visible text ($…$, \\(, \\begin{, \\frac, \\name{ outside code)
#   tables    every <mtable>: its rows' tops and the left edges of its cells, to see real rows and columns
CHECK_JS = (Path(__file__).with_name("check_page.js")).read_text(encoding="utf-8")


# A display formula too wide for a phone (serve and the card page show it as rows, tests in both)
WIDE = r"""# Variational inference

## How does the log evidence split?

$$\log p(x) = \mathbb{E}_{q_\phi(z\mid x)}\left[\log \frac{p_\theta(x, z)}{q_\phi(z\mid x)}\right]
+ \mathrm{KL}\left(q_\phi(z\mid x)\,\|\,p_\theta(z\mid x)\right) \geq \mathbb{E}_{q_\phi(z\mid x)}\left[\log
p_\theta(x\mid z)\right] - \mathrm{KL}\left(q_\phi(z\mid x)\,\|\,p(z)\right)$$
"""


def shown_versions_js(side: str) -> str:
    """JS: for each display formula of `side` (a CSS selector), whether it fits and which versions show."""
    return (f"[...document.querySelectorAll('{side} .math-block')].map(b => ({{"
            "fits: b.scrollWidth <= b.clientWidth + 1,"
            "  shown: [...b.querySelectorAll('.math-version')].map((v, i) => v.hidden ? -1 : i).filter(i => i >= 0)}))")
