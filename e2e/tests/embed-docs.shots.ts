// Screenshots of <customer-update-form> for the README (docs/element-*.png): each
// language, with the error summary showing, light and dark. Run by scripts/screenshots.sh.
import { test, expect } from './embed-fixtures';

const docs = (name: string) => `${__dirname}/../../docs/${name}.png`;
const summaryTitle: Record<string, string> = { en: 'There is a problem', 'pt-BR': 'Há um problema', es: 'Hay un problema' };

test.use({ viewport: { width: 680, height: 900 } });

for (const lang of ['en', 'pt-BR', 'es']) {
  for (const theme of ['light', 'dark']) {
    test(`element: ${lang}, with errors, ${theme}`, async ({ page, plainHost }) => {
      await page.goto(`${plainHost}/?provider=swipelux&lang=${lang}&theme=${theme}&hidden-fields=/residentialAddress/streetLine2`);
      const form = page.locator('customer-update-form');
      await expect(form.locator('[data-cuw-submit]')).toBeVisible();
      await form.locator('input[type="tel"]').fill('+55 21 9876');
      await form.locator('input[type="email"]').fill('joao@');
      await form.locator('[data-cuw-submit]').click();
      await expect(form.getByRole('heading', { name: summaryTitle[lang] })).toBeVisible();
      await form.screenshot({ path: docs(`element-${lang}-${theme}`), animations: 'disabled', caret: 'hide' });
    });
  }
}
