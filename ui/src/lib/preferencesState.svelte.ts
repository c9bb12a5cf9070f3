// The person's choices for the whole UI: loaded once from the shell, shown at once on every change,
// saved through the shell, and re-shown when the computer's look changes under `system`.

import { setLocale } from './i18n';
import { preferencesGet, preferencesSet } from './ipc';
import {
  DEFAULT_PREFERENCES,
  applyPreferences,
  localeOf,
  systemLook,
  type Preferences,
} from './preferences';

/** The choices now, and whether they came from the shell yet. */
export const preferences = $state({ current: { ...DEFAULT_PREFERENCES }, loaded: false });

function match(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

function show() {
  setLocale(localeOf(preferences.current.language));
  applyPreferences(preferences.current, document.documentElement, systemLook(match));
}

/** Loads the saved choices and shows them; keeps following the computer's look. */
export async function loadPreferences(): Promise<void> {
  try {
    preferences.current = { ...DEFAULT_PREFERENCES, ...(await preferencesGet()) };
  } catch {
    // Without them the defaults stand; nothing else depends on it.
  }
  preferences.loaded = true;
  show();
  if (typeof window.matchMedia === 'function') {
    for (const query of [
      '(prefers-color-scheme: dark)',
      '(prefers-contrast: more)',
      '(forced-colors: active)',
    ]) {
      window.matchMedia(query).addEventListener?.('change', show);
    }
  }
}

/** Changes some choices: shown at once, then saved. */
export async function choose(change: Partial<Preferences>): Promise<void> {
  preferences.current = { ...preferences.current, ...change };
  show();
  await preferencesSet(preferences.current);
}
