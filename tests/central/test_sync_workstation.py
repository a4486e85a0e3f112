"""The workstation's side of sync: register, the outbox uploader, its CLI, certificates,
backoff kept across restarts, and the record it sends."""

from __future__ import annotations

import json
import os
import random
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mars_desktop.adapters.store import Store, StoreLocation, database, queries
from mars_desktop.adapters.store.keys import FileKeyProvider
from mars_desktop.adapters.store.outbox import Outbox
from mars_desktop.adapters.sync_client import SyncClient, SyncCredential, load_credential
from mars_desktop.central import accounts
from mars_desktop.core.backoff import Backoff
from mars_desktop.core.report_record import canonical_record
from mars_desktop.pipeline.session_view import session_dict
from mars_desktop.pipeline.sync_payload import session_record
from mars_desktop.pipeline.uploader import Uploader
from tests.central.sessions import finalised_session
from tests.conftest import run_mars
from tests.store.helpers import recorded_session
from tests.support.central_server import Tls


def user_store() -> Store:
    return Store.open(StoreLocation.in_dirs(Path(os.environ["MARS_DATA_DIR"]),
                                            Path(os.environ["MARS_CONFIG_DIR"])))


def test_register_then_sync_from_the_command_line(server, admin, tls, model_config):
    code = accounts.new_enrolment_code(admin, "KANIM-A")
    with user_store() as store:
        ids = [finalised_session(store, model_config, office="KANIM-A", seed=i) for i in range(5)]

    no_ca = run_mars("register", "--server", server.url, "--office", "KANIM-A", "--code", code)
    assert no_ca.returncode == 2 and "certificate" in no_ca.stderr  # a private CA is needed
    reg = run_mars("register", "--server", server.url, "--office", "KANIM-A", "--code", code,
                   "--ca-bundle", str(tls.ca_pem), "--name", "ruang-1")
    assert reg.returncode == 0, reg.stderr
    cred_file = Path(os.environ["MARS_CONFIG_DIR"]) / "sync.json"
    assert stat.S_IMODE(cred_file.stat().st_mode) == 0o600
    again = run_mars("register", "--server", server.url, "--office", "KANIM-A", "--code", code,
                     "--ca-bundle", str(tls.ca_pem))
    assert again.returncode == 2 and "already registered" in again.stderr

    before = json.loads(run_mars("sync", "status", "--json").stdout)
    assert before["pending"] == 5 and before["registered"] and before["office"] == "KANIM-A"
    done = run_mars("sync", "--once", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["last_pass"]["delivered"] == 5 and report["pending"] == 0
    assert report["online"] is True and report["last_success_at"]
    with user_store() as store, store.reader() as conn:
        states = {r["id"]: r["state"] for r in queries.list_sessions(conn)}
        events = [e["action"] for e in queries.audit_events(conn)]
    assert set(states) == set(ids) and set(states.values()) == {"uploaded"}
    assert events.count("session_uploaded") == 5

    # The directorate holds the newest link of this workstation's audit chain ...
    ok = run_mars("audit", "verify", "--against-server")
    assert ok.returncode == 0 and ok.stdout.startswith("OK"), ok.stdout + ok.stderr
    # ... so cutting the newest events off the chain no longer goes unnoticed.
    loc = StoreLocation.in_dirs(Path(os.environ["MARS_DATA_DIR"]),
                                Path(os.environ["MARS_CONFIG_DIR"]))
    conn = database.connect(loc.database, FileKeyProvider(loc.key_file).key(create=False))
    conn.execute("DROP TRIGGER audit_events_append_only_delete")
    conn.execute("DELETE FROM audit_events WHERE id >= (SELECT max(id) FROM audit_events "
                 "WHERE action = 'session_finalise')")  # the newest events, chain intact
    conn.commit()
    conn.close()
    assert run_mars("audit", "verify").returncode == 0  # a shorter chain still fits
    cut = run_mars("audit", "verify", "--against-server")
    assert cut.returncode == 1 and "missing" in cut.stdout, cut.stdout


def test_a_certificate_from_another_ca_is_rejected_and_nothing_is_lost(
        start_server, db_url, admin, tmp_path, tls, model_config):
    stranger = Tls.make(tmp_path)  # a server whose certificate our CA did not sign
    server = start_server(db_url, tls=stranger)
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
        sid = finalised_session(store, model_config, office="KANIM-A", seed=1)
        cred = SyncCredential(server.url, "KANIM-A", "ws", "ws.secret", str(tls.ca_pem))
        done = Uploader(store, SyncClient(cred), rng=random.Random(1)).run_once()
        assert (done.delivered, done.failed, done.online) == (0, 1, False)
        [row] = Outbox(store).due(now="9999")
        assert row.session_id == sid and row.attempts == 1
        assert "certificate" in row.last_error


def test_backoff_is_kept_in_the_outbox_across_restarts(tmp_path, model_config):
    location = StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")
    dead = SyncCredential("https://127.0.0.1:9", "KANIM-A", "ws", "ws.secret")  # nobody there
    with Store.open(location) as store:
        sid = finalised_session(store, model_config, office="KANIM-A", seed=1)
        up = Uploader(store, SyncClient(dead, connect_timeout_s=1), rng=random.Random(7),
                      backoff=Backoff(base_s=100, cap_s=1000))
        up.run_once()
        first = Outbox(store).due(now="9999")[0]
        assert up.run_once().due == 0  # not due again yet
    with Store.open(location) as store:  # a restart
        outbox = Outbox(store)
        assert outbox.due() == []
        [row] = outbox.due(now="9999")
        assert row == first and row.attempts == 1
        wait = (datetime.fromisoformat(row.next_attempt_at) - datetime.now(UTC)).total_seconds()
        assert 0 < wait <= 100
        assert outbox.retry_all_now() == 1 and [r.session_id for r in outbox.due()] == [sid]
        assert outbox.state()["online"] is False


def test_full_jitter_stays_under_the_exponential_ceiling_and_honours_retry_after():
    b, rng = Backoff(base_s=2, cap_s=60), random.Random(3)
    for attempts in range(1, 12):
        draws = [b.delay(attempts, rng) for _ in range(200)]
        assert max(draws) <= min(60, 2 * 2 ** (attempts - 1))
        assert min(draws) < 0.25 * min(60, 2 * 2 ** (attempts - 1))  # really spread out
    assert b.delay(1, rng, retry_after_s=30) >= 30
    assert b.delay(1, rng, refused=True) == 60


def test_the_record_sent_is_the_record_the_report_stands_for(tmp_path, model_config):
    """The fast path (stored results) gives exactly canonical_record(session_dict)."""
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
        sid = recorded_session(store, model_config, applicant={"full_name": "Siti Aminah",
                                                               "nik": "3201014101900001"},
                               questions=(("b1", True, 30), ("b2", True, 30), ("q1", False, 8),
                                          ("q2", False, 2)))
        slow = canonical_record(session_dict(store, sid))  # rescored from the windows
        assert session_record(store, sid) == slow
        doc = session_dict(store, sid)
        for idx, q in enumerate(doc["questions"]):
            store.close_question(sid, idx, q["end_s"], {k: v for k, v in q.items()
                                                        if k != "partial"})
        store.finalise(sid, decision="refer", reason="Cerita berubah-ubah.", officer="budi")
        assert session_record(store, sid) == canonical_record(session_dict(store, sid))
        assert any(q["status"] == "scored" for q in session_record(store, sid)["questions"])


def test_a_corrupt_credential_file_is_reported(tmp_path):
    (tmp_path / "sync.json").write_text("{not json")
    with pytest.raises(ValueError, match="register the workstation again"):
        load_credential(tmp_path)


def test_a_429_waits_at_least_its_retry_after(start_server, db_url, admin, tls, tmp_path,
                                              model_config):
    from tests.support.fault_proxy import FaultPlan, FaultProxy

    server = start_server(db_url, tls=None)
    proxy = FaultProxy(server.port, str(tls.cert_pem), str(tls.key_pem),
                       FaultPlan(1.0, seed=1, faults=("429",)), retry_after=120).start()
    ws, token = accounts.enrol(admin, accounts.new_enrolment_code(admin, "KANIM-A"),
                               "KANIM-A", "x")
    try:
        with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
            finalised_session(store, model_config, office="KANIM-A", seed=1)
            cred = SyncCredential(proxy.url, "KANIM-A", ws.id, token, str(tls.ca_pem))
            done = Uploader(store, SyncClient(cred), backoff=Backoff(1, 600)).run_once()
            assert (done.failed, done.online) == (1, True)  # reachable, only busy
            [row] = Outbox(store).due(now="9999")
            wait = (datetime.fromisoformat(row.next_attempt_at) - datetime.now(UTC))
            assert 115 < wait.total_seconds() <= 120 and "429" in row.last_error
    finally:
        proxy.stop()


def test_retry_after_as_seconds_or_an_http_date():
    from mars_desktop.adapters.sync_client import retry_after_seconds

    now = datetime(2026, 12, 4, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Fri, 04 Dec 2026 12:01:30 GMT", now) == 90.0
    assert retry_after_seconds("Fri, 04 Dec 2026 11:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon") is None and retry_after_seconds(None) is None
