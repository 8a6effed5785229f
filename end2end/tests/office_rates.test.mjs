// The rates editor on a laptop (1440×900): a manager changes a season's price, previews a stay
// before saving, saves from the keyboard, and the guest's search follows at the previewed total;
// the month calendar shows the new price; axe passes.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { addDays, hotelToday, isoDate } from '../lib/dates.mjs';
import { expectText, expectVisible } from '../lib/expect.mjs';
import { parseEuro } from '../lib/money.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';
import { SearchPage } from '../pages/SearchPage.mjs';

const CODE = 'STD';

browserTest('a manager changes a season\'s price and the guest\'s search follows', async ({ newContext, step }) => {
  const office = await (await newContext(LAPTOP)).newPage();
  const guest = new SearchPage(await (await newContext(LAPTOP)).newPage());
  let season;
  let night;
  let before;
  let previewed;

  await step('the rates page shows the month, the seasons and the rules, and passes axe', async () => {
    await signInToOffice(office, DEMO_USERS.manager, `/admin/rates?type=${CODE}`);
    await expectVisible(office.getByRole('heading', { name: 'Rates', level: 1 }));
    await expectVisible(office.getByTestId('rate-calendar').locator('td[data-testid="night"]').first());
    await expectNoAxeViolations(office, '/admin/rates');
    // A demo season starting three weeks to six months ahead: past the desk tests' nights and
    // before the random far stays of the booking tests. Its first Tuesday after the first night.
    const earliest = isoDate(addDays(hotelToday(), 21));
    for (const row of await office.locator('tr[data-testid="season"]').all()) {
      const first = (await row.locator('td').nth(0).innerText()).trim();
      if (first >= earliest) {
        season = { name: await row.getAttribute('data-name'), first };
        break;
      }
    }
    assert.ok(season, 'a demo season ahead');
    let d = addDays(new Date(`${season.first}T00:00:00Z`), 1);
    while (d.getUTCDay() !== 2) d = addDays(d, 1);
    night = isoDate(d);
  });

  await step('the guest\'s search prices the night as the rules stand', async () => {
    await guest.goto();
    await guest.search({ checkIn: night, checkOut: isoDate(addDays(new Date(`${night}T00:00:00Z`), 1)), adults: 2 });
    before = await guest.totalCents(CODE);
  });

  await step('a fixed price is previewed on that night before it is saved', async () => {
    await office.getByRole('button', { name: `Change ${season.name}` }).click();
    const form = office.getByTestId('season-form');
    await expectVisible(office.getByRole('heading', { name: `Change ${season.name}` }));
    await form.getByLabel(/^Priced as/).selectOption('fixed');
    await form.getByLabel('Percentage or price').fill('87.00');
    await form.getByLabel('Arrival').fill(night);
    await form.getByLabel('Departure').fill(isoDate(addDays(new Date(`${night}T00:00:00Z`), 1)));
    await form.getByRole('button', { name: 'Preview the cost' }).click();
    const preview = office.getByTestId('season-preview');
    await expectText(preview, /not saved yet/);
    assert.equal(parseEuro(await preview.getByTestId('preview-now').getByTestId('preview-total').innerText()), before, 'now = the guest\'s price');
    previewed = parseEuro(await preview.getByTestId('preview-after').getByTestId('preview-total').innerText());
    assert.notEqual(previewed, before);
    await expectText(preview.getByTestId('preview-after'), /€87\.00/);
  });

  await step('the guest still sees the old price: a preview saves nothing', async () => {
    await guest.search({ checkIn: night, checkOut: isoDate(addDays(new Date(`${night}T00:00:00Z`), 1)), adults: 2 });
    assert.equal(await guest.totalCents(CODE), before);
  });

  await step('saved from the keyboard, the season lists its new price', async () => {
    await office.getByRole('button', { name: 'Save the season' }).focus();
    await office.keyboard.press('Enter');
    await expectText(office.getByTestId('toasts'), new RegExp(`Saved the season ${season.name}`));
    await expectText(office.locator(`tr[data-testid="season"][data-name="${season.name}"]`).getByTestId('season-price'), '€87.00 a night');
  });

  await step('the guest\'s search follows, at the previewed total', async () => {
    await guest.search({ checkIn: night, checkOut: isoDate(addDays(new Date(`${night}T00:00:00Z`), 1)), adults: 2 });
    assert.equal(await guest.totalCents(CODE), previewed);
  });

  await step('the month calendar shows the night at its new price', async () => {
    await office.goto(office.url().replace(/\?.*$/, `?type=${CODE}&month=${night.slice(0, 7)}`));
    await expectText(office.locator(`td[data-testid="night"][data-date="${night}"]`).getByTestId('night-price'), '€87.00');
    await expectNoAxeViolations(office, '/admin/rates (another month)');
  });
});
