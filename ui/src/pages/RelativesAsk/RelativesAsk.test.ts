import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import recorded from '../../../tests/browser/fixtures/relatives.json';
import type { GrantLine, Kinship } from '../../lib/types';

const relativesAsk = vi.fn(async (_phone: string, _kinship: Kinship) => recorded.his_ask as GrantLine);
const relativesAgreeByCode = vi.fn(
  async (_grant: string, _code: string) =>
    ({ ...recorded.his_ask, who: '张秀英', state: 'granted' }) as GrantLine,
);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  relativesKinships: async () => recorded.kinships,
  relativesAsk: (phone: string, kinship: Kinship) => relativesAsk(phone, kinship),
  relativesAgreeByCode: (grant: string, code: string) => relativesAgreeByCode(grant, code),
  relativesSwitch: async () => recorded.switch_himself,
}));

const { default: RelativesAsk } = await import('./RelativesAsk.svelte');

beforeEach(() => {
  relativesAsk.mockClear();
  relativesAgreeByCode.mockClear();
});

describe('请家人同意我帮她办事', () => {
  it('asks one question a page: her phone, who he is to her, then the code she read out', async () => {
    const user = userEvent.setup();
    render(RelativesAsk);
    expect(screen.getByRole('heading', { level: 1, name: '您要帮的家人，手机号码是多少？' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '家人的手机号码' }), '138 0000 0001');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect(await screen.findByRole('heading', { level: 1, name: '您是她的什么人？' })).toBeTruthy();
    await user.click(await screen.findByRole('radio', { name: '儿子' }));
    await user.click(screen.getByRole('button', { name: '发短信问她' }));
    expect(relativesAsk).toHaveBeenCalledWith('138 0000 0001', 'son');
    expect(await screen.findByRole('heading', { level: 1, name: '她告诉您的验证码是多少？' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '她会在自己的惠办里同意，先回去' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '6位验证码' }), '123456');
    await user.click(screen.getByRole('button', { name: '确定' }));
    expect(relativesAgreeByCode).toHaveBeenCalledWith('rg-demo-liming', '123456');
    expect(await screen.findByRole('heading', { level: 1, name: '她同意了' })).toBeTruthy();
  });

  it('a short phone is told before anything is sent, and what was typed stays', async () => {
    const user = userEvent.setup();
    render(RelativesAsk);
    const box = screen.getByRole('textbox', { name: '家人的手机号码' }) as HTMLInputElement;
    await user.type(box, '1380000');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    expect((await screen.findByRole('alert')).textContent).toContain('11位');
    expect(box.value).toBe('1380000');
    expect(relativesAsk).not.toHaveBeenCalled();
  });

  it('opened for a grant, asks only for its code', async () => {
    render(RelativesAsk, { grantId: 'rg-demo-liming' });
    expect(screen.getByRole('heading', { level: 1, name: '她告诉您的验证码是多少？' })).toBeTruthy();
  });
});
