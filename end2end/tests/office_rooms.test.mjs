// The rooms on a laptop (1440×900): a manager adds a room from the keyboard after a floor refused
// beside its field, finds it under its type, and retires it through the confirm dialog; axe passes.
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';

browserTest('a manager adds a room and retires it', async ({ newContext, step }) => {
  const page = await (await newContext(LAPTOP)).newPage();
  // Floor 9 is above every demo room, so the new room sorts last under its type.
  const number = `9${Date.now().toString().slice(-3)}`;
  const row = page.locator(`tr[data-testid="room"][data-number="${number}"]`);

  await step('the page lists the demo\'s room types and rooms and passes axe', async () => {
    await signInToOffice(page, DEMO_USERS.manager, '/admin/rooms');
    await expectVisible(page.getByRole('heading', { name: 'Rooms', level: 1 }));
    await expectVisible(page.locator('tr[data-testid="room-type"][data-code="STE"]'));
    await expectVisible(page.locator('tr[data-testid="room"]').first());
    await expectNoAxeViolations(page, '/admin/rooms');
  });

  await step('a floor that is not a number is refused beside its field', async () => {
    const form = page.getByTestId('room-form');
    await form.getByLabel('Number').fill(number);
    await form.getByLabel('Floor').fill('top');
    await form.getByLabel('Room type').selectOption('STE');
    await form.getByLabel(/Features of this room/).fill('balcony: yes\nview: sea');
    await form.getByLabel('Floor').press('Enter');
    await expectText(page.locator('#r-floor-error'), /floor/);
  });

  await step('with a floor it is added from the keyboard and a toast says so', async () => {
    const form = page.getByTestId('room-form');
    await form.getByLabel('Floor').fill('9');
    await page.getByRole('button', { name: 'Add the room', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('toasts'), new RegExp(`Saved room ${number} \\(STE, floor 9\\)`));
  });

  await step('it is listed under its type, clean, with its features', async () => {
    await page.getByRole('combobox', { name: /^Room type/ }).first().selectOption('STE');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expectVisible(row);
    await expectText(row, /balcony: yes/);
    await expectText(row, /view: sea/);
    await expectNoAxeViolations(page, '/admin/rooms?type=STE');
  });

  await step('it is retired through the dialog, which asks first', async () => {
    await row.getByRole('button', { name: `Retire room ${number}` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: `Retire room ${number}?` });
    await expectVisible(dialog);
    await dialog.getByRole('button', { name: 'Retire the room' }).press('Enter');
    await expectText(page.getByTestId('toasts'), new RegExp(`Room ${number} is retired`));
    await expectText(row, /retired/);
    await expectVisible(row.getByRole('button', { name: `Put back room ${number}` }));
  });
});
