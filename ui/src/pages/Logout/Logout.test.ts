import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const unsent = vi.fn();
const logout = vi.fn();
const queueSummary = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  unsent: () => unsent(),
  logout: (leave?: string) => logout(leave),
  queueSummary: () => queueSummary(),
  onQueueChanged: () => Promise.resolve(() => {}),
}));

const { default: Logout } = await import('./Logout.svelte');
const { session, leaveOrAsk } = await import('../../lib/sessionState.svelte');

beforeEach(() => {
  unsent.mockReset();
  logout.mockReset().mockResolvedValue(undefined);
  queueSummary.mockReset();
  session.loggedIn = true;
});

describe('Logout', () => {
  it('logs out at once when nothing is left unsent', async () => {
    unsent.mockResolvedValue({ drafts: 0, waiting: 0, refused: 0, nothing: true });
    expect(await leaveOrAsk()).toBe(true);
    expect(logout).toHaveBeenCalledTimes(1);
    expect(session.loggedIn).toBe(false);
  });

  it('asks first when something is unsent, and keeps it for the next login', async () => {
    const user = userEvent.setup();
    unsent.mockResolvedValue({ drafts: 1, waiting: 2, refused: 0, nothing: false });
    expect(await leaveOrAsk()).toBe(false);
    expect(logout).not.toHaveBeenCalled();
    render(Logout);
    expect(
      await screen.findByRole('heading', { level: 1, name: '退出前，您还有东西没发出去，怎么办？' }),
    ).toBeTruthy();
    expect((await screen.findAllByRole('listitem')).map((li) => li.textContent)).toEqual([
      '有2件等着发出去。',
      '有1份表还没填完。',
    ]);
    await user.click(screen.getByRole('button', { name: '留着，下次登录再发' }));
    expect(logout).toHaveBeenCalledWith('keep');
    expect(await screen.findByText('已经退出，这台电脑上不再保存您的登录。')).toBeTruthy();
  });

  it('deletes only after being asked twice', async () => {
    const user = userEvent.setup();
    unsent.mockResolvedValue({ drafts: 0, waiting: 1, refused: 0, nothing: false });
    render(Logout);
    await user.click(await screen.findByRole('button', { name: '不要了' }));
    expect(logout).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1, name: '真的不要了吗？' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '不删，回去' }));
    await user.click(await screen.findByRole('button', { name: '不要了' }));
    await user.click(screen.getByRole('button', { name: '不要了，删掉' }));
    expect(logout).toHaveBeenCalledWith('discard');
  });

  it('sends first and logs out once nothing waits', async () => {
    const user = userEvent.setup();
    unsent.mockResolvedValue({ drafts: 0, waiting: 1, refused: 0, nothing: false });
    queueSummary.mockResolvedValueOnce({
      waiting: 1,
      sent: 0,
      needs_attention: 0,
      sentence: '有1份申请等待发送，联网后会自动提交。',
    });
    render(Logout);
    await user.click(await screen.findByRole('button', { name: '现在发出去，再退出' }));
    expect(await screen.findByText('有1份申请等待发送，联网后会自动提交。')).toBeTruthy();
    expect(logout).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '留着，下次登录再发' })).toBeTruthy();
  });
});
