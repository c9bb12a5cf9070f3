import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDraftSaver } from './draftSaver';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createDraftSaver', () => {
  it('saves the latest value once the person pauses', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const saver = createDraftSaver(save);
    saver.answer('name', '张');
    saver.answer('name', '张秀');
    saver.answer('name', '张秀英');
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save.mock.calls).toEqual([['name', '张秀英']]);
    expect(saver.pending).toBe(false);
  });

  it('saves within one second even while the typing goes on', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const saver = createDraftSaver(save);
    for (let ms = 0; ms < 1000; ms += 100) {
      saver.answer('address', `北京市${ms}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0]).toBe('address');
  });

  it('keeps an answer whose save failed and sends it with the next save', async () => {
    const errors: unknown[] = [];
    const save = vi
      .fn()
      .mockRejectedValueOnce({ code: 'error-local-store', message: '暂时读不出来' })
      .mockResolvedValue(undefined);
    const saver = createDraftSaver(save, undefined, (e) => errors.push(e));
    saver.answer('phone', '13800000001');
    await saver.flush();
    expect(errors).toHaveLength(1);
    expect(saver.pending).toBe(true);
    saver.answer('name', '李建国');
    await saver.flush();
    expect(save.mock.calls.slice(1)).toEqual([
      ['phone', '13800000001'],
      ['name', '李建国'],
    ]);
    expect(saver.pending).toBe(false);
  });

  it('saves everything at once on flush, each question once', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const saver = createDraftSaver(save);
    saver.answer('a', 1);
    saver.answer('b', 2);
    saver.answer('a', 3);
    await saver.flush();
    expect(save.mock.calls).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
  });
});
