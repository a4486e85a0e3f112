"""The report's words, Indonesian and English. (The window's words are in Qt's .ts files;
the report is made without Qt, so its two languages live here.)"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "id": {
        "title": "LAPORAN PROFIL WAWANCARA (MARS)",
        "office": "Kantor Imigrasi / TPI", "workstation": "Workstation", "officer": "Petugas",
        "created": "Waktu wawancara", "session": "ID sesi", "state": "Status sesi",
        "applicant": "Data pemohon", "consent": "Persetujuan",
        "consent_yes": "Pemohon telah diberi tahu tentang analisis dan menyetujuinya.",
        "consent_no": "Pemohon tidak menyetujui analisis: wawancara dilakukan tanpa analisis.",
        "interview": "Jalannya wawancara", "question": "Pertanyaan", "start": "Mulai (dtk)",
        "duration": "Durasi (dtk)", "score": "Skor stres", "flag": "Tanda",
        "moved": "Ciri yang berubah", "insufficient": "data tidak cukup", "baseline": "dasar",
        "flagged": "YA", "chart": "Skor stres per pertanyaan (garis merah: ambang)",
        "decision": "Keputusan petugas", "reason": "Alasan",
        "disregarded": "Petugas mengesampingkan skor", "not_disregarded":
            "Petugas tidak mengesampingkan skor", "no_decision": "Belum ada keputusan.",
        "decisions.proceed": "Lanjutkan permohonan", "decisions.defer": "Tunda",
        "decisions.refer": "Rujuk ke wawancara lanjutan",
        "meaning": "Arti skor",
        "meaning_text": (
            "Skor stres adalah persentase jendela waktu (sekitar 1 detik) dalam sebuah jawaban "
            "yang ekspresi wajahnya berada di luar kondisi tenang pemohon sendiri, yang dipelajari "
            "dari pertanyaan dasar di awal wawancara. Skor mengukur perubahan, bukan kejujuran, "
            "dan tidak pernah memutuskan: petugaslah yang memutuskan. Pencahayaan, kacamata, "
            "kepala yang berpaling, perbedaan wajah dan kondisi medis dapat memengaruhinya."),
        "model": "Model", "threshold": "Ambang", "nik_masked": "NIK disamarkan kecuali 4 digit "
        "terakhir.", "nik_full": "NIK ditampilkan lengkap (ekspor oleh supervisor).",
        "signatures": "Tanda tangan", "sign_officer": "Petugas pemeriksa",
        "sign_supervisor": "Supervisor", "sign_applicant": "Pemohon",
        "footer": "Halaman {page} dari {pages}", "digest": "SHA-256 catatan sesi",
        "verify": "Keaslian dapat diperiksa dengan: mars verify-report BERKAS.pdf",
        "fields.full_name": "Nama lengkap", "fields.nik": "NIK",
        "fields.birth_place": "Tempat lahir", "fields.birth_date": "Tanggal lahir",
        "fields.sex": "Jenis kelamin", "fields.address": "Alamat",
        "fields.passport_application_no": "No. permohonan paspor",
        "fields.application_type": "Jenis permohonan", "fields.purpose": "Tujuan perjalanan",
        "fields.destination_country": "Negara tujuan",
        "fields.intended_stay": "Rencana lama tinggal", "fields.sponsor": "Penjamin",
        "fields.occupation": "Pekerjaan", "fields.agency_name": "Perusahaan penempatan (P3MI)",
        "fields.labour_recommendation_no": "No. rekomendasi Disnaker",
        "fields.officer_notes": "Catatan petugas",
    },
    "en": {
        "title": "INTERVIEW PROFILING REPORT (MARS)",
        "office": "Immigration office / TPI", "workstation": "Workstation", "officer": "Officer",
        "created": "Interview time", "session": "Session id", "state": "Session state",
        "applicant": "Applicant", "consent": "Consent",
        "consent_yes": "The applicant was informed about the analysis and consented.",
        "consent_no": "The applicant did not consent: the interview went on without analysis.",
        "interview": "The interview", "question": "Question", "start": "Start (s)",
        "duration": "Duration (s)", "score": "Stress score", "flag": "Flag",
        "moved": "Features that moved", "insufficient": "insufficient data",
        "baseline": "baseline", "flagged": "YES",
        "chart": "Stress score per question (red line: threshold)",
        "decision": "Officer's decision", "reason": "Reason",
        "disregarded": "The officer set the score aside", "not_disregarded":
            "The officer did not set the score aside", "no_decision": "No decision yet.",
        "decisions.proceed": "Proceed with the application", "decisions.defer": "Defer",
        "decisions.refer": "Refer to a second interview",
        "meaning": "What the score means",
        "meaning_text": (
            "The stress score is the percentage of an answer's time windows (about 1 s) in "
            "which the face lies outside the applicant's own calm baseline, learnt from the "
            "baseline questions at the start. It measures change, not truthfulness, and never "
            "decides: the officer does. Lighting, glasses, a turned head, facial differences "
            "and medical conditions can affect it."),
        "model": "Model", "threshold": "Threshold",
        "nik_masked": "NIK masked except the last 4 digits.",
        "nik_full": "NIK shown in full (supervisor export).",
        "signatures": "Signatures", "sign_officer": "Interviewing officer",
        "sign_supervisor": "Supervisor", "sign_applicant": "Applicant",
        "footer": "Page {page} of {pages}", "digest": "SHA-256 of the session record",
        "verify": "Check it is unaltered with: mars verify-report FILE.pdf",
        "fields.full_name": "Full name", "fields.nik": "NIK",
        "fields.birth_place": "Place of birth", "fields.birth_date": "Date of birth",
        "fields.sex": "Sex", "fields.address": "Address",
        "fields.passport_application_no": "Passport application no.",
        "fields.application_type": "Application type", "fields.purpose": "Purpose of travel",
        "fields.destination_country": "Destination country",
        "fields.intended_stay": "Intended stay", "fields.sponsor": "Sponsor",
        "fields.occupation": "Occupation", "fields.agency_name": "Placement agency (P3MI)",
        "fields.labour_recommendation_no": "Labour office recommendation no.",
        "fields.officer_notes": "Officer notes",
    },
}
