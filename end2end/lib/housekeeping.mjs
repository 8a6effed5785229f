// What the housekeeping tablet's browser tests share: the tablet's screen (portrait, touch) and
// a sign-in from the tablet's own page.
import { expectVisible } from './expect.mjs';
import { APP_BASE_URL } from './config.mjs';
import { waitForAppPath } from './flows.mjs';
import { KeycloakLoginPage } from '../pages/KeycloakLoginPage.mjs';

/** A 768×1024 tablet held upright, touched rather than clicked. */
export const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true };

export async function waitForHydration(page) {
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Opens `path` signed out: it asks for a staff sign-in, which comes back to it. */
export async function signInToTablet(page, user, path) {
  await page.goto(`${APP_BASE_URL}${path}`);
  await expectVisible(page.getByTestId('staff-refused'));
  await page.getByRole('link', { name: 'Sign in', exact: true }).tap();
  const login = new KeycloakLoginPage(page);
  await login.waitUntilShown();
  await login.login(user.email, user.password);
  await waitForAppPath(page, path);
  await waitForHydration(page);
}

/** The board's row of room `number`, and the attendant's card of it. */
export const boardRow = (page, number) => page.locator(`tr[data-testid="board-row"][data-room="${number}"]`);
export const card = (page, number) => page.locator(`li[data-testid="room-card"][data-room="${number}"]`);

/** The same tablet turned on its side. */
export const TABLET_LANDSCAPE = { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true };

/** Nothing wider than the screen: the page never scrolls sideways. */
export async function fitsTheScreen(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
