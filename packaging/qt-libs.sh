#!/bin/sh
# Make sure the system libraries the PySide6 wheels load are present (Debian/Ubuntu).
# The wheels bundle Qt itself, not these. `qt-libs.sh test`: what offscreen tests need;
# `qt-libs.sh run`: also what the X11 window plugin loads ("could not load the Qt platform
# plugin xcb" otherwise; Wayland desktops do not need those).
set -u
LIBS="libGL.so.1 libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libglib-2.0.so.0 libdbus-1.so.3"
PACKAGES="libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core"
if [ "${1:-run}" = run ]; then
    LIBS="$LIBS libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0
libxcb-render-util.so.0 libxcb-shape.so.0 libxkbcommon-x11.so.0 libxcb-randr.so.0"
    PACKAGES="$PACKAGES libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 libxcb-randr0"
fi
missing=""
for lib in $LIBS; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Qt needs these system libraries:$missing" >&2
    echo "Install them with your package manager, then run make again." >&2
    exit 0  # they may be present under other names
fi
echo "Installing the system libraries Qt needs:$missing"
if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
else
    sudo apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
fi
