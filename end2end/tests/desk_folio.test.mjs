// A stay's folio at the desk at 1280×800: the receptionist checks tonight's guest in, posts
// breakfast and parking, takes what is open on the card on file, checks the guest out and
// downloads the invoice; axe finds nothing on the folio.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL, DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { demoGuestBooksTonight, DESK_VIEWPORT, signInToDesk } from '../lib/desk.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { DeskStayPage } from '../pages/DeskStayPage.mjs';

browserTest('a receptionist charges breakfast and parking, takes the balance and checks the guest out with an invoice', async ({ page, newContext, step, log }) => {
  let bookingId;
  await step('the demo guest books a room for tonight', async () => {
    bookingId = await demoGuestBooksTonight(page);
    log(`booking ${bookingId}`);
  });

  const deskPage = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
  const stay = new DeskStayPage(deskPage);
  await step('the receptionist opens the stay and checks the guest in', async () => {
    await signInToDesk(deskPage, DEMO_USERS.frontdesk);
    await stay.goto(bookingId);
    await stay.waitForHydration();
    await stay.checkIn.click();
    await expectText(stay.status, 'checked in');
    await expectVisible(stay.folio);
  });

  await step('breakfast for two and parking are posted, each with its VAT', async () => {
    await stay.postAnExtra('Breakfast', 2);
    await expectText(stay.toast, 'Breakfast × 2 posted');
    await expectText(stay.folioLines, /Breakfast × 2[\s\S]*VAT 19% on Breakfast × 2/);
    await stay.postAnExtra('Parking', 1);
    await expectText(stay.toast, 'Parking (per day) posted');
    await expectText(stay.toSettle, '€51.00');
  });

  await step('axe finds nothing wrong with the folio and its forms', () => expectNoAxeViolations(deskPage, '/desk/stays/<id> folio'));

  await step('check-out is refused while €51.00 is open', async () => {
    await stay.checkOut.click();
    await expectText(stay.outcome, /€51\.00 is still open: take the payment before checking out/);
    await expectText(stay.status, 'checked in');
  });

  await step('the open balance is taken on the card on file from the keyboard', async () => {
    assert.equal(await stay.paymentAmount.inputValue(), '51.00', 'the form offers what is open');
    await stay.paymentForm.getByLabel(/Card on file/).check();
    await stay.takePayment.focus();
    await deskPage.keyboard.press('Enter');
    await expectText(stay.toast, 'Payment taken');
    await expectText(stay.toSettle, '€0.00');
    await expectText(stay.folioLines, /Card payment/);
  });

  await step('the guest is checked out and the invoice downloads as a PDF', async () => {
    await stay.checkOut.click();
    await expectText(stay.toast, /^Checked out of room \S+$/);
    await expectText(stay.status, 'checked out');
    const href = await stay.invoices.first().getAttribute('href');
    const pdf = await deskPage.request.get(`${APP_BASE_URL}${href}`);
    assert.equal(pdf.status(), 200);
    assert.match(pdf.headers()['content-type'], /application\/pdf/);
    assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'a PDF');
  });
});
