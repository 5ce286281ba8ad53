// What every end-to-end test shares: opening the demo page on a provider's demo customer,
// finding fields the way a person does (by their visible label), steering the sandbox.
import { test as base, expect, type Locator, type Page, type APIRequestContext } from '@playwright/test';

export { expect };

export type Provider = 'spherepay' | 'polygon' | 'bvnk' | 'swipelux';

/** Problems the page reported: uncaught exceptions and console errors. */
type PageProblems = { problems: string[] };

export const test = base.extend<PageProblems>({
  // Every test starts from the sandbox's initial demo customers with no pending faults,
  // so tests do not depend on each other's saves (the suite runs one test at a time).
  problems: [async ({ page, request }, use) => {
    const reset = await request.post('/demo/reset');
    expect(reset.status(), 'POST /demo/reset').toBe(204);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await use(problems);
  }, { auto: true }],
});

/** The element the widget renders into (the demo's mount point or the custom element). */
export function widget(page: Page): Locator {
  return page.locator('customer-update-form, #customer-update-form').first();
}

/** Opens the demo on `provider`'s first demo customer, or the one whose label contains
 * `customer`, and waits until the form is prefilled and ready. */
export async function openForm(page: Page, provider: Provider, customer?: string): Promise<Locator> {
  await page.goto(`/?provider=${provider}`);
  const root = widget(page);
  if (customer) {
    const picker = page.getByLabel('Customer', { exact: true });
    await expect(picker).toBeEnabled();
    const option = picker.locator('option', { hasText: customer });
    await picker.selectOption({ value: (await option.getAttribute('value')) ?? '' });
  }
  await expect(saveButton(page)).toBeVisible();
  return root;
}

export function saveButton(page: Page): Locator {
  return widget(page).getByRole('button', { name: 'Save changes' });
}

/** The form's live region (what a screen reader announces after a save). */
export function status(page: Page): Locator {
  return widget(page).getByRole('status').first();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The control labelled `label`, whether the form marks it "(optional)" or not. */
export function field(scope: Page | Locator, label: string): Locator {
  const root = 'goto' in scope ? widget(scope) : scope;
  return root.getByLabel(new RegExp(`^${escape(label)}( \\(optional\\))?$`));
}

/** A section of the form (a fieldset), by its legend. */
export function section(page: Page, legend: string): Locator {
  return widget(page).getByRole('group', { name: legend, exact: true });
}

export type FaultKind = 'delay' | 'status500' | 'status429' | 'malformed' | 'drop' | 'staleShareToken';

/** Tells the sandbox to misbehave on `provider`'s next request(s). */
export async function injectFault(request: APIRequestContext, provider: Provider, kind: FaultKind, count = 1) {
  const response = await request.post('/demo/faults', { data: { provider, kind, count } });
  expect(response.status(), `POST /demo/faults ${kind}`).toBe(204);
}

/** Saves and waits for the confirmation naming what was updated. */
export async function saveAndConfirm(page: Page, ...updated: string[]) {
  await saveButton(page).click();
  await expect(status(page)).toContainText('Your changes are saved');
  for (const label of updated) await expect(status(page)).toContainText(label);
}
