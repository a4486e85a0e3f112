"""The store through the real `mars` command: analyze --store, sessions, paths, kill -9."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mars_desktop.adapters.store import Store, StoreLocation
from mars_desktop.pipeline.session_view import session_dict
from tests.conftest import ROOT, run_mars
from tests.support.media import feat_file

MARKS = ("start_s,question_id,text,baseline\n"
         "0,b1,Nama,1\n4,b2,Alamat,1\n8,q1,Tujuan,0\n10,q2,Pekerjaan,0\n")


@pytest.fixture
def marks(tmp_path):
    p = tmp_path / "marks.csv"
    p.write_text(MARKS)
    return p


def _location() -> StoreLocation:
    return StoreLocation.in_dirs(Path(os.environ["MARS_DATA_DIR"]),
                                 Path(os.environ["MARS_CONFIG_DIR"]))


def test_paths_json_follows_mars_data_dir(tmp_path):
    r = run_mars("paths", "--json", env={"MARS_DATA_DIR": str(tmp_path / "elsewhere")})
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["data_dir"] == str(tmp_path / "elsewhere")
    assert doc["database"] == str(tmp_path / "elsewhere" / "mars.db")
    assert doc["log_dir"] == os.environ["MARS_LOG_DIR"]


def test_analyze_store_then_list_show_finalise(tmp_path, marks):
    applicant = tmp_path / "applicant.json"
    applicant.write_text(json.dumps({"full_name": "Dewi O'Neil; DROP TABLE x", "nik":
                                     "3201014101900001"}), encoding="utf-8")
    video = str(feat_file("WolfgangLanger_Pexels.mp4"))
    r = run_mars("analyze", video, "--marks", str(marks), "--out", str(tmp_path / "o.json"),
                 "--store", "--applicant", str(applicant), "--officer", "budi")
    assert r.returncode == 0, r.stderr
    sid = r.stdout.strip().splitlines()[-1]
    analysed = json.loads((tmp_path / "o.json").read_text())

    listed = json.loads(run_mars("sessions", "list", "--json").stdout)
    assert [s["id"] for s in listed] == [sid]
    assert listed[0]["applicant_name"] == "Dewi O'Neil; DROP TABLE x"
    assert listed[0]["state"] == "open"

    shown = json.loads(run_mars("sessions", "show", sid, "--json").stdout)
    assert shown["state"] == "open"
    assert shown["recorded_until_s"] == pytest.approx(analysed["duration_s"], abs=1.0)
    assert shown["questions"] == analysed["questions"]  # the same shape and the same numbers
    assert shown["threshold"] == analysed["threshold"]

    bad = run_mars("sessions", "finalise", sid, "--decision", "proceed", "--reason", " ")
    assert bad.returncode == 2 and "reason" in bad.stderr
    ok = run_mars("sessions", "finalise", sid, "--decision", "refer", "--reason",
                  "Tujuan kerja tanpa rekomendasi", "--officer", "budi")
    assert ok.returncode == 0, ok.stderr
    shown = json.loads(run_mars("sessions", "show", sid, "--json").stdout)
    assert shown["state"] == "finalised" and shown["decision"]["decision"] == "refer"

    dry = run_mars("sessions", "purge", "--days", "0", "--dry-run", "--json")
    assert json.loads(dry.stdout)["sessions"] == []  # finalised but not uploaded: kept


def test_refused_applicant_stores_nothing(tmp_path, marks):
    applicant = tmp_path / "applicant.json"
    applicant.write_text(json.dumps({"full_name": "A\u0000B"}))
    r = run_mars("analyze", str(feat_file("WolfgangLanger_Pexels.mp4")), "--marks",
                 str(marks), "--store", "--applicant", str(applicant))
    assert r.returncode == 2
    assert "full_name" in r.stderr and "NUL" in r.stderr and "Traceback" not in r.stderr
    assert json.loads(run_mars("sessions", "list", "--json").stdout) == []


def test_wrong_key_is_one_clear_line(tmp_path, marks):
    assert run_mars("sessions", "list", "--json").returncode == 0  # creates store and key
    key = _location().key_file
    key.write_text("cd" * 32 + "\n")
    r = run_mars("sessions", "list")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and str(_location().database) in r.stderr


def test_kill_9_at_random_moments_never_loses_more_than_2_s(marks):
    """20 realtime runs killed at random moments into one store file."""
    rng = random.Random(20261204)
    video = str(feat_file("WolfgangLanger_Pexels.mp4"))
    seen = []
    for run in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-m", "mars_desktop", "analyze", video, "--marks", str(marks),
             "--store", "--realtime"], cwd=ROOT, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        line = proc.stderr.readline()
        assert line.startswith("recording session "), line
        sid = line.split()[-1]
        time.sleep(rng.uniform(1.0, 8.0))
        killed_at = time.time()
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        proc.stderr.close()
        with Store.open(_location()) as store:  # the next start
            doc = session_dict(store, sid)
        assert doc["state"] == "interrupted", run
        if doc["media_started_at"] is None:
            assert doc["recorded_until_s"] == 0
            continue
        media_at_kill = killed_at - doc["media_started_at"]
        assert doc["recorded_until_s"] >= media_at_kill - 2.0, (run, doc["recorded_until_s"],
                                                                media_at_kill)
        assert doc["recorded_until_s"] <= media_at_kill + 0.5
        seen.append(media_at_kill - doc["recorded_until_s"])
    print(f"kill -9 lag (media s at kill - recorded_until_s): max {max(seen):.2f}, "
          f"mean {sum(seen) / len(seen):.2f}, n {len(seen)}")
    listed = json.loads(run_mars("sessions", "list", "--json", "--state",
                                 "interrupted").stdout)
    assert len(listed) == 20
    assert len(seen) >= 15  # most kills landed while frames were being recorded
    # The officer finalises one: the question the kill cut short is closed from its windows.
    ok = run_mars("sessions", "finalise", sid, "--decision", "defer", "--reason",
                  "Listrik padam; wawancara ulang besok")
    assert ok.returncode == 0, ok.stderr
    shown = json.loads(run_mars("sessions", "show", sid, "--json").stdout)
    assert shown["state"] == "finalised"
    assert shown["questions"] and not any(q.get("partial") for q in shown["questions"])
    assert all(q["end_s"] >= q["start_s"] for q in shown["questions"])


def test_bench_store_reports_every_figure(tmp_path):
    r = run_mars("bench", "store", "--out", str(tmp_path / "b.json"))
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "b.json").read_text())
    for key in ("windows_per_s", "list_10k_ms", "open_10k_ms", "mb_per_interview_hour"):
        assert doc[key] > 0 and doc["plain"][key] > 0
    assert set(doc["encryption_cost"]) == {"windows_per_s", "list_10k_ms", "open_10k_ms"}
    assert doc["sessions_listed"] == 10_000
