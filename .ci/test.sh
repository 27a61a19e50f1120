#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests (simulation, content parity, URLs),
# WebAssembly tests (in Node and in headless Chromium), then the end-to-end tests against
# the release build served under /mlops-lab/ and at a site's root. Installs what it needs first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --browser
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step "Formatting and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --quiet -- -D warnings
# Both binaries and the browser tests, then the page alone as trunk builds it (no engine).
cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --quiet --features ui -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --quiet --no-default-features --features ui -- -D warnings
# The shell-only build exists only to be measured (npm run size -- --shell); keep it sound.
cargo clippy --target wasm32-unknown-unknown --lib --bins --quiet --no-default-features --features shell-only -- -D warnings

step "The page carries no engine"
# The page is built without the `engine` feature, so the simulation, the drift statistics
# and the chart drawing are not compiled into it (the clippy run above proves it builds
# so), and neither are the crates only they use. This fails if one creeps back.
page_deps="$(cargo tree --quiet --target wasm32-unknown-unknown --no-default-features --features ui -e normal --prefix none)"
for crate in rand rand_distr libm plotters plotters-svg; do
  if grep -q "^$crate v" <<<"$page_deps"; then
    echo "The page's WebAssembly depends on $crate: it belongs in the simulation's worker." >&2
    exit 1
  fi
done
grep -q "^gloo-worker v" <<<"$page_deps" || { echo "The page no longer spawns the worker through gloo-worker." >&2; exit 1; }
echo "page: no rand, rand_distr, libm or plotters"

step "Native tests"
cargo test --quiet
# The end-to-end tests compare the page with the command-line example's figures. `cargo test`
# builds that example only as a test harness (it has unit tests), so build the program itself.
cargo build --quiet --example scenario

step "WebAssembly tests (Node and headless Chromium)"
# wasm-bindgen-test-runner starts CHROMEDRIVER with the capabilities in webdriver.json
# (or in the file WASM_BINDGEN_TEST_WEBDRIVER_JSON names). Without a `binary` there,
# ChromeDriver starts whichever Chrome it finds itself, so the tests run on a copy of
# webdriver.json that names the Chromium of CHROME_PATH, as the end-to-end tests do.
if [ -n "${CHROME_PATH:-}" ]; then
  webdriver_json="$(mktemp "${TMPDIR:-/tmp}/mlops-lab-webdriver.XXXXXX")"
  trap 'rm -f "$webdriver_json"' EXIT
  node -e '
    const [file, binary] = process.argv.slice(1);
    const capabilities = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
    (capabilities["goog:chromeOptions"] ??= {}).binary = binary;
    process.stdout.write(JSON.stringify(capabilities, null, 2) + "\n");
  ' webdriver.json "$(command -v "$CHROME_PATH" || echo "$CHROME_PATH")" >"$webdriver_json"
  export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$webdriver_json"
fi
WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --features ui --test 'web_*' --test 'sim_wasm_*'

step "Release builds under /mlops-lab/ and at a site's root"
# One compile serves both: the second build only re-runs wasm-opt and the post-build steps.
trunk build --release --offline --public-url /mlops-lab/ >/dev/null
trunk build --release --offline --public-url / --dist dist-root >/dev/null

step "End-to-end tests in $CHROME_PATH"
npx playwright test
step "Every test passed"
