// Every screen in every theme at the smallest and largest text size: zero axe violations, and one
// column with no horizontal scroll at 320 px. Then the 设置 and first-run screens as a person uses them.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axeViolations, openPage, screenshotPath, withBrowser } from './harness.mjs';
import { SCREENS, SIZES, THEMES, showScreen } from './screen-list.mjs';

const shared = withBrowser();

/** The screen called `name` in SCREENS (by name, so that adding a screen moves nothing). */
function screenNamed(name) {
  const screen = SCREENS.find((s) => s.name === name);
  assert.ok(screen, `no screen ${name}`);
  return screen;
}

/** Opens `screen` in a fresh page of the shared browser. */
const show = (screen, options) => showScreen(shared.browser, shared.vite.url, screen, options);

/** Shows `theme` and `size` on the open page the way the app shows a person's choice: its
 * `applyPreferences` sets these two attributes and the styles follow them (preferences.test.ts, the
 * first test of each screen and the 设置 tests below check that the app sets them). */
function look(page, theme, size) {
  return page.evaluate(
    ([t, s]) => Object.assign(document.documentElement.dataset, { theme: t, textSize: s }),
    [theme, size],
  );
}

for (const screen of SCREENS) {
  describe(`${screen.name} screen`, () => {
    // One page a screen, opened by the app in the first look, then shown in each of the others.
    const wide = {};
    const narrow = {};
    before(async () => {
      Object.assign(wide, await show(screen, { theme: THEMES[0], size: SIZES[0] }));
      Object.assign(narrow, await show(screen, { theme: 'light', size: 'standard', width: 320, height: 640 }));
    });
    after(async () => {
      await wide.context?.close();
      await narrow.context?.close();
    });

    test('opens in the look the person chose', async () => {
      const drawn = await wide.page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        body: parseFloat(getComputedStyle(document.body).fontSize),
      }));
      assert.deepEqual(drawn, { theme: THEMES[0], body: 24 });
    });
    for (const theme of THEMES) {
      for (const size of SIZES) {
        test(`passes axe in ${theme} at ${size} text`, async () => {
          await look(wide.page, theme, size);
          const body = await wide.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
          assert.equal(body, size === 'largest' ? 40 : 24);
          assert.deepEqual(await axeViolations(wide.page), []);
        });
      }
    }
    for (const size of ['standard', 'large', 'extra_large', 'largest']) {
      test(`fits 320 px without horizontal scroll at ${size} text`, async () => {
        await look(narrow.page, 'light', size);
        const fits = await narrow.page.evaluate(
          () => document.documentElement.scrollWidth <= window.innerWidth,
        );
        assert.ok(fits, `${screen.name} scrolls sideways at ${size}`);
      });
    }
  });
}

describe('设置', () => {
  test('a bigger size and dark colours show at once and are kept', async () => {
    const { context, page } = await show(screenNamed('settings'), { theme: 'system', size: 'standard' });
    await page.getByRole('radio', { name: /超大/ }).check();
    await page.getByRole('radio', { name: /黑底白字/ }).check();
    await page.getByRole('status').filter({ hasText: '已经记住了' }).waitFor();
    const drawn = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      theme: document.documentElement.dataset.theme,
      saved: window.__savedPreferences,
    }));
    assert.equal(drawn.body, 40);
    assert.equal(drawn.theme, 'dark_contrast');
    assert.equal(drawn.saved.text_size, 'largest');
    assert.equal(drawn.saved.theme, 'dark_contrast');
    await page.screenshot({ path: screenshotPath('settings-largest-dark.png'), fullPage: true });
    await context.close();
  });

  test('follows the computer asking for dark colours until the person picks', async () => {
    const { context, page } = await openPage(shared.browser, { preferences: { theme: 'system' } });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${shared.vite.url}#/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark_contrast');
    await context.close();
  });
});

describe('first run', () => {
  test('asks the size, then reading aloud, one question a screen, and then opens home', async () => {
    const { context, page } = await show(screenNamed('first-run'), { theme: 'light', size: 'standard' });
    await page.getByRole('heading', { level: 1, name: '这样的字看得清楚吗？' }).waitFor();
    await page.getByRole('radio', { name: /特大/ }).check();
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '36px');
    await page.screenshot({ path: screenshotPath('first-run-size.png'), fullPage: true });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 1, name: '要不要把页面上的字读给您听？' }).waitFor();
    const yes = await page.getByRole('button', { name: '要，读给我听', exact: true }).boundingBox();
    assert.ok(yes.width >= 60 && yes.height >= 60, `要，读给我听 is ${yes.width}×${yes.height}`);
    await page.getByRole('button', { name: '不用读', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '您好，请选择要办的事' }).waitFor();
    const saved = await page.evaluate(() => window.__savedPreferences);
    assert.equal(saved.text_size, 'extra_large');
    assert.equal(saved.read_aloud, false);
    assert.equal(saved.first_run_done, true);
    await context.close();
  });

  test('can be skipped at once', async () => {
    const { context, page } = await show(screenNamed('first-run'), { theme: 'light', size: 'standard' });
    await page.getByRole('button', { name: '跳过，以后再说' }).click();
    await page.getByRole('heading', { level: 1, name: '您好，请选择要办的事' }).waitFor();
    assert.equal(await page.evaluate(() => window.__savedPreferences.first_run_done), true);
    await context.close();
  });
});

/** The words shown in <main> (and the answers typed in its boxes) that `spoken` does not say. */
function unheard(page, spoken, counted) {
  return page.evaluate(
    ([heard, counted]) => {
      const said = heard.replace(/\s+/g, '');
      const missing = [];
      const main = document.querySelector('main');
      const privateShown = (e) => counted && e.closest('[data-private]:not([data-private=""])');
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const words = node.textContent.replace(/\s+/g, '');
        const holder = node.parentElement;
        if (!words || holder.closest('[aria-hidden="true"], [data-read-aloud], [hidden], [inert], style')) continue;
        if (!holder.checkVisibility()) continue;
        if (!privateShown(holder) && !said.includes(words)) missing.push(words);
      }
      // What tells who she is is not said, unless the page says the same words elsewhere (an example).
      const elsewhere = main.cloneNode(true);
      elsewhere.querySelectorAll('[data-private]').forEach((e) => e.remove());
      const open = elsewhere.textContent.replace(/\s+/g, '');
      for (const shown of counted ? main.querySelectorAll('[data-private]:not([data-private=""])') : []) {
        const value = shown.dataset.private.replace(/\s+/g, '');
        if (shown.checkVisibility() && said.includes(value) && !open.includes(value)) {
          missing.push(`${value} said aloud where others can hear`);
        }
      }
      for (const box of main.querySelectorAll('input[type=text], input[type=tel], input:not([type]), textarea')) {
        const typed = box.value.replace(/\s+/g, '');
        if (!box.checkVisibility() || !typed) continue;
        if (counted && said.includes(typed)) missing.push(`${box.value} said aloud where others can hear`);
        if (!counted && !said.includes(typed)) missing.push(box.value);
      }
      return missing;
    },
    [spoken, counted],
  );
}

describe('朗读', () => {
  test('is on every screen, at least 60 × 60 px, and reads every word the page shows (at a kiosk or a counter, what tells who she is only counted)', async () => {
    // 还在吗？ covers the page and reads itself as it appears.
    for (const screen of SCREENS.filter((s) => !s.readsItself)) {
      const { context, page } = await show(screen, { theme: 'light', size: 'standard' });
      const button = page.getByRole('button', { name: '朗读' });
      const box = await button.boundingBox();
      assert.ok(box.width >= 60 && box.height >= 60, `${screen.name}: 朗读 ${box.width}×${box.height}`);
      await button.click();
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      const spoken = await page.evaluate(() => window.__spoken);
      assert.ok(spoken?.[0]?.startsWith(heading), `${screen.name} read ${spoken}`);
      const counted = Boolean(screen.kiosk) || screen.path === 'staff.html';
      assert.deepEqual(await unheard(page, spoken[0], counted), [], `${screen.name}: words shown but not read`);
      await context.close();
    }
  });

  test('reads each page as it opens when the person asked for it', async () => {
    const opened = await openPage(shared.browser, { preferences: { read_aloud: true } });
    await opened.page.goto(`${shared.vite.url}#/`);
    await opened.page.getByRole('heading', { level: 1 }).waitFor();
    await opened.page.waitForFunction(() => window.__spoken?.length > 0);
    await opened.page.getByRole('link', { name: '办事' }).click();
    await opened.page.waitForFunction(() => window.__spoken?.some((t) => t.startsWith('办事')));
    assert.match((await opened.page.evaluate(() => window.__spoken))[0], /^您好，请选择要办的事/);
    await opened.context.close();
  });
});

/** Presses Tab until focus comes round again; returns what was focused, with its focus ring. */
async function tabThrough(page) {
  const seen = [];
  for (let i = 0; i < 200; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const style = getComputedStyle(e);
      const ring = e.closest('label') ? getComputedStyle(e.closest('label')) : style;
      return {
        name: (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 20),
        tag: e.tagName.toLowerCase(),
        outline: Math.max(parseFloat(style.outlineWidth) || 0, parseFloat(ring.outlineWidth) || 0),
        outlineStyle: style.outlineStyle !== 'none' ? style.outlineStyle : ring.outlineStyle,
        key: e.outerHTML.slice(0, 120),
      };
    });
    if (!focused) continue;
    if (seen.some((f) => f.key === focused.key)) break;
    seen.push(focused);
  }
  return seen;
}

describe('keyboard alone', () => {
  for (const screen of SCREENS.filter((s) =>
    ['home', 'settings', 'gallery', 'login'].includes(s.name),
  )) {
    test(`reaches every control of ${screen.name} with a focus ring of at least 3 px`, async () => {
      const { context, page } = await show(screen, { theme: 'light', size: 'standard' });
      const reached = await tabThrough(page);
      const controls = await page.evaluate(
        () =>
          document.querySelectorAll(
            'a[href], button:not([disabled]), input:not([type=radio]), input[type=radio]:checked',
          ).length,
      );
      assert.ok(reached.length >= controls, `reached ${reached.length} of ${controls}`);
      const thin = reached.filter((f) => f.outline < 3 || f.outlineStyle === 'none');
      assert.deepEqual(thin, [], 'every focused control shows a ring of 3 px or more');
      await context.close();
    });
  }

  test('answers the first run with the keyboard only', async () => {
    const { context, page } = await show(screenNamed('first-run'), { theme: 'light', size: 'standard' });
    await page.getByRole('radio', { name: /标准/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), '36px');
    await page.getByRole('button', { name: '下一步' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '要，读给我听', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '您好，请选择要办的事' }).waitFor();
    const saved = await page.evaluate(() => window.__savedPreferences);
    assert.deepEqual([saved.text_size, saved.read_aloud], ['extra_large', true]);
    await context.close();
  });
});
