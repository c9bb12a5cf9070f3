import { describe, expect, it } from 'vitest';
import { plainDate } from './dates';

describe('plainDate', () => {
  it('writes dates the way people read them', () => {
    expect(plainDate('2026-11-26')).toBe('2026年11月26日');
    expect(plainDate('1944-03-05')).toBe('1944年3月5日');
    expect(plainDate('明年')).toBe('明年');
  });
});
