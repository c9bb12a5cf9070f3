import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallBackView } from '../../lib/types';

const ZHANG: CallBackView = {
  request_no: 'SQ20261203000001',
  said: '张秀英请您回电话（今天 10:42起）',
  phone: '138 0000 0001',
  description: '请工作人员给我回电话。我当时在看：高龄津贴申领。',
};
let open: CallBackView[];
const staffCallBackCalled = vi.fn(async (requestNo: string) => {
  open = open.filter((c) => c.request_no !== requestNo);
  return open;
});
const staffCallBacks = vi.fn(async () => open);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  staffCallBacks: () => staffCallBacks(),
  staffCallBackCalled: (requestNo: string) => staffCallBackCalled(requestNo),
}));

const { default: CallBacks } = await import('./CallBacks.svelte');

beforeEach(() => {
  staffCallBackCalled.mockClear();
  open = [ZHANG];
});

describe('请回电话', () => {
  it('shows who asked, the phone to dial and where she was; 已回电话 takes it off', async () => {
    const user = userEvent.setup();
    render(CallBacks);
    expect(await screen.findByRole('heading', { name: '请回电话' })).toBeTruthy();
    expect(screen.getByText('138 0000 0001')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('张秀英请您回电话（今天 10:42起）');
    await user.click(screen.getByRole('button', { name: '已回电话' }));
    expect(staffCallBackCalled).toHaveBeenCalledWith('SQ20261203000001');
    expect(screen.queryByRole('heading', { name: '请回电话' })).toBeNull();
  });

  it('someone else called first: said in plain words, and the list asked again', async () => {
    const user = userEvent.setup();
    render(CallBacks);
    await screen.findByText('138 0000 0001');
    staffCallBackCalled.mockRejectedValueOnce({ code: 'call-back-gone', message: '没有这个回电请求，可能已经回过电话了。' });
    open = [];
    await user.click(screen.getByRole('button', { name: '已回电话' }));
    expect((await screen.findByRole('alert')).textContent).toContain('可能已经回过电话了');
  });

  it('with nobody asking, nothing shows', async () => {
    open = [];
    render(CallBacks);
    await Promise.resolve();
    expect(screen.queryByRole('heading', { name: '请回电话' })).toBeNull();
  });
});
