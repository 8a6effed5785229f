// Keycloak's self-registration form (link "Register" on the login page).
export class KeycloakRegistrationPage {
  constructor(page) {
    this.page = page;
    this.form = page.locator('#kc-register-form');
    this.username = page.locator('#username');
    this.email = page.locator('#email');
    this.firstName = page.locator('#firstName');
    this.lastName = page.locator('#lastName');
    this.password = page.locator('#password');
    this.passwordConfirm = page.locator('#password-confirm');
    this.submit = this.form.locator('[type=submit]');
    this.errors = page.locator('[id^=input-error], .kc-feedback-text, .pf-m-danger');
  }

  async waitUntilShown() {
    await this.form.waitFor();
  }

  /** Fills and submits the form; the username is the email. */
  async register({ email, firstName, lastName, password }) {
    // The realm asks for a username (registrationEmailAsUsername is off); older themes may not.
    if (await this.username.count()) await this.username.fill(email);
    await this.email.fill(email);
    await this.firstName.fill(firstName);
    await this.lastName.fill(lastName);
    await this.password.fill(password);
    await this.passwordConfirm.fill(password);
    await this.submit.click();
  }

  /** Keycloak's messages, when it shows the form again. */
  async errorTexts() {
    return (await this.errors.allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  }
}
