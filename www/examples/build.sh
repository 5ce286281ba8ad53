#!/usr/bin/env bash
# Builds what the example hosts use: the npm package (pkg/ + tarball), then the Vite
# app, which installs that tarball like any app would and runs `tsc --noEmit && vite build`.
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/build-npm.sh >/dev/null
tarball=$(ls pkg/customer-update-widget-*.tgz)
cd www/examples/vite
rm -rf node_modules/customer-update-widget dist
npm install --no-audit --no-fund --no-package-lock "../../../$tarball"
npm run build
