// 求助's commands as the browser tests answer them: core's pages as `crates/core/tests/ui_fixtures.rs`
// recorded them (`fixtures/help.json`), logged out or logged in, the call-back asked when `asked`
// or once `help_call_back` is called (with the page she was on kept in `window.__callBackFrom`);
// her centre is her account's logged in, asked for logged out, and the one picked once she picks;
// with `family` 'son' her son helps her (a tap texts him: the page she was on kept in
// `window.__familyFrom`), 'texted' after she texted him, with 'nobody' nobody does yet.
// And 亲友代办's (`fixtures/relatives.json`): with `relatives` 'asked', 张秀英 asked by her son (and
// his grant in her 谁帮我办过); 'helping', 李明 for himself; 'acting', 李明 acting for her; 'ended',
// 李明 after she ended it.
// And 关于惠办's: `about` as core builds it on a demo computer, `speech_check` true unless `speech` is
// false (this computer has no speech engine).
// Run in the page before the app, as an init script: it leaves the answers in `window.__helpCommands`.

import { readFileSync } from 'node:fs';

/** Core's 求助 page logged out and in, the call-back asked, the districts and each one picked. */
export const HELP = JSON.parse(readFileSync(new URL('./fixtures/help.json', import.meta.url), 'utf8'));

/** Core's 亲友代办 pages, the switch at the top and the kinships, as recorded. */
export const RELATIVES = JSON.parse(
  readFileSync(new URL('./fixtures/relatives.json', import.meta.url), 'utf8'),
);

/** Puts the 求助 commands' answers in `window.__helpCommands`. */
export function installHelpCommands({
  help,
  loggedIn,
  asked,
  family: familyShown,
  relativesFixture: fixture,
  relatives,
  speech = true,
}) {
  const shown = loggedIn ? help.logged_in : help.logged_out;
  let callBack = loggedIn ? (asked ? help.asked : shown.call_back) : shown.call_back;
  let centre = shown.centre;
  let chosen = null;
  let family =
    { son: help.family, texted: help.family_texted, nobody: help.family_nobody }[familyShown] ?? shown.family;
  window.__helpCommands = {
    help_page: () => ({ numbers: shown.numbers, centre, call_back: callBack, family }),
    help_centre: () => centre,
    help_family: () => family,
    help_ask_family: ({ lookingAt }) => {
      window.__familyFrom = [...(window.__familyFrom ?? []), lookingAt];
      family = help.family_texted;
      return family;
    },
    help_districts: () => ({ ...help.districts, chosen }),
    help_pick_district: ({ code }) => {
      if (!code) throw { code: 'help-district-none', message: '请先选您住的区，再点“确定”。' };
      chosen = code;
      if (!loggedIn) centre = help.picked[code];
      return null;
    },
    help_call_back: ({ lookingAt }) => {
      if (!loggedIn) throw { code: 'login-needed', message: '请先登录。' };
      window.__callBackFrom = [...(window.__callBackFrom ?? []), lookingAt];
      callBack = help.asked;
      return callBack;
    },
  };
  window.__helpCommands.speech_check = () => speech;
  window.__helpCommands.about = () => ({
    version: '0.1.0',
    reads_aloud: speech,
    diagnostics: [
      '惠办版本：0.1.0',
      '系统：linux x86_64 (Debian GNU/Linux 12 (bookworm))',
      '运行方式：citizen',
      '平台地址：http://127.0.0.1:8470（没有设置，用的是默认地址）',
      '本机保存：能',
      `朗读：${speech ? '能' : '不能'}`,
      '等待发送 0，已发送 2，需要处理 0',
      '日志文件夹：~/.local/share/cn.huiban.desktop/logs',
    ].join('\n'),
  });
  if (!relatives) return;
  const pages = { asked: fixture.asked, helping: fixture.helping, acting: fixture.helping, ended: fixture.his_ended };
  let page = pages[relatives];
  let actingFor = relatives === 'acting' ? 'rg-demo-liming' : null;
  const nobody = { choices: [], acting_words: null };
  const switchNow = () =>
    relatives === 'asked' || relatives === 'ended' ? nobody : actingFor ? fixture.switch_acting : fixture.switch_himself;
  Object.assign(window.__helpCommands, {
    relatives_page: () => page,
    relatives_kinships: () => fixture.kinships,
    relatives_ask: () => fixture.his_ask,
    relatives_agree_by_code: () => ({ ...fixture.helping.helping[0] }),
    relatives_answer: ({ answer }) => {
      window.__relativesAnswered = [...(window.__relativesAnswered ?? []), answer];
      page = answer === 'agree' ? fixture.agreed : fixture.none;
      return page;
    },
    relatives_switch: () => switchNow(),
    relatives_act_for: ({ grantId }) => {
      actingFor = grantId;
      return switchNow();
    },
    ...(relatives === 'asked' ? { acted_for_me: () => [fixture.acted] } : {}),
  });
}
