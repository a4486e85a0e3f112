"""Where the model settings live on disk, and loading them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

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
        if p.stat().st_size > MAX_CONFIG_BYTES:
            raise ModelConfigError(f"model config {p} is larger than {MAX_CONFIG_BYTES} bytes")
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelConfigError(f"model config not found: {p}") from None
    except UnicodeDecodeError:
        raise ModelConfigError(f"model config {p} is not UTF-8 text") from None
    except OSError as exc:
        raise ModelConfigError(f"cannot read model config {p}: {exc.strerror}") from None
    try:
        return model_config_from_toml(text)
    except ModelConfigError as exc:
        raise ModelConfigError(f"{p}: {exc}") from None
