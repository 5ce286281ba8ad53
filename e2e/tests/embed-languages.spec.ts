// Languages of <customer-update-form>: its `lang`, else the page's, else the browser's;
// labels, country names, errors and the summary translated; host overrides by key.
import type { Page } from '@playwright/test';
import { test, expect } from './embed-fixtures';

const form = (page: Page) => page.locator('customer-update-form').first();

const languages = [
  { lang: 'pt-BR', submit: 'Salvar alterações', lastName: 'Sobrenome', germany: 'Alemanha', summary: 'Há um problema', tooShort: /curto demais/ },
  { lang: 'es', submit: 'Guardar cambios', lastName: 'Apellido', germany: 'Alemania', summary: 'Hay un problema', tooShort: /demasiado corto/ },
];

for (const l of languages) {
  test(`lang="${l.lang}": labels, country names, errors and summary are translated`, async ({ page, plainHost }) => {
    await page.goto(`${plainHost}/?lang=${l.lang}`);
    const save = form(page).getByRole('button', { name: l.submit });
    await expect(save).toBeVisible();
    await expect(form(page).getByLabel(new RegExp(`^${l.lastName}( \\(.*\\))?$`))).toBeVisible();
    await expect(form(page).locator('select option', { hasText: l.germany }).first()).toBeAttached();
    await expect(form(page).locator('.cuw-root')).toHaveAttribute('lang', l.lang);

    const phone = form(page).locator('input[type="tel"]');
    await phone.fill('+55 12');
    await save.click();
    await expect(form(page).getByRole('heading', { name: l.summary })).toBeVisible();
    await expect(form(page).locator('[data-field="/phone"] .cuw-error')).toContainText(l.tooShort);
  });
}

test('without lang on the element: the page\'s lang, then the browser\'s', async ({ browser, plainHost }) => {
  const context = await browser.newContext({ locale: 'es-MX' });
  const page = await context.newPage();
  await page.goto(`${plainHost}/`);
  await expect(form(page).getByRole('button', { name: 'Save changes' })).toBeVisible(); // <html lang="en">

  const addForm = (id: string) => page.evaluate((id) => {
    const first = document.querySelector('customer-update-form')!;
    const el = document.createElement('customer-update-form');
    el.id = id;
    for (const name of ['provider', 'endpoint', 'session-token']) el.setAttribute(name, first.getAttribute(name)!);
    document.querySelector('main')!.append(el);
  }, id);

  await page.evaluate(() => document.documentElement.setAttribute('lang', 'pt-BR'));
  await addForm('from-page');
  await expect(page.locator('#from-page').getByRole('button', { name: 'Salvar alterações' })).toBeVisible();

  await page.evaluate(() => document.documentElement.removeAttribute('lang'));
  await addForm('from-browser');
  await expect(page.locator('#from-browser').getByRole('button', { name: 'Guardar cambios' })).toBeVisible();
  await context.close();
});

test('the host overrides any message by key', async ({ page, plainHost }) => {
  await page.goto(`${plainHost}/?lang=es`);
  await expect(form(page).getByRole('button', { name: 'Guardar cambios' })).toBeVisible();
  await form(page).evaluate((el: any) => { el.messages = { 'ui.submit': 'Actualizar', 'person.lastName': 'Apellidos' }; });
  await expect(form(page).getByRole('button', { name: 'Actualizar' })).toBeVisible();
  await expect(form(page).getByLabel(/^Apellidos \(opcional\)$/)).toBeVisible();
  await expect(form(page).getByLabel('Segundo nombre (opcional)')).toBeVisible(); // the rest stays Spanish
});
