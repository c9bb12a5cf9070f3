import { render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { sampleItem } from '../Catalog/fixtures';

const catalogItems = vi.fn();
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  catalogItems: () => catalogItems(),
}));

const { default: Item } = await import('./Item.svelte');

describe('Item', () => {
  it('says in plain words how long, what it costs, who handles it and what to bring', async () => {
    catalogItems.mockResolvedValue({ items: [sampleItem()], offline: false });
    render(Item, { implCode: sampleItem().impl_code });
    expect(await screen.findByRole('heading', { level: 1, name: '高龄津贴申领' })).toBeTruthy();
    expect(screen.getByText('需要15个工作日办好')).toBeTruthy();
    expect(screen.getByText('不收费')).toBeTruthy();
    expect(screen.getByText('北京市东城区民政局')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '需要准备的材料' })).toBeTruthy();
    expect(screen.getByText('居民身份证（必须带）')).toBeTruthy();
    expect(screen.getByText('原件1份，不用复印件')).toBeTruthy();
    expect(screen.getByText('有电子证照就不用带纸质的')).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回' }).getAttribute('href')).toBe('#/apply');
  });

  it('offers the way to begin before the facts and the materials', async () => {
    catalogItems.mockResolvedValue({ items: [sampleItem()], offline: false });
    render(Item, { implCode: sampleItem().impl_code });
    await screen.findByRole('heading', { level: 1, name: '高龄津贴申领' });
    const begin = await screen.findByRole('link', { name: '登录' });
    const facts = screen.getByText('需要15个工作日办好');
    const materials = screen.getByRole('heading', { level: 2, name: '需要准备的材料' });
    expect(begin.compareDocumentPosition(facts) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(begin.compareDocumentPosition(materials) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says so plainly when the item is gone', async () => {
    catalogItems.mockResolvedValue({ items: [], offline: false });
    render(Item, { implCode: 'nope' });
    expect((await screen.findByRole('alert')).textContent).toContain('没有找到这个事项');
  });
});
