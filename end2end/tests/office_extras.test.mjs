// The extras catalogue on a laptop (1440×900): a manager adds an extra from the keyboard after
// a price refused beside its field, changes its price, and sees the list follow; axe passes.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';

browserTest('a manager adds an extra and changes its price', async ({ newContext, step }) => {
  const page = await (await newContext(LAPTOP)).newPage();
  const code = `e2e_${Date.now().toString(36)}`;
  const row = page.locator(`tr[data-testid="extra"][data-code="${code}"]`);

  await step('the catalogue lists the demo\'s extras and passes axe', async () => {
    await signInToOffice(page, DEMO_USERS.manager, '/admin/extras');
    await expectVisible(page.getByRole('heading', { name: 'Extras', level: 1 }));
    await expectVisible(page.locator('tr[data-testid="extra"][data-code="breakfast"]'));
    await expectNoAxeViolations(page, '/admin/extras');
  });

  await step('a price that is not one is refused beside its field', async () => {
    const form = page.getByTestId('extra-form');
    await form.getByLabel('Code (fixed once added)').fill(code);
    await form.getByLabel('Name on the folio').fill('Bike rental');
    await form.getByLabel(/Price, VAT included/).fill('lots');
    await form.getByLabel('VAT rate (%)').fill('19');
    await form.getByLabel(/Price, VAT included/).press('Enter');
    await expectText(page.locator('#price-error'), /a price such as/);
  });

  await step('with a price it is added, on the list, and a toast says so', async () => {
    await page.getByTestId('extra-form').getByLabel(/Price, VAT included/).fill('12.50');
    await page.getByRole('button', { name: 'Add the extra' }).press('Enter');
    await expectText(page.getByTestId('toast'), /Saved: Bike rental at/);
    await expectText(row.getByTestId('extra-price'), /12\.50/);
  });

  await step('its price changes from the row\'s Change button', async () => {
    await row.getByRole('button', { name: 'Change Bike rental' }).click();
    const form = page.getByTestId('extra-form');
    await expectVisible(page.getByRole('heading', { name: 'Change Bike rental' }));
    assert.equal(await form.getByLabel('Code (fixed once added)').getAttribute('readonly'), '');
    await form.getByLabel(/Price, VAT included/).fill('14.00');
    await page.getByRole('button', { name: 'Save the change' }).click();
    await expectText(row.getByTestId('extra-price'), /14\.00/);
  });
});
