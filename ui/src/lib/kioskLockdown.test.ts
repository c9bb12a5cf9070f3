import { describe, expect, it } from 'vitest';
import { lockDown, refusedKey } from './kioskLockdown';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('the kiosk lockdown', () => {
  it('refuses zoom, reload, leaving and developer keys but not typing', () => {
    for (const refused of [
      key('+', { ctrlKey: true }),
      key('-', { ctrlKey: true }),
      key('0', { ctrlKey: true }),
      key('R', { ctrlKey: true }),
      key('F5'),
      key('F12'),
      key('F4', { altKey: true }),
      key('ArrowLeft', { altKey: true }),
    ]) {
      expect(refusedKey(refused), JSON.stringify(refused)).toBe(true);
    }
    for (const allowed of [key('a'), key('1'), key('Backspace'), key('Enter'), key('X')]) {
      expect(refusedKey(allowed), JSON.stringify(allowed)).toBe(false);
    }
  });

  it('refuses the context menu and selecting the page, but not selecting in a field', () => {
    lockDown(window);
    const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(menu);
    expect(menu.defaultPrevented).toBe(true);
    const onPage = new Event('selectstart', { bubbles: true, cancelable: true });
    document.body.dispatchEvent(onPage);
    expect(onPage.defaultPrevented).toBe(true);
    const input = document.createElement('input');
    document.body.append(input);
    const inField = new Event('selectstart', { bubbles: true, cancelable: true });
    input.dispatchEvent(inField);
    expect(inField.defaultPrevented).toBe(false);
    const zoom = new KeyboardEvent('keydown', { key: '+', ctrlKey: true, cancelable: true });
    document.body.dispatchEvent(zoom);
    expect(zoom.defaultPrevented).toBe(true);
    expect(document.documentElement.classList.contains('kiosk')).toBe(true);
  });
});
