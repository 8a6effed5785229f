// Hotel settings on a laptop (1440×900): a manager sees who the hotel is, has a check-out after
// check-in refused beside its field from the keyboard, saves an earlier check-out, finds the
// change in the audit log, and puts it back (other tests share this hotel); axe passes.
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';

browserTest('a manager changes the check-out time and the audit log shows it', async ({ newContext, step }) => {
  const page = await (await newContext(LAPTOP)).newPage();
  const form = page.getByTestId('settings-form');
  let checkOut;

  await step('the page shows the hotel and its times and passes axe', async () => {
    await signInToOffice(page, DEMO_USERS.manager, '/admin/settings');
    await expectVisible(page.getByRole('heading', { name: 'Hotel settings', level: 1 }));
    await expectText(page.getByTestId('identity'), /Hotel Aurora.*Europe\/Berlin.*EUR/);
    checkOut = await form.getByLabel('Check-out by').inputValue();
    await expectNoAxeViolations(page, '/admin/settings');
  });

  await step('a check-out after check-in is refused beside its field', async () => {
    await form.getByLabel('Check-out by').fill('16:30');
    await form.getByLabel('Check-out by').press('Enter');
    await expectText(page.locator('#st-check_out-error'), /check-out must be before check-in/);
    await expectVisible(form.getByLabel('Check-out by'));
  });

  await step('an earlier check-out is saved and shown', async () => {
    await form.getByLabel('Check-out by').fill('10:15');
    await page.getByRole('button', { name: 'Save the settings' }).press('Enter');
    await expectText(page.getByTestId('toasts'), /Saved the hotel's settings/);
    await expectText(page.locator('#st-check_out-error'), '');
  });

  await step('the audit log names the change', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await expectText(page.locator('tr[data-testid="audit-entry"]').first(), /Max Manager.*Settings.*changed the hotel's times.*check-out 10:15/);
  });

  await step('the check-out time is put back', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('settings-form').getByLabel('Check-out by').fill(checkOut);
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expectText(page.getByTestId('toasts'), /Saved the hotel's settings/);
  });
});
