// A guest's whole stay planning: search → room type with its quote → book → change the dates →
// cancel, seeing the price and the cancellation terms at every step.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { addDays, isoDate, randomFutureStay } from '../lib/dates.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { signInFromHeader } from '../lib/flows.mjs';
import { formatEuro, parseEuro } from '../lib/money.mjs';
import { ChangeBookingPage } from '../pages/ChangeBookingPage.mjs';
import { ConfirmationPage } from '../pages/ConfirmationPage.mjs';
import { RoomPage, liveTotalPattern } from '../pages/RoomPage.mjs';
import { SearchPage } from '../pages/SearchPage.mjs';

const CODE = 'TWN';

browserTest('a guest searches, books, changes the dates and cancels', async ({ page, step, log }) => {
  const search = new SearchPage(page);
  const stay = randomFutureStay({ minNights: 2, maxNights: 3 });

  await step('sign in as the demo guest', async () => {
    await search.goto();
    await signInFromHeader(page, DEMO_USERS.guest);
  });

  let listed;
  await step(`search ${stay.checkIn} → ${stay.checkOut} for two adults`, async () => {
    await search.goto();
    await search.search({ checkIn: stay.checkIn, checkOut: stay.checkOut, adults: 2 });
    listed = await search.totalCents(CODE);
    log(`${CODE} listed at ${formatEuro(listed)}`);
  });

  const room = new RoomPage(page);
  await step('choose the room type: the form starts from the search, with the same price', async () => {
    await search.choose(CODE);
    await room.heading.waitFor();
    assert.equal(await room.checkIn.inputValue(), stay.checkIn);
    assert.equal(await room.checkOut.inputValue(), stay.checkOut);
    assert.equal(await room.liveTotalCents(stay.nights), listed, 'the quote equals the search price');
    await expectText(room.terms, /^Free cancellation until \d{4}-\d{2}-\d{2} 15:00 \(Europe\/Berlin\); after that, cancelling costs €\d+\.\d{2}\.$/);
  });

  const confirmation = new ConfirmationPage(page);
  let bookingId;
  await step('book', async () => {
    await room.waitForHydration();
    await room.fillCard();
    bookingId = await room.submitBooking();
    await confirmation.waitUntilShown();
    assert.equal(await confirmation.totalCents(), listed);
    assert.equal(await confirmation.priceRows.count(), stay.nights + 3, 'one row a night, VAT, city tax and the total');
  });

  const longer = isoDate(addDays(new Date(`${stay.checkOut}T00:00:00Z`), 1));
  await step(`change the check-out to ${longer}: re-priced before saving`, async () => {
    await confirmation.changeLink.click();
    const change = new ChangeBookingPage(page);
    await change.waitUntilShown();
    await expectText(change.liveTotal, liveTotalPattern(stay.nights));
    await change.checkOut.fill(longer);
    const newTotal = parseEuro(await expectText(change.liveTotal, liveTotalPattern(stay.nights + 1)));
    assert.ok(newTotal > listed, `one more night costs more: ${formatEuro(newTotal)} > ${formatEuro(listed)}`);
    await expectText(change.moneyChange, new RegExp(`^${formatEuro(newTotal - listed).replace('.', '\\.')} more will be (charged to|held on) your card ending \\d{4}`));
    await change.save.click();
    await page.waitForURL((url) => url.pathname === `/bookings/${bookingId}`);
    await confirmation.waitUntilShown();
    await expectText(confirmation.section.locator('dt', { hasText: 'Check-out' }).locator('xpath=following-sibling::dd[1]'), longer);
    assert.equal(await confirmation.totalCents(), newTotal, 'the booking now costs what the change quoted');
  });

  await step('cancel: free this far ahead', async () => {
    await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
    await expectText(confirmation.feeNow, 'Cancelling now is free.');
    await confirmation.cancelButton.click();
    await expectVisible(confirmation.cancelledNotice);
    await expectText(confirmation.cancellationFee, 'Cancellation fee: €0.00');
    assert.equal((await confirmation.status.innerText()).trim(), 'cancelled');
    assert.equal(await confirmation.changeLink.count(), 0, 'a cancelled booking cannot be changed');
  });
});
