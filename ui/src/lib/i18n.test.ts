import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, messageIds, setLocale, t } from './i18n';

afterEach(() => setLocale('zh-CN'));

describe('i18n', () => {
  it('reads the shared Fluent files for every locale', () => {
    for (const locale of LOCALES) expect(messageIds(locale).length).toBeGreaterThan(10);
  });

  it('has the same keys in every locale', () => {
    const reference = messageIds('zh-CN');
    for (const locale of LOCALES) expect(messageIds(locale)).toEqual(reference);
  });

  it('formats arguments without isolation marks', () => {
    expect(t('glossary-promised-case', { days: 10 })).toBe('需要10个工作日办好');
    setLocale('en-US');
    expect(t('glossary-promised-case', { days: 10 })).toBe('Done within 10 working days');
  });

  it('falls back to the id for an unknown message', () => {
    expect(t('no-such-message')).toBe('no-such-message');
  });
});
