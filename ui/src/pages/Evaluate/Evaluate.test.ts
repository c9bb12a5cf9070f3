import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  evaluationLevels: () =>
    Promise.resolve([
      { level: 1, name: '非常满意', needs_reason: false },
      { level: 2, name: '满意', needs_reason: false },
      { level: 3, name: '基本满意', needs_reason: false },
      { level: 4, name: '不满意', needs_reason: true },
      { level: 5, name: '非常不满意', needs_reason: true },
    ]),
}));

const { default: Evaluate } = await import('./Evaluate.svelte');

describe('Evaluate', () => {
  beforeEach(() => {
    send.mockReset();
    window.location.hash = '';
  });

  it('offers five choices in words and sends the one chosen', async () => {
    send.mockResolvedValue(undefined);
    render(Evaluate, { send, backHref: '#/progress/N1' });
    await fireEvent.click(await screen.findByRole('radio', { name: '非常满意' }));
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    expect(screen.queryByRole('textbox')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(window.location.hash).toBe('#/progress/N1'));
    expect(send).toHaveBeenCalledWith(1, null);
  });

  it('asks why for 不满意, and keeps what was typed when refused', async () => {
    send.mockRejectedValue({
      code: 'evaluation-reason-required',
      message: '选“不满意”或“非常不满意”时，请说一说原因',
    });
    render(Evaluate, { send, backHref: '#/progress/N1' });
    await fireEvent.click(await screen.findByRole('radio', { name: '不满意' }));
    const reason = screen.getByRole('textbox', { name: '哪里不满意？请说一说' });
    await fireEvent.input(reason, { target: { value: '  ' } });
    await fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请说一说原因');
    expect(send).toHaveBeenCalledWith(4, '  ');
    expect(window.location.hash).toBe('');
    expect((screen.getByRole('radio', { name: '不满意' }) as HTMLInputElement).checked).toBe(true);
  });
});
