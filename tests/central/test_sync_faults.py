"""Exactly once, whatever the network does: 1,000 sessions through a proxy that breaks a
third of the uploads (500s, 429 + Retry-After, answers past the read timeout,
connections reset before and after the server stored the session), a stretch with
the directorate unreachable, and the server process killed and restarted mid-run."""

from __future__ import annotations

import random
import threading
import time

import pytest
from sqlalchemy import text

from mars_desktop.adapters.store import Store, StoreLocation, queries
from mars_desktop.adapters.store.outbox import Outbox
from mars_desktop.adapters.sync_client import SyncClient, SyncCredential
from mars_desktop.central import accounts
from mars_desktop.core.backoff import Backoff
from mars_desktop.pipeline.sync_loop import SyncLoop
from mars_desktop.pipeline.sync_payload import session_record
from mars_desktop.pipeline.uploader import Uploader
from tests.central.conftest import migrated_engine
from tests.central.sessions import finalised_session
from tests.support.central_server import CentralServer
from tests.support.fault_proxy import FAULTS, FaultPlan, FaultProxy

N_SESSIONS = 1000


@pytest.mark.slow
def test_every_session_arrives_exactly_once_through_faults(pg_url, tls, tmp_path, model_config):
    engine = migrated_engine(pg_url)
    server = CentralServer(pg_url, tmp_path / "central.log").start()  # plain HTTP behind proxy
    proxy = FaultProxy(server.port, str(tls.cert_pem), str(tls.key_pem),
                       FaultPlan(failure_rate=1 / 3, seed=20261204), slow_s=1.5,
                       retry_after=1).start()
    code = accounts.new_enrolment_code(engine, "KANIM-A")
    ws, token = accounts.enrol(engine, code, "KANIM-A", "ruang-1")
    cred = SyncCredential(proxy.url, "KANIM-A", ws.id, token, str(tls.ca_pem))
    statuses: list[dict] = []
    try:
        with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
            ids = {finalised_session(store, model_config, office="KANIM-A", seed=i)
                   for i in range(N_SESSIONS)}
            digests = {sid: None for sid in ids}
            uploader = Uploader(store, SyncClient(cred, connect_timeout_s=2, read_timeout_s=1.0),
                                backoff=Backoff(base_s=0.05, cap_s=1.0), workers=8,
                                rng=random.Random(5))
            loop = SyncLoop(uploader, statuses.append, idle_s=0.3,
                            offline=Backoff(base_s=0.1, cap_s=0.5))
            outbox = Outbox(store)
            loop.start()
            outage_done = restart_done = False
            deadline = time.monotonic() + 300
            while outbox.pending() and time.monotonic() < deadline:
                left = outbox.pending()
                if not outage_done and left <= 700:  # the directorate unreachable for 2 s
                    proxy.down.set()
                    time.sleep(2)
                    proxy.down.clear()
                    outage_done = True
                if not restart_done and left <= 400:  # a power cut at the server
                    server.kill()
                    time.sleep(1.5)
                    server = CentralServer(pg_url, tmp_path / "central-2.log",
                                           port=server.port).start()
                    restart_done = True
                loop.wake()
                time.sleep(0.2)
            assert loop.stop(timeout_s=10)
            assert outbox.pending() == 0, f"{outbox.pending()} sessions never arrived"
            for sid in ids:
                digests[sid] = session_record(store, sid)
            with store.reader() as conn:
                local = {r["id"]: r["state"] for r in queries.list_sessions(conn)}
                uploaded_events = [e["session_id"] for e in queries.audit_events(conn)
                                   if e["action"] == "session_uploaded"]
    finally:
        proxy.stop()
        server.stop()

    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, record_sha256 FROM sessions")).fetchall()
    engine.dispose()
    from mars_desktop.core.report_record import digest_of_record

    assert len(rows) == N_SESSIONS and {r[0] for r in rows} == ids  # none lost, none twice
    assert all(r[1] == digest_of_record(digests[r[0]]) for r in rows)
    assert set(local.values()) == {"uploaded"}
    assert sorted(uploaded_events) == sorted(ids)  # each marked uploaded exactly once
    posts = sum(v for k, v in proxy.counts.items() if k not in ("down", "upstream_down"))
    faults = sum(proxy.counts[f] for f in FAULTS)
    print(f"\nproxy counts {dict(proxy.counts)}; {faults}/{posts} uploads broken")
    assert all(proxy.counts[f] > 0 for f in FAULTS), proxy.counts
    assert proxy.counts["down"] > 0 and 0.25 < faults / posts < 0.42
    assert any(s["online"] is False for s in statuses) and statuses[-1]["pending"] == 0
    assert "Traceback" not in (tmp_path / "central.log").read_text()


def test_a_stuck_server_costs_the_read_timeout_not_a_hang(tls, tmp_path, model_config,
                                                          start_server, pg_url):
    server = start_server(pg_url, tls=None)
    proxy = FaultProxy(server.port, str(tls.cert_pem), str(tls.key_pem),
                       FaultPlan(1.0, seed=1, faults=("slow_after",)), slow_s=5).start()
    engine = migrated_engine(pg_url)
    ws, token = accounts.enrol(engine, accounts.new_enrolment_code(engine, "KANIM-A"),
                               "KANIM-A", "x")
    cred = SyncCredential(proxy.url, "KANIM-A", ws.id, token, str(tls.ca_pem))
    try:
        with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
            finalised_session(store, model_config, office="KANIM-A", seed=1)
            done = threading.Event()
            result = {}

            def run() -> None:
                result["pass"] = Uploader(store, SyncClient(cred, read_timeout_s=0.5)).run_once()
                done.set()

            threading.Thread(target=run, daemon=True).start()
            assert done.wait(4), "the upload hung past its read timeout"
            assert result["pass"].failed == 1
            [row] = Outbox(store).due(now="9999")
            assert "in time" in row.last_error
    finally:
        proxy.stop()
        engine.dispose()
