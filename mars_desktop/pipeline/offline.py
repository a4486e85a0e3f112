"""`mars analyze`: a video file with question marks, analysed headless.

The file is cut at the tracker-segment boundaries of the model (10 s by
default) and the pieces are analysed on worker threads, each with its own
decoder and face mesh (both release the GIL). The per-frame features are put
back in time order and streamed through the same `InterviewAnalysis` the
workstation uses. The result does not depend on the number of workers.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..adapters.sources import EndOfStream, SourceError
from ..adapters.sources.file_source import FileSource
from ..core.interview import InterviewAnalysis
from ..core.marks import QuestionMark
from ..core.model_config import ModelConfig
from .frame_analyzer import FrameAnalyzer, FrameResult

Progress = Callable[[float], None]


class NoFaceError(RuntimeError):
    pass


@dataclass
class VideoInfo:
    path: Path
    fps: float
    frame_count: int
    duration_s: float
    width: int
    height: int


@dataclass
class AnalysisRun:
    video: VideoInfo
    frames: int  # frames analysed (after the analysis-rate gate)
    frames_with_face: int
    max_faces_in_view: int
    interview: InterviewAnalysis


def probe_video(path: Path) -> VideoInfo:
    src = FileSource(path)
    src.open()
    try:
        return VideoInfo(Path(path), src.fps, src.frame_count, src.duration_s, *src.size)
    finally:
        src.close()


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def pieces_of(video: VideoInfo, config: ModelConfig) -> list[tuple[int, int | None]]:
    """Frame ranges, one per tracker segment, cut exactly where FrameAnalyzer restarts."""
    seg = config.landmarks.tracker_segment_s
    starts = [0]
    for index in range(1, video.frame_count):
        if math.floor(index / video.fps / seg) != math.floor((index - 1) / video.fps / seg):
            starts.append(index)
    ends: list[int | None] = [*starts[1:], None]  # the last piece reads to the real end
    return list(zip(starts, ends, strict=True))


def _analyse_piece(path: Path, config: ModelConfig, first: int, last: int | None,
                   done: list[int], lock: threading.Lock) -> list[FrameResult]:
    analyzer = FrameAnalyzer(config)
    src = FileSource(path, start_frame=first)
    out: list[FrameResult] = []
    try:
        src.open()
        index = first
        while last is None or index < last:
            index += 1
            if not analyzer.wants(src.next_t):
                if not src.skip():
                    break
                with lock:
                    done[0] += 1
                continue
            try:
                frame = src.read()
            except EndOfStream:
                break
            res = analyzer.process(frame.image, frame.t)
            if res is not None:
                out.append(res)
            with lock:
                done[0] += 1
    finally:
        src.close()
        analyzer.close()
    return out


def analyse_frames(video: VideoInfo, config: ModelConfig, *, workers: int | None = None,
                   progress: Progress | None = None) -> list[FrameResult]:
    pieces = pieces_of(video, config)
    done, lock = [0], threading.Lock()
    results: list[FrameResult] = []
    with ThreadPoolExecutor(max_workers=workers or default_workers(),
                            thread_name_prefix="analyse") as pool:
        futures = [pool.submit(_analyse_piece, video.path, config, a, b, done, lock)
                   for a, b in pieces]
        if progress:
            for fut in futures:
                while True:
                    try:
                        fut.result(timeout=0.2)
                        break
                    except TimeoutError:
                        progress(min(1.0, done[0] / max(1, video.frame_count)))
        for fut in futures:
            results.extend(fut.result())
    if progress:
        progress(1.0)
    return results


def run_interview(results: list[FrameResult], marks: list[QuestionMark], end_s: float,
                  config: ModelConfig) -> InterviewAnalysis:
    interview = InterviewAnalysis(config)
    i = 0
    for mark in marks:
        while i < len(results) and results[i].t < mark.start_s:
            r = results[i]
            interview.add_frame(r.t, r.features, r.usable, r.faces_in_view)
            i += 1
        interview.begin_question(mark.question_id, mark.text, mark.start_s, mark.baseline)
    for r in results[i:]:
        interview.add_frame(r.t, r.features, r.usable, r.faces_in_view)
    interview.end(end_s)
    return interview


def analyse_video(path: Path, marks: list[QuestionMark], config: ModelConfig, *,
                  video: VideoInfo | None = None, workers: int | None = None,
                  progress: Progress | None = None) -> AnalysisRun:
    video = video or probe_video(path)
    results = analyse_frames(video, config, workers=workers, progress=progress)
    with_face = sum(r.landmarks is not None for r in results)
    if not results:
        raise SourceError(f"{path} has no readable video frames")
    if with_face == 0:
        raise NoFaceError(f"no face found in {path} ({len(results)} frames analysed)")
    end_s = max(video.duration_s, results[-1].t + 1.0 / video.fps)
    interview = run_interview(results, marks, end_s, config)
    return AnalysisRun(video, len(results), with_face,
                       max((r.faces_in_view for r in results), default=0), interview)

