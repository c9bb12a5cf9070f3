// Every screen in Debian's Chromium: zero axe violations, elder-ux sizes, no horizontal scroll.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  axeViolations,
  catalogFixture,
  openPage,
  screenshotPath,
  withBrowser,
} from './harness.mjs';

const shared = withBrowser();

/** Opens `hash` and waits until its h1 is shown. */
async function visit(options, hash) {
  const opened = await openPage(shared.browser, options);
  await opened.page.goto(`${shared.vite.url}${hash}`);
  await opened.page.getByRole('heading', { level: 1 }).waitFor();
  return opened;
}

async function noHorizontalScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('home', () => {
  test('passes axe with the WCAG 2.2 AA and AAA tags', async () => {
    const { context, page } = await visit({}, '#/');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('has six tiles of at least 60 × 60 px and 24 px body text', async () => {
    const { context, page } = await visit({}, '#/');
    const tiles = page.getByRole('navigation').getByRole('link');
    assert.equal(await tiles.count(), 6);
    for (const tile of await tiles.all()) {
      const box = await tile.boundingBox();
      assert.ok(box.width >= 60 && box.height >= 60, `tile ${box.width}×${box.height}`);
    }
    const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(bodyPx >= 24, `body font ${bodyPx}px`);
    await context.close();
  });

  test('is one press on 惠办 away from every page', async () => {
    const { context, page } = await visit({}, '#/apply/110101020001050040000001');
    await page.getByRole('link', { name: '惠办，回到首页' }).click();
    await page.getByRole('heading', { level: 1, name: '您好，请选择要办的事' }).waitFor();
    await context.close();
  });

  test('fits 320 px width without horizontal scroll', async () => {
    const { context, page } = await visit({ width: 320, height: 640 }, '#/');
    assert.ok(await noHorizontalScroll(page));
    await context.close();
  });
});

describe('device notices', () => {
  const waiting = {
    waiting: 2,
    sent: 0,
    needs_attention: 0,
    sentence: '有2份申请等待发送，联网后会自动提交。',
  };
  const setAside =
    '本机保存的资料打不开了，已经原样另存一份，没有删除。惠办已重新开始，请找工作人员帮忙恢复以前的资料。';

  test('the queue and a set-aside store are told in plain words and pass axe', async () => {
    const { context, page } = await visit({ queue: waiting, storeNotice: setAside }, '#/');
    await page.getByText(waiting.sentence).waitFor();
    assert.match(await page.getByRole('alert').innerText(), /已经原样另存一份/);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: screenshotPath('home-notices.png'), fullPage: true });
    await context.close();
  });

  test('fit 320 px width without horizontal scroll', async () => {
    const { context, page } = await visit(
      { width: 320, height: 640, queue: waiting, storeNotice: setAside },
      '#/',
    );
    await page.getByText(waiting.sentence).waitFor();
    assert.ok(await noHorizontalScroll(page));
    await context.close();
  });
});

describe('catalog', () => {
  test('opens from the 办事 tile, lists the items and passes axe', async () => {
    const { context, page } = await visit({}, '#/');
    await page.getByRole('link', { name: '办事' }).click();
    await page.getByRole('heading', { level: 1, name: '办事' }).waitFor();
    for (const { name } of catalogFixture.items) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('shows an unreachable platform in plain words and passes axe', async () => {
    const { context, page } = await visit({ failCatalog: true }, '#/apply');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /暂时连不上办事平台/);
    const retry = page.getByRole('button', { name: '再试一次' });
    const box = await retry.boundingBox();
    assert.ok(box.width >= 60 && box.height >= 60, `retry ${box.width}×${box.height}`);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('marks the saved copy when offline, in plain words, and passes axe', async () => {
    const { context, page } = await visit({ offline: true }, '#/apply');
    const notice = page.getByRole('status').filter({ hasText: '上次保存' });
    await notice.waitFor();
    assert.match(await notice.innerText(), /上次保存的事项/);
    await page.getByRole('heading', { level: 2, name: catalogFixture.items[0].name }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('fits 320 px width without horizontal scroll', async () => {
    const { context, page } = await visit({ width: 320, height: 640 }, '#/apply');
    await page.getByRole('heading', { level: 2, name: catalogFixture.items[0].name }).waitFor();
    assert.ok(await noHorizontalScroll(page));
    await context.close();
  });
});

describe('求助', () => {
  test('from the page she is stuck on, one tap asks for a call-back naming that page, once', async () => {
    const { context, page } = await visit({ loggedIn: true }, '#/apply');
    await page.getByRole('heading', { level: 1, name: '办事' }).waitFor();
    await page.getByRole('link', { name: '求助', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: '求助' }).waitFor();
    await page.getByText('12345').waitFor();
    await page.getByRole('button', { name: '请工作人员给我回电话' }).click();
    await page.getByRole('status').getByText('已经请工作人员给您回电话了').waitFor();
    assert.deepEqual(await page.evaluate(() => window.__callBackFrom), ['办事']);
    assert.equal(await page.getByRole('button', { name: '请工作人员给我回电话' }).count(), 0);
    await context.close();
  });

  test('logged out, the numbers and 登录 for a call-back', async () => {
    const { context, page } = await visit({}, '#/help');
    await page.getByText('登录以后，可以请工作人员给您回电话。').waitFor();
    const login = page.getByRole('main').getByRole('link', { name: '登录', exact: true });
    assert.equal(await login.getAttribute('href'), '#/login');
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('her district picked once: 求助 then shows its service centre, and it can be changed', async () => {
    const { context, page } = await visit({}, '#/help');
    await page.getByRole('link', { name: '选您住的区' }).click();
    await page.getByRole('heading', { level: 1, name: '您住在哪个区？' }).waitFor();
    // 确定 with nothing chosen: told in plain words, still asked.
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByRole('alert').getByText('请先选您住的区').waitFor();
    await page.getByRole('radio', { name: '朝阳区' }).check();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByRole('heading', { level: 1, name: '求助' }).waitFor();
    await page.getByText('010-64001105').waitFor();
    await page.getByText('朝阳区政务服务中心，周一到周五，上午9点到下午5点').waitFor();
    await page.getByRole('link', { name: '不是朝阳区？换一个区' }).click();
    assert.equal(await page.getByRole('radio', { name: '朝阳区' }).isChecked(), true);
    await context.close();
  });

  test('logged in, her account’s district: its centre without asking', async () => {
    const { context, page } = await visit({ loggedIn: true }, '#/help');
    await page.getByText('010-64001101').waitFor();
    await page.getByText('东城区政务服务中心，周一到周五，上午9点到下午5点').waitFor();
    assert.equal(await page.getByRole('link', { name: /换一个区/ }).count(), 0);
    await context.close();
  });
});

describe('signature', () => {
  test('a second stroke begun at once is not painted over by the first', async () => {
    const { context, page } = await visit({}, '#/form/D1/q/signature');
    const canvas = page.locator('canvas');
    const box = await canvas.boundingBox();
    const at = (x, y) => [box.x + box.width * x, box.y + box.height * y];
    // First stroke along the top, then at once a second one along the bottom, still held down.
    await page.mouse.move(...at(0.1, 0.2));
    await page.mouse.down();
    await page.mouse.move(...at(0.9, 0.2), { steps: 10 });
    await page.mouse.up();
    await page.mouse.move(...at(0.1, 0.8));
    await page.mouse.down();
    await page.mouse.move(...at(0.9, 0.8), { steps: 10 });
    await page.waitForTimeout(300);
    const inked = await canvas.evaluate((element) => {
      const context = element.getContext('2d');
      const row = Math.round(element.height * 0.8);
      const pixels = context.getImageData(0, row - 3, element.width, 6).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark += 1;
      return dark;
    });
    await page.mouse.up();
    assert.ok(inked > 50, `the second stroke is still drawn (${inked} dark pixels)`);
    await context.close();
  });

  test('a hand that cannot drag signs with one tap: her name is written into the box', async () => {
    const { context, page } = await visit({}, '#/form/D1/q/signature');
    await page.getByRole('button', { name: '点一下，签上我的名字：张秀英' }).click();
    await page.getByRole('status').filter({ hasText: '已经签好名了' }).waitFor();
    const inked = await page.locator('canvas').evaluate((element) => {
      const pixels = element.getContext('2d').getImageData(0, 0, element.width, element.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark += 1;
      return dark;
    });
    assert.ok(inked > 2000, `her name is drawn (${inked} dark pixels)`);
    // Kept as her answer, as a drawn one would be.
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: '是不是别人帮您办理' }).waitFor();
    await context.close();
  });
});

describe('在自助机上登录', () => {
  for (const size of ['standard', 'largest']) {
    test(`a wrong code is told plainly and kept, then the kiosk is checked and let in (${size})`, async () => {
      const { context, page } = await visit(
        { loggedIn: true, preferences: { text_size: size } },
        '#/settings/kiosk',
      );
      await page.screenshot({ path: screenshotPath(`kiosk-code-${size}.png`), fullPage: true });
      const code = page.getByRole('textbox', { name: '自助机上的号码' });
      await code.fill('bcdf-ghj');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('alert').filter({ hasText: '8个英文字母' }).waitFor();
      assert.equal(await code.inputValue(), 'bcdf-ghj', 'what was typed is kept');
      await code.fill('bcdf-ghjk');
      await page.getByRole('button', { name: '下一步' }).click();
      await page.getByRole('heading', { level: 1, name: '要让这台自助机用您的身份登录吗？' }).waitFor();
      const facts = await page.locator('main dl').innerText();
      assert.match(facts, /一层大厅1号自助机/);
      assert.match(facts, /东城区政务服务中心/);
      assert.match(facts, /BCDF-GHJK/);
      assert.deepEqual(await axeViolations(page), []);
      await page.screenshot({ path: screenshotPath(`kiosk-check-${size}.png`), fullPage: true });
      // The main action is on the first screen without scrolling.
      const approve = page.getByRole('button', { name: '同意登录' });
      const box = await approve.boundingBox();
      assert.ok(box && box.y + box.height <= 800, `同意登录 below the fold at ${size}`);
      assert.ok(box.height >= 60, '同意登录 is a main target');
      await approve.click();
      await page.getByRole('heading', { level: 1, name: '好了，请回到自助机前继续办事' }).waitFor();
      const answered = await page.evaluate(() => window.__kioskAnswer);
      assert.deepEqual(answered, { code: 'BCDF-GHJK', approve: true });
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });
  }
});

describe('在哪里登录着', () => {
  test('lists this computer first and lets another place be logged out by name', async () => {
    const { context, page } = await visit({ loggedIn: true }, '#/settings/logins');
    const items = page.locator('main li');
    await items.first().waitFor();
    assert.match(await items.first().innerText(), /这台电脑/);
    assert.equal(await page.getByRole('button', { name: /^让“这台电脑/ }).count(), 0);
    await page.screenshot({ path: screenshotPath('logins.png'), fullPage: true });
    const end = page.getByRole('button', { name: '让“自助机：一层大厅1号自助机（东城区政务服务中心）”退出' });
    const box = await end.boundingBox();
    assert.ok(box && box.height >= 44, 'a 44 px target');
    await end.click();
    await page.getByRole('status').filter({ hasText: '已经让它退出了' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__ended), ['f-2']);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});

describe('补正 that asks a question again', () => {
  test('asks it on a page of its own from the answer held, then sends it with the photo page', async () => {
    const { context, page } = await visit(
      { loggedIn: true },
      '#/progress/110101202611240005/supplement',
    );
    await page.getByText('请补充户口簿').waitFor();
    const phone = page.getByRole('textbox');
    assert.equal(await phone.inputValue(), '13800000001', 'starts from the answer held');
    await phone.fill('');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('alert').waitFor();
    await phone.fill('13900000002');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: '补充材料' }).waitFor();
    // The photo the department asked for is asked beside its words, not under a bare 部门说：.
    assert.match(await page.locator('main').innerText(), /部门说：[\s\S]*请补充户口簿/);
    await page.getByRole('textbox', { name: /写一句说明/ }).fill('电话换了');
    await page.getByRole('button', { name: '提交补充材料' }).click();
    await page.waitForFunction(() => window.__supplement !== undefined);
    const sent = await page.evaluate(() => window.__supplement);
    assert.deepEqual(sent.answers, { phone: '13900000002' });
    assert.equal(sent.note, '电话换了');
    await context.close();
  });
});

describe('中文 / English', () => {
  test('choosing English in 设置 redraws every word in English, and it is kept', async () => {
    const { context, page } = await visit({}, '#/settings');
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-US');
    const saved = await page.evaluate(() => window.__savedPreferences);
    assert.equal(saved.language, 'en_us');
    await page.getByRole('link', { name: /Huiban/ }).first().click();
    await page.getByRole('navigation').getByRole('link', { name: 'Apply' }).waitFor();
    // And back: the same choice in Chinese words.
    await page.goto(`${shared.vite.url}#/settings`);
    await page.getByRole('radio', { name: '中文' }).check();
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
    await context.close();
  });
});
