// WCAG checks a machine can make (axe-core) on the three states a customer sees, and one
// whole update done with the keyboard alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { test, expect, openForm, field, saveButton, status, widget } from './support';

const axeSource = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA violations inside the widget, as readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP stays as it is.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const root = document.querySelector('customer-update-form, #customer-update-form');
    const result = await axe.run(root, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v: any) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}

test.describe('accessibility', () => {
  test('axe finds no WCAG A/AA violations: empty form, form with errors, saved', async ({ page }) => {
    await openForm(page, 'spherepay');
    expect(await axeViolations(page), 'empty form').toEqual([]);

    await field(page, 'Tax ID number').fill('123-45-6789');
    await saveButton(page).click();
    await expect(widget(page).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    expect(await axeViolations(page), 'form with errors').toEqual([]);

    await page.reload();
    await field(page, 'Middle name').fill('Axe');
    await saveButton(page).click();
    await expect(status(page)).toContainText('Your changes are saved');
    expect(await axeViolations(page), 'saved').toEqual([]);
  });

  test('keyboard only: fix an error from the summary and save', async ({ page }) => {
    await openForm(page, 'swipelux');
    const phone = field(page, 'Phone number');

    // Tab from the top of the page to the phone number, as a keyboard user would.
    for (let presses = 0; presses < 60 && !(await phone.evaluate((el) => el === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(phone).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('+999 1234');
    await page.keyboard.press('Enter');

    // Focus moves to the error summary; its link leads back to the field.
    await expect(page.locator(':focus')).toContainText('There is a problem');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveRole('link');
    await page.keyboard.press('Enter');
    await expect(phone).toBeFocused();

    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('+55 21 98765-0000');
    await page.keyboard.press('Enter');
    await expect(status(page)).toContainText('Your changes are saved');
    await expect(status(page)).toContainText('Phone number');
    await page.reload();
    await expect(field(page, 'Phone number')).toHaveValue('+5521987650000');
  });
});
