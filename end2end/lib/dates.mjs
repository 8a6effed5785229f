// Dates as <input type=date> and the app use them: YYYY-MM-DD, in UTC so the runner's zone never matters.
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

export function addDays(date, days) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

/**
 * The hotel's date now, at UTC midnight: the hotel keeps its own calendar (`kernel::hotel`,
 * Europe/Berlin), so late in the UTC evening "tonight" is already tomorrow there.
 */
export function hotelToday(zone = process.env.HOTEL_TIMEZONE || 'Europe/Berlin') {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const randomInt = (min, max) => min + Math.floor(Math.random() * (max - min + 1));

/**
 * A stay far in the future, different on every run, so runs (and parallel runs) do not use up the
 * rooms of one night: check-in today + 190..340 days, 2..4 nights. Past the demo hotel's
 * bookings (they end 180 days ahead), inside how far ahead it sells (365 days).
 */
export function randomFutureStay({ minDays = 190, maxDays = 340, minNights = 2, maxNights = 4 } = {}) {
  const nights = randomInt(minNights, maxNights);
  const checkIn = addDays(new Date(), randomInt(minDays, maxDays));
  return { checkIn: isoDate(checkIn), checkOut: isoDate(addDays(checkIn, nights)), nights };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2027-06-04" as the English emails write it: "4 June 2027". */
export function humanDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
