"""`mars bench sync`: the uploader and the central server on loopback (needs `.[central]`).

- upload: N finalised sessions in a real workstation store, sent by the real
  uploader over HTTPS to `mars central serve` (a child process); sessions_per_s
  and the time for all of them (target: 1,000 in under 30 s).
- concurrent: 20 workstations, each its own credential and thread, uploading at
  once; the server's latency per upload (p50/p95/p99 as the client sees it) and,
  measured in the same run under the same load, a bare /health round trip as the
  peer (ratio = upload p95 / health p95).
"""

from __future__ import annotations

import copy
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from ..adapters.store import Store, StoreLocation
from ..adapters.store.outbox import Outbox
from ..adapters.sync_client import SyncClient, SyncCredential
from ..core.model_config import ModelConfig
from ..core.report_record import digest_of_record
from .store_run import model_record
from .sync_payload import session_record
from .uploader import Uploader

OFFICE = "BENCH"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tls(folder: Path) -> tuple[Path, Path, Path] | None:
    try:
        import trustme
    except ImportError:
        return None
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    ca.cert_pem.write_to_path(str(paths[0]))
    cert.private_key_and_cert_chain_pem.write_to_path(str(paths[1]))
    cert.private_key_pem.write_to_path(str(paths[2]))
    return paths


def _mars(*args: str) -> str:
    out = subprocess.run([sys.executable, "-m", "mars_desktop", *args], capture_output=True,
                         text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(f"mars {' '.join(args[:2])} failed: {out.stderr.strip()}")
    return out.stdout.strip()


def _session(store: Store, model: dict[str, Any], rng: random.Random, i: int) -> str:
    sid = store.create_session({"full_name": f"Pemohon {i}", "nik": f"32010141019{i:05d}"},
                               model=model, info={"officer": "bench", "office": OFFICE},
                               consent=True, recording=False)
    for idx in range(6):
        baseline = idx < 2
        score = None if baseline else round(rng.uniform(0, 100), 1)
        res = {"question_id": f"q{idx}", "text": f"Pertanyaan {idx}?", "start_s": idx * 10.0,
               "end_s": idx * 10.0 + 8, "baseline": baseline, "windows": 16,
               "usable_windows": 16, "status": "baseline" if baseline else "scored",
               "score": score, "flagged": bool(score and score >= 70), "top_features": []}
        store.add_question(sid, idx, res["question_id"], res["text"], res["start_s"], baseline)
        store.close_question(sid, idx, res["end_s"], res)
    store.finalise(sid, decision="proceed", reason="bench", officer="bench")
    return sid


def _percentiles(values: list[float]) -> dict[str, float]:
    q = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50_ms": round(q[49] * 1000, 2), "p95_ms": round(q[94] * 1000, 2),
            "p99_ms": round(q[98] * 1000, 2)}


def run_sync_bench(config: ModelConfig, *, db: str | None = None, sessions: int = 1000,
                   workstations: int = 20, per_workstation: int = 50) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="mars-bench-sync-") as tmp:
        folder = Path(tmp)
        db = db or f"sqlite:///{folder / 'central.db'}"
        tls = _tls(folder)
        port = _free_port()
        cmd = [sys.executable, "-m", "mars_desktop", "central", "serve", "--db", db,
               "--host", "127.0.0.1", "--port", str(port)]
        if tls:
            cmd += ["--tls-cert", str(tls[1]), "--tls-key", str(tls[2])]
        else:
            os.environ["MARS_SYNC_ALLOW_HTTP"] = "1"
        url = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
        verify: str | bool = str(tls[0]) if tls else True
        _mars("central", "migrate", "--db", db)
        server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if requests.get(f"{url}/api/v1/health", verify=verify, timeout=2).ok:
                        break
                except requests.RequestException:
                    if time.monotonic() > deadline:
                        raise RuntimeError("the central server did not start") from None
                time.sleep(0.1)

            def credential() -> SyncCredential:
                code = _mars("central", "enrol-code", "--db", db, "--office", OFFICE)
                r = requests.post(f"{url}/api/v1/enrolments", verify=verify, timeout=10,
                                  json={"enrolment_code": code, "office": OFFICE,
                                        "workstation_name": "bench"})
                r.raise_for_status()
                d = r.json()
                return SyncCredential(url, OFFICE, d["workstation_id"], d["token"],
                                      str(tls[0]) if tls else None)

            loc = StoreLocation.in_dirs(folder / "ws", folder / "ws-conf")
            with Store.open(loc) as store:
                t0 = time.perf_counter()
                rng, model = random.Random(0), model_record(config)
                ids = [_session(store, model, rng, i) for i in range(sessions)]
                prepare_s = time.perf_counter() - t0
                uploader = Uploader(store, SyncClient(credential()), workers=4)
                t0 = time.perf_counter()
                passes = 0
                while Outbox(store).pending() and passes < 20:
                    uploader.run_once(limit=sessions)
                    passes += 1
                upload_s = time.perf_counter() - t0
                left = Outbox(store).pending()
                template = session_record(store, ids[0])

            creds = [credential() for _ in range(workstations)]
            latencies: list[float] = []
            health: list[float] = []
            lock = threading.Lock()
            errors = 0

            def workstation(cred: SyncCredential) -> None:
                nonlocal errors
                own: list[float] = []
                own_health: list[float] = []
                with requests.Session() as s:
                    s.headers["Authorization"] = f"Bearer {cred.token}"
                    for _ in range(per_workstation):
                        rec = copy.deepcopy(template)
                        rec["session_id"] = sid = str(uuid.uuid4())
                        body = {"session_id": sid, "record_sha256": digest_of_record(rec),
                                "record": rec}
                        t = time.perf_counter()
                        r = s.post(f"{url}/api/v1/sessions", json=body, verify=verify,
                                   headers={"Idempotency-Key": sid}, timeout=30)
                        own.append(time.perf_counter() - t)
                        t = time.perf_counter()
                        s.get(f"{url}/api/v1/health", verify=verify, timeout=30)
                        own_health.append(time.perf_counter() - t)
                        if r.status_code != 201:
                            with lock:
                                errors += 1
                with lock:
                    latencies.extend(own)
                    health.extend(own_health)

            threads = [threading.Thread(target=workstation, args=(c,)) for c in creds]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
        finally:
            server.terminate()
            server.wait(10)
    up, peer = _percentiles(latencies), _percentiles(health)
    return {
        "benchmark": "sync", "database": db.split(":", 1)[0], "tls": bool(tls),
        "upload": {"sessions": sessions, "prepare_s": round(prepare_s, 2),
                   "seconds": round(upload_s, 2),
                   "sessions_per_s": round(sessions / upload_s, 1), "not_delivered": left,
                   "passes": passes, "target": "1000 sessions in < 30 s"},
        "concurrent": {"workstations": workstations, "uploads": len(latencies),
                       "errors": errors, "uploads_per_s": round(len(latencies) / wall, 1),
                       "upload": up, "health_peer": peer,
                       "ratio_p95_upload_to_health": round(up["p95_ms"] / peer["p95_ms"], 2)},
    }
