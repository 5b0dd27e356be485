"""`mlwiki serve` over HTTP: the real command in a subprocess, its answers checked against the database. The same
session as `mlwiki review` (same cards in the same order), safe by default (Host, token, CSP, sanitized notes,
images only from inside the wiki), and beside a terminal review, a scan and an edit of a note."""

from __future__ import annotations

import base64
import json
import re
import socket
import threading
import time
from datetime import timedelta

import pytest

from conftest import bump_mtime, db_rows, write
from serving import Server, bundled_wiki, card_flags, last_review, mlwiki, review_count, scanned

pytestmark = pytest.mark.slow  # a server process per test


@pytest.fixture
def bundled(tmp_path):
    return scanned(bundled_wiki(tmp_path / "wiki"))


@pytest.fixture
def small(wiki):
    write(wiki, "notes/a.md", "# Alpha\n\nQ: What is $\\alpha$?\nA: The first letter.\n\n"
                              "Q: What is beta?\nA: The second letter.\n\nQ: What is gamma?\nA: The third.\n")
    return scanned(wiki)


# --- one engine -------------------------------------------------------------------------------------------


def test_the_page_shows_what_the_terminal_review_shows(tmp_path):
    """Same notes, same clock: the server and `review --plain` present the same cards in the same order, with the
    same counts, and their answers leave the same log. (The one server here that makes its wiki's first scan: the
    others start on a wiki scanned before, see serving.scanned.)"""
    web, terminal = bundled_wiki(tmp_path / "web"), bundled_wiki(tmp_path / "terminal")
    ratings = [3, 1, 3, 4, 2, 3, 3, 1, 3, 3, 4, 3]
    with Server(web) as server:
        shown = []
        for rating in ratings:
            state = server.state()
            shown.append((state["card"]["id"], state["counts"]))
            status, _ = server.act("answer", rating)
            assert status == 200
    out = mlwiki(terminal, "review", "--plain", stdin="".join(f"\n{r}\n" for r in ratings) + "q\n").stdout
    headers = re.findall(r"learning (\d+) · review (\d+) · new (\d+)", out)
    assert [c for c, _ in shown] == [r[0] for r in db_rows(terminal, "SELECT card_id FROM reviews ORDER BY id")]
    assert [(str(c["learning"]), str(c["review"]), str(c["new"])) for _, c in shown] == headers[:len(ratings)]
    web_log = [tuple(r) for r in db_rows(web, "SELECT card_id, rating, state, stability FROM reviews ORDER BY id")]
    terminal_log = [tuple(r) for r in db_rows(terminal, "SELECT card_id, rating, state, stability FROM reviews ORDER BY id")]
    assert web_log == terminal_log


def test_answer_undo_suspend_bury_reach_the_database(small):
    with Server(small) as server:
        first = server.state()
        assert first["counts"] == {"learning": 0, "review": 0, "new": 3}
        bar = re.search(r"1 Again (\S+)  2 Hard (\S+)  3 Good (\S+)  4 Easy (\S+)",
                        mlwiki(small, "review", "--plain", stdin="\nq\n").stdout)  # the terminal's buttons
        assert [r["interval"] for r in first["ratings"]] == list(bar.groups())
        card = first["card"]["id"]
        status, after = server.act("answer", 3, card)
        assert status == 200 and last_review(small) == {"card_id": card, "rating": 3}
        assert after["card"]["id"] != card and after["can_undo"]
        status, undone = server.act("undo")
        assert review_count(small) == 0 and undone["card"]["id"] == card and "Undid answer" in undone["message"]
        server.act("suspend", card=card)
        assert card_flags(small, card)["suspended"] == 1
        server.act("undo")
        assert card_flags(small, card)["suspended"] == 0
        status, buried = server.act("bury", card=card)
        assert card_flags(small, card)["buried_until"] and buried["card"]["id"] != card
        assert buried["counts"]["new"] == 2
        server.act("undo")
        status, dropped = server.act("drop", card=card)  # x: "not a card"
        assert card_flags(small, card)["dropped"] == 1 and dropped["card"]["id"] != card
        assert f"Not a card, dropped: {card}" in dropped["message"] and "mlwiki undrop" in dropped["message"]
        status, undone = server.act("undo")
        assert card_flags(small, card)["dropped"] == 0 and undone["card"]["id"] == card


def test_an_answer_for_a_card_no_longer_shown_is_refused_and_not_recorded(small):
    with Server(small) as server:
        card = server.state()["card"]["id"]
        assert server.act("answer", 3, card)[0] == 200
        status, state = server.act("answer", 3, card)  # a second tab still showing the old card
        assert status == 409 and state["card"]["id"] != card and "changed elsewhere" in state["message"]
        assert review_count(small) == 1
        assert server.act("answer", 7)[0] == 400 and review_count(small) == 1


def test_the_last_card_ends_with_the_summary_and_ctrl_c_stops_cleanly(small):
    server = Server(small)
    for _ in range(3):
        server.act("bury")
    state = server.state()
    assert state["card"] is None and "3 new cards wait" in state["done"]  # the terminal's closing line
    status, out, err = server.stop()
    assert status == 0 and "Traceback" not in err and "Reviewed 0 cards." in out


def test_done_for_now_until_a_learning_card_falls_due(make_wiki, now):
    """With nothing left but a learning card not yet due, the page says when it is; once the clock reaches it, the
    next request shows it (the engine in-process, on a clock the test moves)."""
    from mlwiki.config import load_config
    from mlwiki.review.session import ReviewSession
    from mlwiki.scan.sync import open_synced
    from mlwiki.serve.engine import Engine

    root = make_wiki({"a.md": "Q: What is alpha?\nA: The first letter.\n"},
                     config='name = "T"\n[review]\ntimezone = "UTC"\nlearning_steps = ["30m"]\n')
    clock = [now]
    config = load_config(root)
    store, _ = open_synced(config, now)
    with store:
        engine = Engine(ReviewSession(store, config, lambda: clock[0]))
        card = engine.state()["card"]["id"]
        done = engine.act("answer", card, 1)  # Again: back in 30 minutes, beyond the 20-minute learn-ahead
        assert done["card"] is None and "Next card due 12:30" in done["done"]
        clock[0] = now + timedelta(minutes=31)
        back = engine.state()
        assert back["card"]["id"] == card and back["counts"]["learning"] == 1


def test_serve_help_loads_no_web_framework():
    from test_startup import imported_by

    assert imported_by("serve", "--help") == []


# --- math, images, sanitizing -----------------------------------------------------------------------------


def test_cards_arrive_as_mathml_with_the_wikis_macros_and_cloze_marks(bundled):
    write(bundled, "notes/softmax-cloze.md", "# Softmax\n\nThe softmax is $p_i = \\cloze{\\frac{e^{z_i}}{\\sum_j e^{z_j}}}$.\n")
    write(bundled, "notes/text-cloze.md", "# Attention\n\nAttention weights are {{c1::normalised scores}}.\n")
    with Server(bundled, *(f"--path=notes/{n}" for n in ("layouts.md", "softmax-cloze.md", "text-cloze.md"))) as server:
        fronts = []
        for _ in range(40):
            state = server.state()
            if state["card"] is None:
                break
            fronts.append(state["card"])
            server.act("bury")
    html = " ".join(c["front"] + c["back"] for c in fronts)
    assert "<math" in html and "\\norm" not in html and "\\R" not in html  # ($x$ stays in a code span)
    assert "‖" in html or "∥" in html  # \norm expanded by the macros file
    assert "<mtable" in html  # aligned rows and matrices as tables
    clozes = [c for c in fronts if c["kind"] == "cloze"]
    assert clozes and any(re.search(r'<math[^>]*>.*class="cloze"', c["back"], re.S) for c in clozes)  # math cloze
    (hidden,) = [c for c in clozes if '<span class="cloze">normalised scores</span>' in c["back"]]
    assert '<span class="cloze">[...]</span>' in hidden["front"] and "normalised" not in hidden["front"]


def test_note_html_is_sanitized_and_images_come_only_from_inside_the_wiki(wiki):
    (wiki / "notes" / "fig.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    (wiki.parent / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\nsecret")
    write(wiki, "notes/x.md", "Q: Which figure?\nA: ![plot](fig.png) ![leak](../../secret.png) "
                              "<img src=x onerror=alert(1)><script>alert(2)</script> [a](javascript:alert(3))\n")
    with Server(scanned(wiki)) as server:
        back = server.state()["card"]["back"]
        assert "onerror" not in back and "<script" not in back and "href=" not in back
        media = re.findall(r'src="(/media/[^"]+)"', back)
        assert len(media) == 1 and back.count("outside the wiki or missing: not shown") == 2
        assert "secret" not in back
        status, headers, _ = server.get(media[0])
        assert status == 200 and headers["content-type"] == "image/png"
        for probe in ("/media/..%2F..%2Fsecret.png", "/media/secret.png", "/static/..%2F..%2Fcli.py"):
            assert server.get(probe)[0] == 404


def test_no_xss_payload_survives_into_the_pages(wiki):
    """The export's payloads (tests/xss.py), on backs, in fronts and in clozes: every card as the review page and
    the card browser get it passes the export's own check; the browser's list escapes fronts."""
    from test_export_security import in_fronts_and_clozes, on_the_back
    from xss import XSS_PAYLOADS, assert_safe

    write(wiki, "notes/backs.md", on_the_back(XSS_PAYLOADS))
    write(wiki, "notes/fronts.md", in_fronts_and_clozes(XSS_PAYLOADS))
    checked = 0
    with Server(scanned(wiki)) as server:
        for note in ("notes/backs.md", "notes/fronts.md"):
            listed = json.loads(server.get(f"/api/cards?path={note}")[2])
            assert listed["total"] == listed["shown"] > 30
            for card in listed["cards"]:
                assert "<" not in without_math(card["front"]).replace("<code", "")  # escaped text, math typeset
                detail = json.loads(server.get(f"/api/cards/{card['id']}")[2])
                assert_safe(without_math(detail["front"]))
                assert_safe(without_math(detail["back"]))
                checked += 1
        for _ in range(20):  # and as the review page gets them
            card = server.state()["card"]
            assert_safe(without_math(card["front"]))
            assert_safe(without_math(card["back"]))
            server.act("bury", card=card["id"])
    assert checked >= 100


def without_math(html: str) -> str:
    """The page's HTML with its MathML taken out, once the MathML is seen to hold nothing active (the export's
    check knows no MathML: Anki's pages typeset math with MathJax)."""
    for math in re.findall(r"<math\b.*?</math>", html, re.S):
        assert not re.search(r"\son\w+\s*=|href|src=|<script|<a\b|javascript:|url\(", math, re.I), math
    return re.sub(r"<math\b.*?</math>", "", html, flags=re.S)


def test_obsidian_embeds_and_notebook_attachments_are_shown(wiki):
    png = b"\x89PNG\r\n\x1a\n" + bytes(16)
    (wiki / "assets").mkdir()
    (wiki / "assets" / "diagram.png").write_bytes(png)
    write(wiki, "notes/sub/o.md", "Q: Which diagram?\nA: ![[diagram.png|300]] and ![[missing.png]] and ![[other note#Part]]\n")
    cell = {"cell_type": "markdown", "metadata": {}, "source": ["Q: What does the loss curve look like?\n",
                                                                "A: ![curve](attachment:curve.png)\n"],
            "attachments": {"curve.png": {"image/png": base64.b64encode(png).decode()}}}
    write(wiki, "notes/nb.ipynb", json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    with Server(scanned(wiki)) as server:
        backs = {}
        for _ in range(2):
            card = server.state()["card"]
            backs[card["where"]] = card["back"]
            server.act("bury", card=card["id"])
    embed = backs["notes/sub/o.md:1"]
    media = re.findall(r'src="(/media/[^"]+)" alt="diagram" width="300"', embed)
    # a note embed is not an image: it reads as its name and heading ("Note › Part"), as the deck and the terminal show it
    assert len(media) == 1 and "not shown" in embed and "other note › Part" in embed and "![[" not in embed
    assert f'src="data:image/png;base64,{base64.b64encode(png).decode()}"' in backs["notes/nb.ipynb:1"]


# --- safe by default --------------------------------------------------------------------------------------


def test_host_token_and_csp(small):
    with Server(small) as server:
        assert server.base.startswith("http://127.0.0.1:")
        for path in ("/", "/cards", "/stats", "/api/state", "/static/review.js"):
            status, headers, _ = server.get(path)
            assert status == 200, path
            csp = headers["content-security-policy"]
            assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-eval" not in csp
        # DNS rebinding: a page at evil.example whose name now points at 127.0.0.1
        assert server.get("/api/state", {"Host": f"evil.example:{server.port}"})[0] == 421
        assert server.get("/", {"Host": "127.0.0.1"})[0] == 421  # not even the right port
        card = server.state()["card"]["id"]
        assert server.post("/api/act", {"action": "answer", "rating": 3, "card": card}, token="")[0] == 403
        assert server.post("/api/act", {"action": "answer", "rating": 3, "card": card}, token="guess")[0] == 403
        assert server.post(f"/api/cards/{card}/suspend", token="")[0] == 403
        assert review_count(small) == 0 and card_flags(small, card)["suspended"] == 0
        # the page's own scripts only: no inline script, nothing from another host
        page = server.get("/")[2]
        assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/fit.js" defer>',
                                                        '<script src="/static/review.js" defer>']
        assert "http" not in page.replace('content="width=device-width', "")


def test_the_network_mode_needs_the_token_in_the_link_and_says_who_can_review(small):
    server = Server(small, host="0.0.0.0")
    if True:
        assert "token=" in server.link
        token = server.link.split("token=")[1]
        assert server.get("/")[0] == 403 and server.get("/api/state")[0] == 403
        assert server.get("/?token=wrong")[0] == 403
        status, headers, _ = server.get(f"/?token={token}")
        assert status == 303 and headers["location"] == "/" and "HttpOnly" in headers["set-cookie"]
        cookie = headers["set-cookie"].split(";")[0]
        assert server.get("/api/state", {"Cookie": cookie})[0] == 200
        status, _, text = server.request("/api/act", {"action": "bury", "card": None},
                                         {"Cookie": cookie, "x-mlwiki-token": token}, "POST")
        assert status == 409  # accepted past the guard (the card id was stale on purpose)
    status, out, _ = server.stop()
    assert "anyone on this network who has this link can review" in out
    assert "▄" in out or "█" in out  # the QR code


def test_open_shows_the_page_in_the_browser_once_it_listens(small, tmp_path):
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n')
    browser.chmod(0o755)
    with Server(small, "--open", env={"BROWSER": str(browser)}) as server:
        for _ in range(100):
            if opened.exists() and opened.read_text().strip():
                break
            time.sleep(0.05)
        assert opened.read_text().strip() == server.link


def test_a_port_in_use_is_one_line(small):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = mlwiki(small, "serve", "--no-open", "--port", str(port))
    assert proc.returncode == 2 and proc.stderr.strip().startswith("Error: cannot serve on 127.0.0.1:")
    assert "Traceback" not in proc.stderr


# --- beside the terminal ----------------------------------------------------------------------------------


def test_server_terminal_review_and_scan_share_the_database(bundled):
    """A terminal review answers while the page answers: every answer is kept, nothing is locked, and the page
    never shows a card the terminal just answered."""
    with Server(bundled) as server:
        for _ in range(3):
            assert server.act("answer", 3)[0] == 200
        terminal = mlwiki(bundled, "review", "--plain", stdin="\n3\n\n3\n\n3\nq\n")
        assert terminal.returncode == 0 and "locked" not in terminal.stderr + terminal.stdout
        answered_in_terminal = {r[0] for r in db_rows(bundled, "SELECT card_id FROM reviews ORDER BY id")[3:]}
        assert len(answered_in_terminal) == 3
        scan = mlwiki(bundled, "scan")
        assert scan.returncode == 0 and "busy" not in scan.stderr
        for _ in range(3):
            state = server.state()
            assert state["card"]["id"] not in answered_in_terminal
            assert server.act("answer", 3)[0] == 200
    assert review_count(bundled) == 9


def test_anki_pull_while_the_page_answers(tmp_path):
    """Anki's reviews come in (`anki pull`, through the real `anki` package) while the page keeps answering: every
    answer of both is kept, no "database is locked", and the page goes on with the pulled schedule."""
    pytest.importorskip("anki")
    from anki_world import anki

    root = bundled_wiki(tmp_path / "wiki")
    assert mlwiki(root, "export", "-o", str(tmp_path / "out"), now=None).returncode == 0
    collection = tmp_path / "collection.anki2"
    in_anki = anki(collection, [["fsrs"], ["import", str(tmp_path / "out" / "ML.apkg")], ["answer_due", {}, "ML"]])
    with Server(root, now=None) as server:
        answered, failures = [], []

        def answer_on_the_page() -> None:
            for _ in range(15):
                card = server.state()["card"]
                if card is None:  # today's 20 new cards are used up: Anki's count too, once pulled
                    break
                status, _ = server.act("answer", 3, card["id"])
                (answered if status == 200 else failures).append(status)

        page = threading.Thread(target=answer_on_the_page)
        page.start()
        pulled = mlwiki(root, "anki", "pull", str(collection), now=None)
        page.join()
        after = server.state()
    assert pulled.returncode == 0 and "locked" not in pulled.stderr + pulled.stdout, pulled.stderr
    assert failures in ([], [409])  # at most the one answer whose card the pull just rescheduled
    sources = dict(db_rows(root, "SELECT coalesce(source, 'mlwiki'), count(*) FROM reviews GROUP BY 1"))
    assert sources["mlwiki"] == len(answered) > 0 and sources["anki"] == in_anki["answered"][0] > 0
    pulled_ids = {r[0] for r in db_rows(root, "SELECT card_id FROM reviews WHERE source = 'anki'")}
    if after["card"] is not None:
        assert after["card"]["id"] not in pulled_ids or after["card"]["queue"] == "learning"


def test_an_edited_note_shows_its_new_text_on_the_next_card(small):
    """The server rescans the notes by itself (every second on a small wiki): the edit shows on the card."""
    note = small / "notes" / "a.md"
    with Server(small) as server:
        first = server.state()["card"]
        assert "first letter" in first["back"]
        note.write_text(note.read_text().replace("The first letter.", "Alpha, the first letter of the alphabet."))
        bump_mtime(note)
        for _ in range(100):
            again = server.state()["card"]
            if "alphabet" in again["back"]:
                break
            time.sleep(0.05)
        assert again["id"] == first["id"] and "first letter of the alphabet" in again["back"]
        assert review_count(small) == 0


# --- the card browser and the stats page ------------------------------------------------------------------


def test_the_card_browser_filters_shows_history_and_suspends(bundled):
    with Server(bundled) as server:
        card = server.state()["card"]["id"]
        server.act("answer", 3, card)
        found = json.loads(server.get("/api/cards?deck=ML::optimization")[2])
        assert found["total"] > 5 and all(c["deck"].startswith("ML::optimization") for c in found["cards"])
        adam = json.loads(server.get("/api/cards?q=ADAM&path=notes/optimization")[2])
        assert adam["total"] >= 1 and all(c["where"].startswith("notes/optimization/") for c in adam["cards"])
        detail = json.loads(server.get(f"/api/cards/{card}")[2])
        assert [h["rating"] for h in detail["history"]] == ["Good"] and detail["state"] == "learning"
        assert "<" in detail["front"]  # rendered as on the review page
        suspended = json.loads(server.post(f"/api/cards/{card}/suspend")[2])
        assert suspended["suspended"] and card_flags(bundled, card)["suspended"] == 1
        assert server.post(f"/api/cards/{card}/unsuspend")[0] == 200
        assert card_flags(bundled, card)["suspended"] == 0
        dropped = json.loads(server.post(f"/api/cards/{card}/drop")[2])
        assert dropped["dropped"] and dropped["state"] == "dropped" and card_flags(bundled, card)["dropped"] == 1
        assert card not in {c["id"] for c in json.loads(server.get("/api/cards")[2])["cards"]}
        assert [c["id"] for c in json.loads(server.get("/api/cards?state=dropped")[2])["cards"]] == [card]
        assert json.loads(server.post(f"/api/cards/{card}/undrop")[2])["state"] == "learning"
        events = [r[0] for r in db_rows(bundled, "SELECT action FROM events WHERE card_id = ? ORDER BY id", (card,))]
        assert events == ["suspend", "unsuspend", "drop", "undrop"]
        assert server.post(f"/api/cards/{card}/delete")[0] == 404
        assert server.get("/api/cards/nope")[0] == 404 and server.post("/api/cards/nope/suspend")[0] == 404


def test_suspending_in_the_browser_takes_the_card_out_of_the_review(small):
    with Server(small) as server:
        state = server.state()
        shown, after = state["card"]["id"], None
        server.post(f"/api/cards/{shown}/suspend")
        after = server.state()
        assert after["card"]["id"] != shown and after["counts"]["new"] == 2


def test_the_stats_page_is_live(small):
    with Server(small) as server:
        before = server.get("/stats")[2]
        server.act("answer", 3)
        after = server.get("/stats")[2]
    assert 'href="/cards"' in after and "<script" not in before.replace('<script type="application/json"', "")
    data = json.loads(re.search(r'id="mlwiki-data">(.*?)</script>', after, re.S).group(1))
    assert data["reviews_today"] == 1


def test_the_card_browser_lists_fronts_without_markdown_markers(bundled):
    """The list shows a front's words and math, as the review page does: no `**`, `[[…]]` or link syntax."""
    write(bundled, "notes/markers.md", "# Markers\n\n**Value iteration** applies the [[Bellman equation|optimality "
                                       "backup]] directly, one `sweep` at a time:\n\n$$V_{k+1}(s) = \\max_a Q_k(s, a)$$\n")
    with Server(bundled) as server:
        listed = json.loads(server.get("/api/cards?path=notes/markers.md")[2])["cards"]
        assert [c["front"].split("<math")[0] for c in listed] == [
            "Markers Value iteration applies the optimality backup directly, one sweep at a time:"]
