"""Where the model settings live on disk, and loading them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..adapters.text_files import TextFileError, read_text_file
from ..core.model_config import ModelConfig, ModelConfigError, model_config_from_toml

MAX_CONFIG_BYTES = 64 * 1024


def _bundled_dir(name: str, env_var: str, marker: str) -> Path:
    """`name`/ from $env_var, a PyInstaller bundle, or beside the package (source tree)."""
    env = os.environ.get(env_var)
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / name
    here = Path(__file__).resolve().parent.parent
    for cand in (here.parent / name, here / name):
        if (cand / marker).exists():
            return cand
    return here.parent / name


def models_dir() -> Path:
    return _bundled_dir("models", "MARS_MODELS_DIR", "som.toml")


def default_model_path() -> Path:
    return models_dir() / "som.toml"


def load_model_config(path: Path | None = None) -> ModelConfig:
    p = path or default_model_path()
    try:
        text = read_text_file(p, "model config", MAX_CONFIG_BYTES)
    except TextFileError as exc:
        raise ModelConfigError(str(exc)) from None
    try:
        return model_config_from_toml(text)
    except ModelConfigError as exc:
        raise ModelConfigError(f"{p}: {exc}") from None


def resources_dir() -> Path:
    """resources/: interview scripts, translations, fonts."""
    return _bundled_dir("resources", "MARS_RESOURCES_DIR", "scripts")


def load_script(path: Path | None = None):
    """The interview script (resources/scripts/pmi_screening.toml by default)."""
    from ..core.interview_script import parse_script

    p = path or resources_dir() / "scripts" / "pmi_screening.toml"
    return parse_script(read_text_file(p, "interview script", MAX_CONFIG_BYTES), str(p))


def available_scripts(extra_dir: Path | None = None) -> dict[str, Path]:
    """Script files by name: the bundled ones, then any an admin put in `extra_dir`
    (the data folder's scripts/; a file there with a bundled name replaces it)."""
    found: dict[str, Path] = {}
    for folder in (resources_dir() / "scripts", extra_dir):
        if folder is not None and folder.is_dir():
            root = folder.resolve()
            for p in sorted(folder.glob("*.toml")):
                # Only plain files really inside the folder: a link out of it (to another
                # user's files, say) is not an interview script.
                if p.is_file() and p.resolve().parent == root:
                    found[p.stem] = p
    return found
