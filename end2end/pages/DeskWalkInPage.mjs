// `/desk/new`: a booking at the desk for a walk-in or a caller — the guest found or registered
// on the left, the stay, its room type and its payment on the right.
import { APP_BASE_URL } from '../lib/config.mjs';

export class DeskWalkInPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'New booking', exact: true });
    const find = page.getByTestId('find-guest');
    this.search = find.getByLabel('Name or email');
    this.noGuest = page.getByTestId('no-guest');
    this.guestsFound = page.getByTestId('guest-found');
    const register = page.getByTestId('register-guest');
    this.name = register.getByLabel('Name', { exact: true });
    this.email = register.getByLabel('Email', { exact: true });
    this.language = register.getByLabel('Language');
    this.chosenGuest = page.getByTestId('chosen-guest');
    const book = page.getByTestId('walk-in-book');
    this.checkIn = book.getByLabel('Check-in');
    this.checkOut = book.getByLabel('Check-out');
    this.roomTypes = book.getByTestId('room-type-choice');
    this.quote = page.getByTestId('walk-in-quote');
    this.payLater = book.getByLabel('At check-out');
    this.bookButton = book.getByRole('button', { name: 'Book', exact: true });
  }

  async goto() {
    await this.page.goto(`${APP_BASE_URL}/desk/new`);
  }

  async waitForHydration() {
    await this.page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  }

  /** The radio of the first room type that can be booked for the stay as typed. */
  async firstBookableRoomType() {
    await this.roomTypes.first().waitFor();
    for (const choice of await this.roomTypes.all()) {
      const radio = choice.getByRole('radio');
      if (await radio.isEnabled()) return { radio, label: (await choice.innerText()).replace(/\s+/g, ' ').trim() };
    }
    throw new Error(`no room type can be booked: ${(await this.roomTypes.allInnerTexts()).join('; ')}`);
  }

  /** Whether the keyboard's focus is on `locator`. */
  async focused(locator) {
    return locator.evaluate((el) => el === document.activeElement);
  }
}
