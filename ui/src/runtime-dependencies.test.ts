// The npm packages the app ships are a reviewed list: a package added, removed or changed in
// package-lock.json outside the dev tools fails here until someone reviews it in
// runtime-dependencies.json (version, licence, what it is for).
import { describe, expect, it } from 'vitest';
import lock from '../package-lock.json';
import reviewed from '../runtime-dependencies.json';

type LockEntry = { version?: string; license?: string; dev?: boolean; devOptional?: boolean };
type Reviewed = { version: string; license: string; why: string };

/** Licences a shipped package may carry. */
const ALLOWED_LICENCES = ['MIT', 'Apache-2.0', 'Apache-2.0 OR MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause'];

function shipped(): Record<string, { version: string; license: string }> {
  const found: Record<string, { version: string; license: string }> = {};
  for (const [path, entry] of Object.entries(lock.packages as Record<string, LockEntry>)) {
    if (path === '' || entry.dev || entry.devOptional) continue;
    const name = path.split('node_modules/').pop() ?? path;
    found[name] = { version: entry.version ?? '', license: entry.license ?? '' };
  }
  return found;
}

describe('the shipped npm packages', () => {
  const list = reviewed.packages as Record<string, Reviewed>;

  it('are exactly the reviewed list, at the reviewed versions', () => {
    const lockfile = Object.fromEntries(
      Object.entries(shipped()).map(([name, p]) => [name, `${p.version} ${p.license}`]),
    );
    const listed = Object.fromEntries(
      Object.entries(list).map(([name, p]) => [name, `${p.version} ${p.license}`]),
    );
    expect(lockfile).toEqual(listed);
  });

  it('each say what they are for and carry an allowed licence', () => {
    for (const [name, p] of Object.entries(list)) {
      expect(p.why.length, name).toBeGreaterThan(10);
      expect(ALLOWED_LICENCES, name).toContain(p.license);
    }
  });
});
