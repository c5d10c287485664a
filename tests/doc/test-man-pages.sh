#!/usr/bin/env bash
# The man pages render without groff warnings and document every option
# the programs accept (read from their --help), so they cannot drift.
# Arguments: the build root. TAP output.
set -uo pipefail

build="$1"
n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

render () { LC_ALL=C.UTF-8 MANWIDTH=200 groff -man -Tutf8 -P-c -P-b -P-u "$build/doc/$1" 2>/dev/null; }

# options_of PROGRAM ARGS...: the long options its --help lists.
options_of () { "$@" --help 2>&1 | grep -oE '(^|[ ,])--[a-z][a-z-]*' | sed 's/^[ ,]*//' | grep -vE -- '^--help(-[a-z]+)?$' | sort -u; }

check_options () {
  local page=$1; shift
  local text missing=""
  text=$(render "$page")
  for opt in $(options_of "$@"); do
    grep -qF -- "$opt" <<<"$text" || missing="$missing $opt"
  done
  if [ -z "$missing" ]; then ok "$page documents every option of '${*##*/}'"; else not_ok "$page lacks$missing (from '${*##*/} --help')"; fi
}

for page in rivya.1 rivya-server.1 rivya-desktop.1; do
  warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$build/doc/$page" 2>&1)
  if [ -f "$build/doc/$page" ] && [ -z "$warnings" ]; then
    ok "$page renders without warnings"
  else
    not_ok "$page renders without warnings"
    printf '# %s\n' "$warnings"
  fi
done

server="$build/src/server/rivya-server"
cli="$build/src/cli/rivya"
check_options rivya-server.1 "$server" serve
for cmd in models generate status credits chat; do
  check_options rivya.1 "$cli" "$cmd"
done
check_options rivya.1 "$cli" files upload
check_options rivya.1 "$cli" verify-webhook
check_options rivya-desktop.1 "$build/src/app/rivya-desktop"

echo "1..$n"
exit $((failed > 0))
