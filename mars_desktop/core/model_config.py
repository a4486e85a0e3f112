"""The scoring model's settings (models/som.toml), parsed and checked strictly.

A config that is malformed, has a wrong type, an out-of-range value, a
missing or an unknown key is refused with a message naming the key: the
model that produced a score must be exactly the one written down.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass
from typing import Any

SCHEMA_VERSION = 1


class ModelConfigError(ValueError):
    pass


@dataclass(frozen=True)
class LandmarkSettings:
    analysis_fps: float
    detect_every_s: float
    tracker_segment_s: float


@dataclass(frozen=True)
class WindowSettings:
    length_s: float
    hop_s: float
    min_usable_share: float
    blink_closed_ratio: float


@dataclass(frozen=True)
class SomSettings:
    rows: int
    cols: int
    sigma: float
    learning_rate: float
    iterations: int
    seed: int


@dataclass(frozen=True)
class BaselineSettings:
    holdout_block_windows: int
    holdout_every: int
    min_train_windows: int
    min_holdout_windows: int
    reference_percentile: float


@dataclass(frozen=True)
class ScoringSettings:
    threshold_percent: float
    min_usable_windows: int
    top_features: int


@dataclass(frozen=True)
class ModelConfig:
    schema_version: int
    model_version: str
    landmarks: LandmarkSettings
    windows: WindowSettings
    som: SomSettings
    baseline: BaselineSettings
    scoring: ScoringSettings

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def digest(self) -> str:
        """SHA-256 of the canonical JSON of the settings: names the exact model used."""
        blob = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(blob).hexdigest()

    def with_threshold(self, threshold_percent: float) -> ModelConfig:
        _check_range("scoring.threshold_percent", threshold_percent, 1.0, 100.0)
        return dataclasses.replace(
            self, scoring=dataclasses.replace(self.scoring, threshold_percent=threshold_percent))


# (section, key) -> (type, min, max)
_RANGES: dict[tuple[str, str], tuple[type, float, float]] = {
    ("landmarks", "analysis_fps"): (float, 2.0, 60.0),
    ("landmarks", "detect_every_s"): (float, 0.05, 10.0),
    ("landmarks", "tracker_segment_s"): (float, 2.0, 3600.0),
    ("windows", "length_s"): (float, 0.25, 10.0),
    ("windows", "hop_s"): (float, 0.1, 10.0),
    ("windows", "min_usable_share"): (float, 0.0, 1.0),
    ("windows", "blink_closed_ratio"): (float, 0.1, 0.95),
    ("som", "rows"): (int, 1, 30),
    ("som", "cols"): (int, 1, 30),
    ("som", "sigma"): (float, 0.1, 30.0),
    ("som", "learning_rate"): (float, 0.001, 5.0),
    ("som", "iterations"): (int, 1, 1_000_000),
    ("som", "seed"): (int, 0, 2**32 - 1),
    ("baseline", "holdout_block_windows"): (int, 1, 1000),
    ("baseline", "holdout_every"): (int, 2, 1000),
    ("baseline", "min_train_windows"): (int, 2, 100_000),
    ("baseline", "min_holdout_windows"): (int, 1, 100_000),
    ("baseline", "reference_percentile"): (float, 50.0, 100.0),
    ("scoring", "threshold_percent"): (float, 1.0, 100.0),
    ("scoring", "min_usable_windows"): (int, 1, 10_000),
    ("scoring", "top_features"): (int, 0, 27),
}
_SECTIONS = {
    "landmarks": LandmarkSettings,
    "windows": WindowSettings,
    "som": SomSettings,
    "baseline": BaselineSettings,
    "scoring": ScoringSettings,
}


def _check_range(name: str, value: float, lo: float, hi: float) -> None:
    if not (lo <= value <= hi):
        raise ModelConfigError(f"{name} = {value!r} is out of range [{lo:g}, {hi:g}]")


def _typed(name: str, value: Any, kind: type) -> float | int:
    # bool is an int in Python; a config that says `rows = true` is wrong, not 1.
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelConfigError(f"{name} must be a number, not {type(value).__name__}")
    if kind is int:
        if isinstance(value, float) and not value.is_integer():
            raise ModelConfigError(f"{name} must be a whole number, not {value!r}")
        return int(value)
    return float(value)


def model_config_from_dict(raw: dict[str, Any]) -> ModelConfig:
    if not isinstance(raw, dict):
        raise ModelConfigError("model config must be a table")
    expected_top = {"schema_version", "model_version", *_SECTIONS}
    unknown = set(raw) - expected_top
    if unknown:
        raise ModelConfigError(f"unknown key(s) in model config: {', '.join(sorted(unknown))}")
    missing = expected_top - set(raw)
    if missing:
        raise ModelConfigError(f"missing key(s) in model config: {', '.join(sorted(missing))}")
    if raw["schema_version"] != SCHEMA_VERSION or isinstance(raw["schema_version"], bool):
        raise ModelConfigError(
            f"model config schema_version {raw['schema_version']!r} is not supported "
            f"(this MARS reads {SCHEMA_VERSION})")
    version = raw["model_version"]
    if not isinstance(version, str) or not version.strip() or len(version) > 100:
        raise ModelConfigError("model_version must be a non-empty string of at most 100 characters")
    sections: dict[str, Any] = {}
    for section, cls in _SECTIONS.items():
        table = raw[section]
        if not isinstance(table, dict):
            raise ModelConfigError(f"[{section}] must be a table")
        fields = {f.name for f in dataclasses.fields(cls)}
        unknown = set(table) - fields
        if unknown:
            raise ModelConfigError(f"unknown key(s) in [{section}]: {', '.join(sorted(unknown))}")
        missing = fields - set(table)
        if missing:
            raise ModelConfigError(f"missing key(s) in [{section}]: {', '.join(sorted(missing))}")
        values = {}
        for key in sorted(fields):
            kind, lo, hi = _RANGES[(section, key)]
            name = f"{section}.{key}"
            val = _typed(name, table[key], kind)
            _check_range(name, val, lo, hi)
            values[key] = val
        sections[section] = cls(**values)
    cfg = ModelConfig(schema_version=SCHEMA_VERSION, model_version=version.strip(), **sections)
    if cfg.windows.hop_s > cfg.windows.length_s:
        raise ModelConfigError("windows.hop_s must not exceed windows.length_s")
    return cfg


def model_config_from_toml(text: str) -> ModelConfig:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ModelConfigError(f"model config is not valid TOML: {exc}") from None
    return model_config_from_dict(raw)
