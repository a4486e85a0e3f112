; MARS Desktop - Windows installer (NSIS 3, Modern UI 2).
;   makensis /DVERSION=0.1.0 /DDIST=..\..\dist\mars /DOUTFILE=..\..\dist\mars-desktop-0.1.0-setup.exe mars.nsi
; One per-machine install: the program in Program Files, the interview data, settings and logs
; in ProgramData\MARS Desktop for every officer of this PC (written to mars-site.ini beside the
; program, which MARS reads at start). The uninstaller keeps that data unless the admin ticks
; "Delete interview data" (or runs it with /DELETEDATA).

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel admin
ManifestDPIAware true

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef DIST
  !define DIST "..\..\dist\mars"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\mars-desktop-${VERSION}-setup.exe"
!endif
!define APP "MARS Desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\MARS Desktop"
!define DATA "$APPDATA\MARS Desktop"  ; ProgramData: SetShellVarContext all is in force

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"

!define MUI_ABORTWARNING
!define MUI_ICON "mars.ico"
!define MUI_UNICON "${NSISDIR}\Contrib\Graphics\Icons\modern-uninstall.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\mars-gui.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

LangString RunNow ${LANG_INDONESIAN} "Jalankan MARS Desktop (wizard penyiapan pertama)"
LangString RunNow ${LANG_ENGLISH} "Start MARS Desktop (first-run set-up wizard)"
LangString SelfTest ${LANG_INDONESIAN} "Uji mandiri MARS"
LangString SelfTest ${LANG_ENGLISH} "MARS self-test"
LangString DeleteData ${LANG_INDONESIAN} "Hapus data wawancara (ProgramData\MARS Desktop)"
LangString DeleteData ${LANG_ENGLISH} "Delete interview data (ProgramData\MARS Desktop)"
LangString KeepNote ${LANG_INDONESIAN} "Data wawancara disimpan di $0. Hapus hanya bila semua sesi sudah terkirim ke direktorat."
LangString KeepNote ${LANG_ENGLISH} "Interview data is kept in $0. Delete it only once every session has reached the directorate."
LangString Need64 ${LANG_INDONESIAN} "MARS Desktop memerlukan Windows 64-bit."
LangString Need64 ${LANG_ENGLISH} "MARS Desktop needs 64-bit Windows."

Var DeleteDataFlag

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Need64)"
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "MARS Desktop" SecMain
  SectionIn RO
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  ; A new version replaces the program files; the data in ProgramData is never touched here.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*.*"

  CreateDirectory "${DATA}\data"
  CreateDirectory "${DATA}\config"
  CreateDirectory "${DATA}\logs"
  ; Every officer account of this PC may write the store (BUILTIN\Users = S-1-5-32-545).
  nsExec::ExecToLog 'icacls "${DATA}" /grant *S-1-5-32-545:(OI)(CI)M /T /C /Q'
  Pop $0
  FileOpen $1 "$INSTDIR\mars-site.ini" w
  FileWrite $1 "; written by the MARS Desktop installer: per-machine folders$\r$\n"
  FileWrite $1 "[paths]$\r$\n"
  FileWrite $1 "data_dir = ${DATA}\data$\r$\n"
  FileWrite $1 "config_dir = ${DATA}\config$\r$\n"
  FileWrite $1 "log_dir = ${DATA}\logs$\r$\n"
  FileClose $1

  CreateDirectory "$SMPROGRAMS\${APP}"
  ; mars-gui.exe: the window without a console; mars.exe stays the command line (mars analyze...)
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\mars-gui.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\$(SelfTest).lnk" "$INSTDIR\mars-gui.exe" "gui --selftest 30"
  CreateShortcut "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk" "$INSTDIR\uninstall.exe"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "Direktorat Jenderal Imigrasi"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\mars-gui.exe"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  StrCpy $DeleteDataFlag "0"
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    StrCpy $DeleteDataFlag "1"
  ${EndIf}
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "un.${APP}" UnSecMain
  SectionIn RO
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP}\*.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\mars.exe"
  Delete "$INSTDIR\mars-gui.exe"
  Delete "$INSTDIR\mars-site.ini"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

; Not ticked unless asked: the encrypted store may hold sessions not yet uploaded.
Section /o "un.$(DeleteData)" UnSecData
  StrCpy $DeleteDataFlag "1"
SectionEnd

Section "-un.data"
  SetShellVarContext all
  StrCpy $0 "${DATA}"
  ${If} $DeleteDataFlag == "1"
    RMDir /r "${DATA}"
  ${Else}
    DetailPrint "$(KeepNote)"
  ${EndIf}
SectionEnd
