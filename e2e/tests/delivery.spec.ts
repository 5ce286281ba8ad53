// What the demo page downloads: the release build's files arrive brotli-compressed (the
// .br copies the build writes, as bench/size.sh counts them) and the JS glue minified.
import { test, expect } from '@playwright/test';
import { holdWasm } from './held-wasm';

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
  const held = await holdWasm(page, (_, path) => path.startsWith('/v1/customer') || path.startsWith('/demo/'));
  await page.goto('/?provider=swipelux&lang=es');
  await expect(page.getByRole('button', { name: 'Guardar cambios' })).toBeVisible();
  expect(held.requests()).toEqual([
    'GET /demo/customers', 'GET /v1/customer', 'GET /v1/customer/messages/es', 'POST /demo/session',
  ]);
  held.expectAllStartedBeforeTheWasm();
});
