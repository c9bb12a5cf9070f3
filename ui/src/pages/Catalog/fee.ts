// Plain-words pieces of a catalog item: how long it takes and what it costs.

import { plainWords } from '../../lib/glossary';
import { t } from '../../lib/i18n';
import type { CatalogItem } from '../../lib/types';

/** 承诺件 and 即办件 in plain words: 需要N个工作日办好, or 当场就能办好. */
export function durationText(item: CatalogItem): string {
  return item.case_type === '1' || item.promised_days === 0
    ? plainWords('即办件')
    : plainWords('承诺件', { days: String(item.promised_days) });
}

/** Yuan from fen, without trailing zeros: 2000 → "20", 150 → "1.5". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** 不收费, or the fee in yuan with what it is for. */
export function feeText(item: CatalogItem): string {
  return item.fee
    ? t('catalog-fee', { yuan: yuan(item.fee.amount_fen), description: item.fee.description })
    : t('catalog-fee-free');
}
