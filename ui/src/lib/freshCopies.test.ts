import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActingSwitch } from './types';

const ENDED = { code: 'platform-answered', message: '您现在不能替这位家人办事了：她结束了授权，或者授权已经过期。' };
const HIMSELF: ActingSwitch = { choices: [], acting_words: null };
const FOR_HER: ActingSwitch = {
  choices: [
    { grant_id: null, name: '我自己', active: false },
    { grant_id: 'rg-1', name: '张秀英', active: true },
  ],
  acting_words: '现在替 张秀英 办事',
};
let switchNow: ActingSwitch = HIMSELF;
vi.mock('./ipc', async (original) => ({
  ...(await original<typeof import('./ipc')>()),
  copiesRefresh: async () => Promise.reject(ENDED),
  relativesSwitch: async () => switchNow,
}));

const { refreshThenLoad } = await import('./freshCopies');
const { acting } = await import('./actingState.svelte');

beforeEach(() => {
  acting.switch = null;
});

describe('fresh copies that could not be fetched', () => {
  it('keep the copies shown, and say so', async () => {
    const failed = vi.fn();
    const load = vi.fn(async () => {});
    await refreshThenLoad(load, { failed });
    expect(failed).toHaveBeenCalledWith(ENDED.message, true);
    expect(load).toHaveBeenCalled();
  });

  it('for a relative whose grant ended, bring him back to himself: nothing of hers is kept', async () => {
    acting.switch = FOR_HER;
    switchNow = HIMSELF;
    const failed = vi.fn();
    await refreshThenLoad(async () => {}, { failed });
    expect(failed).toHaveBeenCalledWith(ENDED.message, false);
    expect(acting.switch?.acting_words).toBeNull();
  });
});
