"""Finalised sessions in a real workstation store, ready for the outbox."""

from __future__ import annotations

import random

from mars_desktop.adapters.store import Store
from mars_desktop.pipeline.store_run import model_record

QUESTIONS = (("b1", True), ("b2", True), ("q1", False), ("q2", False), ("q3", False))


def result(qid: str, baseline: bool, start: float, rng: random.Random) -> dict:
    if baseline:
        status, score, flagged = "baseline", None, False
    elif rng.random() < 0.15:
        status, score, flagged = "insufficient_data", None, False
    else:
        status, score = "scored", round(rng.uniform(0, 100), 1)
        flagged = score >= 70
    return {"question_id": qid, "text": f"Pertanyaan {qid}?", "start_s": start,
            "end_s": start + 8.0, "baseline": baseline, "windows": 16, "usable_windows": 15,
            "status": status, "score": score, "flagged": flagged,
            "top_features": [{"name": "brow_raise", "z": 2.5, "label": "Alis terangkat",
                              "label_id": "brow_raise"}] if flagged else [],
            "others_in_view": False}


def finalised_session(store: Store, config, *, office: str, seed: int,
                      name: str | None = None) -> str:
    rng = random.Random(seed)
    sid = store.create_session({"full_name": name or f"Pemohon {seed}",
                                "nik": f"32010141019{seed % 100000:05d}"},
                               model=model_record(config),
                               info={"officer": rng.choice(["budi", "sari", "wayan"]),
                                     "office": office, "workstation": "ws-test"},
                               consent=True, recording=False)
    results = []
    for idx, (qid, baseline) in enumerate(QUESTIONS):
        res = result(qid, baseline, idx * 10.0, rng)
        store.add_question(sid, idx, qid, res["text"], res["start_s"], baseline)
        store.close_question(sid, idx, res["end_s"], res)
        results.append(res)
    store.finalise(sid, decision=rng.choice(["proceed", "defer", "refer"]),
                   reason="Dokumen lengkap; cerita konsisten.", officer="budi")
    return sid
