// A BVNK company customer also keeps their associates' contact details up to date: one
// group per person under the company, saved through the proxy's PUT /v1/customer/associates.
import { test, expect, openForm, field, saveAndConfirm, section, widget } from './support';

test('change an associate\'s email, save, open again: the new email is there', async ({ page, problems }) => {
  await openForm(page, 'bvnk', 'Acme Ltd');
  await expect(section(page, 'People at your company')).toBeVisible();
  const sean = widget(page).getByRole('group', { name: 'Sean Bond', exact: true });
  const email = field(sean, 'Email address');
  await expect(email).toHaveValue('sean.bond@example.com');
  // The company's own fields are still there.
  await expect(field(page, 'Company name')).toHaveValue('Acme Ltd');

  await email.fill('sean.bond@acme.example.org');
  await saveAndConfirm(page, 'Email address (Sean Bond)');
  await openForm(page, 'bvnk', 'Acme Ltd');
  await expect(field(widget(page).getByRole('group', { name: 'Sean Bond', exact: true }), 'Email address'))
    .toHaveValue('sean.bond@acme.example.org');
  expect(problems).toEqual([]);
});
