// `/bookings`: the signed-in user's bookings.
import { APP_BASE_URL } from '../lib/config.mjs';

export class MyBookingsPage {
  constructor(page) {
    this.page = page;
    this.list = page.getByTestId('my-bookings');
  }

  async goto() {
    await this.page.goto(`${APP_BASE_URL}/bookings`);
    await this.list.waitFor();
  }

  row(reference) {
    return this.list.locator('tbody tr').filter({ hasText: reference });
  }
}
