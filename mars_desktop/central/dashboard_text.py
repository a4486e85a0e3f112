"""The dashboard's words, Indonesian and English. The honesty statement and the decision
names are the report's own (core/report_text.py), so both say the same."""

from __future__ import annotations

from ..core.report_text import TEXT as REPORT_TEXT

PAGE_TEXT: dict[str, dict[str, str]] = {
    "id": {
        "app": "MARS · Direktorat", "sign_in": "Masuk", "sign_out": "Keluar",
        "username": "Nama pengguna", "password": "Kata sandi",
        "bad_login": "Nama pengguna atau kata sandi salah, atau akun dikunci sementara.",
        "offices": "Kantor", "office": "Kantor", "sessions": "Sesi", "flags": "Tanda",
        "last_received": "Terakhir diterima", "date": "Tanggal", "officer": "Petugas",
        "applicant": "Pemohon", "decision": "Keputusan", "flags_of": "{f} dari {n} pertanyaan",
        "insufficient_n": "{n} data tidak cukup", "none": "Belum ada sesi.",
        "prev": "← Sebelumnya", "next": "Berikutnya →", "page": "Halaman {p} dari {n}",
        "received": "Diterima server", "consent": "Persetujuan", "yes": "ya", "no": "tidak",
        "report_pdf": "Laporan PDF", "questions": "Pertanyaan", "no_access":
        "Anda tidak memiliki akses ke kantor ini.", "not_found": "Sesi tidak ditemukan.",
        "language": "English", "disregarded": "Skor dikesampingkan oleh petugas",
        "no_offices": "Akun ini belum diberi akses ke kantor mana pun.",
    },
    "en": {
        "app": "MARS · Directorate", "sign_in": "Sign in", "sign_out": "Sign out",
        "username": "User name", "password": "Password",
        "bad_login": "Wrong user name or password, or the account is locked for a while.",
        "offices": "Offices", "office": "Office", "sessions": "Sessions", "flags": "Flags",
        "last_received": "Last received", "date": "Date", "officer": "Officer",
        "applicant": "Applicant", "decision": "Decision",
        "flags_of": "{f} of {n} questions", "insufficient_n": "{n} insufficient data",
        "none": "No sessions yet.", "prev": "← Previous", "next": "Next →",
        "page": "Page {p} of {n}", "received": "Received by the server",
        "consent": "Consent", "yes": "yes", "no": "no", "report_pdf": "PDF report",
        "questions": "Questions", "no_access": "You have no access to this office.",
        "not_found": "Session not found.", "language": "Bahasa Indonesia",
        "disregarded": "Score set aside by the officer",
        "no_offices": "This account has no office granted yet.",
    },
}


def words(lang: str) -> dict[str, str]:
    lang = lang if lang in PAGE_TEXT else "id"
    return {**REPORT_TEXT[lang], **PAGE_TEXT[lang]}
