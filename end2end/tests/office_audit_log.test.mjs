// The audit log on a laptop (1440×900): a manager adds an extra, then finds it in the log by
// person and date, from the keyboard; axe passes; a housekeeper is refused the page.
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL, DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { hotelToday, isoDate } from '../lib/dates.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';
import { TABLET, signInToTablet } from '../lib/housekeeping.mjs';

browserTest('a manager finds their own change in the audit log', async ({ newContext, step }) => {
  const page = await (await newContext(LAPTOP)).newPage();
  const name = `Audit kayak ${Date.now().toString(36)}`;

  await step('the manager adds an extra', async () => {
    await signInToOffice(page, DEMO_USERS.manager, '/admin/extras');
    const form = page.getByTestId('extra-form');
    await form.getByLabel('Code (fixed once added)').fill(`kayak_${Date.now().toString(36)}`);
    await form.getByLabel('Name on the folio').fill(name);
    await form.getByLabel(/Price, VAT included/).fill('30.00');
    await form.getByLabel('VAT rate (%)').fill('19');
    await page.getByRole('button', { name: 'Add the extra' }).click();
    await expectText(page.getByTestId('toasts'), new RegExp(`Saved: ${name}`));
  });

  await step('the log, filtered by person and today from the keyboard, shows it', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Audit log', level: 1 }));
    const filters = page.getByTestId('audit-filters');
    const person = filters.getByRole('combobox', { name: /^Person/ });
    const manager = (await person.locator('option', { hasText: 'Max Manager' }).first().innerText()).trim();
    await person.selectOption({ label: manager });
    await filters.getByLabel('From').fill(isoDate(hotelToday()));
    await filters.getByLabel('From').press('Enter');
    const entry = page.locator('tr[data-testid="audit-entry"]', { hasText: name });
    await expectVisible(entry);
    await expectText(entry, /Max Manager.*Extras.*added an extra/);
    await expectNoAxeViolations(page, '/admin/audit');
  });

  await step('a housekeeper is refused the page', async () => {
    const tablet = await (await newContext(TABLET)).newPage();
    await signInToTablet(tablet, DEMO_USERS.housekeeping, '/housekeeping');
    await tablet.goto(`${APP_BASE_URL}/admin/audit`);
    await expectText(tablet.getByTestId('staff-refused'), /Staff only/);
  });
});
