// Example catalog items for tests and the gallery, with the plain words core gives them.

import type { CatalogEntry } from '../../lib/types';

/** A realistic item, with any fields overridden. */
export function sampleItem(overrides: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    impl_code: '110101020001050040000001',
    basic_code: '000105004000',
    name: '高龄津贴申领',
    summary: '80周岁以上的老人，每月可以领取高龄津贴。',
    item_type: '05',
    case_type: '2',
    legal_days: 20,
    promised_days: 15,
    channels: ['1', '2', '3', '4', '5'],
    department: { name: '北京市东城区民政局', credit_code: '111101014001000200' },
    materials: [
      { name: '居民身份证', required: true, original_count: 1, copy_count: 0, licence_type: '居民身份证' },
    ],
    fee: null,
    form: { form_id: 'form-004', version: 1 },
    duration_words: '需要15个工作日办好',
    fee_words: '不收费',
    ...overrides,
  };
}
