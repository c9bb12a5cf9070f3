// The staff window's pages and how a location hash maps to one.

/** Where the staff window is. */
export type StaffRoute =
  | { kind: 'home' }
  | { kind: 'resident-id' }
  | { kind: 'resident-name' }
  | { kind: 'resident-consent' }
  | { kind: 'acting' };

/** The hash of each staff page. */
export const STAFF_HREF = {
  home: '#/',
  residentId: '#/resident',
  residentName: '#/resident/name',
  residentConsent: '#/resident/consent',
  acting: '#/acting',
} as const;

/** The staff page a location hash names; anything unknown is home. */
export function parseStaffHash(hash: string): StaffRoute {
  const path = hash.replace(/^#\/?/, '').split('?')[0];
  switch (path) {
    case 'resident':
      return { kind: 'resident-id' };
    case 'resident/name':
      return { kind: 'resident-name' };
    case 'resident/consent':
      return { kind: 'resident-consent' };
    case 'acting':
      return { kind: 'acting' };
    default:
      return { kind: 'home' };
  }
}
