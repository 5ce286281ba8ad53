// <customer-update-form> from the npm package, in the plain HTML host (www/examples/plain):
// shadow root and adopted styles, events, methods, host options, clean removal.
import type { Page } from '@playwright/test';
import { test, expect, watchProblems, loggedEvents } from './embed-fixtures';
import { holdWasm } from './held-wasm';

const form = (page: Page) => page.locator('customer-update-form').first();
const save = (page: Page) => form(page).getByRole('button', { name: 'Save changes' });

async function openPlain(page: Page, host: string, query = '') {
  await page.goto(`${host}/?${query}`);
  await expect(save(page)).toBeVisible();
  await expect.poll(async () => (await loggedEvents(page)).map(([name]) => name)).toContain('ready');
}

test.describe('custom element', () => {
  test('renders in an open shadow root styled by an adopted stylesheet, no <style> or style=""', async ({ page, plainHost }) => {
    const problems = watchProblems(page);
    await openPlain(page, plainHost);
    const shape = await form(page).evaluate((el) => ({
      mode: el.shadowRoot?.mode,
      adopted: el.shadowRoot?.adoptedStyleSheets.length ?? 0,
      rules: el.shadowRoot?.adoptedStyleSheets[0]?.cssRules.length ?? 0,
      styleElements: el.shadowRoot?.querySelectorAll('style').length ?? -1,
      styleAttributes: el.shadowRoot?.querySelectorAll('[style]').length ?? -1,
      inLightDom: el.querySelectorAll('*').length,
      accent: getComputedStyle(el.shadowRoot!.querySelector('[data-cuw-submit]')!).backgroundColor,
    }));
    expect(shape).toEqual({
      mode: 'open', adopted: 1, rules: expect.any(Number), styleElements: 0, styleAttributes: 0, inLightDom: 0,
      accent: 'rgb(29, 95, 191)',
    });
    expect(shape.rules).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  test('events: ready, change, submit and success reach the page with their details', async ({ page, plainHost }) => {
    await openPlain(page, plainHost);
    const [, ready] = (await loggedEvents(page)).find(([name]) => name === 'ready')!;
    expect(ready).toEqual({ provider: 'swipelux' });

    const middle = form(page).getByLabel(/^Middle name/);
    await middle.fill(`Embed${Date.now() % 100000}`);
    await middle.blur();
    await expect.poll(async () => (await loggedEvents(page)).filter(([n]) => n === 'change').map(([, d]) => d))
      .toContainEqual({ dirty: true, valid: true });

    // A listener on the document hears the same events (bubbling + composed).
    await page.evaluate(() => {
      (window as any).heard = [];
      document.addEventListener('success', (e) => (window as any).heard.push((e.target as Element).tagName));
    });
    await save(page).click();
    await expect(form(page).getByRole('status').first()).toContainText('Your changes are saved');
    await expect.poll(async () => (await loggedEvents(page)).filter(([n]) => n === 'submit' || n === 'success'))
      .toEqual([['submit', { changed: ['/middleName'] }], ['success', { updated: ['/middleName'] }]]);
    expect(await page.evaluate(() => (window as any).heard)).toEqual(['CUSTOMER-UPDATE-FORM']);
    await expect.poll(async () => (await loggedEvents(page)).filter(([n]) => n === 'change').map(([, d]) => d).at(-1))
      .toEqual({ dirty: false, valid: true });
  });

  test('an invalid submit fires error {kind: "invalid"} with the field pointer; validate() and reset()', async ({ page, plainHost }) => {
    await openPlain(page, plainHost);
    const phone = form(page).getByLabel(/^Phone number/);
    const original = await phone.inputValue();
    await phone.fill('12');
    await save(page).click();
    await expect(form(page).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect.poll(async () => (await loggedEvents(page)).filter(([n]) => n === 'error').map(([, d]) => d))
      .toEqual([{ kind: 'invalid', errors: [expect.objectContaining({ pointer: '/phone', code: expect.stringMatching(/^phone\./) })] }]);

    const result = await form(page).evaluate((el: any) => el.validate());
    expect(result).toEqual({ valid: false, dirty: true, errors: [expect.objectContaining({ pointer: '/phone' })] });

    await page.getByRole('button', { name: 'Undo my changes' }).click();
    await expect(phone).toHaveValue(original);
    await expect(form(page).getByRole('heading', { name: 'There is a problem' })).toBeHidden();
    expect(await form(page).evaluate((el: any) => el.validate())).toEqual({ valid: true, dirty: false, errors: [] });
  });

  test('an expired session fires session-expired; setSessionToken() lets the same input save', async ({ page, plainHost }) => {
    await openPlain(page, plainHost);
    // Swap in a token the proxy no longer accepts (it answers 401, as for an expired one;
    // a really expired one would take the proxy's clock-skew leeway to run out).
    const token = await form(page).evaluate((el: any) => el.sessionToken as string);
    await form(page).evaluate((el: any, stale) => el.setSessionToken(stale), `${token.slice(0, -4)}AAAA`);
    const middle = form(page).getByLabel(/^Middle name/);
    const typed = `Renewed${Date.now() % 100000}`;
    await middle.fill(typed);
    await save(page).click();
    // The page's session-expired listener fetches a new token and hands it over.
    await expect.poll(async () => (await loggedEvents(page)).map(([n]) => n)).toContain('session-expired');
    await expect(middle).toHaveValue(typed);
    await expect(form(page).getByRole('status').first()).not.toContainText('expired');
    await save(page).click();
    await expect(form(page).getByRole('status').first()).toContainText('Your changes are saved');
  });

  test('hidden-fields leaves fields out; required-fields makes an empty one an error', async ({ page, plainHost }) => {
    await openPlain(page, plainHost, 'hidden-fields=/birthDate%20/residentialAddress/streetLine2&required-fields=/middleName');
    await expect(form(page).getByLabel(/^Date of birth/)).toHaveCount(0);
    await expect(form(page).getByLabel(/^Address line 2/)).toHaveCount(0);
    const middle = form(page).getByLabel('Middle name', { exact: true });
    await expect(middle).toBeVisible(); // no "(optional)" any more
    await form(page).getByLabel(/^Last name/).fill('Pereira Lima');
    await middle.fill('');
    await save(page).click();
    await expect(form(page).locator('[data-field="/middleName"] .cuw-error')).toContainText('Enter your middle name');
    await expect.poll(async () => (await loggedEvents(page)).filter(([n]) => n === 'error').map(([, d]) => d))
      .toEqual([{ kind: 'invalid', errors: [expect.objectContaining({ pointer: '/middleName', code: 'required' })] }]);
  });

  test('removal cleans up, re-adding works, instances do not interfere', async ({ page, plainHost }) => {
    await openPlain(page, plainHost);
    const client = await page.context().newCDPSession(page);
    const listeners = async () => {
      await client.send('HeapProfiler.collectGarbage');
      return (await client.send('Memory.getDOMCounters')).jsEventListeners;
    };
    // A second, independent instance next to the first.
    await page.evaluate(() => {
      const first = document.querySelector('customer-update-form')!;
      const second = document.createElement('customer-update-form');
      second.id = 'second';
      for (const name of ['provider', 'endpoint', 'session-token']) second.setAttribute(name, first.getAttribute(name)!);
      document.querySelector('main')!.append(second);
    });
    const second = page.locator('#second');
    await expect(second.getByRole('button', { name: 'Save changes' })).toBeVisible();
    await second.getByLabel(/^Middle name/).fill('Only in the second');
    await expect(form(page).getByLabel(/^Middle name/)).not.toHaveValue('Only in the second');
    const ids = await page.locator('customer-update-form').evaluateAll((els) =>
      els.map((el) => el.shadowRoot!.querySelector('input')!.id));
    expect(new Set(ids).size).toBe(2);

    const before = await listeners();
    // Remove and re-add the second one a few times: nothing may pile up.
    for (let round = 0; round < 4; round++) {
      await page.evaluate(() => {
        const el = document.getElementById('second')!;
        el.remove();
        (window as any).parked = el;
      });
      await expect.poll(() => page.evaluate(() => (window as any).parked.shadowRoot.childElementCount)).toBe(0);
      await page.evaluate(() => document.querySelector('main')!.append((window as any).parked));
      await expect(second.getByRole('button', { name: 'Save changes' })).toBeVisible();
    }
    const after = await listeners();
    expect(after - before, `event listeners before ${before}, after ${after}`).toBeLessThanOrEqual(2);
    // The first instance still works.
    await form(page).getByLabel(/^Middle name/).fill('Still here');
    await expect(form(page).getByLabel(/^Middle name/)).toHaveValue('Still here');
  });

  test('a move (remove and insert in one task) keeps what was typed', async ({ page, plainHost }) => {
    await openPlain(page, plainHost);
    await form(page).getByLabel(/^Middle name/).fill('Moved along');
    await page.evaluate(() => {
      const el = document.querySelector('customer-update-form')!;
      document.body.prepend(el);
    });
    await expect(form(page).getByLabel(/^Middle name/)).toHaveValue('Moved along');
  });

  test('the customer\'s GET and the language file start before the wasm has arrived, and are sent once', async ({ page, plainHost }) => {
    // The element's JS must not wait for the wasm.
    const held = await holdWasm(page, (method, path) => method === 'GET' && path.startsWith('/v1/customer'));
    await page.goto(`${plainHost}/?lang=es`);
    await expect(form(page).getByRole('button', { name: 'Guardar cambios' })).toBeVisible();
    await expect.poll(async () => (await loggedEvents(page)).map(([name]) => name)).toContain('ready');
    // One GET each: the form took the replies over instead of asking again.
    expect(held.requests()).toEqual(['GET /v1/customer', 'GET /v1/customer/messages/es']);
    held.expectAllStartedBeforeTheWasm();
  });
});
