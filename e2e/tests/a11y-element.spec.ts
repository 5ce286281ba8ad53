// Accessibility of <customer-update-form> (shadow DOM, adopted styles) in the plain host:
// axe-core on the three states and in dark mode, keyboard only, 320 px and 200% zoom.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect } from './embed-fixtures';

const axeSource = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');
const form = (page: Page) => page.locator('customer-update-form').first();
const save = (page: Page) => form(page).getByRole('button', { name: 'Save changes' });

/** axe-core's WCAG 2.x A/AA violations inside the element (it reads open shadow roots). */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP forbids injected <script>s.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document.querySelector('customer-update-form'), {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: any) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe: no violations on the empty form, with errors and saved (${theme})`, async ({ page, plainHost }) => {
    await page.goto(`${plainHost}/?theme=${theme}`);
    await expect(save(page)).toBeVisible();
    expect(await axeViolations(page), 'empty form').toEqual([]);

    await form(page).locator('input[type="tel"]').fill('12');
    await form(page).getByLabel(/^Email address/).fill('not an email');
    await save(page).click();
    await expect(form(page).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    expect(await axeViolations(page), 'form with errors').toEqual([]);

    await page.getByRole('button', { name: 'Undo my changes' }).click();
    await form(page).getByLabel(/^Middle name/).fill(`Axe ${theme}`);
    await save(page).click();
    await expect(form(page).getByRole('status').first()).toContainText('Your changes are saved');
    expect(await axeViolations(page), 'saved').toEqual([]);
  });
}

test('keyboard only: reach a field, fix an error from the summary, save', async ({ page, plainHost }) => {
  await page.goto(`${plainHost}/`);
  await expect(save(page)).toBeVisible();
  const phone = form(page).locator('input[type="tel"]');
  for (let presses = 0; presses < 40; presses++) {
    if (await phone.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el)) break;
    await page.keyboard.press('Tab');
  }
  await expect(phone).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('12');
  await page.keyboard.press('Enter'); // submits the form
  const summary = form(page).locator('[data-cuw-summary]');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Tab'); // the summary's link to the phone field
  await page.keyboard.press('Enter');
  await expect(phone).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('+55 21 98765-4321');
  // On to Save with Tab, then press it with the space bar.
  for (let presses = 0; presses < 40; presses++) {
    if (await save(page).evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)) break;
    await page.keyboard.press('Tab');
  }
  await expect(save(page)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(form(page).getByRole('status').first()).toContainText(/Your changes are saved|You haven't changed anything/);
});

/** Nothing wider than the viewport and every control at least 24×24 CSS px. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    const root = document.querySelector('customer-update-form')!.shadowRoot!;
    for (const el of root.querySelectorAll<HTMLElement>('input, select, button, label, .cuw-error, .cuw-hint')) {
      if (el.closest('[hidden]') || el.classList.contains('cuw-visually-hidden')) continue;
      const box = el.getBoundingClientRect();
      if (box.right > width + 0.5) problems.push(`${el.tagName}#${el.id || el.className} ends at ${Math.round(box.right)} > ${width}`);
      if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT' && el.tagName !== 'INPUT') problems.push(`${el.tagName}.${el.className} clips its text`);
      if (['INPUT', 'SELECT', 'BUTTON'].includes(el.tagName) && (box.width < 24 || box.height < 24)) {
        problems.push(`${el.tagName}#${el.id} is ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return problems;
  });
}

for (const [name, viewport, scale] of [
  ['320 px wide', { width: 320, height: 640 }, 1],
  ['200% zoom (1280 px screen)', { width: 640, height: 400 }, 2],
] as const) {
  test(`usable at ${name}: no sideways scrolling, nothing cut off, targets ≥ 24 px`, async ({ browser, plainHost }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale });
    const page = await context.newPage();
    await page.goto(`${plainHost}/`);
    await expect(save(page)).toBeVisible();
    expect(await layoutProblems(page), 'loaded').toEqual([]);
    await form(page).locator('input[type="tel"]').fill('12');
    await save(page).click();
    await expect(form(page).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    expect(await layoutProblems(page), 'with errors').toEqual([]);
    await context.close();
  });
}
