"""About one-second windows over per-frame features, per question segment.

A window covers [start, start + length) seconds and windows start every `hop`
seconds from the segment's own start, so that no window mixes two answers.
Per window: mean and spread (standard deviation) of each frame feature over
its usable frames, the number of blinks, and the share of frames with a usable
face. A window is usable when that share reaches `min_usable_share`.

A blink is a run of usable frames whose eye openness falls below
`blink_closed_ratio` times the segment's running open level (the median of
recent open frames) and rises again. Counting it relative to the person's own
open level keeps it working for narrow and wide eyes alike.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from .features import FEATURE_INDEX, FEATURE_NAMES, N_FEATURES

EYE = FEATURE_INDEX["eye_openness"]

WINDOW_FEATURE_NAMES: tuple[str, ...] = (
    tuple(f"{n}_mean" for n in FEATURE_NAMES)
    + tuple(f"{n}_spread" for n in FEATURE_NAMES)
    + ("blinks",)
)
N_WINDOW_FEATURES = len(WINDOW_FEATURE_NAMES)


@dataclass(frozen=True)
class Window:
    segment_id: str
    start_s: float
    end_s: float
    frames: int
    usable_frames: int
    vector: np.ndarray  # N_WINDOW_FEATURES values; NaN when no usable frame
    usable: bool

    @property
    def usable_share(self) -> float:
        return self.usable_frames / self.frames if self.frames else 0.0


@dataclass
class BlinkCounter:
    closed_ratio: float
    _recent_open: deque = field(default_factory=lambda: deque(maxlen=90))
    _closed: bool = False

    def update(self, eye_openness: float, usable: bool) -> bool:
        """Feed one frame; True when a blink just ended."""
        if not usable or not np.isfinite(eye_openness):
            self._closed = False
            return False
        level = float(np.median(self._recent_open)) if len(self._recent_open) >= 5 else None
        closed = level is not None and eye_openness < self.closed_ratio * level
        ended = self._closed and not closed
        self._closed = closed
        if not closed:
            self._recent_open.append(eye_openness)
        return ended


@dataclass
class SegmentWindower:
    """Streams frames of one segment and emits windows as they complete."""

    segment_id: str
    start_s: float
    length_s: float
    hop_s: float
    min_usable_share: float
    blink_closed_ratio: float
    _t: list[float] = field(default_factory=list)
    _f: list[np.ndarray] = field(default_factory=list)
    _u: list[bool] = field(default_factory=list)
    _blink_end: list[bool] = field(default_factory=list)
    _next_start: float = 0.0
    _blinks: BlinkCounter | None = None

    def __post_init__(self) -> None:
        self._next_start = self.start_s
        self._blinks = BlinkCounter(self.blink_closed_ratio)

    def add(self, t: float, features: np.ndarray, usable: bool) -> list[Window]:
        self._t.append(t)
        self._f.append(features)
        self._u.append(usable)
        self._blink_end.append(self._blinks.update(float(features[EYE]), usable))
        out = []
        while t >= self._next_start + self.length_s:
            out.append(self._emit(self._next_start))
            self._next_start += self.hop_s
            self._trim()
        return out

    def finish(self, end_s: float) -> list[Window]:
        """Close the segment at end_s: emit every whole window that fits before it."""
        out = []
        while self._next_start + self.length_s <= end_s + 1e-9:
            out.append(self._emit(self._next_start))
            self._next_start += self.hop_s
        self._t.clear()
        self._f.clear()
        self._u.clear()
        self._blink_end.clear()
        return out

    def _trim(self) -> None:
        # Frames before the next window's start are no longer needed.
        k = 0
        while k < len(self._t) and self._t[k] < self._next_start:
            k += 1
        if k:
            del self._t[:k], self._f[:k], self._u[:k], self._blink_end[:k]

    def _emit(self, start: float) -> Window:
        end = start + self.length_s
        idx = [i for i, t in enumerate(self._t) if start <= t < end]
        usable_idx = [i for i in idx if self._u[i]]
        vec = np.full(N_WINDOW_FEATURES, np.nan)
        if usable_idx:
            arr = np.array([self._f[i] for i in usable_idx])
            vec[:N_FEATURES] = arr.mean(axis=0)
            vec[N_FEATURES:2 * N_FEATURES] = arr.std(axis=0)
            vec[-1] = float(sum(self._blink_end[i] for i in idx))
        frames = len(idx)
        usable = bool(frames and len(usable_idx) / frames >= self.min_usable_share
                      and np.all(np.isfinite(vec)))
        return Window(self.segment_id, start, end, frames, len(usable_idx), vec, usable)
