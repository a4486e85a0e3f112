"""The whole headless pipeline on real face video."""

from __future__ import annotations

import numpy as np
import pytest

from mars_desktop.core.features import FEATURE_INDEX
from mars_desktop.core.marks import parse_marks
from mars_desktop.pipeline.offline import analyse_frames, probe_video, run_interview
from tests.support.media import feat_file

LAUGH_MARKS = """start_s,question_id,text,baseline
0,b1,Siapa nama Anda?,1
4,b2,Di mana alamat Anda?,1
8,held,held-back slice of the first part,0
10,laugh,laughing part,0
"""


@pytest.fixture(scope="module")
def wolfgang(model_config):
    video = probe_video(feat_file("WolfgangLanger_Pexels.mp4"))
    return video, analyse_frames(video, model_config)


@pytest.fixture(scope="module")
def smile(model_config):
    video = probe_video(feat_file("single_face.mp4"))
    return video, analyse_frames(video, model_config)


def _series(results, name):
    i = FEATURE_INDEX[name]
    return np.array([r.t for r in results]), np.array([r.features[i] for r in results])


def test_mouth_and_lip_corners_move_the_right_way_from_neutral_to_smile(smile):
    _, results = smile
    assert all(r.usable for r in results)
    for name in ("mouth_open", "lip_corner_lift", "mouth_width"):
        t, v = _series(results, name)
        neutral, smiling = v[t < 0.4].mean(), v[t > 1.6].mean()
        assert smiling > neutral, name
    t, v = _series(results, "mouth_open")
    assert v[t > 1.6].mean() - v[t < 0.4].mean() > 0.05


def test_blinks_are_seen_in_the_laughing_part(wolfgang, model_config):
    video, results = wolfgang
    marks = parse_marks(LAUGH_MARKS, video.duration_s)
    interview = run_interview(results, marks, video.duration_s, model_config)
    laugh = interview.questions[-1]
    blinks_in = [w.vector[-1] for w in laugh.windows if w.start_s < 17.0 and w.start_s % 1 == 0]
    assert sum(blinks_in) >= 2
    t, eye = _series(results, "eye_openness")
    assert eye[(t > 10) & (t < 17)].min() < 0.5 * np.median(eye[(t > 10) & (t < 17)])


def test_laughing_scores_well_above_threshold_and_held_back_calm_stays_low(wolfgang,
                                                                           model_config):
    video, results = wolfgang
    marks = parse_marks(LAUGH_MARKS, video.duration_s)
    interview = run_interview(results, marks, video.duration_s, model_config)
    by_id = {q.question_id: q.result for q in interview.questions}
    threshold = model_config.scoring.threshold_percent
    assert interview.model is not None
    assert by_id["b1"].status == by_id["b2"].status == "baseline"
    assert by_id["laugh"].status == "scored"
    assert by_id["laugh"].score >= threshold + 10 and by_id["laugh"].flagged
    assert by_id["laugh"].top_features[0].name.startswith("mouth")
    assert by_id["held"].status == "scored"
    assert by_id["held"].score < 40 and not by_id["held"].flagged


def test_baseline_rescored_against_itself_stays_low(wolfgang, model_config):
    video, results = wolfgang
    marks = parse_marks(LAUGH_MARKS, video.duration_s)
    interview = run_interview(results, marks, video.duration_s, model_config)
    base_windows = [w for q in interview.questions if q.baseline for w in q.windows]
    again = interview.model.score(base_windows)
    assert again.status == "scored" and again.score < 25


def test_same_video_same_result_whatever_the_number_of_workers(wolfgang, model_config):
    video, results = wolfgang
    one = analyse_frames(video, model_config, workers=1)
    assert [r.t for r in one] == [r.t for r in results]
    for a, b in zip(one, results, strict=True):
        assert a.usable == b.usable
        np.testing.assert_array_equal(a.features, b.features)


def test_realtime_path_matches_the_fast_path_on_question_scores(model_config):
    """The live frame path (capture thread, one-slot queue) on a paced file."""
    from mars_desktop.pipeline.live_run import analyse_live
    from mars_desktop.pipeline.offline import analyse_video

    path = feat_file("single_face.mp4")
    marks = parse_marks("start_s,question_id,text,baseline\n0,a,x,1\n", 2.4)
    live = analyse_live(path, marks, model_config)
    fast = analyse_video(path, marks, model_config)
    assert live.frames_with_face > 0.8 * fast.frames_with_face
    assert [q.question_id for q in live.interview.questions] == ["a"]
