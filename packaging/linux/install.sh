#!/bin/sh
# Install Contrechamp's desktop integration under PREFIX (default ~/.local): the menu entry,
# the AppStream metadata, the .cartoparty file type and the icons, then refresh the caches.
# `pipx install contrechamp` (or pip) puts `contrechamp-gui` on PATH; this makes the desktop
# find it, and opens a double-clicked survey with it. The Flatpak manifest runs it too.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
share="${1:-$HOME/.local}/share"
id=org.contrechamp.Contrechamp

install -Dm644 "$here/$id.desktop" "$share/applications/$id.desktop"
install -Dm644 "$here/$id.metainfo.xml" "$share/metainfo/$id.metainfo.xml"
install -Dm644 "$here/$id.mime.xml" "$share/mime/packages/$id.xml"
install -Dm644 "$root/resources/icons/contrechamp.svg" "$share/icons/hicolor/scalable/apps/$id.svg"
for size in 48 64 128 256; do
    install -Dm644 "$here/icons/${size}x$size/$id.png" \
        "$share/icons/hicolor/${size}x$size/apps/$id.png"
done
# Caches: absent tools are fine (a Flatpak build, a minimal system); the desktop rebuilds them.
if [ -z "${CONTRECHAMP_NO_CACHES:-}" ]; then
    command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
    command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qt "$share/icons/hicolor" || true
fi
echo "Installed the desktop integration of Contrechamp under $share"
