// Consent by signature in the staff window, in Debian's Chromium over the harness's commands: the
// clerk goes from the code page to the pad, nothing goes on without a drawing, the manager's page
// shows the drawing and keeps her account (not her password) when refused, and opens the session.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ASSISTED_OPEN, STAFF_AT_WORK, axeViolations, openPage, withBrowser } from './harness.mjs';

const shared = withBrowser();

/** The staff window at 张秀英's code page, her session waiting for consent. */
async function atTheCodePage() {
  const opened = await openPage(shared.browser, {
    staff: { ...STAFF_AT_WORK, pin_usable: true },
    assisted: { ...ASSISTED_OPEN, open: false, phone_masked: null },
  });
  await opened.page.goto(`${shared.vite.url}staff.html#/resident/consent`);
  await opened.page.getByRole('heading', { level: 1 }).waitFor();
  return opened;
}

/** Draws a stroke across the pad with the mouse. */
async function sign(page) {
  await page.locator('canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas').boundingBox();
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 40, { steps: 5 });
  await page.mouse.move(box.x + 220, box.y + box.height - 40, { steps: 5 });
  await page.mouse.up();
}

test('a resident signs, the manager approves, and the clerk acts for her', async () => {
  const { context, page } = await atTheCodePage();
  await page.getByRole('link', { name: '居民没有手机或收不到短信？改用签名' }).click();
  await page.getByRole('heading', { name: '请张秀英在框里签名' }).waitFor();
  // What she agreed to was read out on the code page; it is there to read again, folded.
  await page.getByText('再看一遍念给居民听的话').click();
  await page.getByText(/工作人员不能/).waitFor();
  assert.deepEqual(await axeViolations(page), []);

  const next = page.getByRole('button', { name: '签好了，请负责人确认' });
  await next.click();
  assert.match(await page.getByRole('alert').innerText(), /还没有签名/);
  await sign(page);
  await page.getByRole('status').filter({ hasText: '已经签好名了' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'the problem goes once she signed');
  await next.click();

  await page.getByRole('heading', { name: '请中心负责人确认' }).waitFor();
  await page.getByRole('img', { name: '张秀英的签名' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const account = page.getByRole('textbox', { name: '负责人的账号' });
  const password = page.getByLabel('负责人的密码');
  await account.fill('staff01');
  await password.fill('huiban-staff-01');
  await page.getByRole('button', { name: '负责人确认，开始办理' }).click();
  assert.match(await page.getByRole('alert').innerText(), /不是本中心的负责人/);
  assert.equal(await account.inputValue(), 'staff01', 'the account typed stays');
  assert.equal(await password.inputValue(), '', 'the password does not');

  await account.fill('manager01');
  await password.fill('huiban-manager-01');
  await page.getByRole('button', { name: '负责人确认，开始办理' }).click();
  await page.getByRole('heading', { name: '现在可以为张秀英办理了' }).waitFor();
  const signed = await page.evaluate(() => window.__signedWith);
  assert.equal(signed.managerUsername, 'manager01');
  assert.match(signed.drawing, /^data:image\/png;base64,/, 'the pad drawing went to core');
  await context.close();
});

test('the manager page without a drawing sends the clerk back to the pad', async () => {
  const { context, page } = await atTheCodePage();
  await page.goto(`${shared.vite.url}staff.html#/resident/approval`);
  await page.getByText('还没有签名').waitFor();
  assert.equal(await page.getByRole('button', { name: '负责人确认，开始办理' }).count(), 0);
  await context.close();
});
