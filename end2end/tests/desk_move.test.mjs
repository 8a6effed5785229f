// Moving a stay at the desk at 1280×800, keyboard only: the receptionist opens tonight's
// arrival, picks a free room that is not ready, is asked first (Escape takes the question back,
// focus returns), confirms, and sees the toast and the new room; axe finds nothing, the dialog
// open or not. What the test booked is cancelled at the end, so tonight's rooms last.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL, DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { demoGuestBooksTonight, DESK_VIEWPORT, signInToDesk } from '../lib/desk.mjs';
import { eventually, expectHidden, expectText, expectVisible } from '../lib/expect.mjs';
import { DeskStayPage } from '../pages/DeskStayPage.mjs';

const focusedIs = (locator) => locator.evaluate((el) => el === document.activeElement);

browserTest('a receptionist moves tonight’s guest to a room not yet ready, confirming first', async ({ page, newContext, step, log }) => {
  let bookingId;
  await step('the demo guest books a room for tonight', async () => {
    bookingId = await demoGuestBooksTonight(page);
    log(`booking ${bookingId}`);
  });

  const deskPage = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
  const stay = new DeskStayPage(deskPage);
  try {
    let from;
    await step('the receptionist opens the stay and sees the free rooms', async () => {
      await signInToDesk(deskPage, DEMO_USERS.frontdesk);
      await stay.goto(bookingId);
      await stay.waitForHydration();
      from = (await expectText(stay.roomNumber, /^Room \S+$/)).replace('Room ', '');
      await expectVisible(stay.freeRooms);
      assert.ok(await stay.moveRoom.isDisabled(), 'nothing to move to before a room is chosen');
    });

    await step('axe finds nothing wrong with the stay and its free rooms', () => expectNoAxeViolations(deskPage, '/desk/stays/<id> move'));

    let to;
    await step('Tab reaches the free rooms and the arrow keys choose one that is not ready', async () => {
      const radios = stay.freeRooms.getByRole('radio');
      await deskPage.evaluate(() => document.activeElement?.blur());
      for (let i = 0; i < 80 && !(await radios.first().evaluate((r) => r === document.activeElement)); i++) {
        await deskPage.keyboard.press('Tab');
      }
      assert.ok(await focusedIs(radios.first()), 'the first free room is reachable with Tab');
      await deskPage.keyboard.press('Space');
      const focused = () => deskPage.evaluate(() => ({ room: document.activeElement.value, state: document.activeElement.dataset.housekeeping }));
      const count = await radios.count();
      for (let i = 1; i < count && !['dirty', 'clean'].includes((await focused()).state); i++) {
        await deskPage.keyboard.press('ArrowDown');
      }
      const chosen = await focused();
      assert.ok(['dirty', 'clean'].includes(chosen.state), `a room not yet inspected is offered: ${JSON.stringify(chosen)}`);
      assert.ok(await deskPage.evaluate(() => document.activeElement.checked), 'the focused room is the chosen one');
      to = chosen.room;
      assert.notEqual(to, from);
      log(`moving from ${from} to ${to} (${chosen.state})`);
    });

    await step('"Move room" asks first; Escape takes the question back to the button', async () => {
      await deskPage.keyboard.press('Tab');
      assert.ok(await focusedIs(stay.moveRoom), 'Tab goes on to "Move room"');
      await deskPage.keyboard.press('Enter');
      await expectVisible(stay.confirmDialog);
      await expectText(stay.confirmDialog.getByRole('heading'), `Move to room ${to}?`);
      await expectText(stay.confirmDialog.locator('p'), new RegExp(`^Room ${to} is (dirty|clean but not yet inspected|still occupied)\\. Move the guest there anyway\\?$`));
      assert.ok(await focusedIs(stay.confirmDialog.getByRole('button', { name: 'Cancel' })), 'focus starts on Cancel');
      await expectNoAxeViolations(deskPage, '/desk/stays/<id> move dialog');
      await deskPage.keyboard.press('Escape');
      await expectHidden(stay.confirmDialog);
      assert.ok(await focusedIs(stay.moveRoom), 'focus is back on "Move room"');
      await expectText(stay.roomNumber, `Room ${from}`);
    });

    await step('confirmed in the dialog, the guest is moved: a toast, the new room, the history', async () => {
      await deskPage.keyboard.press('Enter');
      await expectVisible(stay.confirmDialog);
      await deskPage.keyboard.press('Tab');
      assert.ok(await focusedIs(stay.confirmDialog.getByRole('button', { name: 'Move the guest' })));
      await deskPage.keyboard.press('Enter');
      await expectText(stay.toast, `Moved to room ${to}`);
      await expectText(stay.roomNumber, `Room ${to}`);
      await expectText(stay.historyOf('move_room'), new RegExp(`Moved from room ${from} to room ${to}`));
      await eventually(async () => {
        assert.equal(await deskPage.locator(`input[type=radio][value="${to}"]`).count(), 0, 'its new room is no longer offered');
        assert.equal(await deskPage.locator(`input[type=radio][value="${from}"]`).count(), 1, 'its old room is offered now');
      });
    });

    await step('axe finds nothing wrong after the move', () => expectNoAxeViolations(deskPage, '/desk/stays/<id> moved'));
  } finally {
    await step('the booking is cancelled, so tonight’s room is free again', async () => {
      const response = await deskPage.request.post(`${APP_BASE_URL}/api/cancel_booking`, { form: { id: bookingId } });
      assert.equal(response.status(), 200, await response.text());
    });
  }
});
