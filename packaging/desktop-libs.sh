#!/bin/sh
# Make sure the system libraries Qt's X11 platform plugin loads are present (Debian/Ubuntu).
# PySide6 wheels bundle Qt itself, but not these; without them the window cannot open
# ("could not load the Qt platform plugin xcb"). Wayland desktops do not need them.
set -u
LIBS="libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0
libxcb-render-util.so.0 libxcb-shape.so.0 libxkbcommon-x11.so.0 libxcb-randr.so.0"
PACKAGES="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
libxcb-shape0 libxkbcommon-x11-0 libxcb-randr0 libgl1 libegl1 libfontconfig1 libdbus-1-3"
missing=""
for lib in $LIBS; do
    ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Qt needs these system libraries to open a window:$missing" >&2
    echo "Install them with your package manager, then run 'make run' again." >&2
    exit 0  # a Wayland session may still work
fi
echo "Installing the libraries Qt needs to open a window:$missing"
if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
else
    sudo apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null
fi
