// Dates in the words people read: 2026年11月26日, never 2026-11-26 (elder-ux).

import { t } from './i18n';

/** A YYYY-MM-DD date as 2026年11月26日 (or the locale's form); anything else as it is. */
export function plainDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return iso;
  const [, year, month, day] = match;
  return t('date-shown', { year, month: String(Number(month)), day: String(Number(day)) });
}
