"""The core must import without Qt, OpenCV, MediaPipe, requests or SQLite (DESIGN.md).
import-linter (make lint) checks the static imports; this checks what really loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = ["PySide6", "pyqtgraph", "cv2", "mediapipe", "requests", "sqlite3", "sqlite_utils",
             "sqlcipher3"]


def test_importing_every_core_module_loads_no_forbidden_package():
    code = (
        "import importlib, pkgutil, sys, json\n"
        "import mars_desktop.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__):\n"
        "    importlib.import_module('mars_desktop.core.' + m.name)\n"
        f"print(json.dumps(sorted(set(sys.modules) & set({FORBIDDEN!r}))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []


def test_import_contract_holds():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"]
    assert f"Contracts: {len(contracts)} kept, 0 broken." in out.stdout, out.stdout + out.stderr
    assert out.returncode == 0
