"""The applicant form, in the order of the paper form; messages appear under each field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core.applicant import APPLICATION_TYPES, PURPOSES, Problem, validate_applicant
from ..core.text_rules import APPLICANT_FIELDS, InvalidText, check_text

MULTILINE = {"address", "officer_notes"}
CHOICES = {"sex": ("", "M", "F"), "purpose": ("", *PURPOSES),
           "application_type": ("", *APPLICATION_TYPES)}


def field_labels() -> dict[str, str]:
    """The form's labels in the current language (also used by the history view)."""
    return {
        "full_name": QCoreApplication.translate("ApplicantForm", "Full &name"),
        "nik": QCoreApplication.translate("ApplicantForm", "NI&K"),
        "birth_place": QCoreApplication.translate("ApplicantForm", "Place of birth"),
        "birth_date": QCoreApplication.translate("ApplicantForm", "Date of birth"),
        "sex": QCoreApplication.translate("ApplicantForm", "Sex"),
        "address": QCoreApplication.translate("ApplicantForm", "Address"),
        "passport_application_no": QCoreApplication.translate("ApplicantForm",
                                                              "Passport application no."),
        "application_type": QCoreApplication.translate("ApplicantForm", "Application type"),
        "purpose": QCoreApplication.translate("ApplicantForm", "Purpose of travel"),
        "destination_country": QCoreApplication.translate("ApplicantForm", "Destination country"),
        "intended_stay": QCoreApplication.translate("ApplicantForm", "Intended length of stay"),
        "sponsor": QCoreApplication.translate("ApplicantForm", "Sponsor"),
        "occupation": QCoreApplication.translate("ApplicantForm", "Occupation"),
        "agency_name": QCoreApplication.translate("ApplicantForm", "Placement agency (P3MI)"),
        "labour_recommendation_no": QCoreApplication.translate(
            "ApplicantForm", "Labour office recommendation no."),
        "officer_notes": QCoreApplication.translate("ApplicantForm", "Officer notes"),
    }


class ApplicantForm(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.labels = self._labels()
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in APPLICANT_FIELDS:  # paper-form order; Tab follows it
            if name in CHOICES:
                w = QComboBox()
                for code in CHOICES[name]:
                    w.addItem(self._choice_text(name, code), code)
                w.currentIndexChanged.connect(self.changed)
            elif name in MULTILINE:
                w = QPlainTextEdit()
                w.setTabChangesFocus(True)
                w.setFixedHeight(54)
                w.textChanged.connect(self.changed)
            else:
                w = QLineEdit()
                w.textChanged.connect(self.changed)
                if name == "birth_date":
                    w.setPlaceholderText(self.tr("DD-MM-YYYY"))
                if name == "nik":
                    w.setPlaceholderText(self.tr("16 digits"))
                    w.setMaxLength(16)
            w.setObjectName(name)
            msg = QLabel()
            msg.setObjectName(f"{name}_message")
            msg.setStyleSheet("color: #b00020;")
            msg.setWordWrap(True)
            msg.hide()
            box = QVBoxLayout()
            box.setSpacing(0)
            box.addWidget(w)
            box.addWidget(msg)
            label = QLabel(self.labels[name])
            label.setBuddy(w)
            form.addRow(label, box)
            self.inputs[name], self.messages[name] = w, msg
        self.setLayout(form)

    def _labels(self) -> dict[str, str]:
        return field_labels()

    def _choice_text(self, field: str, code: str) -> str:
        texts = {
            "": self.tr("(choose)"), "M": self.tr("Male"), "F": self.tr("Female"),
            "tourism": self.tr("Tourism"), "umrah_hajj": self.tr("Umrah / hajj"),
            "family_visit": self.tr("Family visit"), "study": self.tr("Study"),
            "work_p3mi": self.tr("Work through a registered placement agency"),
            "other": self.tr("Other"), "new": self.tr("New passport"),
            "replacement": self.tr("Replacement (expired or full)"),
            "lost_damaged": self.tr("Replacement (lost or damaged)"),
        }
        return texts[code]

    def problem_text(self, p: Problem) -> str:
        texts = {
            "required": self.tr("Required for this purpose of travel."),
            "nik_digits": self.tr("The NIK has exactly 16 digits."),
            "nik_province": self.tr("The NIK starts with an unknown province code."),
            "nik_birth_digits": self.tr("Digits 7-12 of the NIK are not a date of birth."),
            "nik_birth_mismatch": self.tr("The NIK does not match the date of birth and sex "
                                          "(expected digits 7-12: %1).").replace(
                "%1", p.params.get("expected", "")),
            "nik_sex_mismatch": self.tr("The NIK does not match the sex (women: day + 40)."),
            "date_invalid": self.tr("Not a real date; write DD-MM-YYYY."),
            "date_future": self.tr("The date is in the future."),
            "date_too_old": self.tr("The date is more than 120 years ago."),
            "choice": self.tr("Choose one of the options."),
            "text": self.tr("This text cannot be stored: %1").replace(
                "%1", p.params.get("detail", "")),
        }
        return texts.get(p.code, p.code)

    def values(self) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for name, w in self.inputs.items():
            if isinstance(w, QComboBox):
                v = w.currentData() or ""
            elif isinstance(w, QPlainTextEdit):
                v = w.toPlainText()
            else:
                v = w.text()
            out[name] = v or None
        return out

    def set_values(self, values: dict[str, str | None]) -> None:
        for name, v in values.items():
            w = self.inputs[name]
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(v or "")))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(v or "")
            else:
                w.setText(v or "")

    def validate(self, today: date | None = None) -> list[Problem]:
        values = self.values()
        problems = validate_applicant(values, today or date.today())
        for name, v in values.items():
            if v is not None:
                try:
                    check_text(name, v, APPLICANT_FIELDS[name])
                except InvalidText as exc:
                    problems.append(Problem(name, "text", {"detail": exc.problem}))
        by_field: dict[str, list[str]] = {}
        for p in problems:
            by_field.setdefault(p.field, []).append(self.problem_text(p))
        for name, msg in self.messages.items():
            texts = by_field.get(name)
            msg.setText(" ".join(texts or []))
            msg.setVisible(bool(texts))
        if problems:
            self.inputs[problems[0].field].setFocus()
        return problems

    def set_read_only(self, read_only: bool) -> None:
        for w in self.inputs.values():
            w.setEnabled(not read_only)
