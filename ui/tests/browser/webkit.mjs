// WebKitGTK — the engine the app's own window draws with on Linux — driven through Debian's
// WebKitWebDriver and its MiniBrowser, behind the few Playwright calls the screen suites make
// (a context with init scripts, a page, role/text/CSS locators, evaluate, click, the mouse), so that
// the same measurements run in both engines. The W3C WebDriver protocol is spoken over `fetch`: the
// npm clients bring browser-driver downloaders this machine must not run.

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';

/** The engine the suites run in: Debian's Chromium, or WebKitGTK (the app's own) when
 * `HUIBAN_BROWSER=webkit`. */
export const ENGINE = process.env.HUIBAN_BROWSER === 'webkit' ? 'webkit' : 'chromium';

/** Testing Library's DOM queries (roles and accessible names as assistive technology computes them),
 * put into each page the suite looks at. */
const ROLE_QUERIES = readFileSync(
  createRequire(import.meta.url).resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'),
  'utf8',
);

/** Debian's MiniBrowser: WebKitGTK's own small browser, started by WebKitWebDriver. */
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The key a WebDriver element reference is kept under. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecc';

/** Scripts to run in a page before its own, by the token its address carries (`?harness=`). */
const INIT_SCRIPTS = new Map();
let tokens = 0;

/** A Vite plugin: the preview server puts the init scripts a page's address names (`?harness=`) at
 * the top of the page it serves from `dist`, before the app's own scripts, as Playwright's
 * `addInitScript` does in Chromium. */
export function initScriptsServed(dist) {
  return {
    name: 'huiban-init-scripts',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const address = new URL(request.url, 'http://localhost');
        const scripts = INIT_SCRIPTS.get(address.searchParams.get('harness'));
        if (scripts === undefined) return next();
        const file = address.pathname === '/' ? 'index.html' : address.pathname.slice(1);
        const page = readFileSync(join(dist, file), 'utf8');
        // `</script>` inside a fixture's string would end the script early.
        const script = `<script>${scripts.replaceAll('</script', '<\\/script')}</script>`;
        response.setHeader('content-type', 'text/html; charset=utf-8');
        response.end(page.replace('<head>', `<head>${script}`));
      });
    },
  };
}

/** A free loopback port. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** One WebDriver session: commands sent over HTTP, errors thrown with WebDriver's words. */
class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  async send(method, path, body) {
    const response = await fetch(`${this.base}/session/${this.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${path}: ${value?.error}: ${value?.message}`);
    return value;
  }

  /** Runs `body` (a function body) with `args` in the page; a promise it returns is awaited. */
  execute(body, args = []) {
    return this.send('POST', '/execute/sync', { script: body, args });
  }
}

/** The Playwright-like browser: one MiniBrowser window, reused by every context in turn. */
export async function launchWebKit() {
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  let created;
  for (let tries = 0; tries < 100 && !created; tries += 1) {
    try {
      created = await fetch(`${base}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          capabilities: {
            alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } },
          },
        }),
      }).then((r) => r.json());
    } catch {
      await sleep(100);
    }
  }
  if (!created?.value?.sessionId) {
    driver.kill();
    throw new Error(`WebKitWebDriver gave no session: ${JSON.stringify(created)}`);
  }
  const session = new Session(base, created.value.sessionId);
  return {
    newContext: async ({ viewport }) => new Context(session, viewport),
    close: async () => {
      await session.send('DELETE', '').catch(() => {});
      driver.kill();
    },
  };
}

/** A context: the init scripts and the viewport of the pages it opens. */
class Context {
  constructor(session, viewport) {
    this.session = session;
    this.viewport = viewport;
    this.scripts = [];
  }

  async addInitScript(script, arg) {
    this.scripts.push(`(${script.toString()})(${JSON.stringify(arg ?? null)});`);
  }

  async newPage() {
    await fitViewport(this.session, this.viewport);
    return new Page(this.session, this.scripts);
  }

  async close() {
    await this.session.send('POST', '/url', { url: 'about:blank' });
  }
}

/** Sizes the window so that the page inside it (below MiniBrowser's toolbar) is `width` × `height`. */
async function fitViewport(session, { width, height }) {
  for (let tries = 0; tries < 20; tries += 1) {
    const [innerWidth, innerHeight] = await session.execute('return [innerWidth, innerHeight];');
    if (innerWidth === width && innerHeight === height) return;
    // The toolbar's height is what the page lacks; the window takes a moment to follow.
    const rect = await session.send('GET', '/window/rect');
    await session.send('POST', '/window/rect', {
      width: rect.width + width - innerWidth,
      height: rect.height + height - innerHeight,
    });
    await sleep(50);
  }
  throw new Error(`MiniBrowser would not draw a ${width} × ${height} page`);
}

/** What finds a locator's elements in the page: `steps` narrow from the document, each within the
 * last (`role`, `text`, `css` with Playwright's `:visible`), `nth` picks one. */
function findElements(steps, nth) {
  const { queryAllByRole } = window.TestingLibraryDom;
  const visible = (e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  let found = [document.documentElement];
  for (const step of steps) {
    found = found.flatMap((within) => {
      if (step.kind === 'role') {
        const wanted = step.name;
        const name =
          wanted === undefined
            ? undefined
            : step.exact
              ? (actual) => actual.replace(/\s+/g, ' ').trim() === wanted
              : (actual) => actual.toLowerCase().includes(wanted.toLowerCase());
        const byRole = queryAllByRole(within, step.role, { name, level: step.level });
        // A password box has no role in ARIA; Playwright counts it as a textbox, and so does this.
        const passwords =
          step.role === 'textbox' && wanted === undefined
            ? [...within.querySelectorAll('input[type=password]')].filter(visible)
            : [];
        return [...byRole, ...passwords];
      }
      if (step.kind === 'text') {
        // The smallest elements whose words hold the text, as Playwright's getByText finds them.
        return [...within.querySelectorAll('*')].filter(
          (e) =>
            visible(e) &&
            e.textContent.includes(step.text) &&
            ![...e.children].some((c) => c.textContent.includes(step.text)),
        );
      }
      const onlyVisible = step.css.includes(':visible');
      const all = [...within.querySelectorAll(step.css.replaceAll(':visible', ''))];
      return onlyVisible ? all.filter(visible) : all;
    });
  }
  return nth === null ? found : found.slice(nth, nth + 1);
}

/** A page in the MiniBrowser window. */
class Page {
  constructor(session, scripts) {
    this.session = session;
    this.scripts = scripts;
    this.mouse = new Mouse(session);
  }

  on() {}

  async goto(url) {
    const token = `t${(tokens += 1)}`;
    INIT_SCRIPTS.set(token, this.scripts.join('\n'));
    const [address, hash = ''] = url.split('#');
    const joiner = address.includes('?') ? '&' : '?';
    await this.session.send('POST', '/url', { url: `${address}${joiner}harness=${token}${hash ? `#${hash}` : ''}` });
  }

  async evaluate(script, arg) {
    if (typeof script === 'string') return this.session.execute(`return ${script};`);
    return this.session.execute(`return (${script.toString()})(arguments[0]);`, [arg ?? null]);
  }

  getByRole(role, { name, exact = false, level } = {}) {
    return new Locator(this, [{ kind: 'role', role, name, exact, level }]);
  }

  getByText(text) {
    return new Locator(this, [{ kind: 'text', text }]);
  }

  locator(css) {
    return new Locator(this, [{ kind: 'css', css }]);
  }
}

/** Elements found anew each time they are used, as Playwright's locators are. */
class Locator {
  constructor(page, steps, nth = null) {
    this.page = page;
    this.steps = steps;
    this.nth = nth;
  }

  getByRole(role, named = {}) {
    const [step] = this.page.getByRole(role, named).steps;
    return new Locator(this.page, [...this.steps, step], null);
  }

  getByText(text) {
    return new Locator(this.page, [...this.steps, { kind: 'text', text }], null);
  }

  first() {
    return new Locator(this.page, this.steps, 0);
  }

  /** The elements as WebDriver references. */
  async elements() {
    const session = this.page.session;
    const ready = await session.execute("return 'TestingLibraryDom' in window;");
    if (!ready) await session.execute(`${ROLE_QUERIES}; window.TestingLibraryDom = TestingLibraryDom;`);
    return session.execute(`return (${findElements.toString()})(arguments[0], arguments[1]);`, [
      this.steps,
      this.nth,
    ]);
  }

  async count() {
    return (await this.elements()).length;
  }

  /** Waits up to ten seconds for the element to be drawn. */
  async waitFor() {
    for (let tries = 0; tries < 100; tries += 1) {
      const [element] = await this.elements().catch(() => []);
      if (element && (await this.page.session.execute(
        'const b = arguments[0].getBoundingClientRect(); return b.width > 0 && b.height > 0;',
        [element],
      ))) {
        return;
      }
      await sleep(100);
    }
    throw new Error(`not drawn within 10 s: ${JSON.stringify(this.steps)}`);
  }

  async one() {
    await this.waitFor();
    const [element] = await this.elements();
    return element;
  }

  async boundingBox() {
    const [element] = await this.elements();
    if (!element) return null;
    return this.page.session.execute(
      'const b = arguments[0].getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height };',
      [element],
    );
  }

  /** A real click where WebDriver can make one; on a control drawn under its label, the label's. */
  async click() {
    const element = await this.one();
    try {
      await this.page.session.send('POST', `/element/${element[ELEMENT]}/click`, {});
    } catch {
      await this.page.session.execute('(arguments[0].closest("label") ?? arguments[0]).click();', [element]);
    }
  }

  async check() {
    await this.click();
  }

  /** Puts `text` in the field in place of what is there, telling the page as typing would. */
  async fill(text) {
    const element = await this.one();
    await this.page.session.execute(
      `const field = arguments[0];
       Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set.call(field, arguments[1]);
       field.dispatchEvent(new Event('input', { bubbles: true }));`,
      [element, text],
    );
  }

  async scrollIntoViewIfNeeded() {
    const element = await this.one();
    await this.page.session.execute("arguments[0].scrollIntoView({ block: 'center' });", [element]);
  }
}

/** The pointer, moved and pressed with WebDriver's actions. */
class Mouse {
  constructor(session) {
    this.session = session;
    this.at = { x: 0, y: 0 };
  }

  perform(actions) {
    return this.session.send('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  async move(x, y, { steps = 1 } = {}) {
    const from = this.at;
    const moves = Array.from({ length: steps }, (_, i) => ({
      type: 'pointerMove',
      origin: 'viewport',
      duration: 20,
      x: Math.round(from.x + ((x - from.x) * (i + 1)) / steps),
      y: Math.round(from.y + ((y - from.y) * (i + 1)) / steps),
    }));
    this.at = { x, y };
    await this.perform(moves);
  }

  down() {
    return this.perform([{ type: 'pointerDown', button: 0 }]);
  }

  up() {
    return this.perform([{ type: 'pointerUp', button: 0 }]);
  }
}
