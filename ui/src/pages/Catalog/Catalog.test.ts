import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleItem } from './fixtures';

const catalogItems = vi.fn();
const catalogSearch = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  catalogItems: () => catalogItems(),
  catalogSearch: (query: string) => catalogSearch(query),
}));

const { default: Catalog } = await import('./Catalog.svelte');

beforeEach(() => {
  catalogItems.mockReset();
  catalogSearch.mockReset();
});

describe('Catalog', () => {
  it('lists the items the shell returns, in plain words', async () => {
    catalogItems.mockResolvedValue({
      items: [
        sampleItem(),
        sampleItem({
          impl_code: 'x2',
          name: '医保异地就医备案',
          case_type: '1',
          promised_days: 0,
          duration_words: '当场就能办好',
        }),
      ],
      offline: false,
    });
    render(Catalog);
    expect(await screen.findByRole('heading', { level: 2, name: '高龄津贴申领' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '医保异地就医备案' })).toBeTruthy();
    expect(screen.getByText('共有2项可以办理')).toBeTruthy();
    expect(screen.getByText('当场就能办好')).toBeTruthy();
    expect(screen.getByText('需要15个工作日办好')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('offers the services older people use most first, as core picked them', async () => {
    catalogItems.mockResolvedValue({
      items: [
        sampleItem({ impl_code: 'x2', name: '医保异地就医备案' }),
        sampleItem(),
        sampleItem({ impl_code: 'x3', name: '户口迁移' }),
      ],
      offline: false,
      shortcuts: [sampleItem().impl_code, 'x2', 'gone'],
    });
    render(Catalog);
    const section = await screen.findByRole('region', { name: '老年人常办' });
    const links = Array.from(section.querySelectorAll('a')).map((a) => a.textContent);
    expect(links).toEqual(['高龄津贴申领', '医保异地就医备案']);
    expect(screen.getByRole('heading', { level: 2, name: '全部事项' })).toBeTruthy();
  });

  it('says plainly when it shows the copy saved last time', async () => {
    catalogItems.mockResolvedValue({ items: [sampleItem()], offline: true });
    render(Catalog);
    const notice = await screen.findByRole('status');
    expect(notice.textContent).toContain('上次保存的事项');
    expect(screen.getByRole('heading', { level: 2, name: '高龄津贴申领' })).toBeTruthy();
  });

  it('shows the shell error in plain words and retries on request', async () => {
    catalogItems.mockRejectedValueOnce({
      code: 'error-platform-unreachable',
      message: '暂时连不上办事平台。请看看网络是否连通，稍后再试一次。',
    });
    catalogItems.mockResolvedValueOnce({ items: [sampleItem()], offline: false });
    render(Catalog);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('暂时连不上办事平台');
    await userEvent.click(screen.getByRole('button', { name: '再试一次' }));
    expect(await screen.findByRole('heading', { level: 2, name: '高龄津贴申领' })).toBeTruthy();
    expect(catalogItems).toHaveBeenCalledTimes(2);
  });

  it('asks core to search what is typed and shows what it found, or says nothing was found', async () => {
    const user = userEvent.setup();
    const pension = sampleItem({ impl_code: 'p1', name: '城乡居民基本养老保险待遇申领' });
    catalogItems.mockResolvedValue({ items: [sampleItem(), pension], offline: false });
    catalogSearch.mockImplementation(async (query: string) => (query === 'yanglao' ? [pension] : []));
    render(Catalog);
    await screen.findByRole('heading', { level: 2, name: '高龄津贴申领' });
    const box = screen.getByRole('searchbox', { name: '找事项' });
    await user.type(box, 'yanglao{Enter}');
    expect(await screen.findByText('找到1项')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '城乡居民基本养老保险待遇申领' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: '高龄津贴申领' })).toBeNull();
    await user.clear(box);
    await user.type(box, 'qqq{Enter}');
    expect(await screen.findByText(/没有找到“qqq”/)).toBeTruthy();
    expect((box as HTMLInputElement).value).toBe('qqq');
    await user.clear(box);
    await user.type(box, '{Enter}');
    expect(await screen.findByText('共有2项可以办理')).toBeTruthy();
  });
});
