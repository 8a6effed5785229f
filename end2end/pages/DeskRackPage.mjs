// `/desk/rack`: the room rack — rooms by type down the side, fourteen days across, a bar per stay.
import { APP_BASE_URL } from '../lib/config.mjs';

export class DeskRackPage {
  constructor(page) {
    this.page = page;
    this.heading = page.getByRole('heading', { name: 'Room rack', exact: true });
    this.rack = page.getByTestId('rack');
    this.said = page.getByTestId('rack-said');
    this.outcome = page.getByTestId('rack-outcome');
    this.toasts = page.getByTestId('toasts');
    this.unassigned = page.getByTestId('rack-unassigned');
    this.confirmMove = page.getByRole('button', { name: 'Move the guest', exact: true });
  }

  async goto(query = '') {
    await this.page.goto(`${APP_BASE_URL}/desk/rack${query}`);
  }

  async waitForHydration() {
    await this.page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  }

  /** The stay's bar. */
  bar(bookingId) {
    return this.page.locator(`[data-testid="rack-bar"][data-booking="${bookingId}"]`);
  }

  /** The room row of a room number. */
  row(roomNumber) {
    return this.page.locator(`li[data-testid="rack-row"][data-room="${roomNumber}"]`);
  }

  /** The room number and row index of the row holding the stay's bar. */
  async placeOf(bookingId) {
    const row = this.page.locator('li[data-testid="rack-row"]', { has: this.bar(bookingId) });
    return { room: await row.getAttribute('data-room'), index: Number(await row.getAttribute('data-row')) };
  }

  async rowIndex(roomNumber) {
    return Number(await this.row(roomNumber).getAttribute('data-row'));
  }

  /** The room type (its name) whose group holds the stay's bar. */
  async typeOf(bookingId) {
    const group = this.page.locator('[data-testid="rack-group"]', { has: this.bar(bookingId) });
    return (await group.getByRole('heading').innerText()).replace(/\s*\d+ rooms?$/, '').trim();
  }

  /** Calls a server function from the page, as the signed-in member of staff. */
  async serverFn(endpoint, form) {
    return this.page.evaluate(async ([endpoint, form]) => {
      const response = await fetch(`/api/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
      return { status: response.status, body: await response.json() };
    }, [endpoint, form]);
  }
}
