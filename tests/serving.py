"""`mlwiki serve` for tests and the benchmark: the real command in a subprocess on a free port of 127.0.0.1, spoken to
over HTTP (urllib), and the wiki's database read beside it. `bundled_wiki()` copies the bundled notes with a macros
file and a note of layouts (tests/pages.py), so math, macros and clozes are the real ones."""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import db_rows

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-03-02T12:00:00+00:00"


def bundled_wiki(root: Path) -> Path:
    """The bundled notes, the layouts note and a macros file in `root` (study days in UTC)."""
    from pages import LAYOUTS, MACROS

    shutil.copytree(REPO / "notes", root / "notes")
    (root / "notes" / "layouts.md").write_text(LAYOUTS, encoding="utf-8")
    (root / "_macros.tex").write_text(MACROS, encoding="utf-8")
    config = (REPO / "mlwiki.toml").read_text(encoding="utf-8").replace("[review]\n", '[review]\ntimezone = "UTC"\n')
    (root / "mlwiki.toml").write_text('macros = "_macros.tex"\n' + config, encoding="utf-8")
    return root


def scanned(root: Path, now: str | None = NOW) -> Path:
    """`root` once scanned, here, as a wiki is at every start of the server but its first: a server on a wiki
    never scanned imports (and, without bytecode, compiles) the extraction code for its first scan, about a second
    of every test that starts one. test_serve's first test keeps the server's own first scan."""
    from conftest import run

    run(root, "scan", now=now, ok=True)
    return root


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cli_env(now: str | None = NOW) -> dict:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("MLWIKI_NOW", None)
    if now:
        env["MLWIKI_NOW"] = now
    return env


def mlwiki(root: Path, *args: str, stdin: str = "", now: str | None = NOW) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mlwiki", "--root", str(root), *args], input=stdin, text=True,
                          capture_output=True, env=cli_env(now), timeout=120, cwd=root)


class Server:
    """`mlwiki serve --no-open` on a free port; `stop()` sends Ctrl-C (SIGINT) and returns what it printed."""

    def __init__(self, root: Path, *args: str, now: str | None = NOW, host: str = "127.0.0.1", env: dict | None = None):
        self.root = root
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mlwiki", "--root", str(root), "serve", "--no-open", "--host", host,
             "--port", str(self.port), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env={**cli_env(now), **(env or {})}, cwd=root)
        self.lines: queue.Queue[str] = queue.Queue()
        self.printed: list[str] = []
        threading.Thread(target=self._pump, daemon=True).start()
        self.link = self._wait_for_link()
        self.base = f"http://127.0.0.1:{self.port}"
        self.token = ""
        if "token=" not in self.link:
            self.token = re.search(r'name="mlwiki-token" content="([^"]+)"', self.get("/")[2]).group(1)

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)

    def _wait_for_link(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"mlwiki serve exited: {self.proc.stderr.read()}")
                continue
            self.printed.append(line)
            if found := re.search(r"http://\S+", line):
                return found.group(0)
        raise TimeoutError("mlwiki serve printed no address")

    def request(self, path: str, body=None, headers: dict | None = None, method: str | None = None):
        """(status, headers, text) of one request to the server (errors included, not raised)."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method or ("POST" if data else "GET"),
                                         headers={"content-type": "application/json", **(headers or {})})
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8", "replace")

    def get(self, path: str, headers: dict | None = None):
        return self.request(path, headers=headers)

    def post(self, path: str, body: dict | None = None, token: str | None = None):
        return self.request(path, body if body is not None else {}, {"x-mlwiki-token": self.token if token is None
                                                                     else token}, method="POST")

    def state(self) -> dict:
        status, _, text = self.get("/api/state")
        assert status == 200, text
        return json.loads(text)

    def act(self, action: str, rating: int = 0, card: str | None = None) -> tuple[int, dict]:
        if card is None and action != "undo":
            card = self.state()["card"]["id"]
        status, _, text = self.post("/api/act", {"action": action, "rating": rating, "card": card})
        return status, json.loads(text)

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C, as a person stops it: (exit status, stdout, stderr)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        rest = []
        while not self.lines.empty():
            rest.append(self.lines.get())
        return self.proc.returncode, "".join(self.printed + rest), self.proc.stderr.read()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def review_count(root: Path) -> int:
    return db_rows(root, "SELECT count(*) FROM reviews")[0][0]


def card_flags(root: Path, card_id: str) -> dict:
    (row,) = db_rows(root, "SELECT suspended, buried_until, reps, dropped FROM cards WHERE id = ?", (card_id,))
    return dict(zip(("suspended", "buried_until", "reps", "dropped"), row))


def last_review(root: Path) -> dict | None:
    rows = db_rows(root, "SELECT card_id, rating FROM reviews ORDER BY id DESC LIMIT 1")
    return dict(zip(("card_id", "rating"), rows[0])) if rows else None
