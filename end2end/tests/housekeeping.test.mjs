// The housekeeping tablet at 768×1024 with touch: the supervisor gives two rooms to the
// attendant; the attendant starts one, goes through a dead spot finishing both, and both reach
// the server when the network returns; the supervisor passes one and fails the other with a
// reason. Each tablet sees the other's changes by push, without reloading.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { boardRow, card, signInToTablet, TABLET, waitForHydration } from '../lib/housekeeping.mjs';

browserTest('an attendant cleans through a Wi-Fi dead spot and the supervisor inspects, each seeing the other live', async ({ newContext, step, log }) => {
  const supervisorContext = await newContext(TABLET);
  const board = await supervisorContext.newPage();
  const attendantContext = await newContext(TABLET);
  const tablet = await attendantContext.newPage();
  let rooms;

  await step('the attendant signs in on their tablet', async () => {
    await signInToTablet(tablet, DEMO_USERS.housekeeping, '/housekeeping/mine');
    await expectVisible(tablet.getByRole('heading', { name: 'My rooms' }));
  });

  await step('the supervisor opens the board', async () => {
    await signInToTablet(board, DEMO_USERS.manager, '/housekeeping');
    await expectVisible(board.getByTestId('board'));
    await expectNoAxeViolations(board, '/housekeeping');
  });

  await step('the supervisor sends two empty rooms to be cleaned and gives them to the attendant', async () => {
    const candidates = board.locator('tr[data-testid="board-row"][data-condition="inspected"], tr[data-testid="board-row"][data-condition="clean"]');
    const numbers = await candidates.evaluateAll((rows) => rows.map((r) => r.dataset.room));
    rooms = numbers.slice(-2);
    assert.equal(rooms.length, 2, `two clean rooms on the board: ${numbers}`);
    log(`rooms ${rooms.join(', ')}`);
    for (const number of rooms) {
      await boardRow(board, number).getByRole('button', { name: `Room ${number} needs cleaning` }).tap();
      await expectVisible(board.locator(`tr[data-room="${number}"][data-condition="dirty"]`));
      const row = boardRow(board, number);
      await row.getByRole('combobox', { name: `Attendant for room ${number}` }).selectOption({ label: 'Hank Keeper' }).catch(async () => {
        const options = await row.getByRole('option').allInnerTexts();
        throw new Error(`no such attendant among ${options}`);
      });
      await row.getByRole('button', { name: 'Give' }).tap();
      await expectText(boardRow(board, number), /Hank Keeper|dirty/);
    }
  });

  await step('the attendant\'s cards arrived by push, as large touch targets', async () => {
    for (const number of rooms) await expectVisible(card(tablet, number));
    const size = await card(tablet, rooms[0]).getByRole('button', { name: 'Start cleaning' }).boundingBox();
    assert.ok(size.height >= 44 && size.width >= 44, `a touch target of 44 px at least: ${JSON.stringify(size)}`);
    await expectNoAxeViolations(tablet, '/housekeeping/mine');
  });

  await step('starting a room shows on the board without a reload', async () => {
    await card(tablet, rooms[0]).getByRole('button', { name: 'Start cleaning' }).tap();
    await expectVisible(tablet.locator(`li[data-room="${rooms[0]}"][data-condition="cleaning"]`));
    await expectVisible(board.locator(`tr[data-room="${rooms[0]}"][data-condition="cleaning"]`));
  });

  await step('offline, the attendant finishes both rooms: they wait on the tablet', async () => {
    await attendantContext.setOffline(true);
    await card(tablet, rooms[0]).getByRole('button', { name: 'Finished' }).tap();
    await card(tablet, rooms[1]).getByRole('button', { name: 'Finished' }).tap();
    await expectText(tablet.getByTestId('waiting'), /Waiting to send \(2\)/);
    assert.equal(await board.locator(`tr[data-room="${rooms[1]}"][data-condition="dirty"]`).count(), 1, 'the server has not heard yet');
  });

  await step('reloaded in the dead spot, the tablet still shows its rooms and what waits', async () => {
    await tablet.reload();
    await waitForHydration(tablet);
    for (const number of rooms) await expectVisible(card(tablet, number));
    await expectText(tablet.getByTestId('waiting'), /Waiting to send \(2\)/);
  });

  await step('back online, both reach the server and the board', async () => {
    await attendantContext.setOffline(false);
    await tablet.getByTestId('waiting').waitFor({ state: 'detached' });
    for (const number of rooms) {
      await expectVisible(board.locator(`tr[data-room="${number}"][data-condition="clean"]`));
      await expectVisible(tablet.locator(`li[data-room="${number}"][data-condition="clean"]`));
    }
  });

  await step('the supervisor passes one room and fails the other with a reason', async () => {
    await board.getByRole('link', { name: 'Inspect', exact: true }).tap();
    await waitForHydration(board);
    const [passed, failed] = rooms.map((n) => board.locator(`li[data-testid="inspect-card"][data-room="${n}"]`));
    await expectVisible(passed);
    await expectNoAxeViolations(board, '/housekeeping/inspect');
    await passed.getByRole('button', { name: 'Pass' }).tap();
    await expectText(board.getByTestId('toast'), `Room ${rooms[0]} is inspected`);
    await failed.getByRole('button', { name: 'Fail' }).tap();
    await expectText(failed.getByTestId('reason-error'), /note is 1 to 500 characters/);
    await failed.getByRole('textbox', { name: 'Why it fails' }).fill('towels missing');
    await failed.getByRole('button', { name: 'Fail' }).tap();
    await expectText(board.getByTestId('toast'), `Room ${rooms[1]} is dirty`);
  });

  await step('the attendant sees the failed room back, with the reason', async () => {
    await expectVisible(tablet.locator(`li[data-room="${rooms[1]}"][data-condition="dirty"]`));
    await expectText(card(tablet, rooms[1]), /towels missing/);
    await expectVisible(tablet.locator(`li[data-room="${rooms[0]}"][data-condition="inspected"]`));
  });
});
