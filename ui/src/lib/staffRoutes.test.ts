import { describe, expect, it } from 'vitest';
import { STAFF_HREF, parseStaffHash } from './staffRoutes';

describe('parseStaffHash', () => {
  it('names each staff page by its hash, and anything else is home', () => {
    expect(parseStaffHash(STAFF_HREF.residentId)).toEqual({ kind: 'resident-id' });
    expect(parseStaffHash(STAFF_HREF.residentName)).toEqual({ kind: 'resident-name' });
    expect(parseStaffHash(STAFF_HREF.residentConsent)).toEqual({ kind: 'resident-consent' });
    expect(parseStaffHash(STAFF_HREF.residentSignature)).toEqual({ kind: 'resident-signature' });
    expect(parseStaffHash(STAFF_HREF.residentApproval)).toEqual({ kind: 'resident-approval' });
    expect(parseStaffHash(STAFF_HREF.figures)).toEqual({ kind: 'figures' });
    expect(parseStaffHash(STAFF_HREF.acting)).toEqual({ kind: 'acting' });
    expect(parseStaffHash(STAFF_HREF.servedToday)).toEqual({ kind: 'served-today' });
    expect(parseStaffHash('')).toEqual({ kind: 'home' });
    expect(parseStaffHash('#/cases')).toEqual({ kind: 'home' });
  });

  it('opens the pages of her errands, and not what only she may do', () => {
    expect(parseStaffHash('#/apply')).toMatchObject({ kind: 'errand', route: { kind: 'area' } });
    expect(parseStaffHash('#/apply/11010100001')).toEqual({
      kind: 'errand',
      route: { kind: 'item', implCode: '11010100001' },
    });
    expect(parseStaffHash('#/form/d1/check')).toMatchObject({
      kind: 'errand',
      route: { kind: 'form', draftId: 'd1' },
    });
    expect(parseStaffHash('#/progress/110101')).toMatchObject({ route: { kind: 'case' } });
    for (const hers of [
      '#/progress/110101/evaluate',
      '#/requests/R1/follow-up',
      '#/requests/R1/evaluate',
      '#/messages',
      '#/login',
      '#/logout',
      '#/settings',
      '#/gallery',
    ]) {
      expect(parseStaffHash(hers), hers).toEqual({ kind: 'home' });
    }
  });
});
