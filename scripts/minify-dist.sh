#!/usr/bin/env bash
# Trunk post_build hook (release builds only): Trunk writes wasm-bindgen's JS glue, the
# demo's script and the CSS as they are, comments and all. Minify them with esbuild
# (~2.9 KB brotli of what the page loads), update their SRI hashes in index.html, then
# write .br and .gz copies next to every file, which the proxy's ServeDir sends to a
# browser that accepts them (brotli 11 is too slow to run per request).
set -euo pipefail
[[ ${TRUNK_PROFILE:-} == release ]] || exit 0
source "$(dirname "$0")/env.sh"
dir=${TRUNK_STAGING_DIR:?run by trunk}
for file in "$dir"/*.js "$dir"/*.css; do
  [[ -f $file ]] || continue
  esbuild "$file" --minify --log-level=warning --allow-overwrite --outfile="$file"
done
python3 - "$dir" <<'PY'
import base64, hashlib, pathlib, re, sys

staging = pathlib.Path(sys.argv[1])
page = staging / "index.html"
html = page.read_text(encoding="utf-8")

def rehash(tag):
    href = re.search(r'href="/?([^"]+)"', tag.group(0))
    asset = staging / href.group(1) if href else None
    if asset is None or not asset.is_file():
        return tag.group(0)
    digest = base64.b64encode(hashlib.sha384(asset.read_bytes()).digest()).decode()
    return re.sub(r'integrity="sha384-[^"]*"', f'integrity="sha384-{digest}"', tag.group(0))

page.write_text(re.sub(r"<link[^>]*integrity=\"[^\"]*\"[^>]*>", rehash, html), encoding="utf-8")
PY

for file in "$dir"/*.wasm "$dir"/*.js "$dir"/*.css "$dir"/*.html "$dir"/*.svg; do
  [[ -f $file ]] || continue
  gzip -9 -k -f "$file"
  if command -v brotli >/dev/null; then brotli -q 11 -k -f "$file"; fi
done
