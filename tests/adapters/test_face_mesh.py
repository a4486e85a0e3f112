"""Real MediaPipe on real face photos (shipped in test-dependency packages)."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from mars_desktop.adapters.face_mesh import FaceMeshDetector
from mars_desktop.core.features import FEATURE_INDEX, FrameFeatureExtractor
from tests.support.media import feat_file

PHOTOS = ["0-f1-su-ph.jpg", "0-f15-hao-ph.jpg", "15-f13-anc-ph.jpg", "45-m7-di-ph.jpg",
          "single_face.jpg"]


def _mesh(img):
    with FaceMeshDetector(static_images=True) as det:
        return det.process(img)


def _rgb_to_bgr(img):
    return cv2.cvtColor(np.ascontiguousarray(img), cv2.COLOR_RGB2BGR)


def _other_portraits():
    import matplotlib.cbook
    from skimage import data

    hopper = cv2.imread(str(matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)))
    return {"astronaut": _rgb_to_bgr(data.astronaut()), "grace_hopper": hopper}


@pytest.mark.parametrize("name", PHOTOS)
def test_478_landmarks_inside_the_photo(name):
    img = cv2.imread(str(feat_file(name)))
    obs = _mesh(img)
    assert obs.landmarks is not None and obs.landmarks.shape == (478, 3)
    h, w = img.shape[:2]
    assert (obs.landmarks[:, 0] > 0).all() and (obs.landmarks[:, 0] < w).all()
    assert (obs.landmarks[:, 1] > 0).all() and (obs.landmarks[:, 1] < h).all()
    assert obs.faces_in_view == 1


def test_other_real_portraits():
    for name, img in _other_portraits().items():
        obs = _mesh(img)
        assert obs.landmarks is not None, name
        _feats, usable = FrameFeatureExtractor().extract(obs.landmarks, 0.0)
        assert usable, name


def test_head_yaw_grows_with_the_posed_angle():
    yaws = []
    for name in ("0-f1-su-ph.jpg", "15-f13-anc-ph.jpg", "45-m7-di-ph.jpg"):
        lm = _mesh(cv2.imread(str(feat_file(name)))).landmarks
        feats, _ = FrameFeatureExtractor().extract(lm, 0)
        yaws.append(abs(feats[FEATURE_INDEX["head_yaw"]]))
    assert yaws[0] < 5 < yaws[1] < yaws[2]
    assert 8 < yaws[1] < 25 and 30 < yaws[2] < 60


def test_features_are_scale_free():
    img = cv2.imread(str(feat_file("single_face.jpg")))
    small = cv2.resize(img, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    a, _ = FrameFeatureExtractor().extract(_mesh(img).landmarks, 0)
    b, _ = FrameFeatureExtractor().extract(_mesh(small).landmarks, 0)
    for name in ("eye_openness", "mouth_open", "mouth_width", "brow_raise"):
        i = FEATURE_INDEX[name]
        assert abs(a[i] - b[i]) < 0.05 * max(abs(a[i]), 0.05), name


def test_surprise_opens_eyes_wider_than_happy():
    def feats(name):
        lm = _mesh(cv2.imread(str(feat_file(name)))).landmarks
        return FrameFeatureExtractor().extract(lm, 0)[0]

    su, ha = feats("0-f1-su-ph.jpg"), feats("0-f15-hao-ph.jpg")
    assert su[FEATURE_INDEX["eye_openness"]] > ha[FEATURE_INDEX["eye_openness"]]
    assert ha[FEATURE_INDEX["lip_corner_lift"]] > su[FEATURE_INDEX["lip_corner_lift"]]


def test_several_faces_the_largest_is_analysed_and_others_recorded():
    img = cv2.imread(str(feat_file("multi_face.jpg")))
    obs = _mesh(img)
    assert obs.faces_in_view >= 2
    assert obs.landmarks is not None
    # The analysed face is the largest one the detector saw.
    import mediapipe as mp

    with mp.solutions.face_detection.FaceDetection(model_selection=1) as fd:
        dets = fd.process(cv2.cvtColor(img, cv2.COLOR_BGR2RGB)).detections
    h, w = img.shape[:2]
    boxes = [d.location_data.relative_bounding_box for d in dets]
    big = max(boxes, key=lambda b: b.width * b.height)
    nose = obs.landmarks[1]
    assert big.xmin * w <= nose[0] <= (big.xmin + big.width) * w
    assert big.ymin * h <= nose[1] <= (big.ymin + big.height) * h


def test_no_face_gives_no_landmarks():
    from skimage import data

    obs = _mesh(_rgb_to_bgr(data.coffee()))
    assert obs.landmarks is None
    feats, usable = FrameFeatureExtractor().extract(obs.landmarks, 0)
    assert not usable and np.isnan(feats).all()
