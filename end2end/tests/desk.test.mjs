// The front desk's day at 1280×800 with a keyboard: a guest's arrival for today is found by its
// reference and checked in; a guest is refused the console.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL, DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { demoGuestBooksTonight, DESK_VIEWPORT, signInToDesk } from '../lib/desk.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';

browserTest('a receptionist finds today\'s arrival by its reference and checks the guest in with the keyboard', async ({ page, newContext, step, log }) => {
  let bookingId;
  await step('the demo guest books a room for tonight', async () => {
    bookingId = await demoGuestBooksTonight(page);
    log(`booking ${bookingId}`);
  });

  await step('the guest is refused the console', async () => {
    const response = await page.goto(`${APP_BASE_URL}/desk`);
    assert.equal(response.status(), 403);
    await expectText(page.getByTestId('staff-refused').getByRole('heading'), 'Staff only');
  });

  const deskPage = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
  let desk;
  await step('the receptionist signs in from the console', async () => {
    desk = await signInToDesk(deskPage, DEMO_USERS.frontdesk);
    await expectText(desk.staffUser, /· front_desk$/);
    await expectVisible(desk.businessDate);
    await desk.waitForHydration();
  });

  await step('axe finds nothing wrong with the day', () => expectNoAxeViolations(deskPage, '/desk'));

  const reference = () => bookingId.slice(0, 8).toUpperCase();
  await step('"/" jumps to the search; the reference finds the arrival', async () => {
    await deskPage.keyboard.press('/');
    assert.equal(await deskPage.evaluate(() => document.activeElement?.name), 'q', 'the search has the focus');
    await deskPage.keyboard.type(reference());
    await deskPage.keyboard.press('Enter');
    await expectVisible(desk.row(bookingId));
    await expectText(desk.count('arrivals'), '1');
    const row = (await desk.row(bookingId).innerText()).replace(/\s+/g, ' ');
    assert.ok(row.includes(reference()), `the row names the booking: ${row}`);
  });

  // A second receptionist has the same arrival open; the check-in must reach their screen by push.
  const otherPage = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
  let other;
  await step('a second receptionist opens the same search', async () => {
    other = await signInToDesk(otherPage, DEMO_USERS.frontdesk);
    await other.goto(`?q=${reference()}`);
    await other.waitForHydration();
    await expectVisible(other.row(bookingId).getByRole('button', { name: /^Check in / }));
  });

  await step('Tab reaches "Check in" and Enter checks the guest in', async () => {
    const button = desk.row(bookingId).getByRole('button', { name: /^Check in / });
    for (let i = 0; i < 40 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
      await deskPage.keyboard.press('Tab');
    }
    assert.ok(await button.evaluate((b) => b === document.activeElement), '"Check in" is reachable with Tab');
    await deskPage.keyboard.press('Enter');
    await expectText(desk.toast, /^Checked in: room \S+$/);
    await expectText(desk.row(bookingId).getByText('checked in', { exact: true }), 'checked in');
    await expectText(desk.count('in_house'), '1');
  });

  await step('the second screen shows the check-in without reloading', async () => {
    const started = Date.now();
    await expectText(other.row(bookingId).getByText('checked in', { exact: true }), 'checked in');
    assert.equal(await other.row(bookingId).getByRole('button', { name: /^Check in / }).count(), 0, 'no second check-in offered');
    log(`the check-in reached the other console ${Date.now() - started} ms after the first one saw it`);
  });

  await step('the guest is in the house', async () => {
    await desk.tab('in_house').click();
    await expectVisible(desk.list('in_house'));
    await expectVisible(desk.row(bookingId));
  });
});
