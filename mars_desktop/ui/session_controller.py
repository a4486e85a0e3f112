"""The interview workflow behind the window: camera, analysis thread, store, steps.

A QObject without widgets: the window calls its methods and listens to its
signals. It owns the capture and analysis threads and the store writes, and
enforces the order of core.workflow.
"""

from __future__ import annotations

import contextlib
import logging
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from ..adapters.sources import camera_from_spec
from ..adapters.store import Store
from ..core.interview_script import InterviewScript, ScriptQuestion
from ..core.model_config import ModelConfig
from ..core.workflow import Step, Workflow
from ..pipeline.frame_analyzer import FrameAnalyzer
from ..pipeline.session_view import StoredInterview, load_interview
from ..pipeline.store_run import model_record
from .analysis_worker import AnalysisWorker, start_worker_thread
from .capture_thread import CaptureThread
from .thread_priority import build_at_low_priority

log = logging.getLogger(__name__)


@dataclass
class LiveStatus:
    camera: str = "off"  # off | live | reconnecting | failed | ended
    camera_error: str = ""
    fps: float = 0.0
    face: bool = False
    faces: int = 0
    latency_ms: float = 0.0
    dropped: int = 0
    store: str = "ok"
    store_error: str = ""
    analysing: bool = False
    frame_times: list[float] = field(default_factory=list)


class SessionController(QObject):
    step_changed = Signal(object)  # Step
    question_changed = Signal(int)
    question_closed = Signal(int, dict)
    window_signal = Signal(float, float)
    analysed = Signal(float, object, int)
    camera_changed = Signal()
    frame_ready = Signal()  # a new picture waits in the display slot
    store_failed = Signal(str)
    _begin = Signal(str, str, bool)
    _pause = Signal(bool)
    _stop = Signal()
    analysis_ready = Signal(str)  # "" when MediaPipe is warm, else what went wrong
    _analyzer_built = Signal()  # from the build thread, hence queued

    def __init__(self, config: ModelConfig, store: Store | None, script: InterviewScript,
                 lang: str, info: dict[str, str | None],
                 script_files: dict[str, Path] | None = None):
        super().__init__()
        self._analyzer_built.connect(self._report_analyzer)
        self.config, self.store, self.script, self.lang = config, store, script, lang
        self.script_files = script_files or {}
        self.script_name = next((n for n, p in self.script_files.items()
                                 if n == "pmi_screening"), None)
        self.info = info
        self.workflow = Workflow()
        self.status = LiveStatus(store="ok" if store else "unavailable")
        self.session_id: str | None = None
        self.capture: CaptureThread | None = None
        self.worker: AnalysisWorker | None = None
        self.worker_thread: QThread | None = None
        self.source_spec: str | None = None
        self.results: dict[int, dict] = {}
        self.frames_captured = 0  # of cameras already closed
        self._orphans: list = []
        self._display_box: tuple[int, int] | None = None
        # Built once, on a low-priority thread, after the window shows the camera (see
        # prepare_analysis): importing MediaPipe and warming its graphs takes 2-3 s, which
        # the officer would otherwise wait for before seeing anything.
        self._analyzer: Future[FrameAnalyzer] | None = None

    def prepare_analysis(self) -> None:
        """Import MediaPipe and warm its graphs in the background; analysis_ready says when.
        An interview started before then waits for it on the analysis thread."""
        if self._analyzer is not None:
            return

        def build() -> FrameAnalyzer:
            analyzer = FrameAnalyzer(self.config)
            analyzer.warm_up()
            return analyzer

        self._analyzer = build_at_low_priority(build, self._analyzer_built.emit)

    def _report_analyzer(self) -> None:
        exc = self._analyzer.exception() if self._analyzer is not None else None
        if exc is not None:
            log.error("face analysis could not start: %s", exc)
        else:
            log.info("face analysis ready")
        self.analysis_ready.emit(str(exc) if exc is not None else "")

    @property
    def analysis_is_ready(self) -> bool:
        return self._analyzer is not None and self._analyzer.done()

    # -- camera -------------------------------------------------------------------------------

    def open_camera(self, spec: str, **options) -> None:
        """(Re)start capture from a source; the session, if any, goes on."""
        self.close_camera()
        self.source_spec = spec
        source = camera_from_spec(spec, **options)
        self.capture = CaptureThread(source)
        self.capture.display_box = self._display_box
        self.capture.source_failed.connect(self._camera_failed)
        self.capture.source_ended.connect(self._camera_ended)
        self.capture.frame_ready.connect(self.frame_ready)
        self.status.camera, self.status.camera_error = "live", ""
        self.capture.start()
        if self.worker is not None:
            # The worker read the old camera's slot: analysis stops here, what it recorded
            # stays in the store, and the interview goes on.
            log.warning("camera changed during analysis; analysis stopped")
            self.stop_analysis()
        self.camera_changed.emit()

    def close_camera(self) -> None:
        if self.capture is not None:
            self.capture.stop()
            self.capture.wait(5000)
            self.frames_captured += self.capture.frames_captured
            self.capture = None
        self.status.camera = "off"

    def _camera_failed(self, message: str) -> None:
        self.status.camera, self.status.camera_error = "failed", message
        self.camera_changed.emit()

    def _camera_ended(self) -> None:
        self.status.camera = "ended"
        self.camera_changed.emit()

    def refresh_camera_state(self) -> None:
        """A live camera that lost its picture reconnects by itself; say so meanwhile."""
        if self.capture is None or self.status.camera not in ("live", "reconnecting"):
            return
        state = self.capture.source.stats.state
        self.status.camera = "reconnecting" if state in ("reconnecting", "connecting") \
            and self.capture.frames_captured else "live"

    def set_display_box(self, box: tuple[int, int]) -> None:
        self._display_box = box
        if self.capture is not None:
            self.capture.display_box = box

    def take_display_frame(self):
        if self.capture is None:
            return None
        frame = self.capture.display.take_nowait()
        if frame is not None:
            now = time.monotonic()
            ft = self.status.frame_times
            ft.append(now)
            while ft and now - ft[0] > 2.0:
                ft.pop(0)
            self.status.fps = (len(ft) - 1) / (ft[-1] - ft[0]) if len(ft) > 1 else 0.0
            self.status.dropped = self.capture.display.dropped
        return frame

    # -- workflow -----------------------------------------------------------------------------

    def new_session(self) -> None:
        if self.workflow.step is Step.FINALISED:
            self.workflow.advance(Step.FINALISED)
        self.workflow.advance(Step.IDLE)
        self.session_id, self.results = None, {}
        self.step_changed.emit(self.workflow.step)

    def applicant_done(self, applicant: dict[str, str | None]) -> None:
        self.applicant = {k: v for k, v in applicant.items() if v is not None}
        self.workflow.advance(Step.APPLICANT)
        self.step_changed.emit(self.workflow.step)

    def record_consent(self, given: bool) -> None:
        if self.store is not None:
            self.session_id = self.store.create_session(
                self.applicant, model=model_record(self.config),
                info={**self.info, "source": self.source_spec}, consent=given, recording=True)
        self.workflow.record_consent(given)
        if given:
            self._start_worker()
        self.step_changed.emit(self.workflow.step)

    def _start_worker(self, earlier: StoredInterview | None = None) -> None:
        if self.capture is None:
            return
        self.prepare_analysis()
        self.worker = AnalysisWorker(self.config, self.capture.analysis, self.store,
                                     self.session_id, self._analyzer, earlier)
        self.worker.analysed.connect(self.analysed)
        self.worker.window_signal.connect(self.window_signal)
        self.worker.question_closed.connect(self._question_closed)
        self.worker.failed.connect(self._analysis_failed)
        self._begin.connect(self.worker.begin_question)
        self._pause.connect(self.worker.set_paused)
        self._stop.connect(self.worker.stop)
        self.worker_thread = start_worker_thread(self.worker)
        self.status.analysing = True

    def _question_closed(self, index: int, result: dict) -> None:
        self.results[index] = result
        self.question_closed.emit(index, result)

    def _analysis_failed(self, message: str) -> None:
        self.status.store, self.status.store_error = "failed", message
        self.status.analysing = False
        self.store_failed.emit(message)

    def scripts(self) -> dict[str, InterviewScript]:
        """Every readable script; a broken file an admin added is logged and skipped."""
        from ..pipeline.model_files import load_script

        out = {}
        for name, path in self.script_files.items():
            try:
                out[name] = load_script(path)
            except Exception as exc:
                log.warning("interview script %s skipped: %s", path, exc)
        return out or {"default": self.script}

    def choose_script(self, name: str) -> None:
        from ..pipeline.model_files import load_script

        if name in self.script_files:  # "default": the script given at start, already loaded
            self.script = load_script(self.script_files[name])
        self.script_name = name

    def current_question(self) -> ScriptQuestion | None:
        i = self.workflow.question_index
        return self.script.questions[i] if 0 <= i < len(self.script.questions) else None

    def move_question(self, delta: int) -> None:
        before = self.workflow.question_index
        index = self.workflow.move_question(delta, len(self.script.questions))
        if index == before:
            return
        q = self.script.questions[index]
        self._begin.emit(q.question_id, q.text(self.lang), q.baseline)
        self.question_changed.emit(index)

    def set_paused(self, paused: bool) -> None:
        self.workflow.analysis_paused = paused
        self._pause.emit(paused)

    def stop_analysis(self) -> None:
        if self.worker is None:
            return
        self._stop.emit()
        if self.worker_thread is not None and not self.worker_thread.wait(15_000):
            log.error("the analysis thread did not stop; it is left to finish on its own")
            self._orphans.append((self.worker, self.worker_thread))  # never destroy it running
        for sig in (self._begin, self._pause, self._stop):
            sig.disconnect()
        self.worker = self.worker_thread = None
        self.workflow.analysis_stopped = True
        self.status.analysing = False

    def end_interview(self) -> None:
        self.stop_analysis()
        self.workflow.advance(Step.INTERVIEW)
        if self.store is not None and self.session_id:
            self.store.end_recording(self.session_id)
        self.step_changed.emit(self.workflow.step)

    def finalise(self, decision: str, reason: str, officer: str | None,
                 disregard_reason: str | None) -> None:
        if self.store is not None and self.session_id:
            self.store.finalise(self.session_id, decision=decision, reason=reason,
                                officer=officer, disregarded_score=bool(disregard_reason),
                                disregard_reason=disregard_reason)
        self.workflow.advance(Step.DECISION)
        self.step_changed.emit(self.workflow.step)

    def take_up(self, session_id: str) -> None:
        """Continue an interrupted session: its questions and baseline stand, and the
        interview goes on from the question it had reached, on the current camera."""
        stored = load_interview(self.store, session_id)
        asked = [qr["question_id"] for qr in stored.questions]
        ids = [q.question_id for q in self.script.questions]
        index = ids.index(asked[-1]) if asked and asked[-1] in ids else -1
        self.store.resume(session_id, actor=self.info.get("officer"))
        self.workflow.take_up(stored.row["consent"], index)
        self.session_id, self.results = session_id, {}
        self.applicant = {k: v for k, v in stored.row["applicant"].items() if v is not None}
        if stored.row["consent"]:
            self._start_worker(earlier=stored)
        self.step_changed.emit(self.workflow.step)
        if index >= 0:
            self.question_changed.emit(index)

    def shutdown(self) -> None:
        """Threads stopped; a session closed mid-interview is found interrupted at the next
        start, and can be resumed or finalised from the history."""
        self.stop_analysis()
        self.close_camera()
        if self._analyzer is not None and not self._orphans:  # an orphan may still use it
            with contextlib.suppress(Exception):  # a failed build has nothing to close
                self._analyzer.result(timeout=60).close()
            self._analyzer = None
