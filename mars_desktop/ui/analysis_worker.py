"""The analysis thread: a QObject living in its own QThread, fed by the capture slot.

A zero-interval timer takes the newest frame (waiting at most 20 ms), so the
thread's event loop keeps turning and the officer's commands (next question,
pause, stop) arrive as queued signals between frames. Results go back to the
GUI as queued signals too; nothing else crosses threads.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from ..adapters.sources import Frame
from ..adapters.store import Store
from ..core.model_config import ModelConfig
from ..pipeline.frame_analyzer import FrameAnalyzer
from ..pipeline.frame_slot import LatestSlot
from ..pipeline.live_session import LiveSession
from ..pipeline.session_view import StoredInterview
from .thread_priority import lower_this_thread

log = logging.getLogger(__name__)


class AnalysisWorker(QObject):
    # t, landmarks (478x3 or None), faces in view
    analysed = Signal(float, object, int)
    # window end time, live signal (error / reference), or NaN before the baseline exists
    window_signal = Signal(float, float)
    question_closed = Signal(int, dict)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, config: ModelConfig, slot: LatestSlot[Frame], store: Store | None,
                 session_id: str | None,
                 analyzer: FrameAnalyzer | Future[FrameAnalyzer] | None = None,
                 earlier: StoredInterview | None = None):
        super().__init__()
        self._analyzer, self._earlier = analyzer, earlier
        self._config, self._slot = config, slot
        self._store, self._session_id = store, session_id
        self.session: LiveSession | None = None
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        lower_this_thread()
        try:
            if isinstance(self._analyzer, Future):  # still warming up: wait here, not in the GUI
                self._analyzer = self._analyzer.result()
            self.session = LiveSession(self._config, self._store, self._session_id,
                                       self._analyzer, self._earlier)
        except Exception as exc:
            log.exception("analysis could not start")
            self.failed.emit(str(exc))
            return
        self._report([])  # a resumed session's earlier questions come back on the plot
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    @Slot()
    def _step(self) -> None:
        frame = self._slot.get(timeout=0.02)
        if frame is None or self.session is None:
            return
        try:
            res, events = self.session.process(frame)
        except Exception as exc:  # the store may have failed; the window keeps the session
            log.exception("analysis step failed")
            self._timer.stop()
            self.failed.emit(str(exc))
            return
        if res is not None:
            self.analysed.emit(res.t, res.landmarks, res.faces_in_view)
        self._report(events)

    def _report(self, events) -> None:
        for e in events:
            self.window_signal.emit(e.window.end_s, np.nan if e.signal is None else e.signal)
        if self.session is not None:
            for closed in self.session.newly_closed():
                self.question_closed.emit(closed.index, closed.result)

    @Slot(str, str, bool)
    def begin_question(self, question_id: str, text: str, baseline: bool) -> None:
        log.info("question %s begins", question_id)
        if self.session is not None:
            self._report(self.session.begin_question(question_id, text, baseline))

    @Slot(bool)
    def set_paused(self, paused: bool) -> None:
        if self.session is not None:
            self.session.paused = paused

    @Slot()
    def stop(self) -> None:
        """Close the last question and stop; the thread is then quit by its owner."""
        log.info("analysis stopping")
        if self._timer is not None:
            self._timer.stop()
        if self.session is not None:
            try:
                self._report(self.session.finish())
            except Exception as exc:
                log.exception("closing the analysis failed")
                self.failed.emit(str(exc))
            self.session.close()
            self.session = None
        log.info("analysis stopped")
        self.finished.emit()


def start_worker_thread(worker: AnalysisWorker) -> QThread:
    thread = QThread()
    thread.setObjectName("analysis")
    worker.moveToThread(thread)
    thread.started.connect(worker.start)
    # Direct: the owner may be blocked in thread.wait(), so a queued quit would never run.
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start(QThread.Priority.LowPriority)  # what Windows honours; Linux uses nice
    return thread
