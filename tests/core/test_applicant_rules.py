"""The applicant form's rules (pure): NIK, dates, required fields per purpose; scripts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mars_desktop.core.applicant import (
    ALWAYS_REQUIRED,
    REQUIRED_FOR_PURPOSE,
    check_nik,
    parse_date,
    validate_applicant,
)
from mars_desktop.core.interview_script import ScriptError, parse_script

TODAY = date(2026, 12, 4)
ROOT = Path(__file__).resolve().parents[2]


def valid(**over):
    base = {"full_name": "Siti Aminah", "nik": "3201014101900001", "birth_place": "Bogor",
            "birth_date": "1990-01-01", "sex": "F", "address": "Jl. Merdeka 1",
            "passport_application_no": "P-1", "application_type": "new",
            "purpose": "tourism", "destination_country": "Malaysia", "intended_stay": "14 hari"}
    return {**base, **over}


def codes(problems):
    return {(p.field, p.code) for p in problems}


def test_a_complete_form_passes():
    assert validate_applicant(valid(), TODAY) == []


def test_women_have_forty_added_to_the_day():
    assert check_nik("3201014101900001", date(1990, 1, 1), "F") == []
    assert check_nik("3201010101900001", date(1990, 1, 1), "M") == []
    assert codes(check_nik("3201010101900001", date(1990, 1, 1), "F")) == {
        ("nik", "nik_sex_mismatch")}
    assert codes(check_nik("3201014101900001", date(1990, 1, 2), "F")) == {
        ("nik", "nik_birth_mismatch")}


@pytest.mark.parametrize("nik,code", [
    ("320101410190000", "nik_digits"), ("32010141019000012", "nik_digits"),
    ("32010141019A0001", "nik_digits"), ("9901014101900001", "nik_province"),
    ("3201019901900001", "nik_birth_digits"), ("3201014113900001", "nik_birth_digits"),
    ("3201014102900001", "nik_birth_mismatch"),
])
def test_bad_niks(nik, code):
    assert ("nik", code) in codes(validate_applicant(valid(nik=nik), TODAY))


@pytest.mark.parametrize("text,ok", [("1990-02-30", False), ("31-12-1990", True),
                                     ("31/12/1990", True), ("1990/12/31", False), ("", False)])
def test_dates(text, ok):
    assert (parse_date(text) is not None) == ok


def test_future_and_impossible_birth_dates():
    assert ("birth_date", "date_future") in codes(validate_applicant(
        valid(birth_date="2027-01-01"), TODAY))
    assert ("birth_date", "date_invalid") in codes(validate_applicant(
        valid(birth_date="1990-02-30"), TODAY))


@pytest.mark.parametrize("purpose", sorted(REQUIRED_FOR_PURPOSE))
def test_required_fields_per_purpose(purpose):
    got = codes(validate_applicant(valid(purpose=purpose), TODAY))
    assert got == {(f, "required") for f in REQUIRED_FOR_PURPOSE[purpose]}


def test_every_always_required_field_is_named_when_empty():
    got = codes(validate_applicant({}, TODAY))
    assert {(f, "required") for f in ALWAYS_REQUIRED} <= got


def test_the_default_script_parses_with_baseline_first():
    script = parse_script((ROOT / "resources/scripts/pmi_screening.toml").read_text())
    assert script.questions[0].baseline and not script.questions[-1].baseline
    assert all(q.text_id and q.text_en for q in script.questions)


@pytest.mark.parametrize("bad", [
    'id="x"\ntitle_id="a"\ntitle_en="a"\n[[questions]]\nid="q"\nbaseline=false\ntext_id="a"\n'
    'text_en="a"\n',
    'id="x"\ntitle_id="a"\ntitle_en="a"\nquestions=[]\n',
    "not toml [",
])
def test_bad_scripts_are_refused(bad):
    with pytest.raises(ScriptError):
        parse_script(bad)
