#!/usr/bin/env bash
# A static release build into dist/: a folder any static host, or a laptop with no
# network, can serve. Extra arguments go to `trunk build`, for example
# `--public-url /mlops-lab/` to serve it from that sub-path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release --offline "$@"

# The base the build was made for, as trunk takes it: the last --public-url given, else
# TRUNK_BUILD_PUBLIC_URL, else the root. Only its path matters to the server.
base="${TRUNK_BUILD_PUBLIC_URL:-/}"
dist=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --public-url) base="${2:-/}"; [ $# -lt 2 ] || shift ;;
    --public-url=*) base="${1#--public-url=}" ;;
    --dist) dist="${2:-dist}"; [ $# -lt 2 ] || shift ;;
    --dist=*) dist="${1#--dist=}" ;;
  esac
  shift
done
case "$base" in
  *://*/*) rest="${base#*://}"; base="/${rest#*/}" ;;
  *://*) base=/ ;;
esac
echo "Release build in $dist/. Serve it with: node .ci/static-server.mjs --dir $dist --base $base"
