import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CLERK_AT_WORK } from '../../testing/staff';

const staffUnlockPin = vi.fn();
const staffUnlockPassword = vi.fn();
const staffStatus = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  staffUnlockPin: (pin: string) => staffUnlockPin(pin),
  staffUnlockPassword: (password: string) => staffUnlockPassword(password),
  staffStatus: () => staffStatus(),
}));

const { default: StaffLock } = await import('./StaffLock.svelte');
const { showStaff, staff } = await import('../../lib/staffState.svelte');

const LOCKED = { ...CLERK_AT_WORK, locked: true };

beforeEach(() => {
  for (const mock of [staffUnlockPin, staffUnlockPassword, staffStatus]) mock.mockReset();
  showStaff({ ...LOCKED });
});

async function typePin(user: ReturnType<typeof userEvent.setup>, digits: string) {
  for (const digit of digits) await user.click(screen.getByRole('button', { name: digit }));
}

describe('StaffLock', () => {
  it('opens with her PIN typed on the keypad', async () => {
    const user = userEvent.setup();
    staffUnlockPin.mockResolvedValue({ ...LOCKED, locked: false });
    render(StaffLock);
    expect(screen.getByRole('heading', { level: 1, name: '屏幕已锁定' })).toBeTruthy();
    expect(screen.getByText('这是 赵敏 的工作屏幕。解锁后，刚才的工作都还在。')).toBeTruthy();
    await typePin(user, '2468');
    await user.click(screen.getByRole('button', { name: '解锁' }));
    expect(staffUnlockPin).toHaveBeenCalledWith('2468');
    expect(staff.status.locked).toBe(false);
  });

  it('says a wrong PIN plainly, and turns to the password once the PIN is spent', async () => {
    const user = userEvent.setup();
    staffUnlockPin.mockRejectedValue({ code: 'staff-pin-spent', message: '解锁密码错的次数太多了，请用登录密码解锁。' });
    staffStatus.mockResolvedValue({ ...LOCKED, pin_usable: false });
    render(StaffLock);
    await typePin(user, '1357');
    await user.click(screen.getByRole('button', { name: '解锁' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请用登录密码解锁');
    const password = await screen.findByLabelText('密码');
    staffUnlockPassword.mockResolvedValue({ ...LOCKED, locked: false, pin_usable: false });
    await user.type(password, 'huiban-staff-01');
    await user.click(screen.getByRole('button', { name: '解锁' }));
    expect(staffUnlockPassword).toHaveBeenCalledWith('huiban-staff-01');
    expect(staff.status.locked).toBe(false);
  });

  it('asks for something typed before calling the shell', async () => {
    const user = userEvent.setup();
    render(StaffLock);
    await user.click(screen.getByRole('button', { name: '解锁' }));
    expect(screen.getByRole('alert').textContent?.trim()).toBe('请先输入密码。');
    expect(staffUnlockPin).not.toHaveBeenCalled();
  });
});
