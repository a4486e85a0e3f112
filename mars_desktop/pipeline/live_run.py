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
from ..core.interview import WindowEvent
from ..core.marks import QuestionMark
from ..core.model_config import ModelConfig
from .frame_analyzer import FrameAnalyzer, FrameResult
from .frame_slot import LatestSlot
from .marked_feed import MarkedFeed
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
                 on_open: Callable[[MarkedFeed], None] | None = None,
                 on_finish: Callable[[MarkedFeed, list[WindowEvent]], None] | None = None,
                 ) -> AnalysisRun:
    """on_open runs when media time 0 starts (the file paced from now), on_finish after the
    last question closed."""
    analyzer = FrameAnalyzer(config)  # before the clock starts: MediaPipe loads slowly
    feed = MarkedFeed(config, marks)
    src = FileSource(path, realtime=True)
    try:
        src.open()
    except BaseException:
        analyzer.close()
        raise
    info = VideoInfo(Path(path), src.fps, src.frame_count, src.duration_s, *src.size)
    slot: LatestSlot[Frame] = LatestSlot()
    capture = CaptureThread(src, slot)
    capture.start()
    try:
        if on_open:
            on_open(feed)
        while True:
            frame = slot.get(timeout=0.5)
            if frame is None:
                if slot.closed:
                    break
                continue
            res = analyzer.process(frame.image, frame.t)
            if res is None:
                continue
            events = feed.add(res)
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
    if feed.with_face == 0:
        raise NoFaceError(f"no face found in {path} ({feed.frames} frames analysed)")
    events = feed.finish(max(info.duration_s, feed.last_t or 0.0))
    if on_finish:
        on_finish(feed, events)
    log.info("live run of %s: %d analysed, %d dropped", path, feed.frames, slot.dropped)
    return AnalysisRun(info, feed.frames, feed.with_face, feed.max_faces, feed.interview)
