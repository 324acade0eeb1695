"""The FastAPI application: JSON API under ``/api``, dashboard at ``/``, offline docs at ``/docs``.

Every error, whatever raised it (our validation, FastAPI's, Starlette's routing, the store, a
bug), leaves as one JSON shape: ``{"error": {"code": "E302", "message": "..."}}``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import eventwire
from eventwire.api.cache import ResponseCache
from eventwire.api.coder import CodeLimits, LazyCoder, code_router
from eventwire.api.routes import CountCache, router
from eventwire.config import Config
from eventwire.errors import ErrorCode, EventwireError
from eventwire.store import Store

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"

#: HTTP status for each error code the API can return; anything else is a 500.
STATUS_BY_CODE: dict[ErrorCode, int] = {
    ErrorCode.BAD_QUERY: 400,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.PAYLOAD_TOO_LARGE: 413,
    ErrorCode.TIME_BUDGET_EXCEEDED: 504,
    ErrorCode.BUSY: 503,
    ErrorCode.DOCUMENT_TOO_LARGE: 413,
    ErrorCode.EMPTY_DOCUMENT: 422,
    ErrorCode.BINARY_CONTENT: 422,
    ErrorCode.UNDECODABLE_TEXT: 422,
    ErrorCode.MALFORMED_RECORD: 422,
    ErrorCode.INVALID_DATE: 422,
    ErrorCode.SENTENCE_TOO_LONG: 422,
    ErrorCode.STORE_ERROR: 503,
}

#: Error code for HTTP errors raised by routing/static files rather than by eventwire.
CODE_BY_STATUS: dict[int, ErrorCode] = {
    404: ErrorCode.NOT_FOUND,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
}


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, exc: EventwireError) -> JSONResponse:
        status = STATUS_BY_CODE.get(exc.code, 500)
        if status >= 500:
            log.warning("API error %s: %s", exc.code.value, exc.message)
        return error_response(status, exc.code.value, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path"))
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        return error_response(400, ErrorCode.BAD_QUERY.value,
                              "bad parameter: " + "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = CODE_BY_STATUS.get(exc.status_code, ErrorCode.BAD_QUERY)
        if exc.status_code == 404:
            message = f"nothing at {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        else:
            message = str(exc.detail)
        return error_response(exc.status_code, code.value, message,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, ErrorCode.STORE_ERROR.value,
                              f"internal error ({type(exc).__name__}); see the server log")


def _install_pages(app: FastAPI) -> None:
    vendor = "/static/vendor/swagger-ui"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # FastAPI's default page pulls Swagger UI from a CDN; ours is vendored (offline).
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="eventwire API",
            swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
            swagger_css_url=f"{vendor}/swagger-ui.css",
            swagger_favicon_url=f"{vendor}/favicon-32x32.png",
            swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": True})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")


def create_app(
    db_path: str,
    *,
    read_only: bool = True,
    config: Config | None = None,
    coder: Callable[[str, str | None], list[Any]] | None = None,
    code_limits: CodeLimits | None = None,
    cache_bytes: int = 256 * 2**20,
) -> FastAPI:
    """Build the app over the store at ``db_path``.

    ``coder`` replaces the pipeline behind ``POST /api/code`` (tests pass a fake); by default
    the pipeline is loaded on the first request, once per app. ``code_limits`` defaults to a
    100 kB body and the config's per-document time budget. ``cache_bytes`` bounds the
    response cache of a read-only store (0 turns it off; a writable store never caches).
    """
    config = config or Config()
    limits = code_limits or CodeLimits(timeout_s=config.document_time_budget_s)

    def open_store() -> Store:
        return eventwire.open_store(db_path, read_only=read_only)

    runs_lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Counted, so one app can be served more than once (tests do) without one run
        # closing the store under another; the last run to stop closes it.
        with runs_lock:  # each run has its own event loop thread
            if app.state.store is None:
                app.state.store = open_store()
            app.state.runs += 1
        try:
            yield
        finally:
            with runs_lock:
                app.state.runs -= 1
                if app.state.runs == 0:
                    app.state.store.close()
                    app.state.store = None

    app = FastAPI(
        title="eventwire", version=eventwire.__version__, lifespan=lifespan,
        description="PLOVER-coded political events: who did what to whom, where, when.",
        docs_url=None, redoc_url=None)
    # Opened now so a missing or locked store fails here, not on the first request.
    app.state.store = open_store()
    app.state.runs = 0
    app.state.count_cache = CountCache(enabled=read_only)
    _install_error_handlers(app)
    app.include_router(router)
    if read_only and cache_bytes > 0:
        app.add_middleware(ResponseCache, max_bytes=cache_bytes, exclude=("/api/code",))
    app.include_router(code_router(coder or LazyCoder(config), limits))
    _install_pages(app)
    return app


#: Environment handed from ``eventwire serve --workers N`` to each worker process (uvicorn
#: starts workers from an import string, so the app's arguments travel this way).
SERVE_ENV = ("EVENTWIRE_SERVE_DB", "EVENTWIRE_SERVE_CONFIG", "EVENTWIRE_SERVE_CACHE_MB")


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes: a read-only store (several processes may
    hold one DuckDB file read-only, never read-write)."""
    import os

    db, config_path, cache_mb = (os.environ.get(name) for name in SERVE_ENV)
    if not db:
        raise RuntimeError("EVENTWIRE_SERVE_DB is not set; start workers with eventwire serve")
    return create_app(db, read_only=True, config=Config.load(config_path or None),
                      cache_bytes=int(cache_mb or 256) * 2**20)
