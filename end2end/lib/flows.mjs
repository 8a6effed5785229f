// Journeys that several tests share, written with the page objects.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { APP_BASE_URL } from './config.mjs';
import { expectVisible, expectText } from './expect.mjs';
import { Header } from '../pages/Header.mjs';
import { KeycloakLoginPage } from '../pages/KeycloakLoginPage.mjs';
import { KeycloakRegistrationPage } from '../pages/KeycloakRegistrationPage.mjs';

/** Waits until the browser is back on the app at `path` (its query too, if given), after Keycloak's redirects. */
export async function waitForAppPath(page, path) {
  const [pathname, search] = path.split('?');
  await page.waitForURL((url) => url.href.startsWith(APP_BASE_URL) && url.pathname === pathname && (search === undefined || url.search === `?${search}`));
}

/**
 * From the app page currently shown: "Sign in" -> Keycloak's form -> back on the same page,
 * signed in as `user` ({ email, password, role }). Returns the header text ("<name> · <role>").
 */
export async function signInFromHeader(page, user) {
  const returnTo = new URL(page.url()).pathname;
  const header = new Header(page);
  await header.clickSignIn();
  const login = new KeycloakLoginPage(page);
  await login.waitUntilShown();
  await login.login(user.email, user.password);
  await waitForAppPath(page, returnTo);
  await expectVisible(header.signedInAs);
  return expectText(header.signedInAs, new RegExp(` · ${user.role}$`));
}

/** A new guest's details, unique per run. */
export function newGuestDetails() {
  const suffix = `${Date.now()}-${randomBytes(3).toString('hex')}`;
  return {
    email: `e2e-${suffix}@hotel.test`,
    firstName: 'Erin',
    lastName: `Tester ${suffix}`,
    password: `E2e-pass-${randomBytes(4).toString('hex')}`,
    role: 'guest',
  };
}

/**
 * From the app page currently shown: "Sign in" -> Keycloak -> "Register" -> a new account ->
 * back on the same page, signed in as that new guest.
 */
export async function registerFromHeader(page, guest) {
  const returnTo = new URL(page.url()).pathname;
  const header = new Header(page);
  await header.clickSignIn();
  const login = new KeycloakLoginPage(page);
  await login.waitUntilShown();
  await login.openRegistration();
  const registration = new KeycloakRegistrationPage(page);
  await registration.waitUntilShown();
  await registration.register(guest);
  try {
    await waitForAppPath(page, returnTo);
  } catch (e) {
    const errors = await registration.errorTexts().catch(() => []);
    if (errors.length) e.message = `Keycloak refused the registration: ${errors.join('; ')} (${e.message})`;
    throw e;
  }
  await expectVisible(header.signedInAs);
  const text = await expectText(header.signedInAs, / · guest$/);
  assert.ok(text.startsWith(`${guest.firstName} `), `header shows the new guest's name: ${text}`);
  return text;
}
