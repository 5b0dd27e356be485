"""The Starlette app: pages, the review API, the card browser's API, the stats page, static files and images.

Endpoints are plain functions (Starlette runs them in its thread pool); the engine's lock puts them in a row on
the one review session. Every answer is committed before the page hears of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from mlwiki.errors import MlwikiError
from mlwiki.render.mathml import MATH_CSS, fit_script
from mlwiki.serve import browse, pages
from mlwiki.serve.engine import Engine, Stale
from mlwiki.serve.guard import Guard, Policy

NO_STORE = {"cache-control": "no-store"}


@dataclass
class Site:
    """What the app serves: the review engine, the guard's policy and the stats page (a function: it is live)."""

    engine: Engine
    policy: Policy
    stats_html: Callable[[], str]


def build_app(site: Site):
    """The ASGI app, wrapped in the guard (Host, token, security headers)."""
    engine = site.engine

    def review_page(request: Request):
        return HTMLResponse(pages.review_page(site.policy.token), headers=NO_STORE)

    def cards_page(request: Request):
        return HTMLResponse(pages.cards_page(site.policy.token), headers=NO_STORE)

    def stats_page(request: Request):
        with engine.lock:
            page = site.stats_html()
        return HTMLResponse(pages.stats_page(page), headers=NO_STORE)

    def state(request: Request):
        try:
            return JSONResponse(engine.state(), headers=NO_STORE)
        except MlwikiError as exc:  # the database busy past its timeout, or unreadable: say so, keep serving
            return JSONResponse({"error": str(exc)}, status_code=503)

    async def act(request: Request):
        body = await _json(request)
        if body is None:
            return JSONResponse({"error": "expected a JSON object"}, status_code=400)
        return await _in_thread(_act, body)

    def _act(body: dict):
        try:
            return JSONResponse(engine.act(str(body.get("action")), body.get("card"), _int(body.get("rating"))),
                                headers=NO_STORE)
        except Stale:
            view = engine.state("That card changed elsewhere (another tab, or a terminal review): "
                                "here is the current one.")
            return JSONResponse(view, status_code=409, headers=NO_STORE)
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        except MlwikiError as exc:  # the database stayed busy past its timeout: nothing was saved, try again
            return JSONResponse({"error": str(exc)}, status_code=503)

    def card_list(request: Request):
        q = request.query_params
        return JSONResponse(browse.find_cards(engine, q.get("deck", ""), q.get("tag", ""), q.get("path", ""),
                                              q.get("q", ""), q.get("state", "")), headers=NO_STORE)

    def card_detail(request: Request):
        detail = browse.card_detail(engine, request.path_params["card_id"])
        return JSONResponse(detail, headers=NO_STORE) if detail else JSONResponse({"error": "no such card"}, 404)

    def card_flag(request: Request):
        if request.path_params["action"] not in browse.FLAGS:
            return JSONResponse({"error": "unknown action"}, status_code=404)
        if not browse.set_flag_of(engine, request.path_params["card_id"], request.path_params["action"]):
            return JSONResponse({"error": "no such card"}, status_code=404)
        return JSONResponse(browse.card_detail(engine, request.path_params["card_id"]), headers=NO_STORE)

    def media(request: Request):
        path = engine.media_file(request.path_params["name"])
        if path is None or not path.is_file():
            return Response("not found", status_code=404, media_type="text/plain")
        return FileResponse(path, headers={"cache-control": "private, max-age=300"})

    def math_css(request: Request):
        return Response(MATH_CSS, media_type="text/css")

    def fit_js(request: Request):
        return Response(fit_script(), media_type="text/javascript")

    def no_icon(request: Request):
        return Response(status_code=204)

    routes = [
        Route("/", review_page), Route("/cards", cards_page), Route("/stats", stats_page),
        Route("/api/state", state), Route("/api/act", act, methods=["POST"]),
        Route("/api/cards", card_list), Route("/api/cards/{card_id:str}/{action:str}", card_flag, methods=["POST"]),
        Route("/api/cards/{card_id:str}", card_detail),
        Route("/media/{name:str}", media), Route("/static/math.css", math_css), Route("/static/fit.js", fit_js),
        Route("/favicon.ico", no_icon),
        Mount("/static", StaticFiles(directory=pages.STATIC), name="static"),
    ]
    return Guard(Starlette(routes=routes), site.policy)


async def _json(request: Request) -> dict | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


async def _in_thread(function, *args):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(function, *args)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
