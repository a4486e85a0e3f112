"""One live interview's analysis, driven by the officer: frames in, questions opened by hand.

Runs on the analysis thread only. Media time is the camera's own clock (seconds
since the source opened); a question starts at the newest analysed frame's time
when the officer moves to it. While paused no frame is analysed, so no window
(and no score) comes from that stretch.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..adapters.sources import Frame
from ..adapters.store import Store
from ..core.interview import InterviewAnalysis, WindowEvent, rescore
from ..core.model_config import ModelConfig
from .frame_analyzer import FrameAnalyzer, FrameResult
from .result_json import question_dict
from .session_recorder import SessionRecorder
from .session_view import StoredInterview

RESUME_GAP_S = 1.0  # media time left between the recorded part and the resumed part


@dataclass(frozen=True)
class ClosedQuestion:
    index: int
    result: dict


class LiveSession:
    def __init__(self, config: ModelConfig, store: Store | None, session_id: str | None,
                 analyzer: FrameAnalyzer | None = None, earlier: StoredInterview | None = None):
        """`analyzer`, if given, is a warm one lent for this session (restarted, not closed).
        `earlier`: an interrupted session taken up again; its questions, windows and
        baseline map stand, and the camera's clock continues after what was recorded."""
        self.config = config
        self._own_analyzer = analyzer is None
        self.analyzer = analyzer or FrameAnalyzer(config)
        self.analyzer.restart()
        self.t_offset = 0.0
        if earlier is not None:
            self.interview = rescore(config, earlier.records)
            self.t_offset = earlier.row["recorded_until_s"] + RESUME_GAP_S
        else:
            self.interview = InterviewAnalysis(config)
        self.recorder = (SessionRecorder(store, session_id, self.interview)
                         if store is not None and session_id else None)
        if earlier is not None and self.recorder is not None:
            self.recorder.already_stored([len(r.windows) for r in earlier.records],
                                         [qr["result"] is not None for qr in earlier.questions])
        self.paused = False
        self.latest_t = self.t_offset
        self.frames = 0
        self._reported: set[tuple[int, str, float | None]] = set()

    def close(self) -> None:
        if self._own_analyzer:
            self.analyzer.close()

    def process(self, frame: Frame) -> tuple[FrameResult | None, list[WindowEvent]]:
        if self.paused:
            return None, []
        res = self.analyzer.process(frame.image, frame.t + self.t_offset)
        if res is None:
            return None, []
        self.latest_t = res.t
        self.frames += 1
        events = self.interview.add_frame(res.t, res.features, res.usable, res.faces_in_view)
        self._sync(events)
        return res, events

    def begin_question(self, question_id: str, text: str, baseline: bool) -> list[WindowEvent]:
        events = self.interview.begin_question(question_id, text, self.latest_t, baseline)
        self._sync(events)
        return events

    def finish(self) -> list[WindowEvent]:
        events = self.interview.end(self.latest_t)
        self._sync(events)
        return events

    def newly_closed(self) -> list[ClosedQuestion]:
        """Question results not reported yet (and baseline ones again once the map exists)."""
        out = []
        for i, q in enumerate(self.interview.questions):
            if q.result is None or q.end_s is None:
                continue
            key = (i, q.result.status, q.result.score)
            if key not in self._reported:
                self._reported.add(key)
                out.append(ClosedQuestion(i, question_dict(q)))
        return out

    def _sync(self, events: list[WindowEvent]) -> None:
        if self.recorder is not None:
            self.recorder.sync(events)
