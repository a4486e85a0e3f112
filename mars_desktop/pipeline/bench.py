"""`mars bench`: bare MediaPipe face mesh against the full per-frame pipeline, same frames.

Both run in this process on the same decoded frames, alternating which goes first so that
neither gets the warmer cache. Then a full `analyze` of the same video is timed for the
realtime factor (video duration / wall time, measured in-process after imports).
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path
from typing import Any

import numpy as np

from ..adapters.face_mesh import FaceMeshDetector
from ..adapters.sources.file_source import FileSource
from ..core.interview import InterviewAnalysis
from ..core.marks import QuestionMark
from ..core.model_config import ModelConfig
from .frame_analyzer import FrameAnalyzer
from .offline import analyse_video, default_workers, probe_video


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return float("nan")


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if os.uname().sysname == "Linux" else peak / 2**20


def bench_marks(duration_s: float) -> list[QuestionMark]:
    """Two calm questions over the first 40 %, then answers of about five seconds."""
    cut = duration_s * 0.4
    marks = [QuestionMark("b1", "baseline 1", 0.0, cut / 2, True),
             QuestionMark("b2", "baseline 2", cut / 2, cut, True)]
    t, n = cut, 1
    while t < duration_s - 1.0:
        end = min(duration_s, t + 5.0)
        marks.append(QuestionMark(f"q{n}", f"question {n}", t, end, False))
        t, n = end, n + 1
    return marks


def run_bench(video_path: Path, config: ModelConfig, *, max_frames: int = 0) -> dict[str, Any]:
    info = probe_video(video_path)
    marks = bench_marks(info.duration_s)
    bare = FaceMeshDetector(detect_every_s=config.landmarks.detect_every_s)
    pipeline = FrameAnalyzer(config)
    interview = InterviewAnalysis(config)
    pending = list(marks)
    bare_ms: list[float] = []
    pipe_ms: list[float] = []
    rss_mid = float("nan")
    src = FileSource(video_path)
    src.open()
    try:
        for frame in src:
            if not pipeline.wants(frame.t):
                continue
            while pending and pending[0].start_s <= frame.t:
                m = pending.pop(0)
                interview.begin_question(m.question_id, m.text, m.start_s, m.baseline)
            order = (0, 1) if len(bare_ms) % 2 == 0 else (1, 0)
            for which in order:
                t0 = time.perf_counter()
                if which == 0:
                    bare.bare_process(frame.image)
                    bare_ms.append((time.perf_counter() - t0) * 1000)
                else:
                    res = pipeline.process(frame.image, frame.t)
                    if res is not None:
                        interview.add_frame(res.t, res.features, res.usable, res.faces_in_view)
                    pipe_ms.append((time.perf_counter() - t0) * 1000)
            if len(bare_ms) == int(info.duration_s * config.landmarks.analysis_fps / 2):
                rss_mid = _rss_mb()
            if max_frames and len(bare_ms) >= max_frames:
                break
    finally:
        src.close()
        bare.close()
        pipeline.close()
    rss_end = _rss_mb()
    workers = default_workers()
    t0 = time.perf_counter()
    analyse_video(video_path, marks, config, video=info, workers=workers)
    wall = time.perf_counter() - t0
    bare_med = float(np.median(bare_ms))
    pipe_med = float(np.median(pipe_ms))
    return {
        "frames": len(bare_ms),
        "bare_ms_median": round(bare_med, 3),
        "pipeline_ms_median": round(pipe_med, 3),
        "pipeline_ms_p95": round(float(np.percentile(pipe_ms, 95)), 3),
        "overhead_ratio": round(pipe_med / bare_med, 3),
        "realtime_factor": round(info.duration_s / wall, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        # Extra figures: the context of the ones above.
        "video": str(video_path),
        "video_duration_s": round(info.duration_s, 3),
        "video_size": [info.width, info.height],
        "analysis_fps": config.landmarks.analysis_fps,
        "analyze_wall_s": round(wall, 3),
        "analyze_workers": workers,
        "rss_mid_mb": round(rss_mid, 1),
        "rss_end_mb": round(rss_end, 1),
        "cpu_count": os.cpu_count(),
    }
