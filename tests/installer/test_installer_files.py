"""The installers' own files: the NSIS script compiles (warnings are errors) into a Windows
program, and the per-machine folders it writes are the ones MARS then uses."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from mars_desktop.config import SITE_FILE, site_paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS is not installed")
def test_the_windows_installer_script_compiles(tmp_path):
    payload = tmp_path / "mars"
    (payload / "_internal").mkdir(parents=True)
    (payload / "mars.exe").write_bytes(b"MZ stand-in for the bundle")
    (payload / "_internal" / "base_library.zip").write_bytes(b"x" * 1000)
    out = tmp_path / "mars-desktop-9.9.9-setup.exe"  # a bare "setup.exe" draws a warning
    r = subprocess.run(["makensis", "-WX", "-V2", "-DVERSION=9.9.9", f"-DDIST={payload}",
                        f"-DOUTFILE={out}", "mars.nsi"], cwd=ROOT / "installer" / "windows",
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    exe = out.read_bytes()
    assert exe[:2] == b"MZ" and len(exe) > 50_000
    # What an admin relies on: the per-machine folders and data kept unless asked.
    script = (ROOT / "installer" / "windows" / "mars.nsi").read_text(encoding="utf-8")
    assert SITE_FILE in script and "/DELETEDATA" in script and "Section /o" in script


def test_the_site_file_names_the_per_machine_folders(tmp_path):
    (tmp_path / SITE_FILE).write_text(
        "; written by the installer\n[paths]\ndata_dir = C:\\ProgramData\\MARS Desktop\\data\n"
        "config_dir = C:\\ProgramData\\MARS Desktop\\config\nlog_dir = \nother = x\n",
        encoding="utf-8")
    assert site_paths(tmp_path) == {"data_dir": "C:\\ProgramData\\MARS Desktop\\data",
                                    "config_dir": "C:\\ProgramData\\MARS Desktop\\config"}


@pytest.mark.parametrize("content", [b"", b"[paths\ndata_dir", b"\xff\xfe\x00garbage",
                                     b"[other]\ndata_dir = x\n"])
def test_a_damaged_site_file_falls_back_to_per_user_folders(tmp_path, content):
    (tmp_path / SITE_FILE).write_bytes(content)
    assert site_paths(tmp_path) == {}


def test_no_site_file_when_not_installed(tmp_path):
    assert site_paths(tmp_path) == {} and site_paths() == {}  # this test run is not frozen


def test_a_windowed_program_without_standard_streams_still_runs(tmp_path):
    """mars-gui.exe (Windows, no console) starts with no stdout or stderr at all; the same
    happens here when both descriptors are closed."""
    import sys

    from tests.support.media import feat_file

    out, marks = tmp_path / "r.json", tmp_path / "marks.csv"
    marks.write_text("start_s,question_id,text,baseline\n0,b1,Nama,1\n", encoding="utf-8")
    entry = ROOT / "installer" / "mars_entry.py"
    for args in (["--version"], ["analyze", str(feat_file("single_face.mp4")), "--marks",
                                 str(marks), "--out", str(out)]):
        r = subprocess.run(["bash", "-c", 'exec 1>&- 2>&-; exec "$@"', "sh", sys.executable,
                            str(entry), *args], cwd=tmp_path, timeout=300)
        assert r.returncode == 0, args
    assert out.stat().st_size > 100
