// Fixtures for the embedding tests: the example hosts, each served as "your web app"
// would be, with the token proxy (Playwright's webServer, sandbox mode) as its API.
// - plainHost: www/examples/plain served by www/examples/serve.mjs, the npm package
//   (pkg/, from scripts/build-npm.sh) mapped at /customer-update-widget/.
// - viteHost: www/examples/vite's `vite build` output served by `vite preview`.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';

export const repo = resolve(__dirname, '../..');
const apiBase = () => process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8787';

/** Starts `command` and resolves with the first http://127.0.0.1:<port> URL it prints. */
function startServer(command: string, args: string[], cwd: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(/http:\/\/(?:127\.0\.0\.1|localhost):\d+/);
      if (found) {
        clearTimeout(timer);
        resolveStart({ url: found[0].replace('localhost', '127.0.0.1'), child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

function requireBuilt(path: string, how: string) {
  if (!existsSync(resolve(repo, path))) throw new Error(`${path} is missing: run ${how} first`);
}

type Hosts = { plainHost: string; viteHost: string };

export const test = base.extend<{}, Hosts>({
  plainHost: [async ({}, use) => {
    requireBuilt('pkg/package.json', 'scripts/build-npm.sh');
    const { url, child } = await startServer(process.execPath, [
      'serve.mjs', '--root', 'plain', '--map', `/customer-update-widget/=${resolve(repo, 'pkg')}`, '--api', apiBase(),
    ], resolve(repo, 'www/examples'));
    await use(url);
    child.kill();
  }, { scope: 'worker' }],
  viteHost: [async ({}, use) => {
    requireBuilt('www/examples/vite/dist/index.html', 'www/examples/build.sh');
    const port = await freePort();
    const { url, child } = await startServer(process.execPath, [
      'node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort',
    ], resolve(repo, 'www/examples/vite'));
    await use(url);
    child.kill();
  }, { scope: 'worker' }],
});
export { expect };

/** Collects what a page reports as wrong: console errors, uncaught exceptions, CSP violations. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** The events the plain host logged, as [name, detail] pairs. */
export async function loggedEvents(page: Page): Promise<Array<[string, unknown]>> {
  return page.locator('#events li').evaluateAll((items) =>
    items.map((li) => {
      const text = li.textContent ?? '';
      const space = text.indexOf(' ');
      return [text.slice(0, space), JSON.parse(text.slice(space + 1))] as [string, unknown];
    }));
}
