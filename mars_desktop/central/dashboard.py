"""Server-rendered dashboard pages: sign-in, offices, an office's sessions, a session."""

from __future__ import annotations

import math
import uuid
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..core.report_record import masked_nik
from . import accounts, records
from .api import SESSION_COOKIE, engine_of
from .chart_svg import question_chart
from .dashboard_text import words

LANG_COOKIE = "mars_lang"
PER_PAGE = 25
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))
router = APIRouter(include_in_schema=False)


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang") or request.cookies.get(LANG_COOKIE) or "id"
    return lang if lang in ("id", "en") else "id"


def _page(request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
    lang = _lang(request)
    response = templates.TemplateResponse(request, name, {"t": words(lang), "lang": lang, **ctx},
                                          status_code=status)
    if request.query_params.get("lang") == lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="strict")
    return response


def _user(request: Request) -> str | None:
    return accounts.user_for_web_session(engine_of(request), request.cookies.get(SESSION_COOKIE))


def _to_login(request: Request) -> Response:
    return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)


def _safe_next(target: str) -> str:
    # Only a path on this server: never an open redirect to another site.
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    return _page(request, "login.html", next=_safe_next(next), error=False, user=None)


@router.post("/login")
def login(request: Request, username: Annotated[str, Form(max_length=100)],
          password: Annotated[str, Form(max_length=1000)],
          next: Annotated[str, Form(max_length=500)] = "/") -> Response:
    engine = engine_of(request)
    if not accounts.check_login(engine, username, password):
        return _page(request, "login.html", status=401, next=_safe_next(next), error=True,
                     user=None)
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, accounts.new_web_session(engine, username),
                        httponly=True, samesite="strict", secure=request.app.state.secure_cookies,
                        max_age=accounts.WEB_SESSION_HOURS * 3600)
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    accounts.end_web_session(engine_of(request), request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/", response_class=HTMLResponse)
def offices_page(request: Request) -> Response:
    user = _user(request)
    if user is None:
        return _to_login(request)
    engine = engine_of(request)
    offices = frozenset(accounts.offices_of(engine, user))
    return _page(request, "offices.html", user=user,
                 offices=records.office_summaries(engine, offices))


@router.get("/offices/{office}", response_class=HTMLResponse)
def office_page(request: Request, office: str,
                page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    user = _user(request)
    if user is None:
        return _to_login(request)
    engine = engine_of(request)
    office = office.strip().upper()
    if office not in accounts.offices_of(engine, user):
        return _page(request, "message.html", status=403, user=user, message="no_access")
    listing = records.list_sessions(engine, office, page, PER_PAGE)
    return _page(request, "office.html", user=user, office=office,
                 office_name=records.office_name(engine, office) or office, page=listing,
                 pages=max(1, math.ceil(listing["total"] / PER_PAGE)))


@router.get("/sessions/{session_id}", response_class=HTMLResponse)
def session_page(request: Request, session_id: uuid.UUID) -> Response:
    user = _user(request)
    if user is None:
        return _to_login(request)
    engine = engine_of(request)
    found = records.read_session(engine, str(session_id),
                                 frozenset(accounts.offices_of(engine, user)))
    if found is None:
        return _page(request, "message.html", status=404, user=user, message="not_found")
    rec = found["record"]
    t = words(_lang(request))
    chart = question_chart(rec["questions"], float(rec["threshold"]), t["insufficient"],
                           t["chart"])
    return _page(request, "session.html", user=user, s=found, r=rec, chart=chart,
                 nik=masked_nik((rec.get("applicant") or {}).get("nik")))
