import { test, expect, openForm, field, section, saveAndConfirm, saveButton, status, widget, injectFault } from './support';

test.describe('SpherePay', () => {
  test('edit a field, save, reload: the new value is there', async ({ page, problems }) => {
    await openForm(page, 'spherepay');
    const middleName = field(page, 'Middle name');
    await middleName.fill('Quinn');
    await saveAndConfirm(page, 'Middle name');
    await page.reload();
    await expect(field(page, 'Middle name')).toHaveValue('Quinn');
    expect(problems).toEqual([]);
  });

  test('one tax field alone: the address and the other tax fields become required', async ({ page }) => {
    await openForm(page, 'spherepay');
    const tax = section(page, 'Personal and tax details');
    // The demo customer has a tax ID type and country on file: clear them, so the number
    // is the only tax field given.
    await field(tax, 'Type of tax ID').selectOption({ label: 'Choose…' });
    await field(tax, 'Country that issued the tax ID').selectOption({ label: 'Choose…' });
    await field(tax, 'Tax ID number').fill('123-45-6789');
    await saveButton(page).click();

    const summary = widget(page).getByRole('heading', { name: 'There is a problem' });
    await expect(summary).toBeVisible();
    for (const label of ['Type of tax ID', 'Country that issued the tax ID']) {
      await expect(field(tax, label), label).toHaveAttribute('aria-invalid', 'true');
    }
    const address = section(page, 'Address');
    // Each says what to enter there (GOV.UK style), not a generic "enter a value".
    for (const [label, message] of [['Address line 1', 'Enter the first line of the address.'],
      ['City', 'Enter the town or city.'], ['Country', 'Choose the country of the address.']]) {
      await expect(field(address, label), label).toHaveAttribute('aria-invalid', 'true');
      await expect(field(address, label), label).toHaveAccessibleDescription(new RegExp(message.replace('.', '\\.')));
    }
    // Nothing was saved: the form did not claim success.
    await expect(status(page)).not.toContainText('saved');
  });

  test('an invalid postal code is refused with a message under the field', async ({ page }) => {
    // SpherePay's update has no phone; its postal code is the field with a per-country format.
    await openForm(page, 'spherepay');
    const address = section(page, 'Address');
    await field(address, 'Country').selectOption({ label: 'Germany' });
    await field(address, 'Address line 1').fill('Unter den Linden 1');
    await field(address, 'City').fill('Berlin');
    await field(address, 'Postal code').fill('ABC');
    await saveButton(page).click();
    await expect(field(address, 'Postal code')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(address, 'Postal code')).toHaveAccessibleDescription(/valid postal code/);
  });

  test('the connection drops mid-submit: inputs kept, retry saves', async ({ page, request }) => {
    await openForm(page, 'spherepay');
    await field(page, 'Middle name').fill('Retry');
    await injectFault(request, 'spherepay', 'drop');
    await saveButton(page).click();
    await expect(status(page)).toContainText('not saved');
    await expect(field(page, 'Middle name')).toHaveValue('Retry');
    await widget(page).getByRole('button', { name: 'Try again' }).click();
    await expect(status(page)).toContainText('Your changes are saved');
    await page.reload();
    await expect(field(page, 'Middle name')).toHaveValue('Retry');
  });
});
