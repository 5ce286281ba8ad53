#!/usr/bin/env bash
# Builds the widget (release) and starts the proxy in sandbox mode serving it and its demo
# page: four providers' demo customers, no credentials needed. Extra arguments go to
# `customer-update-proxy serve` (e.g. --listen 127.0.0.1:9000). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
source scripts/env.sh

log() { printf '[demo] %s\n' "$*"; }
mkdir -p target
log "trunk build --release"
trunk build --release >target/demo-build.log 2>&1 || { tail -n 60 target/demo-build.log >&2; exit 1; }
log "building and starting the proxy in sandbox mode (it prints the URL to open)"
exec cargo run -q --release -p customer-update-proxy -- serve "$@"
