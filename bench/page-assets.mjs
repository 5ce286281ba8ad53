// Lists the files under DIST that DIST/index.html loads: what its tags reference, then,
// transitively, what each JS file imports (static and `import()` with a literal) and the
// `new URL('…', import.meta.url)` assets wasm-bindgen's glue fetches (the .wasm).
// Usage: node bench/page-assets.mjs dist  → one path per line, relative to dist
// (index.html itself is left out: it is the host page).
import { readFileSync, existsSync, statSync } from 'node:fs';
import { resolve, relative, dirname, join } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const found = new Set();

const missing = [];

function local(ref, fromFile) {
  if (!ref || /^(data:|https?:|\/\/|#|mailto:|blob:)/.test(ref)) return null;
  const clean = ref.split(/[?#]/)[0];
  const path = clean.startsWith('/') ? join(dist, clean) : resolve(dirname(fromFile), clean);
  if (existsSync(path) && statSync(path).isFile()) return path;
  // Only the page's own references must exist: wasm-bindgen's glue also names a default
  // .wasm path that the loader overrides.
  if (/\.html?$/.test(fromFile)) missing.push(`${relative(dist, fromFile)} refers to ${ref}, which is not in ${dist}`);
  return null;
}

function visit(path) {
  if (found.has(path)) return;
  found.add(path);
  if (!/\.(m?js|html?|css)$/.test(path)) return;
  const text = readFileSync(path, 'utf8');
  const refs = [];
  if (/\.html?$/.test(path)) {
    // src/href, and data-* attributes a loader script reads (the demo passes the widget's
    // hashed JS and wasm names that way).
    for (const tag of text.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
      for (const m of tag[0].matchAll(/\b(?:src|href|data-[\w-]+)\s*=\s*["']([^"']+)["']/gi)) {
        if (/\.(m?js|wasm|css)([?#].*)?$/.test(m[1])) refs.push(m[1]);
      }
    }
  }
  if (/\.(m?js|html?)$/.test(path)) {
    for (const m of text.matchAll(/\bimport\s*(?:[\w*${}\s,]+from\s*)?\(?\s*["']([^"']+)["']/g)) refs.push(m[1]);
    for (const m of text.matchAll(/\bfrom\s*["']([^"']+)["']/g)) refs.push(m[1]);
    for (const m of text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g)) refs.push(m[1]);
  }
  if (/\.css$/.test(path)) {
    for (const m of text.matchAll(/(?:@import\s+|url\()\s*["']?([^"')\s]+)/g)) refs.push(m[1]);
  }
  for (const ref of refs) {
    const target = local(ref, path);
    if (target) visit(target);
  }
}

const index = join(dist, 'index.html');
if (!existsSync(index)) { console.error(`no ${index}: build first (trunk build --release)`); process.exit(2); }
visit(index);
// The page itself is the host's, not the widget's: list only what it pulls in.
for (const path of [...found].sort()) if (path !== index) console.log(relative(dist, path));
// A page that names a file the build did not produce is broken (or the build is half-written).
if (missing.length) { console.error(missing.join('\n')); process.exit(3); }
