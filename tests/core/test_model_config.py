from __future__ import annotations

import tomllib

import pytest

from mars_desktop.core.model_config import (
    ModelConfigError,
    model_config_from_dict,
    model_config_from_toml,
)
from mars_desktop.pipeline.model_files import default_model_path, load_model_config


def _raw() -> dict:
    return tomllib.loads(default_model_path().read_text())


def test_shipped_config_loads_with_default_threshold():
    cfg = load_model_config()
    assert cfg.scoring.threshold_percent == 70.0
    assert cfg.model_version
    assert len(cfg.digest()) == 64


def test_digest_changes_with_any_setting():
    raw = _raw()
    base = model_config_from_dict(raw).digest()
    raw["som"]["seed"] += 1
    assert model_config_from_dict(raw).digest() != base


@pytest.mark.parametrize("mutate, needle", [
    (lambda r: r["som"].__setitem__("rows", "3"), "som.rows must be a number"),
    (lambda r: r["som"].__setitem__("rows", True), "som.rows must be a number"),
    (lambda r: r["som"].__setitem__("rows", 2.5), "whole number"),
    (lambda r: r["scoring"].__setitem__("threshold_percent", 150.0), "out of range"),
    (lambda r: r["scoring"].__setitem__("threshold_percent", float("nan")), "out of range"),
    (lambda r: r["windows"].__setitem__("hop_s", 5.0), "hop_s must not exceed"),
    (lambda r: r["som"].pop("seed"), "missing key(s) in [som]: seed"),
    (lambda r: r["som"].__setitem__("backdoor", 1), "unknown key(s) in [som]: backdoor"),
    (lambda r: r.__setitem__("extra", {}), "unknown key(s) in model config: extra"),
    (lambda r: r.pop("scoring"), "missing key(s) in model config: scoring"),
    (lambda r: r.__setitem__("schema_version", 99), "not supported"),
    (lambda r: r.__setitem__("model_version", ""), "model_version"),
    (lambda r: r.__setitem__("som", [1, 2]), "[som] must be a table"),
])
def test_tampered_config_is_refused_with_the_key_named(mutate, needle):
    raw = _raw()
    mutate(raw)
    with pytest.raises(ModelConfigError) as exc:
        model_config_from_dict(raw)
    assert needle in str(exc.value)


def test_invalid_toml_is_refused():
    with pytest.raises(ModelConfigError, match="not valid TOML"):
        model_config_from_toml("[som\nrows = ")


def test_threshold_override_is_checked():
    cfg = load_model_config()
    assert cfg.with_threshold(55).scoring.threshold_percent == 55
    with pytest.raises(ModelConfigError):
        cfg.with_threshold(0)
