// The night audit from the manager's office on a laptop (1440×900): the demo hotel's business
// date is yesterday, its audit waiting; the manager runs it from the keyboard after a question
// that says what it does, sees it done, the date rolled and the report; a second run is refused
// until midnight; the page passes axe. A housekeeper is refused the office.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { addDays, hotelToday, isoDate } from '../lib/dates.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';
import { signInToTablet, TABLET } from '../lib/housekeeping.mjs';
import { APP_BASE_URL } from '../lib/config.mjs';

browserTest('a manager runs the night audit from the office and reads its report', async ({ newContext, step }) => {
  const page = await (await newContext(LAPTOP)).newPage();
  const today = isoDate(hotelToday());
  const yesterday = isoDate(addDays(hotelToday(), -1));

  await step('the office opens on the night audit, the business date yesterday; it passes axe', async () => {
    await signInToOffice(page, DEMO_USERS.manager);
    await expectVisible(page.getByRole('heading', { name: 'Night audit', level: 1 }));
    assert.equal(await page.getByTestId('business-date').getAttribute('data-date'), yesterday);
    await expectVisible(page.getByRole('navigation', { name: "Manager's office" }).getByRole('link', { name: 'Night audit' }));
    await expectNoAxeViolations(page, '/admin');
  });

  await step('the run is asked first, from the keyboard; Escape changes nothing', async () => {
    const run = page.getByTestId('run-night-audit');
    for (let i = 0; i < 15 && !(await run.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    assert.ok(await run.evaluate((b) => b === document.activeElement), 'the run button is reached with Tab');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Run the night audit for/ });
    await expectVisible(dialog);
    await expectText(dialog, /become no-shows.*business date moves to the next day/);
    await page.keyboard.press('Escape');
    await expectVisible(page.getByTestId('run-night-audit'));
    assert.equal(await page.getByTestId('business-date').getAttribute('data-date'), yesterday, 'nothing ran');
  });

  await step('confirmed, it runs: a toast says so, the date is today and the report is in the list', async () => {
    await page.getByTestId('run-night-audit').press('Enter');
    const dialog = page.getByRole('dialog', { name: /Run the night audit for/ });
    await expectVisible(dialog);
    await dialog.getByRole('button', { name: 'Run the night audit' }).focus();
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('toast'), /Night audit of .* done: \d+ no-show\(s\), business date now/);
    await expectVisible(page.locator(`[data-testid="business-date"][data-date="${today}"]`));
    const row = page.locator(`tr[data-testid="night-audit-run"][data-date="${yesterday}"]`);
    await expectText(row, /Max Manager/);
    await row.getByText('Report').click();
    await expectText(row.getByTestId('run-pickup'), /room nights over \d+ stay dates/);
    await expectText(row.getByTestId('run-missing-nights'), /.+/);
    await expectNoAxeViolations(page, '/admin after a run');
  });

  await step('the next audit waits for midnight: the button is off and says why', async () => {
    await expectText(page.getByTestId('night-audit-status'), /can run from midnight/);
    assert.equal(await page.getByTestId('run-night-audit').isDisabled(), true);
  });
});

browserTest('a housekeeper is refused the office', async ({ newContext, step }) => {
  const tablet = await (await newContext(TABLET)).newPage();
  await step('signed in on the tablet, the office says staff only', async () => {
    await signInToTablet(tablet, DEMO_USERS.housekeeping, '/housekeeping/mine');
    const answer = await tablet.goto(`${APP_BASE_URL}/admin`);
    assert.equal(answer.status(), 403);
    await expectText(tablet.getByTestId('staff-refused'), /Staff only/);
  });
});
