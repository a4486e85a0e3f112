"""Per-frame facial features from a 478-point MediaPipe face mesh.

This module is the one place where every feature is defined. Each feature is
scale-free: distances are divided by the inter-ocular distance (IOD, outer eye
corner to outer eye corner, landmarks 33 and 263), angles are in degrees.

Landmarks arrive as an (N, 3) float array in pixels: x and y in image pixels,
z in the same scale as x (MediaPipe's z is relative to image width). The
subject's right eye is on the image's left (landmarks 33/133/159/145), the
subject's left eye on the image's right (263/362/386/374).

| name            | formula                                                                    |
|-----------------|----------------------------------------------------------------------------|
| eye_openness    | mean over both eyes of (|p160-p144| + |p158-p153|) / (2 |p33-p133|), and    |
|                 | (|p385-p380| + |p387-p373|) / (2 |p263-p362|): eye aspect ratio; ~0.3 open, |
|                 | < 0.15 closed. Blinks are counted per window from it (windows.py).        |
| brow_raise      | mean of |p105-p159| and |p334-p386| / IOD: brow above the upper eyelid     |
| brow_gap        | |p55-p285| / IOD: gap between the inner brows; smaller = furrowed          |
| mouth_open      | |p13-p14| / IOD: inner-lip gap                                             |
| lip_thickness   | (|p0-p13| + |p14-p17|) / IOD: visible red lip; smaller = lips pressed      |
| lip_corner_lift | ((y13+y14)/2 - (y61+y291)/2) / IOD in the face frame: corners above the    |
|                 | lip centre are positive (smile), below negative                            |
| mouth_width     | |p61-p291| / IOD                                                           |
| head_yaw        | degrees, rotation about the face's vertical axis; + = turned to image right|
| head_pitch      | degrees, about the face's horizontal axis; + = chin up                     |
| head_roll       | degrees, in-plane tilt of the eye line                                     |
| head_speed      | (|d yaw| + |d pitch| + |d roll|) / dt in degrees per second, plus nose-tip |
|                 | travel / IOD * 100 per second, between consecutive usable frames          |
| gaze_h          | iris centre (468, 473) offset from the eye-corner midpoint along the eye   |
|                 | line / eye width, mean of both eyes; + = towards image right               |
| gaze_v          | the same across the eye line; + = downwards in the face frame              |

The head frame: x axis from landmark 33 to 263 (3-D), y axis from the chin
(152) to the forehead (10) made orthogonal to x, z = x cross y. Yaw, pitch and
roll are read off that rotation matrix.

`usable` (the tracking-quality flag) is true when a face was found, the IOD is
at least MIN_IOD_PX pixels, |yaw| <= MAX_ABS_YAW_DEG, |pitch| <= MAX_ABS_PITCH_DEG
and every value is finite. Frames that are not usable still count as frames in
a window (for the usable share) but never feed its statistics.

`noise_floor` is the smallest spread per feature that the baseline
normalisation will divide by: measurement jitter of the mesh on a still face,
so that a very still baseline does not turn tiny changes into large z-scores.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MIN_IOD_PX = 20.0
MAX_ABS_YAW_DEG = 40.0
MAX_ABS_PITCH_DEG = 35.0
MESH_POINTS = 478


@dataclass(frozen=True)
class FeatureSpec:
    name: str
    unit: str
    noise_floor: float
    # Words for the explanation: what an increase and a decrease mean.
    more_en: str
    less_en: str
    more_id: str
    less_id: str


FEATURES: tuple[FeatureSpec, ...] = (
    FeatureSpec("eye_openness", "ratio", 0.01,
                "eyes opened wider", "eyes more closed",
                "mata terbuka lebih lebar", "mata lebih tertutup"),
    FeatureSpec("brow_raise", "IOD", 0.01,
                "brows raised more", "brows lowered more",
                "alis lebih terangkat", "alis lebih turun"),
    FeatureSpec("brow_gap", "IOD", 0.005,
                "brows drawn apart", "brows drawn together (frown)",
                "alis lebih renggang", "alis lebih berkerut"),
    FeatureSpec("mouth_open", "IOD", 0.01,
                "mouth opened more", "mouth opened less",
                "mulut lebih terbuka", "mulut lebih tertutup"),
    FeatureSpec("lip_thickness", "IOD", 0.005,
                "lips fuller (less pressed)", "lips pressed together more",
                "bibir lebih rileks", "bibir lebih dirapatkan"),
    FeatureSpec("lip_corner_lift", "IOD", 0.005,
                "lip corners raised more", "lip corners lowered more",
                "sudut bibir lebih terangkat", "sudut bibir lebih turun"),
    FeatureSpec("mouth_width", "IOD", 0.01,
                "mouth stretched wider", "mouth narrower",
                "mulut lebih melebar", "mulut lebih menyempit"),
    FeatureSpec("head_yaw", "deg", 1.0,
                "head turned more to the image right", "head turned more to the image left",
                "kepala lebih menoleh ke kanan gambar", "kepala lebih menoleh ke kiri gambar"),
    FeatureSpec("head_pitch", "deg", 1.0,
                "head tilted up more", "head tilted down more",
                "kepala lebih menengadah", "kepala lebih menunduk"),
    FeatureSpec("head_roll", "deg", 1.0,
                "head tilted more to one side", "head tilted more to the other side",
                "kepala lebih miring ke satu sisi", "kepala lebih miring ke sisi lain"),
    FeatureSpec("head_speed", "deg/s", 2.0,
                "head moved more", "head moved less",
                "kepala lebih banyak bergerak", "kepala lebih diam"),
    FeatureSpec("gaze_h", "eye width", 0.01,
                "gaze more to the image right", "gaze more to the image left",
                "pandangan lebih ke kanan gambar", "pandangan lebih ke kiri gambar"),
    FeatureSpec("gaze_v", "eye width", 0.01,
                "gaze lower", "gaze higher",
                "pandangan lebih ke bawah", "pandangan lebih ke atas"),
)
FEATURE_NAMES: tuple[str, ...] = tuple(f.name for f in FEATURES)
FEATURE_INDEX: dict[str, int] = {n: i for i, n in enumerate(FEATURE_NAMES)}
N_FEATURES = len(FEATURES)

# Landmark indices.
R_OUT, R_IN, L_OUT, L_IN = 33, 133, 263, 362
R_VERT = ((160, 144), (158, 153))
L_VERT = ((385, 380), (387, 373))
R_BROW, L_BROW = 105, 334
R_LID_TOP, L_LID_TOP = 159, 386
R_BROW_INNER, L_BROW_INNER = 55, 285
LIP_IN_TOP, LIP_IN_BOT, LIP_OUT_TOP, LIP_OUT_BOT = 13, 14, 0, 17
MOUTH_R, MOUTH_L = 61, 291
CHIN, FOREHEAD, NOSE_TIP = 152, 10, 1
R_IRIS, L_IRIS = 468, 473


@dataclass(frozen=True)
class HeadPose:
    yaw: float
    pitch: float
    roll: float


def _dist(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b))


def head_rotation(pts: np.ndarray) -> np.ndarray:
    """Rows are the face's x (eye line), y (chin to forehead) and z axes in camera space."""
    x = pts[L_OUT] - pts[R_OUT]
    x = x / np.linalg.norm(x)
    up = pts[FOREHEAD] - pts[CHIN]
    # Image y grows downwards; flip so that "up" in the face frame is +y.
    up = up * np.array([1.0, -1.0, -1.0])
    x_flipped = x * np.array([1.0, -1.0, -1.0])
    y = up - np.dot(up, x_flipped) * x_flipped
    y = y / np.linalg.norm(y)
    z = np.cross(x_flipped, y)
    return np.stack([x_flipped, y, z])


def head_pose(rot: np.ndarray) -> HeadPose:
    x_axis, _y_axis, z_axis = rot
    # With image y and z flipped the frame is right-handed and z points from the face
    # towards the camera, (0, 0, 1) for a frontal face.
    yaw = math.degrees(math.atan2(z_axis[0], z_axis[2]))
    pitch = math.degrees(math.atan2(z_axis[1], math.hypot(z_axis[0], z_axis[2])))
    roll = math.degrees(math.atan2(x_axis[1], x_axis[0]))
    return HeadPose(yaw=yaw, pitch=pitch, roll=roll)


def _eye_ratio(pts: np.ndarray, outer: int, inner: int,
               pairs: tuple[tuple[int, int], ...]) -> float:
    width = _dist(pts[outer, :2], pts[inner, :2])
    vertical = sum(_dist(pts[a, :2], pts[b, :2]) for a, b in pairs) / len(pairs)
    return vertical / width if width > 0 else float("nan")


def _gaze(pts: np.ndarray, outer: int, inner: int, iris: int,
          ex: np.ndarray, ey: np.ndarray) -> tuple[float, float]:
    mid = (pts[outer, :2] + pts[inner, :2]) / 2.0
    width = _dist(pts[outer, :2], pts[inner, :2])
    off = pts[iris, :2] - mid
    return float(np.dot(off, ex) / width), float(np.dot(off, ey) / width)


@dataclass
class FrameFeatureExtractor:
    """Turns landmarks into one feature vector per frame; keeps the previous pose for speed."""

    _prev_t: float | None = None
    _prev_pose: HeadPose | None = None
    _prev_nose: np.ndarray | None = None

    def reset(self) -> None:
        self._prev_t = self._prev_pose = self._prev_nose = None

    def extract(self, pts: np.ndarray | None, t: float) -> tuple[np.ndarray, bool]:
        """Return (features, usable). Features are NaN where no face was found."""
        out = np.full(N_FEATURES, np.nan)
        if pts is None or pts.shape[0] < MESH_POINTS:
            self.reset()
            return out, False
        pts = np.asarray(pts, dtype=np.float64)
        iod = _dist(pts[R_OUT, :2], pts[L_OUT, :2])
        if not np.isfinite(iod) or iod < 1e-6:
            self.reset()
            return out, False
        rot = head_rotation(pts)
        pose = head_pose(rot)
        # In-plane unit vectors along and across the eye line (image coordinates).
        ex = (pts[L_OUT, :2] - pts[R_OUT, :2]) / iod
        ey = np.array([-ex[1], ex[0]])  # points down the face for an upright head

        def across(a: np.ndarray) -> float:
            return float(np.dot(a[:2], ey))

        out[0] = (_eye_ratio(pts, R_OUT, R_IN, R_VERT) + _eye_ratio(pts, L_OUT, L_IN, L_VERT)) / 2
        out[1] = (_dist(pts[R_BROW, :2], pts[R_LID_TOP, :2])
                  + _dist(pts[L_BROW, :2], pts[L_LID_TOP, :2])) / (2 * iod)
        out[2] = _dist(pts[R_BROW_INNER, :2], pts[L_BROW_INNER, :2]) / iod
        out[3] = _dist(pts[LIP_IN_TOP, :2], pts[LIP_IN_BOT, :2]) / iod
        out[4] = (_dist(pts[LIP_OUT_TOP, :2], pts[LIP_IN_TOP, :2])
                  + _dist(pts[LIP_IN_BOT, :2], pts[LIP_OUT_BOT, :2])) / iod
        lip_mid = (pts[LIP_IN_TOP] + pts[LIP_IN_BOT]) / 2
        corners = (pts[MOUTH_R] + pts[MOUTH_L]) / 2
        out[5] = across(lip_mid - corners) / iod
        out[6] = _dist(pts[MOUTH_R, :2], pts[MOUTH_L, :2]) / iod
        out[7], out[8], out[9] = pose.yaw, pose.pitch, pose.roll
        nose = pts[NOSE_TIP, :2] / iod
        if self._prev_pose is not None and self._prev_t is not None and t > self._prev_t:
            dt = t - self._prev_t
            turn = (abs(pose.yaw - self._prev_pose.yaw) + abs(pose.pitch - self._prev_pose.pitch)
                    + abs(pose.roll - self._prev_pose.roll))
            travel = float(np.linalg.norm(nose - self._prev_nose)) * 100.0
            out[10] = (turn + travel) / dt
        else:
            out[10] = 0.0
        gh_r, gv_r = _gaze(pts, R_OUT, R_IN, R_IRIS, ex, ey)
        gh_l, gv_l = _gaze(pts, L_OUT, L_IN, L_IRIS, ex, ey)
        out[11] = (gh_r + gh_l) / 2
        out[12] = (gv_r + gv_l) / 2
        usable = bool(
            iod >= MIN_IOD_PX
            and abs(pose.yaw) <= MAX_ABS_YAW_DEG
            and abs(pose.pitch) <= MAX_ABS_PITCH_DEG
            and np.all(np.isfinite(out))
        )
        self._prev_t, self._prev_pose, self._prev_nose = t, pose, nose
        return out, usable
