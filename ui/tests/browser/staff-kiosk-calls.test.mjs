// 自助机求助 and 请回电话 in the staff window, in Debian's Chromium over the harness's commands: the
// centre's kiosks asking for staff show above her work with since when and who is going; 我过去
// makes her the one going, 处理好了 ends the call; residents of her district asking to be called
// back show with the phone to dial, and 已回电话 takes one off; with none nothing shows.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STAFF_AT_WORK, axeViolations, openPage, withBrowser } from './harness.mjs';
import { CALL_BACKS, KIOSK_CALLS } from './staff-fixtures.mjs';

const shared = withBrowser();

/** The staff window at work, with `kioskCalls` open at her centre and `callBacks` asked. */
async function open(kioskCalls, callBacks = []) {
  const opened = await openPage(shared.browser, {
    staff: { ...STAFF_AT_WORK, pin_usable: true },
    kioskCalls,
    callBacks,
  });
  await opened.page.goto(`${shared.vite.url}staff.html`);
  await opened.page.getByRole('heading', { level: 1 }).waitFor();
  return opened;
}

test('a kiosk asking for staff shows in her window; 我过去 then 处理好了', async () => {
  const { context, page } = await open(KIOSK_CALLS);
  const calls = page.getByRole('region', { name: '自助机求助' });
  await calls.waitFor();
  const items = calls.getByRole('listitem');
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).innerText(), /一层大厅1号自助机：有人请工作人员过去（今天 10:42起）/);
  // 钱进 is already going to the second: no 我过去 there.
  assert.match(await items.nth(1).innerText(), /钱进正在过去/);
  assert.equal(await items.nth(1).getByRole('button', { name: '我过去' }).count(), 0);
  assert.deepEqual(await axeViolations(page), []);

  await items.nth(0).getByRole('button', { name: '我过去' }).click();
  await items.nth(0).getByText('您正在过去').waitFor();
  await items.nth(0).getByRole('button', { name: '处理好了' }).click();
  await page.waitForFunction(() => window.__callsEnded === 1);
  assert.equal(await items.count(), 1);
  assert.match(await items.nth(0).innerText(), /二层大厅3号自助机/);
  await context.close();
});

test('with no kiosk asking, nothing of it shows', async () => {
  const { context, page } = await open([]);
  await page.getByRole('link', { name: '为居民办理' }).waitFor();
  assert.equal(await page.getByRole('region', { name: '自助机求助' }).count(), 0);
  await context.close();
});

test('a resident asking to be called back shows with the phone to dial; 已回电话 takes it off', async () => {
  const { context, page } = await open([], CALL_BACKS);
  const region = page.getByRole('region', { name: '请回电话' });
  await region.waitFor();
  const item = region.getByRole('listitem');
  assert.equal(await item.count(), 1);
  const text = await item.innerText();
  assert.match(text, /张秀英请您回电话（今天 10:42起）/);
  assert.match(text, /138 0000 0001/);
  assert.match(text, /我当时在看：高龄津贴申领/);
  assert.deepEqual(await axeViolations(page), []);
  await item.getByRole('button', { name: '已回电话' }).click();
  await page.waitForFunction(() => window.__calledBack?.length === 1);
  assert.deepEqual(await page.evaluate(() => window.__calledBack), ['SQ20261203000001']);
  assert.equal(await page.getByRole('region', { name: '请回电话' }).count(), 0);
  await context.close();
});
