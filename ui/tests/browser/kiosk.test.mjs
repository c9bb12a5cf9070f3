// The kiosk window (kiosk.html) in Debian's Chromium, on a touch screen standing and lying: every
// target 60 px or more at every text size, the main action on the first screen, and a visit as a
// person makes it (approved on her phone, 是我本人, her errands, 我办完了), 还在吗？ counting down,
// and the staff PIN. The touch-screen measurements run again in WebKitGTK, the app's own engine
// (`HUIBAN_BROWSER=webkit`, `cargo xtask test webkit`); the visit is behaviour, not drawing, and runs
// in Chromium only.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENGINE, hiddenWords, withBrowser } from './harness.mjs';
import { KIOSK_VIEWPORTS, SCREENS, SIZES, showScreen } from './screen-list.mjs';

const shared = withBrowser();
const KIOSK_SCREENS = SCREENS.filter((s) => s.kiosk);
/** The main action each kiosk screen must show without scrolling. */
const MAIN_ACTION = {
  'kiosk-welcome': { role: 'img', name: '登录用的二维码' },
  'kiosk-welcome-no-paper': { role: 'img', name: '登录用的二维码' },
  'kiosk-is-it-you': { role: 'button', name: '是我本人' },
  'kiosk-home': { role: 'button', name: '我办完了' },
  'kiosk-item': { role: 'button', name: '开始办理' },
  'kiosk-still-there': { role: 'button', name: '我还要用' },
  'kiosk-leave': { role: 'button', name: '退出自助模式' },
  'kiosk-call-staff': { role: 'button', name: '不用了' },
  'kiosk-phone': { role: 'button', name: '获取验证码' },
  'kiosk-phone-code': { role: 'button', name: '登录' },
  'kiosk-card': { role: 'heading', name: '请把身份证放到读卡器上' },
  'kiosk-card-code': { role: 'button', name: '登录' },
  'kiosk-question-phone': { role: 'button', name: '下一步' },
  'kiosk-question-phone-no-paper': { role: 'button', name: '下一步' },
  'kiosk-question-date': { role: 'button', name: '下一步' },
  'kiosk-question-words': { role: 'button', name: '下一步' },
};

/** The keys of an on-screen keypad or keyboard not wholly on the first screen, or covered (by
 * the action bar at the window's foot): each must be there to press without scrolling. */
function keysOutOfReach(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.keypad button, .pinyin button')]
      .filter((key) => key.getClientRects().length > 0)
      .filter((key) => {
        const box = key.getBoundingClientRect();
        if (box.top < 0 || box.bottom > innerHeight) return true;
        // Its middle and the middle of its bottom edge are its own, not something drawn over it.
        const x = box.left + box.width / 2;
        return [box.top + box.height / 2, box.bottom - 3].some((y) => {
          const hit = document.elementFromPoint(x, y);
          return !hit || !key.contains(hit);
        });
      })
      .map((key) => (key.getAttribute('aria-label') || key.textContent).trim()),
  );
}

/** The visible controls smaller than 60 × 60 px. */
function smallTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href], button, input, [role=button], select, textarea')]
      .filter((e) => e.offsetParent !== null && e.type !== 'hidden')
      .map((e) => ({ name: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 20), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 60 || box.height < 60)
      .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

describe('kiosk screens on the touch screen', () => {
  for (const screen of KIOSK_SCREENS) {
    for (const [orientation, viewport] of Object.entries(KIOSK_VIEWPORTS)) {
      for (const size of SIZES) {
        test(`${screen.name} ${orientation} at ${size} text: targets of 60 px, main action and every key on the first screen, no hidden words`, async () => {
          const { context, page } = await showScreen(shared.browser, shared.vite.url, screen, {
            theme: 'light',
            size,
            ...viewport,
          });
          assert.deepEqual(await smallTargets(page), []);
          assert.deepEqual(await keysOutOfReach(page), [], 'keys to scroll to, or covered');
          assert.ok(
            await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth),
            'the screen scrolls sideways',
          );
          assert.deepEqual(await hiddenWords(page), [], 'words hidden');
          const main = MAIN_ACTION[screen.name];
          if (main) {
            const box = await page.getByRole(main.role, { name: main.name }).first().boundingBox();
            assert.ok(box && box.y + box.height <= viewport.height, `${main.name} at ${JSON.stringify(box)}`);
          }
          await context.close();
        });
      }
    }
  }
});

describe('a visit at the kiosk', { skip: ENGINE === 'webkit' && 'behaviour, not drawing: run in Chromium' }, () => {
  test('her phone approves, she says it is her, does her errands and is done', async () => {
    const welcome = KIOSK_SCREENS.find((s) => s.name === 'kiosk-is-it-you');
    const { context, page } = await showScreen(shared.browser, shared.vite.url, welcome, {
      theme: 'light',
      size: 'standard',
    });
    assert.match(await page.locator('main').innerText(), /张\*英/);
    await page.getByRole('button', { name: '是我本人' }).click();
    await page.getByRole('heading', { level: 1, name: '您好，请选择要办的事' }).waitFor();
    assert.match(await page.locator('header').innerText(), /张\*英 正在使用/);
    // Settings that outlive her visit are not on a kiosk: their address leads home.
    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await page.getByRole('heading', { level: 1, name: '您好，请选择要办的事' }).waitFor();
    await page.evaluate(() => window.localStorage.setItem('left', 'by her'));
    await page.getByRole('button', { name: '我办完了' }).click();
    await page.getByText('BCDF-GHJK').waitFor();
    assert.equal(await page.evaluate(() => window.localStorage.length), 0);
    await context.close();
  });

  test('still there? counts down, is read aloud and 我还要用 keeps her', async () => {
    const screen = KIOSK_SCREENS.find((s) => s.name === 'kiosk-still-there');
    const { context, page } = await showScreen(shared.browser, shared.vite.url, screen, {
      theme: 'light',
      size: 'standard',
    });
    const dialog = page.getByRole('alertdialog', { name: '还在吗？' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /还有 1[0-9]{2} 秒/);
    assert.ok((await page.evaluate(() => window.__spoken ?? [])).some((t) => t.startsWith('还在吗？')));
    // The platform hears it in the heartbeat.
    await page.waitForFunction(() => window.__idleWarningTold === true);
    const keep = await page.getByRole('button', { name: '我还要用' }).boundingBox();
    assert.ok(keep.height >= 76, `我还要用 is ${keep.height} px high`);
    await page.getByRole('button', { name: '我还要用' }).click();
    assert.equal(await dialog.count(), 0);
    await page.waitForFunction(() => window.__idleWarningTold === false);
    await context.close();
  });

  test('the staff PIN leaves kiosk mode; a wrong one says how many tries are left', async () => {
    const screen = KIOSK_SCREENS.find((s) => s.name === 'kiosk-leave');
    const { context, page } = await showScreen(shared.browser, shared.vite.url, screen, {
      theme: 'light',
      size: 'standard',
    });
    for (const digit of '1357') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '退出自助模式' }).click();
    assert.match(await page.getByRole('alert').innerText(), /还可以再试4次/);
    for (const digit of '2468') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '退出自助模式' }).click();
    await page.waitForFunction(() => window.__kioskLeft === true);
    await context.close();
  });

  test('请工作人员过来 asks staff, says who is coming, and 不用了 takes it back', async () => {
    const screen = KIOSK_SCREENS.find((s) => s.name === 'kiosk-home');
    const { context, page } = await showScreen(shared.browser, shared.vite.url, screen, {
      theme: 'light',
      size: 'standard',
    });
    await page.getByRole('button', { name: '请工作人员过来' }).click();
    const dialog = page.getByRole('dialog', { name: '已经请工作人员了' });
    await dialog.waitFor();
    assert.ok(await page.evaluate(() => window.__staffCalled === true));
    assert.ok((await page.evaluate(() => window.__spoken ?? [])).some((t) => t.startsWith('已经请工作人员了')));
    // Her page stays as it was behind the dialog, and cannot be touched meanwhile.
    assert.equal(await page.locator('main').getAttribute('inert'), '');
    await dialog.getByText('工作人员赵敏正在过来。').waitFor();
    await page.getByRole('button', { name: '返回' }).click();
    assert.equal(await dialog.count(), 0);
    await page.getByRole('heading', { level: 1, name: '您好，请选择要办的事' }).waitFor();
    // Staff are still asked: the banner says so, and pressing it shows the call again.
    await page.getByRole('button', { name: '已请工作人员' }).click();
    await dialog.getByText('工作人员赵敏正在过来。').waitFor();
    await page.getByRole('button', { name: '不用了' }).click();
    assert.equal(await dialog.count(), 0);
    assert.ok(await page.evaluate(() => window.__staffCallTakenBack === true));
    await page.getByRole('button', { name: '请工作人员过来' }).waitFor();
    await context.close();
  });

  test('我办完了 with something still to send prints the slip first, naming no one', async () => {
    const screen = KIOSK_SCREENS.find((s) => s.name === 'kiosk-is-it-you');
    const { context, page } = await showScreen(
      shared.browser,
      shared.vite.url,
      { ...screen, options: { kiosk: { approved: true, waiting: ['高龄津贴申领'] } } },
      { theme: 'light', size: 'standard' },
    );
    await page.getByRole('button', { name: '是我本人' }).click();
    await page.getByRole('button', { name: '我办完了' }).click();
    await page.getByRole('heading', { level: 1, name: '还没发出去的事，会替您发出' }).waitFor();
    const slip = await page.locator('.printable').innerText();
    assert.match(slip, /高龄津贴申领/);
    assert.match(slip, /12345/);
    assert.doesNotMatch(slip, /张/);
    await page.waitForFunction(() => window.__printed === 1);
    assert.equal(await page.getByRole('button', { name: '我办完了' }).count(), 0);
    // Then her visit ends: the page starts afresh at the welcome.
    await page.getByText('BCDF-GHJK').waitFor({ timeout: 15_000 });
    await context.close();
  });

  test('without scanning: her phone number and texted code on the keypad, a wrong one told', async () => {
    const screen = KIOSK_SCREENS.find((s) => s.name === 'kiosk-phone');
    const { context, page } = await showScreen(shared.browser, shared.vite.url, screen, {
      theme: 'light',
      size: 'standard',
    });
    const press = async (digits) => {
      for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).click();
    };
    // Too short: told how many digits were typed, and they stay.
    await press('1380000');
    await page.getByRole('button', { name: '获取验证码' }).click();
    assert.match(await page.getByRole('alert').innerText(), /现在输入了7位/);
    await press('0001');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('heading', { level: 1, name: '请输入短信里的6位验证码' }).waitFor();
    assert.match(await page.locator('main').innerText(), /138\*\*\*\*0001/);
    await press('000000');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    assert.match(await page.getByRole('alert').innerText(), /验证码不对/);
    // What she typed stays: the keypad still holds six digits, cleared by her.
    assert.match(await page.locator('output.entered').innerText(), /000000/);
    await page.getByRole('button', { name: '全部清空' }).click();
    await press('123456');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '是您本人吗？' }).waitFor();
    assert.match(await page.locator('main').innerText(), /张\*英/);
    await context.close();
  });

  test('with her ID card: the kiosk waits for the card, then her texted code logs her in', async () => {
    const screen = KIOSK_SCREENS.find((s) => s.name === 'kiosk-card-code');
    const { context, page } = await showScreen(shared.browser, shared.vite.url, { ...screen, ready: 'text:用身份证登录', act: undefined }, {
      theme: 'light',
      size: 'standard',
    });
    // No card yet: the welcome offers the card beside the phone number.
    await page.getByRole('button', { name: '用身份证登录' }).click();
    await page.getByRole('heading', { level: 1, name: '请把身份证放到读卡器上' }).waitFor();
    // The card read, the code is on its way to her phone, shown masked; no number typed.
    await page.getByRole('heading', { level: 1, name: '请输入短信里的6位验证码' }).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('main').innerText(), /138\*\*\*\*0001/);
    for (const digit of '123456') await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '是您本人吗？' }).waitFor();
    await context.close();
  });
});
