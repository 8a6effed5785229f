// `/desk/stays/<id>`: one stay at the desk — guest, room, money, actions, notes and history.
import { APP_BASE_URL } from '../lib/config.mjs';

export class DeskStayPage {
  constructor(page) {
    this.page = page;
    this.status = page.getByTestId('stay-status');
    this.guestName = page.getByTestId('guest-name');
    this.housekeeping = page.getByTestId('housekeeping');
    this.folio = page.getByTestId('folio');
    this.toSettle = page.getByTestId('to-settle');
    this.folioLines = page.getByTestId('folio-lines');
    this.invoices = page.getByTestId('invoices').getByRole('link');
    const extraForm = page.getByTestId('post-extra');
    this.extra = extraForm.getByLabel('Extra');
    this.quantity = extraForm.getByLabel('Quantity');
    this.postExtra = extraForm.getByRole('button', { name: 'Post', exact: true });
    const payment = page.getByTestId('take-payment');
    this.paymentForm = payment;
    this.paymentAmount = payment.getByLabel('Amount');
    this.takePayment = payment.getByRole('button', { name: 'Take payment', exact: true });
    this.outcome = page.getByTestId('stay-outcome');
    this.toast = page.getByTestId('toast');
    this.noteText = page.getByLabel('New note');
    this.addNote = page.getByRole('button', { name: 'Add note', exact: true });
    this.notes = page.getByTestId('note');
    this.checkIn = page.getByRole('button', { name: 'Check in', exact: true });
    this.checkOut = page.getByRole('button', { name: 'Check out', exact: true });
    this.roomNumber = page.getByTestId('room-number');
    this.freeRooms = page.getByTestId('free-room');
    this.moveRoom = page.getByRole('button', { name: 'Move room', exact: true });
    this.moveRefused = page.getByTestId('move-refused');
    this.confirmDialog = page.getByRole('dialog');
    this.history = page.getByTestId('history-line');
  }

  async goto(bookingId) {
    await this.page.goto(`${APP_BASE_URL}/desk/stays/${bookingId}`);
  }

  /** The history's lines for one action ("check_in", "add_note"…). */
  historyOf(action) {
    return this.page.locator(`[data-testid="history-line"][data-action="${action}"]`);
  }

  /** Picks an extra by the start of its name ("Breakfast") and posts `quantity` of it. */
  async postAnExtra(name, quantity) {
    const value = await this.extra.locator('option', { hasText: name }).first().getAttribute('value');
    await this.extra.selectOption(value);
    await this.quantity.fill(String(quantity));
    await this.postExtra.click();
  }

  async waitForHydration() {
    await this.page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  }
}
