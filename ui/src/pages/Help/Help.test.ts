import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallBack, CentreHelp, FamilyHelp, HelpPage } from '../../lib/types';

const NUMBERS = [{ name: '政务服务便民热线', number: '12345', hours: '白天晚上都有人接' }];
const ASKED: CallBack = {
  state: 'asked',
  said: '已经请工作人员给您回电话了。最晚2026年12月3日会打到 138****0001，请留意接听。',
};
const DONGCHENG: CentreHelp = {
  state: 'known',
  number: { name: '东城区政务服务中心', number: '010-64001101', hours: '周一到周五，上午9点到下午5点' },
  address: '东城区示例大街1号',
  changeable: false,
  change_said: '不是东城区？换一个区',
};
const NOT_HERE: FamilyHelp = { state: 'not_here' };
const SON = { grant_id: 'rg-1', ask: '请儿子 李明帮忙', tap: null };
const TEXTED: FamilyHelp = {
  state: 'relatives',
  relatives: [{ ...SON, tap: { state: 'waiting', said: '正在发短信告诉儿子 李明。没有网络的话，连上网络以后马上发。' } }],
};
let page: HelpPage;
let fresh: () => Promise<CentreHelp>;
let freshFamily: () => Promise<FamilyHelp>;
const helpCallBack = vi.fn(async (_lookingAt: string | null): Promise<CallBack> => ASKED);
const helpAskFamily = vi.fn(async (_grantId: string, _lookingAt: string | null): Promise<FamilyHelp> => TEXTED);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  helpPage: async () => page,
  helpCentre: () => fresh(),
  helpFamily: () => freshFamily(),
  helpCallBack: (lookingAt: string | null) => helpCallBack(lookingAt),
  helpAskFamily: (grantId: string, lookingAt: string | null) => helpAskFamily(grantId, lookingAt),
}));

const { default: Help } = await import('./Help.svelte');
const { helpFrom } = await import('../../lib/helpFrom.svelte');

beforeEach(() => {
  helpCallBack.mockClear();
  helpAskFamily.mockClear();
  fresh = async () => page.centre;
  freshFamily = async () => page.family;
});

describe('求助', () => {
  it('asks for a call-back in one tap, naming the page she was on, and says when to expect it', async () => {
    const user = userEvent.setup();
    page = { numbers: NUMBERS, centre: DONGCHENG, call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' }, family: NOT_HERE };
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
    page = { numbers: NUMBERS, centre: DONGCHENG, call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' }, family: NOT_HERE };
    helpFrom.page = '张秀英，您好';
    render(Help).unmount();
    render(Help);
    await user.click(await screen.findByRole('button', { name: '请工作人员给我回电话' }));
    expect(helpCallBack).toHaveBeenCalledWith(null);
  });

  it('logged out: the numbers, and 登录 for a call-back', async () => {
    page = { numbers: NUMBERS, centre: DONGCHENG, call_back: { state: 'log_in_first' }, family: NOT_HERE };
    render(Help);
    expect(await screen.findByText('登录以后，可以请工作人员给您回电话。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '登录' }).getAttribute('href')).toBe('#/login');
    expect(screen.getByText('12345')).toBeTruthy();
  });

  it('a call-back refused is said in plain words, and she can try again', async () => {
    const user = userEvent.setup();
    page = { numbers: NUMBERS, centre: DONGCHENG, call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' }, family: NOT_HERE };
    helpCallBack.mockRejectedValueOnce({ code: 'store-unavailable', message: '这台电脑现在不能保存资料。' });
    render(Help);
    await user.click(await screen.findByRole('button', { name: '请工作人员给我回电话' }));
    expect((await screen.findByRole('alert')).textContent).toContain('这台电脑现在不能保存资料。');
    await user.click(screen.getByRole('button', { name: '请工作人员给我回电话' }));
    expect(helpCallBack).toHaveBeenCalledTimes(2);
  });

  it('her centre is shown from the copy kept here at once, then as the platform lists it now', async () => {
    let answer: (centre: CentreHelp) => void = () => {};
    fresh = () => new Promise((resolve) => (answer = resolve));
    page = { numbers: NUMBERS, centre: DONGCHENG, call_back: { state: 'log_in_first' }, family: NOT_HERE };
    render(Help);
    expect(await screen.findByText('010-64001101')).toBeTruthy();
    expect(screen.getByText('东城区政务服务中心，周一到周五，上午9点到下午5点')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '不是东城区？换一个区' })).toBeNull();
    answer({ ...DONGCHENG, number: { ...DONGCHENG.number, number: '010-64001199' } });
    expect(await screen.findByText('010-64001199')).toBeTruthy();
    expect(screen.queryByText('010-64001101')).toBeNull();
  });

  it('a district picked here may be changed; without one she is asked which district she lives in', async () => {
    page = {
      numbers: NUMBERS,
      centre: { ...DONGCHENG, changeable: true },
      call_back: { state: 'log_in_first' },
      family: NOT_HERE,
    };
    render(Help).unmount();
    expect(screen.queryByText('010-64001101')).toBeNull();
    page = { numbers: NUMBERS, centre: { state: 'pick_district' }, call_back: { state: 'log_in_first' }, family: NOT_HERE };
    render(Help);
    const pick = await screen.findByRole('link', { name: '选您住的区' });
    expect(pick.getAttribute('href')).toBe('#/help/district');
    expect(screen.getByText('告诉我们您住在哪个区，就能看到那里服务中心的电话。')).toBeTruthy();
  });

  it('the change link names the district picked here', async () => {
    page = {
      numbers: NUMBERS,
      centre: { ...DONGCHENG, changeable: true },
      call_back: { state: 'log_in_first' },
      family: NOT_HERE,
    };
    render(Help);
    const change = await screen.findByRole('link', { name: '不是东城区？换一个区' });
    expect(change.getAttribute('href')).toBe('#/help/district');
  });

  it('never reached the platform and cannot now: 12345 still shows, and where her centre will be', async () => {
    fresh = async () => Promise.reject({ code: 'platform-unreachable', message: '暂时连不上办事平台。' });
    page = { numbers: NUMBERS, centre: { state: 'unheard' }, call_back: { state: 'log_in_first' }, family: NOT_HERE };
    render(Help);
    expect(await screen.findByText('联网以后，这里会显示您那里服务中心的电话。')).toBeTruthy();
    expect(screen.getByText('12345')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks her son for help in one tap, naming the page she was on, and says when he will be texted', async () => {
    const user = userEvent.setup();
    page = {
      numbers: NUMBERS,
      centre: DONGCHENG,
      call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' },
      family: { state: 'relatives', relatives: [SON] },
    };
    helpFrom.page = '高龄津贴申领（钱发到哪张银行卡）';
    render(Help);
    expect(await screen.findByRole('heading', { name: '请家人帮忙' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '请儿子 李明帮忙' }));
    expect(helpAskFamily).toHaveBeenCalledWith('rg-1', '高龄津贴申领（钱发到哪张银行卡）');
    const told = await screen.findByText('正在发短信告诉儿子 李明。没有网络的话，连上网络以后马上发。');
    expect(told.closest('[role="status"]')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '请儿子 李明帮忙' })).toBeNull();
    // Once it went, the page says so by itself.
    page = {
      ...page,
      family: {
        state: 'relatives',
        relatives: [{ ...SON, tap: { state: 'sent', said: '已经发短信告诉儿子 李明了，请留意接听电话。' } }],
      },
    };
    expect(await screen.findByText('已经发短信告诉儿子 李明了，请留意接听电话。', {}, { timeout: 4000 })).toBeTruthy();
  });

  it('a text refused is said in the platform words; nobody helping her yet says how it starts', async () => {
    page = {
      numbers: NUMBERS,
      centre: DONGCHENG,
      call_back: { state: 'log_in_first' },
      family: {
        state: 'relatives',
        relatives: [{ ...SON, tap: { state: 'refused', said: '今天已经给这位家人发过好几条短信了，请直接给他打电话。' } }],
      },
    };
    const refused = render(Help);
    const said = await screen.findByText('今天已经给这位家人发过好几条短信了，请直接给他打电话。');
    expect(said.closest('.problem')).toBeTruthy();
    refused.unmount();
    page = {
      numbers: NUMBERS,
      centre: DONGCHENG,
      call_back: { state: 'log_in_first' },
      family: { state: 'nobody_yet', said: '还没有家人能在惠办上帮您。' },
    };
    freshFamily = () => Promise.reject({ code: 'platform-unreachable', message: '暂时连不上办事平台。' });
    render(Help);
    expect(await screen.findByText('还没有家人能在惠办上帮您。')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('logged out or not hers to use, there is no family section', async () => {
    page = { numbers: NUMBERS, centre: DONGCHENG, call_back: { state: 'log_in_first' }, family: NOT_HERE };
    render(Help);
    expect(await screen.findByText('12345')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '请家人帮忙' })).toBeNull();
  });
});
