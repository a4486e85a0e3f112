"""What text the store accepts, field by field.

Anything valid Unicode within a field's length is kept byte for byte: quotes, SQL
fragments, emoji, right-to-left scripts. Refused, with a message naming the field:
NUL and other control characters (single-line fields also refuse line breaks),
unpaired surrogates (not encodable as UTF-8) and over-long values. A record is
checked whole before anything is written, so it is never stored in part.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


class InvalidText(ValueError):
    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field, self.problem = field, problem


@dataclass(frozen=True)
class TextRule:
    max_chars: int
    multiline: bool = False


NAME = TextRule(200)
SHORT = TextRule(100)
LONG = TextRule(20_000, multiline=True)

# The applicant form (issue 4 fixes the labels and the per-purpose rules).
APPLICANT_FIELDS: dict[str, TextRule] = {
    "full_name": NAME, "nik": SHORT, "birth_place": NAME, "birth_date": SHORT, "sex": SHORT,
    "address": TextRule(1000, multiline=True), "passport_application_no": SHORT,
    "application_type": SHORT, "purpose": SHORT, "destination_country": NAME,
    "intended_stay": SHORT, "sponsor": NAME, "occupation": NAME, "agency_name": NAME,
    "labour_recommendation_no": SHORT, "officer_notes": LONG,
}
SESSION_FIELDS: dict[str, TextRule] = {
    "office": NAME, "workstation": NAME, "officer": NAME, "source": TextRule(2000),
}
QUESTION_FIELDS: dict[str, TextRule] = {"question_id": SHORT, "text": TextRule(2000)}
DECISION_FIELDS: dict[str, TextRule] = {"reason": LONG, "disregard_reason": LONG}

_ALLOWED_CONTROLS = {"\n", "\t", "\r"}


def check_text(field: str, value: object, rule: TextRule) -> str:
    if not isinstance(value, str):
        raise InvalidText(field, f"must be text, not {type(value).__name__}")
    if len(value) > rule.max_chars:
        raise InvalidText(field, f"is {len(value)} characters long; at most {rule.max_chars}")
    for i, ch in enumerate(value):
        cat = unicodedata.category(ch)
        if cat == "Cs":
            raise InvalidText(field, f"has an unpaired surrogate at position {i + 1}")
        if cat == "Cc" and not (rule.multiline and ch in _ALLOWED_CONTROLS):
            what = "a NUL character" if ch == "\0" else f"control character U+{ord(ch):04X}"
            raise InvalidText(field, f"contains {what} at position {i + 1}")
    return value


def check_record(values: dict[str, object], rules: dict[str, TextRule], *,
                 what: str) -> dict[str, str | None]:
    """Every field checked; unknown fields refused; None means not given."""
    unknown = sorted(set(values) - set(rules))
    if unknown:
        raise InvalidText(what, f"unknown field(s) {', '.join(unknown)}")
    return {k: None if v is None else check_text(k, v, rules[k]) for k, v in values.items()}
