"""`mars bench store`: the session store's figures, encrypted and plain in the same run.

- windows_per_s: feature windows the writer commits per second, queued as fast as
  they can be (a live interview makes 2 a second).
- list_10k_ms: listing 10,000 sessions (history view, newest first), median of 5.
- open_10k_ms: opening that store at start-up (every page checked, migrations, recovery).
- mb_per_interview_hour: file growth for one hour of interview (7,200 windows, 20
  questions) after a checkpoint.
- encryption_cost: encrypted time / plain time for each figure.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..adapters.store import Store, StoreLocation, database, queries
from ..adapters.store.keys import FileKeyProvider, KeyProvider, NoEncryption
from ..core.model_config import ModelConfig
from ..core.windows import N_WINDOW_FEATURES, Window
from .store_run import model_record

SESSIONS = 10_000
HOUR_WINDOWS = 7_200
HOUR_QUESTIONS = 20


def _window(qid: str, start: float, rng: np.random.Generator) -> Window:
    return Window(qid, start, start + 1.0, 12, 12, rng.normal(size=N_WINDOW_FEATURES), True)


def _size(loc: StoreLocation) -> int:
    return sum(p.stat().st_size for p in loc.database.parent.glob(loc.database.name + "*"))


def _checkpoint(store: Store) -> None:
    """Fold the WAL into the file (outside the writer's transactions) so sizes are real."""
    store.writer.flush()
    conn = database.connect(store.location.database, store._key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


def _one_kind(folder: Path, keys_for: type, config: ModelConfig,
              sessions: int) -> dict[str, float]:
    loc = StoreLocation.in_dirs(folder / "data", folder / "conf")
    keys: KeyProvider = keys_for(loc.key_file) if keys_for is FileKeyProvider else keys_for()
    model = model_record(config)
    rng = np.random.default_rng(0)
    out: dict[str, float] = {}
    with Store.open(loc, keys) as store:
        # One interview-hour of windows, queued as fast as possible.
        sid = store.create_session({"full_name": "Bench"}, model=model, info={},
                                   consent=True, recording=True)
        per_q = HOUR_WINDOWS // HOUR_QUESTIONS
        _checkpoint(store)
        size0 = _size(loc)
        t0 = time.perf_counter()
        for qi in range(HOUR_QUESTIONS):
            store.add_question(sid, qi, f"q{qi}", "bench question", qi * per_q * 0.5, qi < 2)
            for k in range(per_q):
                store.add_window(sid, qi, _window(f"q{qi}", (qi * per_q + k) * 0.5, rng), 0.5)
        store.writer.flush(timeout=600)
        out["windows_per_s"] = HOUR_WINDOWS / (time.perf_counter() - t0)
        store.end_recording(sid, {})
        _checkpoint(store)
        out["mb_per_interview_hour"] = (_size(loc) - size0) / 1e6
        # Many sessions for the history list: written in bulk, as years of use would leave.
        now = "2026-12-04T00:00:00.000+00:00"

        def bulk(conn) -> None:
            conn.executemany("INSERT INTO applicants (id, created_at, full_name, nik) "
                             "VALUES (?, ?, ?, ?)",
                             [(f"a{i}", now, f"Pemohon {i}", f"{3201010101900000 + i}")
                              for i in range(sessions)])
            conn.executemany("INSERT INTO sessions (id, applicant_id, state, created_at, "
                             "model_json) VALUES (?, ?, 'finalised', ?, '{}')",
                             [(f"s{i}", f"a{i}", f"2026-{1 + i % 12:02d}-01T00:00:{i % 60:02d}")
                              for i in range(sessions)])

        store.writer.call(bulk, timeout=600)
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            with store.reader() as conn:
                rows = queries.list_sessions(conn)
            times.append(time.perf_counter() - t0)
        assert len(rows) == sessions + 1
        out["list_10k_ms"] = statistics.median(times) * 1000
    t0 = time.perf_counter()
    Store.open(loc, keys).close()
    out["open_10k_ms"] = (time.perf_counter() - t0) * 1000
    out["file_mb_10k"] = _size(loc) / 1e6
    return out


def run_store_bench(config: ModelConfig, sessions: int = SESSIONS) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="mars-store-bench-") as tmp:
        enc = _one_kind(Path(tmp) / "encrypted", FileKeyProvider, config, sessions)
        plain = _one_kind(Path(tmp) / "plain", NoEncryption, config, sessions)
    figures: dict[str, Any] = {k: round(v, 2) for k, v in enc.items()}
    figures["plain"] = {k: round(v, 2) for k, v in plain.items()}
    figures["encryption_cost"] = {
        "windows_per_s": round(plain["windows_per_s"] / enc["windows_per_s"], 2),
        "list_10k_ms": round(enc["list_10k_ms"] / plain["list_10k_ms"], 2),
        "open_10k_ms": round(enc["open_10k_ms"] / plain["open_10k_ms"], 2),
    }
    figures["sessions_listed"] = sessions
    return figures
