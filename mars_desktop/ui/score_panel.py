"""The live plot: a rolling window signal, and one bar per question with the threshold.

Data live in fixed-size numpy ring buffers; the curves are redrawn on the window's
repaint timer only when something changed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ROLLING_WINDOWS = 240  # two minutes of windows at a 0.5 s hop


class ScorePanel(QWidget):
    def __init__(self, threshold: float, parent=None):
        super().__init__(parent)
        self.threshold = threshold
        self._t = np.full(ROLLING_WINDOWS, np.nan)
        self._v = np.full(ROLLING_WINDOWS, np.nan)
        self._n = 0
        self._bars: dict[int, tuple[str, float | None, bool, str]] = {}
        self._dirty = False
        self._ticks: list[tuple[int, str]] = []
        self._planned: list[str] = []
        pg.setConfigOptions(antialias=False, background="w", foreground="k")
        self.signal_plot = pg.PlotWidget()
        self.signal_plot.setLabel("left", self.tr("change from baseline (x reference)"))
        self.signal_plot.setLabel("bottom", self.tr("time (s)"))
        self.signal_plot.addItem(pg.InfiniteLine(1.0, angle=0, pen=pg.mkPen("r", width=1,
                                                                           style=Qt.DashLine)))
        self.curve = self.signal_plot.plot([], [], pen=pg.mkPen((30, 90, 200), width=2))
        self.bar_plot = pg.PlotWidget()
        self.bar_plot.setLabel("left", self.tr("stress score (%)"))
        self.bar_plot.setYRange(0, 100)
        self.threshold_line = pg.InfiniteLine(threshold, angle=0,
                                              pen=pg.mkPen("r", width=2, style=Qt.DashLine))
        self.bar_plot.addItem(self.threshold_line)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        self.bar_plot.addItem(self.bars)
        self.note = QLabel(self.tr("Advice only: the score shows change from this applicant's "
                                   "own calm baseline. It is not a lie detector and never "
                                   "decides; the officer does."))
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.signal_plot, 1)
        lay.addWidget(self.bar_plot, 1)
        lay.addWidget(self.note)

    def expect(self, question_ids: list[str]) -> None:
        """Lay the bar axis out once for the script's questions, so a closing question only
        fills its bar (re-laying out the axis mid-interview froze the window)."""
        self._planned = list(question_ids)
        self.bar_plot.setXRange(-0.5, max(1, len(question_ids)) - 0.5, padding=0.02)
        self.bar_plot.disableAutoRange(axis="x")
        self._dirty = True

    def clear(self) -> None:
        self._t[:] = np.nan
        self._v[:] = np.nan
        self._n = 0
        self._bars.clear()
        self._dirty = True

    def add_signal(self, t: float, value: float) -> None:
        i = self._n % ROLLING_WINDOWS
        self._t[i], self._v[i] = t, value
        self._n += 1
        self._dirty = True

    def set_question(self, index: int, question_id: str, result: dict) -> None:
        self._bars[index] = (question_id, result["score"], bool(result["flagged"]),
                             result["status"])
        self._dirty = True

    def scored_count(self) -> int:
        return sum(1 for _q, score, _f, status in self._bars.values()
                   if status == "scored" and score is not None)

    def redraw_if_dirty(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        order = np.argsort(np.nan_to_num(self._t, nan=np.inf))
        t, v = self._t[order], self._v[order]
        keep = ~np.isnan(t) & ~np.isnan(v)
        self.curve.setData(t[keep], v[keep])
        idx = sorted(self._bars)
        heights = [self._bars[i][1] or 0.0 for i in idx]
        brushes = [pg.mkBrush(200, 40, 40) if self._bars[i][2] else
                   pg.mkBrush(150, 150, 150) if self._bars[i][1] is None else
                   pg.mkBrush(60, 120, 200) for i in idx]
        self.bars.setOpts(x=list(range(len(idx))), height=heights, width=0.6, brushes=brushes)
        labels = dict(enumerate(self._planned))
        labels.update({k: self._bars[i][0] for k, i in enumerate(idx)})
        ticks = sorted(labels.items())
        if len(ticks) > len(self._planned):  # asked more than planned (went back): widen
            self.bar_plot.setXRange(-0.5, len(ticks) - 0.5, padding=0.02)
        if ticks != self._ticks:  # new labels re-lay out the axis: only when they change
            self._ticks = ticks
            self.bar_plot.getAxis("bottom").setTicks([ticks])
