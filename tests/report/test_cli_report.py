"""`mars export` and `mars verify-report` as a user runs them, on a real analysed session."""

from __future__ import annotations

import json
import os
from pathlib import Path

from mars_desktop.adapters.store import Store, StoreLocation
from tests.conftest import run_mars
from tests.support.media import feat_file

MARKS = ("start_s,question_id,text,baseline\n"
         "0,b1,Nama,1\n4,b2,Alamat,1\n8,q1,Tujuan,0\n10,q2,Pekerjaan,0\n")


def test_export_and_verify_from_the_command_line(tmp_path):
    (tmp_path / "m.csv").write_text(MARKS)
    (tmp_path / "a.json").write_text(json.dumps({"full_name": "Dewi Lestari",
                                                 "nik": "3201014101900001"}))
    r = run_mars("analyze", str(feat_file("WolfgangLanger_Pexels.mp4")), "--marks",
                 str(tmp_path / "m.csv"), "--store", "--applicant", str(tmp_path / "a.json"))
    sid = r.stdout.strip().splitlines()[-1]
    assert run_mars("sessions", "finalise", sid, "--decision", "proceed", "--reason",
                    "Lengkap").returncode == 0
    out = tmp_path / "r.pdf"
    e = run_mars("export", sid, "--out", str(out), "--lang", "en")
    assert e.returncode == 0, e.stderr
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    again = run_mars("export", sid, "--out", str(out))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert run_mars("export", sid, "--out", str(out), "--force").returncode == 0
    bad = run_mars("export", sid, "--out", str(tmp_path / "no" / "r.pdf"))
    assert bad.returncode == 2 and "does not exist" in bad.stderr
    unknown = run_mars("export", "no-such-session", "--out", str(tmp_path))
    assert unknown.returncode == 2 and "no session" in unknown.stderr

    ok = run_mars("verify-report", str(out))
    assert ok.returncode == 0 and ok.stdout.startswith("OK:")
    loc = StoreLocation.in_dirs(Path(os.environ["MARS_DATA_DIR"]),
                                Path(os.environ["MARS_CONFIG_DIR"]))
    with Store.open(loc) as store:
        store.writer.call(lambda c: c.execute("UPDATE applicants SET full_name = 'Dewi L.'"))
    changed = run_mars("verify-report", str(out))
    assert changed.returncode == 1 and changed.stdout.startswith("MISMATCH:")
    junk = tmp_path / "junk.pdf"
    junk.write_text("not a pdf")
    assert run_mars("verify-report", str(junk)).returncode == 2


def test_bench_export_reports_the_figure(tmp_path):
    r = run_mars("bench", "export", "--out", str(tmp_path / "b.json"))
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "b.json").read_text())
    assert doc["questions"] == 30 and doc["export_s_median"] > 0 and doc["pdf_kb"] > 5
