// A guest's download does not carry the staff consoles: built with `cargo leptos --split`, the
// desk's pages are WASM chunks of their own that only a desk page fetches; a guest's pages fetch
// the main module alone. Both hydrate under the app's Content-Security-Policy.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { APP_BASE_URL, DEMO_USERS } from '../lib/config.mjs';
import { recordCspViolations } from '../lib/csp.mjs';
import { DESK_VIEWPORT, signInToDesk } from '../lib/desk.mjs';

/** Starts recording the names of the .wasm files `page` fetches. */
function recordWasm(page) {
  const fetched = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) fetched.push(name);
  });
  return fetched;
}

const hydrated = (page) => page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });

browserTest('a guest\'s pages fetch the main WASM only; the desk fetches its own chunk', async ({ page, newContext, step }) => {
  await step('the home page and a room page hydrate from the main module alone', async () => {
    const fetched = recordWasm(page);
    const violations = await recordCspViolations(page);
    await page.goto(`${APP_BASE_URL}/`);
    await hydrated(page);
    await page.goto(`${APP_BASE_URL}/rooms/SUP`);
    await hydrated(page);
    assert.ok(fetched.length > 0 && fetched.every((f) => /^hotel(\.[\w-]+)?\.wasm$/.test(f)), `fetched ${fetched}`);
    assert.deepEqual(violations, []);
  });

  await step('the desk\'s Today page fetches its chunk and hydrates', async () => {
    const deskPage = await (await newContext({ viewport: DESK_VIEWPORT })).newPage();
    const fetched = recordWasm(deskPage);
    const violations = await recordCspViolations(deskPage);
    await signInToDesk(deskPage, DEMO_USERS.frontdesk);
    await hydrated(deskPage);
    assert.ok(fetched.some((f) => f.startsWith('split___today_route_view')), `fetched ${fetched}`);
    assert.ok(!fetched.some((f) => f.startsWith('split___rack_route_view')), 'not the rack\'s before it is opened');
    assert.deepEqual(violations, []);
  });
});
