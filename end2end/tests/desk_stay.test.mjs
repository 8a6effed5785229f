// One stay at the desk at 1280×800: the receptionist opens tonight's arrival, writes a note,
// checks the guest in from the keyboard and sees both in the stay's history; axe finds nothing.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL, DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { demoGuestBooksTonight, DESK_VIEWPORT, signInToDesk } from '../lib/desk.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { DeskStayPage } from '../pages/DeskStayPage.mjs';

browserTest('a receptionist opens a stay, notes something about it and checks the guest in', async ({ page, newContext, step, log }) => {
  let bookingId;
  await step('the demo guest books a room for tonight', async () => {
    bookingId = await demoGuestBooksTonight(page);
    log(`booking ${bookingId}`);
  });

  await step('the guest is refused the stay page', async () => {
    const response = await page.goto(`${APP_BASE_URL}/desk/stays/${bookingId}`);
    assert.equal(response.status(), 403);
  });

  const deskPage = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
  const stay = new DeskStayPage(deskPage);
  await step('the receptionist signs in and opens the stay', async () => {
    await signInToDesk(deskPage, DEMO_USERS.frontdesk);
    await stay.goto(bookingId);
    await stay.waitForHydration();
    await expectText(stay.status, 'confirmed');
    await expectText(stay.guestName, /\S/);
    await expectVisible(stay.housekeeping);
    await expectVisible(stay.checkIn);
    assert.equal(await stay.checkOut.count(), 0, 'no check-out before the guest is in');
  });

  await step('axe finds nothing wrong with the stay', () => expectNoAxeViolations(deskPage, '/desk/stays/<id>'));

  const note = `Late arrival, keep the room (${Date.now()})`;
  await step('a note is added and shown to staff, the form emptied', async () => {
    await stay.noteText.fill(note);
    await stay.addNote.click();
    await expectText(stay.toast, 'Note added');
    await expectText(stay.notes.last(), new RegExp(note.replace(/[()]/g, '\\$&')));
    await expectText(stay.historyOf('add_note'), /Added a note/);
    assert.equal(await stay.noteText.inputValue(), '', 'the form is ready for the next note');
  });

  await step('Tab reaches "Check in" and Enter checks the guest in', async () => {
    await deskPage.evaluate(() => document.activeElement?.blur());
    for (let i = 0; i < 60 && !(await stay.checkIn.evaluate((b) => b === document.activeElement)); i++) {
      await deskPage.keyboard.press('Tab');
    }
    assert.ok(await stay.checkIn.evaluate((b) => b === document.activeElement), '"Check in" is reachable with Tab');
    await deskPage.keyboard.press('Enter');
    await expectText(stay.toast, /^Checked in: room \S+$/);
    await expectText(stay.status, 'checked in');
    await expectVisible(stay.checkOut);
    assert.equal(await stay.checkIn.count(), 0, 'no second check-in offered');
  });

  await step('the history says who checked the guest in', async () => {
    const line = (await stay.historyOf('check_in').innerText()).replace(/\s+/g, ' ');
    assert.match(line, /\(front desk\) Checked in to room \S+/, line);
  });

  await step('axe finds nothing wrong after the check-in', () => expectNoAxeViolations(deskPage, '/desk/stays/<id> checked in'));
});
