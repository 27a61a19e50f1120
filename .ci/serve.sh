#!/usr/bin/env bash
# Builds the app and serves it on localhost with live reload, installing what is missing
# first. Extra arguments go to `trunk serve` (for example --port 9000 or --release).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
port=8080
for ((i = 1; i <= $#; i++)); do
  if [ "${!i}" = "--port" ]; then j=$((i + 1)); port="${!j}"; fi
done
printf '\n\033[1mMLOps Lab will be served at http://127.0.0.1:%s/ (Ctrl+C stops it)\033[0m\n\n' "$port"
exec trunk serve --offline "$@"
