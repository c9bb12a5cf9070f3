// Every screen of the main and staff windows at 1280 × 800, at all four text sizes and in the three
// themes: its main action is on the first screen without scrolling, every button keeps at least
// 8 px around its words, every icon is at least as big as the text beside it, a chosen answer
// differs from the others by ≥ 3:1 and by a ✓, no words are drawn under others or cut off, and no
// heading, button or choice leaves one character alone on its last line.
// (A kiosk's screens are measured on its touch screen in kiosk.test.mjs.) Run in Chromium, and in
// WebKitGTK — the app's own engine — with HUIBAN_BROWSER=webkit (`npm run test:webkit`).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ENGINE, hiddenWords, withBrowser } from './harness.mjs';
import { ALL_SIZES, SCREENS, THEMES, showScreen } from './screen-list.mjs';

const shared = withBrowser();
const VIEWPORT = { width: 1280, height: 800 };

/** The box of the screen's main action: the one it names, or else the first main button drawn. */
async function mainActionBox(page, screen) {
  if (screen.main?.text) return page.locator('main').getByText(screen.main.text).first().boundingBox();
  if (screen.main) {
    const { role, ...named } = screen.main;
    return page.getByRole(role, { exact: true, ...named }).first().boundingBox();
  }
  const primary = page.locator('main .primary:visible, main button[type=submit]:visible').first();
  if ((await primary.count()) === 0) return null;
  return primary.boundingBox();
}

/** The buttons (and links drawn as buttons) whose words come closer than 8 px to their edges. */
function crampedButtons(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a.primary, a.secondary, a.back, a.tool')]
      .filter((e) => e.offsetParent !== null && e.textContent.trim() !== '')
      .map((e) => {
        const box = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        // The words drawn: every text in it but what is there for screen readers only.
        const rects = [];
        const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent.trim() || node.parentElement.closest('.visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          rects.push(...[...range.getClientRects()].filter((r) => r.width > 0));
        }
        const words = {
          left: Math.min(...rects.map((r) => r.left)),
          right: Math.max(...rects.map((r) => r.right)),
          top: Math.min(...rects.map((r) => r.top)),
          bottom: Math.max(...rects.map((r) => r.bottom)),
        };
        // A line of text is drawn in its em square, centred in the font's taller content box: the
        // room above and below is measured from the em square.
        const line = rects.reduce((tallest, r) => Math.max(tallest, r.height), 0);
        const slack = Math.max(0, (line - parseFloat(style.fontSize)) / 2);
        const room = Math.min(
          words.left - box.left - parseFloat(style.borderLeftWidth),
          box.right - parseFloat(style.borderRightWidth) - words.right,
          words.top + slack - box.top - parseFloat(style.borderTopWidth),
          box.bottom - parseFloat(style.borderBottomWidth) - (words.bottom - slack),
        );
        return { name: e.textContent.trim().slice(0, 16), room };
      })
      .filter(({ room }) => room < 7.5)
      .map(({ name, room }) => `${name} (${room.toFixed(1)} px)`),
  );
}

/** The icons smaller than the text of what holds them. */
function smallIcons(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.icon')]
      .filter((icon) => icon.getBoundingClientRect().height > 0)
      .map((icon) => ({
        holder: icon.parentElement,
        height: icon.getBoundingClientRect().height,
        text: parseFloat(getComputedStyle(icon.parentElement).fontSize),
      }))
      .filter(({ height, text }) => height + 0.5 < text)
      .map(({ holder, height, text }) => `${holder.textContent.trim().slice(0, 12)}: ${height} px beside ${text} px`),
  );
}

/** Headings, buttons and choices whose last line holds one character alone (资格认 / 证). */
function lonelyCharacters(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('h1, h2, h3, button, a.primary, a.secondary, label')]
      .filter((e) => e.offsetParent !== null)
      .flatMap((e) => {
        // The boxes of its words, then lines: a box below the line before starts a new one.
        const boxes = [];
        const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.textContent.trim() || node.parentElement.closest('.visually-hidden')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          boxes.push(...[...range.getClientRects()].filter((r) => r.width > 0));
        }
        boxes.sort((a, b) => a.top - b.top);
        const lines = [];
        for (const box of boxes) {
          const line = lines.at(-1);
          if (line && box.top < line.bottom - 2) {
            line.width += box.width;
            line.bottom = Math.max(line.bottom, box.bottom);
          } else lines.push({ width: box.width, bottom: box.bottom });
        }
        const size = parseFloat(getComputedStyle(e).fontSize);
        return lines.length > 1 && lines.at(-1).width < size * 1.5 ? [e.textContent.trim().slice(0, 20)] : [];
      }),
  );
}

/** Where a chosen answer is not told from the others by ≥ 3:1 in its colour and by a ✓. */
function unclearChoices(page) {
  return page.evaluate(() => {
    const background = (element) => {
      for (let e = element; e; e = e.parentElement) {
        const colour = getComputedStyle(e).backgroundColor;
        const [r, g, b, a = 1] = colour.match(/[\d.]+/g).map(Number);
        if (a > 0) return [r, g, b];
      }
      return [255, 255, 255];
    };
    const luminance = ([r, g, b]) => {
      const linear = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    const problems = [];
    for (const fieldset of document.querySelectorAll('fieldset')) {
      const choices = [...fieldset.querySelectorAll('label')].filter((l) => l.querySelector('input[type=radio], input[type=checkbox]'));
      const chosen = choices.filter((l) => l.querySelector('input:checked'));
      const other = choices.find((l) => !l.querySelector('input:checked'));
      for (const label of chosen) {
        if (!label.textContent.includes('✓')) problems.push(`${label.textContent.trim()}: no ✓`);
        if (other && ratio(background(label), background(other)) < 3) {
          problems.push(`${label.textContent.trim()}: ${ratio(background(label), background(other)).toFixed(2)}:1`);
        }
      }
    }
    return problems;
  });
}

const measured = SCREENS.filter((s) => !s.kiosk && !s.name.startsWith('gallery'));

test(`the screens are drawn by ${ENGINE}`, async () => {
  const context = await shared.browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(shared.vite.url);
  const agent = await page.evaluate('navigator.userAgent');
  assert.equal(/Chrome\//.test(agent), ENGINE === 'chromium', agent);
  await context.close();
});

for (const screen of measured) {
  describe(`${screen.name} at 1280 × 800 in ${ENGINE}`, () => {
    const opened = {};
    before(async () => {
      Object.assign(opened, await showScreen(shared.browser, shared.vite.url, screen, {
        theme: THEMES[0],
        size: ALL_SIZES[0],
        ...VIEWPORT,
      }));
    });
    after(async () => {
      await opened.context?.close();
    });

    for (const size of ALL_SIZES) {
      test(`main action on the first screen, roomy buttons, icons as big as the words, clear choices, no hidden words, no lone characters at ${size} text`, async () => {
        for (const theme of THEMES) {
          await opened.page.evaluate(
            ([t, s]) => {
              Object.assign(document.documentElement.dataset, { theme: t, textSize: s });
              window.scrollTo(0, 0);
            },
            [theme, size],
          );
          const box = await mainActionBox(opened.page, screen);
          assert.ok(box, `${screen.name}: no main action drawn (name it with \`main\` in screen-list.mjs)`);
          assert.ok(
            box.y >= 0 && box.y + box.height <= VIEWPORT.height,
            `${screen.name} in ${theme}: the main action is at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px`,
          );
          assert.deepEqual(await crampedButtons(opened.page), [], `${screen.name} in ${theme}: words crowd the edges`);
          assert.deepEqual(await smallIcons(opened.page), [], `${screen.name} in ${theme}: icons smaller than the text`);
          assert.deepEqual(await unclearChoices(opened.page), [], `${screen.name} in ${theme}: a chosen answer looks like the others`);
          assert.deepEqual(await hiddenWords(opened.page), [], `${screen.name} in ${theme}: words hidden`);
          assert.deepEqual(await lonelyCharacters(opened.page), [], `${screen.name} in ${theme}: a character alone on its line`);
        }
      });
    }
  });
}
