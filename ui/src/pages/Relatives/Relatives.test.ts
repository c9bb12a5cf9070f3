import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import recorded from '../../../tests/browser/fixtures/relatives.json';
import type { GrantAnswer, RelativesPage } from '../../lib/types';

const ASKED = recorded.asked as RelativesPage;
const AGREED = recorded.agreed as RelativesPage;
let page: RelativesPage;
const relativesAnswer = vi.fn(async (_grant: string, _answer: GrantAnswer) => AGREED);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  relativesPage: async () => page,
  relativesAnswer: (grant: string, answer: GrantAnswer) => relativesAnswer(grant, answer),
  relativesSwitch: async () => recorded.switch_himself,
}));

const { default: Relatives } = await import('./Relatives.svelte');

beforeEach(() => {
  relativesAnswer.mockClear();
  page = ASKED;
});

describe('谁能帮我办', () => {
  it('asks her first, in plain words, what her son may and may not do and for how long', async () => {
    const user = userEvent.setup();
    render(Relatives);
    const question = await screen.findByRole('heading', {
      level: 2,
      name: '您的儿子 李明 想帮您办事，同意吗？',
    });
    const box = question.closest('section') as HTMLElement;
    expect(within(box).getByText('不能看您的投诉和举报')).toBeTruthy();
    expect(within(box).getByText(/一年内有效/)).toBeTruthy();
    await user.click(within(box).getByRole('button', { name: '同意' }));
    expect(relativesAnswer).toHaveBeenCalledWith('rg-demo-liming', 'agree');
    expect((await screen.findByRole('status')).textContent).toContain('您同意了');
    expect(screen.getByText('能帮您办事，到2027年11月30日为止')).toBeTruthy();
  });

  it('she ends it with one tap named for him', async () => {
    const user = userEvent.setup();
    page = AGREED;
    render(Relatives);
    await user.click(await screen.findByRole('button', { name: '结束 您的儿子 李明 帮您办事' }));
    expect(relativesAnswer).toHaveBeenCalledWith('rg-demo-liming', 'end');
  });

  it('a refusal of the platform is said and nothing is lost', async () => {
    const user = userEvent.setup();
    relativesAnswer.mockRejectedValueOnce({
      code: 'relatives-needs-network',
      message: '要联网才能办亲友代办的事，请连上网络再试。',
    });
    render(Relatives);
    await user.click(await screen.findByRole('button', { name: '不同意' }));
    expect((await screen.findByRole('alert')).textContent).toContain('要联网');
    expect(screen.getByRole('heading', { name: '您的儿子 李明 想帮您办事，同意吗？' })).toBeTruthy();
  });

  it('his side: whom he helps, and asking a relative', async () => {
    page = recorded.helping as RelativesPage;
    render(Relatives);
    expect(await screen.findByRole('heading', { level: 2, name: '我帮家人办事' })).toBeTruthy();
    expect(screen.getByText('张秀英')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: '请家人同意我帮她办事' }).getAttribute('href'),
    ).toBe('#/settings/relatives/ask');
  });

  it('his side, once she ended it: what he did for her that was not sent, in plain words', async () => {
    page = recorded.his_ended as RelativesPage;
    render(Relatives);
    const told = await screen.findByText(/您替张秀英办的1件事没有送到：高龄津贴申领/);
    expect(told.closest('.problem')).toBeTruthy();
    expect(screen.getByText('已经结束了')).toBeTruthy();
  });
});
