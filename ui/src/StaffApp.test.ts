import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CLERK_AT_WORK } from './testing/staff';

/** What the shell answers to 下班退出. */
let logOutAnswer = (_evenWithUnsent: boolean): Promise<null> => Promise.resolve(null);
vi.mock('./lib/ipc', async (original) => ({
  ...(await original<typeof import('./lib/ipc')>()),
  staffLogOut: (evenWithUnsent: boolean) => logOutAnswer(evenWithUnsent),
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

  it('lets her leave what waits for the next clerk here, asked once', async () => {
    const user = userEvent.setup();
    const asked: boolean[] = [];
    logOutAnswer = (evenWithUnsent) => {
      asked.push(evenWithUnsent);
      return evenWithUnsent
        ? Promise.resolve(null)
        : Promise.reject({ code: 'staff-unsent-waiting', message: '还有1件为居民办的事没有发出去。' });
    };
    render(StaffApp);
    await user.click(await screen.findByRole('button', { name: '下班退出' }));
    await user.click(await screen.findByRole('button', { name: '仍然下班退出' }));
    expect(asked).toEqual([false, true]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers no way past other problems', async () => {
    const user = userEvent.setup();
    logOutAnswer = () => Promise.reject({ code: 'error-platform-unreachable', message: '连不上办事平台。' });
    render(StaffApp);
    await user.click(await screen.findByRole('button', { name: '下班退出' }));
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: '仍然下班退出' })).toBeNull();
  });
});
