import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ActedForMeView } from '../../lib/types';

/** What the shell answers to 谁帮我办过. */
let answer = (): Promise<ActedForMeView[]> => Promise.resolve([]);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  actedForMe: () => answer(),
}));

const { default: ActedForMe } = await import('./ActedForMe.svelte');

const ZHAO: ActedForMeView = {
  session_id: 'as-1',
  when: '2026年12月1日 09:30',
  who: '东城区政务服务中心 赵敏',
  how: '您用短信验证码同意了',
  open: false,
  did: ['看了您的姓名和手机号码', '替您申请了办事'],
};

describe('ActedForMe', () => {
  it('shows each time someone acted for her: when, who, how she agreed and what they did', async () => {
    answer = () => Promise.resolve([ZHAO]);
    render(ActedForMe);
    expect(await screen.findByRole('heading', { level: 2, name: '2026年12月1日 09:30' })).toBeTruthy();
    expect(screen.getByText('东城区政务服务中心 赵敏')).toBeTruthy();
    expect(screen.getByText('您用短信验证码同意了')).toBeTruthy();
    expect(screen.getByText('替您申请了办事')).toBeTruthy();
    expect(screen.getByText(/请马上拨打12345/)).toBeTruthy();
  });

  it('says so when nobody has, and says plainly when it needs the network', async () => {
    answer = () => Promise.resolve([]);
    const { unmount } = render(ActedForMe);
    expect(await screen.findByText('还没有人为您办过事。')).toBeTruthy();
    unmount();
    answer = () =>
      Promise.reject({ code: 'acted-needs-network', message: '要联网才能看谁帮您办过，请连上网络再试。' });
    render(ActedForMe);
    expect((await screen.findByRole('alert')).textContent).toContain('要联网');
  });
});
