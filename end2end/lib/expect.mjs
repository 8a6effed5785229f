// Retrying assertions (playwright-core has no `expect`): keep trying until they pass or time out.
import assert from 'node:assert/strict';
import { ACTION_TIMEOUT_MS } from './config.mjs';

/** Retries `check` (which throws while not yet true) until it passes; rethrows its last error. */
export async function eventually(check, { timeout = ACTION_TIMEOUT_MS, interval = 250 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() >= deadline) {
        e.message = `still failing after ${timeout} ms: ${e.message}`;
        throw e;
      }
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the locator's text (whitespace collapsed) equals a string or matches a RegExp. */
export async function expectText(locator, expected, options) {
  return eventually(async () => {
    const text = normalise(await locator.innerText({ timeout: 2_000 }));
    if (expected instanceof RegExp) assert.match(text, expected, `${locator} text`);
    else assert.equal(text, expected, `${locator} text`);
    return text;
  }, options);
}

/** Waits until the locator is visible. */
export async function expectVisible(locator, options = {}) {
  await locator.first().waitFor({ state: 'visible', timeout: options.timeout ?? ACTION_TIMEOUT_MS });
}

/** Waits until the locator has no visible match. */
export async function expectHidden(locator, options = {}) {
  await locator.first().waitFor({ state: 'hidden', timeout: options.timeout ?? ACTION_TIMEOUT_MS });
}

export const normalise = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
