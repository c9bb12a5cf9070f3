// Every screen of the app, in each theme and text size, as the looks tests and screenshots show it.

import { ASSISTED_OPEN, MANAGER_AT_WORK, STAFF_AT_WORK, draftFixture, openPage } from './harness.mjs';
import { RELATIVES_SCREENS } from './relatives-screens.mjs';
import { CALL_BACKS, KIOSK_CALLS } from './staff-fixtures.mjs';

/** The three themes, as drawn. */
export const THEMES = ['light', 'dark_contrast', 'light_contrast'];
/** The smallest and largest text sizes. */
export const SIZES = ['standard', 'largest'];
/** All four text sizes, smallest first. */
export const ALL_SIZES = ['standard', 'large', 'extra_large', 'largest'];
const WAITING = {
  waiting: 2,
  sent: 0,
  needs_attention: 0,
  sentence: '有2份申请等待发送，联网后会自动提交。',
};

/** A kiosk's touch screen, standing and lying; the looks tests use the first. */
export const KIOSK_VIEWPORTS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
  // A 17-inch 5:4 kiosk, as many service halls have.
  square: { width: 1280, height: 1024 },
};
const KIOSK_IN_USE = { in_use: true, person: '张*英' };

/** Every screen there is, with what it needs to be shown. `main` names what the screen is for where it
 * is not its first main button (a list's first entry, a page of facts' heading): role and name, or
 * text; first-screen.test.mjs checks that it is on the first screen without scrolling. */
export const SCREENS = [
  { name: 'home', hash: '#/', main: { role: 'link', name: '办事' } },
  {
    // 张秀英 logged in: what waits for her, one line each, above the six areas.
    name: 'home-logged-in',
    hash: '#/',
    options: { loggedIn: true },
    ready: 'text:有1件事要您补材料',
    main: { role: 'link', name: '办事' },
  },
  {
    name: 'unfinished',
    hash: '#/unfinished',
    options: { loggedIn: true },
    ready: 'heading-2',
    main: { role: 'link', name: '接着填' },
  },
  {
    name: 'catalog-logged-in',
    hash: '#/apply',
    options: { loggedIn: true },
    ready: 'text:高龄津贴申领还没填完',
    main: { role: 'link', name: '高龄津贴申领还没填完，接着填' },
  },
  { name: 'notices', hash: '#/', main: { role: 'link', name: '办事' }, options: { queue: WAITING, storeNotice: '本机保存的资料打不开了。' } },
  { name: 'catalog', hash: '#/apply', ready: 'heading-2', main: { role: 'link', name: '高龄津贴申领' } },
  { name: 'catalog-offline', hash: '#/apply', options: { offline: true }, ready: 'heading-2', main: { role: 'link', name: '高龄津贴申领' } },
  { name: 'catalog-unreachable', hash: '#/apply', options: { failCatalog: true }, ready: 'alert' },
  // 求助: logged out, the numbers and 登录 (her district asked for her centre's number); logged in,
  // 请工作人员给我回电话 and her centre; once asked, when to expect it; 您住在哪个区？.
  { name: 'help', hash: '#/help', ready: 'text:12345', main: { role: 'link', name: '登录', exact: true } },
  { name: 'help-logged-in', hash: '#/help', options: { loggedIn: true }, ready: 'text:010-64001101' },
  { name: 'help-district', hash: '#/help/district', ready: 'text:朝阳区', main: { role: 'button', name: '确定' } },
  {
    name: 'help-asked',
    hash: '#/help',
    options: { loggedIn: true, helpAsked: true },
    ready: 'text:已经请工作人员给您回电话了',
    main: { text: '已经请工作人员给您回电话了' },
  },
  // 请家人帮忙: her son helps her, one tap texts him; after the tap, that he was texted.
  {
    name: 'help-family',
    hash: '#/help',
    options: { loggedIn: true, family: 'son' },
    ready: 'text:请儿子 李明帮忙',
    main: { role: 'button', name: '请儿子 李明帮忙' },
  },
  {
    name: 'help-family-texted',
    hash: '#/help',
    options: { loggedIn: true, family: 'texted' },
    ready: 'text:已经发短信告诉儿子 李明了',
    main: { text: '已经发短信告诉儿子 李明了' },
  },
  { name: 'settings', hash: '#/settings', main: { role: 'radio', name: '标准：字这么大' } },
  {
    name: 'settings-logged-in',
    hash: '#/settings',
    main: { role: 'radio', name: '标准：字这么大' },
    options: { loggedIn: true },
    ready: 'text:看看在哪里登录着',
  },
  // A computer with no speech engine: 设置 says so beside 朗读, and everything else works.
  { name: 'settings-no-speech', hash: '#/settings', options: { speech: false }, ready: 'text:没有装朗读用的语音引擎', main: { role: 'radio', name: '标准：字这么大' } },
  { name: 'about', hash: '#/settings/about', ready: 'text:版本：0.1.0', main: { role: 'button', name: '复制诊断信息' } },
  { name: 'about-no-speech', hash: '#/settings/about', options: { speech: false }, ready: 'text:不能朗读', main: { role: 'button', name: '复制诊断信息' } },
  { name: 'logins', hash: '#/settings/logins', options: { loggedIn: true }, ready: 'text:一层大厅', main: { text: '这台电脑（您正在用的）' } },
  { name: 'acted-for-me', hash: '#/settings/acted-for-me', options: { loggedIn: true }, ready: 'text:赵敏', main: { role: 'heading', name: '2026年11月30日 09:30' } },
  {
    // 这次不是我同意的: the one question before her 投诉 goes to the centre.
    name: 'acted-for-me-report',
    hash: '#/settings/acted-for-me',
    options: { loggedIn: true },
    act: async (page) => {
      await page.getByRole('button', { name: '这次不是我同意的' }).first().click();
    },
    ready: 'text:提交投诉',
  },
  ...RELATIVES_SCREENS,
  { name: 'kiosk-login', hash: '#/settings/kiosk', options: { loggedIn: true }, ready: 'textbox' },
  { name: 'first-run', hash: '#/', preferences: { first_run_done: false } },
  { name: 'login', hash: '#/login' },
  {
    name: 'logout-unsent',
    hash: '#/logout',
    options: { loggedIn: true, unsent: { drafts: 1, waiting: 2, refused: 0, nothing: false } },
    ready: 'text:留着，下次登录再发',
  },
  {
    name: 'logout-drafts-only',
    hash: '#/logout',
    options: { loggedIn: true, unsent: { drafts: 1, waiting: 0, refused: 1, nothing: false } },
    ready: 'text:留着，下次登录再发',
  },
  { name: 'licences', hash: '#/licences', ready: 'heading-2', main: { role: 'link', name: '老年人优待证' } },
  { name: 'messages', hash: '#/messages', ready: 'heading-2', main: { role: 'link', name: '看这件事的办理进度' } },
  { name: 'licence', hash: '#/licences/DEMO-LICENCE-1', ready: 'heading-2', main: { role: 'heading', level: 1 } },
  { name: 'item', hash: '#/apply/110101020001050040000001', ready: 'heading-2' },
  { name: 'item-logged-in', hash: '#/apply/110101020001050040000001', options: { loggedIn: true }, ready: 'heading-2' },
  { name: 'question-text', hash: '#/form/D1/q/applicant_name' },
  { name: 'question-date', hash: '#/form/D1/q/birth_date' },
  {
    name: 'question-filled-in',
    hash: '#/form/D1/q/applicant_name',
    options: {
      draftAnswers: { applicant_name: null },
      suggestions: {
        applicant_name: {
          value: '张秀英',
          source: '这是按您的电子居民身份证填好的，请看一看对不对。不对的话可以改。',
        },
      },
    },
    ready: 'textbox',
  },
  { name: 'question-address', hash: '#/form/D1/q/address', ready: 'textbox' },
  { name: 'question-group', hash: '#/form/D1/q/family', ready: 'heading-2' },
  {
    name: 'question-group-empty',
    hash: '#/form/D1/q/family',
    options: { draftAnswers: { family: [] } },
    ready: 'text:还没有添加',
  },
  { name: 'question-group-item', hash: '#/form/D1/q/family/1/member_income', ready: 'textbox' },
  {
    name: 'question-address-province',
    hash: '#/form/D1/q/address',
    options: { draftAnswers: { address: null } },
    ready: 'heading-2',
  },
  {
    name: 'question-address-city',
    hash: '#/form/D1/q/address',
    options: { draftAnswers: { address: { region: '13', detail: '' } } },
    ready: 'heading-2',
  },
  { name: 'question-choice', hash: '#/form/D1/q/living' },
  { name: 'question-multiple', hash: '#/form/D1/q/help' },
  { name: 'question-yes-no', hash: '#/form/D1/q/by_agent' },
  { name: 'question-licence', hash: '#/form/D1/q/licence', ready: 'radio' },
  {
    name: 'question-licence-none',
    hash: '#/form/D1/q/licence',
    options: { licenceType: '户口簿' },
    ready: 'text:您还没有电子户口簿',
  },
  { name: 'question-attachment', hash: '#/form/D1/q/photo' },
  { name: 'question-signature', hash: '#/form/D1/q/signature' },
  {
    name: 'check',
    hash: '#/form/D1/check',
    options: { loggedIn: true, draftAnswers: draftFixture.to_complete },
    ready: 'text:张秀英',
  },
  // 核对 before everything is filled in: what is missing first, and no 确认提交 yet.
  {
    name: 'check-unfinished',
    hash: '#/form/D1/check',
    options: { loggedIn: true },
    ready: 'text:张秀英',
    main: { role: 'link', name: '去填第一项' },
  },
  // 核对 of a draft begun on an older version of the form: said once, with the way to the change.
  {
    name: 'check-form-updated',
    hash: '#/form/D1/check',
    options: {
      loggedIn: true,
      draftAnswers: draftFixture.to_complete,
      formUpdated: {
        said: '这件事的表格更新了，有1个问题是新的或者改过了，请再看一看。您填过的都还在。',
        first_question: 'phone',
      },
    },
    ready: 'text:从改过的第一个问题看起',
  },
  {
    name: 'check-login-first',
    hash: '#/form/D1/check',
    options: { draftAnswers: draftFixture.to_complete },
    ready: 'text:张秀英',
  },
  { name: 'sent', hash: '#/sent/C1', ready: 'text:1101 0120', main: { text: '1101 0120' } },
  { name: 'sent-waiting', hash: '#/sent/C1', options: { submission: 'waiting' }, ready: 'text:联网后会自动送出', main: { role: 'link', name: '回到首页' } },
  // What waits for her comes first: the case that asks for 补材料.
  { name: 'progress', hash: '#/progress', options: { loggedIn: true }, ready: 'heading-2', main: { role: 'link', name: '城乡居民基本养老保险待遇申领' } },
  { name: 'case', hash: '#/progress/110101202611250001', options: { loggedIn: true }, ready: 'heading-2', main: { text: '现在：' } },
  { name: 'case-withdrawable', hash: '#/progress/110101202611260003', options: { loggedIn: true }, ready: 'heading-2', main: { role: 'button', name: '不办了，把申请要回来' } },
  { name: 'case-to-evaluate', hash: '#/progress/110101202610080007', options: { loggedIn: true }, ready: 'heading-2' },
  { name: 'case-evaluated', hash: '#/progress/110101202609010002', options: { loggedIn: true }, ready: 'heading-2', main: { role: 'heading', name: '您的评价：不满意' } },
  { name: 'case-supplement', hash: '#/progress/110101202611240005', options: { loggedIn: true }, ready: 'heading-2' },
  // The 受理回执 as it shows (and prints): a case filed at the counter.
  { name: 'receipt', hash: '#/progress/110101202611250001/receipt', options: { loggedIn: true }, ready: 'text:1101 0120' },
  { name: 'supplement', hash: '#/progress/110101202611240005/supplement', options: { loggedIn: true }, ready: 'text:请补充户口簿' },
  { name: 'supplement-photo', hash: '#/progress/110101202611240005/supplement/1', options: { loggedIn: true }, ready: 'text:写一句说明' },
  { name: 'evaluate', hash: '#/progress/110101202610080007/evaluate', options: { loggedIn: true }, ready: 'radio' },
  { name: 'requests', hash: '#/requests', options: { loggedIn: true }, ready: 'heading-2' },
  { name: 'request', hash: '#/requests/SQ20261120000003', options: { loggedIn: true }, ready: 'heading-2' },
  { name: 'request-follow-up', hash: '#/requests/SQ20261120000003/follow-up', options: { loggedIn: true }, ready: 'radio' },
  { name: 'gallery', hash: '#/gallery' },
  { name: 'gallery-question', hash: '#/gallery/question' },
  // The service centre's staff window (staff.html).
  { name: 'staff-login', path: 'staff.html', hash: '', ready: 'textbox' },
  { name: 'staff-login-day-over', path: 'staff.html', hash: '', options: { staff: { day_over: true } }, ready: 'textbox' },
  { name: 'staff-home', path: 'staff.html', hash: '', options: { staff: STAFF_AT_WORK }, ready: 'text:解锁密码' },
  {
    // What she confirmed for residents still waits (the network was down): she sees it at once.
    name: 'staff-home-waiting',
    path: 'staff.html',
    hash: '',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true }, queue: WAITING },
    ready: 'text:等待发送',
  },
  {
    // 下班退出 with something still to send: she is told first, and may leave it for the next clerk.
    name: 'staff-log-out-waiting',
    path: 'staff.html',
    main: { role: 'button', name: '仍然下班退出' },
    hash: '',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true }, queue: WAITING },
    act: async (page) => {
      await page.getByRole('button', { name: '下班退出', exact: true }).click();
    },
    ready: 'text:仍然下班退出',
  },
  {
    // Kiosks of her centre ask for staff (请工作人员过来): shown above her work, 我过去 and 处理好了.
    name: 'staff-kiosk-calls',
    path: 'staff.html',
    hash: '',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true }, kioskCalls: KIOSK_CALLS },
    ready: 'text:自助机求助',
  },
  {
    // Residents of her district ask to be called back (请工作人员给我回电话): the phone, 已回电话.
    name: 'staff-call-backs',
    path: 'staff.html',
    hash: '',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true }, callBacks: CALL_BACKS },
    ready: 'text:张秀英请您回电话',
    main: { role: 'button', name: '已回电话' },
  },
  {
    name: 'staff-home-pin-set',
    path: 'staff.html',
    hash: '',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true } },
    ready: 'heading-2',
  },
  {
    name: 'staff-locked',
    path: 'staff.html',
    hash: '',
    options: { staff: { ...STAFF_AT_WORK, locked: true, pin_usable: true } },
    ready: 'text:的工作屏幕',
  },
  {
    name: 'staff-locked-password',
    path: 'staff.html',
    hash: '',
    options: { staff: { ...STAFF_AT_WORK, locked: true } },
    ready: 'textbox',
  },
  {
    name: 'staff-resident-id',
    path: 'staff.html',
    hash: '#/resident',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true } },
    ready: 'text:读身份证',
  },
  {
    name: 'staff-resident-name',
    path: 'staff.html',
    hash: '#/resident/name',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true } },
    ready: 'textbox',
  },
  {
    name: 'staff-resident-consent',
    path: 'staff.html',
    hash: '#/resident/consent',
    options: {
      staff: { ...STAFF_AT_WORK, pin_usable: true },
      assisted: { ...ASSISTED_OPEN, open: false, phone_masked: null },
    },
    ready: 'text:工作人员不能',
  },
  {
    // Consent by signature: the pad, then the manager's page with the drawing.
    name: 'staff-resident-signature',
    path: 'staff.html',
    hash: '#/resident/signature',
    options: {
      staff: { ...STAFF_AT_WORK, pin_usable: true },
      assisted: { ...ASSISTED_OPEN, open: false, phone_masked: null },
    },
    ready: 'text:还没有签名',
  },
  {
    name: 'staff-resident-approval',
    path: 'staff.html',
    hash: '#/resident/signature',
    options: {
      staff: { ...STAFF_AT_WORK, pin_usable: true },
      assisted: { ...ASSISTED_OPEN, open: false, phone_masked: null },
    },
    act: async (page) => {
      await page.locator('canvas').scrollIntoViewIfNeeded();
      const box = await page.locator('canvas').boundingBox();
      await page.mouse.move(box.x + 40, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 200, box.y + 40, { steps: 5 });
      await page.mouse.up();
      await page.getByRole('button', { name: '签好了，请负责人确认' }).click();
    },
    ready: 'text:负责人的账号',
  },
  {
    name: 'staff-acting',
    path: 'staff.html',
    main: { role: 'button', name: '结束办理' },
    hash: '#/acting',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true }, assisted: ASSISTED_OPEN },
    ready: 'text:结束办理',
  },
  {
    // A page of her errands under the banner: the citizen's item page, in the staff window.
    name: 'staff-errand-item',
    path: 'staff.html',
    hash: '#/apply/110101020001050040000001',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true }, assisted: ASSISTED_OPEN, loggedIn: true },
    ready: 'text:开始办理',
  },
  {
    // The clerk's day: residents served today, masked, what was done and what still waits.
    name: 'staff-served-today',
    path: 'staff.html',
    main: { role: 'heading', name: '10:40 李*' },
    hash: '#/today',
    options: { staff: { ...STAFF_AT_WORK, pin_usable: true } },
    ready: 'text:还没发出',
  },
  {
    // The centre's manager: her home, and the centre's figures (today, then this month).
    name: 'staff-manager-home',
    path: 'staff.html',
    hash: '',
    options: { staff: MANAGER_AT_WORK },
    ready: 'text:中心数据',
  },
  {
    name: 'staff-figures',
    path: 'staff.html',
    hash: '#/figures',
    options: { staff: MANAGER_AT_WORK },
    ready: 'text:办件（按办理渠道）',
  },
  {
    name: 'staff-figures-month',
    path: 'staff.html',
    hash: '#/figures',
    options: { staff: MANAGER_AT_WORK },
    act: async (page) => {
      await page.getByRole('radio', { name: '本月' }).check();
    },
    ready: 'text:最低生活保障申请',
  },
  // A service hall's kiosk (kiosk.html), on its touch screen.
  {
    // With an ID-card reader, as most kiosks have: three ways in under the code.
    name: 'kiosk-welcome',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    options: { kiosk: { card_reader: true } },
    ready: 'text:BCDF-GHJK',
  },
  {
    // Its printer is out of paper: said in plain words, and the welcome still fits.
    name: 'kiosk-welcome-no-paper',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    options: {
      kiosk: {
        printer_problem: '这台自助机的打印机没纸了，回执暂时打印不出来。可以请工作人员加纸，办事不受影响。',
      },
    },
    ready: 'text:打印机没纸了',
  },
  {
    // 扫不了码？: her phone number on the keypad, then the texted code.
    name: 'kiosk-phone',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    act: async (page) => {
      await page.getByRole('button', { name: '扫不了码？用手机号码登录' }).click();
    },
    ready: 'text:获取验证码',
  },
  {
    name: 'kiosk-phone-code',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    act: async (page) => {
      await page.getByRole('button', { name: '扫不了码？用手机号码登录' }).click();
      for (const digit of '13800000001') await page.getByRole('button', { name: digit, exact: true }).click();
      await page.getByRole('button', { name: '获取验证码' }).click();
    },
    ready: 'text:请输入短信里的6位验证码',
  },
  {
    name: 'kiosk-card',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    options: { kiosk: { card_reader: true } },
    act: async (page) => {
      await page.getByRole('button', { name: '用身份证登录' }).click();
    },
    ready: 'text:正在等身份证',
  },
  {
    name: 'kiosk-card-code',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    options: { kiosk: { card_reader: true, card: true } },
    act: async (page) => {
      await page.getByRole('button', { name: '用身份证登录' }).click();
    },
    ready: 'text:138****0001',
  },
  {
    name: 'kiosk-is-it-you',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    options: { kiosk: { approved: true } },
    ready: 'text:是我本人',
  },
  {
    name: 'kiosk-home',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    options: { kiosk: KIOSK_IN_USE, loggedIn: true },
    ready: 'text:我办完了',
  },
  {
    name: 'kiosk-item',
    path: 'kiosk.html',
    hash: '#/apply/110101020001050040000001',
    kiosk: true,
    options: { kiosk: KIOSK_IN_USE, loggedIn: true },
    ready: 'text:开始办理',
  },
  {
    // No keyboard on a kiosk: a phone number on the on-screen keypad.
    name: 'kiosk-question-phone',
    path: 'kiosk.html',
    hash: '#/form/D1/q/phone',
    kiosk: true,
    options: { kiosk: KIOSK_IN_USE, loggedIn: true },
    ready: 'text:全部清空',
  },
  {
    // The same with the printer out of paper: the notice above takes room, the keypad stays whole
    // and clear of the action bar.
    name: 'kiosk-question-phone-no-paper',
    path: 'kiosk.html',
    hash: '#/form/D1/q/phone',
    kiosk: true,
    options: {
      kiosk: {
        ...KIOSK_IN_USE,
        printer_problem: '这台自助机的打印机没纸了，回执暂时打印不出来。可以请工作人员加纸，办事不受影响。',
      },
      loggedIn: true,
    },
    ready: 'text:全部清空',
  },
  {
    // A date as its eight digits on the keypad, not steppers.
    name: 'kiosk-question-date',
    path: 'kiosk.html',
    hash: '#/form/D1/q/birth_date',
    kiosk: true,
    options: { kiosk: KIOSK_IN_USE, loggedIn: true },
    ready: 'text:全部清空',
  },
  {
    // Words on a kiosk: the pinyin keyboard, 王 being picked for the letters w a n g typed.
    name: 'kiosk-question-words',
    path: 'kiosk.html',
    hash: '#/form/D1/q/applicant_name',
    kiosk: true,
    options: { kiosk: KIOSK_IN_USE, loggedIn: true },
    act: async (page) => {
      for (const key of 'wang') await page.getByRole('button', { name: key, exact: true }).click();
      await page.getByRole('button', { name: '王', exact: true }).waitFor();
    },
  },
  {
    // 还在吗？ after a second without a touch, counting down from two minutes; it reads itself.
    name: 'kiosk-still-there',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    readsItself: true,
    options: { kiosk: { ...KIOSK_IN_USE, idle_seconds: 1, countdown_seconds: 120 }, loggedIn: true },
    ready: 'text:我还要用',
  },
  {
    // 请工作人员过来 pressed during her visit: staff were asked, and 赵敏 is coming; it reads itself.
    name: 'kiosk-call-staff',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    readsItself: true,
    options: { kiosk: KIOSK_IN_USE, loggedIn: true },
    act: async (page) => {
      await page.getByRole('button', { name: '请工作人员过来' }).click();
    },
    ready: 'text:工作人员赵敏正在过来',
  },
  {
    name: 'kiosk-leave',
    path: 'kiosk.html',
    hash: '',
    kiosk: true,
    act: async (page) => {
      await page.getByRole('button', { name: '工作人员', exact: true }).click();
    },
    ready: 'text:退出自助模式',
  },
];

/** Opens `screen` in `theme` at text `size` (a kiosk's screen on its landscape touch screen unless
 * told) and waits until it is drawn. */
export async function showScreen(browser, baseUrl, screen, { theme, size, width, height }) {
  const drawnOn = screen.kiosk ? KIOSK_VIEWPORTS.landscape : { width: 1100, height: 800 };
  const { context, page } = await openPage(browser, {
    width: width ?? drawnOn.width,
    height: height ?? drawnOn.height,
    ...screen.options,
    preferences: { theme, text_size: size, ...screen.preferences },
  });
  await page.goto(`${baseUrl}${screen.path ?? ''}${screen.hash}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await screen.act?.(page);
  if (screen.ready === 'heading-2') await page.getByRole('heading', { level: 2 }).first().waitFor();
  if (screen.ready === 'alert') await page.getByRole('alert').waitFor();
  if (screen.ready === 'radio') await page.getByRole('radio').first().waitFor();
  if (screen.ready === 'textbox') await page.getByRole('textbox').first().waitFor();
  if (screen.ready?.startsWith('text:')) {
    await page.getByText(screen.ready.slice('text:'.length)).first().waitFor();
  }
  return { context, page };
}
