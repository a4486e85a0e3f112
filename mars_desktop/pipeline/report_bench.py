"""`mars bench export`: time to export the report of a 30-question session (target < 1 s),
with the time to build the document alone for comparison, in a throw-away store."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..adapters.store import Store, StoreLocation
from ..core.windows import N_WINDOW_FEATURES, Window
from .model_files import load_model_config
from .report_export import build_report, export_report
from .store_run import model_record

QUESTIONS = 30


def _session(store: Store) -> str:
    config = load_model_config()
    rng = np.random.default_rng(0)
    sid = store.create_session({"full_name": "Pemohon Uji", "nik": "3201014101900001"},
                               model=model_record(config), info={"officer": "bench"},
                               consent=True, recording=True)
    t = 0.0
    for i in range(QUESTIONS):
        baseline = i < 3
        store.add_question(sid, i, f"q{i + 1}", f"Pertanyaan nomor {i + 1}?", t, baseline)
        for k in range(16):
            vec = rng.normal(size=N_WINDOW_FEATURES) * (1 if baseline else 1.5)
            store.add_window(sid, i, Window(f"q{i + 1}", t + 0.5 * k, t + 0.5 * k + 1, 12, 12,
                                            vec, True), None)
        t += 9.0
    store.writer.flush()
    store.end_recording(sid)
    store.finalise(sid, decision="proceed", reason="bench", officer="bench",
                   results=None)
    return sid


def run_export_bench(repeats: int = 5) -> dict[str, Any]:
    with (tempfile.TemporaryDirectory(prefix="mars-export-bench-") as tmp,
          Store.open(StoreLocation.in_dirs(Path(tmp), Path(tmp))) as store):
        sid = _session(store)
        build, export = [], []
        for k in range(repeats):
            t0 = time.perf_counter()
            build_report(store, sid)
            build.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            out = export_report(store, sid, Path(tmp) / f"r{k}.pdf")
            export.append(time.perf_counter() - t0)
        size = out.stat().st_size
    return {"questions": QUESTIONS, "export_s_median": round(statistics.median(export), 3),
            "export_s_max": round(max(export), 3),
            "build_document_s_median": round(statistics.median(build), 3),
            "pdf_kb": round(size / 1024, 1), "target_s": 1.0}
