import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

const draftsUnfinished = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  draftsUnfinished: () => draftsUnfinished(),
}));

const { default: Unfinished } = await import('./Unfinished.svelte');

describe('我没办完的事', () => {
  it('lists each form she began with what is left and the way back into it', async () => {
    draftsUnfinished.mockResolvedValue([
      { draft_id: 'D1', name: '高龄津贴申领', left_words: '还有3个问题要回答' },
      { draft_id: 'D2', name: '提一个诉求', left_words: null },
    ]);
    render(Unfinished);
    expect(await screen.findByRole('heading', { level: 2, name: '高龄津贴申领' })).toBeTruthy();
    expect(screen.getByText('还有3个问题要回答')).toBeTruthy();
    const onward = screen.getAllByRole('link', { name: '接着填' });
    expect(onward.map((link) => link.getAttribute('href'))).toEqual(['#/form/D1', '#/form/D2']);
    expect(onward[0].getAttribute('aria-describedby')).toBe('unfinished-D1');
  });

  it('says so when there is none', async () => {
    draftsUnfinished.mockResolvedValue([]);
    render(Unfinished);
    expect(await screen.findByText('没有填了一半的申请。')).toBeTruthy();
  });
});
