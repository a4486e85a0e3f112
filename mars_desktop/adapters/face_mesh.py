"""MediaPipe face mesh (478 landmarks with iris) and a periodic face count.

The mesh runs with max_num_faces=1: asking for more makes MediaPipe run its
face detector on every frame that has fewer faces than the maximum, which
costs 60-70 % more per frame. Instead a face detector (full-range model) runs
every `detect_every_s` seconds of media time to count the faces in view. When
it sees more than one, the mesh runs on a crop around the largest face so that
the applicant, nearest the camera, is the one analysed, and the observation
records that others were present.

Everything runs from the model files inside the mediapipe wheel; nothing is
downloaded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FaceObservation:
    landmarks: np.ndarray | None  # (478, 3) in pixels (x, y, z*width), or None
    faces_in_view: int  # from the last face count; 0 when unknown or none


# A NormalizedLandmarkList serialises each point as a 17-byte record when x, y and z are
# set and nothing else is: reading that with numpy is 20x faster than walking the protobuf
# objects in Python, and frees the GIL for the other analysis threads.
_RECORD = np.dtype([("tag", "u1"), ("len", "u1"), ("tx", "u1"), ("x", "<f4"),
                    ("ty", "u1"), ("y", "<f4"), ("tz", "u1"), ("z", "<f4")])


def landmarks_array(landmark_list) -> np.ndarray:
    """(N, 3) float64 array of a NormalizedLandmarkList's normalised x, y, z."""
    blob = landmark_list.SerializeToString()
    if len(blob) % _RECORD.itemsize == 0:
        rec = np.frombuffer(blob, dtype=_RECORD)
        if (np.all(rec["tag"] == 0x0A) and np.all(rec["len"] == 15) and np.all(rec["tx"] == 0x0D)
                and np.all(rec["ty"] == 0x15) and np.all(rec["tz"] == 0x1D)):
            return np.stack([rec["x"], rec["y"], rec["z"]], axis=1).astype(np.float64)
    return np.array([(p.x, p.y, p.z) for p in landmark_list.landmark], dtype=np.float64)


def _mediapipe():
    import mediapipe as mp  # imported lazily: it takes about a second

    return mp


class FaceMeshDetector:
    """Not thread-safe: one instance per analysis thread."""

    def __init__(self, *, static_images: bool = False, detect_every_s: float = 2.0,
                 min_detection_confidence: float = 0.5, min_tracking_confidence: float = 0.5):
        mp = _mediapipe()
        self._static = static_images
        self._detect_every_s = detect_every_s
        opts = dict(static_image_mode=static_images, max_num_faces=1, refine_landmarks=True,
                    min_detection_confidence=min_detection_confidence,
                    min_tracking_confidence=min_tracking_confidence)
        self._mesh_options = opts
        self._mesh = mp.solutions.face_mesh.FaceMesh(**opts)
        self._crop_mesh = None  # made when a second face first shows up
        self._counter = mp.solutions.face_detection.FaceDetection(
            model_selection=1, min_detection_confidence=0.5)
        self._next_count_t: float | None = None
        self._faces = 0
        self._largest: tuple[int, int, int, int] | None = None  # x0, y0, x1, y1 of the crop

    def reset(self) -> None:
        """Forget the tracked face: the next frame starts from detection, as a new run would."""
        self._mesh.reset()
        if self._crop_mesh is not None:
            self._crop_mesh.reset()
        self._next_count_t = None
        self._faces = 0
        self._largest = None

    def close(self) -> None:
        self._mesh.close()
        if self._crop_mesh is not None:
            self._crop_mesh.close()
        self._counter.close()

    def __enter__(self) -> FaceMeshDetector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def bare_process(self, bgr: np.ndarray):
        """The mesh alone on a full frame: the baseline `mars bench` compares against."""
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        return self._mesh.process(rgb)

    def process(self, bgr: np.ndarray, t: float = 0.0) -> FaceObservation:
        h, w = bgr.shape[:2]
        rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
        rgb.flags.writeable = False
        if self._static or self._next_count_t is None or t >= self._next_count_t:
            self._count_faces(rgb)
            self._next_count_t = t + self._detect_every_s
        if self._faces > 1 and self._largest is not None:
            x0, y0, x1, y1 = self._largest
            crop = np.ascontiguousarray(rgb[y0:y1, x0:x1])
            if self._crop_mesh is None:
                self._crop_mesh = _mediapipe().solutions.face_mesh.FaceMesh(**self._mesh_options)
            res = self._crop_mesh.process(crop)
            pts = self._to_pixels(res, x1 - x0, y1 - y0)
            if pts is not None:
                pts[:, 0] += x0
                pts[:, 1] += y0
        else:
            res = self._mesh.process(rgb)
            pts = self._to_pixels(res, w, h)
        return FaceObservation(landmarks=pts, faces_in_view=max(self._faces, int(pts is not None)))

    def _count_faces(self, rgb: np.ndarray) -> None:
        h, w = rgb.shape[:2]
        res = self._counter.process(rgb)
        dets = res.detections or []
        self._faces = len(dets)
        self._largest = None
        if len(dets) > 1:
            boxes = [d.location_data.relative_bounding_box for d in dets]
            big = max(boxes, key=lambda b: b.width * b.height)
            cx, cy = (big.xmin + big.width / 2) * w, (big.ymin + big.height / 2) * h
            half = max(big.width * w, big.height * h)  # crop twice the face box
            x0, y0 = int(max(0, cx - half)), int(max(0, cy - half))
            x1, y1 = int(min(w, cx + half)), int(min(h, cy + half))
            if x1 - x0 > 16 and y1 - y0 > 16:
                self._largest = (x0, y0, x1, y1)

    @staticmethod
    def _to_pixels(res, w: int, h: int) -> np.ndarray | None:
        faces = res.multi_face_landmarks
        if not faces:
            return None
        pts = landmarks_array(faces[0])
        pts[:, 0] *= w
        pts[:, 1] *= h
        pts[:, 2] *= w
        return pts
