import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CLERK_AT_WORK } from './testing/staff';

/** What the shell answers to 下班退出. */
let logOutAnswer = (): Promise<null> => Promise.resolve(null);
vi.mock('./lib/ipc', async (original) => ({
  ...(await original<typeof import('./lib/ipc')>()),
  staffLogOut: () => logOutAnswer(),
  staffStatus: () => Promise.resolve(CLERK_AT_WORK),
  staffInput: () => Promise.resolve(CLERK_AT_WORK),
  assistedCurrent: () => Promise.resolve(null),
  sessionStatus: () => Promise.resolve({ logged_in: false }),
}));

const { default: StaffApp } = await import('./StaffApp.svelte');

describe('StaffApp', () => {
  it('says plainly why 下班退出 waits, and stays at work', async () => {
    const user = userEvent.setup();
    logOutAnswer = () =>
      Promise.reject({
        code: 'staff-unsent-waiting',
        message: '还有1件为居民办的事没有发出去，现在下班退出就发不出去了。',
      });
    render(StaffApp);
    await user.click(await screen.findByRole('button', { name: '下班退出' }));
    expect((await screen.findByRole('alert')).textContent).toContain('还有1件为居民办的事没有发出去');
    expect(screen.getByRole('button', { name: '下班退出' })).toBeTruthy();
  });
});
