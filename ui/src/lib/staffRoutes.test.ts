import { describe, expect, it } from 'vitest';
import { STAFF_HREF, parseStaffHash } from './staffRoutes';

describe('parseStaffHash', () => {
  it('names each staff page by its hash, and anything else is home', () => {
    expect(parseStaffHash(STAFF_HREF.residentId)).toEqual({ kind: 'resident-id' });
    expect(parseStaffHash(STAFF_HREF.residentName)).toEqual({ kind: 'resident-name' });
    expect(parseStaffHash(STAFF_HREF.residentConsent)).toEqual({ kind: 'resident-consent' });
    expect(parseStaffHash(STAFF_HREF.acting)).toEqual({ kind: 'acting' });
    expect(parseStaffHash('')).toEqual({ kind: 'home' });
    expect(parseStaffHash('#/cases')).toEqual({ kind: 'home' });
  });
});
