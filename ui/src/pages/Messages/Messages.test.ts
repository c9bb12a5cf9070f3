import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Inbox } from '../../lib/types';

let box: Inbox;
const messageRead = vi.fn(async (id: number) => {
  box = {
    unread: 0,
    messages: box.messages.map((m) => (m.message_id === id ? { ...m, read: true } : m)),
  };
});
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  inbox: async () => box,
  messageRead: (id: number) => messageRead(id),
}));

const { default: Messages } = await import('./Messages.svelte');

describe('消息', () => {
  it('says how many are unread, marks them in words, and marks one read on request', async () => {
    const user = userEvent.setup();
    box = {
      unread: 1,
      messages: [
        {
          message_id: 7,
          title: '高龄津贴申领：已受理',
          body: '您的申请已经受理。',
          application_no: 'A1',
          request_no: null,
          created_at: '2026-11-25T09:30:00+08:00',
          read: false,
          date_words: '2026年11月25日',
        },
      ],
    };
    render(Messages);
    expect((await screen.findByRole('status')).textContent).toBe('有1条消息还没看。');
    expect(screen.getByRole('heading', { level: 2, name: /已受理\s*（没看过）/ })).toBeTruthy();
    expect(screen.getByText('2026年11月25日')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '我看过了' }));
    expect(messageRead).toHaveBeenCalledWith(7);
    expect((await screen.findByRole('status')).textContent).toBe('消息都看过了。');
    expect(screen.queryByRole('button', { name: '我看过了' })).toBeNull();
  });

  it('says what will come here when there is nothing yet', async () => {
    box = { unread: 0, messages: [] };
    render(Messages);
    expect(await screen.findByText(/办事有了进展，这里会告诉您/)).toBeTruthy();
  });
});
