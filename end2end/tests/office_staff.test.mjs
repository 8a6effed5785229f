// The staff page on a laptop (1440×900): a manager invites a receptionist with a temporary
// password; they sign in, choose their own password at Keycloak and open the desk; the manager
// makes them a housekeeper and their very next page is the housekeeping console, not the desk.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL } from '../lib/config.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { waitForAppPath } from '../lib/flows.mjs';
import { DESK_VIEWPORT } from '../lib/desk.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';
import { KeycloakLoginPage } from '../pages/KeycloakLoginPage.mjs';

browserTest('a manager invites a receptionist and makes them a housekeeper', async ({ newContext, step }) => {
  const office = await (await newContext(LAPTOP)).newPage();
  const staff = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
  const stamp = Date.now().toString(36);
  const email = `e2e-${stamp}@hotel.test`;
  const name = `Robin Desk${stamp}`;
  const row = office.locator(`tr[data-testid="staff-member"][data-email="${email}"]`);
  let temporary;

  await step('the staff page lists the demo staff and passes axe', async () => {
    await signInToOffice(office, DEMO_USERS.manager, '/admin/staff');
    await expectVisible(office.getByRole('heading', { name: 'Staff', level: 1 }));
    await expectVisible(office.locator('tr[data-testid="staff-member"][data-email="frontdesk@hotel.test"]'));
    await expectNoAxeViolations(office, '/admin/staff');
  });

  await step('an invitation with a temporary password shows it once', async () => {
    const form = office.getByTestId('invite-form');
    await form.getByLabel('Email', { exact: true }).fill(email);
    await form.getByLabel('First name', { exact: true }).fill('Robin');
    await form.getByLabel('Last name', { exact: true }).fill(`Desk${stamp}`);
    await form.getByLabel(/^Role/).selectOption('front_desk');
    await form.getByLabel('Make a temporary password to hand them').check();
    await form.getByRole('button', { name: 'Invite' }).press('Enter');
    temporary = (await expectText(office.getByTestId('temporary-password'), /^\S{10,}$/)).trim();
    await expectText(office.getByTestId('invited'), new RegExp(`${name} is invited as front desk`));
    await expectVisible(row);
  });

  await step('they sign in, choose a password at Keycloak, and open the desk', async () => {
    await staff.goto(`${APP_BASE_URL}/desk`);
    await expectVisible(staff.getByTestId('staff-refused'));
    await staff.getByRole('link', { name: 'Sign in', exact: true }).click();
    const login = new KeycloakLoginPage(staff);
    await login.waitUntilShown();
    await login.login(email, temporary);
    await staff.locator('#password-new').fill(`chosen-${stamp}-pw`);
    await staff.locator('#password-confirm').fill(`chosen-${stamp}-pw`);
    await staff.locator('#kc-submit').click();
    await waitForAppPath(staff, '/desk');
    await expectVisible(staff.getByRole('heading', { name: 'Today', exact: true }));
    await expectText(staff.getByTestId('staff-user'), /front desk|front_desk/);
  });

  await step('the manager gives them the housekeeping role from the keyboard', async () => {
    await row.getByLabel(`Role of ${name}`).selectOption('housekeeping');
    await row.getByRole('button', { name: `Give ${name} this role` }).press('Enter');
    await expectText(office.getByTestId('toasts'), new RegExp(`${name} is now housekeeping`));
  });

  await step('their next page refuses the desk and opens housekeeping', async () => {
    await staff.goto(`${APP_BASE_URL}/desk`);
    await expectText(staff.getByTestId('staff-refused'), /Staff only/);
    await staff.goto(`${APP_BASE_URL}/housekeeping`);
    await expectText(staff.getByTestId('staff-user'), /housekeeping/);
    assert.equal(await staff.getByTestId('staff-refused').count(), 0);
  });
});
