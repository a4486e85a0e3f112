#!/usr/bin/env bash
# A .deb from the PyInstaller bundle (make dist first): the program in /opt/mars-desktop,
# `mars` on the PATH, a desktop entry and icon. Data stays per user (never in /opt).
set -euo pipefail
cd "$(dirname "$0")/.."
test -x dist/mars/mars || { echo "build the bundle first: make dist" >&2; exit 2; }
VERSION="$(QT_QPA_PLATFORM=offscreen dist/mars/mars --version | awk '{print $2}')"
ARCH="$(dpkg --print-architecture)"
ROOT="build/deb/mars-desktop_${VERSION}_${ARCH}"
rm -rf "$ROOT"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt/mars-desktop" "$ROOT/usr/bin" \
         "$ROOT/usr/share/applications" "$ROOT/usr/share/icons/hicolor/scalable/apps"
cp -a dist/mars/. "$ROOT/opt/mars-desktop/"
ln -s /opt/mars-desktop/mars "$ROOT/usr/bin/mars"
install -m 0644 installer/linux/mars-desktop.desktop "$ROOT/usr/share/applications/"
install -m 0644 installer/linux/mars-desktop.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/"
SIZE_KB="$(du -sk "$ROOT" | cut -f1)"
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: mars-desktop
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: MARS Desktop developers <dev@mars.local>
Installed-Size: ${SIZE_KB}
Depends: libgl1, libegl1, libglib2.0-0, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libxcb-render-util0, libxcb-image0
Section: misc
Priority: optional
Description: MARS Desktop officer workstation
 Interview analysis for immigration officers: live camera, face landmarks and a
 per-applicant baseline map. The stress score is advice; the officer decides.
CONTROL
mkdir -p dist
dpkg-deb -Zzstd -z3 --build --root-owner-group "$ROOT" dist/ >/dev/null
ls dist/mars-desktop_"${VERSION}"_"${ARCH}".deb
