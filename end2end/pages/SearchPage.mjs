// `/search`: the stay search form and the room types it finds, priced or refused by a rule.
import { APP_BASE_URL } from '../lib/config.mjs';
import { parseEuro } from '../lib/money.mjs';
import { Header } from './Header.mjs';

export class SearchPage {
  constructor(page) {
    this.page = page;
    this.header = new Header(page);
    this.form = page.getByTestId('search-form');
    this.results = page.getByTestId('search-results');
  }

  async goto() {
    await this.page.goto(`${APP_BASE_URL}/search`);
    await this.form.waitFor();
  }

  /** Fills and submits the form the way a guest does. */
  async search({ checkIn, checkOut, adults = 2, children = 0, promo = '' }) {
    await this.form.locator('input[name=check_in]').fill(checkIn);
    await this.form.locator('input[name=check_out]').fill(checkOut);
    await this.form.locator('input[name=adults]').fill(String(adults));
    await this.form.locator('input[name=children]').fill(String(children));
    await this.form.locator('input[name=promo]').fill(promo);
    await this.form.getByRole('button', { name: 'Search' }).click();
    await this.results.waitFor();
  }

  result(code) {
    return this.results.locator(`li[data-code="${code}"]`);
  }

  async totalCents(code) {
    return parseEuro(await this.result(code).getByTestId('stay-total').innerText());
  }

  async choose(code) {
    await this.result(code).getByRole('link', { name: 'Choose' }).click();
  }
}
