// The app's screens and how a location hash maps to one.

import type { IconName } from '../components/Icon/icons';
import type { GoesTo } from './types';

/** A top-level area of the app, reached from a home tile. */
export interface Area {
  id: 'apply' | 'progress' | 'licences' | 'requests' | 'messages' | 'help';
  /** Fluent id of the tile label and page title. */
  label: string;
  icon: IconName;
}

/** The six home tiles, in reading order. */
export const AREAS: readonly Area[] = [
  { id: 'apply', label: 'home-tile-apply', icon: 'apply' },
  { id: 'progress', label: 'home-tile-progress', icon: 'progress' },
  { id: 'licences', label: 'home-tile-licences', icon: 'licences' },
  { id: 'requests', label: 'home-tile-requests', icon: 'requests' },
  { id: 'messages', label: 'home-tile-messages', icon: 'messages' },
  { id: 'help', label: 'home-tile-help', icon: 'help' },
];

/** Where the app is. */
export type Route =
  | { kind: 'home' }
  | { kind: 'settings' }
  | { kind: 'logins' }
  | { kind: 'kiosk-login' }
  | { kind: 'acted-for-me' }
  | { kind: 'relatives' }
  | { kind: 'about' }
  | { kind: 'relatives-ask'; grantId: string | null }
  | { kind: 'gallery'; part: string }
  | { kind: 'login' }
  | { kind: 'logout' }
  | { kind: 'unfinished' }
  | { kind: 'help-district' }
  | { kind: 'item'; implCode: string }
  | { kind: 'licence'; licenceNo: string }
  | { kind: 'form'; draftId: string; page: FormPage }
  | { kind: 'sent'; clientId: string }
  | { kind: 'case'; applicationNo: string }
  | { kind: 'receipt'; applicationNo: string }
  | { kind: 'evaluate'; applicationNo: string }
  | { kind: 'supplement'; applicationNo: string; step: number }
  | { kind: 'request'; requestNo: string }
  | { kind: 'request-follow-up'; requestNo: string }
  | { kind: 'request-evaluate'; requestNo: string }
  | { kind: 'area'; area: Area };

/** A page of a form being filled in: the first question, one question (`fromCheck` when 修改 was
 * pressed on the check page), or the check page itself. */
export type FormPage =
  | { kind: 'start' }
  | { kind: 'question'; questionId: string; fromCheck: boolean }
  | { kind: 'item'; groupId: string; index: number; questionId: string; fromCheck: boolean }
  | { kind: 'check' };

/** The hash of 退出's question: what to do with what is not sent yet. */
export const LOGOUT_HREF = '#/logout';

/** The hash of 我没办完的事. */
export const UNFINISHED_HREF = '#/unfinished';

/** The hash of 求助's 您住在哪个区？. */
export const HELP_DISTRICT_HREF = '#/help/district';

/** The hash of 设置. */
export const SETTINGS_HREF = '#/settings';

/** The hash of 在哪里登录着. */
export const LOGINS_HREF = '#/settings/logins';

/** The hash of 谁帮我办过. */
export const ACTED_FOR_ME_HREF = '#/settings/acted-for-me';

/** The hash of 关于惠办 (the version and the diagnostics to copy). */
export const ABOUT_HREF = '#/settings/about';

/** The hash of 谁能帮我办 (亲友代办: her relatives, and whom she helps). */
export const RELATIVES_HREF = '#/settings/relatives';

/** The hash of 帮家人办事: asking to help a relative. */
export const RELATIVES_ASK_HREF = '#/settings/relatives/ask';

/** The hash of the code a relative read out to him, for the grant `grantId` he asked for. */
export function relativesCodeHref(grantId: string): string {
  return `${RELATIVES_ASK_HREF}?grant=${encodeURIComponent(grantId)}`;
}

/** The hash of 在自助机上登录. */
export const KIOSK_LOGIN_HREF = '#/settings/kiosk';

/** The hash that opens an area. */
export function hrefOf(area: Area): string {
  return `#/${area.id}`;
}

/** The route a location hash names; anything unknown is home. */
export function parseHash(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [id, ...rest] = path.split('/').map((part) => decodeURIComponent(part));
  if (id === 'settings' && rest[0] === 'logins') return { kind: 'logins' };
  if (id === 'settings' && rest[0] === 'kiosk') return { kind: 'kiosk-login' };
  if (id === 'settings' && rest[0] === 'acted-for-me') return { kind: 'acted-for-me' };
  if (id === 'settings' && rest[0] === 'about') return { kind: 'about' };
  if (id === 'settings' && rest[0] === 'relatives') {
    if (rest[1] !== 'ask') return { kind: 'relatives' };
    return { kind: 'relatives-ask', grantId: new URLSearchParams(query).get('grant') };
  }
  if (id === 'settings') return { kind: 'settings' };
  if (id === 'login') return { kind: 'login' };
  if (id === 'logout') return { kind: 'logout' };
  if (id === 'unfinished') return { kind: 'unfinished' };
  if (id === 'help' && rest[0] === 'district') return { kind: 'help-district' };
  if (id === 'gallery') return { kind: 'gallery', part: rest[0] ?? '' };
  if (id === 'apply' && rest[0]) return { kind: 'item', implCode: rest[0] };
  if (id === 'licences' && rest[0]) return { kind: 'licence', licenceNo: rest[0] };
  if (id === 'requests' && rest[0]) {
    if (rest[1] === 'follow-up') return { kind: 'request-follow-up', requestNo: rest[0] };
    if (rest[1] === 'evaluate') return { kind: 'request-evaluate', requestNo: rest[0] };
    return { kind: 'request', requestNo: rest[0] };
  }
  if (id === 'progress' && rest[0] && rest[1] === 'supplement') {
    const step = Number(rest[2] ?? 0);
    return {
      kind: 'supplement',
      applicationNo: rest[0],
      step: Number.isInteger(step) && step >= 0 ? step : 0,
    };
  }
  if (id === 'progress' && rest[0] && rest[1] === 'receipt') {
    return { kind: 'receipt', applicationNo: rest[0] };
  }
  if (id === 'progress' && rest[0] && rest[1] === 'evaluate') {
    return { kind: 'evaluate', applicationNo: rest[0] };
  }
  if (id === 'progress' && rest[0]) return { kind: 'case', applicationNo: rest[0] };
  if (id === 'sent' && rest[0]) return { kind: 'sent', clientId: rest[0] };
  if (id === 'form' && rest[0]) {
    const draftId = rest[0];
    if (rest[1] === 'check') return { kind: 'form', draftId, page: { kind: 'check' } };
    if (rest[1] === 'q' && rest[2]) {
      const fromCheck = new URLSearchParams(query).has('check');
      const index = Number(rest[3]);
      if (rest[4] && Number.isInteger(index) && index >= 0) {
        const item = { groupId: rest[2], index, questionId: rest[4], fromCheck };
        return { kind: 'form', draftId, page: { kind: 'item', ...item } };
      }
      return { kind: 'form', draftId, page: { kind: 'question', questionId: rest[2], fromCheck } };
    }
    return { kind: 'form', draftId, page: { kind: 'start' } };
  }
  const area = AREAS.find((a) => a.id === id);
  return area ? { kind: 'area', area } : { kind: 'home' };
}

/** The hash of a case's receipt (受理回执). */
export function receiptHref(applicationNo: string): string {
  return `#/progress/${encodeURIComponent(applicationNo)}/receipt`;
}

/** The hash of an item's page. */
export function itemHref(implCode: string): string {
  return `#/apply/${encodeURIComponent(implCode)}`;
}

/** The hash of a licence's page. */
export function licenceHref(licenceNo: string): string {
  return `#/licences/${encodeURIComponent(licenceNo)}`;
}

/** The hash of a form's first question. */
export function formHref(draftId: string): string {
  return `#/form/${encodeURIComponent(draftId)}`;
}

/** The hash of one question of a form; `fromCheck` returns to the check page after it. */
export function questionHref(draftId: string, questionId: string, fromCheck = false): string {
  const page = `#/form/${encodeURIComponent(draftId)}/q/${encodeURIComponent(questionId)}`;
  return fromCheck ? `${page}?check` : page;
}

/** The hash of one question of item `index` (from 0) of a group; `fromCheck` as for the group. */
export function itemQuestionHref(
  draftId: string,
  groupId: string,
  index: number,
  questionId: string,
  fromCheck = false,
): string {
  const group = questionHref(draftId, groupId);
  const page = `${group}/${index}/${encodeURIComponent(questionId)}`;
  return fromCheck ? `${page}?check` : page;
}

/** Where an opened notification about a message leads: its case, its request, or 消息. */
export function notificationHref(opened: {
  application_no: string | null;
  request_no: string | null;
}): string {
  if (opened.application_no) return caseHref(opened.application_no);
  if (opened.request_no) return requestHref(opened.request_no);
  return '#/messages';
}

/** The hash of a form's check page (核对). */
export function checkHref(draftId: string): string {
  return `#/form/${encodeURIComponent(draftId)}/check`;
}

/** The hash of the page that follows a sent form. */
export function sentHref(clientId: string): string {
  return `#/sent/${encodeURIComponent(clientId)}`;
}

/** The hash of a case's 进度 page. */
export function caseHref(applicationNo: string): string {
  return `#/progress/${encodeURIComponent(applicationNo)}`;
}

/** The hash of page `step` of a case's 补正 (one page per question asked again, then the photo). */
export function supplementHref(applicationNo: string, step = 0): string {
  const first = `${caseHref(applicationNo)}/supplement`;
  return step === 0 ? first : `${first}/${step}`;
}

/** The login page, coming back to `next` once logged in. */
export function loginHref(next?: string): string {
  return next ? `#/login?next=${encodeURIComponent(next)}` : '#/login';
}

/** Where the login page goes once logged in: `next` when it is one of the app's own pages. */
export function afterLogin(hash: string): string {
  const next = new URLSearchParams(hash.split('?')[1] ?? '').get('next');
  return next?.startsWith('#/') ? next : '#/';
}

/** The hash of a case's 好差评 page. */
export function evaluateHref(applicationNo: string): string {
  return `${caseHref(applicationNo)}/evaluate`;
}

/** The form id of a 诉求 (its form comes from core, not the catalog). */
export const REQUEST_FORM_ID = 'huiban-request';

/** The hash of a request's page. */
export function requestHref(requestNo: string): string {
  return `#/requests/${encodeURIComponent(requestNo)}`;
}

/** Where the first question of a form goes back to: the item's page, or 诉求 for a request. */
export function formHomeHref(draft: { form_id: string; impl_code: string }): string {
  return draft.form_id === REQUEST_FORM_ID ? '#/requests' : itemHref(draft.impl_code);
}

/** The hash a line of home (or any of core's `GoesTo`) takes her to. */
export function goesToHref(goesTo: GoesTo): string {
  switch (goesTo.kind) {
    case 'case':
      return caseHref(goesTo.application_no);
    case 'sent':
      return sentHref(goesTo.client_id);
    case 'progress':
      return '#/progress';
    case 'request':
      return requestHref(goesTo.request_no);
    case 'requests':
      return '#/requests';
    case 'draft':
      return formHref(goesTo.draft_id);
    case 'unfinished':
      return UNFINISHED_HREF;
  }
}
