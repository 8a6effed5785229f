// `/bookings/<uuid>/change`: new dates, party or room type, with the new price before saving.
import { Header } from './Header.mjs';

export class ChangeBookingPage {
  constructor(page) {
    this.page = page;
    this.header = new Header(page);
    this.heading = page.getByRole('heading', { name: /^Change booking / });
    this.checkIn = page.locator('input[name=check_in]');
    this.checkOut = page.locator('input[name=check_out]');
    this.liveTotal = page.getByTestId('live-total');
    /** What the change does to the guest's money, said before saving. */
    this.moneyChange = page.getByTestId('money-change');
    this.save = page.getByRole('button', { name: 'Save changes' });
    this.alert = page.locator('main [role=alert]');
  }

  async waitUntilShown() {
    await this.heading.waitFor();
    await this.page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  }
}
