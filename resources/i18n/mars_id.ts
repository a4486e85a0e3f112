<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="207"/>
        <source>Admin account</source>
        <translation>Akun admin</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="208"/>
        <source>The first account, with every right. It adds the officers and supervisors afterwards.</source>
        <translation>Akun pertama, dengan semua hak. Akun ini menambahkan petugas dan supervisor sesudahnya.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="220"/>
        <source>&amp;User name</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="221"/>
        <source>&amp;Full name</source>
        <translation>Nama lengka&amp;p</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="222"/>
        <source>&amp;Password (10 characters or more)</source>
        <translation>&amp;Kata sandi (10 karakter atau lebih)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="223"/>
        <source>Password &amp;again</source>
        <translation>Kata sandi &amp;ulang</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="226"/>
        <source>&amp;Set up</source>
        <translation>S&amp;iapkan</translation>
    </message>
</context>
<context>
    <name>ApplicantForm</name>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="74"/>
        <source>DD-MM-YYYY</source>
        <translation>HH-BB-TTTT</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="76"/>
        <source>16 digits</source>
        <translation>16 digit</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="29"/>
        <source>Full &amp;name</source>
        <translation>&amp;Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="30"/>
        <source>NI&amp;K</source>
        <translation>NI&amp;K</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="31"/>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="32"/>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="33"/>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="34"/>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="35"/>
        <source>Passport application no.</source>
        <translation>No. permohonan paspor</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="37"/>
        <source>Application type</source>
        <translation>Jenis permohonan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="38"/>
        <source>Purpose of travel</source>
        <translation>Tujuan perjalanan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="39"/>
        <source>Destination country</source>
        <translation>Negara tujuan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="40"/>
        <source>Intended length of stay</source>
        <translation>Rencana lama tinggal</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="41"/>
        <source>Sponsor</source>
        <translation>Penjamin / sponsor</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="42"/>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="43"/>
        <source>Placement agency (P3MI)</source>
        <translation>Perusahaan penempatan (P3MI)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="44"/>
        <source>Labour office recommendation no.</source>
        <translation>No. rekomendasi Dinas Tenaga Kerja</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="46"/>
        <source>Officer notes</source>
        <translation>Catatan petugas</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="99"/>
        <source>(choose)</source>
        <translation>(pilih)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="99"/>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="99"/>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="100"/>
        <source>Tourism</source>
        <translation>Wisata</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="100"/>
        <source>Umrah / hajj</source>
        <translation>Umrah / haji</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="101"/>
        <source>Family visit</source>
        <translation>Kunjungan keluarga</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="101"/>
        <source>Study</source>
        <translation>Belajar</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="102"/>
        <source>Work through a registered placement agency</source>
        <translation>Bekerja melalui perusahaan penempatan terdaftar</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="103"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="103"/>
        <source>New passport</source>
        <translation>Paspor baru</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="104"/>
        <source>Replacement (expired or full)</source>
        <translation>Penggantian (habis berlaku atau penuh)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="105"/>
        <source>Replacement (lost or damaged)</source>
        <translation>Penggantian (hilang atau rusak)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="111"/>
        <source>Required for this purpose of travel.</source>
        <translation>Wajib diisi untuk tujuan perjalanan ini.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="112"/>
        <source>The NIK has exactly 16 digits.</source>
        <translation>NIK terdiri dari tepat 16 digit.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="113"/>
        <source>The NIK starts with an unknown province code.</source>
        <translation>NIK diawali kode provinsi yang tidak dikenal.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="114"/>
        <source>Digits 7-12 of the NIK are not a date of birth.</source>
        <translation>Digit ke-7 sampai ke-12 NIK bukan tanggal lahir.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="115"/>
        <source>The NIK does not match the date of birth and sex (expected digits 7-12: %1).</source>
        <translation>NIK tidak sesuai dengan tanggal lahir dan jenis kelamin (digit ke-7 sampai ke-12 seharusnya: %1).</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="118"/>
        <source>The NIK does not match the sex (women: day + 40).</source>
        <translation>NIK tidak sesuai dengan jenis kelamin (perempuan: tanggal + 40).</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="119"/>
        <source>Not a real date; write DD-MM-YYYY.</source>
        <translation>Bukan tanggal yang benar; tulis HH-BB-TTTT.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="120"/>
        <source>The date is in the future.</source>
        <translation>Tanggal tersebut belum terjadi.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="121"/>
        <source>The date is more than 120 years ago.</source>
        <translation>Tanggal tersebut lebih dari 120 tahun yang lalu.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="122"/>
        <source>Choose one of the options.</source>
        <translation>Pilih salah satu pilihan.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/applicant_form.py" line="123"/>
        <source>This text cannot be stored: %1</source>
        <translation>Teks ini tidak dapat disimpan: %1</translation>
    </message>
</context>
<context>
    <name>CameraChooser</name>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="68"/>
        <source>&amp;USB camera</source>
        <translation>Kamera &amp;USB</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="69"/>
        <source>&amp;IP camera (RTSP or HTTP MJPEG)</source>
        <translation>Kamera &amp;IP (RTSP atau HTTP MJPEG)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="70"/>
        <source>&amp;Video file</source>
        <translation>Berkas &amp;video</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="78"/>
        <source>Camera %1</source>
        <translation>Kamera %1</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="84"/>
        <source>&amp;Browse...</source>
        <translation>&amp;Telusuri...</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="86"/>
        <source>&amp;Test</source>
        <translation>U&amp;ji</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="118"/>
        <source>Video file</source>
        <translation>Berkas video</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="119"/>
        <source>Videos (*.mp4 *.mov *.avi *.mkv)</source>
        <translation>Video (*.mp4 *.mov *.avi *.mkv)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="132"/>
        <source>Testing...</source>
        <translation>Menguji...</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="138"/>
        <source>Works: %1</source>
        <translation>Berfungsi: %1</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="138"/>
        <source>Does not work: %1</source>
        <translation>Tidak berfungsi: %1</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../mars_desktop/ui/camera_dialog.py" line="145"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="109"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="110"/>
        <source>Choose the camera that faces the applicant and check the picture. It can be changed later (Ctrl+K).</source>
        <translation>Pilih kamera yang menghadap pemohon dan periksa gambarnya. Kamera dapat diganti nanti (Ctrl+K).</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="115"/>
        <source>&amp;Preview</source>
        <translation>&amp;Pratinjau</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="142"/>
        <source>Opening the camera...</source>
        <translation>Membuka kamera...</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="161"/>
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="172"/>
        <source>&amp;Current password</source>
        <translation>Kata sandi &amp;saat ini</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="173"/>
        <source>&amp;New password (10 characters or more)</source>
        <translation>Kata sandi &amp;baru (10 karakter atau lebih)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="174"/>
        <source>New password &amp;again</source>
        <translation>Kata sandi baru &amp;sekali lagi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="189"/>
        <source>The two new passwords differ.</source>
        <translation>Kedua kata sandi baru berbeda.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="191"/>
        <source>Checking...</source>
        <translation>Memeriksa...</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="24"/>
        <source>&lt;h3&gt;Notice to the applicant&lt;/h3&gt;&lt;p&gt;During this interview a camera records your face. A computer program measures how your facial expression changes compared with your own calm answers at the start. This is advice for the officer only: it is not a lie detector and it does not decide your application. The officer decides.&lt;/p&gt;&lt;p&gt;No video is kept. The measurements are stored encrypted with your interview and sent to the Directorate General of Immigration.&lt;/p&gt;&lt;p&gt;You may refuse. The interview then continues without the measurement.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Does the applicant agree?&lt;/b&gt; Yes: Ctrl+Y. No: Ctrl+Shift+Y.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Pemberitahuan kepada pemohon&lt;/h3&gt;&lt;p&gt;Selama wawancara ini sebuah kamera merekam wajah Anda. Sebuah program komputer mengukur perubahan ekspresi wajah Anda dibandingkan dengan jawaban tenang Anda sendiri di awal wawancara. Hasilnya hanya saran bagi petugas: program ini bukan pendeteksi kebohongan dan tidak memutuskan permohonan Anda. Petugaslah yang memutuskan.&lt;/p&gt;&lt;p&gt;Video tidak disimpan. Hasil pengukuran disimpan terenkripsi bersama wawancara Anda dan dikirim ke Direktorat Jenderal Imigrasi.&lt;/p&gt;&lt;p&gt;Anda boleh menolak. Wawancara tetap dilanjutkan tanpa pengukuran.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Apakah pemohon setuju?&lt;/b&gt; Ya: Ctrl+Y. Tidak: Ctrl+Shift+Y.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="58"/>
        <source>Proceed with the application</source>
        <translation>Lanjutkan permohonan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="59"/>
        <source>Defer (more documents needed)</source>
        <translation>Tunda (perlu dokumen tambahan)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="60"/>
        <source>Refer to a second interview</source>
        <translation>Rujuk ke wawancara lanjutan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="66"/>
        <source>I set the stress score aside</source>
        <translation>Saya mengesampingkan skor stres</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="76"/>
        <source>&lt;b&gt;The officer&apos;s decision&lt;/b&gt; (the score is advice only)</source>
        <translation>&lt;b&gt;Keputusan petugas&lt;/b&gt; (skor hanya sebagai saran)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="77"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="78"/>
        <source>Written reason (required)</source>
        <translation>Alasan tertulis (wajib)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="80"/>
        <source>Why the score was set aside</source>
        <translation>Alasan skor dikesampingkan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="90"/>
        <source>Write the reason for the decision.</source>
        <translation>Tuliskan alasan keputusan.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="94"/>
        <source>Write why the score was set aside.</source>
        <translation>Tuliskan alasan skor dikesampingkan.</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="245"/>
        <source>Setting up</source>
        <translation>Menyiapkan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="257"/>
        <source>I have &amp;written the recovery code down; it will be sealed in the office safe.</source>
        <translation>Saya sudah &amp;mencatat kode pemulihan; kode akan disegel di brankas kantor.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="273"/>
        <source>Creating the admin account and the encrypted store...</source>
        <translation>Membuat akun admin dan penyimpanan terenkripsi...</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="278"/>
        <source>Setting up failed: %1. Details are in the log; close the wizard and ask support.</source>
        <translation>Penyiapan gagal: %1. Rinciannya ada di log; tutup wizard dan hubungi dukungan teknis.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="284"/>
        <source>Registered with %1 for office %2.</source>
        <translation>Terdaftar di %1 untuk kantor %2.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="287"/>
        <source>Not registered with the server yet (%1). An admin registers later with: mars register --code CODE</source>
        <translation>Belum terdaftar di server (%1). Admin mendaftarkan nanti dengan: mars register --code KODE</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="291"/>
        <source>No server: sessions stay on this PC.</source>
        <translation>Tanpa server: sesi tetap di PC ini.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="292"/>
        <source>Done. %1

The recovery code below opens the store if every admin password is lost. It is shown only now: write it down and seal it in the office safe.</source>
        <translation>Selesai. %1

Kode pemulihan di bawah membuka penyimpanan bila semua kata sandi admin hilang. Kode ini hanya ditampilkan sekarang: catat dan segel di brankas kantor.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="311"/>
        <source>MARS Desktop - first start</source>
        <translation>MARS Desktop - mulai pertama</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="327"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="328"/>
        <source>&lt; Bac&amp;k</source>
        <translation>&lt; K&amp;embali</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="329"/>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="330"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../mars_desktop/ui/help_dialog.py" line="20"/>
        <source>MARS help</source>
        <translation>Bantuan MARS</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/help_dialog.py" line="26"/>
        <source>Instructions for use</source>
        <translation>Petunjuk penggunaan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/help_dialog.py" line="28"/>
        <source>Model card</source>
        <translation>Kartu model</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="34"/>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="35"/>
        <source>interrupted</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="36"/>
        <source>finalised</source>
        <translation>difinalisasi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="37"/>
        <source>uploaded</source>
        <translation>terunggah</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="41"/>
        <source>proceed</source>
        <translation>dilanjutkan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="42"/>
        <source>defer</source>
        <translation>ditunda</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="43"/>
        <source>refer to second interview</source>
        <translation>dirujuk ke wawancara lanjutan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="86"/>
        <source>Session history</source>
        <translation>Riwayat sesi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="88"/>
        <source>Name, NIK or date (YYYY-MM-DD)</source>
        <translation>Nama, NIK atau tanggal (TTTT-BB-HH)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="92"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="92"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="92"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="92"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="93"/>
        <source>Flagged</source>
        <translation>Ditandai</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="93"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="97"/>
        <source>&amp;Open (read-only)</source>
        <translation>&amp;Buka (hanya baca)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="99"/>
        <source>&amp;Resume interrupted session</source>
        <translation>&amp;Lanjutkan sesi yang terputus</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="150"/>
        <source>Only an interrupted session can be resumed.</source>
        <translation>Hanya sesi yang terputus yang dapat dilanjutkan.</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="136"/>
        <source>MARS - locked</source>
        <translation>MARS - terkunci</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="137"/>
        <source>The window was locked after %1 minutes without input. The interview goes on; give your password to continue.</source>
        <translation>Jendela dikunci setelah %1 menit tanpa masukan. Wawancara tetap berjalan; masukkan kata sandi Anda untuk melanjutkan.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="62"/>
        <source>Welcome to MARS Desktop</source>
        <translation>Selamat datang di MARS Desktop</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="63"/>
        <source>This PC is set up once, by an admin. Choose the language of the program.</source>
        <translation>PC ini disiapkan sekali, oleh admin. Pilih bahasa program.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="47"/>
        <source>MARS Desktop - interview analysis</source>
        <translation>MARS Desktop - analisis wawancara</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="50"/>
        <source>No camera yet. Choose a camera, an IP camera URL or a video file in the settings.</source>
        <translation>Belum ada kamera. Pilih kamera, URL kamera IP, atau berkas video di pengaturan.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="55"/>
        <source>Press Ctrl+N to start a new interview session.</source>
        <translation>Tekan Ctrl+N untuk memulai sesi wawancara baru.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="72"/>
        <source>Interview script</source>
        <translation>Naskah wawancara</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="117"/>
        <source>Interview</source>
        <translation>Wawancara</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="123"/>
        <source>New session</source>
        <translation>Sesi baru</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="124"/>
        <source>Applicant data done</source>
        <translation>Data pemohon selesai</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="125"/>
        <source>Consent given</source>
        <translation>Pemohon setuju</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="126"/>
        <source>Consent refused</source>
        <translation>Pemohon menolak</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="128"/>
        <source>Start questions</source>
        <translation>Mulai pertanyaan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="129"/>
        <source>Previous question</source>
        <translation>Pertanyaan sebelumnya</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="130"/>
        <source>Next question</source>
        <translation>Pertanyaan berikutnya</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="131"/>
        <source>Pause analysis</source>
        <translation>Jeda analisis</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="132"/>
        <source>Stop analysis</source>
        <translation>Hentikan analisis</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="133"/>
        <source>End interview</source>
        <translation>Akhiri wawancara</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="134"/>
        <source>Finalise</source>
        <translation>Finalisasi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="135"/>
        <location filename="../../mars_desktop/ui/main_window.py" line="307"/>
        <source>Export report</source>
        <translation>Ekspor laporan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="136"/>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="137"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="138"/>
        <source>Landmarks</source>
        <translation>Titik wajah</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="139"/>
        <source>English / Indonesia</source>
        <translation>Bahasa Inggris / Indonesia</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="140"/>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="173"/>
        <source>Recording problem: %1. The interview can go on; the session is kept up to here.</source>
        <translation>Masalah perekaman: %1. Wawancara dapat dilanjutkan; sesi tersimpan sampai titik ini.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="179"/>
        <source>Face analysis could not start: %1. The interview can be recorded without scores.</source>
        <translation>Analisis wajah tidak dapat dimulai: %1. Wawancara tetap dapat direkam tanpa skor.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="182"/>
        <source>Face analysis ready.</source>
        <translation>Analisis wajah siap.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="211"/>
        <source>Session finalised. Press Ctrl+N for the next applicant.</source>
        <translation>Sesi telah difinalisasi. Tekan Ctrl+N untuk pemohon berikutnya.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="216"/>
        <source>The applicant did not consent: the interview goes on without analysis, and the record says so.</source>
        <translation>Pemohon tidak setuju: wawancara dilanjutkan tanpa analisis, dan hal ini dicatat.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="219"/>
        <source>Analysis stopped by the officer.</source>
        <translation>Analisis dihentikan oleh petugas.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="221"/>
        <source>Analysis paused (F6 resumes).</source>
        <translation>Analisis dijeda (F6 untuk melanjutkan).</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="223"/>
        <source>Analysis running. Ask the calm baseline questions first.</source>
        <translation>Analisis berjalan. Ajukan dahulu pertanyaan dasar yang tenang.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="249"/>
        <source>Check the marked fields.</source>
        <translation>Periksa isian yang ditandai.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="264"/>
        <source>The language changes at the next start of MARS.</source>
        <translation>Bahasa berubah saat MARS dibuka berikutnya.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="308"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="318"/>
        <source>Exporting the report...</source>
        <translation>Mengekspor laporan...</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="326"/>
        <source>Report saved: %1</source>
        <translation>Laporan tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="326"/>
        <source>Report not saved: %1</source>
        <translation>Laporan tidak tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="331"/>
        <source>The session store is not available.</source>
        <translation>Penyimpanan sesi tidak tersedia.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="377"/>
        <source>Camera lost: %1. The session is kept; choose another camera or wait for it to come back.</source>
        <translation>Kamera terputus: %1. Sesi tetap tersimpan; pilih kamera lain atau tunggu kamera tersambung kembali.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="381"/>
        <source>The video has ended.</source>
        <translation>Video telah selesai.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="399"/>
        <source>face found</source>
        <translation>wajah terdeteksi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="399"/>
        <source>no face</source>
        <translation>wajah tidak terdeteksi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="401"/>
        <source> (others in view)</source>
        <translation> (ada orang lain dalam gambar)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="402"/>
        <source>camera %1 fps</source>
        <translation>kamera %1 fps</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="403"/>
        <source>camera lost, reconnecting</source>
        <translation>kamera terputus, menyambung ulang</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="404"/>
        <source>camera lost</source>
        <translation>kamera terputus</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="404"/>
        <source>video ended</source>
        <translation>video selesai</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="405"/>
        <source>no camera</source>
        <translation>tidak ada kamera</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="406"/>
        <source>store ok</source>
        <translation>penyimpanan baik</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="406"/>
        <source>store FAILED</source>
        <translation>penyimpanan GAGAL</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="407"/>
        <source>store unavailable</source>
        <translation>penyimpanan tidak tersedia</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="409"/>
        <source>latency %1 ms</source>
        <translation>latensi %1 ms</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/main_window.py" line="410"/>
        <source>dropped %1</source>
        <translation>terlewat %1</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="79"/>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="80"/>
        <source>The immigration office or TPI where this PC stands, as the directorate names it.</source>
        <translation>Kantor imigrasi atau TPI tempat PC ini berada, sesuai penamaan direktorat.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="88"/>
        <source>Office &amp;code</source>
        <translation>&amp;Kode kantor</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="89"/>
        <source>Office na&amp;me</source>
        <translation>&amp;Nama kantor</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="60"/>
        <source>&amp;User name</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="61"/>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="78"/>
        <source>Checking...</source>
        <translation>Memeriksa...</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <location filename="../../mars_desktop/ui/score_panel.py" line="30"/>
        <source>change from baseline (x reference)</source>
        <translation>perubahan dari dasar (x acuan)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/score_panel.py" line="31"/>
        <source>time (s)</source>
        <translation>waktu (detik)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/score_panel.py" line="36"/>
        <source>stress score (%)</source>
        <translation>skor stres (%)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/score_panel.py" line="43"/>
        <source>Advice only: the score shows change from this applicant&apos;s own calm baseline. It is not a lie detector and never decides; the officer does.</source>
        <translation>Hanya saran: skor menunjukkan perubahan dari kondisi tenang pemohon ini sendiri. Skor bukan pendeteksi kebohongan dan tidak pernah memutuskan; petugaslah yang memutuskan.</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../mars_desktop/ui/side_panels.py" line="43"/>
        <source>[baseline]</source>
        <translation>[dasar]</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="164"/>
        <source>Directorate server</source>
        <translation>Server direktorat</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="165"/>
        <source>Leave the address empty at a post without a network: sessions are kept on this PC and can be sent later.</source>
        <translation>Kosongkan alamat di pos tanpa jaringan: sesi disimpan di PC ini dan dapat dikirim nanti.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="171"/>
        <source>&amp;Browse...</source>
        <translation>&amp;Telusuri...</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="178"/>
        <source>Server &amp;address</source>
        <translation>&amp;Alamat server</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="179"/>
        <source>One-time &amp;enrolment code</source>
        <translation>Kode &amp;pendaftaran sekali pakai</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="180"/>
        <source>Directorate &amp;CA certificates (if private)</source>
        <translation>Sertifikat &amp;CA direktorat (bila privat)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="184"/>
        <source>CA certificates</source>
        <translation>Sertifikat CA</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/first_run_wizard.py" line="196"/>
        <source>No such file: %1</source>
        <translation>Berkas tidak ada: %1</translation>
    </message>
</context>
<context>
    <name>SessionView</name>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="53"/>
        <source>Session %1 (read-only)</source>
        <translation>Sesi %1 (hanya baca)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="60"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/history_dialog.py" line="60"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="96"/>
        <source>MARS - sign in</source>
        <translation>MARS - masuk</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="97"/>
        <source>Sign in with your MARS account.</source>
        <translation>Masuk dengan akun MARS Anda.</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sign_in.py" line="202"/>
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="47"/>
        <source>Sync: %1</source>
        <translation>Sinkron: %1</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="49"/>
        <source>Sync: no store</source>
        <translation>Sinkron: tidak ada penyimpanan</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="51"/>
        <source>Sync: not registered (offline post)</source>
        <translation>Sinkron: belum terdaftar (pos luring)</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="52"/>
        <source>An admin registers this workstation with: mars register --server URL --office CODE --code ENROLMENT-CODE</source>
        <translation>Admin mendaftarkan workstation ini dengan: mars register --server URL --office KODE --code KODE-PENDAFTARAN</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="58"/>
        <source>Sync: starting</source>
        <translation>Sinkron: memulai</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="76"/>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="76"/>
        <source>offline</source>
        <translation>luring</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="77"/>
        <source>not tried yet</source>
        <translation>belum dicoba</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/sync_status.py" line="78"/>
        <source>Sync: %1 · %2 waiting · last sent %3</source>
        <translation>Sinkron: %1 · %2 menunggu · terakhir terkirim %3</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <location filename="../../mars_desktop/ui/app.py" line="98"/>
        <source>Unexpected problem</source>
        <translation>Masalah tak terduga</translation>
    </message>
    <message>
        <location filename="../../mars_desktop/ui/app.py" line="99"/>
        <source>Something went wrong: %1

The interview session is kept. Details are in the log file.</source>
        <translation>Terjadi kesalahan: %1

Sesi wawancara tetap tersimpan. Rinciannya ada di berkas log.</translation>
    </message>
</context>
</TS>
