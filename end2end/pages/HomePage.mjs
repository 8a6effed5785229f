// `/`: "Stay with us" and a card per room type with its price and a "Book" link.
import { APP_BASE_URL } from '../lib/config.mjs';
import { parseEuro } from '../lib/money.mjs';
import { Header } from './Header.mjs';

export class HomePage {
  constructor(page) {
    this.page = page;
    this.header = new Header(page);
    this.heading = page.getByRole('heading', { name: 'Stay with us', level: 1 });
    this.roomTypeList = page.getByTestId('room-types');
    this.cards = this.roomTypeList.locator(':scope > li');
  }

  async goto() {
    await this.page.goto(`${APP_BASE_URL}/`);
    await this.heading.waitFor();
  }

  /** Waits until the app is back on its home page (after a redirect from Keycloak). */
  async waitUntilShown() {
    await this.page.waitForURL((url) => url.href.startsWith(APP_BASE_URL) && url.pathname === '/');
    await this.heading.waitFor();
  }

  card(name) {
    return this.cards.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  async roomTypeNames() {
    await this.cards.first().waitFor();
    return (await this.cards.getByRole('heading').allInnerTexts()).map((s) => s.trim());
  }

  /** The card's "from €119.00 / night", in cents. */
  async nightlyPriceCents(name) {
    const text = await this.card(name).getByText(/^from .* \/ night$/).innerText();
    return parseEuro(text);
  }

  bookLink(name) {
    return this.card(name).getByRole('link', { name: 'Book', exact: true });
  }

  /** Follows the card's "Book" link; returns the room type code from the URL. */
  async openRoomType(name) {
    const href = await this.bookLink(name).getAttribute('href');
    await this.bookLink(name).click();
    await this.page.waitForURL((url) => url.pathname === href);
    return href.split('/').pop();
  }
}
