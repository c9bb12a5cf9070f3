import { describe, expect, it } from 'vitest';
import {
  AREAS,
  afterLogin,
  caseHref,
  checkHref,
  evaluateHref,
  formHomeHref,
  formHref,
  goesToHref,
  hrefOf,
  itemHref,
  KIOSK_LOGIN_HREF,
  LOGINS_HREF,
  loginHref,
  parseHash,
  itemQuestionHref,
  notificationHref,
  questionHref,
  requestHref,
  sentHref,
  supplementHref,
  receiptHref,
  UNFINISHED_HREF,
} from './routes';

describe('routes', () => {
  it('takes a line of home where it says: the one thing, or the list of them', () => {
    expect(goesToHref({ kind: 'case', application_no: 'A1' })).toBe('#/progress/A1');
    expect(goesToHref({ kind: 'sent', client_id: 'c1' })).toBe('#/sent/c1');
    expect(goesToHref({ kind: 'progress' })).toBe('#/progress');
    expect(goesToHref({ kind: 'request', request_no: 'R1' })).toBe('#/requests/R1');
    expect(goesToHref({ kind: 'requests' })).toBe('#/requests');
    expect(goesToHref({ kind: 'draft', draft_id: 'D1' })).toBe('#/form/D1');
    expect(goesToHref({ kind: 'unfinished' })).toBe(UNFINISHED_HREF);
    expect(parseHash(UNFINISHED_HREF)).toEqual({ kind: 'unfinished' });
  });

  it('reaches 设置, where one is logged in, and logging a kiosk in from 设置', () => {
    expect(parseHash('#/settings')).toEqual({ kind: 'settings' });
    expect(parseHash(LOGINS_HREF)).toEqual({ kind: 'logins' });
    expect(parseHash(KIOSK_LOGIN_HREF)).toEqual({ kind: 'kiosk-login' });
  });

  it('has the six home areas in reading order', () => {
    expect(AREAS.map((a) => a.id)).toEqual([
      'apply',
      'progress',
      'licences',
      'requests',
      'messages',
      'help',
    ]);
  });

  it('maps every area href back to its area', () => {
    for (const area of AREAS) {
      const route = parseHash(hrefOf(area));
      expect(route).toEqual({ kind: 'area', area });
    }
  });

  it('sends unknown or empty hashes home', () => {
    expect(parseHash('')).toEqual({ kind: 'home' });
    expect(parseHash('#/')).toEqual({ kind: 'home' });
    expect(parseHash('#/nowhere')).toEqual({ kind: 'home' });
  });

  it('opens an item page from its hash', () => {
    expect(parseHash(itemHref('110101020001050040000001'))).toEqual({
      kind: 'item',
      implCode: '110101020001050040000001',
    });
  });

  it('maps every page of a form back to it', () => {
    expect(parseHash(formHref('d-1'))).toEqual({
      kind: 'form',
      draftId: 'd-1',
      page: { kind: 'start' },
    });
    expect(parseHash(questionHref('d-1', 'phone'))).toEqual({
      kind: 'form',
      draftId: 'd-1',
      page: { kind: 'question', questionId: 'phone', fromCheck: false },
    });
    expect(parseHash(questionHref('d-1', 'phone', true))).toEqual({
      kind: 'form',
      draftId: 'd-1',
      page: { kind: 'question', questionId: 'phone', fromCheck: true },
    });
    expect(parseHash(checkHref('d-1'))).toEqual({
      kind: 'form',
      draftId: 'd-1',
      page: { kind: 'check' },
    });
    expect(parseHash(itemQuestionHref('d-1', 'family', 2, 'member_name', true))).toEqual({
      kind: 'form',
      draftId: 'd-1',
      page: { kind: 'item', groupId: 'family', index: 2, questionId: 'member_name', fromCheck: true },
    });
    expect(parseHash('#/form/d-1/q/family/x/member_name').kind).toBe('form');
    expect(parseHash('#/form/d-1/q/family/-1/member_name')).toEqual({
      kind: 'form',
      draftId: 'd-1',
      page: { kind: 'question', questionId: 'family', fromCheck: false },
    });
  });

  it('leads an opened notification to its case, its request, or 消息', () => {
    expect(notificationHref({ application_no: '110101202611250001', request_no: null })).toBe(
      '#/progress/110101202611250001',
    );
    expect(notificationHref({ application_no: null, request_no: 'SQ1' })).toBe('#/requests/SQ1');
    expect(notificationHref({ application_no: null, request_no: null })).toBe('#/messages');
  });

  it('opens a sent form and a case from their hashes', () => {
    expect(parseHash(sentHref('c-1'))).toEqual({ kind: 'sent', clientId: 'c-1' });
    expect(parseHash(caseHref('110101202611260001'))).toEqual({
      kind: 'case',
      applicationNo: '110101202611260001',
    });
  });

  it('opens the evaluation of a case from its hash', () => {
    expect(parseHash('#/progress/110101202611260001/supplement')).toEqual({
      kind: 'supplement',
      applicationNo: '110101202611260001',
      step: 0,
    });
    expect(parseHash(supplementHref('110101202611260001', 2))).toEqual({
      kind: 'supplement',
      applicationNo: '110101202611260001',
      step: 2,
    });
    expect(supplementHref('110101202611260001')).toBe('#/progress/110101202611260001/supplement');
    expect(parseHash(evaluateHref('110101202611260001'))).toEqual({
      kind: 'evaluate',
      applicationNo: '110101202611260001',
    });
    expect(parseHash(receiptHref('110101202611260001'))).toEqual({
      kind: 'receipt',
      applicationNo: '110101202611260001',
    });
  });

  it('opens a request, its 回访 and its 评价 from their hashes', () => {
    const no = 'SQ20261126000001';
    expect(parseHash(requestHref(no))).toEqual({ kind: 'request', requestNo: no });
    expect(parseHash(`${requestHref(no)}/follow-up`)).toEqual({
      kind: 'request-follow-up',
      requestNo: no,
    });
    expect(parseHash(`${requestHref(no)}/evaluate`)).toEqual({
      kind: 'request-evaluate',
      requestNo: no,
    });
  });

  it('sends the first question of a request back to 诉求', () => {
    expect(formHomeHref({ form_id: 'huiban-request', impl_code: '' })).toBe('#/requests');
    expect(formHomeHref({ form_id: 'form-001', impl_code: 'X' })).toBe('#/apply/X');
  });

  it('returns from the login only to pages of the app', () => {
    expect(afterLogin(loginHref(itemHref('x')))).toBe('#/apply/x');
    expect(afterLogin('#/login')).toBe('#/');
    expect(afterLogin('#/login?next=https%3A%2F%2Fevil.example')).toBe('#/');
  });
});
