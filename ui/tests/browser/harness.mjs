// Shared set-up of the browser suite: the built UI served by Vite's preview server, Debian's Chromium,
// Tauri IPC mocked.

import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { after, before } from 'node:test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import axe from 'axe-core';

const uiRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The catalog the mocked `catalog_items` command returns, recorded from core over the demo items
 * (`crates/core/tests/ui_fixtures.rs` fails when it is stale). */
export const catalogFixture = JSON.parse(readFileSync(new URL('./fixtures/catalog.json', import.meta.url), 'utf8'));

/** The form the mocked draft commands answer with: one question of most kinds. */
export const formFixture = JSON.parse(
  readFileSync(new URL('./fixtures/form.json', import.meta.url), 'utf8'),
);

/** The draft the question pages open with (`answers`), and what completes it for 核对 (`to_complete`). */
export const draftFixture = JSON.parse(
  readFileSync(new URL('./fixtures/draft.json', import.meta.url), 'utf8'),
);

/** What core answers about the form and the draft (核对, a group's items, the place list), recorded
 * by `crates/core/tests/ui_fixtures.rs` and replayed by argument; an unrecorded call fails plainly. */
const formAnswersFixture = JSON.parse(
  readFileSync(new URL('./fixtures/form-answers.json', import.meta.url), 'utf8'),
);

/** Cases the mocked `cases`, `case_detail` and `case_receipt` commands answer with: core's views of the platform's
 * copies in `fixtures/platform-copies.json`, recorded by `crates/core/tests/ui_fixtures.rs`. */
export const casesFixture = JSON.parse(
  readFileSync(new URL('./fixtures/cases.json', import.meta.url), 'utf8'),
);

/** Home and 我没办完的事 as the mocked `home` and `drafts_unfinished` answer for 张秀英 logged in:
 * core's views of the cases and requests above and the harness's draft, recorded the same way. */
const homeFixture = JSON.parse(
  readFileSync(new URL('./fixtures/home.json', import.meta.url), 'utf8'),
);
/** The page after sending, as core words it, and the QR codes core draws (recorded by
 * `crates/core/tests/ui_fixtures.rs`). */
const sentFixture = JSON.parse(
  readFileSync(new URL('./fixtures/sent.json', import.meta.url), 'utf8'),
);

/** Requests the mocked `requests` and `request_detail` commands answer with, recorded the same way. */
export const requestsFixture = JSON.parse(
  readFileSync(new URL('./fixtures/requests.json', import.meta.url), 'utf8'),
);

/** The centre's figures the mocked `centre_figures` command answers with: core's view of the
 * platform's counts in `fixtures/centre-figures.json`, recorded the same way. */
export const figuresFixture = JSON.parse(
  readFileSync(new URL('./fixtures/figures.json', import.meta.url), 'utf8'),
);

/** Where a screenshot named `name` goes: the workspace's target/browser, for people to look at. */
export function screenshotPath(name) {
  const dir = fileURLToPath(new URL('../../../target/browser/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** The axe rule tags every screen must pass. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag2aaa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The newest change time under `path` (a file or a folder, walked). */
function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), 0);
}

/** What the built UI is made of: when one of these is newer than `dist`, the build is stale. */
import {
  ASSISTED_OPEN,
  COUNTER_DAY,
  MANAGER_AT_WORK,
  STAFF_AT_WORK,
  STAFF_LOGGED_OUT,
} from './staff-fixtures.mjs';
import { HELP, RELATIVES, installHelpCommands } from './help-commands.mjs';
import { KIOSK_LOGIN_CODE, installKioskCommands } from './kiosk-commands.mjs';
import { installStaffCommands } from './staff-commands.mjs';
import { ENGINE, initScriptsServed, launchWebKit } from './webkit.mjs';

export { ASSISTED_OPEN, ENGINE, MANAGER_AT_WORK, STAFF_AT_WORK, STAFF_LOGGED_OUT };

const UI_SOURCES = ['src', 'public', 'index.html', 'staff.html', 'vite.config.ts', 'svelte.config.js', 'package-lock.json', '../locales'];

/** Builds `dist` when it is missing or older than the UI's sources (`cargo xtask test` has built it). */
async function ensureBuilt() {
  const built = join(uiRoot, 'dist', 'index.html');
  const sources = Math.max(...UI_SOURCES.map((source) => newestChange(join(uiRoot, source))));
  // The suite shows the component gallery too: a build without it (a release build) is redone.
  const assets = join(uiRoot, 'dist', 'assets');
  const withGallery = existsSync(assets) && readdirSync(assets).some((file) => file.startsWith('Gallery'));
  if (existsSync(built) && statSync(built).mtimeMs >= sources && withGallery) return;
  process.env.VITE_HUIBAN_GALLERY = '1';
  await build({ root: uiRoot, logLevel: 'error' });
}

/** Serves the built UI (what the app embeds) on a free loopback port: a page loads one bundle, so
 * each of the suite's hundreds of pages opens in a fraction of the dev server's time. */
export async function startVite() {
  await ensureBuilt();
  const server = await preview({
    root: uiRoot,
    logLevel: 'error',
    plugins: [initScriptsServed(join(uiRoot, 'dist'))],
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const address = server.httpServer.address();
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** The script WebDriver runs in WebKit to find words drawn under something else or cut off. */
const HIDDEN_WORDS = readFileSync(new URL('../../../tests/e2e/src/scripts/hidden_words.js', import.meta.url), 'utf8');

/** Words on `page` drawn under something else, or cut off by their box, each said in a line. */
export function hiddenWords(page) {
  return page.evaluate(`(() => {${HIDDEN_WORDS}})()`);
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
    loggedIn = false,
    submission = 'sent',
    draftAnswers = {},
    formUpdated = null,
    suggestions = {},
    licenceType = null,
    unsent = { drafts: 0, waiting: 0, refused: 0, nothing: true },
    staff = null,
    assisted = null,
    kiosk = null,
    kioskCalls = [],
    callBacks = [],
    helpAsked = false,
    family = null,
    relatives = null,
    speech = true,
  } = {},
) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  await context.addInitScript(installKioskCommands, { kiosk, loginCode: KIOSK_LOGIN_CODE });
  const help = { help: HELP, loggedIn, asked: helpAsked, family, relativesFixture: RELATIVES, relatives, speech };
  await context.addInitScript(installHelpCommands, help);
  await context.addInitScript(installStaffCommands, {
    staff: { ...STAFF_LOGGED_OUT, ...staff },
    staffAtWork: STAFF_AT_WORK,
    staffLoggedOut: STAFF_LOGGED_OUT,
    assisted,
    assistedOpen: ASSISTED_OPEN,
    counterDay: COUNTER_DAY,
    figures: figuresFixture,
    waiting: queue.waiting,
    kioskCalls,
    callBacks,
  });
  await context.addInitScript(
    ({
      catalog,
      fail,
      offline,
      queue,
      storeNotice,
      preferences,
      loggedIn,
      submission,
      form,
      cases,
      requestsList,
      homeView,
      sent,
      atKiosk,
      recorded,
      draftAnswers,
      formUpdated,
      suggestions,
      licenceType,
      unsent,
      counterDay,
    }) => {
      const items = catalog.items;
      // The licence question takes only licences of this type, when one is given.
      if (licenceType) {
        const asked = form.questions.find((q) => q.id === 'licence');
        asked.licence_type = licenceType;
        asked.label = `请选择您的电子${licenceType}`;
      }
      const draft = {
        draft_id: 'D1',
        impl_code: items[0].impl_code,
        form_id: form.form_id,
        form_version: form.version,
        answers: { ...draftAnswers },
        set_aside: {},
      };
      // JSON with its keys in order, so that two values compare as core's maps do.
      const canonical = (value) =>
        JSON.stringify(value ?? null, (_, v) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
            : v,
        );
      // What core answered for `key`, as ui_fixtures.rs recorded it; a call it did not record fails
      // in plain words (and on the console) rather than being made up here.
      const replay = (command, entries, key, value) => {
        const found = entries.find((entry) => canonical(key(entry)) === canonical(value));
        if (found) return found;
        const message = `${command}: nothing recorded for ${canonical(value)}; add it to crates/core/tests/ui_fixtures.rs`;
        console.error(message);
        throw { code: 'error-unrecorded', message };
      };
      const asked = () =>
        form.questions.filter(
          (q) => !q.show_if || draft.answers[q.show_if.question] === q.show_if.equals,
        );
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
              title: '申请已经收下',
              body: '您的“高龄津贴申领”申请已经收下，预计2026年12月16日前办好。',
              application_no: '110101202611250001',
              request_no: null,
              created_at: '2026-11-25T09:30:00+08:00',
              read: false,
              date_words: '2026年11月25日',
            },
            {
              message_id: 1,
              title: '申请已经送到',
              body: '您的“高龄津贴申领”申请已经送到，查进度用的编号是110101202611250001。',
              application_no: '110101202611250001',
              request_no: null,
              created_at: '2026-11-24T16:02:00+08:00',
              read: true,
              date_words: '2026年11月24日',
            },
          ],
        }),
        message_read: () => null,
        wallet_licences: () => WALLET,
        // What core's wallet offers a licence question (its rule is tested in core).
        wallet_licences_offered: ({ licenceType }) =>
          WALLET.filter((e) => e.verified && (!licenceType || e.licence.licence_type === licenceType)),
        wallet_licence_qr: () => sent.licence_qr,
        session_status: () => ({ logged_in: loggedIn }),
        draft_list: () => [],
        draft_start: () => draft,
        draft_page: ({ questionId }) => {
          const ids = asked().map((q) => q.id);
          // Core names the signer on a signature question: her name as answered.
          const signer = form.questions.find((q) => q.id === questionId)?.kind === 'signature' ? draft.answers.applicant_name ?? null : null;
          return { opened: { draft, form, suggestions }, before: ids[ids.indexOf(questionId) - 1] ?? null, signer };
        },
        draft_next: ({ questionId, value }) => {
          draft.answers[questionId] = value;
          if (value === null || value === '') {
            return { problem: { rule: 'required', message: '请填写“您的姓名”，填好后再点“下一步”。' }, next: null };
          }
          const ids = asked().map((q) => q.id);
          return { problem: null, next: ids[ids.indexOf(questionId) + 1] ?? null };
        },
        regions: ({ code }) => replay('regions', recorded.regions, (e) => e.code, code ?? null).choices,
        group_items: ({ groupId, value }) =>
          replay('group_items', recorded.group_items, (e) => [e.group_id, e.value], [groupId, value]).items,
        draft_item_page: ({ groupId, questionId }) => {
          const ids = form.questions.find((q) => q.id === groupId).questions.map((q) => q.id);
          // Core names the signer on a signature question: her name as answered.
          const signer = form.questions.find((q) => q.id === questionId)?.kind === 'signature' ? draft.answers.applicant_name ?? null : null;
          return { opened: { draft, form, suggestions }, before: ids[ids.indexOf(questionId) - 1] ?? null, signer };
        },
        draft_item_next: ({ groupId, index, questionId, items: list }) => {
          draft.answers[groupId] = list;
          const ids = form.questions.find((q) => q.id === groupId).questions.map((q) => q.id);
          const answer = list[index]?.[questionId];
          if (answer === undefined || answer === null || answer === '') {
            return { problem: { rule: { rule: 'required' }, message: '请填写这一项，填好后再点“下一步”。' }, next: null };
          }
          return { problem: null, next: ids[ids.indexOf(questionId) + 1] ?? null };
        },
        draft_item_step: ({ groupId, after, back }) => {
          const ids = form.questions.find((q) => q.id === groupId).questions.map((q) => q.id);
          if (after === null) return ids[0];
          const at = ids.indexOf(after);
          return (back ? ids[at - 1] : ids[at + 1]) ?? null;
        },
        region_path: ({ code }) => replay('region_path', recorded.region_path, (e) => e.code, code).path,
        draft_answer: ({ questionId, value }) => {
          draft.answers[questionId] = value;
          return null;
        },
        draft_step: ({ after, back }) => {
          const ids = asked().map((q) => q.id);
          if (after === null) return ids[0] ?? null;
          const at = ids.indexOf(after);
          return (back ? ids[at - 1] : ids[at + 1]) ?? null;
        },
        form_check_answer: ({ value }) =>
          value === null || value === '' ? { rule: 'required', message: '请填写“您的姓名”，填好后再点“下一步”。' } : null,
        // A draft moved on to a newer form version says so once (core words it; see its tests).
        draft_review: () => {
          const page = replay('draft_review', recorded.review, (e) => e.answers, draft.answers).page;
          return formUpdated ? { ...page, form_updated: formUpdated } : page;
        },
        draft_submit: () => ({ kind: 'queued', client_id: 'C1' }),
        submission_status: () =>
          submission === 'sent'
            ? { kind: 'application', impl_code: items[0].impl_code, item_name: items[0].name, state: 'sent', case_number: sent.case_number, problem: null, confirmation: sent.confirmation }
            : { kind: 'application', impl_code: items[0].impl_code, item_name: items[0].name, state: 'waiting', case_number: null, problem: null, confirmation: null },
        case_number_qr: () => sent.case_number_qr,
        attachment_keep: () => ({ sha256: 'a'.repeat(64), media_type: 'image/png', size: 10 }),
        cases: () => cases.map((c) => c.summary),
        // Core greets her by name except on a kiosk (its rule is tested in core).
        home: () =>
          loggedIn
            ? { ...homeView.home, ...(atKiosk ? { greeting: '您好，请选择要办的事' } : {}) }
            : { greeting: '您好，请选择要办的事', asks: [] },
        drafts_unfinished: () => (loggedIn ? homeView.unfinished : []),
        case_detail: ({ applicationNo }) =>
          cases.find((c) => c.summary.application_no === applicationNo)?.detail,
        case_receipt: ({ applicationNo }) =>
          cases.find((c) => c.summary.application_no === applicationNo)?.receipt,
        receipt_print: () => {
          window.__printed = (window.__printed ?? 0) + 1;
          return null;
        },
        receipt_save_pdf: ({ applicationNo }) => `/home/zhao/Documents/惠办回执/回执-${applicationNo}.pdf`,
        evaluation_levels: () =>
          ['非常满意', '满意', '基本满意', '不满意', '非常不满意'].map((name, i) => ({
            level: i + 1,
            name,
            needs_reason: i >= 3,
          })),
        case_evaluate: () => null,
        case_withdraw: () => null,
        case_supplement: (args) => {
          window.__supplement = args;
          return null;
        },
        case_asked_again: ({ applicationNo }) =>
          applicationNo === '110101202611240005'
            ? [
                {
                  form_id: form.form_id,
                  form_version: form.version,
                  question: form.questions.find((q) => q.id === 'phone') ?? {
                    id: 'phone',
                    kind: 'phone',
                    label: '您的手机号码是多少？',
                    required: true,
                  },
                  answer: '13800000001',
                },
              ]
            : [],
        requests: () => requestsList.map((r) => r.summary),
        request_detail: ({ requestNo }) =>
          requestsList.find((r) => r.summary.request_no === requestNo)?.detail,
        request_follow_up: () => null,
        request_evaluate: () => null,
        copies_refresh: () => ({ cases: cases.length, new_messages: 0, licences: 2 }),
        login_request_code: () => ({ expires_in: 600, resend_after: 60 }),
        login_with_code: () => ({ account_id: 'c-demo-zhang', role: 'citizen' }),
        logout: () => null,
        unsent: () => unsent,
        logins: () => [
          {
            login_id: 'f-1',
            place: '这台电脑（您正在用的）',
            since: '从2026年11月30日 08:10开始',
            current: true,
          },
          {
            login_id: 'f-2',
            place: '自助机：一层大厅1号自助机（东城区政务服务中心）',
            since: '从2026年11月30日 09:30开始',
            current: false,
          },
        ],
        acted_for_me: () => counterDay.actedForMe,
        acted_for_me_report: () => 'SQ20261201000001',
        login_end: () => {
          window.__ended = [...(window.__ended ?? []), 'f-2'];
          return null;
        },
        kiosk_asking: ({ code }) => {
          if (code.replace(/[\s-]/g, '').length !== 8) {
            throw {
              code: 'kiosk-code-shape',
              message: '自助机上的号码是8个英文字母，例如 BCDF-GHJK，请再看一遍。',
            };
          }
          return {
            code: 'BCDF-GHJK',
            kiosk_name: '一层大厅1号自助机',
            place: '东城区政务服务中心',
            time_left: '请在10分钟内回答。',
          };
        },
        kiosk_answer: (args) => {
          window.__kioskAnswer = args;
          return null;
        },
        speech_speak: (args) => {
          window.__spoken = [...(window.__spoken ?? []), args.text];
          return null;
        },
        speech_stop: () => null,
        ...window.__staffCommands,
        ...window.__kioskCommands,
        ...window.__helpCommands,
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
          // Recorded from core (crates/core/tests/ui_fixtures.rs), 老年人常办 and plain words too.
          return { ...catalog, offline };
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
          valid_words: '2026年1月5日 起长期有效',
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
          valid_words: '2020年3月1日 到 2025年3月1日',
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
    {
      catalog: catalogFixture,
      fail: failCatalog,
      offline,
      queue,
      storeNotice,
      preferences,
      loggedIn,
      submission,
      form: formFixture,
      cases: casesFixture,
      requestsList: requestsFixture,
      homeView: homeFixture,
      sent: sentFixture,
      atKiosk: kiosk !== null,
      recorded: formAnswersFixture,
      draftAnswers: { ...draftFixture.answers, ...draftAnswers },
      formUpdated,
      suggestions,
      licenceType,
      unsent,
      counterDay: COUNTER_DAY,
    },
  );
  const page = await context.newPage();
  // A call core's recording does not cover is said in the test's output, not only in the page.
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('nothing recorded')) {
      process.stderr.write(`${message.text()}\n`);
    }
  });
  return { context, page };
}

/** Starts Vite and the browser (`ENGINE`) before a test file's tests and stops them after; the
 * returned object holds them as `vite` and `browser` once started. */
export function withBrowser() {
  const shared = {};
  before(async () => {
    shared.vite = await startVite();
    shared.browser = ENGINE === 'webkit' ? await launchWebKit() : await launchChromium();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.vite?.server.close();
  });
  return shared;
}

/** Runs axe with Huiban's tags on the page as it is now and returns the violations in a readable form.
 * axe is put into the page once (on the first call) and run in place after that. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  return page.evaluate(
    (tags) =>
      window.axe.run(document, { runOnly: { type: 'tag', values: tags } }).then((results) =>
        results.violations.map((v) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        })),
      ),
    AXE_TAGS,
  );
}
