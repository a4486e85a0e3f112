"""Applying the first-run answers (without the window): what is checked before anything is
written, what a workstation already in use is spared, and the settings' rules."""

from __future__ import annotations

import pytest

from mars_desktop.adapters.keyring import Keyring
from mars_desktop.adapters.store import Store, StoreLocation
from mars_desktop.pipeline import accounts as acc
from mars_desktop.pipeline.first_run import (
    SETUP_ERRORS,
    SetupAnswers,
    SetupError,
    apply_setup,
    needs_first_run,
)
from mars_desktop.pipeline.settings_rules import check_setting
from tests.conftest import run_mars

GOOD = SetupAnswers("kanim-a", "Kantor A", "", "", "kepala", "Kepala", "kata-sandi-123")


@pytest.fixture
def location(tmp_path):
    return StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")


@pytest.mark.parametrize("change", [
    {"office_code": "KANIM A"}, {"office_code": "x"}, {"office_name": ""},
    {"office_name": "a\u202eb"}, {"server_url": "http://mars.example"},
    {"enrolment_code": "ABCDE"}, {"admin_username": "Kepala"},
    {"admin_password": "pendek"}, {"admin_full_name": "\x00"},
])
def test_a_wrong_answer_writes_nothing(location, tmp_path, change):
    with pytest.raises(SETUP_ERRORS):
        apply_setup(location, tmp_path / "c", SetupAnswers(**{**GOOD.__dict__, **change}))
    assert needs_first_run(location)
    assert not location.database.exists() and not Keyring.in_dir(tmp_path / "c").exists()


def test_set_up_once_only(location, tmp_path):
    outcome = apply_setup(location, tmp_path / "c", GOOD)
    assert outcome.credential is None and outcome.registration_problem == ""
    assert len(outcome.recovery_code.replace("-", "")) >= 30
    with pytest.raises(SetupError):
        apply_setup(location, tmp_path / "c", GOOD)
    store, who = acc.sign_in(location, "kepala", "kata-sandi-123")
    with store:
        assert store.setting("office_code") == "KANIM-A" and who.role == "admin"


def test_a_workstation_in_use_without_accounts_gets_no_wizard(location):
    Store.open(location).close()  # sessions may be recorded here already
    assert not needs_first_run(location)


@pytest.mark.parametrize(("key", "value", "stored"), [
    ("office_code", " kanim-soetta ", "KANIM-SOETTA"),
    ("office_name", " Kantor   Imigrasi ", "Kantor Imigrasi"),
    ("server_url", "https://mars.example/", "https://mars.example"),
    ("server_url", "  ", ""),
    ("idle_lock_minutes", "07", "7"),
])
def test_settings_are_stored_in_one_form(key, value, stored):
    assert check_setting(key, value) == stored


@pytest.mark.parametrize(("key", "value"), [
    ("office_code", "-A"), ("office_code", "A" * 33), ("office_name", "x" * 121),
    ("server_url", "ftp://x"), ("idle_lock_minutes", "\u0661\u0662"),
    ("retention_days", "0"), ("keep_raw_video", "yes"), ("nope", "1"),
])
def test_settings_refuse_what_they_cannot_hold(key, value):
    with pytest.raises(ValueError):
        check_setting(key, value)


def test_mars_settings_checks_the_office(tmp_path):
    bad = run_mars("settings", "office_code", "kanim soetta")
    assert bad.returncode == 2 and "office code" in bad.stderr
    ok = run_mars("settings", "office_code", "kanim-soetta")
    assert ok.returncode == 0 and '"office_code": "KANIM-SOETTA"' in ok.stdout
