// Money, end to end: a guest pays with a test card (after a declined one), gets the booking and
// payment emails, takes the invoice, cancels inside the free window, is refunded, is told so by
// email and downloads the credit note.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL, DEMO_USERS } from '../lib/config.mjs';
import { randomFutureStay } from '../lib/dates.mjs';
import { eventually, expectText, expectVisible } from '../lib/expect.mjs';
import { signInFromHeader } from '../lib/flows.mjs';
import { formatEuro } from '../lib/money.mjs';
import { ConfirmationPage } from '../pages/ConfirmationPage.mjs';
import { Mailpit } from '../pages/Mailpit.mjs';
import { RoomPage, TEST_CARDS } from '../pages/RoomPage.mjs';

const CODE = 'DLX';

/** Fetches a download with the page's session and checks it is a PDF. */
async function expectPdf(page, href) {
  const response = await page.request.get(new URL(href, APP_BASE_URL).toString());
  assert.equal(response.status(), 200, `GET ${href}`);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const body = await response.body();
  assert.equal(body.subarray(0, 5).toString(), '%PDF-', `${href} is a PDF`);
  return body.length;
}

browserTest('a guest pays by card, is refunded on a free cancellation and downloads invoice and credit note', async ({ page, step, log }) => {
  const stay = randomFutureStay({ minNights: 2, maxNights: 3 });
  const room = new RoomPage(page);
  const guest = DEMO_USERS.guest;

  await step('sign in and open the room with the dates', async () => {
    await room.goto(CODE);
    await signInFromHeader(page, guest);
    await page.goto(`${APP_BASE_URL}/rooms/${CODE}?check_in=${stay.checkIn}&check_out=${stay.checkOut}&adults=2`);
    await room.waitForHydration();
  });

  let quoted;
  await step('a declined card is refused with a clear message and books nothing', async () => {
    quoted = await room.liveTotalCents(stay.nights);
    await room.fillCard({ number: TEST_CARDS.declined });
    await room.bookNow.click();
    await expectText(room.alert.first(), 'your card was declined; please use another card');
    assert.match(new URL(page.url()).pathname, /^\/rooms\//, 'still on the room page');
  });

  const confirmation = new ConfirmationPage(page);
  let bookingId;
  let reference;
  await step('the test card that pays books the room and takes the payment', async () => {
    await page.reload();
    await room.waitForHydration();
    await room.fillCard();
    bookingId = await room.submitBooking();
    await confirmation.waitUntilShown();
    reference = await confirmation.referenceText();
    assert.equal(await confirmation.totalCents(), quoted);
    const paid = (await confirmation.payments.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    assert.ok(paid.some((p) => p.startsWith('Paid by card •••• 4242') && p.endsWith(formatEuro(quoted))), `payment listed: ${paid.join(' | ')}`);
    log(`booking ${reference}, paid ${formatEuro(quoted)}`);
  });

  const mail = new Mailpit();
  await step('booking confirmation and payment receipt arrive', async () => {
    await mail.waitForMessage({ to: guest.email, subject: `Your booking ${reference} is confirmed` });
    const receipt = await mail.waitForMessage({ to: guest.email, subject: `Payment receipt for booking ${reference}` });
    assert.ok(receipt.Text.includes(formatEuro(quoted)), `the receipt names the amount:\n${receipt.Text}`);
  });

  await step('the invoice is issued and downloads as a PDF', async () => {
    const href = await eventually(async () => {
      await confirmation.getInvoice.click();
      await expectVisible(confirmation.newInvoiceLink, { timeout: 5_000 });
      return confirmation.newInvoiceLink.getAttribute('href');
    }, { timeout: 60_000, interval: 1_000 });
    log(`invoice PDF: ${await expectPdf(page, href)} bytes`);
  });

  await step('cancel inside the free window: free of charge', async () => {
    await expectText(confirmation.feeNow, 'Cancelling now is free.');
    await confirmation.cancelButton.click();
    await expectVisible(confirmation.cancelledNotice);
    await expectText(confirmation.cancellationFee, 'Cancellation fee: €0.00');
  });

  await step('the refund and the cancellation email arrive', async () => {
    await mail.waitForMessage({ to: guest.email, subject: `Your booking ${reference} is cancelled` });
    const refund = await mail.waitForMessage({ to: guest.email, subject: `Refund for booking ${reference}` });
    assert.ok(refund.Text.includes(formatEuro(quoted)), `the whole amount comes back:\n${refund.Text}`);
  });

  await step('the booking shows the refund and a credit note that downloads as a PDF', async () => {
    const href = await eventually(async () => {
      await page.goto(`${APP_BASE_URL}/bookings/${bookingId}`);
      await confirmation.section.waitFor();
      const paid = (await confirmation.payments.allInnerTexts()).join(' | ');
      assert.ok(paid.includes('Refunded to card •••• 4242'), `refund listed: ${paid}`);
      const link = confirmation.documents.getByRole('link', { name: /^Credit note CN-\d{4}-\d{6}$/ });
      assert.equal(await link.count(), 1, 'one credit note');
      return link.getAttribute('href');
    }, { timeout: 60_000, interval: 1_000 });
    log(`credit note PDF: ${await expectPdf(page, href)} bytes`);
  });
});
