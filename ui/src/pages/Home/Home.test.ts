import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Home from './Home.svelte';

describe('Home', () => {
  it('greets with one heading and six named tiles', () => {
    render(Home);
    expect(screen.getByRole('heading', { level: 1, name: '您好，请选择要办的事' })).toBeTruthy();
    const tiles = screen.getAllByRole('link');
    expect(tiles.map((tile) => tile.textContent?.trim())).toEqual([
      '办事',
      '进度',
      '证照',
      '诉求',
      '消息',
      '求助',
    ]);
    expect(screen.getByRole('link', { name: '办事' }).getAttribute('href')).toBe('#/apply');
  });
});
