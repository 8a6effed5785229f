// Maintenance on a landscape tablet (1024×768, touch): the supervisor reports a problem from the
// board with a photo, taking the room out of order through tomorrow, by keyboard as well as by
// touch; a second tablet's board shows the room out of order without reloading; the ticket is
// on the maintenance list with its photo, and resolving it brings the room back to be cleaned;
// the assign page shows how the day is shared.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { addDays, hotelToday, isoDate } from '../lib/dates.mjs';
import { boardRow, fitsTheScreen, signInToTablet, TABLET, TABLET_LANDSCAPE, waitForHydration } from '../lib/housekeeping.mjs';

/** A 1×1 PNG, as a camera's file would arrive: the tablet redraws it as a JPEG. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

browserTest('a problem reported from the board with a photo takes the room out of order until its ticket is resolved', async ({ newContext, step, log }) => {
  const tablet = await (await newContext(TABLET_LANDSCAPE)).newPage();
  const watcher = await (await newContext(TABLET)).newPage();
  const attendant = await (await newContext(TABLET)).newPage();
  let room;

  await step('the attendant has signed in once, so the users service knows him as staff', async () => {
    await signInToTablet(attendant, DEMO_USERS.housekeeping, '/housekeeping/mine');
    await expectVisible(attendant.getByRole('heading', { name: 'My rooms' }));
  });

  await step('the supervisor opens the board on a tablet turned sideways; it fits the screen', async () => {
    await signInToTablet(tablet, DEMO_USERS.manager, '/housekeeping');
    await expectVisible(tablet.getByTestId('board'));
    assert.ok(await fitsTheScreen(tablet), 'the board does not scroll sideways at 1024×768');
    const numbers = await tablet.locator('tr[data-testid="board-row"][data-condition="inspected"], tr[data-testid="board-row"][data-condition="clean"]')
      .evaluateAll((rows) => rows.map((r) => r.dataset.room));
    room = numbers[0];
    assert.ok(room, 'a clean room on the board');
    log(`room ${room}`);
    await signInToTablet(watcher, DEMO_USERS.manager, '/housekeeping');
    await expectVisible(boardRow(watcher, room));
  });

  await step('the report form opens from the room\'s row, fits the screen and passes axe', async () => {
    await boardRow(tablet, room).getByRole('link', { name: `Report a problem in room ${room}` }).tap();
    await waitForHydration(tablet);
    await expectVisible(tablet.getByRole('heading', { name: `Room ${room}` }));
    assert.ok(await fitsTheScreen(tablet), 'the report form does not scroll sideways');
    await expectNoAxeViolations(tablet, '/housekeeping/report');
  });

  await step('an empty report is refused beside the problem field', async () => {
    await tablet.getByRole('textbox', { name: 'What is wrong' }).fill('   ');
    await tablet.getByRole('button', { name: 'Send the report' }).tap();
    await expectText(tablet.locator('#problem-error'), /describe the problem/);
  });

  await step('with a photo, urgent, out of order through tomorrow, sent from the keyboard', async () => {
    await tablet.getByRole('textbox', { name: 'What is wrong' }).fill('water under the bathroom door');
    await tablet.getByRole('combobox', { name: 'How urgent' }).selectOption('urgent');
    await tablet.getByRole('checkbox', { name: /cannot be sold/ }).check();
    await tablet.getByLabel('Last day out of order, if known').fill(isoDate(addDays(hotelToday(), 1)));
    await tablet.locator('#photo-file').setInputFiles({ name: 'leak.png', mimeType: 'image/png', buffer: PHOTO });
    await expectText(tablet.locator('#photo-data-status'), /Photo ready/);
    await expectVisible(tablet.getByRole('img', { name: 'The photo to be sent' }));
    const send = tablet.getByRole('button', { name: 'Send the report' });
    for (let i = 0; i < 12 && !(await send.evaluate((b) => b === document.activeElement)); i++) await tablet.keyboard.press('Tab');
    assert.ok(await send.evaluate((b) => b === document.activeElement), 'the send button is reached with Tab');
    await tablet.keyboard.press('Enter');
    await expectText(tablet.getByTestId('reported'), new RegExp(`Reported: room ${room} has a new urgent ticket and is out of order\\.`));
  });

  await step('the other tablet\'s board shows the room out of order without reloading', async () => {
    await expectVisible(watcher.locator(`tr[data-room="${room}"][data-condition="out_of_order"]`));
    await expectText(boardRow(watcher, room), /out of order until/);
  });

  await step('the ticket is on the maintenance list with its photo; resolving it brings the room back dirty', async () => {
    await tablet.getByRole('link', { name: 'Maintenance', exact: true }).tap();
    await waitForHydration(tablet);
    const ticket = tablet.locator(`li[data-testid="ticket"][data-room="${room}"]`);
    await expectText(ticket, /water under the bathroom door/);
    const photo = ticket.getByRole('img', { name: `Photo of the problem in room ${room}` });
    await expectVisible(photo);
    await tablet.waitForFunction((img) => img.complete && img.naturalWidth > 0, await photo.elementHandle());
    assert.ok(await fitsTheScreen(tablet), 'the maintenance list does not scroll sideways');
    await expectNoAxeViolations(tablet, '/housekeeping/maintenance');
    await ticket.getByRole('button', { name: `Resolved: room ${room}` }).tap();
    await expectText(tablet.getByTestId('toast'), `Room ${room}: ticket resolved`);
    await expectVisible(watcher.locator(`tr[data-room="${room}"][data-condition="dirty"]`));
  });

  await step('the assign page shows each attendant\'s share of the day and passes axe', async () => {
    await tablet.getByRole('link', { name: 'Assign', exact: true }).tap();
    await waitForHydration(tablet);
    await expectVisible(tablet.locator('tr[data-testid="load-row"][data-attendant="Hank Keeper"]'));
    await expectText(tablet.getByTestId('unassigned'), /today/);
    assert.ok(await fitsTheScreen(tablet), 'the assign page does not scroll sideways');
    await expectNoAxeViolations(tablet, '/housekeeping/assign');
  });
});
