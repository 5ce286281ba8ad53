// Times pages that show the contact form in headless Chromium, as a customer meets them,
// with the CPU slowed down (CDP Emulation.setCPUThrottlingRate). Each page is timed the
// same way, whatever it is built with:
//   load       navigation start → the form's email input is in the DOM, enabled, and
//              shows the customer's email (the script has run and filled the form)
//   first error  pointer down on the submit button, with an invalid email typed in
//              (no blur) → the first inline error (`#<field>-error`) visible
//   keystroke  the Backspace that makes the email valid again → its error gone
// For the widget, the time of its `ready` event is reported too. One fresh browser
// context per run (nothing cached, as on a first visit); the pages take turns run by run.
// Usage: node bench/widget.mjs <label>=<page-url> ... [--peer <label>=<page-url> ...]
//          [--runs N] [--cpu RATE] [--browser-arg ARG ...]
// --browser-arg passes a switch to Chromium, e.g. `--js-flags=--no-wasm-lazy-compilation`
// to see what V8's lazy compilation of the wasm costs a page load (a page cannot set it).
// Ratios are printed for each widget page against each peer, and against the first widget
// page when there are several (e.g. before=… after=…).
import { createRequire } from 'node:module';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

// The invalid email: a second `@` that one Backspace removes.
const VALID_EMAIL = 'name@example.com';
const INVALID_EMAIL = `${VALID_EMAIL}@`;
const TIMEOUT = 60_000;

const args = process.argv.slice(2);
let runs = 15;
let cpu = 4;
const browserArgs = [];
const pages = [];
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i];
  if (arg === '--runs') runs = Number(args[(i += 1)]);
  else if (arg === '--cpu') cpu = Number(args[(i += 1)]);
  else if (arg === '--browser-arg') browserArgs.push(args[(i += 1)]);
  else {
    const peer = arg === '--peer';
    const [label, url] = (peer ? args[(i += 1)] : arg).split(/=(.*)/s);
    if (!url) throw new Error(`expected <label>=<url>, got ${arg}`);
    pages.push({ label, url, peer, samples: [] });
  }
}
if (!pages.length || !(runs > 0) || !(cpu >= 1) || browserArgs.some((switch_) => !switch_)) {
  console.error('usage: node bench/widget.mjs <label>=<url> ... [--peer <label>=<url> ...] [--runs N] [--cpu RATE] [--browser-arg ARG ...]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...browserArgs],
});

// Runs in every document before its own scripts (an init script, so the demo page's strict
// CSP does not apply to it): notes when the email input first holds a value, checked on
// every DOM change and every frame (a script that sets `.value` changes no attribute), and
// when the widget says `ready`; and gives the timers below their probes.
function installProbes() {
  // Inline errors in all three pages are `<p id="<field>-error">`; the widget keeps its
  // elements and hides them, the peers add and remove them.
  const visible = (element) => !!element && element.checkVisibility() && element.textContent.trim() !== '';
  const email = () => document.querySelector('input[type=email]');
  const probes = {
    usable: () => { const input = email(); return !!input && !input.disabled && input.value !== ''; },
    anyErrorVisible: () => [...document.querySelectorAll('[id$="-error"]')].some(visible),
    emailErrorGone: () => !visible(document.getElementById(`${email().id}-error`)),
  };
  const check = () => {
    if (window.__usableAt === undefined && probes.usable()) window.__usableAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => { check(); if (window.__usableAt === undefined) requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  document.addEventListener('ready', () => { window.__readyAt = performance.now(); }, { once: true });

  // Resolves with the time from the next `startEvent` (capture phase, so before any handler
  // of the page) to the first DOM change after which probe `done` holds.
  const timeFrom = (startEvent, done) => new Promise((resolve) => {
    let start;
    document.addEventListener(startEvent, (event) => { start ??= event.timeStamp; }, { capture: true });
    new MutationObserver((_, observer) => {
      if (start !== undefined && probes[done]()) {
        observer.disconnect();
        resolve(performance.now() - start);
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  window.__bench = { probes, timeFrom };
}

async function once({ label, url }) {
  const step = async (name, promise) => {
    try { return await promise; } catch (error) { throw new Error(`${label} (${url}): ${name}: ${error.message}`); }
  };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.addInitScript(installProbes);
    await page.goto(url);
    await step('waiting for the email input to show a value',
      page.waitForFunction(() => window.__usableAt !== undefined, null, { timeout: TIMEOUT }));
    const { usableAt, readyAt } = await page.evaluate(() => ({ usableAt: window.__usableAt, readyAt: window.__readyAt }));

    const email = page.locator('input[type=email]').first();
    await email.fill(INVALID_EMAIL);
    if (await page.evaluate(() => window.__bench.probes.anyErrorVisible())) throw new Error(`${label}: an error shows before submit`);
    // The timer is armed (awaited) before the click, so its listener cannot miss it.
    await page.evaluate(() => { window.__timer = window.__bench.timeFrom('pointerdown', 'anyErrorVisible'); });
    await page.locator('button[type=submit]').first().click();
    const submitToError = await step('waiting for an error after submit', waitTimer(page));

    await email.focus();
    await page.keyboard.press('End');
    await page.evaluate(() => { window.__timer = window.__bench.timeFrom('keydown', 'emailErrorGone'); });
    await page.keyboard.press('Backspace');
    const keystroke = await step('waiting for the email error to go', waitTimer(page));
    if ((await email.inputValue()) !== VALID_EMAIL) throw new Error(`${label}: Backspace left ${await email.inputValue()}`);
    return { load: usableAt, ready: readyAt, firstError: submitToError, keystroke };
  } finally {
    await context.close();
  }
}

async function waitTimer(page) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT} ms`)), TIMEOUT); });
  return Promise.race([page.evaluate(() => window.__timer), timeout]).finally(() => clearTimeout(timer));
}

// Warm the OS file cache and each server once; then one run of every page per round,
// starting one page later each round, so a busy moment of the machine lands on all alike.
for (const page of pages) await once(page);
for (let round = 0; round < runs; round += 1) {
  for (let i = 0; i < pages.length; i += 1) {
    const page = pages[(round + i) % pages.length];
    page.samples.push(await once(page));
  }
}
await browser.close();

// Nearest-rank percentile: the smallest sample with at least q of the samples at or below it.
const pick = (values, q) => values.slice().sort((a, b) => a - b)[Math.max(0, Math.ceil(q * values.length) - 1)];
const figures = ['load', 'firstError', 'keystroke'];
for (const page of pages) {
  page.p50 = {};
  page.p90 = {};
  for (const figure of [...figures, 'ready']) {
    const values = page.samples.map((s) => s[figure]).filter((v) => v !== undefined);
    if (values.length) { page.p50[figure] = pick(values, 0.5); page.p90[figure] = pick(values, 0.9); }
  }
}

const ms = (value, digits) => (value === undefined ? '—' : `${value.toFixed(digits)} ms`);
const cell = (text, width) => text.padStart(width);
console.log(`${runs} runs per page, CPU ${cpu}x slower${browserArgs.length ? `, Chromium ${browserArgs.join(' ')}` : ''}, p50 / p90`);
console.log(`${'page'.padEnd(12)}${cell('load → input', 22)}${cell('submit → first error', 22)}${cell('keystroke → error', 22)}`);
for (const page of pages) {
  const pair = (figure, digits) => `${ms(page.p50[figure], digits)} / ${ms(page.p90[figure], digits)}`;
  console.log(`${page.label.padEnd(12)}${cell(pair('load', 0), 22)}${cell(pair('firstError', 1), 22)}${cell(pair('keystroke', 1), 22)}`);
}
for (const page of pages.filter((p) => p.p50.ready !== undefined)) {
  console.log(`${page.label}: the widget's \`ready\` event at ${ms(page.p50.ready, 0)} / ${ms(page.p90.ready, 0)}`);
}

const widgets = pages.filter((p) => !p.peer);
const peers = pages.filter((p) => p.peer);
const pairs = [
  ...widgets.slice(1).map((w) => [w, widgets[0]]),
  ...widgets.flatMap((w) => peers.map((p) => [w, p])),
];
if (pairs.length) {
  console.log();
  console.log(`${'ratio of p50'.padEnd(22)}${cell('load', 10)}${cell('first error', 14)}${cell('keystroke', 12)}`);
  for (const [a, b] of pairs) {
    const ratio = (figure) => `${(a.p50[figure] / b.p50[figure]).toFixed(2)}x`;
    console.log(`${`${a.label} / ${b.label}`.padEnd(22)}${cell(ratio('load'), 10)}${cell(ratio('firstError'), 14)}${cell(ratio('keystroke'), 12)}`);
  }
}
