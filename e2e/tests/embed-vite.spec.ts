// The Vite example host (www/examples/vite): an app that installed the npm tarball, built
// with `tsc --noEmit && vite build`, served by `vite preview` under the strict CSP.
import { test, expect, watchProblems } from './embed-fixtures';

test('the Vite app uses the installed package: themed element, events, headless export, strict CSP', async ({ page, viteHost }) => {
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    (window as any).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${viteHost}/`);
  expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");

  const form = page.locator('customer-update-form');
  const save = form.getByRole('button', { name: 'Save changes' });
  await expect(save).toBeVisible();
  // Themed by the app's CSS (custom property set on the element from outside).
  expect(await save.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 110, 79)');
  // The headless function works after load().
  await expect(page.locator('body')).toHaveAttribute('data-headless-phone', '+14155550123');

  await form.getByLabel(/^Email address/).fill(`maria.${Date.now() % 100000}@example.com`);
  await save.click();
  await expect(page.locator('#saved')).toHaveText('Saved: /email');
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  expect(problems).toEqual([]);
});
