// Keycloak's sign-in page of the realm `hotel` (http://127.0.0.1:8180/realms/hotel/...).
import { KEYCLOAK_URL_PATTERN } from '../lib/config.mjs';

export class KeycloakLoginPage {
  constructor(page) {
    this.page = page;
    this.username = page.locator('#username');
    this.password = page.locator('#password');
    this.submit = page.locator('#kc-login');
    this.registerLink = page.getByRole('link', { name: 'Register', exact: true });
    this.error = page.locator('#input-error, .kc-feedback-text, .pf-m-danger, [role=alert]');
  }

  /** Waits until the browser shows Keycloak's login form. */
  async waitUntilShown() {
    await this.page.waitForURL(KEYCLOAK_URL_PATTERN);
    await this.username.waitFor();
    await this.password.waitFor();
  }

  isOnKeycloak() {
    return KEYCLOAK_URL_PATTERN.test(this.page.url());
  }

  async login(username, password) {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  async openRegistration() {
    await this.registerLink.click();
    await this.page.waitForURL(/\/login-actions\/registration/);
  }
}
