// `cargo xtask screenshots`: a PNG of every screen at all four text sizes in the light theme, and in the
// other themes at the smallest and largest (a kiosk's on its touch screen standing and lying), into
// the directory given (docs/screenshots/screens by default), for people to look at.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startVite } from './harness.mjs';
import { ALL_SIZES, KIOSK_VIEWPORTS, SCREENS, SIZES, THEMES, showScreen } from './screen-list.mjs';

const out = process.argv[2] ?? 'docs/screenshots/screens';
// An optional second argument draws only the screens whose names begin with it (e.g. `staff`).
const only = process.argv[3] ?? '';
mkdirSync(out, { recursive: true });
const vite = await startVite();
const browser = await launchChromium();
let written = 0;
try {
  for (const screen of SCREENS.filter((s) => s.name.startsWith(only))) {
    for (const theme of THEMES) {
      for (const size of theme === 'light' ? ALL_SIZES : SIZES) {
        // A kiosk's screens on its touch screen standing and lying; the others in a window.
        const drawnOn = screen.kiosk ? Object.entries(KIOSK_VIEWPORTS) : [['', {}]];
        for (const [orientation, viewport] of drawnOn) {
          const { context, page } = await showScreen(browser, vite.url, screen, { theme, size, ...viewport });
          const suffix = orientation ? `-${orientation}` : '';
          // The window made as tall as the page, so that an action bar kept at the window's foot is
          // drawn where it rests at the page's end, not over the middle of a long page.
          const tall = await page.evaluate(() => document.documentElement.scrollHeight);
          const { width } = page.viewportSize();
          if (tall > page.viewportSize().height) await page.setViewportSize({ width, height: tall });
          await page.screenshot({ path: join(out, `${screen.name}-${theme}-${size}${suffix}.png`), fullPage: true });
          await context.close();
          written += 1;
        }
      }
    }
  }
} finally {
  await browser.close();
  await vite.server.close();
}
console.log(`${written} screenshots in ${out}`);
