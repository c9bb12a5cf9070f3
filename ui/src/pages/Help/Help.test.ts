import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallBack, HelpPage } from '../../lib/types';

const NUMBERS = [{ name: '政务服务便民热线', number: '12345', hours: '白天晚上都有人接' }];
const ASKED: CallBack = {
  state: 'asked',
  said: '已经请工作人员给您回电话了。最晚2026年12月3日会打到 138****0001，请留意接听。',
};
let page: HelpPage;
const helpCallBack = vi.fn(async (_lookingAt: string | null): Promise<CallBack> => ASKED);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  helpPage: async () => page,
  helpCallBack: (lookingAt: string | null) => helpCallBack(lookingAt),
}));

const { default: Help } = await import('./Help.svelte');
const { helpFrom } = await import('../../lib/helpFrom.svelte');

beforeEach(() => helpCallBack.mockClear());

describe('求助', () => {
  it('asks for a call-back in one tap, naming the page she was on, and says when to expect it', async () => {
    const user = userEvent.setup();
    page = { numbers: NUMBERS, call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' } };
    helpFrom.page = '高龄津贴申领';
    render(Help);
    expect(await screen.findByText('工作人员会打这个电话：138****0001')).toBeTruthy();
    expect(screen.getByText('12345')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '请工作人员给我回电话' }));
    expect(helpCallBack).toHaveBeenCalledWith('高龄津贴申领');
    expect((await screen.findByRole('status')).textContent).toContain('最晚2026年12月3日会打到 138****0001');
    expect(screen.queryByRole('button', { name: '请工作人员给我回电话' })).toBeNull();
  });

  it('opened again without the top bar (from home), names no page: the last visit is forgotten', async () => {
    const user = userEvent.setup();
    page = { numbers: NUMBERS, call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' } };
    helpFrom.page = '张秀英，您好';
    render(Help).unmount();
    render(Help);
    await user.click(await screen.findByRole('button', { name: '请工作人员给我回电话' }));
    expect(helpCallBack).toHaveBeenCalledWith(null);
  });

  it('logged out: the numbers, and 登录 for a call-back', async () => {
    page = { numbers: NUMBERS, call_back: { state: 'log_in_first' } };
    render(Help);
    expect(await screen.findByText('登录以后，可以请工作人员给您回电话。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '登录' }).getAttribute('href')).toBe('#/login');
    expect(screen.getByText('12345')).toBeTruthy();
  });

  it('a call-back refused is said in plain words, and she can try again', async () => {
    const user = userEvent.setup();
    page = { numbers: NUMBERS, call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' } };
    helpCallBack.mockRejectedValueOnce({ code: 'store-unavailable', message: '这台电脑现在不能保存资料。' });
    render(Help);
    await user.click(await screen.findByRole('button', { name: '请工作人员给我回电话' }));
    expect((await screen.findByRole('alert')).textContent).toContain('这台电脑现在不能保存资料。');
    await user.click(screen.getByRole('button', { name: '请工作人员给我回电话' }));
    expect(helpCallBack).toHaveBeenCalledTimes(2);
  });
});
