#!/usr/bin/env bash
# Load and interaction time of the widget in headless Chromium (bench/widget.mjs): from
# navigation to the form's `ready` event, and from a keystroke to the updated error.
#   bench/widget.sh [--runs N] [label=dist-dir[?query] ...]   default: this checkout's dist/
# Each dist is served by the (release) proxy in sandbox mode on its own port; give two
# dists (e.g. an older commit's `trunk build --release --dist …`) to compare them side by
# side, or one dist twice with a query for the demo page (`pt=dist?lang=pt-BR`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

runs=15 targets=()
while (($#)); do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=("this=dist")

cargo build -q --release -p customer-update-proxy
pids=() urls=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for target in "${targets[@]}"; do
  label=${target%%=*} dir=${target#*=} query=
  if [[ $dir == *\?* ]]; then query=${dir#*\?} dir=${dir%%\?*}; fi
  [[ -f $dir/index.html ]] || { echo "$dir/index.html not found: build it first (trunk build --release)" >&2; exit 1; }
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})")
  target/release/customer-update-proxy serve --listen "127.0.0.1:$port" --dist "$dir" >"target/bench-widget-$label.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
  urls+=("$label=http://127.0.0.1:$port/?provider=swipelux${query:+&$query}")
done
node bench/widget.mjs "${urls[@]}" --runs "$runs"
