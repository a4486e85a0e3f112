"""/api/v1: enrolment, idempotent upload, per-office reads, health."""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine, text

from .. import __version__
from . import accounts, records
from .api_models import (
    EnrolAnswer,
    EnrolRequest,
    Health,
    Problem,
    SessionPage,
    StoredCheckpoint,
    StoredSession,
    UploadAnswer,
    UploadRequest,
)
from .database import current_version

SESSION_COOKIE = "mars_central"
router = APIRouter(prefix="/api/v1")
ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": Problem} for code in (400, 401, 403, 404, 409, 413, 422, 503)}


@dataclass(frozen=True)
class Principal:
    """Who is asking: a workstation (its own office) or a dashboard user (granted offices)."""
    offices: frozenset[str]
    workstation: accounts.Workstation | None = None
    username: str | None = None


def engine_of(request: Request) -> Engine:
    return request.app.state.engine


def principal(request: Request) -> Principal | None:
    engine = engine_of(request)
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        ws = accounts.workstation_for_token(engine, auth[7:].strip())
        return Principal(frozenset({ws.office}), workstation=ws) if ws else None
    user = accounts.user_for_web_session(engine, request.cookies.get(SESSION_COOKIE))
    if user:
        return Principal(frozenset(accounts.offices_of(engine, user)), username=user)
    return None


def require_principal(who: Annotated[Principal | None, Depends(principal)]) -> Principal:
    if who is None:
        raise HTTPException(401, "sign in, or send the workstation's bearer token",
                            headers={"WWW-Authenticate": "Bearer"})
    return who


def require_workstation(who: Annotated[Principal, Depends(require_principal)]
                        ) -> accounts.Workstation:
    if who.workstation is None:
        raise HTTPException(403, "only an enrolled workstation uploads sessions")
    return who.workstation


@router.get("/health", response_model=Health, responses={503: {"model": Problem}})
def health(request: Request) -> Health:
    try:
        with engine_of(request).connect() as conn:
            version = current_version(conn)
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        raise HTTPException(503, f"database unavailable: {type(exc).__name__}") from exc
    return Health(status="ok", database="ok", schema_version=version, version=__version__)


@router.post("/enrolments", status_code=201, response_model=EnrolAnswer, responses=ERRORS)
def enrol(body: EnrolRequest, request: Request) -> EnrolAnswer:
    try:
        ws, token = accounts.enrol(engine_of(request), body.enrolment_code, body.office,
                                   body.workstation_name)
    except accounts.AccountError as exc:
        raise HTTPException(403, str(exc)) from exc
    return EnrolAnswer(workstation_id=ws.id, office=ws.office, token=token)


@router.post("/sessions", status_code=201, response_model=UploadAnswer, responses=ERRORS)
async def upload_session(
        body: UploadRequest, request: Request, response: Response,
        ws: Annotated[accounts.Workstation, Depends(require_workstation)],
        idempotency_key: Annotated[str, Header(max_length=100)]) -> UploadAnswer:
    """Store a finalised session once. The Idempotency-Key is the session id; a repeat
    gets the first answer (with `Idempotent-Replayed: true`), never a second row."""
    if idempotency_key.strip().lower() != str(body.session_id):
        raise HTTPException(422, "the Idempotency-Key must be the session id")
    raw = await request.body()
    if b"\\u0000" in raw:
        raise HTTPException(422, "text must not contain NUL characters")
    doc = json.loads(raw)
    pdf = None
    if body.report_pdf_base64:
        try:
            pdf = base64.b64decode(body.report_pdf_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise HTTPException(422, "report_pdf_base64 is not base64") from exc
        if not pdf.startswith(b"%PDF-"):
            raise HTTPException(422, "report_pdf_base64 is not a PDF")
    doc.pop("report_pdf_base64", None)
    try:
        answer = await run_in_threadpool(records.store_upload, engine_of(request), ws, doc, pdf)
    except records.OfficeMismatch as exc:
        raise HTTPException(403, str(exc)) from exc
    except records.UploadRefused as exc:
        raise HTTPException(422, str(exc)) from exc
    if answer.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return UploadAnswer(**answer.body)


@router.get("/offices/{office}/sessions", response_model=SessionPage, responses=ERRORS)
def office_sessions(office: str, request: Request,
                    who: Annotated[Principal, Depends(require_principal)],
                    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
                    per_page: Annotated[int, Query(ge=1, le=200)] = 50) -> SessionPage:
    office = office.strip().upper()
    if office not in who.offices:
        raise HTTPException(403, f"no access to office {office}")
    return SessionPage(**records.list_sessions(engine_of(request), office, page, per_page))


@router.get("/sessions/{session_id}", response_model=StoredSession, responses=ERRORS)
def read_session(session_id: uuid.UUID, request: Request,
                 who: Annotated[Principal, Depends(require_principal)]) -> StoredSession:
    found = records.read_session(engine_of(request), str(session_id), who.offices)
    if found is None:
        raise HTTPException(404, "no such session in your offices")
    return StoredSession(**found)


@router.get("/sessions/{session_id}/report.pdf", responses={
    200: {"content": {"application/pdf": {}}}, **ERRORS}, response_class=Response)
def read_report(session_id: uuid.UUID, request: Request,
                who: Annotated[Principal, Depends(require_principal)]) -> Response:
    pdf = records.report_pdf(engine_of(request), str(session_id), who.offices)
    if pdf is None:
        raise HTTPException(404, "no report for this session in your offices")
    return Response(pdf, media_type="application/pdf")


@router.get("/audit-checkpoints/latest", response_model=StoredCheckpoint, responses=ERRORS)
def latest_checkpoint(request: Request,
                      ws: Annotated[accounts.Workstation, Depends(require_workstation)]
                      ) -> StoredCheckpoint:
    """The newest audit-chain link this workstation has sent: `mars audit verify
    --against-server` checks that its chain still holds it."""
    found = records.latest_checkpoint(engine_of(request), ws.id)
    if found is None:
        raise HTTPException(404, "no checkpoint from this workstation yet")
    return StoredCheckpoint(**found)
