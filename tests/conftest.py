from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """No test writes to the real per-user dirs."""
    base = tmp_path_factory.mktemp("user")
    for var in ("MARS_DATA_DIR", "MARS_CONFIG_DIR", "MARS_LOG_DIR"):
        monkeypatch.setenv(var, str(base / var.lower()))
    yield


@pytest.fixture(scope="session")
def model_config():
    from mars_desktop.pipeline.model_files import load_model_config

    return load_model_config()


def run_mars(*args: str, env: dict[str, str] | None = None, timeout: float = 300,
             cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real `mars` command in a child process, as a user would run it."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "mars_desktop", *args], capture_output=True,
                          text=True, timeout=timeout, env=full_env, cwd=cwd or ROOT)
