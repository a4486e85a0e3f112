"""Per-user places on disk (platformdirs), with environment overrides for tests and admins."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "mars-desktop"
APP_AUTHOR = "Imigrasi"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def log_file(self) -> Path:
        return self.log_dir / "mars.log"


def app_paths() -> AppPaths:
    """MARS_DATA_DIR, MARS_CONFIG_DIR and MARS_LOG_DIR override the per-user defaults."""
    data = os.environ.get("MARS_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)
    conf = os.environ.get("MARS_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)
    logs = os.environ.get("MARS_LOG_DIR") or platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)
    return AppPaths(Path(data), Path(conf), Path(logs))
