#!/usr/bin/env bash
# Prints the size of the release build (wasm, JS, CSS, fonts; raw and gzipped) and the
# total a first visit downloads. Builds dist/ first unless --no-build is given.
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
printf '%-34s %10s %10s\n' "file" "raw B" "gzip -9 B"
total_raw=0 total_gz=0 app_gz=0
# A first visit loads the page (the English home page and what it links), and the service
# worker then stores the files the app needs offline (the list in sw.js, with index.html).
mapfile -t files < <(node -e '
  const sw = require("node:fs").readFileSync("dist/sw.js", "utf8");
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]).filter((f) => f !== "./");
  for (const f of ["en/index.html", "index.html", "sw.js", ...files]) console.log(`dist/${f}`);
')
for file in "${files[@]}"; do
  [ -f "$file" ] || continue
  raw=$(stat -c%s "$file")
  # woff2 is already compressed; servers send it as it is.
  case "$file" in *.woff2 | *.png) gz=$raw ;; *) gz=$(gzip -9c "$file" | wc -c) ;; esac
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz))
  case "$file" in *.wasm | *.js | *.css) app_gz=$((app_gz + gz)) ;; esac
  printf '%-34s %10d %10d\n' "${file#dist/}" "$raw" "$gz"
done
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
printf '%-34s %10s %10d  (%s)\n' "wasm + JS + CSS" "" "$app_gz" "$(kb "$app_gz")"
printf '%-34s %10d %10d  (%s)\n' "a first visit, offline copy too" "$total_raw" "$total_gz" "$(kb "$total_gz")"

if [ "$shell" = true ]; then
  # The same steps a release build takes (wasm-bindgen keeping the function names, which
  # wasm-opt sorts the functions by and then strips; wasm-opt with index.html's flags,
  # then the glue and the style sheet minified and the imports renamed short), on the
  # shell-only build, into its own folder.
  target_dir="${CARGO_TARGET_DIR:-target}"
  out="$target_dir/shell-only"
  cargo build --quiet --release --target wasm32-unknown-unknown --bin mlops-lab --features shell-only
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen "$target_dir/wasm32-unknown-unknown/release/mlops-lab.wasm" --out-dir "$out" --target web --no-typescript --keep-debug
  read -r -a params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
  wasm-opt -Oz "${params[@]}" "$out/mlops-lab_bg.wasm" -o "$out/mlops-lab_bg.wasm"
  cp public/style.css "$out/style.css"
  node .ci/minify.mjs "$out/mlops-lab.js" "$out/style.css"
  node .ci/short-imports.mjs "$out/mlops-lab.js" "$out/mlops-lab_bg.wasm"
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
