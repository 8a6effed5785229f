// `/desk`: the front desk's day — tabs with counts, a search, and the list shown.
import { APP_BASE_URL } from '../lib/config.mjs';

export class DeskTodayPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Today', exact: true });
    this.businessDate = page.getByTestId('business-date');
    this.search = page.getByTestId('desk-search');
    this.toast = page.getByTestId('toast');
    this.refused = page.getByTestId('staff-refused');
    this.staffUser = page.getByTestId('staff-user');
  }

  async goto(query = '') {
    await this.page.goto(`${APP_BASE_URL}/desk${query}`);
  }

  tab(list) {
    return this.page.getByTestId(`tab-${list}`);
  }

  count(list) {
    return this.page.getByTestId(`count-${list}`);
  }

  list(list) {
    return this.page.getByTestId(`list-${list}`);
  }

  row(bookingId) {
    return this.page.locator(`tr[data-booking="${bookingId}"]`);
  }

  async waitForHydration() {
    await this.page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  }
}
