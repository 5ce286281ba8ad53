#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/*.png) from a Playwright run against the
# release build served by the proxy in sandbox mode.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >/dev/null
source scripts/env.sh
mkdir -p target docs
trunk build --release >target/screenshots-build.log 2>&1 || { tail -n 60 target/screenshots-build.log >&2; exit 1; }
cargo build -q -p customer-update-proxy
# The custom element's shots (e2e/tests/embed-docs.shots.ts) load the npm package from pkg/.
scripts/build-npm.sh --no-pack >target/screenshots-npm.log 2>&1 || { tail -n 60 target/screenshots-npm.log >&2; exit 1; }
cd e2e
SCREENSHOTS=1 npx --no-install playwright test --project=screenshots --reporter=line
ls -1 ../docs/*.png
