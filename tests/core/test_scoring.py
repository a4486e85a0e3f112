from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from mars_desktop.core.interview import InterviewAnalysis
from mars_desktop.core.scoring import BaselineError, BaselineModel, describe_move
from mars_desktop.core.windows import N_WINDOW_FEATURES, WINDOW_FEATURE_NAMES, Window

MOUTH = WINDOW_FEATURE_NAMES.index("mouth_open_mean")


def _windows(n, rng, shift=0.0, start=0.0, qid="q"):
    base = np.array([0.3, 0.25, 0.3, 0.05, 0.18, 0.0, 0.6, 0, 0, 0, 30, 0, 0] * 2 + [1.0])
    spread = np.array([0.02, 0.01, 0.01, 0.02, 0.01, 0.01, 0.02, 2, 2, 2, 8, 0.02, 0.02] * 2
                      + [0.8])
    out = []
    for i in range(n):
        v = base + rng.normal(0, 1, N_WINDOW_FEATURES) * spread
        v[MOUTH] += shift
        out.append(Window(qid, start + i * 0.5, start + i * 0.5 + 1, 12, 12, v, True))
    return out


def test_a_changed_answer_scores_high_and_a_calm_one_low(model_config):
    rng = np.random.default_rng(1)
    model = BaselineModel.fit(_windows(60, rng), model_config)
    calm = model.score(_windows(20, rng))
    changed = model.score(_windows(20, rng, shift=0.3))
    assert calm.status == changed.status == "scored"
    assert calm.score < 30 and not calm.flagged
    assert changed.score >= model_config.scoring.threshold_percent and changed.flagged
    top = changed.top_features[0]
    assert top.name == "mouth_open_mean" and top.z > 0
    assert "mouth opened more" in top.label and "mulut" in top.label_id


def test_too_few_usable_windows_is_insufficient_data_never_a_number(model_config):
    rng = np.random.default_rng(2)
    model = BaselineModel.fit(_windows(40, rng), model_config)
    few = _windows(model_config.scoring.min_usable_windows - 1, rng, shift=1.0)
    unusable = [dataclasses.replace(w, usable=False) for w in _windows(10, rng)]
    for windows in (few, unusable, []):
        res = model.score(windows)
        assert res.status == "insufficient_data"
        assert res.score is None and not res.flagged and res.top_features == ()


def test_baseline_too_short_is_refused(model_config):
    with pytest.raises(BaselineError, match="usable windows"):
        BaselineModel.fit(_windows(5, np.random.default_rng(3)), model_config)


def test_same_input_same_output(model_config):
    wins = _windows(50, np.random.default_rng(4))
    probe = _windows(15, np.random.default_rng(5), shift=0.1)
    a = BaselineModel.fit(wins, model_config).score(probe)
    b = BaselineModel.fit(wins, model_config).score(probe)
    assert a == b


def test_interview_fits_baseline_when_first_scored_question_opens(model_config):
    rng = np.random.default_rng(6)
    ia = InterviewAnalysis(model_config)
    ia.begin_question("b1", "Nama", 0.0, True)
    ia.questions[-1].windows.extend(_windows(40, rng, qid="b1"))
    assert ia.model is None
    ia.begin_question("q1", "Tujuan", 20.0, False)
    assert ia.model is not None and ia.baseline_problem is None
    assert ia.questions[0].result.status == "baseline"


def test_explanations_read_both_directions():
    i = WINDOW_FEATURE_NAMES.index("head_yaw_mean")
    up, down = describe_move(i, 2.0), describe_move(i, -2.0)
    assert up != down and all("baseline" in s for s in up + down[:1])
    assert describe_move(N_WINDOW_FEATURES - 1, -1.5)[0] == "blinked less"


def test_train_som_gives_minisoms_own_weights():
    from minisom import MiniSom

    from mars_desktop.core.scoring import train_som

    data = np.random.default_rng(3).normal(size=(17, 27))
    a = MiniSom(3, 3, 27, sigma=1.2, learning_rate=0.5, random_seed=7)
    b = MiniSom(3, 3, 27, sigma=1.2, learning_rate=0.5, random_seed=7)
    a.random_weights_init(data)
    b.random_weights_init(data)
    a.train(data, 300, random_order=True)
    train_som(b, data, 300)
    assert np.array_equal(a.get_weights(), b.get_weights())
