import { describe, expect, it } from 'vitest';
import { durationText, feeText, yuan } from './fee';
import { sampleItem } from './fixtures';

describe('catalog plain words', () => {
  it('says how many working days a promised item takes', () => {
    expect(durationText(sampleItem({ case_type: '2', promised_days: 15 }))).toBe('需要15个工作日办好');
  });

  it('says on-the-spot items are done on the spot', () => {
    expect(durationText(sampleItem({ case_type: '1', promised_days: 0 }))).toBe('当场就能办好');
  });

  it('writes yuan without trailing zeros', () => {
    expect(yuan(2000)).toBe('20');
    expect(yuan(150)).toBe('1.5');
    expect(yuan(1)).toBe('0.01');
  });

  it('says whether an item costs anything', () => {
    expect(feeText(sampleItem({ fee: null }))).toBe('不收费');
    expect(feeText(sampleItem({ fee: { amount_fen: 8000, description: '不动产登记费' } }))).toBe(
      '收费80元（不动产登记费）',
    );
  });
});
