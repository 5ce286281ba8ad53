// The widget under the strict policy the issue names, set on every page by route
// interception (whatever the server sends): the demo page (mount() into the light DOM,
// served by the proxy) and the custom element in the plain host. No violation may be
// reported and the form must load, validate and save.
import type { Page } from '@playwright/test';
import { test, expect, watchProblems } from './embed-fixtures';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

async function underStrictPolicy(page: Page) {
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': POLICY } });
  });
  await page.addInitScript(() => {
    (window as any).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });
}

async function editAndSave(page: Page, root: ReturnType<Page['locator']>) {
  const save = root.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeVisible();
  await root.locator('input[type="tel"]').first().fill('12');
  await save.click();
  await expect(root.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await root.locator('input[type="tel"]').first().fill('+55 21 98765-4321');
  await root.getByLabel(/^Middle name/).fill(`Csp ${Date.now() % 100000}`);
  await save.click();
  await expect(root.getByRole('status').first()).toContainText('Your changes are saved');
}

test('the demo page (mount() in the page) works under the strict CSP with no violation', async ({ page }) => {
  const problems = watchProblems(page);
  await underStrictPolicy(page);
  const response = await page.goto('/?provider=swipelux');
  expect(response?.headers()['content-security-policy']).toBe(POLICY);
  await editAndSave(page, page.locator('#customer-update-form'));
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  expect(problems).toEqual([]);
});

test('<customer-update-form> works under the strict CSP with no violation', async ({ page, plainHost }) => {
  const problems = watchProblems(page);
  await underStrictPolicy(page);
  const response = await page.goto(`${plainHost}/`);
  expect(response?.headers()['content-security-policy']).toBe(POLICY);
  await editAndSave(page, page.locator('customer-update-form'));
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  expect(problems).toEqual([]);
});
