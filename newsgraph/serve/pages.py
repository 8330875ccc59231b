"""The HTML pages: static shells whose own scripts fill them from the API.

No page is rendered from data on the server: the HTML files in
``templates/`` hold no article text at all, so nothing a hostile article
contains can become markup. The scripts in ``static/`` fetch the API and
insert every title, name and quote with ``textContent``.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsgraph.store.queries import article_exists

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES = HERE / "templates"

router = APIRouter(include_in_schema=False)


def _page(name: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse((TEMPLATES / name).read_text(encoding="utf-8"), status_code=status,
                        headers={"Cache-Control": "no-cache"})


@router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
def dashboard() -> HTMLResponse:
    """The analyst dashboard: timeline, actor network, quotes, discrepancies, articles."""
    return _page("index.html")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
async def article_page(article_id: str, request: Request) -> HTMLResponse:
    """One article with its evidence highlighted; 404 page for an unknown id (a primary-key lookup)."""
    async with request.app.state.pool.borrow() as store:
        found = article_exists(store, article_id)
    return _page("article.html") if found else _page("missing.html", 404)


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    """The API reference, drawn from ``/openapi.json`` by a local script (works offline)."""
    return _page("docs.html")
