import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

const storeStatus = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  storeStatus: () => storeStatus(),
}));

const { default: StoreNotice } = await import('./StoreNotice.svelte');

describe('StoreNotice', () => {
  it('shows what the shell says about data set aside', async () => {
    storeStatus.mockResolvedValue({
      kept_here: true,
      notice: '本机保存的资料打不开了，已经原样另存一份，没有删除。',
    });
    render(StoreNotice);
    expect((await screen.findByRole('alert')).textContent).toContain('已经原样另存一份');
  });

  it('says nothing when all is well', async () => {
    storeStatus.mockResolvedValue({ kept_here: true, notice: null });
    render(StoreNotice);
    await Promise.resolve();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
