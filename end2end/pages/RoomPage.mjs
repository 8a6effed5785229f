// `/rooms/<CODE>`: a room type with, for signed-in users, the booking form and its live total
// (asked of the server by the hydrated WASM as the fields change).
import { APP_BASE_URL } from '../lib/config.mjs';
import { parseEuro } from '../lib/money.mjs';
import { expectText } from '../lib/expect.mjs';
import { Header } from './Header.mjs';

/** The test gateway's documented cards. */
export const TEST_CARDS = { pays: '4242 4242 4242 4242', declined: '4000 0000 0000 0002' };

export const CHOOSE_DATES = 'Choose your dates to see the total';

/** The live quote's summary line for a stay of `nights`. */
export const liveTotalPattern = (nights) => new RegExp(`^${nights} nights · €\\d+\\.\\d{2} in total$`);

export class RoomPage {
  constructor(page) {
    this.page = page;
    this.header = new Header(page);
    this.heading = page.locator('main h1');
    this.priceLine = page.locator('main').getByText(/ per night · up to /);
    this.signInToBookLink = page.getByRole('link', { name: 'Sign in to book this room' });
    this.form = page.locator('main form').filter({ has: page.locator('input[name=check_in]') });
    this.checkIn = page.locator('input[name=check_in]');
    this.checkOut = page.locator('input[name=check_out]');
    this.adults = page.locator('select[name=adults]');
    this.children = page.locator('select[name=children]');
    this.liveTotal = page.getByTestId('live-total');
    this.priceRows = page.getByTestId('price-table').locator('tr');
    this.terms = page.getByTestId('terms');
    this.bookNow = page.getByRole('button', { name: 'Book now' });
    this.alert = page.locator('main [role=alert]');
  }

  async goto(code) {
    await this.page.goto(`${APP_BASE_URL}/rooms/${code}`);
    await this.heading.waitFor();
  }

  /** Waits for `<body data-hydrated="true">`, set by the WASM once hydration has run. */
  async waitForHydration(timeout) {
    await this.page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout });
  }

  async isHydrated() {
    return (await this.page.locator('body').getAttribute('data-hydrated')) === 'true';
  }

  /** "€119.00 per night · up to 2 adults and 1 children", in cents. */
  async nightlyPriceCents() {
    return parseEuro(await this.priceLine.innerText());
  }

  /** Types the dates the way a person does (an `input` event per field). */
  async fillDates(checkIn, checkOut) {
    await this.checkIn.fill(checkIn);
    await this.checkOut.fill(checkOut);
  }

  async choosePartySize({ adults, children }) {
    if (adults !== undefined) await this.adults.selectOption(String(adults));
    if (children !== undefined) await this.children.selectOption(String(children));
  }

  /** "3 nights · €412.35 in total" → 41235, once the quote is there. */
  async liveTotalCents(nights) {
    const text = await expectText(this.liveTotal, liveTotalPattern(nights));
    return parseEuro(text);
  }

  async liveTotalText() {
    return (await this.liveTotal.innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Types a card into the payment fields (test cards: services/payments/README.md). */
  async fillCard({ number = TEST_CARDS.pays, month = '12', year = String(new Date().getUTCFullYear() + 3), cvc = '123' } = {}) {
    await this.page.locator('input[name=card_number]').fill(number);
    await this.page.locator('input[name=card_month]').fill(month);
    await this.page.locator('input[name=card_year]').fill(year);
    await this.page.locator('input[name=card_cvc]').fill(cvc);
  }

  /** Clicks "Book now" and waits for the confirmation page's URL; returns the booking id. */
  async submitBooking() {
    await this.bookNow.click();
    const url = /\/bookings\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
    // An error in [role=alert] ends the wait early with its text instead of a bare timeout.
    const failed = this.alert.first().waitFor({ state: 'visible' }).then(async () => {
      throw new Error(`booking refused: ${await this.alert.first().innerText()}`);
    });
    failed.catch(() => {});
    await Promise.race([this.page.waitForURL(url), failed]);
    return url.exec(new URL(this.page.url()).pathname)[1];
  }
}
