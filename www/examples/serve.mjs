// A tiny static web server for the example hosts, standing in for "your web app": it
// serves a folder, maps extra folders under URL prefixes, and forwards the widget's API
// (/v1/) and the sandbox's demo endpoints (/demo/) to the token proxy, so the page and
// the API share one origin. It sends the strict CSP the widget promises to work under.
//   node serve.mjs --root plain --map /customer-update-widget/=../../pkg --api http://127.0.0.1:8787 [--port 0]
// Prints "listening on http://127.0.0.1:<port>" once ready. Node built-ins only.
import { createServer, request as httpRequest } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const root = resolve(option('root', '.'));
const api = new URL(option('api', 'http://127.0.0.1:8787'));
const port = Number(option('port', '0'));
const maps = args.flatMap((arg, i) => (arg === '--map' && args[i + 1] ? [args[i + 1].split('=')] : []))
  .map(([prefix, dir]) => [prefix, resolve(dir)]);

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The file for a URL path, never outside its folder. */
function fileFor(pathname) {
  const [prefix, dir] = maps.find(([p]) => pathname.startsWith(p)) ?? ['/', root];
  const relative = normalize(decodeURIComponent(pathname.slice(prefix.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, relative);
  if (!file.startsWith(dir)) return null;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

function forward(req, res) {
  const headers = { ...req.headers, host: api.host };
  delete headers.origin; // same-origin for the browser; the proxy sees a server-side call
  const upstream = httpRequest({ hostname: api.hostname, port: api.port, path: req.url, method: req.method, headers }, (reply) => {
    res.writeHead(reply.statusCode ?? 502, reply.headers);
    reply.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('token proxy not reachable');
  });
  req.pipe(upstream);
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://x');
  if (pathname.startsWith('/v1/') || pathname === '/v1' || pathname.startsWith('/demo/')) return forward(req, res);
  const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(pathname) : null;
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain', 'content-security-policy': CSP });
    return res.end('not found');
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
