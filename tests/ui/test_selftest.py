"""`mars gui --selftest` as support staff run it: the real window, a 640x480 30 fps camera."""

from __future__ import annotations

import json
import os
from pathlib import Path

import cv2

from tests.conftest import run_mars
from tests.support.media import feat_file


def _camera_video(path: Path) -> Path:
    """A real face at 640x480, 30 fps (the workstation's camera format)."""
    cap = cv2.VideoCapture(str(feat_file("WolfgangLanger_Pexels.mp4")))
    out = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), 30.0, (640, 480))
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        out.write(cv2.resize(frame, (640, 480)))
    out.release()
    return path


def test_selftest_runs_a_whole_interview_and_reports(tmp_path):
    video = _camera_video(tmp_path / "cam.mp4")
    r = run_mars("gui", "--source", str(video), "--selftest", "30", "--out",
                 str(tmp_path / "stats.json"), "--screenshot", str(tmp_path / "shot.png"),
                 env={"QT_QPA_PLATFORM": "offscreen"}, timeout=180)
    assert r.returncode == 0, r.stderr[-2000:]
    stats = json.loads((tmp_path / "stats.json").read_text())
    assert set(stats) >= {"frames_captured", "frames_displayed", "frames_dropped",
                          "latency_ms_p95", "gui_stall_ms_max", "questions_scored"}
    assert stats["frames_displayed"] > 0.8 * stats["frames_captured"] > 0
    assert stats["questions_scored"] >= 1
    assert stats["latency_ms_p95"] >= 0 and stats["gui_stall_ms_max"] >= 0
    # The camera is on screen before MediaPipe is imported and warmed (the cold start).
    assert stats["first_frame_epoch"] < stats["analysis_ready_epoch"]
    shot = cv2.imread(str(tmp_path / "shot.png"))
    assert shot is not None and shot.shape[0] > 300 and shot.std() > 10
    log = (Path(os.environ["MARS_LOG_DIR"]) / "mars.log").read_text()
    assert "Traceback" not in log and "CRITICAL" not in log
    # The self-test used a store of its own: nothing was recorded in the workstation's.
    listed = run_mars("sessions", "list", "--json")
    assert json.loads(listed.stdout) == []


def test_high_dpi_and_larger_font(tmp_path):
    """At a 1.5 device pixel ratio and 1.25x text the window still runs and renders."""
    video = _camera_video(tmp_path / "cam.mp4")
    r = run_mars("gui", "--source", str(video), "--selftest", "8", "--font-scale", "1.25",
                 "--out", str(tmp_path / "s.json"), "--screenshot", str(tmp_path / "hi.png"),
                 env={"QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "1.5"}, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    shot = cv2.imread(str(tmp_path / "hi.png"))
    assert shot.shape[1] >= 1.4 * 1400  # the window is 1400 logical pixels wide
    assert json.loads((tmp_path / "s.json").read_text())["frames_displayed"] > 0
