// 中心数据 in the staff window, in Debian's Chromium over the harness's commands: the manager's home
// leads there, each chart is an SVG image named by its title with the same numbers in a table, bars
// are told apart by pattern, the period can be changed, and the CSV is saved and said where.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MANAGER_AT_WORK, STAFF_AT_WORK, axeViolations, figuresFixture, openPage, withBrowser } from './harness.mjs';

const shared = withBrowser();

/** The staff window as `staff` at `hash`, its h1 drawn. */
async function open(staff, hash) {
  const opened = await openPage(shared.browser, { staff });
  await opened.page.goto(`${shared.vite.url}staff.html${hash}`);
  await opened.page.getByRole('heading', { level: 1 }).waitFor();
  return opened;
}

test('the manager goes from her home to the figures; a clerk is not offered them', async () => {
  const manager = await open(MANAGER_AT_WORK, '');
  await manager.page.getByRole('link', { name: '中心数据' }).click();
  await manager.page.getByRole('heading', { name: '中心数据' }).waitFor();
  assert.equal(await manager.page.getByRole('link', { name: '为居民办理' }).count(), 0);
  await manager.context.close();

  const clerk = await open({ ...STAFF_AT_WORK, pin_usable: true }, '');
  await clerk.page.getByRole('link', { name: '为居民办理' }).waitFor();
  assert.equal(await clerk.page.getByRole('link', { name: '中心数据' }).count(), 0);
  await clerk.context.close();
});

test('each chart is an image named by its title, with the same numbers as a table', async () => {
  const { context, page } = await open(MANAGER_AT_WORK, '#/figures');
  const today = figuresFixture.periods[0];
  for (const chart of today.charts) {
    const image = page.getByRole('img', { name: chart.title });
    await image.waitFor();
    const region = page.getByRole('region', { name: chart.title });
    const table = region.getByRole('table');
    const cells = await table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())),
    );
    assert.deepEqual(cells, chart.rows, `${chart.title}: the table holds core's rows`);
    const bars = await image.locator('svg rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
    assert.equal(bars.length, chart.bars.length);
    assert.equal(new Set(bars).size, Math.min(bars.length, 6), `${chart.title}: each bar its own pattern`);
  }
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('this month shows on choosing it, and the CSV is saved and said where', async () => {
  const { context, page } = await open(MANAGER_AT_WORK, '#/figures');
  await page.getByRole('heading', { name: '今天', level: 2 }).waitFor();
  await page.getByRole('radio', { name: '本月' }).check();
  await page.getByRole('heading', { name: '本月', level: 2 }).waitFor();
  await page.getByText(figuresFixture.periods[1].headline).waitFor();
  await page.getByRole('button', { name: '导出表格（CSV）' }).click();
  const said = await page.getByRole('status').filter({ hasText: '表格已经存好了' }).innerText();
  assert.match(said, /中心数据-20260330-1100\.csv/);
  assert.equal(await page.evaluate(() => window.__csvSaved), 1);
  await context.close();
});
