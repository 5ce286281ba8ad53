#!/usr/bin/env bash
# Builds the two peer apps (Vite's default production build) into bench/peers/<app>/dist,
# for bench/size.sh and bench/widget.sh. Skips what is up to date: `npm ci` only when
# node_modules is missing or older than package-lock.json, `vite build` only when a
# source file is newer than dist/index.html.
#   bench/peers/build.sh [app ...]   default: react-rhf-zod vanilla
set -euo pipefail
cd "$(dirname "$0")"

# Both apps load their own copy of the files they have in common; a difference would make
# the comparison unfair.
for f in style.css countries.ts model.ts; do
  cmp -s "react-rhf-zod/src/$f" "vanilla/src/$f" || echo "warning: src/$f differs between the peer apps" >&2
done

apps=("$@")
((${#apps[@]})) || apps=(react-rhf-zod vanilla)
for app in "${apps[@]}"; do
  [[ -f $app/package.json ]] || { echo "no peer app $app in bench/peers" >&2; exit 1; }
  (
    cd "$app"
    if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
      echo "bench/peers/$app: npm ci" >&2
      npm ci --silent --no-audit --no-fund
    fi
    newer=$(find index.html src package.json package-lock.json vite.config.ts tsconfig.json \
      -newer dist/index.html 2>/dev/null | head -n 1 || true)
    if [[ ! -f dist/index.html || -n $newer ]]; then
      echo "bench/peers/$app: vite build" >&2
      npx --no-install vite build --logLevel warn >&2
    fi
  )
done
