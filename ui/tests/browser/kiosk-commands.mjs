// The kiosk window's commands as the browser tests answer them, over `kiosk` (whether someone uses
// it, her masked name, its idle seconds; `approved` makes the first ask of the login say 张*英
// approved it on her phone; by phone number 13800000001 and texted code 123456; `card_reader` gives
// it a reader, on which `card` lays her card from the second ask on, and the code texted for it is
// 123456 too; the staff PIN is 2468). Run in the page before the app, as an init
// script: it leaves the answers in `window.__kioskCommands` for the harness's table.

import { readFileSync } from 'node:fs';

/** The kiosk's login code the mocked `kiosk_login_code` answers with: core's view of a platform's
 * device authorization (its QR code included), recorded by `crates/core/tests/ui_fixtures.rs`. */
export const KIOSK_LOGIN_CODE = JSON.parse(
  readFileSync(new URL('./fixtures/kiosk-login-code.json', import.meta.url), 'utf8'),
);

/** Puts the kiosk commands' answers in `window.__kioskCommands`. */
export function installKioskCommands({ kiosk, loginCode }) {
  const view = {
    in_use: false,
    person: null,
    idle_seconds: 90,
    countdown_seconds: 30,
    printer_problem: null,
    card_reader: false,
    ...kiosk,
  };
  // `waiting`: what she confirmed is still to be sent as her visit ends (the slip is printed).
  const waiting = kiosk?.waiting ?? [];
  delete view.approved;
  delete view.waiting;
  delete view.card;
  let cardAsks = 0;
  let wrongPins = 0;
  // 请工作人员过来: asked once, 赵敏 is coming from the second ask on; 不用了 takes it back.
  let call = null;
  window.__kioskCommands = {
    kiosk_status: () => view,
    // Asked again soon in the tests (the platform says every 5 s).
    kiosk_login_code: () => ({ ...loginCode, poll_seconds: 1 }),
    kiosk_login_wait: () => (kiosk?.approved ? { step: 'approved', name: '张*英' } : { step: 'waiting' }),
    // Her phone number and texted code on the keypad: 13800000001 and 123456.
    kiosk_send_sms_code: ({ phone }) => {
      if (phone !== '13800000001') throw { code: 'error-platform-answered', message: '办事平台说：手机号码不对，请填写11位手机号码。' };
      return { expires_in: 300, resend_after: 60 };
    },
    kiosk_log_in_by_sms: ({ code }) => {
      if (code !== '123456') {
        throw { code: 'error-platform-answered', message: '办事平台说：验证码不对，请看清短信里的6位数字再输入一次。' };
      }
      return { step: 'approved', name: '张*英' };
    },
    // Her ID card on the reader: nothing at the first ask, read at the next (with `card`).
    kiosk_card_code: () => {
      cardAsks += 1;
      return kiosk?.card && cardAsks > 1 ? { phone: '138****0001', expires_in: 600 } : null;
    },
    kiosk_log_in_by_card: ({ code }) => {
      if (code !== '123456') {
        throw { code: 'error-platform-answered', message: '办事平台说：验证码不对，请看清短信里的6位数字再输入一次。' };
      }
      return { step: 'approved', name: '张*英' };
    },
    kiosk_idle_warning: ({ shown }) => {
      window.__idleWarningTold = shown;
      return null;
    },
    // The pinyin keyboard's words, a few as core's dictionary offers them (its rule is tested in core).
    kiosk_pinyin_candidates: ({ typed }) =>
      ({
        w: ['我', '为', '问'],
        wa: ['瓦', '挖', '娃'],
        wan: ['万', '晚', '完'],
        wang: ['望', '王', '往', '忘', '网', '亡', '旺', '汪', '妄', '枉'],
      })[typed]?.map((word) => ({ word, letters: typed.length })) ?? [],
    kiosk_confirm: ({ itIsHer }) => {
      if (itIsHer) Object.assign(view, { in_use: true, person: '张*英' });
      return view;
    },
    kiosk_leaving_slip: () =>
      view.in_use && waiting.length > 0 ? { waiting, printed_at: '2026年3月30日 10:42' } : null,
    kiosk_finish: () => {
      Object.assign(view, { in_use: false, person: null });
      window.__kioskFinished = true;
      return view;
    },
    kiosk_call_staff: () => {
      call = call ?? { open: true, coming: null, asks: 0 };
      window.__staffCalled = true;
      return { open: true, coming: call.coming };
    },
    kiosk_staff_call: () => {
      if (!call) return { open: false, coming: null };
      call.asks += 1;
      if (call.asks >= 1) call.coming = '赵敏';
      return { open: true, coming: call.coming };
    },
    kiosk_cancel_staff_call: () => {
      call = null;
      window.__staffCallTakenBack = true;
      return { open: false, coming: null };
    },
    kiosk_leave: ({ pin }) => {
      if (pin !== '2468') {
        wrongPins += 1;
        throw { code: 'kiosk-pin-wrong', message: `管理密码不对，还可以再试${5 - wrongPins}次。` };
      }
      window.__kioskLeft = true;
      return null;
    },
  };
}
