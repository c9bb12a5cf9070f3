import { describe, expect, it } from 'vitest';
import { plainWords } from './glossary';

describe('glossary', () => {
  it('turns official terms into plain words', () => {
    expect(plainWords('承诺件', { days: '15' })).toBe('需要15个工作日办好');
    expect(plainWords('补正')).toBe('还需要您补交一些材料');
    expect(plainWords('办件编号')).toBe('查进度用的编号');
  });

  it('leaves an unknown term as it is', () => {
    expect(plainWords('未知')).toBe('未知');
  });
});
