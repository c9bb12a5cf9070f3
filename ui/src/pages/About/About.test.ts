import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { About as AboutView } from '../../lib/types';

/** What the shell answers to 关于惠办. */
let answer = (): Promise<AboutView> => Promise.resolve(ABOUT);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  about: () => answer(),
}));

const { default: About } = await import('./About.svelte');

const ABOUT: AboutView = {
  version: '0.1.0',
  reads_aloud: true,
  diagnostics: '惠办版本：0.1.0\n系统：linux x86_64\n朗读：能',
};

describe('About', () => {
  it('shows the version, that this computer reads aloud, and the diagnostics', async () => {
    answer = () => Promise.resolve(ABOUT);
    render(About);
    expect(await screen.findByText('版本：0.1.0')).toBeTruthy();
    expect(screen.getByText('这台电脑能朗读。')).toBeTruthy();
    expect(screen.getByText(/系统：linux x86_64/)).toBeTruthy();
  });

  it('says plainly when this computer cannot read aloud', async () => {
    answer = () => Promise.resolve({ ...ABOUT, reads_aloud: false });
    render(About);
    expect(await screen.findByText(/不能朗读：没有找到语音引擎/)).toBeTruthy();
  });

  it('copies the diagnostics, and where it cannot, asks to read them out', async () => {
    answer = () => Promise.resolve(ABOUT);
    const user = userEvent.setup();
    const written: string[] = [];
    const clipboard = { writeText: (text: string) => (written.push(text), Promise.resolve()) };
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    const { unmount } = render(About);
    await user.click(await screen.findByRole('button', { name: '复制诊断信息' }));
    expect(written).toEqual([ABOUT.diagnostics]);
    expect(screen.getByRole('status').textContent).toContain('已经复制了');
    unmount();
    clipboard.writeText = () => Promise.reject(new Error('denied'));
    render(About);
    await user.click(await screen.findByRole('button', { name: '复制诊断信息' }));
    expect((await screen.findByRole('status')).textContent).toContain('念给工作人员听');
  });

  it('shows the shell’s plain message when it cannot be built', async () => {
    answer = () => Promise.reject({ code: 'store-failed', message: '本机的资料打不开了。' });
    render(About);
    expect((await screen.findByRole('alert')).textContent).toContain('打不开');
  });
});
