// What the manager's office's browser tests share: a laptop's screen and a manager's sign-in.
import { APP_BASE_URL } from './config.mjs';
import { expectVisible } from './expect.mjs';
import { waitForAppPath } from './flows.mjs';
import { waitForHydration } from './housekeeping.mjs';
import { KeycloakLoginPage } from '../pages/KeycloakLoginPage.mjs';

export const LAPTOP = { viewport: { width: 1440, height: 900 } };

/** Opens `path` of the office signed out: it asks for a staff sign-in, which comes back to it. */
export async function signInToOffice(page, user, path = '/admin') {
  await page.goto(`${APP_BASE_URL}${path}`);
  await expectVisible(page.getByTestId('staff-refused'));
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  const login = new KeycloakLoginPage(page);
  await login.waitUntilShown();
  await login.login(user.email, user.password);
  await waitForAppPath(page, path);
  await waitForHydration(page);
}
