// `/bookings/<uuid>`: "Booking confirmed" with the reference and the total.
import { parseEuro } from '../lib/money.mjs';
import { Header } from './Header.mjs';

export class ConfirmationPage {
  constructor(page) {
    this.page = page;
    this.header = new Header(page);
    this.section = page.getByTestId('confirmation');
    this.heading = this.section.getByRole('heading', { name: 'Booking confirmed' });
    this.reference = page.getByTestId('reference');
    this.total = page.getByTestId('total');
    this.status = page.getByTestId('status');
    this.cancelButton = page.getByRole('button', { name: 'Cancel booking' });
    this.cancelledNotice = page.getByRole('status').filter({ hasText: 'Your booking is cancelled' });
    this.changeLink = page.getByRole('link', { name: 'Change dates or guests' });
    this.terms = page.getByTestId('terms');
    this.feeNow = page.getByTestId('fee-now');
    this.cancellationFee = page.getByTestId('cancellation-fee');
    this.priceRows = page.getByTestId('price-table').locator('tr');
    this.payments = page.getByTestId('payments').locator('li');
    this.documents = page.getByTestId('documents');
    this.getInvoice = page.getByRole('button', { name: 'Get the invoice' });
    this.newInvoiceLink = page.getByTestId('new-invoice');
  }

  async waitUntilShown() {
    await this.section.waitFor();
    await this.heading.waitFor();
  }

  async referenceText() {
    return (await this.reference.innerText()).trim();
  }

  async totalCents() {
    return parseEuro(await this.total.innerText());
  }

  /** The value next to a label such as "Check-in" in the details list. */
  async detail(label) {
    return (await this.section.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
  }
}
