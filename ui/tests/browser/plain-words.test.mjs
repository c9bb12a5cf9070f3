// Plain words on every screen a citizen sees (the main window's and the kiosk's): no official term
// of the glossary (locales/zh-CN/glossary.ftl, e.g. 受理, 办结, 办件编号, 撤回) appears, except in
// brackets right after its plain words — 查进度用的编号（办件编号）, the name she may be asked for on
// the phone. What a department wrote in its own words (a step's remark, what it asks for) is shown
// as written and marked `data-their-words`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { withBrowser } from './harness.mjs';
import { SCREENS, showScreen } from './screen-list.mjs';

const shared = withBrowser();

/** The official terms, as the glossary names them. */
export const TERMS = [
  ...readFileSync(new URL('../../../locales/zh-CN/glossary.ftl', import.meta.url), 'utf8').matchAll(
    /^\s+\.term = (.+)$/gm,
  ),
].map((match) => match[1].trim());

/** The terms in `text`, after the bracketed ones that name what the words before them explain. */
export function termsIn(text) {
  const unbracketed = text.replace(/（[^（）]*）/g, (bracketed) =>
    TERMS.some((term) => bracketed.includes(term)) ? '' : bracketed,
  );
  return TERMS.filter((term) => unbracketed.includes(term));
}

/** Every word drawn on the page or there for screen readers, but a department's own words. */
function wordsShown(page) {
  return page.evaluate(() => {
    const words = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement;
      if (!holder || holder.closest('[data-their-words], script, style, [hidden]')) continue;
      if (holder.closest('.visually-hidden') || holder.getClientRects().length > 0) {
        words.push(node.textContent);
      }
    }
    return words.join('\n');
  });
}

const CITIZEN_SCREENS = SCREENS.filter(
  (screen) => !screen.path?.startsWith('staff') && !screen.name.startsWith('gallery'),
);

describe('plain words', () => {
  test('the glossary names the terms it replaces', () => {
    assert.ok(TERMS.includes('办件编号') && TERMS.includes('受理'), TERMS.join(' '));
    assert.deepEqual(termsIn('查进度用的编号（办件编号）：110101'), []);
    assert.deepEqual(termsIn('已受理（还没到）'), ['受理']);
  });

  for (const screen of CITIZEN_SCREENS) {
    test(`${screen.name} speaks plainly`, async () => {
      const { context, page } = await showScreen(shared.browser, shared.vite.url, screen, {
        theme: 'light',
        size: 'standard',
      });
      try {
        const words = await wordsShown(page);
        const found = termsIn(words);
        assert.deepEqual(found, [], `${screen.name} shows ${found.join('、')}:\n${words}`);
      } finally {
        await context.close();
      }
    });
  }
});
