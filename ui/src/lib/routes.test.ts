import { describe, expect, it } from 'vitest';
import { AREAS, hrefOf, itemHref, parseHash } from './routes';

describe('routes', () => {
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
});
