"""Analysed frames plus question marks -> one InterviewAnalysis, frame by frame.

`mars analyze` (offline and --realtime) and the store-backed runs feed frames
in media-time order; a question opens at the first frame at or after its mark.
"""

from __future__ import annotations

from ..core.interview import InterviewAnalysis, WindowEvent
from ..core.marks import QuestionMark
from ..core.model_config import ModelConfig
from .frame_analyzer import FrameResult


class MarkedFeed:
    def __init__(self, config: ModelConfig, marks: list[QuestionMark]):
        self.interview = InterviewAnalysis(config)
        self._pending = list(marks)
        self.frames = self.with_face = self.max_faces = 0
        self.last_t: float | None = None

    def add(self, res: FrameResult) -> list[WindowEvent]:
        events: list[WindowEvent] = []
        while self._pending and self._pending[0].start_s <= res.t:
            m = self._pending.pop(0)
            events += self.interview.begin_question(m.question_id, m.text, m.start_s,
                                                    m.baseline)
        events += self.interview.add_frame(res.t, res.features, res.usable, res.faces_in_view)
        self.frames += 1
        self.with_face += res.face
        self.max_faces = max(self.max_faces, res.faces_in_view)
        self.last_t = res.t
        return events

    def finish(self, end_s: float) -> list[WindowEvent]:
        """Open the marks no frame reached (they close at once) and end the interview."""
        events: list[WindowEvent] = []
        for m in self._pending:
            events += self.interview.begin_question(m.question_id, m.text, m.start_s,
                                                    m.baseline)
        self._pending = []
        events += self.interview.end(end_s)
        return events
