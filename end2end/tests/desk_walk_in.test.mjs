// A walk-in at the desk at 1280×800, from the keyboard: the receptionist registers a guest who
// has no account, books tonight with the balance left for check-out, lands on the stay and
// checks the guest in; axe finds nothing on the walk-in page. The guest then pays cash and is
// checked out, so repeated runs leave tonight's rooms as they found them.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { DESK_VIEWPORT, signInToDesk } from '../lib/desk.mjs';
import { eventually, expectText, expectVisible } from '../lib/expect.mjs';
import { DeskStayPage } from '../pages/DeskStayPage.mjs';
import { DeskWalkInPage } from '../pages/DeskWalkInPage.mjs';

browserTest('a receptionist registers a walk-in guest, books tonight from the keyboard and checks the guest in', async ({ newContext, step, log }) => {
  const page = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
  const walkIn = new DeskWalkInPage(page);
  const stay = new DeskStayPage(page);
  const email = `walk-in-${Date.now()}-${Math.floor(Math.random() * 1e6)}@hotel.test`;
  const name = 'Wanda Walk-In';

  await step('the receptionist signs in and opens "New booking" from the navigation', async () => {
    await signInToDesk(page, DEMO_USERS.frontdesk);
    await page.getByRole('link', { name: 'New booking', exact: true }).focus();
    await page.keyboard.press('Enter');
    await walkIn.heading.waitFor();
    await walkIn.waitForHydration();
  });

  await step('the guest is not known by their email', async () => {
    await walkIn.search.focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await expectText(walkIn.noGuest, 'No guest matches. Register them below.');
  });

  await step('a profile is registered with the email searched for, and the stay comes next', async () => {
    assert.equal(await walkIn.email.inputValue(), email, 'the search fills the email in');
    await walkIn.name.focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expectText(walkIn.chosenGuest, new RegExp(`Booking for ${name} · ${email.replace(/[.]/g, '\\.')}`));
    assert.ok(await walkIn.focused(walkIn.checkIn), 'the keyboard is at the check-in date');
    assert.match(await walkIn.checkIn.inputValue(), /^\d{4}-\d{2}-\d{2}$/, 'tonight is offered');
  });

  let roomType;
  await step('a room type free tonight is chosen and priced as on the guest site', async () => {
    const { radio, label } = await walkIn.firstBookableRoomType();
    roomType = label;
    log(`room type: ${label}`);
    await radio.focus();
    await page.keyboard.press('Space');
    await expectText(walkIn.quote, /1 night · €[\d,.]+ in total/);
    assert.ok(await walkIn.payLater.isChecked(), 'the balance waits for check-out unless a card is given');
  });

  await step('axe finds nothing wrong with the walk-in page', () => expectNoAxeViolations(page, '/desk/new'));

  let bookingId;
  await step('Enter on "Book" books and opens the stay', async () => {
    await walkIn.bookButton.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/desk\/stays\/[0-9a-f-]{36}$/);
    bookingId = page.url().split('/').pop();
    log(`booking ${bookingId} (${roomType})`);
    await stay.waitForHydration();
    await expectText(stay.status, 'confirmed');
    await expectText(stay.guestName, name);
    const line = await expectText(stay.historyOf('book'), /\(front desk\)[\s\S]*Booked at the desk/);
    log(line);
  });

  await step('the guest is checked in from the keyboard', async () => {
    await stay.checkIn.focus();
    await page.keyboard.press('Enter');
    await expectText(stay.toast, /^Checked in: room \S+$/);
    await expectText(stay.status, 'checked in');
  });

  await step('the guest pays cash and checks out, which frees the room again', async () => {
    // The folio opens when billing hears of the booking; the stay shows it once reloaded after.
    await eventually(async () => {
      await page.reload();
      await stay.waitForHydration();
      await expectVisible(stay.paymentForm, { timeout: 3_000 });
    }, { timeout: 60_000 });
    await stay.paymentForm.getByLabel('Cash').check();
    await stay.takePayment.focus();
    await page.keyboard.press('Enter');
    await expectText(stay.toast, 'Payment taken');
    await expectText(stay.toSettle, '€0.00');
    await stay.checkOut.click();
    await expectText(stay.toast, /^Checked out of room \S+$/);
    await expectText(stay.status, 'checked out');
  });
});
