"""Hostile input catalogue, part 2: command-line arguments, the files beside them, config
files, export names and script folders. Every case ends with exit code 2 and a message
that names the problem: no traceback, no internal error, nothing half-written."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mars_desktop.cli import main
from mars_desktop.pipeline.model_files import available_scripts
from mars_desktop.pipeline.report_export import safe_file_name
from tests.support.media import feat_file

ROOT = Path(__file__).resolve().parents[2]
SOM = (ROOT / "models" / "som.toml").read_text()


@pytest.fixture
def files(tmp_path):
    def write(name: str, content: str | bytes) -> str:
        p = tmp_path / name
        p.write_bytes(content if isinstance(content, bytes) else content.encode())
        return str(p)

    video = str(feat_file("WolfgangLanger_Pexels.mp4"))  # a real video: the rest is wrong
    marks = write("m.csv", "start_s,question_id,text,baseline\n0,b1,x,1\n1,q1,y,0\n")
    return {"dir": str(tmp_path), "write": write, "video": video, "marks": marks}


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


def cases(f):
    w, d = f["write"], f["dir"]
    V, M = f["video"], f["marks"]
    return [
        (["analyze", f"{d}/missing.mp4", "--marks", M], "missing.mp4"),
        (["analyze", w("fake.mp4", b"\x00\x00\x00\x18ftypmp42 no"), "--marks", M],
         "not a video"),
        (["analyze", V, "--marks", f"{d}/missing.csv"], "missing.csv"),
        (["analyze", V, "--marks", d], "folder"),
        (["analyze", V, "--marks", w("big.csv", b"a" * 5_000_001)], "larger than"),
        (["analyze", V, "--marks", w("latin.csv", "start_s\xe9".encode("latin-1"))], "UTF-8"),
        (["analyze", V, "--marks", M, "--workers", "0"], "workers"),
        (["analyze", V, "--marks", M, "--workers", "-3"], "workers"),
        (["analyze", V, "--marks", M, "--threshold", "150"], "threshold"),
        (["analyze", V, "--marks", M, "--threshold", "nan"], "threshold"),
        (["analyze", V, "--marks", M, "--threshold", "-1"], "threshold"),
        (["analyze", V, "--marks", M, "--model", w("bad.toml", "rows = [")], "model"),
        (["analyze", V, "--marks", M, "--model", w("t.toml", SOM.replace(
            "threshold_percent = 70.0", "threshold_percent = 700.0"))], "threshold"),
        (["analyze", V, "--marks", M, "--out", f"{d}/no/such/dir/r.json"], "does not exist"),
        (["analyze", V, "--marks", M, "--out", d], "folder"),
        (["analyze", V, "--marks", M, "--store", "--applicant", w("a.json", "{not json")],
         "not valid JSON"),
        (["analyze", V, "--marks", M, "--store", "--applicant", w("b.json", "[1, 2]")],
         "one JSON object"),
        (["analyze", V, "--marks", M, "--store", "--applicant",
          w("c.json", json.dumps({"full_name": "x" * 5000}))], "full_name"),
        (["analyze", V, "--marks", M, "--store", "--applicant",
          w("d.json", json.dumps({"full_name": "a\u0000b"}))], "full_name"),
        (["analyze", V, "--marks", M, "--store", "--applicant",
          w("e.json", json.dumps({"password": "x"}))], "password"),
        (["analyze", V, "--marks", M, "--store", "--applicant",
          w("f.json", json.dumps({"full_name": ["a"]}))], "full_name"),
        (["sessions", "show", "not-a-session"], "no session"),
        (["sessions", "show", "00000000-0000-0000-0000-000000000000"], "no session"),
        (["sessions", "finalise", "00000000-0000-0000-0000-000000000000", "--decision",
          "proceed", "--reason", "x"], "no session"),
        (["sessions", "erase-applicant", "../../etc/passwd"], "no session"),
        (["settings", "retention_days", "abc"], "retention_days"),
        (["settings", "retention_days", "0"], "retention_days"),
        (["settings", "retention_days", "99999999"], "retention_days"),
        (["settings", "keep_raw_video", "yes"], "keep_raw_video"),
        (["settings", "idle_lock_minutes", "0"], "idle_lock_minutes"),
        (["settings", "idle_lock_minutes", "-5"], "idle_lock_minutes"),
        (["export", "00000000-0000-0000-0000-000000000000", "--out", d], "no session"),
        (["verify-report", f"{d}/missing.pdf"], "no such file"),
        (["verify-report", w("fake.pdf", b"%PDF-1.4 truncated")], "pdf"),
        (["verify-report", w("text.pdf", "just text")], "pdf"),
        (["audit", "export", "--from", "2026-12-05", "--to", "2026-12-01"], "before"),
        (["register", "--server", "http://mars.example", "--office", "KANIM-A", "--code",
          "X"], "https"),
        (["register", "--server", "ftp://x", "--office", "KANIM-A", "--code", "X"], "https"),
        (["register", "--server", "https://127.0.0.1:9", "--office", "KANIM-A", "--code", "X",
          "--ca-bundle", f"{d}/nope.pem"], "CA bundle"),
        (["register", "--server", "https://127.0.0.1:9", "--office", "KANIM-A", "--code", "X"],
         "cannot reach"),
        (["sync", "--once"], "not registered"),
        (["bench", f"{d}/missing.mp4", "--out", f"{d}/b.json"], "missing.mp4"),
        (["central", "enrol-code", "--office", "KANIM-A"], "--db"),
        (["central", "enrol-code", "--db", f"sqlite:///{d}/c.db", "--office", "../x"],
         "office code"),
        (["central", "enrol-code", "--db", "mysql://x", "--office", "KANIM-A"], "database URL"),
        (["central", "serve", "--db", f"sqlite:///{d}/c.db", "--host", "0.0.0.0"], "loopback"),
        (["central", "serve", "--db", f"sqlite:///{d}/c.db", "--tls-cert", "x.pem"],
         "go together"),
        (["users", "add", "dewi", "--full-name", "Dewi"], "users init"),
        (["users", "init", "--admin", "Admin!", "--full-name", "A"], "user name"),
        (["users", "init", "--admin", "admin", "--full-name", "\u0007"], "full name"),
        (["users", "recover", "--admin", "admin"], "keyring"),
    ]


def test_each_bad_argument_gets_one_clear_line(capsys, files, monkeypatch):
    monkeypatch.setenv("MARS_NEW_PASSWORD", "a-long-enough-password")
    monkeypatch.setenv("MARS_RECOVERY_CODE", "AAAAA")
    monkeypatch.delenv("MARS_SYNC_ALLOW_HTTP", raising=False)
    failures = []
    table = cases(files)
    for argv, words in table:
        if argv[0] == "analyze" and "--out" not in argv and "--store" not in argv:
            argv = [*argv, "--out", f"{files['dir']}/r.json"]
        code, err = run(capsys, *argv)
        if code != 2 or "Traceback" in err or "internal error" in err \
                or words.lower() not in err.lower() or err.count("\n") != 1:
            failures.append((argv[-4:], code, err.strip()[-300:]))
    assert not failures, "\n".join(map(str, failures))
    assert len(table) >= 50


@pytest.mark.parametrize("argv", [
    ["analyze"], ["sessions", "finalise", "x", "--decision", "maybe", "--reason", "r"],
    ["settings", "no_such_setting", "1"], ["bench", "x", "--out"], ["sync", "status", "x"],
    ["central", "serve", "--port", "http"], ["users", "add"], ["audit", "export", "--from",
                                                                  "yesterday", "--to", "x"],
])
def test_argparse_refusals_say_error_and_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2 and "error:" in capsys.readouterr().err


@pytest.mark.parametrize("content, words", [
    ("{not json", "register the workstation again"),
    ("[]", "register the workstation again"),
    ('{"server": 5}', "register the workstation again"),
    ('{"server": "http://x", "office": "A", "workstation_id": "w", "token": "t"}', "https"),
    ('{"server": "https://x", "office": "A", "workstation_id": "w", "token": "t", '
     '"ca_bundle": 7}', "ca_bundle"),
    ("\x00\x01", "register the workstation again"),
])
def test_a_damaged_sync_credential(capsys, content, words):
    conf = Path(os.environ["MARS_CONFIG_DIR"])
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "sync.json").write_text(content)
    code, err = run(capsys, "sync", "--once")
    assert code == 2 and "Traceback" not in err and words in err


@pytest.mark.parametrize("content", ["", "{}", "{not json", '{"version": 2, "entries": {}}',
                                     '{"version": 1, "entries": []}', "\x00" * 10])
def test_a_damaged_keyring_is_named(capsys, content):
    conf = Path(os.environ["MARS_CONFIG_DIR"])
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "keyring.json").write_text(content)
    os.environ["MARS_USER"], os.environ["MARS_PASSWORD"] = "ana", "whatever-long"
    try:
        code, err = run(capsys, "sessions", "list")
    finally:
        del os.environ["MARS_USER"], os.environ["MARS_PASSWORD"]
    assert code == 2 and "keyring" in err and "Traceback" not in err


@pytest.mark.parametrize("name", [
    "../../etc/passwd", "..", ".", "/", "C:\\Windows\\system32", "CON", "NUL.txt",
    "a/b\\c", "\u202egnp.exe", "名前", "", "   ", "x" * 1000, "Siti\x00Aminah",
    "Ñoño Peña", "-rf --no-preserve-root", "$(reboot)", "<script>", "'; DROP TABLE",
    "\U0001F600",
])
def test_export_names_from_hostile_applicant_names_stay_in_the_folder(name):
    out = safe_file_name({"session_id": "0123456789abcdef", "created_local": "2026-12-04 10:00",
                          "applicant": [("full_name", name)]})
    assert out.startswith("MARS_2026-12-04_") and out.endswith("_01234567.pdf")
    assert out.isascii() and "/" not in out and "\\" not in out and ".." not in out
    assert len(out) <= 80 and Path(out).name == out


def test_a_script_folder_cannot_reach_outside_itself(tmp_path):
    scripts, outside = tmp_path / "scripts", tmp_path / "outside"
    scripts.mkdir()
    outside.mkdir()
    (outside / "secret.toml").write_text("id = 'x'")
    (scripts / "link.toml").symlink_to(outside / "secret.toml")
    (scripts / "folder.toml").mkdir()
    (scripts / "ok.toml").write_text("id = 'ok'")
    found = available_scripts(scripts)
    assert "ok" in found and "link" not in found and "folder" not in found
