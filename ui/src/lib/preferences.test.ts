import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  TEXT_SIZES,
  applyPreferences,
  resolveTheme,
  systemLook,
} from './preferences';

describe('preferences', () => {
  it('follows the computer until the person picks', () => {
    const plain = { dark: false, moreContrast: false };
    expect(resolveTheme('system', plain)).toBe('light');
    expect(resolveTheme('system', { dark: true, moreContrast: false })).toBe('dark_contrast');
    expect(resolveTheme('system', { dark: false, moreContrast: true })).toBe('light_contrast');
    expect(resolveTheme('light', { dark: true, moreContrast: true })).toBe('light');
  });

  it('reads the system look from media queries, forced colours counting as more contrast', () => {
    expect(systemLook((q) => q === '(forced-colors: active)')).toEqual({
      dark: false,
      moreContrast: true,
    });
  });

  it('puts the size and the drawn theme on the root element', () => {
    const root = document.createElement('html');
    applyPreferences({ ...DEFAULT_PREFERENCES, text_size: 'largest' }, root, {
      dark: true,
      moreContrast: false,
    });
    expect(root.dataset.textSize).toBe('largest');
    expect(root.dataset.theme).toBe('dark_contrast');
  });

  it('offers four sizes from 24 to 40 px', () => {
    expect(TEXT_SIZES.map((s) => s.px)).toEqual([24, 30, 36, 40]);
  });
});
