"""The live frame path, headless: capture thread -> one-slot -> analysis (this thread).

`mars analyze --realtime` uses it with a file paced like a camera; the
workstation uses the same pieces with a real camera.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from ..adapters.sources import EndOfStream, Frame, FrameSource
from ..adapters.sources.file_source import FileSource
from ..core.interview import InterviewAnalysis, WindowEvent
from ..core.marks import QuestionMark
from ..core.model_config import ModelConfig
from .frame_analyzer import FrameAnalyzer, FrameResult
from .frame_slot import LatestSlot
from .offline import AnalysisRun, NoFaceError, VideoInfo

log = logging.getLogger(__name__)


class CaptureThread(threading.Thread):
    """Reads a source into a LatestSlot until the source ends or stop() is called."""

    def __init__(self, source: FrameSource, slot: LatestSlot[Frame]):
        super().__init__(name="capture", daemon=True)
        self.source, self.slot = source, slot
        self._stop_event = threading.Event()
        self.error: Exception | None = None

    def stop(self) -> None:
        self._stop_event.set()

    def run(self) -> None:
        try:
            while not self._stop_event.is_set():
                try:
                    frame = self.source.read(timeout=0.5)
                except EndOfStream:
                    break
                if frame is not None:
                    self.slot.put(frame)
        except Exception as exc:  # reported to the consumer, never lost silently
            log.exception("capture from %s failed", self.source.description)
            self.error = exc
        finally:
            self.slot.close()


def analyse_live(path: Path, marks: list[QuestionMark], config: ModelConfig, *,
                 progress: Callable[[float], None] | None = None,
                 on_frame: Callable[[FrameResult, list[WindowEvent]], None] | None = None,
                 ) -> AnalysisRun:
    src = FileSource(path, realtime=True)
    src.open()
    info = VideoInfo(Path(path), src.fps, src.frame_count, src.duration_s, *src.size)
    slot: LatestSlot[Frame] = LatestSlot()
    capture = CaptureThread(src, slot)
    analyzer = FrameAnalyzer(config)
    interview = InterviewAnalysis(config)
    pending = list(marks)
    frames = with_face = max_faces = 0
    last_t = 0.0
    capture.start()
    try:
        while True:
            frame = slot.get(timeout=0.5)
            if frame is None:
                if slot.closed:
                    break
                continue
            res = analyzer.process(frame.image, frame.t)
            if res is None:
                continue
            while pending and pending[0].start_s <= res.t:
                m = pending.pop(0)
                interview.begin_question(m.question_id, m.text, m.start_s, m.baseline)
            events = interview.add_frame(res.t, res.features, res.usable, res.faces_in_view)
            frames += 1
            with_face += res.landmarks is not None
            max_faces = max(max_faces, res.faces_in_view)
            last_t = res.t
            if on_frame:
                on_frame(res, events)
            if progress:
                progress(min(1.0, res.t / max(info.duration_s, 1e-6)))
    finally:
        capture.stop()
        capture.join(timeout=5)
        src.close()
        analyzer.close()
    if capture.error is not None:
        raise capture.error
    if with_face == 0:
        raise NoFaceError(f"no face found in {path} ({frames} frames analysed)")
    for m in pending:  # marks after the last analysed frame still open (and close) questions
        interview.begin_question(m.question_id, m.text, m.start_s, m.baseline)
    interview.end(max(info.duration_s, last_t))
    log.info("live run of %s: %d analysed, %d dropped", path, frames, slot.dropped)
    return AnalysisRun(info, frames, with_face, max_faces, interview)
