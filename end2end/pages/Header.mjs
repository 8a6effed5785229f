// The top bar on every app page: "Sign in" when signed out; name · role, "My bookings" and
// "Sign out" when signed in.
export class Header {
  constructor(page) {
    this.page = page;
    this.root = page.locator('header');
    this.signInLink = this.root.getByRole('link', { name: 'Sign in', exact: true });
    this.signedInAs = this.root.getByTestId('signed-in-as');
    this.myBookingsLink = this.root.getByRole('link', { name: 'My bookings', exact: true });
    this.signOutButton = this.root.getByRole('button', { name: 'Sign out', exact: true });
  }

  /** Follows "Sign in" (a plain link to /auth/login, which redirects to Keycloak). */
  async clickSignIn() {
    await this.signInLink.click();
  }

  /** Submits the sign-out form (POST /auth/logout -> Keycloak's end-session -> back to the app). */
  async clickSignOut() {
    await this.signOutButton.click();
  }

  async signedInText() {
    return (await this.signedInAs.innerText()).replace(/\s+/g, ' ').trim();
  }
}
