import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

const home = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  home: () => home(),
}));

const { default: Home } = await import('./Home.svelte');

describe('Home', () => {
  it('greets with one heading and six named tiles', async () => {
    home.mockResolvedValue({ greeting: '您好，请选择要办的事', asks: [] });
    render(Home);
    expect(screen.getByRole('heading', { level: 1, name: '您好，请选择要办的事' })).toBeTruthy();
    const areas = screen.getByRole('navigation', { name: '要办的事' });
    const tiles = Array.from(areas.querySelectorAll('a'));
    expect(tiles.map((tile) => tile.textContent?.trim())).toEqual([
      '办事',
      '进度',
      '证照',
      '诉求',
      '消息',
      '求助',
    ]);
    expect(screen.getByRole('link', { name: '办事' }).getAttribute('href')).toBe('#/apply');
    expect(screen.queryByRole('navigation', { name: '等您办的事' })).toBeNull();
  });

  it('greets her by name and gives one line, one tap, for each thing that waits for her', async () => {
    home.mockResolvedValue({
      greeting: '张秀英，您好',
      asks: [
        {
          words: '有1件事要您补材料',
          goes_to: { kind: 'case', application_no: '110101202611240005' },
        },
        { words: '有2份没填完的，接着填', goes_to: { kind: 'unfinished' } },
      ],
    });
    render(Home);
    expect(await screen.findByRole('heading', { level: 1, name: '张秀英，您好' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '等您办的事' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '有1件事要您补材料' }).getAttribute('href')).toBe(
      '#/progress/110101202611240005',
    );
    expect(screen.getByRole('link', { name: '有2份没填完的，接着填' }).getAttribute('href')).toBe(
      '#/unfinished',
    );
  });
});
