#!/usr/bin/env bash
# `meson install` into a temporary prefix gives a working app, command
# line and server: the files land where the platform looks for them, and
# the installed programs run from there. TAP output, one case per check.
set -uo pipefail

build="$1"
prefix=/usr/local
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check () { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else not_ok "$what"; fi; }

if ! meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >"$dest.log" 2>&1; then
  echo "1..1"
  echo "not ok 1 - meson install"
  sed 's/^/# /' "$dest.log"
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

root="$dest$prefix"
libdir=$(find "$root" -name 'librivya-*.so*' -printf '%h\n' -quit)
app_id=io.github.rivyadesktop.RivyaDesktop

for bin in rivya-desktop rivya rivya-server; do
  check "$bin is installed and executable" test -x "$root/bin/$bin"
done
check "librivya is installed" test -n "$libdir"
check "the public header is installed" test -f "$root/include/rivya-1.0/rivya.h"
check "the pkg-config file is installed" test -f "$libdir/pkgconfig/rivya-1.0.pc"
check "the GIR is installed" test -f "$root/share/gir-1.0/Rivya-1.0.gir"
check "the typelib is installed" test -f "$libdir/girepository-1.0/Rivya-1.0.typelib"
check "the desktop file is installed and valid" desktop-file-validate "$root/share/applications/$app_id.desktop"
check "the metainfo is installed" test -f "$root/share/metainfo/$app_id.metainfo.xml"
check "the settings schema is installed and compiles" \
  glib-compile-schemas --strict --dry-run "$root/share/glib-2.0/schemas"
check "the scalable icon is installed" test -f "$root/share/icons/hicolor/scalable/apps/$app_id.svg"
check "the symbolic icon is installed" test -f "$root/share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "the D-Bus service is installed" test -f "$root/share/dbus-1/services/$app_id.service"
check "the man pages are installed" \
  test -f "$root/share/man/man1/rivya.1" -a -f "$root/share/man/man1/rivya-server.1" -a -f "$root/share/man/man1/rivya-desktop.1"

missing_mo=""
for lang in $(grep -v '^#' "$(dirname "$0")/../../po/LINGUAS"); do
  [ -f "$root/share/locale/$lang/LC_MESSAGES/rivya-desktop.mo" ] || missing_mo="$missing_mo $lang"
done
if [ -z "$missing_mo" ]; then ok "a translation is installed for every language in po/LINGUAS"; else not_ok "translations missing:$missing_mo"; fi

export LD_LIBRARY_PATH="$libdir"
for bin in rivya-desktop rivya rivya-server; do
  out=$("$root/bin/$bin" --version 2>&1)
  if [[ "$out" == "$bin "[0-9]* ]]; then ok "installed $bin --version: $out"; else not_ok "installed $bin --version: $out"; fi
done

# A program built against the installed header and pkg-config file.
cat >"$dest/hello.c" <<'C'
#include <rivya.h>
int main (void)
{
  g_autoptr(RivyaClient) client = rivya_client_new ("http://127.0.0.1:1", NULL);
  return g_strcmp0 (rivya_client_get_base_url (client), "http://127.0.0.1:1") != 0;
}
C
# The .pc file names the real prefix; point a copy at the staged one.
mkdir -p "$dest/pc"
sed "s|^prefix=.*|prefix=$root|" "$libdir/pkgconfig/rivya-1.0.pc" >"$dest/pc/rivya-1.0.pc"
flags=$(PKG_CONFIG_PATH="$dest/pc" pkg-config --cflags --libs rivya-1.0 2>&1)
if cc -o "$dest/hello" "$dest/hello.c" $flags 2>"$dest/cc.log" && "$dest/hello"; then
  ok "a program builds against the installed pkg-config file and runs"
else
  not_ok "a program builds against the installed pkg-config file and runs"
  sed 's/^/# /' "$dest/cc.log"
fi

# The installed server serves, and the installed command line talks to it.
"$root/bin/rivya-server" serve --data-dir "$dest/data" --listen 127.0.0.1:0 >"$dest/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 100); do
  url=$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$dest/server.log" | head -n1)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -n "$url" ] && RIVYA_BASE_URL="$url" RIVYA_NO_KEYRING=1 "$root/bin/rivya" models 2>&1 | grep -q local-image; then
  ok "the installed server serves the catalog to the installed command line"
else
  not_ok "the installed server serves the catalog to the installed command line"
  sed 's/^/# /' "$dest/server.log"
fi
kill "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null

echo "1..$n"
exit $((failed > 0))
