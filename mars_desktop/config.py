"""Places on disk: per user (platformdirs), or per machine when the installer says so, with
environment overrides for tests and admins."""

from __future__ import annotations

import configparser
import os
import sys
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


SITE_FILE = "mars-site.ini"


def site_paths(program_dir: Path | None = None) -> dict[str, str]:
    """The per-machine folders a Windows installer writes beside the program (mars-site.ini,
    section [paths]): every officer signing in to this PC then uses the one store."""
    if program_dir is None:
        if not getattr(sys, "frozen", False):
            return {}
        program_dir = Path(sys.executable).parent
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(program_dir / SITE_FILE, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return {}
    if not parser.has_section("paths"):
        return {}
    return {k: v.strip() for k, v in parser.items("paths")
            if k in ("data_dir", "config_dir", "log_dir") and v.strip()}


def app_paths() -> AppPaths:
    """MARS_DATA_DIR, MARS_CONFIG_DIR and MARS_LOG_DIR override the installer's per-machine
    folders, which override the per-user defaults."""
    site = site_paths()
    data = (os.environ.get("MARS_DATA_DIR") or site.get("data_dir")
            or platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    conf = (os.environ.get("MARS_CONFIG_DIR") or site.get("config_dir")
            or platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    logs = (os.environ.get("MARS_LOG_DIR") or site.get("log_dir")
            or platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    return AppPaths(Path(data), Path(conf), Path(logs))
