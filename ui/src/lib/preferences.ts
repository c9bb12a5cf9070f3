// The person's choices as the shell keeps them, and how they show on the page: the text size, the
// resolved theme and the language are set as attributes on <html>, which the tokens in app.css
// (and screen readers) follow.

import type { Language, Preferences, SpeechRate, TextSize, Theme } from './types';

export type { Language, Preferences, SpeechRate, TextSize, Theme };

/** Colours as drawn. */
export type ResolvedTheme = Exclude<Theme, 'system'>;

/** The choices before the person makes any (the same as the shell's defaults). */
export const DEFAULT_PREFERENCES: Preferences = {
  text_size: 'standard',
  theme: 'system',
  read_aloud: false,
  speech_rate: 'normal',
  first_run_done: false,
  language: 'zh_cn',
};

/** The four text sizes, smallest first, with their label and body size in CSS px. */
export const TEXT_SIZES: readonly { id: TextSize; label: string; px: number }[] = [
  { id: 'standard', label: 'text-size-standard', px: 24 },
  { id: 'large', label: 'text-size-large', px: 30 },
  { id: 'extra_large', label: 'text-size-extra-large', px: 36 },
  { id: 'largest', label: 'text-size-largest', px: 40 },
];

/** The colour choices with their labels. */
export const THEMES: readonly { id: Theme; label: string }[] = [
  { id: 'system', label: 'theme-system' },
  { id: 'light', label: 'theme-light' },
  { id: 'dark_contrast', label: 'theme-dark-contrast' },
  { id: 'light_contrast', label: 'theme-light-contrast' },
];

/** What the computer asks for. */
export interface SystemLook {
  dark: boolean;
  moreContrast: boolean;
}

/** The theme to draw: the person's pick, or for `system` what the computer asks for. */
export function resolveTheme(theme: Theme, system: SystemLook): ResolvedTheme {
  if (theme !== 'system') return theme;
  if (system.dark) return 'dark_contrast';
  return system.moreContrast ? 'light_contrast' : 'light';
}

/** What the computer asks for now, read from media queries. */
export function systemLook(match: (query: string) => boolean): SystemLook {
  return {
    dark: match('(prefers-color-scheme: dark)'),
    moreContrast: match('(prefers-contrast: more)') || match('(forced-colors: active)'),
  };
}

/** Shows `preferences` on `root`. */
export function applyPreferences(
  preferences: Preferences,
  root: HTMLElement,
  system: SystemLook,
): void {
  root.dataset.textSize = preferences.text_size;
  root.dataset.theme = resolveTheme(preferences.theme, system);
  root.lang = localeOf(preferences.language);
}

/** The locale of the words for `language`. */
export function localeOf(language: Language): 'zh-CN' | 'en-US' {
  return language === 'en_us' ? 'en-US' : 'zh-CN';
}
