import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Region } from '../../lib/types';

/** A slice of the shipped list: one province with cities, one municipality. */
const PLACES: Record<string, Region[]> = {
  '': [
    { code: '11', name: '北京市', last: false },
    { code: '13', name: '河北省', last: false },
  ],
  '11': [
    { code: '110101', name: '东城区', last: true },
    { code: '110102', name: '西城区', last: true },
  ],
  '13': [{ code: '1301', name: '石家庄市', last: false }],
  '1301': [{ code: '130102', name: '长安区', last: true }],
};
const PATHS: Record<string, Region[]> = {
  '110101': [PLACES[''][0], PLACES['11'][0]],
};

vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  regions: async (code: string | null) => PLACES[code ?? ''] ?? [],
  regionPath: async (code: string) => PATHS[code] ?? [],
}));

const { default: AddressPicker } = await import('./AddressPicker.svelte');

function show(value: unknown) {
  const onchange = vi.fn();
  render(AddressPicker, { value, onchange, describedBy: '', invalid: false });
  return onchange;
}

describe('AddressPicker', () => {
  it('walks province, city and district, then asks for the street', async () => {
    const onchange = show(null);
    await fireEvent.click(await screen.findByRole('button', { name: '河北省' }));
    expect(await screen.findByRole('heading', { name: '请选城市' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '石家庄市' }));
    expect(await screen.findByRole('heading', { name: '请选区县' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '长安区' }));
    expect(onchange).toHaveBeenLastCalledWith({ region: '130102', detail: '' });
    expect(screen.getByText('河北省 石家庄市 长安区')).toBeTruthy();
    const street = screen.getByRole('textbox', { name: '街道、小区、楼号和门牌号' });
    await fireEvent.input(street, { target: { value: '和平路1号' } });
    expect(onchange).toHaveBeenLastCalledWith({ region: '130102', detail: '和平路1号' });
  });

  it('goes from a municipality straight to its districts', async () => {
    show(null);
    await fireEvent.click(await screen.findByRole('button', { name: '北京市' }));
    expect(await screen.findByRole('heading', { name: '请选区县' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '西城区' })).toBeTruthy();
  });

  it('opens an earlier answer where it was left, and choosing again keeps the street', async () => {
    const onchange = show({ region: '110101', detail: '和平里1号' });
    const street = await screen.findByRole('textbox', { name: '街道、小区、楼号和门牌号' });
    expect((street as HTMLInputElement).value).toBe('和平里1号');
    expect(screen.getByText('北京市 东城区')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '重新选地方' }));
    expect(onchange).toHaveBeenLastCalledWith({ region: null, detail: '和平里1号' });
    expect(await screen.findByRole('button', { name: '河北省' })).toBeTruthy();
  });

  it('keeps an address typed before places were picked as the street part', async () => {
    const onchange = show('北京市东城区和平里1号');
    await fireEvent.click(await screen.findByRole('button', { name: '北京市' }));
    await fireEvent.click(await screen.findByRole('button', { name: '东城区' }));
    expect(onchange).toHaveBeenLastCalledWith({ region: '110101', detail: '北京市东城区和平里1号' });
  });
});
