// Where the tests find the app and Mailpit, and how long they wait.
const trimSlash = (url) => url.replace(/\/+$/, '');

export const APP_BASE_URL = trimSlash(process.env.APP_BASE_URL || 'http://127.0.0.1:3100');
export const MAILPIT_API_URL = trimSlash(process.env.MAILPIT_API_URL || 'http://127.0.0.1:8025');
export const KEYCLOAK_URL_PATTERN = /\/realms\/hotel\//;

/** Whole-test budget: the first server-side render after a start is slow on 2 cores. */
export const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS || 300_000);
/** One Playwright action or assertion (click, fill, waitFor). */
export const ACTION_TIMEOUT_MS = Number(process.env.E2E_ACTION_TIMEOUT_MS || 30_000);
/** One page load (the app's first SSR, Keycloak's first login page). */
export const NAVIGATION_TIMEOUT_MS = Number(process.env.E2E_NAVIGATION_TIMEOUT_MS || 90_000);
/** How long to wait for the app's /health/live before the first test. */
export const SERVER_START_TIMEOUT_MS = Number(process.env.E2E_SERVER_START_TIMEOUT_MS || 180_000);
/** The confirmation email goes through the outbox relay, Kafka and the consumer. */
export const MAIL_TIMEOUT_MS = Number(process.env.E2E_MAIL_TIMEOUT_MS || 60_000);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Demo users of the realm (deploy/keycloak/README.md). */
export const DEMO_USERS = {
  guest: { email: 'guest@hotel.test', password: 'guest', role: 'guest' },
  housekeeping: { email: 'housekeeping@hotel.test', password: 'housekeeping', role: 'housekeeping' },
  frontdesk: { email: 'frontdesk@hotel.test', password: 'frontdesk', role: 'front_desk' },
  manager: { email: 'manager@hotel.test', password: 'manager', role: 'manager' },
  admin: { email: 'admin@hotel.test', password: 'admin', role: 'admin' },
};
