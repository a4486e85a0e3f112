"""Where the model settings live on disk, and loading them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..adapters.text_files import TextFileError, read_text_file
from ..core.model_config import ModelConfig, ModelConfigError, model_config_from_toml

MAX_CONFIG_BYTES = 64 * 1024


def models_dir() -> Path:
    """models/ beside the package (source tree), in a PyInstaller bundle, or MARS_MODELS_DIR."""
    env = os.environ.get("MARS_MODELS_DIR")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "models"
    here = Path(__file__).resolve().parent.parent
    for cand in (here.parent / "models", here / "models"):
        if (cand / "som.toml").exists():
            return cand
    return here.parent / "models"


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
