#!/usr/bin/env bash
# Prints the size of the release build, raw and gzipped, in four parts: the critical path
# of a first visit to a non-scenario page, the scenario page's, the simulation's worker, and the offline copy. Builds dist/ first unless --no-build is given.
# With --shell it also builds and measures the shell alone: the app with every content
# section reduced to its title and summary (the `shell-only` feature,
# src/pages/placeholder.rs), with the shell's own stylesheet.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
no_build=false shell=false
for arg in "$@"; do
  case "$arg" in
    --no-build) no_build=true ;;
    --shell) shell=true ;;
    *) echo "usage: size.sh [--no-build] [--shell]" >&2; exit 2 ;;
  esac
done
if [ "$no_build" = false ]; then
  trunk build --release --offline --public-url /mlops-lab/ >/dev/null
fi
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
gz_size() {
  # woff2 and png are already compressed; servers send them as they are.
  case "$1" in *.woff2 | *.png) stat -c%s "$1" ;; *) gzip -9c "$1" | wc -c ;; esac
}
# Prints one table: a title, then a row a file and the total.
table() {
  local title="$1" total_raw=0 total_gz=0 raw gz
  shift
  printf '\n%-40s %10s %10s\n' "$title" "raw B" "gzip -9 B"
  for file in "$@"; do
    [ -f "$file" ] || continue
    raw=$(stat -c%s "$file") gz=$(gz_size "$file")
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
    printf '%-40s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
  done
  printf '%-40s %10d %10d  (%s)\n' "total" "$total_raw" "$total_gz" "$(kb "$total_gz")"
}

# 1. The critical path: what a first visit to a section other than the scenario needs
#    before it is interactive (the budget is 350 KB gzipped): the prerendered page, its
#    style sheets and fonts, the strings it preloads (its language's core and its section's
#    part), and the page's WebAssembly and its JavaScript glue. Every such page in both
#    languages is summed; the table shows the heaviest.
shared=(dist/*.css dist/*.woff2 dist/mlops-lab-[0-9a-f]*.js dist/mlops-lab-[0-9a-f]*_bg.wasm)
heaviest="" heaviest_gz=0
printf '\n%-40s %10s\n' "critical path, per first page" "gzip -9 B"
for page in dist/en/*.html dist/he/*.html; do
  case "$page" in */scenario.html) continue ;; esac
  mapfile -t strings < <(sed -n 's/.*<link rel="preload" href="\(strings-[^"]*\)".*/dist\/\1/p' "$page")
  total=0
  for file in "$page" "${shared[@]}" "${strings[@]}"; do total=$((total + $(gz_size "$file"))); done
  printf '%-40s %10d  (%s)\n' "${page#dist/}" "$total" "$(kb "$total")"
  if [ "$total" -gt "$heaviest_gz" ]; then heaviest="$page" heaviest_gz=$total; fi
done
mapfile -t strings < <(sed -n 's/.*<link rel="preload" href="\(strings-[^"]*\)".*/dist\/\1/p' "$heaviest")
table "critical path (heaviest: ${heaviest#dist/})" "$heaviest" "${shared[@]}" "${strings[@]}"

# 2. The scenario's page on a first visit: its binary (every page, the scenario's
#    included) instead of the sections' one, and the scenario's strings. Not budgeted.
mapfile -t strings < <(sed -n 's/.*<link rel="preload" href="\(strings-[^"]*\)".*/dist\/\1/p' dist/en/scenario.html)
table "scenario page, first visit (en)" dist/en/scenario.html dist/*.css dist/*.woff2 dist/mlops-lab-scenario-*.js dist/mlops-lab-scenario-*_bg.wasm "${strings[@]}"

# 3. The simulation's worker: loaded by the scenario, a lesson stop in the lab, the report,
#    and, for the offline copy, after the page is idle.
table "simulation worker (on demand)" dist/sim-worker.js dist/sim-worker_bg.wasm

# 4. Everything the offline copy stores (the list in sw.js, with index.html and sw.js).
mapfile -t offline < <(node -e '
  const sw = require("node:fs").readFileSync("dist/sw.js", "utf8");
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]).filter((f) => f !== "./");
  for (const f of ["index.html", "sw.js", ...files]) console.log(`dist/${f}`);
')
table "offline copy (stored after the first visit)" "${offline[@]}"

if [ "$shell" = true ]; then
  # The same steps a release build takes (wasm-bindgen keeping the function names, which
  # wasm-opt sorts the functions by and then strips; wasm-opt with index.html's flags,
  # then the glue and the style sheet minified and the imports renamed short), on the
  # shell-only build, into its own folder.
  target_dir="${CARGO_TARGET_DIR:-target}"
  out="$target_dir/shell-only"
  cargo build --quiet --release --target wasm32-unknown-unknown --bin mlops-lab --no-default-features --features shell-only
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen "$target_dir/wasm32-unknown-unknown/release/mlops-lab.wasm" --out-dir "$out" --target web --no-typescript --keep-debug
  read -r -a params <<<"$(grep 'data-bin="mlops-lab"' index.html | sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p')"
  wasm-opt -Oz "${params[@]}" "$out/mlops-lab_bg.wasm" -o "$out/mlops-lab_bg.wasm"
  cp public/style.css "$out/style.css"
  node .ci/minify.mjs "$out/mlops-lab.js" "$out/style.css"
  echo
  printf '%-34s %10s %10s\n' "the shell alone" "raw B" "gzip -9 B"
  shell_gz=0
  for file in "$out/mlops-lab_bg.wasm" "$out/mlops-lab.js" "$out/style.css"; do
    raw=$(stat -c%s "$file") gz=$(gzip -9c "$file" | wc -c)
    shell_gz=$((shell_gz + gz))
    printf '%-34s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
  done
  printf '%-34s %10s %10d  (%s)\n' "wasm + JS + CSS" "" "$shell_gz" "$(kb "$shell_gz")"
fi
