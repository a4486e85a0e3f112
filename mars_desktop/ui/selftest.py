"""`mars gui --selftest SECONDS`: the real window runs a whole interview by itself.

Support staff and installers use it to check a workstation: it drives the
workflow (sample applicant, consent, every scripted question spread over the
time given, decision) and measures what the officer would feel.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from .main_window import MainWindow

log = logging.getLogger(__name__)
SAMPLE_APPLICANT = {
    "full_name": "Uji Mandiri", "nik": "3201014101900001", "birth_place": "Bogor",
    "birth_date": "01-01-1990", "sex": "F", "address": "Jl. Uji 1", "purpose": "tourism",
    "passport_application_no": "SELFTEST-1", "application_type": "new",
    "destination_country": "Malaysia", "intended_stay": "7 hari",
}
STALL_TICK_MS = 5


class SelfTest(QObject):
    def __init__(self, window: MainWindow, seconds: float, out: Path | None,
                 screenshot: Path | None):
        super().__init__(window)
        self.w, self.seconds, self.out, self.screenshot = window, seconds, out, screenshot
        self.stall_ms_max = 0.0
        self._last_tick: float | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(STALL_TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self.exit_code = 1
        self._start = (0, 0, 0, 0)
        self._began = False
        self._waiting_since = 0.0  # wall clock, as first_frame_epoch
        self.analysis_ready_epoch: float | None = None
        self.warmup_stall_ms_max = 0.0

    def start(self) -> None:
        # The window is watched from the start, MediaPipe's warm-up included; the interview
        # begins once analysis is ready, as an officer typing the form would find it.
        self._ticker.start()
        self.w.c.prepare_analysis()
        self._waiting_since = time.time()
        if self.w.c.analysis_is_ready:
            QTimer.singleShot(300, self._begin)
        else:
            self.w.c.analysis_ready.connect(lambda _problem: QTimer.singleShot(300, self._begin))

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last_tick is not None:
            stall = (now - self._last_tick) * 1000 - STALL_TICK_MS
            if stall > 50:
                log.warning("the window did not respond for %.0f ms", stall)
            self.stall_ms_max = max(self.stall_ms_max, stall)
        self._last_tick = now

    def _begin(self) -> None:
        if self._began:
            return
        self._began = True
        self.analysis_ready_epoch = time.time()
        self.warmup_stall_ms_max, self.stall_ms_max = self.stall_ms_max, 0.0
        w = self.w
        w.on_new()
        w.form.set_values({**dict.fromkeys(w.form.inputs), **SAMPLE_APPLICANT})
        w.on_applicant_done()
        w.on_consent(True)
        c = w.c
        # Counted from here, once the window is up and the interview starts.
        self._start = (c.capture.frames_captured if c.capture else 0, w.video.frames_displayed,
                       c.status.dropped, len(w.video.latencies_ms))
        log.info("self-test starts; before it: %d captured, %d dropped", self._start[0],
                 self._start[2])
        n = len(w.c.script.questions)
        step_ms = int(self.seconds * 1000 / (n + 1))
        for k in range(n):
            QTimer.singleShot(step_ms * k + 200, lambda: w.on_move(+1))
        QTimer.singleShot(int(self.seconds * 1000), self._finish)

    def _finish(self) -> None:
        w = self.w
        self._ticker.stop()
        w.on_end()
        w.decision.reason.setPlainText("self-test")
        w.on_finalise()
        QApplication.processEvents()
        if self.screenshot:
            self.screenshot.parent.mkdir(parents=True, exist_ok=True)
            w.grab().save(str(self.screenshot))
        stats = self.stats()
        log.info("self-test: %s", stats)
        if self.out:
            self.out.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
        self.exit_code = 0 if stats["frames_displayed"] > 0 else 1
        w.close()
        QApplication.instance().exit(self.exit_code)

    def stats(self) -> dict:
        c, v = self.w.c, self.w.video
        captured0, displayed0, dropped0, latency0 = self._start
        lat = np.array(v.latencies_ms[latency0:] or [np.nan])
        captured = c.capture.frames_captured if c.capture else c.frames_captured
        return {
            "frames_captured": captured - captured0,
            "frames_displayed": v.frames_displayed - displayed0,
            "frames_dropped": c.status.dropped - dropped0,
            "latency_ms_p95": round(float(np.percentile(lat, 95)), 2),
            "gui_stall_ms_max": round(self.stall_ms_max, 2),
            "questions_scored": self.w.scores.scored_count(),
            "camera": c.status.camera,
            "first_frame_epoch": v.first_frame_epoch,
            "analysis_ready_epoch": self.analysis_ready_epoch,
            "analysis_warmup_s": round((self.analysis_ready_epoch or self._waiting_since)
                                       - self._waiting_since, 2),
            "gui_stall_ms_max_during_warmup": round(self.warmup_stall_ms_max, 2),
        }
