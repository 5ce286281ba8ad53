// The package's JS API in a plain page: mount()/update()/destroy() into the light DOM, and
// the headless entry (core's checks, their own wasm) with its {ok, value} / {ok, error} results.
import { test, expect } from './embed-fixtures';

test('mount(): renders into a div, update() re-renders or swaps the token, destroy() leaves nothing', async ({ page, plainHost }) => {
  await page.goto(`${plainHost}/`);
  await expect(page.locator('body')).toHaveAttribute('data-widget-loaded', 'true');
  await page.evaluate(async () => {
    const { mount } = await import('./customer-update-widget/index.js' as string);
    const token = (await (await fetch('/demo/session', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ provider: 'swipelux' }) })).json()).token;
    const div = document.createElement('div');
    div.id = 'mounted';
    document.querySelector('main')!.append(div);
    (window as any).seen = [];
    div.addEventListener('ready', (e) => (window as any).seen.push(['ready', (e as CustomEvent).detail]));
    (window as any).widget = mount(div, { provider: 'swipelux', endpoint: '/v1/customer', sessionToken: token });
    (window as any).token = token;
  });
  const mounted = page.locator('#mounted');
  await expect(mounted.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as any).seen)).toEqual([['ready', { provider: 'swipelux' }]]);

  // A new token alone keeps what was typed.
  await mounted.getByLabel(/^Middle name/).fill('Kept');
  await page.evaluate(() => (window as any).widget.update({ sessionToken: (window as any).token }));
  await expect(mounted.getByLabel(/^Middle name/)).toHaveValue('Kept');

  // Another language re-renders.
  await page.evaluate(() => (window as any).widget.update({ lang: 'pt-BR' }));
  await expect(mounted.getByRole('button', { name: 'Salvar alterações' })).toBeVisible();

  await page.evaluate(() => (window as any).widget.destroy());
  await expect(mounted.locator('*')).toHaveCount(0);
});

test('headless functions: normalizePhone, checkEmail, checkPostalCode, validate', async ({ page, plainHost }) => {
  await page.goto(`${plainHost}/`);
  await expect(page.locator('body')).toHaveAttribute('data-widget-loaded', 'true');
  const results = await page.evaluate(async () => {
    // The headless entry: its own wasm, loaded by URL; the form's wasm is not needed.
    const api = await import('./customer-update-widget/headless.js' as string);
    await api.load();
    return {
      good: api.validate('swipelux', { email: 'ana@example.com' }),
      phone: api.normalizePhone('(415) 555-0123', 'US'),
      phoneBad: api.normalizePhone('+999 1234'),
      email: api.checkEmail('  ana@example.com '),
      emailBad: api.checkEmail('ana@'),
      postal: api.checkPostalCode('BR', '01310-100'),
      postalBad: api.checkPostalCode('US', '1234'),
      body: api.validate('spherepay', { address: { line1: '' } }),
      unknown: api.validate('acme', {}),
    };
  });
  expect(results.phone).toEqual({ ok: true, value: '+14155550123' });
  expect(results.phoneBad).toEqual({ ok: false, error: expect.objectContaining({ code: 'phone.unknown_calling_code' }) });
  expect(results.email).toEqual({ ok: true, value: 'ana@example.com' });
  expect(results.emailBad).toEqual({ ok: false, error: expect.objectContaining({ code: 'email.invalid' }) });
  expect(results.postal).toEqual({ ok: true, value: '01310-100' });
  expect(results.postalBad).toEqual({ ok: false, error: expect.objectContaining({ code: 'postal_code.invalid', params: expect.objectContaining({ example: '95014' }) }) });
  expect(results.good).toEqual({ ok: true, errors: [] });
  expect(results.body).toEqual({ ok: false, errors: expect.arrayContaining([expect.objectContaining({ pointer: '/address/line1', code: 'required' })]) });
  expect(results.unknown).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'invalid_value' })] });
});
