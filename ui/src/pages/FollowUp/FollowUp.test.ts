import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const requestFollowUp = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  requestFollowUp: (...args: unknown[]) => requestFollowUp(...args),
}));

const { default: FollowUp } = await import('./FollowUp.svelte');

describe('FollowUp', () => {
  beforeEach(() => {
    requestFollowUp.mockReset();
    window.location.hash = '';
  });

  it('asks both questions before sending, keeping what was chosen', async () => {
    render(FollowUp, { requestNo: 'SQ1' });
    const solved = screen.getByRole('group', { name: '问题解决了吗？' });
    await fireEvent.click(solved.querySelector('input[value=yes]')!);
    await fireEvent.click(screen.getByRole('button', { name: '提交回答' }));
    expect((await screen.findByRole('alert')).textContent).toContain('办理部门和您联系过吗');
    expect(requestFollowUp).not.toHaveBeenCalled();
    expect((solved.querySelector('input[value=yes]') as HTMLInputElement).checked).toBe(true);
  });

  it('sends the answers and goes back to the request', async () => {
    requestFollowUp.mockResolvedValue(undefined);
    render(FollowUp, { requestNo: 'SQ1' });
    const solved = screen.getByRole('group', { name: '问题解决了吗？' });
    const contacted = screen.getByRole('group', { name: '办理部门和您联系过吗？' });
    await fireEvent.click(solved.querySelector('input[value=no]')!);
    await fireEvent.click(contacted.querySelector('input[value=yes]')!);
    await fireEvent.input(screen.getByRole('textbox'), { target: { value: '灯还是不亮' } });
    await fireEvent.click(screen.getByRole('button', { name: '提交回答' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/SQ1'));
    expect(requestFollowUp).toHaveBeenCalledWith('SQ1', false, true, '灯还是不亮');
  });
});
