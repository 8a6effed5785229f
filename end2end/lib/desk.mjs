// What the desk's browser tests share: the desk's screen size, a booking for tonight made as
// the guest would, and a receptionist's sign-in from the console.
import { addDays, hotelToday, isoDate } from './dates.mjs';
import { expectVisible } from './expect.mjs';
import { APP_BASE_URL, DEMO_USERS } from './config.mjs';
import { signInFromHeader, waitForAppPath } from './flows.mjs';
import { DeskTodayPage } from '../pages/DeskTodayPage.mjs';
import { HomePage } from '../pages/HomePage.mjs';
import { KeycloakLoginPage } from '../pages/KeycloakLoginPage.mjs';
import { RoomPage } from '../pages/RoomPage.mjs';

export const DESK_VIEWPORT = { width: 1280, height: 800 };

/** Books one night from today as the signed-in guest, in the first room type with a room left. */
export async function bookTonight(page) {
  const home = new HomePage(page);
  const room = new RoomPage(page);
  const today = hotelToday();
  const refusals = [];
  // Every demo room type (services/rooms/src/demo.rs): a busy night may leave only one with a room.
  for (const name of ['Standard Double', 'Twin Room', 'Superior King', 'Deluxe Balcony', 'Family Room', 'Junior Suite']) {
    await home.goto();
    if ((await home.card(name).count()) === 0) continue;
    await home.openRoomType(name);
    await room.waitForHydration();
    await room.fillDates(isoDate(today), isoDate(addDays(today, 1)));
    await room.choosePartySize({ adults: 1, children: 0 });
    await room.liveTotalCents(1).catch(() => {});
    await room.fillCard();
    try {
      return await room.submitBooking();
    } catch (e) {
      refusals.push(`${name}: ${e.message.split('\n')[0]}`);
    }
  }
  throw new Error(`no room type had a room for tonight: ${refusals.join('; ')}`);
}

/** Opens the console signed out: it asks for a staff sign-in, which comes back to it. */
export async function signInToDesk(page, user) {
  const desk = new DeskTodayPage(page);
  await desk.goto();
  await expectVisible(desk.refused);
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  const login = new KeycloakLoginPage(page);
  await login.waitUntilShown();
  await login.login(user.email, user.password);
  await waitForAppPath(page, '/desk');
  await desk.heading.waitFor();
  return desk;
}

/** From a fresh page: the demo guest signs in on the home page and books tonight. */
export async function demoGuestBooksTonight(page) {
  await page.goto(`${APP_BASE_URL}/`);
  await signInFromHeader(page, DEMO_USERS.guest);
  return bookTonight(page);
}
