from __future__ import annotations

import numpy as np

from mars_desktop.core.features import FEATURE_INDEX, N_FEATURES
from mars_desktop.core.windows import N_WINDOW_FEATURES, WINDOW_FEATURE_NAMES, SegmentWindower

EYE = FEATURE_INDEX["eye_openness"]


def _windower(start=0.0):
    return SegmentWindower("q", start, 1.0, 0.5, 0.6, 0.6)


def _feed(w, ts, eye=None, usable=None):
    out = []
    for i, t in enumerate(ts):
        f = np.zeros(N_FEATURES)
        f[EYE] = 0.3 if eye is None else eye[i]
        out += w.add(t, f, True if usable is None else usable[i])
    return out


def test_windows_start_at_the_segment_start_and_never_cross_its_end():
    w = _windower(start=2.0)
    ts = np.arange(2.0, 5.2, 1 / 12)
    wins = _feed(w, ts) + w.finish(5.2)
    assert [(x.start_s, x.end_s) for x in wins] == [
        (2.0, 3.0), (2.5, 3.5), (3.0, 4.0), (3.5, 4.5), (4.0, 5.0)]
    assert all(x.frames == 12 for x in wins)
    assert all(x.vector.shape == (N_WINDOW_FEATURES,) for x in wins)
    assert WINDOW_FEATURE_NAMES[-1] == "blinks"


def test_mean_and_spread_use_usable_frames_only():
    w = _windower()
    ts = np.arange(0, 1.2, 0.1)
    eye = [0.3, 0.5] * 6
    usable = [True] * 8 + [False] * 4
    wins = _feed(w, ts, eye, usable) + w.finish(1.2)
    first = wins[0]
    assert first.frames == 10 and first.usable_frames == 8
    assert first.usable
    assert np.isclose(first.vector[EYE], 0.4)
    assert np.isclose(first.vector[N_FEATURES + EYE], 0.1)


def test_window_with_too_few_usable_frames_is_not_usable():
    w = _windower()
    ts = np.arange(0, 1.1, 0.1)
    wins = _feed(w, ts, usable=[i < 5 for i in range(len(ts))]) + w.finish(1.1)
    assert not wins[0].usable


def test_blinks_are_counted_against_the_persons_own_open_level():
    w = _windower()
    ts = np.arange(0, 4.0, 1 / 15)
    eye = np.full(len(ts), 0.22)  # narrow eyes: an absolute threshold would misjudge them
    for start in (20, 35, 50):  # three short closures
        eye[start:start + 2] = 0.05
    wins = _feed(w, ts, eye) + w.finish(4.0)
    blinks = {(x.start_s, x.end_s): x.vector[-1] for x in wins}
    assert sum(blinks[(s, s + 1.0)] for s in (1.0, 2.0, 3.0)) == 3
