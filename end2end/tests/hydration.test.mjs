// The live total is asked of the server by the hydrated WASM as the dates change: without JavaScript the server-
// rendered form works but the total never changes; with JavaScript it follows the dates, under the app's
// Content-Security-Policy (scripts only with the response's nonce) and without a single violation.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { recordCspViolations } from '../lib/csp.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { randomFutureStay } from '../lib/dates.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { signInFromHeader } from '../lib/flows.mjs';
import { CHOOSE_DATES, RoomPage, liveTotalPattern } from '../pages/RoomPage.mjs';

const CODE = 'SUP';

browserTest('the live total needs the WASM: unchanged without JavaScript, updated with it', async ({ page, context, newContext, step }) => {
  let storageState;
  await step('sign in as the demo guest (JavaScript on) and keep the session', async () => {
    const room = new RoomPage(page);
    await room.goto(CODE);
    await signInFromHeader(page, DEMO_USERS.guest);
    await expectVisible(room.checkIn);
    storageState = await context.storageState();
  });

  const stay = randomFutureStay();

  await step('without JavaScript: the form is there, the total does not follow the dates', async () => {
    const noJs = await newContext({ javaScriptEnabled: false, storageState });
    const room = new RoomPage(await noJs.newPage());
    await room.goto(CODE);
    await expectVisible(room.header.signedInAs);
    await expectVisible(room.checkIn);
    await expectText(room.liveTotal, CHOOSE_DATES);
    await room.fillDates(stay.checkIn, stay.checkOut);
    assert.equal(await room.checkOut.inputValue(), stay.checkOut, 'the date was typed in');
    // Give a (wrongly) running script every chance to update the total.
    await room.page.waitForTimeout(2_000);
    assert.equal(await room.liveTotalText(), CHOOSE_DATES);
    assert.equal(await room.isHydrated(), false, 'no data-hydrated without JavaScript');
  });

  await step('with JavaScript: the same page updates the total once hydrated, with no CSP violation', async () => {
    const withJs = await newContext({ storageState });
    const page = await withJs.newPage();
    const violations = await recordCspViolations(page);
    const room = new RoomPage(page);
    await room.goto(CODE);
    await room.waitForHydration();
    await expectText(room.liveTotal, CHOOSE_DATES);
    await room.fillDates(stay.checkIn, stay.checkOut);
    await expectText(room.liveTotal, liveTotalPattern(stay.nights));
    const response = await page.request.get(page.url());
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'nonce-/, 'the page is served under the CSP');
    assert.deepEqual(violations, [], 'the page broke none of its Content-Security-Policy');
  });
});
