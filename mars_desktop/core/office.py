"""An immigration office (Kantor Imigrasi or TPI) as the workstation and the directorate's
server both name it: one rule for the code, one for the name."""

from __future__ import annotations

import re
import unicodedata

OFFICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9_-]{1,31}$")
MAX_OFFICE_NAME = 120


def check_office_code(code: str) -> str:
    """The code in its stored form (upper case); ValueError with the rule otherwise."""
    code = (code or "").strip().upper()
    if not OFFICE_CODE.match(code):
        raise ValueError("an office code is 2-32 letters, digits, '-' or '_'")
    return code


def check_office_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name or len(name) > MAX_OFFICE_NAME:
        raise ValueError(f"an office name is 1-{MAX_OFFICE_NAME} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise ValueError("an office name cannot hold control characters")
    return name
