"""`mars analyze` as a user runs it: output shape, determinism, and every bad input."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import run_mars
from tests.support.media import feat_file

MARKS = ("start_s,question_id,text,baseline\n"
         "0,b1,Nama,1\n4,b2,Alamat,1\n8,q1,Tujuan,0\n10,q2,Pekerjaan,0\n")
QUESTION_KEYS = {"question_id", "text", "start_s", "end_s", "baseline", "windows",
                 "usable_windows", "status", "score", "flagged", "top_features"}


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    d = tmp_path_factory.mktemp("analyze")
    (d / "marks.csv").write_text(MARKS)
    outs = []
    for name in ("a.json", "b.json"):
        r = run_mars("analyze", str(feat_file("WolfgangLanger_Pexels.mp4")), "--marks",
                     str(d / "marks.csv"), "--out", str(d / name))
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr and r.stderr.strip() == ""
        outs.append(json.loads((d / name).read_text()))
    return outs


def test_output_has_the_documented_shape(analysed):
    doc = analysed[0]
    assert isinstance(doc["video"], str) and doc["duration_s"] == pytest.approx(19.69, abs=0.05)
    assert doc["fps"] == pytest.approx(23.976, abs=0.01)
    assert doc["frames"] > 0 and 0 < doc["frames_with_face"] <= doc["frames"]
    assert doc["threshold"] == 70.0 and doc["model"]["model_version"]
    assert [q["question_id"] for q in doc["questions"]] == ["b1", "b2", "q1", "q2"]
    for q in doc["questions"]:
        assert set(q) >= QUESTION_KEYS
        assert q["status"] in ("baseline", "scored", "insufficient_data")
        assert q["end_s"] > q["start_s"]
        for f in q["top_features"]:
            assert set(f) >= {"name", "z", "label"}
    q2 = doc["questions"][3]
    assert q2["status"] == "scored" and q2["flagged"] is True and q2["score"] >= 70
    assert doc["questions"][0]["status"] == "baseline" and doc["questions"][0]["score"] is None


def test_same_input_same_output(analysed):
    assert analysed[0] == analysed[1]


def _bad(tmp_path, video, marks_text=MARKS, extra=()):
    marks = tmp_path / "marks.csv"
    if marks_text is not None:
        marks.write_text(marks_text)
    out = tmp_path / "out.json"
    r = run_mars("analyze", str(video), "--marks", str(marks), "--out", str(out), *extra)
    return r, out


def _assert_clean_failure(r, out, needle):
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert "Traceback" not in r.stderr
    assert needle in lines[0], lines[0]
    assert not out.exists()


def test_missing_video(tmp_path):
    _assert_clean_failure(*_bad(tmp_path, tmp_path / "nope.mp4"), "not found")


def test_empty_video(tmp_path):
    v = tmp_path / "empty.mp4"
    v.write_bytes(b"")
    _assert_clean_failure(*_bad(tmp_path, v), "empty")


def test_corrupt_video(tmp_path):
    v = tmp_path / "corrupt.mp4"
    v.write_bytes(bytes(range(256)) * 400)
    _assert_clean_failure(*_bad(tmp_path, v), "corrupt.mp4")


def test_truncated_video(tmp_path):
    src = feat_file("single_face.mp4").read_bytes()
    v = tmp_path / "truncated.mp4"
    v.write_bytes(src[: len(src) // 3])
    r, _out = _bad(tmp_path, v, "start_s,question_id,text,baseline\n0,a,x,1\n")
    # A truncated mp4 loses its index: either refused clearly or analysed; never a traceback.
    assert r.returncode in (0, 2) and "Traceback" not in r.stderr


def test_text_file_as_video(tmp_path):
    v = tmp_path / "notes.mp4"
    v.write_text("this is not a video\n" * 100)
    _assert_clean_failure(*_bad(tmp_path, v), "notes.mp4")


def test_folder_as_video(tmp_path):
    _assert_clean_failure(*_bad(tmp_path, tmp_path), "folder")


def test_no_face_at_all(tmp_path):
    _assert_clean_failure(*_bad(tmp_path, feat_file("no_face.mp4"),
                                "start_s,question_id,text,baseline\n0,a,x,1\n1,b,y,0\n"),
                          "no face found")


@pytest.mark.parametrize("marks, needle", [
    (None, "marks file not found"),
    ("", "empty"),
    ("start,id\n0,a\n", "header"),
    ("start_s,question_id,text,baseline\n0,a,x,0\n", "no baseline question"),
    ("start_s,question_id,text,baseline\n0,a,x,1\n500,b,y,0\n", "past the end"),
    ("start_s,question_id,text,baseline\nabc,a,x,1\n", "not a number"),
    ("start_s,question_id,text,baseline\n0,a,x,1\n0,b,x,0\n", "must be after"),
])
def test_bad_marks(tmp_path, marks, needle):
    _assert_clean_failure(*_bad(tmp_path, feat_file("single_face.mp4"), marks), needle)


def test_marks_not_utf8(tmp_path):
    m = tmp_path / "m.csv"
    m.write_bytes(b"\xff\xfe\x00s\x00t")
    out = tmp_path / "o.json"
    r = run_mars("analyze", str(feat_file("single_face.mp4")), "--marks", str(m), "--out", str(out))
    _assert_clean_failure(r, out, "UTF-8")


def test_output_folder_missing(tmp_path):
    (tmp_path / "m.csv").write_text("start_s,question_id,text,baseline\n0,a,x,1\n")
    out = tmp_path / "no" / "such" / "out.json"
    r = run_mars("analyze", str(feat_file("single_face.mp4")), "--marks", str(tmp_path / "m.csv"),
                 "--out", str(out))
    _assert_clean_failure(r, out, "output folder does not exist")


def test_tampered_model_config(tmp_path, model_config):
    from mars_desktop.pipeline.model_files import default_model_path

    cfg = tmp_path / "som.toml"
    shutil.copy(default_model_path(), cfg)
    cfg.write_text(cfg.read_text().replace("threshold_percent = 70.0", "threshold_percent = -5"))
    _assert_clean_failure(*_bad(tmp_path, feat_file("single_face.mp4"),
                                extra=("--model", str(cfg))), "threshold_percent")


def test_version_and_help():
    r = run_mars("--version")
    assert r.returncode == 0 and r.stdout.startswith("mars ")
    r = run_mars("--help")
    assert r.returncode == 0 and "analyze" in r.stdout and "not a lie detector" in r.stdout
