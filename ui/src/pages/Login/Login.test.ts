import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const loginRequestCode = vi.fn();
const loginWithCode = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  loginRequestCode: (phone: string) => loginRequestCode(phone),
  loginWithCode: (phone: string, code: string) => loginWithCode(phone, code),
}));

const { default: Login } = await import('./Login.svelte');
const { session } = await import('../../lib/sessionState.svelte');

beforeEach(() => {
  loginRequestCode.mockReset();
  loginWithCode.mockReset();
  session.loggedIn = false;
  window.location.hash = '#/login';
});

describe('Login', () => {
  it('asks the phone, then the code, and logs in without a password', async () => {
    const user = userEvent.setup();
    loginRequestCode.mockResolvedValue({ expires_in: 600, resend_after: 60 });
    loginWithCode.mockResolvedValue({ account_id: 'c-demo-zhang' });
    render(Login);
    expect(screen.getByRole('heading', { level: 1, name: '您的手机号码是多少？' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '手机号码' }), '13800000001');
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect(loginRequestCode).toHaveBeenCalledWith('13800000001');
    expect(await screen.findByRole('heading', { level: 1, name: '请输入短信里的6位验证码' })).toBeTruthy();
    expect(screen.getByText('短信发到了 13800000001，验证码10分钟内有效。')).toBeTruthy();
    expect(screen.getByText('60秒后可以重新获取')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '验证码' }), '123456');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(loginWithCode).toHaveBeenCalledWith('13800000001', '123456');
    expect(session.loggedIn).toBe(true);
    expect(window.location.hash).toBe('#/');
  });

  it('shows the platform refusal in plain words and keeps what was typed', async () => {
    const user = userEvent.setup();
    loginRequestCode.mockRejectedValue({
      code: 'error-platform-answered',
      message: '办事平台说：验证码刚刚发过，请等60秒再重新获取。',
    });
    render(Login);
    const phone = screen.getByRole('textbox', { name: '手机号码' });
    await user.type(phone, '13800000001');
    await user.click(screen.getByRole('button', { name: '获取验证码' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请等60秒');
    expect((phone as HTMLInputElement).value).toBe('13800000001');
  });
});
