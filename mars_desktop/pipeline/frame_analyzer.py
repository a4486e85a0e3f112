"""One frame in, one feature vector out: rate gate, tracker segments, face mesh, features."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from ..adapters.face_mesh import FaceMeshDetector
from ..core.features import FrameFeatureExtractor
from ..core.model_config import ModelConfig


@dataclass(frozen=True)
class FrameResult:
    t: float
    features: np.ndarray
    usable: bool
    faces_in_view: int
    landmarks: np.ndarray | None  # dropped (None) where only the features are kept
    face: bool  # a face was found in this frame, kept when the landmarks are dropped

    def without_landmarks(self) -> FrameResult:
        return replace(self, landmarks=None)


class FrameAnalyzer:
    """Not thread-safe; one per analysis thread.

    Frames are kept at most one per analysis slot (slot = floor(t * analysis_fps)),
    and the tracker restarts at every multiple of tracker_segment_s. Both depend only
    on media time, so a file cut at segment boundaries and analysed in parallel gives
    exactly what one sequential pass gives.
    """

    def __init__(self, config: ModelConfig):
        lm = config.landmarks
        self.analysis_fps = lm.analysis_fps
        self.segment_s = lm.tracker_segment_s
        self.detector = FaceMeshDetector(detect_every_s=lm.detect_every_s)
        self.extractor = FrameFeatureExtractor()
        self._slot: int | None = None
        self._segment: int | None = None

    def close(self) -> None:
        self.detector.close()

    def restart(self) -> None:
        """Ready for a new interview, as a fresh analyzer would be, without rebuilding the
        MediaPipe graphs (a warm analyzer is reused from one applicant to the next)."""
        self.detector.reset()
        self.extractor.reset()
        self._slot = self._segment = None

    def warm_up(self) -> None:
        """Run the graphs once so their models are loaded before the first real frame."""
        self.detector.process(np.zeros((240, 320, 3), np.uint8), 0.0)
        self.restart()

    def wants(self, t: float) -> bool:
        """Whether a frame at media time t would be analysed (cheap; no decoding needed)."""
        segment = math.floor(t / self.segment_s)
        if segment != self._segment:
            return True
        return math.floor(t * self.analysis_fps) != self._slot

    def process(self, image: np.ndarray, t: float) -> FrameResult | None:
        segment = math.floor(t / self.segment_s)
        if segment != self._segment:
            if self._segment is not None:  # a new detector has nothing to forget
                self.detector.reset()
                self.extractor.reset()
            self._segment = segment
            self._slot = None
        slot = math.floor(t * self.analysis_fps)
        if slot == self._slot:
            return None
        self._slot = slot
        obs = self.detector.process(image, t)
        feats, usable = self.extractor.extract(obs.landmarks, t)
        return FrameResult(t, feats, usable, obs.faces_in_view, obs.landmarks,
                           obs.landmarks is not None)
