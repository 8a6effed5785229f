// `/desk/stays/<id>`: one stay at the desk — guest, room, money, actions, notes and history.
import { APP_BASE_URL } from '../lib/config.mjs';

export class DeskStayPage {
  constructor(page) {
    this.page = page;
    this.status = page.getByTestId('stay-status');
    this.guestName = page.getByTestId('guest-name');
    this.housekeeping = page.getByTestId('housekeeping');
    this.balance = page.getByTestId('balance');
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

  async waitForHydration() {
    await this.page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
  }
}
