"""`mars analyze --store`: a recorded interview analysed into a stored session.

With `realtime` the file is paced like a camera and every window is queued for
the store as it completes (committed within about a second), exactly as the
workstation records a live interview; otherwise the finished analysis is
written at the end. Either way the session is left open, waiting for the
officer's decision.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..adapters.store import Store, StoreError
from ..core.marks import QuestionMark
from ..core.model_config import ModelConfig
from .marked_feed import MarkedFeed
from .offline import AnalysisRun, VideoInfo, analyse_video
from .result_json import analysis_dict
from .session_recorder import SessionRecorder


def model_record(config: ModelConfig) -> dict[str, Any]:
    return {**config.to_dict(), "digest": config.digest()}


def analyse_into_store(store: Store, path: Path, marks: list[QuestionMark],
                       config: ModelConfig, *, realtime: bool, applicant: dict[str, Any],
                       info: dict[str, Any], consent: bool = True, video: VideoInfo | None = None,
                       workers: int | None = None,
                       progress: Callable[[float], None] | None = None,
                       on_session: Callable[[str], None] | None = None,
                       ) -> tuple[str, AnalysisRun]:
    sid = store.create_session(applicant, model=model_record(config),
                               info={"source": str(path), **info}, consent=consent,
                               recording=True)
    if on_session:
        on_session(sid)
    try:
        if realtime:
            from .live_run import analyse_live

            recorder: list[SessionRecorder] = []

            def opened(feed: MarkedFeed) -> None:
                store.set_media_start(sid, time.time())
                recorder.append(SessionRecorder(store, sid, feed.interview))

            run = analyse_live(path, marks, config, progress=progress, on_open=opened,
                               on_frame=lambda _res, events: recorder[0].sync(events),
                               on_finish=lambda _feed, events: recorder[0].sync(events))
        else:
            run = analyse_video(path, marks, config, video=video, workers=workers,
                                progress=progress)
            SessionRecorder(store, sid, run.interview).sync()
    except BaseException as exc:
        with contextlib.suppress(StoreError):  # the store may be what failed
            store.end_recording(sid, {"error": str(exc)})
        raise
    summary = {k: v for k, v in analysis_dict(run).items()
               if k in ("video", "duration_s", "fps", "frames", "frames_with_face",
                        "others_in_view")}
    store.end_recording(sid, summary)
    return sid, run
