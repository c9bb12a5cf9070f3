import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DistrictPage } from '../../lib/types';

const DISTRICTS: DistrictPage = {
  choices: [
    { code: '110101', name: '东城区' },
    { code: '110102', name: '西城区' },
    { code: '110105', name: '朝阳区' },
  ],
  chosen: null,
};
let districts: DistrictPage;
const helpPickDistrict = vi.fn(async (_code: string) => null);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  helpDistricts: async () => districts,
  helpPickDistrict: (code: string) => helpPickDistrict(code),
}));

const { default: HelpDistrict } = await import('./HelpDistrict.svelte');

beforeEach(() => {
  helpPickDistrict.mockClear();
  window.location.hash = '#/help/district';
  districts = DISTRICTS;
});

describe('您住在哪个区？', () => {
  it('asks one question with the platform’s districts; 确定 keeps hers and goes back to 求助', async () => {
    const user = userEvent.setup();
    render(HelpDistrict);
    expect(screen.getByRole('heading', { level: 1, name: '您住在哪个区？' })).toBeTruthy();
    await user.click(await screen.findByRole('radio', { name: '朝阳区' }));
    await user.click(screen.getByRole('button', { name: '确定' }));
    expect(helpPickDistrict).toHaveBeenCalledWith('110105');
    expect(window.location.hash).toBe('#/help');
  });

  it('the district picked before is chosen already', async () => {
    districts = { ...DISTRICTS, chosen: '110102' };
    render(HelpDistrict);
    const west = (await screen.findByRole('radio', { name: '西城区' })) as HTMLInputElement;
    expect(west.checked).toBe(true);
  });

  it('a refusal is said in plain words and she stays on the page', async () => {
    const user = userEvent.setup();
    helpPickDistrict.mockRejectedValueOnce({ code: 'help-district-none', message: '请先选您住的区，再点“确定”。' });
    render(HelpDistrict);
    await screen.findByRole('radio', { name: '东城区' });
    await user.click(screen.getByRole('button', { name: '确定' }));
    expect((await screen.findByRole('alert')).textContent).toContain('请先选您住的区');
    expect(window.location.hash).toBe('#/help/district');
  });
});
