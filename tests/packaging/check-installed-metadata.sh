#!/usr/bin/env bash
# Installs the build into a scratch root, as the package does, and validates what the desktop
# reads there: the .desktop file (desktop-file-validate) and the AppStream metadata with it
# (appstreamcli validate-tree). Also checks that they name one id and that the program and icon
# they name are installed.
#   check-installed-metadata.sh BUILD_DIR APP_ID
set -euo pipefail
build="$1" app_id="$2"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
DESTDIR="$root" cmake --install "$build" --prefix /usr >/dev/null

desktop="$root/usr/share/applications/$app_id.desktop"
metainfo="$root/usr/share/metainfo/$app_id.metainfo.xml"
desktop-file-validate "$desktop"
appstreamcli validate-tree --no-net "$root"

fail() { echo "$*" >&2; exit 1; }
grep -q "<id>$app_id</id>" "$metainfo" || fail "$metainfo: its <id> is not $app_id"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "$metainfo: it does not launch $app_id.desktop"
exec_program="$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop" | sort -u)"
[ -x "$root/usr/bin/$exec_program" ] || fail "Exec names $exec_program, which is not installed"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no icon named $icon"
for page in encore encore-cli; do
    [ -f "$root/usr/share/man/man1/$page.1.gz" ] || fail "no manual page $page(1)"
done
