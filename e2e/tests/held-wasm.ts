// A page whose wasm arrives late, as on a slow network: for tests that what can start
// without the wasm does start without it.
import { expect, type Page } from '@playwright/test';

/** Holds every `*_bg.wasm` back `ms` and records the requests `track` picks, with when
 * each started. Call before the page is opened. */
export async function holdWasm(page: Page, track: (method: string, pathname: string) => boolean, ms = 1500) {
  let releasedAt = 0;
  await page.route('**/*_bg.wasm', async (route) => {
    await new Promise((done) => setTimeout(done, ms));
    releasedAt = Date.now();
    await route.continue();
  });
  const sent: Array<{ request: string; at: number }> = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (track(request.method(), pathname)) sent.push({ request: `${request.method()} ${pathname}`, at: Date.now() });
  });
  return {
    /** The recorded requests as `METHOD /path`, sorted. */
    requests: () => sent.map(({ request }) => request).sort(),
    /** The wasm was held, and every recorded request started before it was let through. */
    expectAllStartedBeforeTheWasm() {
      expect(releasedAt, 'the wasm was requested and held').toBeGreaterThan(0);
      for (const { request, at } of sent) expect(at, `${request} started before the wasm arrived`).toBeLessThan(releasedAt);
    },
  };
}
