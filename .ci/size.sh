#!/usr/bin/env bash
# Prints the size of the release build (wasm, JS, CSS, fonts; raw and gzipped) and the
# total a first visit downloads. Builds dist/ first unless --no-build is given.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release --offline --public-url /mlops-lab/ >/dev/null
fi
printf '%-34s %10s %10s\n' "file" "raw B" "gzip -9 B"
total_raw=0 total_gz=0 app_gz=0
for file in dist/*.wasm dist/*.js dist/*.css dist/index.html dist/*.woff2 dist/*.svg; do
  [ -f "$file" ] || continue
  raw=$(stat -c%s "$file")
  # woff2 is already compressed; servers send it as it is.
  case "$file" in *.woff2) gz=$raw ;; *) gz=$(gzip -9c "$file" | wc -c) ;; esac
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  case "$file" in *.wasm | *.js | *.css) app_gz=$((app_gz + gz)) ;; esac
  printf '%-34s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
done
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
printf '%-34s %10s %10d  (%s)\n' "wasm + JS + CSS" "" "$app_gz" "$(kb "$app_gz")"
printf '%-34s %10d %10d  (%s)\n' "everything a first visit loads" "$total_raw" "$total_gz" "$(kb "$total_gz")"
