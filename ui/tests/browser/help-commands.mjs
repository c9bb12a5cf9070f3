// 求助's commands as the browser tests answer them: core's pages as `crates/core/tests/ui_fixtures.rs`
// recorded them (`fixtures/help.json`), logged out or logged in, the call-back asked when `asked`
// or once `help_call_back` is called (with the page she was on kept in `window.__callBackFrom`).
// Run in the page before the app, as an init script: it leaves the answers in `window.__helpCommands`.

import { readFileSync } from 'node:fs';

/** Core's 求助 page logged out and in, and the call-back asked. */
export const HELP = JSON.parse(readFileSync(new URL('./fixtures/help.json', import.meta.url), 'utf8'));

/** Puts the 求助 commands' answers in `window.__helpCommands`. */
export function installHelpCommands({ help, loggedIn, asked }) {
  let callBack = loggedIn ? (asked ? help.asked : help.logged_in.call_back) : help.logged_out.call_back;
  window.__helpCommands = {
    help_page: () => ({ numbers: help.logged_in.numbers, call_back: callBack }),
    help_call_back: ({ lookingAt }) => {
      if (!loggedIn) throw { code: 'login-needed', message: '请先登录。' };
      window.__callBackFrom = [...(window.__callBackFrom ?? []), lookingAt];
      callBack = help.asked;
      return callBack;
    },
  };
}
