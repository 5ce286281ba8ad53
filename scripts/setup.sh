#!/usr/bin/env bash
# Installs every tool the build, demo and tests need on a fresh machine of this kind
# (Debian + rustup). Each step is skipped when the tool is already there at the right
# version, so a warm machine starts in seconds. Versions and the reasons for
# each pin are in docs/architecture.md ("Toolchain").
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
ESBUILD_VERSION=0.28.2
SCHEMATHESIS_VERSION=4.32.5
LEPTOSFMT_VERSION=0.1.33
# The same PATH the other scripts use, so a tool installed on an earlier run is found.
source scripts/env.sh

log() { if [ -t 1 ]; then printf '\033[1m[setup]\033[0m %s\n' "$*"; else printf '[setup] %s\n' "$*"; fi; }

# Node 20+ runs the e2e tests (Playwright) and npm installs wasm-opt; it is a prerequisite.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "[setup] Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# wasm target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# clippy (the tests lint with -D warnings); rustup's default profile has it already
if ! cargo clippy --version >/dev/null 2>&1; then
  log "adding clippy"
  rustup component add clippy
fi
# rustfmt (the tests check formatting); rustup's default profile has it already
if ! cargo fmt --version >/dev/null 2>&1; then
  log "adding rustfmt"
  rustup component add rustfmt
fi

# Debian packages: headless browser + driver for tests, brotli for the size bench, wrk for the
# proxy bench, redis-server for the proxy's shared rate limit tests (they start their own)
missing=()
for pair in chromium:/usr/bin/chromium chromium-driver:/usr/bin/chromedriver brotli:/usr/bin/brotli wrk:/usr/bin/wrk redis-server:/usr/bin/redis-server; do
  pkg=${pair%%:*}; bin=${pair#*:}
  [ -x "$bin" ] || missing+=("$pkg")
done
# ...and python3-venv for the contract test's schemathesis venv (below)
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# wasm-bindgen CLI at exactly the library's version (not --locked: see docs/architecture.md)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 min once)"
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# trunk (0.22 needs a newer rustc than this machine has)
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  log "cargo install trunk $TRUNK_VERSION (about 12 min once)"
  cargo install -q --locked "trunk@$TRUNK_VERSION" --force
fi

# leptosfmt: formats the bodies of view! macros, which rustfmt leaves alone
if [ "$(leptosfmt --version 2>/dev/null | awk '{print $2}')" != "$LEPTOSFMT_VERSION" ]; then
  log "cargo install leptosfmt $LEPTOSFMT_VERSION (about 3 min once)"
  cargo install -q --locked "leptosfmt@$LEPTOSFMT_VERSION" --force
fi

# wasm-opt from npm's binaryen (Debian's 108 breaks wasm-bindgen's reference-types table)
if [ "$("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "$BINARYEN_VERSION" ]; then
  log "npm install binaryen@$BINARYEN_VERSION into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# esbuild minifies the JS glue and CSS of the release build (scripts/minify-dist.sh)
if [ "$("$TOOLS_DIR/node_modules/.bin/esbuild" --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
  log "npm install esbuild@$ESBUILD_VERSION into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS_DIR" "esbuild@$ESBUILD_VERSION" >/dev/null
fi

# schemathesis fuzzes the running proxy from its OpenAPI document (scripts/contract.py),
# in its own venv so the system Python stays untouched
SCHEMATHESIS_VENV=$TOOLS_DIR/schemathesis-venv
if [ "$("$SCHEMATHESIS_VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$SCHEMATHESIS_VERSION" ]; then
  log "pip install schemathesis==$SCHEMATHESIS_VERSION into $SCHEMATHESIS_VENV"
  mkdir -p "$TOOLS_DIR"
  python3 -m venv "$SCHEMATHESIS_VENV"
  "$SCHEMATHESIS_VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# end-to-end test dependencies (no browser download: tests use /usr/bin/chromium)
if [ -f e2e/package.json ] && { [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; }; then
  log "npm ci in e2e/"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
fi

log "tools ready"
