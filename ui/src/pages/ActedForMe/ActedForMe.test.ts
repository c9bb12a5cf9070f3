import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ActedForMeView } from '../../lib/types';

/** What the shell answers to 谁帮我办过. */
let answer = (): Promise<ActedForMeView[]> => Promise.resolve([]);
let reported = (sessionId: string): Promise<string> => Promise.resolve(`SQ-${sessionId}`);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  actedForMe: () => answer(),
  actedForMeReport: (sessionId: string) => reported(sessionId),
}));

const { default: ActedForMe } = await import('./ActedForMe.svelte');

const ZHAO: ActedForMeView = {
  session_id: 'as-1',
  when: '2026年12月1日 09:30',
  who: '东城区政务服务中心 赵敏',
  centre: '东城区政务服务中心',
  how: '您用短信验证码同意了',
  open: false,
  reportable: true,
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

  it('reports a time she does not recognise, asked alone, as her 投诉 to the centre', async () => {
    answer = () => Promise.resolve([ZHAO]);
    render(ActedForMe);
    await userEvent.click(await screen.findByRole('button', { name: '这次不是我同意的' }));
    expect(screen.getByRole('heading', { level: 1, name: '这次代办不是您同意的吗？' })).toBeTruthy();
    expect(screen.getByText(/向 东城区政务服务中心 提一个投诉/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '提交投诉' }));
    const done = await screen.findByRole('status');
    expect(done.textContent).toContain('编号 SQ-as-1');
    expect(screen.getByRole('link', { name: '看这个投诉' }).getAttribute('href')).toContain('SQ-as-1');
  });

  it('keeps her on the question and says plainly when it cannot be sent', async () => {
    answer = () => Promise.resolve([ZHAO]);
    reported = () =>
      Promise.reject({ code: 'acted-report-needs-network', message: '要联网才能提交投诉，请连上网络再试。' });
    render(ActedForMe);
    await userEvent.click(await screen.findByRole('button', { name: '这次不是我同意的' }));
    await userEvent.click(screen.getByRole('button', { name: '提交投诉' }));
    expect((await screen.findByRole('alert')).textContent).toContain('要联网');
    expect(screen.getByRole('heading', { level: 1, name: '这次代办不是您同意的吗？' })).toBeTruthy();
  });
});
