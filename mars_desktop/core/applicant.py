"""The applicant form's rules: NIK, dates, and which fields each purpose of travel needs.

Problems come back as codes with parameters, never as sentences: the window words
them in the officer's language (Indonesian or English).

NIK (Nomor Induk Kependudukan), 16 digits: PP KK CC DDMMYY NNNN. PP is the
province code; DD is the day of birth, plus 40 for women; MM the month; YY the
last two digits of the year of birth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# Kemendagri province codes, including the Papua provinces created in 2022.
PROVINCES: dict[str, str] = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau",
    "15": "Jambi", "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung",
    "19": "Kepulauan Bangka Belitung", "21": "Kepulauan Riau", "31": "DKI Jakarta",
    "32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta", "35": "Jawa Timur",
    "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat", "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat", "62": "Kalimantan Tengah", "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur", "65": "Kalimantan Utara", "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah", "73": "Sulawesi Selatan", "74": "Sulawesi Tenggara",
    "75": "Gorontalo", "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara",
    "91": "Papua", "92": "Papua Barat", "93": "Papua Selatan", "94": "Papua Tengah",
    "95": "Papua Pegunungan", "96": "Papua Barat Daya",
}
SEXES = ("M", "F")
PURPOSES = ("tourism", "umrah_hajj", "family_visit", "study", "work_p3mi", "other")
APPLICATION_TYPES = ("new", "replacement", "lost_damaged")
ALWAYS_REQUIRED = ("full_name", "nik", "birth_place", "birth_date", "sex", "address",
                   "passport_application_no", "application_type", "purpose",
                   "destination_country", "intended_stay")
REQUIRED_FOR_PURPOSE: dict[str, tuple[str, ...]] = {
    "work_p3mi": ("occupation", "agency_name", "labour_recommendation_no"),
    "family_visit": ("sponsor",),
    "study": ("sponsor",),
    "other": ("officer_notes",),
}


@dataclass(frozen=True)
class Problem:
    field: str
    code: str  # e.g. "required", "nik_digits"; the UI words it
    params: dict[str, str] = field(default_factory=dict)


def parse_date(text: str) -> date | None:
    """ISO dates (YYYY-MM-DD) or the Indonesian DD-MM-YYYY / DD/MM/YYYY."""
    text = text.strip()
    # re.ASCII: \d would also take Arabic-Indic or full-width digits, which int() accepts.
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text, re.ASCII)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text, re.ASCII)
        if not m:
            return None
        d, mo, y = (int(g) for g in m.groups())
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def check_nik(nik: str, birth: date | None, sex: str | None) -> list[Problem]:
    if not re.fullmatch(r"\d{16}", nik, re.ASCII):
        return [Problem("nik", "nik_digits")]
    out = []
    if nik[:2] not in PROVINCES:
        out.append(Problem("nik", "nik_province", {"code": nik[:2]}))
    day, month, yy = int(nik[6:8]), int(nik[8:10]), nik[10:12]
    female = day > 40
    if female:
        day -= 40
    if not (1 <= day <= 31 and 1 <= month <= 12):
        out.append(Problem("nik", "nik_birth_digits"))
        return out
    born = (birth.day, birth.month, f"{birth.year % 100:02d}") if birth else None
    if born is not None and (day, month, yy) != born:
        out.append(Problem("nik", "nik_birth_mismatch",
                           {"expected": f"{birth.day + (40 if sex == 'F' else 0):02d}"
                                        f"{birth.month:02d}{birth.year % 100:02d}"}))
    if sex in SEXES and female != (sex == "F"):
        out.append(Problem("nik", "nik_sex_mismatch"))
    return out


def validate_applicant(values: dict[str, str | None], today: date) -> list[Problem]:
    """Every problem, in form order; an empty list means the form may be saved."""
    v = {k: (x or "").strip() for k, x in values.items()}
    problems: list[Problem] = []
    purpose = v.get("purpose", "")
    required = ALWAYS_REQUIRED + REQUIRED_FOR_PURPOSE.get(purpose, ())
    for name in required:
        if not v.get(name):
            problems.append(Problem(name, "required"))
    birth = None
    if v.get("birth_date"):
        birth = parse_date(v["birth_date"])
        if birth is None:
            problems.append(Problem("birth_date", "date_invalid"))
        elif birth > today:
            problems.append(Problem("birth_date", "date_future"))
            birth = None
        elif birth.year < today.year - 120:
            problems.append(Problem("birth_date", "date_too_old"))
    if v.get("sex") and v["sex"] not in SEXES:
        problems.append(Problem("sex", "choice"))
    if purpose and purpose not in PURPOSES:
        problems.append(Problem("purpose", "choice"))
    if v.get("application_type") and v["application_type"] not in APPLICATION_TYPES:
        problems.append(Problem("application_type", "choice"))
    if v.get("nik"):
        problems += check_nik(v["nik"], birth, v.get("sex") or None)
    return problems
