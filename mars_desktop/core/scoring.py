"""The applicant's own baseline (a small Kohonen map) and per-question stress scores.

1. Baseline windows are normalised to their own mean and spread (the spread
   floored at each feature's measurement noise, features.FEATURES).
2. They are cut into blocks of consecutive windows; every k-th block is held
   back. A MiniSom map with a fixed seed is trained on the rest.
3. The reference error is the given percentile (95th) of the quantisation
   error of the held-back windows: how far calm windows the map has never seen
   lie from it. Measuring it on training windows would make calm answers
   look unusual.
4. A question's score is the percentage of its usable windows whose error lies
   above that reference. With fewer usable windows than the minimum, the
   status is "insufficient_data" and there is no score.
5. The explanation: the window features whose mean z-score moved most, in
   words with their direction. The error is two-sided, so a calmer or merely
   different answer scores too; the direction is what the officer reads.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from minisom import MiniSom

from .features import FEATURES, N_FEATURES
from .model_config import ModelConfig
from .windows import N_WINDOW_FEATURES, WINDOW_FEATURE_NAMES, Window

BLINK_NOISE_FLOOR = 0.5  # blinks per window


def _noise_floors() -> np.ndarray:
    floors = np.empty(N_WINDOW_FEATURES)
    for i, spec in enumerate(FEATURES):
        floors[i] = spec.noise_floor
        floors[N_FEATURES + i] = spec.noise_floor
    floors[-1] = BLINK_NOISE_FLOOR
    return floors


NOISE_FLOORS = _noise_floors()


YIELD_EVERY = 50  # updates
YIELD_S = 0.001


def train_som(som: MiniSom, data: np.ndarray, iterations: int) -> None:
    """MiniSom.train(data, iterations, random_order=True), step for step, pausing 1 ms every
    50 updates.

    The map trains on the analysis thread, in the workstation's process: without the
    pauses its ~0.1 s of small numpy steps keeps the interpreter from the window, which
    then freezes for as long (measured 127 ms). The weights are the same as MiniSom's own
    train (tests/core/test_scoring.py holds that).
    """
    order = np.arange(iterations) % len(data)
    som._random_generator.shuffle(order)  # what train(random_order=True) does
    for t, i in enumerate(order):
        som.update(data[i], som.winner(data[i]), t, iterations)
        if t % YIELD_EVERY == YIELD_EVERY - 1:
            time.sleep(YIELD_S)


class BaselineError(ValueError):
    """The baseline cannot support a score (too few usable windows)."""


@dataclass(frozen=True)
class FeatureMove:
    name: str
    z: float
    label: str  # English words
    label_id: str  # Bahasa Indonesia


@dataclass(frozen=True)
class QuestionScore:
    status: str  # "baseline" | "scored" | "insufficient_data"
    windows: int
    usable_windows: int
    score: float | None
    flagged: bool
    top_features: tuple[FeatureMove, ...] = ()
    window_errors: tuple[float, ...] = field(default=(), repr=False)


def describe_move(window_feature: int, z: float) -> tuple[str, str]:
    """Words (en, id) for a window feature that moved by z baseline spreads."""
    up = z > 0
    if window_feature == N_WINDOW_FEATURES - 1:
        return (("blinked more", "lebih sering berkedip") if up
                else ("blinked less", "lebih jarang berkedip"))
    spec = FEATURES[window_feature % N_FEATURES]
    if window_feature < N_FEATURES:
        en, idn = (spec.more_en, spec.more_id) if up else (spec.less_en, spec.less_id)
        return f"{en} than in the baseline", f"{idn} dibanding baseline"
    subject = spec.name.replace("_", " ")
    if up:
        return (f"more variation in {subject} than in the baseline",
                f"{spec.name} lebih bervariasi dibanding baseline")
    return (f"less variation in {subject} than in the baseline",
            f"{spec.name} lebih stabil dibanding baseline")


@dataclass
class BaselineModel:
    config: ModelConfig
    mean: np.ndarray
    spread: np.ndarray
    som: MiniSom
    reference_error: float
    train_windows: int
    holdout_windows: int

    @classmethod
    def fit(cls, windows: list[Window], config: ModelConfig) -> BaselineModel:
        usable = [w for w in windows if w.usable]
        b = config.baseline
        train, holdout = [], []
        for i, w in enumerate(usable):
            block = i // b.holdout_block_windows
            (holdout if block % b.holdout_every == b.holdout_every - 1 else train).append(w)
        if len(train) < b.min_train_windows or len(holdout) < b.min_holdout_windows:
            raise BaselineError(
                f"baseline has {len(usable)} usable windows ({len(train)} to train, "
                f"{len(holdout)} held back); at least {b.min_train_windows} and "
                f"{b.min_holdout_windows} are needed")
        x_train = np.array([w.vector for w in train])
        mean = x_train.mean(axis=0)
        spread = np.maximum(x_train.std(axis=0), NOISE_FLOORS)
        z_train = (x_train - mean) / spread
        s = config.som
        som = MiniSom(s.rows, s.cols, N_WINDOW_FEATURES, sigma=s.sigma,
                      learning_rate=s.learning_rate, random_seed=s.seed)
        som.random_weights_init(z_train)
        train_som(som, z_train, s.iterations)
        model = cls(config, mean, spread, som, 0.0, len(train), len(holdout))
        err = model.errors(np.array([w.vector for w in holdout]))
        model.reference_error = float(np.percentile(err, b.reference_percentile))
        return model

    def z(self, vectors: np.ndarray) -> np.ndarray:
        return (np.atleast_2d(vectors) - self.mean) / self.spread

    def errors(self, vectors: np.ndarray) -> np.ndarray:
        z = self.z(vectors)
        return np.linalg.norm(z - self.som.quantization(z), axis=1)

    def window_signal(self, window: Window) -> float | None:
        """Live signal for one window: its error over the reference (1.0 = edge of calm)."""
        if not window.usable:
            return None
        return float(self.errors(window.vector)[0] / max(self.reference_error, 1e-9))

    def score(self, windows: list[Window], *, baseline: bool = False) -> QuestionScore:
        sc = self.config.scoring
        usable = [w for w in windows if w.usable]
        if baseline:
            status = "baseline"
        elif len(usable) < sc.min_usable_windows:
            return QuestionScore("insufficient_data", len(windows), len(usable), None, False)
        else:
            status = "scored"
        if not usable:
            return QuestionScore(status, len(windows), 0, None, False)
        vecs = np.array([w.vector for w in usable])
        err = self.errors(vecs)
        score = float(np.mean(err > self.reference_error) * 100.0)
        moves = self._top_moves(vecs)
        flagged = status == "scored" and score >= sc.threshold_percent
        return QuestionScore(status, len(windows), len(usable),
                             round(score, 1) if status == "scored" else None,
                             flagged, moves, tuple(float(e) for e in err))

    def _top_moves(self, vecs: np.ndarray) -> tuple[FeatureMove, ...]:
        mean_z = self.z(vecs).mean(axis=0)
        order = np.argsort(-np.abs(mean_z), kind="stable")[: self.config.scoring.top_features]
        moves = []
        for i in order:
            zi = float(mean_z[i])
            en, idn = describe_move(int(i), zi)
            moves.append(FeatureMove(WINDOW_FEATURE_NAMES[i], round(zi, 2), en, idn))
        return tuple(moves)
