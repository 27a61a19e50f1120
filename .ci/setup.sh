#!/usr/bin/env bash
# Installs what building the app needs, and with --browser what testing it needs too,
# skipping everything already in place (a second run installs nothing). Needs only
# rustup, cargo and Node.js/npm on the machine. Sourced by serve.sh, build.sh and test.sh,
# so the PATH it sets carries over.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen's CLI must equal the crate pinned with `=` in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"$/\1/p' Cargo.toml)
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# Each step says how long the run has taken so far, so a slow step shows in a CI log.
step() { printf '\n\033[1m== %s\033[0m (at %dm%02ds)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "Installing trunk $TRUNK_VERSION (a few minutes, once)"
  # --locked: without it, newer dependencies of trunk 0.21 do not compile together.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lock file names a crate version the registry may no longer serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm packages (wasm-opt from binaryen, terser, lightningcss, the Heebo font and subset-font,
# Playwright, axe-core, Lighthouse), from the committed lock file. Reinstalled only when the
# lock file changed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ]; then
  # A Chromium and its driver for the browser tests: the one named by CHROME_PATH (and
  # CHROMEDRIVER), else one on the PATH, else Debian's packages when running as root on
  # Debian or Ubuntu. Never a downloaded browser.
  find_first() { for name in "$@"; do command -v "$name" 2>/dev/null && return 0; done; return 1; }
  chrome="${CHROME_PATH:-$(find_first chromium chromium-browser google-chrome-stable google-chrome || true)}"
  driver="${CHROMEDRIVER:-$(find_first chromedriver || true)}"
  if [ -z "$chrome" ] || [ -z "$driver" ]; then
    if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
      step "Installing Debian's chromium and chromium-driver"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-core >/dev/null
      chrome="${CHROME_PATH:-$(find_first chromium)}"
      driver="${CHROMEDRIVER:-$(find_first chromedriver)}"
    else
      if [ -z "$chrome" ] && [ -z "$driver" ]; then
        echo "The tests need Chromium and a matching ChromeDriver, and neither was found." >&2
      elif [ -z "$chrome" ]; then
        echo "The tests need Chromium and a matching ChromeDriver: ChromeDriver is at $driver, but no Chromium (or Google Chrome) was found." >&2
      else
        echo "The tests need Chromium and a matching ChromeDriver: Chromium is at $chrome, but no ChromeDriver was found." >&2
      fi
      cat >&2 <<'MSG'
Install what is missing, then run the tests again. On Debian or Ubuntu (as root):
    apt-get install chromium chromium-driver
Elsewhere, install Chromium or Google Chrome and the ChromeDriver of the same version,
and name them:
    CHROME_PATH=/path/to/chrome CHROMEDRIVER=/path/to/chromedriver npm test
MSG
      exit 1
    fi
  fi
  export CHROME_PATH="$chrome" CHROMEDRIVER="$driver"
fi
