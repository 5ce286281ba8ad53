// Regenerates the README's screenshots (docs/*.png): run through scripts/screenshots.sh.
import { test, expect, openForm, field, saveButton, status, widget } from './support';

const docs = (name: string) => `${__dirname}/../../docs/${name}.png`;

test.use({ viewport: { width: 720, height: 900 } });

test('form: empty, with errors, saved', async ({ page }) => {
  await openForm(page, 'spherepay');
  await widget(page).screenshot({ path: docs('form-empty') });

  await field(page, 'Type of tax ID').selectOption({ label: 'Choose…' });
  await field(page, 'Tax ID number').fill('123-45-6789');
  await saveButton(page).click();
  await expect(widget(page).getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await widget(page).screenshot({ path: docs('form-errors') });

  await openForm(page, 'swipelux');
  await field(page, 'Email address').fill('joao@example.org');
  await saveButton(page).click();
  await expect(status(page)).toContainText('Your changes are saved');
  await page.getByRole('button', { name: 'Save changes' }).scrollIntoViewIfNeeded();
  await widget(page).screenshot({ path: docs('form-saved') });
});
