import { describe, expect, it, vi } from 'vitest';

const assistedEnd = vi.fn();
vi.mock('./ipc', async (original) => ({
  ...(await original<typeof import('./ipc')>()),
  assistedEnd: () => assistedEnd(),
}));

const { counter, endAssisted, waitingFor } = await import('./assistedState.svelte');

const WAITING = {
  open: false,
  resident_name: '李建国',
  id_number_masked: '110…0132',
  phone_masked: null,
  banner: '正在为 李建国（110…0132）办理',
  consent_words: [],
};

describe('the resident at the counter', () => {
  it('a new session starts with no signature drawn for the resident before', () => {
    // 张秀英 signed, and the clerk went on to the next resident without 结束办理.
    counter.signature = 'data:image/png;base64,ZHANG';
    waitingFor(WAITING);
    expect(counter.signature).toBe('');
    expect(counter.view).toEqual(WAITING);
  });

  it('结束办理 forgets her number, her signature and her session even when the shell fails', async () => {
    assistedEnd.mockRejectedValue(new Error('offline'));
    Object.assign(counter, { idNumber: '110101194403151029', signature: 'data:x', view: WAITING });
    await endAssisted().catch(() => {});
    expect({ ...counter }).toEqual({ idNumber: '', signature: '', view: null });
  });
});
