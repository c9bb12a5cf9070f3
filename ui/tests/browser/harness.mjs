// Shared set-up of the browser suite: the UI served by Vite, Debian's Chromium, Tauri IPC mocked.

import { mkdirSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const uiRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Catalog items the mocked `catalog_items` command returns. */
export const catalogFixture = JSON.parse(
  readFileSync(new URL('./fixtures/catalog.json', import.meta.url), 'utf8'),
);

/** Where a screenshot named `name` goes: the workspace's target/browser, for people to look at. */
export function screenshotPath(name) {
  const dir = fileURLToPath(new URL('../../../target/browser/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** The axe rule tags every screen must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Starts Vite's dev server on a free loopback port. */
export async function startVite() {
  const server = await createServer({
    root: uiRoot,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer.address();
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Launches Debian's Chromium headless; never a downloaded browser. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The queue when nothing waits. */
export const EMPTY_QUEUE = { waiting: 0, sent: 0, needs_attention: 0, sentence: '' };

/**
 * A page whose Tauri IPC is mocked: `catalog_items` answers with the fixture (marked as the saved
 * copy when `offline` is set), or rejects with the shell's error shape when `failCatalog` is set;
 * `queue_summary` answers with `queue`, `store_status` with `storeNotice`, `preferences_get` with the
 * defaults (first run done) overlaid by `preferences`; `preferences_set` keeps what it is given (also in
 * `window.__savedPreferences`); `speech_speak` keeps the text in `window.__spoken`; event listens succeed.
 */
export async function openPage(
  browser,
  {
    width = 1100,
    height = 800,
    failCatalog = false,
    offline = false,
    queue = EMPTY_QUEUE,
    storeNotice = null,
    preferences = {},
  } = {},
) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  await context.addInitScript(
    ({ items, fail, offline, queue, storeNotice, preferences }) => {
      let saved = {
        text_size: 'standard',
        theme: 'system',
        read_aloud: false,
        speech_rate: 'normal',
        first_run_done: true,
        ...preferences,
      };
      const answers = {
        catalog_search: ({ query }) =>
          items.filter(
            (i) => i.name.includes(query) || (query === 'yanglao' && i.name.includes('养老')),
          ),
        inbox: () => ({
          unread: 1,
          messages: [
            {
              message_id: 2,
              title: '高龄津贴申领：已受理',
              body: '您的申请已经受理，需要15个工作日办好。',
              application_no: '110101202611250001',
              request_no: null,
              created_at: '2026-11-25T09:30:00+08:00',
              read: false,
            },
            {
              message_id: 1,
              title: '高龄津贴申领：已提交',
              body: '您的申请已经送到办事平台，办件编号110101202611250001。',
              application_no: '110101202611250001',
              request_no: null,
              created_at: '2026-11-24T16:02:00+08:00',
              read: true,
            },
          ],
        }),
        message_read: () => null,
        wallet_licences: () => WALLET,
        wallet_licence_qr: () =>
          '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" fill="#fff"/><rect x="20" y="20" width="60" height="60"/></svg>',
        session_status: () => ({ logged_in: false }),
        login_request_code: () => ({ expires_in: 600, resend_after: 60 }),
        login_with_code: () => ({ account_id: 'c-demo-zhang', role: 'citizen' }),
        logout: () => null,
        speech_speak: (args) => {
          window.__spoken = [...(window.__spoken ?? []), args.text];
          return null;
        },
        speech_stop: () => null,
        preferences_get: () => saved,
        preferences_set: (args) => {
          saved = args.preferences;
          window.__savedPreferences = saved;
          return null;
        },
        queue_summary: () => queue,
        store_status: () => ({ kept_here: storeNotice === null, notice: storeNotice }),
        'plugin:event|listen': () => 1,
        'plugin:event|unlisten': () => null,
        catalog_items: () => {
          if (fail) {
            throw {
              code: 'error-platform-unreachable',
              message: '暂时连不上办事平台。请看看网络是否连通，稍后再试一次。',
            };
          }
          return { items, offline };
        },
      };
      const WALLET = [
        {
          licence: {
            licence_no: 'DEMO-LICENCE-1',
            licence_type: '老年人优待证',
            holder_name: '张秀英',
            holder_id_number: '11010119440315102X',
            issuer: { name: '北京市东城区民政局', credit_code: '111101014001000200' },
            issued_on: '2026-01-05',
            valid_from: '2026-01-05',
            valid_to: null,
            fields: { 优待项目: '免费乘坐公交' },
          },
          verified: true,
          problem: null,
        },
        {
          licence: {
            licence_no: 'DEMO-LICENCE-2',
            licence_type: '残疾人证',
            holder_name: '张秀英',
            holder_id_number: '11010119440315102X',
            issuer: { name: '北京市东城区残疾人联合会', credit_code: '111101014001000300' },
            issued_on: '2020-03-01',
            valid_from: '2020-03-01',
            valid_to: '2025-03-01',
            fields: {},
          },
          verified: false,
          problem: '这个证照已经过了有效期，请到发证部门换领。',
        },
      ];
      window.__TAURI_INTERNALS__ = {
        metadata: { currentWindow: { label: 'main' }, currentWebview: { label: 'main' } },
        transformCallback: () => 0,
        invoke: async (cmd, args) => {
          const answer = answers[cmd];
          if (!answer) throw { code: 'error-unknown', message: `unmocked ${cmd}` };
          return answer(args);
        },
      };
      window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: () => {} };
    },
    { items: catalogFixture, fail: failCatalog, offline, queue, storeNotice, preferences },
  );
  const page = await context.newPage();
  return { context, page };
}

/**
 * Starts Vite and Debian's Chromium before a test file's tests and stops them after; the returned
 * object holds them as `vite` and `browser` once started.
 */
export function withBrowser() {
  const shared = {};
  before(async () => {
    shared.vite = await startVite();
    shared.browser = await launchChromium();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.vite?.server.close();
  });
  return shared;
}

/** Runs axe with Huiban's tags and returns the violations in a readable form. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** The three themes, as drawn. */
export const THEMES = ['light', 'dark_contrast', 'light_contrast'];
/** The smallest and largest text sizes. */
export const SIZES = ['standard', 'largest'];
const WAITING = {
  waiting: 2,
  sent: 0,
  needs_attention: 0,
  sentence: '有2份申请等待发送，联网后会自动提交。',
};

/** Every screen there is, with what it needs to be shown. */
export const SCREENS = [
  { name: 'home', hash: '#/' },
  { name: 'notices', hash: '#/', options: { queue: WAITING, storeNotice: '本机保存的资料打不开了。' } },
  { name: 'catalog', hash: '#/apply', ready: 'heading-2' },
  { name: 'catalog-offline', hash: '#/apply', options: { offline: true }, ready: 'heading-2' },
  { name: 'catalog-unreachable', hash: '#/apply', options: { failCatalog: true }, ready: 'alert' },
  { name: 'coming-soon', hash: '#/progress' },
  { name: 'settings', hash: '#/settings' },
  { name: 'first-run', hash: '#/', preferences: { first_run_done: false } },
  { name: 'login', hash: '#/login' },
  { name: 'licences', hash: '#/licences', ready: 'heading-2' },
  { name: 'messages', hash: '#/messages', ready: 'heading-2' },
  { name: 'licence', hash: '#/licences/DEMO-LICENCE-1', ready: 'heading-2' },
  { name: 'item', hash: '#/apply/110101020001050040000000', ready: 'heading-2' },
  { name: 'gallery', hash: '#/gallery' },
  { name: 'gallery-question', hash: '#/gallery/question' },
];

/** Opens `screen` in `theme` at text `size` and waits until it is drawn. */
export async function showScreen(browser, baseUrl, screen, { theme, size, width = 1100, height = 800 }) {
  const { context, page } = await openPage(browser, {
    width,
    height,
    ...screen.options,
    preferences: { theme, text_size: size, ...screen.preferences },
  });
  await page.goto(`${baseUrl}${screen.hash}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  if (screen.ready === 'heading-2') await page.getByRole('heading', { level: 2 }).first().waitFor();
  if (screen.ready === 'alert') await page.getByRole('alert').waitFor();
  return { context, page };
}
