// The app's screens and how a location hash maps to one.

import type { IconName } from '../components/Icon/icons';

/** A top-level area of the app, reached from a home tile. */
export interface Area {
  id: 'apply' | 'progress' | 'licences' | 'requests' | 'messages' | 'help';
  /** Fluent id of the tile label and page title. */
  label: string;
  icon: IconName;
  /** Whether the area has a working screen yet. */
  ready: boolean;
}

/** The six home tiles, in reading order. */
export const AREAS: readonly Area[] = [
  { id: 'apply', label: 'home-tile-apply', icon: 'apply', ready: true },
  { id: 'progress', label: 'home-tile-progress', icon: 'progress', ready: false },
  { id: 'licences', label: 'home-tile-licences', icon: 'licences', ready: true },
  { id: 'requests', label: 'home-tile-requests', icon: 'requests', ready: false },
  { id: 'messages', label: 'home-tile-messages', icon: 'messages', ready: true },
  { id: 'help', label: 'home-tile-help', icon: 'help', ready: false },
];

/** Where the app is. */
export type Route =
  | { kind: 'home' }
  | { kind: 'settings' }
  | { kind: 'gallery'; part: string }
  | { kind: 'login' }
  | { kind: 'item'; implCode: string }
  | { kind: 'licence'; licenceNo: string }
  | { kind: 'area'; area: Area };

/** The hash of 设置. */
export const SETTINGS_HREF = '#/settings';

/** The hash that opens an area. */
export function hrefOf(area: Area): string {
  return `#/${area.id}`;
}

/** The route a location hash names; anything unknown is home. */
export function parseHash(hash: string): Route {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (id === 'settings') return { kind: 'settings' };
  if (id === 'login') return { kind: 'login' };
  if (id === 'gallery') {
    return { kind: 'gallery', part: hash.replace(/^#\/?/, '').split(/[/?]/)[1] ?? '' };
  }
  const rest = hash.replace(/^#\/?/, '').split(/[/?]/)[1];
  if (id === 'apply' && rest) return { kind: 'item', implCode: decodeURIComponent(rest) };
  if (id === 'licences' && rest) return { kind: 'licence', licenceNo: decodeURIComponent(rest) };
  const area = AREAS.find((a) => a.id === id);
  return area ? { kind: 'area', area } : { kind: 'home' };
}

/** The hash of an item's page. */
export function itemHref(implCode: string): string {
  return `#/apply/${encodeURIComponent(implCode)}`;
}

/** The hash of a licence's page. */
export function licenceHref(licenceNo: string): string {
  return `#/licences/${encodeURIComponent(licenceNo)}`;
}
