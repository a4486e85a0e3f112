"""An interview being analysed, written to the store as it goes.

After every analysed frame the recorder queues what changed: new questions,
new windows (with their live signal), and question results as questions close
(baseline results again once the map is fitted). The writer commits them in
batches of at most about a second, so a crash loses at most that much.
"""

from __future__ import annotations

from ..adapters.store import Store
from ..core.interview import InterviewAnalysis, WindowEvent
from .result_json import question_dict


class SessionRecorder:
    def __init__(self, store: Store, session_id: str, interview: InterviewAnalysis):
        self.store, self.session_id, self.interview = store, session_id, interview
        self._windows_stored: list[int] = []
        self._results_stored: list[bool] = []
        self._had_model = False

    def already_stored(self, windows: list[int], results: list[bool]) -> None:
        """A resumed session: what the earlier run stored is not written again."""
        self._windows_stored, self._results_stored = list(windows), list(results)
        self._had_model = self.interview.model is not None

    def sync(self, events: list[WindowEvent] = ()) -> None:
        sid, qs = self.session_id, self.interview.questions
        signals = {id(e.window): e.signal for e in events}
        refit = self.interview.model is not None and not self._had_model
        self._had_model = self.interview.model is not None
        for i in range(len(self._windows_stored), len(qs)):
            q = qs[i]
            self.store.add_question(sid, i, q.question_id, q.text, q.start_s, q.baseline)
            self._windows_stored.append(0)
            self._results_stored.append(False)
        for i, q in enumerate(qs):
            if self._results_stored[i] and not refit:
                continue
            for win in q.windows[self._windows_stored[i]:]:
                self.store.add_window(sid, i, win, signals.get(id(win)))
            self._windows_stored[i] = len(q.windows)
            if q.result is not None and q.end_s is not None:
                self.store.close_question(sid, i, q.end_s, question_dict(q))
                self._results_stored[i] = True
