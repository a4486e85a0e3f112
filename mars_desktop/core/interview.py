"""One interview's analysis, streamed: frames in, windows and question scores out.

Used alike by `mars analyze` (frames from a file) and the workstation (frames
from a camera). Questions are opened in order; the baseline map is fitted when
the first scored question opens, from every baseline window so far, and each
later window gets a live signal as it completes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .model_config import ModelConfig
from .scoring import BaselineError, BaselineModel, QuestionScore
from .windows import SegmentWindower, Window


@dataclass
class QuestionRecord:
    question_id: str
    text: str
    start_s: float
    baseline: bool
    end_s: float | None = None
    windows: list[Window] = field(default_factory=list)
    max_faces_in_view: int = 0
    result: QuestionScore | None = None


@dataclass(frozen=True)
class WindowEvent:
    window: Window
    signal: float | None  # error / reference error, once the baseline exists


class InterviewAnalysis:
    def __init__(self, config: ModelConfig):
        self.config = config
        self.questions: list[QuestionRecord] = []
        self.model: BaselineModel | None = None
        self.baseline_problem: str | None = None
        self._windower: SegmentWindower | None = None

    @property
    def current(self) -> QuestionRecord | None:
        return self.questions[-1] if self.questions and self.questions[-1].end_s is None else None

    def begin_question(self, question_id: str, text: str, start_s: float,
                       baseline: bool) -> list[WindowEvent]:
        events = self._close_current(start_s)
        if not baseline and self.model is None and self.baseline_problem is None:
            self._fit_baseline()
        w = self.config.windows
        self.questions.append(QuestionRecord(question_id, text, start_s, baseline))
        self._windower = SegmentWindower(question_id, start_s, w.length_s, w.hop_s,
                                         w.min_usable_share, w.blink_closed_ratio)
        return events

    def add_frame(self, t: float, features: np.ndarray, usable: bool,
                  faces_in_view: int = 0) -> list[WindowEvent]:
        q = self.current
        if q is None or self._windower is None or t < q.start_s:
            return []
        q.max_faces_in_view = max(q.max_faces_in_view, faces_in_view)
        return self._take(self._windower.add(t, features, usable))

    def end(self, end_s: float) -> list[WindowEvent]:
        events = self._close_current(end_s)
        if self.model is None and self.baseline_problem is None:
            self._fit_baseline()
        return events

    def _take(self, windows: list[Window]) -> list[WindowEvent]:
        q = self.current
        events = []
        for win in windows:
            if q is not None:
                q.windows.append(win)
            signal = self.model.window_signal(win) if self.model and q and not q.baseline else None
            events.append(WindowEvent(win, signal))
        return events

    def _close_current(self, end_s: float) -> list[WindowEvent]:
        q = self.current
        if q is None or self._windower is None:
            return []
        events = self._take(self._windower.finish(end_s))
        q.end_s = max(end_s, q.start_s)
        self._windower = None
        q.result = self._score(q)
        return events

    def _fit_baseline(self) -> None:
        base = [w for q in self.questions if q.baseline for w in q.windows]
        try:
            self.model = BaselineModel.fit(base, self.config)
        except BaselineError as exc:
            self.baseline_problem = str(exc)
            return
        for q in self.questions:
            if q.end_s is not None:
                q.result = self._score(q)

    def _score(self, q: QuestionRecord) -> QuestionScore:
        return score_question(self.model, q)


def score_question(model: BaselineModel | None, q: QuestionRecord) -> QuestionScore:
    if model is None:
        status = "baseline" if q.baseline else "insufficient_data"
        return QuestionScore(status, len(q.windows), sum(w.usable for w in q.windows), None,
                             False)
    return model.score(q.windows, baseline=q.baseline)


def rescore(config: ModelConfig, questions: list[QuestionRecord]) -> InterviewAnalysis:
    """The interview rebuilt from stored windows, as the live analysis computed it.

    The live run fits the baseline, when the first scored question opens, from the
    baseline questions before it (marks put them first), so fitting on every stored
    baseline window gives the same map; each question is then scored the same way.
    """
    interview = InterviewAnalysis(config)
    interview.questions = questions
    interview._fit_baseline()
    for q in questions:
        q.result = score_question(interview.model, q)
    return interview
