"""The PDF report on a real store, read back: every field, both languages, NIK masking,
insufficient data, many pages, hostile names, and verify-report against altered sessions."""

from __future__ import annotations

import subprocess

import numpy as np
import pytest

from mars_desktop.adapters.store import Store, StoreLocation
from mars_desktop.core.windows import N_WINDOW_FEATURES, Window
from mars_desktop.pipeline.report_export import (
    ReportError,
    build_report,
    export_report,
    report_text,
    safe_file_name,
    verify_report,
)
from mars_desktop.pipeline.store_run import model_record

APPLICANT = {"full_name": "Siti Aminah", "nik": "3201014101900001", "birth_place": "Bogor",
             "birth_date": "01-01-1990", "sex": "F", "address": "Jl. Merdeka 1",
             "passport_application_no": "P-77", "application_type": "new",
             "purpose": "work_p3mi", "destination_country": "Malaysia",
             "intended_stay": "2 tahun", "occupation": "Perawat", "agency_name": "PT Maju",
             "labour_recommendation_no": "REK-9"}


@pytest.fixture
def store(tmp_path):
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as s:
        yield s


def make_session(store, config, *, applicant=APPLICANT, questions=6, short=(), consent=True,
                 finalise=True, seed=0):
    """Baseline questions b1-b2, then scored ones; `short` ones get too few windows."""
    rng = np.random.default_rng(seed)
    sid = store.create_session(applicant, model=model_record(config),
                               info={"officer": "Budi Santoso", "office": "TPI Entikong",
                                     "workstation": "WS-07"}, consent=consent,
                               recording=True)
    t = 0.0
    for i in range(questions):
        qid = f"b{i + 1}" if i < 2 else f"q{i - 1}"
        baseline = i < 2
        store.add_question(sid, i, qid, f"Pertanyaan {qid}?", t, baseline)
        n = 2 if qid in short else (12 if baseline else 8)
        for k in range(n):
            vec = rng.normal(size=N_WINDOW_FEATURES) * (1.0 if baseline else 3.0)
            store.add_window(sid, i, Window(qid, t + 0.5 * k, t + 0.5 * k + 1, 12, 12, vec,
                                            True), None)
        t += 0.5 * n + 1
    store.writer.flush()
    store.end_recording(sid)
    if finalise:
        store.finalise(sid, decision="refer", reason="Rekomendasi Disnaker diragukan.",
                       officer="Budi Santoso", disregarded_score=True,
                       disregard_reason="Pencahayaan buruk")
    return sid


def text_of(path):
    return "\n".join(report_text(path))


def flat(path):
    """The report's text with every run of whitespace as one space (cells wrap)."""
    return " ".join(text_of(path).split())


def pdftotext(path):
    """poppler's extraction too: what a supervisor's PDF reader would copy."""
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())


def test_every_field_in_indonesian(store, model_config, tmp_path):
    sid = make_session(store, model_config, short=("q3",))
    out = export_report(store, sid, tmp_path / "r.pdf")
    text = flat(out)
    assert "Siti Aminah" in pdftotext(out) and sid in pdftotext(out)
    for needle in ("LAPORAN PROFIL WAWANCARA", "TPI Entikong", "WS-07", "Budi Santoso", sid,
                   "Siti Aminah", "Bogor", "Jl. Merdeka 1", "P-77", "Malaysia", "PT Maju",
                   "REK-9", "Perawat", "************0001", "menyetujuinya",
                   "Pertanyaan q1?", "data tidak cukup", "dasar", "Rujuk ke wawancara lanjutan",
                   "Rekomendasi Disnaker diragukan.", "mengesampingkan skor",
                   "Pencahayaan buruk", "bukan kejujuran", "Ambang: 70 %", "mars-som",
                   "Tanda tangan", "Petugas pemeriksa", "Pemohon", "UTC"):
        assert needle in text, needle
    assert "3201014101900001" not in text
    report = build_report(store, sid)
    pages = report_text(out)
    assert all(report["digest"] in p for p in pages)  # the footer of every page
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "Pages:" in info
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "DejaVuSans" in fonts and " no " not in fonts.split("\n", 2)[2].replace(
        "yes yes", "")  # embedded and subset
    raw = out.read_bytes()
    assert b"pdfaid:part>1<" in raw and b"/OutputIntents" in raw


def test_english_and_full_nik_is_recorded(store, model_config, tmp_path):
    sid = make_session(store, model_config)
    out = export_report(store, sid, tmp_path / "en.pdf", lang="en", full_nik=True,
                        actor="supervisor")
    text = flat(out)
    for needle in ("INTERVIEW PROFILING REPORT", "3201014101900001", "NIK shown in full",
                   "informed about the analysis and consented", "Refer to a second interview",
                   "not truthfulness", "Threshold: 70 %", "Signatures"):
        assert needle in text, needle
    with store.reader() as conn:
        from mars_desktop.adapters.store import queries

        events = [e for e in queries.audit_events(conn, sid) if e["action"] == "report_export"]
    assert events[-1]["detail"]["full_nik"] is True and events[-1]["actor"] == "supervisor"


def test_without_consent_the_report_says_so(store, model_config, tmp_path):
    sid = make_session(store, model_config, consent=False)
    text = flat(export_report(store, sid, tmp_path / "r.pdf"))
    assert "tidak menyetujui analisis" in text


def test_sixty_questions_run_over_several_pages(store, model_config, tmp_path):
    sid = make_session(store, model_config, questions=62)
    out = export_report(store, sid, tmp_path / "long.pdf")
    pages = report_text(out)
    assert len(pages) >= 3
    text = flat(out)
    assert "Pertanyaan q60?" in text and "Pertanyaan q1?" in text
    digest = build_report(store, sid)["digest"]
    assert all(digest in p for p in pages)
    assert f"{len(pages)}" in pages[-1].split("Halaman")[-1]


@pytest.mark.parametrize("name", [
    "A" * 200,
    "Siti 👩🏽‍💼 Aminah",
    "محمد عبد الله",
    "<b>Bold</b> **md** {nb} {page} %s \\n & </table>",
    "Robert'); DROP TABLE sessions;--",
])
def test_hostile_names_are_printed_as_plain_text(store, model_config, tmp_path, name):
    sid = make_session(store, model_config, applicant={**APPLICANT, "full_name": name})
    report = build_report(store, sid)
    out = export_report(store, sid, tmp_path)  # a folder: the safe default name
    assert out.name == safe_file_name(report)
    assert "/" not in out.name and out.parent == tmp_path
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in out.name)
    text = text_of(out).replace("\n", "")
    if name.isascii():
        assert name.replace(" ", "") in text.replace(" ", "")  # wrapped, never altered
    else:
        letters = [ch for ch in name if ch.isalpha() and not ch.isascii()]
        assert all(ch in text for ch in letters)
    assert verify_report(store, out)[0]


def test_verify_report_catches_an_altered_session(store, model_config, tmp_path):
    sid = make_session(store, model_config)
    out = export_report(store, sid, tmp_path / "r.pdf")
    assert verify_report(store, out) == (True, verify_report(store, out)[1])
    store.mark_uploaded(sid)  # a later upload does not change what the report says
    assert verify_report(store, out)[0]
    store.writer.call(lambda c: c.execute(
        "UPDATE decisions SET reason = 'diubah' WHERE session_id = ?", (sid,)))
    ok, message = verify_report(store, out)
    assert not ok and "does NOT match" in message


def test_verify_report_catches_a_changed_score(store, model_config, tmp_path):
    sid = make_session(store, model_config)
    out = export_report(store, sid, tmp_path / "r.pdf")
    store.writer.call(lambda c: c.execute(
        "UPDATE questions SET result_json = replace(result_json, '\"flagged\": true', "
        "'\"flagged\": false') WHERE session_id = ?", (sid,)))
    store.writer.call(lambda c: c.execute(
        "UPDATE applicants SET birth_place = 'Bandung'"))
    assert not verify_report(store, out)[0]


def test_no_overwrite_without_force_and_clear_errors(store, model_config, tmp_path):
    sid = make_session(store, model_config)
    out = export_report(store, sid, tmp_path / "r.pdf")
    before = out.read_bytes()
    with pytest.raises(ReportError, match="already exists"):
        export_report(store, sid, out)
    assert out.read_bytes() == before
    export_report(store, sid, out, force=True)
    with pytest.raises(ReportError, match="does not exist"):
        export_report(store, sid, tmp_path / "missing" / "r.pdf")
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_text("hello")
    with pytest.raises(ReportError):
        verify_report(store, not_pdf)
