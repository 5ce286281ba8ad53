// Serves a peer app's dist/ on 127.0.0.1 for bench/widget.sh, as a plain static host would
// (no compression: on loopback the bytes cost nothing, and none of the pages gets it).
// `PATCH /api/customer` answers 200, so a valid submit works as against the app's backend.
// Usage: node bench/peers/serve.mjs <dist-dir>  → prints "listening on http://127.0.0.1:PORT"
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve, join, extname, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://host').pathname);
  if (path === '/api/customer' && request.method === 'PATCH') {
    request.resume();
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    return;
  }
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root + sep) || !['GET', 'HEAD'].includes(request.method)) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
