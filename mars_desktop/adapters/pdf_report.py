"""The profiling report as a PDF (fpdf2): fonts embedded, text selectable, PDF/A-1b.

Layout only: the words come from core.report_text and the content from the
caller (pipeline.report_export). Every value is drawn as plain text, never as
markup, so an applicant's name cannot change the document. The SHA-256 of the
session record is printed in every page's footer and encoded in a QR code
(vector squares, no image) on the first page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import segno
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from ..core.report_text import TEXT

log = logging.getLogger(__name__)
FONT = "dejavu"
RED, BLUE, GREY = (200, 40, 40), (60, 120, 200), (150, 150, 150)
NEXT = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}
# fpdf2 replaces the page-count alias anywhere on the page, applicant text included; DEL is
# a control character the store never accepts (core.text_rules), so no name can hold it.
PAGES_ALIAS = "\x7fNB\x7f"


class _ReportPdf(FPDF):
    def __init__(self, t: dict[str, str], digest: str, fonts: Path):
        super().__init__(format="A4", enforce_compliance="PDFA_1B")
        self.t, self.digest = t, digest
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(True, margin=22)
        self.alias_nb_pages(PAGES_ALIAS)

    def footer(self) -> None:
        self.set_y(-16)
        self.set_font(FONT, "", 7)
        self.set_text_color(80, 80, 80)
        page = self.t["footer"].format(page=self.page_no(), pages=PAGES_ALIAS)
        self.cell(0, 4, f"{self.t['digest']}: {self.digest}", **NEXT)
        self.cell(0, 4, f"{page}   {self.t['verify']}", **NEXT)
        self.set_text_color(0, 0, 0)


def _qr(pdf: FPDF, data: str, x: float, y: float, size: float) -> None:
    qr = segno.make(data, error="m", micro=False)
    rows = [list(r) for r in qr.matrix]
    cell = size / (len(rows) + 8)  # a 4-module quiet zone on each side
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                pdf.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell, style="F")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", 11)
    pdf.cell(0, 7, text, **NEXT)
    pdf.set_font(FONT, "", 9)


def _pairs(pdf: FPDF, pairs: list[tuple[str, str]], label_w: float = 55) -> None:
    pdf.set_font(FONT, "", 9)
    for label, value in pairs:
        y = pdf.get_y()
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(label_w, 5, label, new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_font(FONT, "", 9)
        pdf.multi_cell(0, 5, value or "-", **NEXT)
        pdf.set_y(max(pdf.get_y(), y + 5))


def _chart(pdf: FPDF, questions: list[dict[str, Any]], threshold: float, title: str) -> None:
    w, h = pdf.epw, 45
    if pdf.will_page_break(h + 12):
        pdf.add_page()
    pdf.set_font(FONT, "", 8)
    pdf.cell(0, 5, title, **NEXT)
    x0, y0 = pdf.l_margin + 8, pdf.get_y() + 2
    pw = w - 10
    pdf.set_draw_color(0, 0, 0)
    pdf.line(x0, y0, x0, y0 + h)
    pdf.line(x0, y0 + h, x0 + pw, y0 + h)
    for pct in (0, 50, 100):
        pdf.text(pdf.l_margin, y0 + h - h * pct / 100 + 1, str(pct))
    n = max(1, len(questions))
    slot = pw / n
    for i, q in enumerate(questions):
        score = q.get("score")
        bh = h * (score or 0) / 100
        colour = RED if q.get("flagged") else (GREY if score is None else BLUE)
        pdf.set_fill_color(*colour)
        pdf.rect(x0 + i * slot + slot * 0.2, y0 + h - bh, slot * 0.6, bh, style="F")
        if n <= 30:
            pdf.text(x0 + i * slot + slot * 0.2, y0 + h + 4, q["question_id"][:6])
    pdf.set_draw_color(*RED)
    pdf.set_line_width(0.6)
    ty = y0 + h - h * threshold / 100
    pdf.line(x0, ty, x0 + pw, ty)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_y(y0 + h + 7)


def render_report(report: dict[str, Any], lang: str, fonts: Path) -> bytes:
    """report: see pipeline.report_export.build_report."""
    t = TEXT[lang]
    pdf = _ReportPdf(t, report["digest"], fonts)
    pdf.set_title(f"{t['title']} {report['session_id']}")
    pdf.set_author(report.get("officer") or "MARS")
    pdf.set_creator("MARS Desktop")
    pdf.set_lang("id-ID" if lang == "id" else "en")
    pdf.set_creation_date(report["exported_at_dt"])
    pdf.add_page()
    _qr(pdf, f"MARS:{report['session_id']}:{report['digest']}", pdf.w - 48, 8, 38)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(pdf.epw - 40, 7, t["title"], **NEXT)
    pdf.ln(2)
    _pairs(pdf, [(t["office"], report["office"]), (t["workstation"], report["workstation"]),
                 (t["officer"], report["officer"]), (t["created"], report["created_local"]),
                 (t["session"], report["session_id"]), (t["state"], report["state"])], 45)
    _heading(pdf, t["applicant"])
    _pairs(pdf, [(t[f"fields.{k}"], v) for k, v in report["applicant"]])
    pdf.set_font(FONT, "", 8)
    pdf.cell(0, 5, t["nik_full"] if report["full_nik"] else t["nik_masked"], **NEXT)
    _heading(pdf, t["consent"])
    pdf.multi_cell(0, 5, t["consent_yes"] if report["consent"] else t["consent_no"], **NEXT)
    _heading(pdf, t["interview"])
    _question_table(pdf, report["questions"], t, lang)
    _chart(pdf, report["questions"], report["threshold"], t["chart"])
    _heading(pdf, t["decision"])
    d = report.get("decision")
    if d:
        _pairs(pdf, [(t["decision"], t.get(f"decisions.{d['decision']}", d["decision"])),
                     (t["reason"], d["reason"]),
                     ("", t["disregarded"] + (f": {d['disregard_reason']}"
                                              if d.get("disregard_reason") else "")
                      if d["disregarded_score"] else t["not_disregarded"])])
    else:
        pdf.multi_cell(0, 5, t["no_decision"], **NEXT)
    _heading(pdf, t["meaning"])
    pdf.multi_cell(0, 5, t["meaning_text"], **NEXT)
    pdf.multi_cell(0, 5, f"{t['model']}: {report['model_version']} "
                         f"(SHA-256 {report['model_digest'][:16]}...)  "
                         f"{t['threshold']}: {report['threshold']:g} %", **NEXT)
    if pdf.will_page_break(40):
        pdf.add_page()
    _heading(pdf, t["signatures"])
    y = pdf.get_y() + 18
    col = pdf.epw / 3
    for i, who in enumerate((t["sign_officer"], t["sign_supervisor"], t["sign_applicant"])):
        x = pdf.l_margin + i * col
        pdf.line(x + 2, y, x + col - 6, y)
        pdf.text(x + 2, y + 4, who)
    return bytes(pdf.output())


def _question_table(pdf: FPDF, questions: list[dict[str, Any]], t: dict[str, str],
                    lang: str) -> None:
    pdf.set_font(FONT, "", 8)
    with pdf.table(col_widths=(34, 11, 11, 16, 8, 40), text_align="LEFT",
                   line_height=4.2, first_row_as_headings=True,
                   repeat_headings=1) as table:
        table.row([t["question"], t["start"], t["duration"], t["score"], t["flag"],
                   t["moved"]])
        for q in questions:
            if q["status"] == "baseline":
                score = t["baseline"]
            elif q["score"] is None:
                score = t["insufficient"]
            else:
                score = f"{q['score']:.0f} %"
            moved = "; ".join(m["label_id" if lang == "id" else "label"]
                              for m in q.get("top_features", []))
            table.row([f"{q['question_id']}: {q['text']}", f"{q['start_s']:.1f}",
                       f"{q['end_s'] - q['start_s']:.1f}", score,
                       t["flagged"] if q["flagged"] else "", moved])
