#!/usr/bin/env bash
# Load and interaction time of the widget and of the two peer forms (bench/peers: React +
# react-hook-form + zod, and vanilla TypeScript) in one run, in headless Chromium with the
# CPU slowed 4x (bench/widget.mjs says what each figure times).
#   bench/widget.sh [--runs N] [--cpu RATE] [--browser-arg ARG] [--no-peers] [label=dist-dir[?query] ...]
#   default: this checkout's dist/ as "widget", then the peers as "react" and "vanilla"
# Each widget dist is served by the (release) proxy in sandbox mode on its own port (the
# demo page, a sandbox demo customer); give two dists (e.g. an older commit's
# `trunk build --release --dist …`) to compare them side by side, or one dist twice with a
# query for the demo page (`pt=dist?lang=pt-BR`). The peers are built when out of date
# (bench/peers/build.sh) and served as static files; they start from a canned customer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

runs=15 cpu=4 peers=1 targets=() browser_args=()
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --cpu) cpu=$2; shift 2 ;;
    --browser-arg) browser_args+=(--browser-arg "$2"); shift 2 ;;
    --no-peers) peers=0; shift ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=("widget=dist")
[[ -d e2e/node_modules/playwright-core ]] || { echo "e2e/node_modules is missing: run scripts/setup.sh (it runs npm ci in e2e/)" >&2; exit 1; }

cargo build -q --release -p customer-update-proxy
((peers)) && bench/peers/build.sh
pids=() urls=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT

# Prints the URL a server wrote to its log as "… listening on http://…", once it is up.
url_in_log() { # log
  local url
  for _ in $(seq 100); do
    url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$1" | head -n 1)
    [[ -n $url ]] && { echo "$url"; return; }
    sleep 0.1
  done
  echo "no server started, see $1:" >&2; cat "$1" >&2; exit 1
}

for target in "${targets[@]}"; do
  label=${target%%=*} dir=${target#*=} query=
  if [[ $dir == *\?* ]]; then query=${dir#*\?} dir=${dir%%\?*}; fi
  [[ -f $dir/index.html ]] || { echo "$dir/index.html not found: build it first (trunk build --release)" >&2; exit 1; }
  log=target/bench-widget-$label.log
  target/release/customer-update-proxy serve --listen 127.0.0.1:0 --dist "$dir" >"$log" 2>&1 &
  pids+=($!)
  base=$(url_in_log "$log")
  urls+=("$label=$base/?provider=swipelux${query:+&$query}")
done
if ((peers)); then
  for peer in react=react-rhf-zod vanilla=vanilla; do
    log=target/bench-widget-${peer%%=*}.log
    node bench/peers/serve.mjs "bench/peers/${peer#*=}/dist" >"$log" 2>&1 &
    pids+=($!)
    urls+=(--peer "${peer%%=*}=$(url_in_log "$log")/")
  done
fi
node bench/widget.mjs "${urls[@]}" --runs "$runs" --cpu "$cpu" "${browser_args[@]}"
