// Times the widget in headless Chromium, as a customer meets it: from navigation to the
// form's `ready` event (wasm fetched, compiled, customer loaded, form rendered), and from
// a keystroke to the error under the field changing. One fresh page per run; medians
// and p90 over the runs. Usage: node bench/widget.mjs <label>=<page-url> ... [--runs N]
import { createRequire } from 'node:module';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 15;
const targets = args.map((arg) => arg.split(/=(.*)/s).slice(0, 2));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

async function once(url) {
  // A new context per run: nothing cached, as on a first visit.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('ready', () => { window.__readyAt = performance.now(); }, { once: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30_000 });
  const ready = await page.evaluate(() => window.__readyAt);
  // Make the email's error live (typed, left), then time one keystroke that changes it.
  const email = page.locator('input[type=email]').first();
  await email.fill('not-an-email');
  await email.blur();
  await page.locator('.cuw-field--error').first().waitFor();
  const keystroke = await email.evaluate((input) => new Promise((resolve) => {
    const field = input.closest('.cuw-field');
    const start = performance.now();
    new MutationObserver((_, observer) => {
      if (!field.classList.contains('cuw-field--error')) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    }).observe(field, { attributes: true, childList: true, subtree: true });
    input.value = 'name@example.com';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'm' }));
  }));
  await context.close();
  return { ready, keystroke };
}

const pick = (values, q) => values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
// Warm the OS file cache and each proxy once, then alternate between the targets run by
// run, so a busy moment of the machine lands on all of them alike.
for (const [, url] of targets) await once(url);
const results = targets.map(([label]) => [label, []]);
for (let i = 0; i < runs; i += 1) {
  for (const [index, [, url]] of targets.entries()) results[index][1].push(await once(url));
}
console.log(`${'build'.padEnd(12)} ${'runs'.padStart(4)}  ${'ready p50'.padStart(10)} ${'ready p90'.padStart(10)}  ${'key→error p50'.padStart(14)} ${'p90'.padStart(8)}`);
for (const [label, samples] of results) {
  const ready = samples.map((s) => s.ready);
  const key = samples.map((s) => s.keystroke);
  console.log(`${label.padEnd(12)} ${String(runs).padStart(4)}  ${pick(ready, 0.5).toFixed(1).padStart(8)}ms ${pick(ready, 0.9).toFixed(1).padStart(8)}ms  ${pick(key, 0.5).toFixed(2).padStart(12)}ms ${pick(key, 0.9).toFixed(2).padStart(6)}ms`);
}
await browser.close();
