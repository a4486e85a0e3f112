"""The central API on the real server (uvicorn, TLS) over PostgreSQL and SQLite."""

from __future__ import annotations

import copy
import json
import threading
from pathlib import Path

import pytest
import requests

from mars_desktop.adapters.store import Store, StoreLocation
from mars_desktop.central import accounts
from mars_desktop.pipeline.sync_payload import upload_payload
from tests.central.sessions import finalised_session

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ws_store(tmp_path):
    with Store.open(StoreLocation.in_dirs(tmp_path / "ws", tmp_path / "ws-conf")) as s:
        yield s


class ReadSession(requests.Session):
    """requests lets REQUESTS_CA_BUNDLE override a Session's verify; pass it every time."""

    def request(self, *args, **kw):
        kw.setdefault("verify", self.verify)
        return super().request(*args, **kw)


def enrolled(server, admin, tls, office="KANIM-A"):
    code = accounts.new_enrolment_code(admin, office, f"Kantor {office}")
    r = requests.post(f"{server.url}/api/v1/enrolments", verify=str(tls.ca_pem), timeout=10,
                      json={"enrolment_code": code.lower(), "office": office,
                            "workstation_name": "ruang-1"})
    assert r.status_code == 201, r.text
    s = ReadSession()
    s.verify = str(tls.ca_pem)
    s.headers["Authorization"] = f"Bearer {r.json()['token']}"
    return s, r.json()


def upload(s, server, payload, key=None):
    return s.post(f"{server.url}/api/v1/sessions", json=payload, timeout=10, verify=s.verify,
                  headers={"Idempotency-Key": key or payload["session_id"]})


def test_health_and_the_openapi_document_in_the_repo_is_current(server, tls):
    from mars_desktop.cli.central import openapi_document

    r = requests.get(f"{server.url}/api/v1/health", verify=str(tls.ca_pem), timeout=10)
    assert r.status_code == 200 and r.json()["database"] == "ok"
    served = requests.get(f"{server.url}/openapi.json", verify=str(tls.ca_pem), timeout=10).json()
    in_repo = json.loads((ROOT / "docs" / "central-openapi.json").read_text())
    assert served == in_repo == openapi_document(), \
        "regenerate with: mars central openapi --out docs/central-openapi.json"


def test_an_enrolment_code_is_spent_once_and_only_for_its_office(server, admin, tls):
    code = accounts.new_enrolment_code(admin, "KANIM-A")
    url, ca = f"{server.url}/api/v1/enrolments", str(tls.ca_pem)
    body = {"enrolment_code": code, "office": "KANIM-B", "workstation_name": "x"}
    assert requests.post(url, json=body, verify=ca, timeout=10).status_code == 403
    body["office"] = "KANIM-A"
    first = requests.post(url, json=body, verify=ca, timeout=10)
    again = requests.post(url, json=body, verify=ca, timeout=10)
    assert (first.status_code, again.status_code) == (201, 403)
    assert first.json()["office"] == "KANIM-A"


def test_upload_is_idempotent_and_checked(server, admin, tls, ws_store, model_config):
    s, _ = enrolled(server, admin, tls)
    sid = finalised_session(ws_store, model_config, office="KANIM-A", seed=1)
    payload = upload_payload(ws_store, sid)

    first = upload(s, server, payload)
    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    repeat = upload(s, server, payload)
    assert repeat.status_code == 201 and repeat.headers["Idempotent-Replayed"] == "true"
    assert repeat.json() == first.json()

    changed = copy.deepcopy(payload)
    changed["record"]["decision"]["reason"] = "diubah"
    assert upload(s, server, changed).status_code == 422  # digest no longer matches
    from mars_desktop.core.report_record import digest_of_record
    changed["record_sha256"] = digest_of_record(changed["record"])
    r = upload(s, server, changed)
    assert r.status_code == 422 and "different content" in r.json()["detail"]
    assert upload(s, server, payload, key="not-the-session-id").status_code == 422
    assert requests.post(f"{server.url}/api/v1/sessions", json=payload, verify=str(tls.ca_pem),
                         headers={"Idempotency-Key": sid}, timeout=10).status_code == 401

    listing = s.get(f"{server.url}/api/v1/offices/KANIM-A/sessions", timeout=10).json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == sid
    stored = s.get(f"{server.url}/api/v1/sessions/{sid}", timeout=10).json()
    assert stored["record"] == payload["record"]
    assert stored["record_sha256"] == payload["record_sha256"]


def test_concurrent_repeats_make_one_row(server, admin, tls, ws_store, model_config):
    s, _ = enrolled(server, admin, tls)
    sid = finalised_session(ws_store, model_config, office="KANIM-A", seed=2)
    payload = upload_payload(ws_store, sid)
    answers: list[requests.Response] = []

    def send() -> None:
        with ReadSession() as own:
            own.verify, own.headers = s.verify, dict(s.headers)
            answers.append(upload(own, server, payload))

    threads = [threading.Thread(target=send) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.status_code for a in answers] == [201] * 12
    assert sum("Idempotent-Replayed" not in a.headers for a in answers) == 1
    assert len({json.dumps(a.json(), sort_keys=True) for a in answers}) == 1
    assert s.get(f"{server.url}/api/v1/offices/KANIM-A/sessions",
                 timeout=10).json()["total"] == 1


def test_offices_are_kept_apart(server, admin, tls, ws_store, model_config):
    a, _ = enrolled(server, admin, tls, "KANIM-A")
    b, _ = enrolled(server, admin, tls, "KANIM-B")
    sid_a = finalised_session(ws_store, model_config, office="KANIM-A", seed=3)
    sid_b = finalised_session(ws_store, model_config, office="KANIM-B", seed=4)
    r = upload(a, server, upload_payload(ws_store, sid_b))
    assert r.status_code == 403 and "KANIM-A" in r.json()["detail"]
    assert upload(a, server, upload_payload(ws_store, sid_a)).status_code == 201
    assert upload(b, server, upload_payload(ws_store, sid_b)).status_code == 201
    assert b.get(f"{server.url}/api/v1/offices/KANIM-A/sessions", timeout=10).status_code == 403
    assert b.get(f"{server.url}/api/v1/sessions/{sid_a}", timeout=10).status_code == 404
    assert a.get(f"{server.url}/api/v1/sessions/{sid_a}", timeout=10).status_code == 200


def test_paging(server, admin, tls, ws_store, model_config):
    s, _ = enrolled(server, admin, tls)
    ids = [finalised_session(ws_store, model_config, office="KANIM-A", seed=10 + i)
           for i in range(7)]
    for sid in ids:
        assert upload(s, server, upload_payload(ws_store, sid)).status_code == 201
    seen = []
    for page in (1, 2, 3):
        r = s.get(f"{server.url}/api/v1/offices/KANIM-A/sessions",
                  params={"page": page, "per_page": 3}, timeout=10).json()
        assert r["total"] == 7
        seen += [i["id"] for i in r["items"]]
    assert sorted(seen) == sorted(ids) and len(seen) == 7
    assert s.get(f"{server.url}/api/v1/offices/KANIM-A/sessions", params={"per_page": 0},
                 timeout=10).status_code == 422


def test_the_report_pdf_travels_and_oversized_bodies_are_refused(server, admin, tls, ws_store,
                                                                 model_config):
    from mars_desktop.pipeline.report_export import report_pdf

    s, _ = enrolled(server, admin, tls)
    sid = finalised_session(ws_store, model_config, office="KANIM-A", seed=30)
    pdf = report_pdf(ws_store, sid)
    assert upload(s, server, upload_payload(ws_store, sid, report_pdf=pdf)).status_code == 201
    got = s.get(f"{server.url}/api/v1/sessions/{sid}/report.pdf", timeout=10)
    assert got.status_code == 200 and got.content == pdf
    huge = b"x" * (33 * 1024 * 1024)
    r = s.post(f"{server.url}/api/v1/sessions", data=huge, timeout=30,
               headers={"Idempotency-Key": sid, "Content-Type": "application/json"})
    assert r.status_code == 413


def test_migrations_are_repeatable_and_a_newer_schema_is_refused(db_url):
    from sqlalchemy import text

    from mars_desktop.central.database import LATEST, DatabaseError, migrate, open_engine

    engine = open_engine(db_url)
    assert migrate(engine) == list(range(1, LATEST + 1))
    assert migrate(engine) == []
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO schema_version VALUES (:v)"), {"v": LATEST + 1})
    with pytest.raises(DatabaseError, match="newer"):
        migrate(engine)
    engine.dispose()
