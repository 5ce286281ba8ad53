// Theming <customer-update-form> from the host page: custom properties, ::part(), and the
// dark theme by attribute or by the system's preference.
import type { Page } from '@playwright/test';
import { test, expect } from './embed-fixtures';

const form = (page: Page) => page.locator('customer-update-form').first();
const background = (page: Page) => form(page).locator('.cuw-root').evaluate((el) => getComputedStyle(el).backgroundColor);

/** The page's own stylesheet, adopted (the page's CSP forbids injected <style>). */
async function pageStyles(page: Page, css: string) {
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

test('custom properties and ::part() from the page reach inside the shadow root', async ({ page, plainHost }) => {
  await page.goto(`${plainHost}/`);
  const save = form(page).getByRole('button', { name: 'Save changes' });
  await expect(save).toBeVisible();
  await pageStyles(page, `
    customer-update-form { --cuw-accent: rgb(1, 2, 3); --cuw-radius: 0px; }
    customer-update-form::part(submit) { text-transform: uppercase; }
    customer-update-form::part(label) { letter-spacing: 2px; }`);
  const look = await save.evaluate((el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, radius: s.borderTopLeftRadius, transform: s.textTransform };
  });
  expect(look).toEqual({ bg: 'rgb(1, 2, 3)', radius: '0px', transform: 'uppercase' });
  expect(await form(page).locator('label').first().evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('2px');
  const parts = await form(page).evaluate((el) =>
    [...new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((p) => p.getAttribute('part')!.split(' ')))].sort());
  expect(parts).toEqual(expect.arrayContaining(['error', 'field', 'form', 'hint', 'input', 'label', 'section', 'status', 'submit', 'summary', 'title']));
});

test('dark theme: theme="dark", or prefers-color-scheme unless theme="light"', async ({ page, plainHost }) => {
  await page.goto(`${plainHost}/`);
  await expect(form(page).getByRole('button', { name: 'Save changes' })).toBeVisible();
  expect(await background(page)).toBe('rgb(255, 255, 255)');
  await form(page).evaluate((el) => el.setAttribute('theme', 'dark'));
  expect(await background(page)).toBe('rgb(23, 25, 28)');
  await form(page).evaluate((el) => el.removeAttribute('theme'));
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background(page)).toBe('rgb(23, 25, 28)');
  await form(page).evaluate((el) => el.setAttribute('theme', 'light'));
  expect(await background(page)).toBe('rgb(255, 255, 255)');
});
