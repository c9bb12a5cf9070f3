import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import recorded from '../../../tests/browser/fixtures/relatives.json';
import type { ActingSwitch as Switch } from '../../lib/types';
import { acting } from '../../lib/actingState.svelte';

const relativesActFor = vi.fn(async (grant: string | null) =>
  (grant ? recorded.switch_acting : recorded.switch_himself) as Switch,
);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  relativesActFor: (grant: string | null) => relativesActFor(grant),
}));

const { default: ActingSwitch } = await import('./ActingSwitch.svelte');

beforeEach(() => {
  relativesActFor.mockClear();
  acting.switch = recorded.switch_himself as Switch;
  window.location.hash = '#/settings';
});

describe('the switch at the top', () => {
  it('shows 我自己 pressed and her name; one tap acts for her and says so, going home', async () => {
    const user = userEvent.setup();
    render(ActingSwitch);
    expect(screen.getByRole('button', { name: '我自己' }).getAttribute('aria-pressed')).toBe('true');
    const hers = screen.getByRole('button', { name: '张秀英' });
    expect(hers.getAttribute('aria-pressed')).toBe('false');
    const before = acting.version;
    await user.click(hers);
    expect(relativesActFor).toHaveBeenCalledWith('rg-demo-liming');
    expect((await screen.findByRole('status')).textContent).toBe('现在替 张秀英 办事');
    expect(screen.getByRole('button', { name: '张秀英' }).getAttribute('aria-pressed')).toBe('true');
    expect(acting.version).toBe(before + 1);
    expect(window.location.hash).toBe('#/');
  });

  it('is not there for someone who helps nobody', () => {
    acting.switch = { choices: [], acting_words: null };
    render(ActingSwitch);
    expect(screen.queryByRole('group')).toBeNull();
  });

  it('a refused switch is said in plain words and nothing changes', async () => {
    const user = userEvent.setup();
    relativesActFor.mockRejectedValueOnce({
      code: 'platform',
      message: '您现在不能替这位家人办事了：她结束了授权，或者授权已经过期。请她在惠办里重新同意。',
    });
    render(ActingSwitch);
    await user.click(screen.getByRole('button', { name: '张秀英' }));
    expect((await screen.findByRole('alert')).textContent).toContain('结束了授权');
    expect(screen.getByRole('button', { name: '我自己' }).getAttribute('aria-pressed')).toBe('true');
  });
});
