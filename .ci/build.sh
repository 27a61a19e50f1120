#!/usr/bin/env bash
# A static release build into dist/: a folder any static host, or a laptop with no
# network, can serve. Extra arguments go to `trunk build`, for example
# `--public-url /mlops-lab/` to serve it from that sub-path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release --offline "$@"
echo "Release build in dist/. Serve it with: node .ci/static-server.mjs --dir dist --base ${PUBLIC_URL:-/}"
