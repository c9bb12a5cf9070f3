// The staff window's pages and how a location hash maps to one.

import { AREAS, parseHash, type Area, type Route } from './routes';

/** Where the staff window is: one of its own pages, or a page of the resident's errands. */
export type StaffRoute =
  | { kind: 'home' }
  | { kind: 'resident-id' }
  | { kind: 'resident-name' }
  | { kind: 'resident-consent' }
  | { kind: 'resident-signature' }
  | { kind: 'resident-approval' }
  | { kind: 'acting' }
  | { kind: 'served-today' }
  | { kind: 'figures' }
  | { kind: 'errand'; route: Route };

/** The hash of each staff page. */
export const STAFF_HREF = {
  home: '#/',
  residentId: '#/resident',
  residentName: '#/resident/name',
  residentConsent: '#/resident/consent',
  residentSignature: '#/resident/signature',
  residentApproval: '#/resident/approval',
  acting: '#/acting',
  servedToday: '#/today',
  figures: '#/figures',
} as const;

/** The areas a clerk opens for the resident she acts for: 办事, 进度, 诉求 and 证照 (her messages
 * are hers to read, and the platform refuses the rest in a session anyway). */
export const ERRAND_AREAS: readonly Area[] = AREAS.filter((area) =>
  ['apply', 'progress', 'requests', 'licences'].includes(area.id),
);

/** The kinds of page of those areas; not 评价 or 回访 (only she may give them), nor her login or
 * settings. */
const ERRAND_KINDS: ReadonlySet<Route['kind']> = new Set([
  'item',
  'form',
  'sent',
  'case',
  'receipt',
  'supplement',
  'request',
  'licence',
]);

/** The page of her errands a hash names, if the clerk may open it for her. */
function errandOf(hash: string): Route | null {
  const route = parseHash(hash);
  if (route.kind === 'area') return ERRAND_AREAS.includes(route.area) ? route : null;
  return ERRAND_KINDS.has(route.kind) ? route : null;
}

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
    case 'resident/signature':
      return { kind: 'resident-signature' };
    case 'resident/approval':
      return { kind: 'resident-approval' };
    case 'acting':
      return { kind: 'acting' };
    case 'today':
      return { kind: 'served-today' };
    case 'figures':
      return { kind: 'figures' };
    default: {
      const errand = errandOf(hash);
      return errand ? { kind: 'errand', route: errand } : { kind: 'home' };
    }
  }
}
