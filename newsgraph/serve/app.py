"""The web application: a read-only JSON API and the analyst dashboard.

``create_app(db_path)`` returns a FastAPI app; ``newsgraph serve`` runs it
with uvicorn. Requests borrow read-only connections from a small bounded pool
(``store.pool``), every value reaches SQLite as a bound parameter, bad
parameters get a 422 that names the parameter, a request whose ``Host`` is
not one the server was started for is refused (400: a DNS-rebinding page
cannot read a store served on localhost), and every response carries a
strict Content-Security-Policy: the pages are static HTML whose own scripts
fetch the API and insert all article text as text, never as markup.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsgraph.errors import StoreError
from newsgraph.serve.api import router as api_router
from newsgraph.serve.pages import STATIC_DIR, router as pages_router
from newsgraph.store import Store
from newsgraph.store.filters import ParamError
from newsgraph.store.pool import DEFAULT_SIZE, ReadPool

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
WILDCARDS = ("0.0.0.0", "::", "")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
DESCRIPTION = """Read-only access to a newsgraph store: articles, the events, quotes and
figures extracted from them (each pointing at exact characters of its article),
resolved actors, and the cross-article timeline and discrepancies.

Lists are paginated: `limit` (default 50, at most 500) and `offset`; every list
answers `{"total", "limit", "offset", "items"}`. Dates are `YYYY-MM-DD`,
`YYYY-MM` or `YYYY`; a month-precise date overlaps every day of that month."""


def allowed_hosts(host: str = "127.0.0.1", extra: tuple[str, ...] | list[str] = ()) -> list[str]:
    """The ``Host`` names to answer: this machine's loopback names, the address served, and ``extra``."""
    names = list(LOCAL_HOSTS)
    for name in (host, *extra):
        name = name.strip().lower()
        if name and name not in WILDCARDS and name not in names:
            names.append(name)
    return names


def create_app(db_path: str | Path, hosts: list[str] | None = None, pool_size: int = DEFAULT_SIZE) -> FastAPI:
    """Build the web app serving the store at ``db_path`` (read-only).

    Args:
        db_path: a newsgraph SQLite database made by ``newsgraph ingest``.
        hosts: the ``Host`` header names to answer (default: ``allowed_hosts()``,
            the loopback names); any other gets a 400.
        pool_size: read-only connections kept open (requests beyond wait).
    Returns:
        The FastAPI application (API under ``/api``, dashboard at ``/``,
        article pages at ``/articles/{id}``, API reference at ``/docs``).
    Raises:
        StoreError: the database is missing or is not a newsgraph store.
    """
    db_path = Path(db_path)
    Store.open_current(db_path).close()  # fail now, clearly; upgrade an older store's schema once
    app = FastAPI(title="newsgraph", version="0.1.0", description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.db_path = db_path
    app.state.pool = ReadPool(db_path, pool_size)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts or allowed_hosts())

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(ParamError)
    async def bad_param(request: Request, exc: ParamError):
        return JSONResponse({"detail": str(exc), "param": exc.param}, status_code=422)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        problems = [f"{err['loc'][-1]}: {err['msg']}" for err in exc.errors()]
        return JSONResponse({"detail": "; ".join(problems), "param": exc.errors()[0]["loc"][-1]
                             if exc.errors() else None}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(sqlite3.Error)
    async def database_error(request: Request, exc: sqlite3.Error):
        return JSONResponse({"detail": f"database error: {exc}"}, status_code=500)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500,
                            headers=SECURITY_HEADERS)

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


ENV_DB, ENV_HOSTS = "NEWSGRAPH_SERVE_DB", "NEWSGRAPH_SERVE_HOSTS"


def app_from_environment() -> FastAPI:
    """``create_app`` for the store named in the environment: what each uvicorn worker process builds.

    ``newsgraph serve --workers N`` sets ``NEWSGRAPH_SERVE_DB`` (the database)
    and ``NEWSGRAPH_SERVE_HOSTS`` (the allowed host names, comma-separated).
    """
    import os
    hosts = [h for h in os.environ.get(ENV_HOSTS, "").split(",") if h]
    return create_app(os.environ[ENV_DB], hosts=hosts or None)
