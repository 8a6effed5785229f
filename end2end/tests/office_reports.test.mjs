// The revenue report on a laptop (1440×900): a manager reads the demo hotel's occupancy chart
// and its table for last month, by week, with the definitions; a wrong range is refused beside
// its field; the CSV download carries exactly the table's total. The page passes axe.
import assert from 'node:assert/strict';
import { browserTest } from '../lib/harness.mjs';
import { DEMO_USERS } from '../lib/config.mjs';
import { expectNoAxeViolations } from '../lib/axe.mjs';
import { expectText, expectVisible, normalise } from '../lib/expect.mjs';
import { addDays, hotelToday, isoDate } from '../lib/dates.mjs';
import { LAPTOP, signInToOffice } from '../lib/office.mjs';
import { waitForHydration } from '../lib/housekeeping.mjs';

browserTest('a manager reads the occupancy chart and downloads the same figures as CSV', async ({ newContext, step }) => {
  const context = await newContext({ ...LAPTOP, acceptDownloads: true });
  const page = await context.newPage();
  const last = addDays(hotelToday(), -1);
  const first = addDays(last, -27);

  await step('the reports open from the office\'s navigation', async () => {
    await signInToOffice(page, DEMO_USERS.manager);
    await page.getByRole('navigation', { name: "Manager's office" }).getByRole('link', { name: 'Reports' }).click();
    await waitForHydration(page);
    await expectVisible(page.getByRole('heading', { name: 'Reports', level: 1 }));
    await expectVisible(page.getByTestId('occupancy-chart'));
  });

  await step('four weeks of the demo\'s past, by week, from the keyboard', async () => {
    await page.getByLabel('First night').fill(isoDate(first));
    await page.getByLabel('Last night').fill(isoDate(last));
    await page.locator('select[name="by"]').selectOption('week');
    await page.getByLabel('Last night').press('Enter');
    await page.waitForURL(/by=week/);
    const chart = page.getByTestId('occupancy-chart');
    await expectVisible(chart.locator('svg'));
    assert.match(await chart.getAttribute('aria-label'), /Occupancy by week/);
    const rows = page.getByTestId('report-row');
    assert.ok((await rows.count()) >= 4, 'a row per week');
    await expectText(page.getByTestId('report-total').getByTestId('occupancy'), /^\d+\.\d{2} %$/);
    await expectVisible(page.getByRole('heading', { name: 'What the figures mean' }));
    await expectNoAxeViolations(page, '/admin/reports');
  });

  await step('the CSV says exactly what the table\'s total says', async () => {
    const shown = normalise(await page.getByTestId('report-total').getByTestId('occupancy').textContent()).replace(' %', '');
    const revenue = normalise(await page.getByTestId('report-total').getByTestId('room-revenue').textContent());
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    const csv = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
    const total = csv.trim().split('\r\n').at(-1).split(',');
    assert.equal(total[0], 'total');
    assert.equal(total[5], shown, 'the occupancy');
    assert.equal(revenue.replace(/[^\d.]/g, ''), total[6], 'the room revenue, to the cent');
  });

  await step('a last night before the first is refused beside its field', async () => {
    await page.getByLabel('First night').fill(isoDate(last));
    await page.getByLabel('Last night').fill(isoDate(first));
    await page.getByLabel('Last night').press('Enter');
    await expectText(page.locator('#last-error'), /comes before the first/);
  });
});
