// What the demo page downloads: the release build's files arrive brotli-compressed (the
// .br copies the build writes, as bench/size.sh counts them) and the JS glue minified.
import { test, expect } from '@playwright/test';

test('the widget files the demo page loads arrive brotli-compressed and minified', async ({ page }) => {
  const assets: { url: string; encoding?: string; type: string }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (/\.(wasm|js|css)$/.test(url.pathname)) {
      assets.push({ url: url.pathname, encoding: response.headers()['content-encoding'], type: url.pathname.split('.').pop()! });
    }
  });
  await page.goto('/?provider=swipelux');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  expect(assets.map((a) => a.type).sort()).toEqual(expect.arrayContaining(['css', 'js', 'wasm']));
  for (const asset of assets) expect(asset, asset.url).toMatchObject({ encoding: 'br' });

  const glue = assets.find((a) => /customer-update-widget-.*\.js$/.test(a.url))!;
  const text = await (await page.request.get(glue.url)).text();
  expect(text).not.toContain('/**');
  expect(text.split('\n').length).toBeLessThan(40);
});

test('the demo page starts its session and the customer\'s GET while the wasm is still on its way, and sends the GET once', async ({ page }) => {
  // Hold the wasm back, as a slow network would: nothing else on the page waits for it.
  let wasmReleasedAt = 0;
  await page.route('**/*_bg.wasm', async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    wasmReleasedAt = Date.now();
    await route.continue();
  });
  const sent: Array<{ path: string; at: number }> = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/v1/customer') || pathname.startsWith('/demo/')) sent.push({ path: `${request.method()} ${pathname}`, at: Date.now() });
  });
  await page.goto('/?provider=swipelux&lang=es');
  await expect(page.getByRole('button', { name: 'Guardar cambios' })).toBeVisible();
  expect(wasmReleasedAt).toBeGreaterThan(0);
  expect(sent.map(({ path }) => path).sort()).toEqual([
    'GET /demo/customers', 'GET /v1/customer', 'GET /v1/customer/messages/es', 'POST /demo/session',
  ]);
  for (const { path, at } of sent) expect(at, `${path} started before the wasm arrived`).toBeLessThan(wasmReleasedAt);
});
