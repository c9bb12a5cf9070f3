import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { AssistedView, ServedTodayView } from '../../lib/types';

/** What the shell answers to the day's list, and to 再次办理. */
let day = (): Promise<ServedTodayView[]> => Promise.resolve([]);
const again = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  assistedServedToday: () => day(),
  assistedAgain: (sessionId: string) => again(sessionId),
}));

const { default: ServedToday } = await import('./ServedToday.svelte');
const { counter } = await import('../../lib/assistedState.svelte');

const ZHANG: ServedTodayView = {
  session_id: 'as-1',
  when: '09:30',
  resident: '张*英（110…1029）',
  status: '已结束',
  did: ['申请了办事'],
  waiting: 1,
  can_again: true,
};
const LI: ServedTodayView = {
  session_id: 'as-2',
  when: '10:05',
  resident: '李*',
  status: '居民没有同意',
  did: [],
  waiting: 0,
  can_again: false,
};
const WAITING: AssistedView = {
  open: false,
  resident_name: '张秀英',
  id_number_masked: '110…1029',
  phone_masked: null,
  banner: '正在为 张秀英（110…1029）办理',
  consent_words: [],
};

describe('ServedToday', () => {
  it('lists the day masked, with what was done and what still waits to be sent', async () => {
    day = () => Promise.resolve([LI, ZHANG]);
    render(ServedToday);
    const zhang = (await screen.findByRole('heading', { level: 2, name: '09:30 张*英（110…1029）' }))
      .parentElement as HTMLElement;
    expect(within(zhang).getByText('已结束')).toBeTruthy();
    expect(within(zhang).getByText('申请了办事')).toBeTruthy();
    expect(within(zhang).getByText(/1 件还没发出/)).toBeTruthy();
    const li = screen.getByRole('heading', { level: 2, name: '10:05 李*' }).parentElement as HTMLElement;
    expect(within(li).getByText('居民没有同意')).toBeTruthy();
    expect(within(li).queryByRole('button', { name: '再次办理' })).toBeNull();
  });

  it('picks her up again only through her consent page', async () => {
    day = () => Promise.resolve([ZHANG]);
    again.mockResolvedValue(WAITING);
    render(ServedToday);
    await userEvent.click(await screen.findByRole('button', { name: '再次办理' }));
    expect(again).toHaveBeenCalledWith('as-1');
    expect(counter.view).toEqual(WAITING);
    expect(window.location.hash).toBe('#/resident/consent');
  });

  it('says plainly when it needs the network', async () => {
    day = () =>
      Promise.reject({ code: 'served-needs-network', message: '要联网才能看今天办过的居民，请连上网络再试。' });
    render(ServedToday);
    expect((await screen.findByRole('alert')).textContent).toContain('要联网');
  });
});
