"""`mars analyze`: a video file with question marks, analysed headless.

The file is cut at the tracker-segment boundaries of the model (10 s by
default) and the pieces are analysed on worker threads, each with its own
decoder and face mesh (both release the GIL). The per-frame features are put
back in time order and streamed through the same `InterviewAnalysis` the
workstation uses. The result does not depend on the number of workers.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..adapters.sources import EndOfStream, SourceError
from ..adapters.sources.file_source import FileSource
from ..core.interview import InterviewAnalysis
from ..core.marks import QuestionMark
from ..core.model_config import ModelConfig
from .frame_analyzer import FrameAnalyzer, FrameResult
from .marked_feed import MarkedFeed

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


def _pinning_initializer() -> Callable[[], None] | None:
    """Pin each worker thread (and the MediaPipe graph threads it starts) to one core.

    A MediaPipe graph hands each frame between its own threads; left free they hop
    between cores and the mesh costs about 10.5 ms per frame instead of 7.5-8.5 ms
    (measured on the 2-core workstation). Threads inherit the affinity of the thread
    that creates them, so pinning the worker before it builds its FrameAnalyzer pins
    the whole graph. Where affinity cannot be set (Windows, macOS) nothing is pinned.
    """
    if not hasattr(os, "sched_setaffinity"):
        return None
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        return None
    turn = itertools.count()

    def pin() -> None:
        with contextlib.suppress(OSError):  # a cgroup change since: run unpinned
            os.sched_setaffinity(0, {cores[next(turn) % len(cores)]})

    return pin


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
                out.append(res.without_landmarks())  # 11 KB a frame adds up over an hour
            with lock:
                done[0] += 1
    finally:
        src.close()
        analyzer.close()
    return out


def _piece_results(video: VideoInfo, config: ModelConfig, workers: int | None,
                   progress: Progress | None) -> Iterator[list[FrameResult]]:
    """Each piece's frames, in media-time order, as soon as that piece is done."""
    pieces = pieces_of(video, config)
    done, lock = [0], threading.Lock()
    with ThreadPoolExecutor(max_workers=workers or default_workers(),
                            thread_name_prefix="analyse",
                            initializer=_pinning_initializer()) as pool:
        futures = [pool.submit(_analyse_piece, video.path, config, a, b, done, lock)
                   for a, b in pieces]
        try:
            for fut in futures:
                while progress:
                    try:
                        fut.result(timeout=0.2)
                        break
                    except TimeoutError:
                        progress(min(1.0, done[0] / max(1, video.frame_count)))
                yield fut.result()
        finally:
            for fut in futures:
                fut.cancel()
    if progress:
        progress(1.0)


def analyse_frames(video: VideoInfo, config: ModelConfig, *, workers: int | None = None,
                   progress: Progress | None = None) -> list[FrameResult]:
    return [r for piece in _piece_results(video, config, workers, progress) for r in piece]


def run_interview(results: list[FrameResult], marks: list[QuestionMark], end_s: float,
                  config: ModelConfig) -> InterviewAnalysis:
    feed = MarkedFeed(config, marks)
    for r in results:
        feed.add(r)
    feed.finish(end_s)
    return feed.interview


def analyse_video(path: Path, marks: list[QuestionMark], config: ModelConfig, *,
                  video: VideoInfo | None = None, workers: int | None = None,
                  progress: Progress | None = None) -> AnalysisRun:
    """Pieces are fed to the interview as they finish, while later pieces still run."""
    video = video or probe_video(path)
    feed = MarkedFeed(config, marks)
    for piece in _piece_results(video, config, workers, progress):
        for r in piece:
            feed.add(r)
    if feed.frames == 0 or feed.last_t is None:
        raise SourceError(f"{path} has no readable video frames")
    if feed.with_face == 0:
        raise NoFaceError(f"no face found in {path} ({feed.frames} frames analysed)")
    feed.finish(max(video.duration_s, feed.last_t + 1.0 / video.fps))
    return AnalysisRun(video, feed.frames, feed.with_face, feed.max_faces, feed.interview)
