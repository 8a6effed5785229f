// An email template on a laptop (1440×900): the manager opens the German payment-failed message,
// types an unknown variable and sees it refused beside the subject, fixes it and watches the
// preview follow, saves, and receives the test email in Mailpit. The page passes axe.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';
import { Mailpit } from '../pages/Mailpit.mjs';

browserTest('a manager edits a template, previews it and receives the test email', async ({ newContext, step }) => {
  const page = await (await newContext(LAPTOP)).newPage();
  const token = `E2E${Date.now().toString(36).toUpperCase()}`;

  await step('the German payment-failed message opens from the list', async () => {
    await signInToOffice(page, DEMO_USERS.manager, '/admin/templates');
    await page.getByRole('navigation', { name: 'Templates' }).getByRole('link', { name: 'Payment failed (de)' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Payment failed (de)' }));
    await expectVisible(page.getByTestId('preview-subject'));
    await expectNoAxeViolations(page, '/admin/templates');
  });

  await step('an unknown variable is refused beside the subject', async () => {
    await page.getByTestId('subject').fill(`${token} {{ refrence }}`);
    await expectText(page.getByTestId('subject-error'), /line 1/);
  });

  await step('fixed, the preview follows the typing', async () => {
    await page.getByTestId('subject').fill(`${token} Zahlung für {{ reference }}`);
    await expectText(page.getByTestId('preview-subject'), new RegExp(`${token} Zahlung für 3F2A9C1B`));
    assert.equal(await page.getByTestId('subject-error').textContent(), '');
  });

  await step('saved, and the test email reaches the manager', async () => {
    await page.getByTestId('save-template').click();
    await expectText(page.getByTestId('toast'), /Saved: Payment failed \(de\)/);
    await page.getByTestId('send-test').click();
    await expectText(page.getByTestId('toast'), /Test sent to manager@hotel\.test/);
    const mail = await new Mailpit().waitForMessage({ to: DEMO_USERS.manager.email, subject: `[Test] ${token}` });
    assert.match(mail.Subject ?? mail.subject ?? '', new RegExp(token));
  });
});
