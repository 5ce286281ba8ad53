// End-to-end tests: the release build of the widget (dist/), served by the proxy in
// sandbox mode, driven in the system's Chromium (no browser download).
import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';

// One free loopback port, picked once by the main process; workers inherit the variable.
if (!process.env.E2E_BASE_URL) {
  const port = execFileSync(process.execPath, ['-e',
    "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.E2E_START_SERVER = '1';
}
const baseURL = process.env.E2E_BASE_URL;
const { port } = new URL(baseURL);

export const chromiumArgs = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export default defineConfig({
  testDir: './tests',
  forbidOnly: !!process.env.CI,
  // One retry on CI only, and test.sh reports any test that needed it as flaky.
  retries: process.env.CI ? 1 : 0,
  // One test at a time: every test resets the one shared sandbox (tests/support.ts), and a
  // fault injected for a provider must hit that test's request, not another's.
  workers: 1,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'e2e', testMatch: /.*\.spec\.ts$/ },
    // Regenerates docs/*.png; runs only when asked (scripts/screenshots.sh).
    ...(process.env.SCREENSHOTS ? [{ name: 'screenshots', testMatch: /.*\.shots\.ts$/ }] : []),
  ],
  // Set E2E_BASE_URL to test a proxy you already started instead.
  webServer: process.env.E2E_START_SERVER ? {
    // The sandbox starts fresh with each run, so the tests always see the same demo customers.
    command: `cargo run -q -p customer-update-proxy -- serve --listen 127.0.0.1:${port} --dist ${process.env.E2E_DIST ?? 'dist'}`,
    cwd: '..',
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { CUW_LOG: process.env.CUW_LOG ?? 'warn' },
  } : undefined,
});
