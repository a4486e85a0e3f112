"""Building stored sessions for the store tests without video."""

from __future__ import annotations

import numpy as np

from mars_desktop.adapters.store import Store
from mars_desktop.core.windows import N_WINDOW_FEATURES, Window
from mars_desktop.pipeline.store_run import model_record


def window(qid: str, start: float, rng: np.random.Generator) -> Window:
    return Window(qid, start, start + 1.0, 12, 12, rng.normal(size=N_WINDOW_FEATURES), True)


def recorded_session(store: Store, config, *, applicant=None, questions=(("b1", True, 10),
                     ("q1", False, 6)), recording=False, seed=0) -> str:
    """A session with questions of n windows each, recorded and closed like a real run."""
    rng = np.random.default_rng(seed)
    sid = store.create_session(applicant or {"full_name": "Siti Aminah"},
                               model=model_record(config), info={"officer": "budi"},
                               consent=True, recording=True)
    t = 0.0
    for idx, (qid, baseline, n) in enumerate(questions):
        store.add_question(sid, idx, qid, f"text {qid}", t, baseline)
        for k in range(n):
            store.add_window(sid, idx, window(qid, t + 0.5 * k, rng), None)
        t += 0.5 * n + 0.5
    store.writer.flush()
    if not recording:
        store.end_recording(sid, {})
    return sid
