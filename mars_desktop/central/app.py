"""The central server as an ASGI app: API, dashboard, static files, safety limits."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from . import api, dashboard
from .database import migrate, open_engine

log = logging.getLogger("mars.central")
MAX_BODY_BYTES = 32 * 1024 * 1024
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


class BodyLimitAndHeaders:
    """Refuses bodies over MAX_BODY_BYTES (declared or streamed) with 413, and adds the
    security headers to every answer."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send)
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _BodyTooLarge
            return message

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, limited_receive, with_headers)
        except _BodyTooLarge:
            await _too_large(send)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def create_app(database: str | Engine, *, secure_cookies: bool = True) -> FastAPI:
    engine = open_engine(database) if isinstance(database, str) else database
    migrate(engine)
    app = FastAPI(title="MARS central", version=__version__,
                  description="Directorate server for MARS Desktop: workstations upload "
                              "finalised interview sessions once; offices read them. The "
                              "stress score in a record measures change from the applicant's "
                              "own calm baseline; it is not a lie detector and never decides.")
    app.state.engine = engine
    app.state.secure_cookies = secure_cookies
    app.include_router(api.router)
    app.include_router(dashboard.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).with_name("static")),
              name="static")
    app.add_middleware(BodyLimitAndHeaders)
    return app


def app_from_env() -> FastAPI:
    """For `uvicorn --factory` with several worker processes: the settings come from the
    environment `mars central serve` sets for them."""
    import os

    return create_app(os.environ["MARS_CENTRAL_DB"],
                      secure_cookies=os.environ.get("MARS_CENTRAL_SECURE_COOKIES", "1") == "1")
