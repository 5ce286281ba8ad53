// Polygon, BVNK (individual) and Swipelux let the customer change their contact details
// directly: the same journeys for each, against each provider's sandbox.
import { test, expect, openForm, field, saveAndConfirm, saveButton, status, widget, injectFault, type Provider } from './support';

const providers: { provider: Provider; name: string; email: string }[] = [
  { provider: 'polygon', name: 'Polygon', email: 'jane@example.com' },
  { provider: 'bvnk', name: 'BVNK', email: 'maria.garcia@example.com' },
  { provider: 'swipelux', name: 'Swipelux', email: 'joao.pereira@example.com' },
];

for (const { provider, name, email } of providers) {
  test.describe(name, () => {
    test('prefilled; edit the email, save, reload: the new value is there', async ({ page, problems }) => {
      await openForm(page, provider);
      const emailField = field(page, 'Email address');
      await expect(emailField).toHaveValue(email);
      const changed = `e2e.${provider}@example.org`;
      await emailField.fill(changed);
      await saveAndConfirm(page, 'Email address');
      await page.reload();
      await expect(field(page, 'Email address')).toHaveValue(changed);
      expect(problems).toEqual([]);
    });

    test('an invalid phone: the error shows on leaving the field and blocks the save', async ({ page }) => {
      await openForm(page, provider);
      const phone = field(page, 'Phone number');
      await phone.fill('+999 1234');
      // Not while typing the first characters...
      await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
      // ...but once the customer leaves the field.
      await phone.blur();
      await expect(phone).toHaveAttribute('aria-invalid', 'true');
      await expect(phone).toHaveAccessibleDescription(/country calling code does not exist/);

      await saveButton(page).click();
      const summary = widget(page).getByRole('heading', { name: 'There is a problem' });
      await expect(summary).toBeVisible();
      await expect(status(page)).not.toContainText('saved');
      // The summary's link takes the customer to the field.
      await widget(page).getByRole('link', { name: /calling code/ }).click();
      await expect(phone).toBeFocused();
    });

    test('the connection drops mid-submit: inputs kept, retry saves', async ({ page, request }) => {
      await openForm(page, provider);
      const changed = `retry.${provider}@example.org`;
      await field(page, 'Email address').fill(changed);
      await injectFault(request, provider, 'drop');
      await saveButton(page).click();
      await expect(status(page)).toContainText('not saved');
      await expect(field(page, 'Email address')).toHaveValue(changed);
      await widget(page).getByRole('button', { name: 'Try again' }).click();
      await expect(status(page)).toContainText('Your changes are saved');
      await page.reload();
      await expect(field(page, 'Email address')).toHaveValue(changed);
    });
  });
}
