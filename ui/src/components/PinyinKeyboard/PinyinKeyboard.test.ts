import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PinyinCandidate } from '../../lib/types';

/** A few words as core's dictionary offers them. */
const DICTIONARY: Record<string, PinyinCandidate[]> = {
  w: [{ word: '我', letters: 1 }],
  wa: [{ word: '瓦', letters: 2 }],
  wan: [{ word: '万', letters: 3 }],
  wang: [
    { word: '望', letters: 4 },
    { word: '王', letters: 4 },
    ...['往', '忘', '网', '亡', '旺', '汪'].map((word) => ({ word, letters: 4 })),
  ],
  l: [{ word: '了', letters: 1 }],
  lo: [{ word: '咯', letters: 2 }],
  lou: [{ word: '楼', letters: 3 }],
  loux: [
    { word: '楼', letters: 3 },
    { word: '漏', letters: 3 },
  ],
  q: [],
  qq: [],
};
const kioskPinyinCandidates = vi.fn(async (typed: string) => DICTIONARY[typed] ?? []);
vi.mock('../../lib/ipc', async (original) => ({
  ...(await original<typeof import('../../lib/ipc')>()),
  kioskPinyinCandidates: (typed: string) => kioskPinyinCandidates(typed),
}));

const { default: PinyinKeyboard } = await import('./PinyinKeyboard.svelte');
const { staffHelp } = await import('../../lib/kioskState.svelte');

async function press(user: ReturnType<typeof userEvent.setup>, keys: string) {
  for (const key of keys) await user.click(screen.getByRole('button', { name: key }));
}

function show(start = '') {
  let value = start;
  render(PinyinKeyboard, {
    label: '请写下您的诉求',
    get value() {
      return value;
    },
    set value(written: string) {
      value = written;
    },
  });
  return () => value;
}

function written(): string {
  return screen.getAllByRole('status')[0].textContent ?? '';
}

afterEach(() => {
  staffHelp.ask = null;
});

describe('PinyinKeyboard', () => {
  it('writes the word tapped for the letters typed, and offers more a page at a time', async () => {
    const user = userEvent.setup();
    const value = show('我姓');
    expect(screen.getByRole('group', { name: '请写下您的诉求' })).toBeTruthy();
    await press(user, 'wang');
    expect(written()).toBe('我姓wang');
    const words = await screen.findByRole('group', { name: '点要的字' });
    expect(words.textContent).toContain('王');
    expect(words.textContent).not.toContain('汪');
    await user.click(screen.getByRole('button', { name: '更多的字' }));
    await user.click(await screen.findByRole('button', { name: '汪' }));
    expect(value()).toBe('我姓汪');
    expect(screen.queryByRole('group', { name: '点要的字' })).toBeNull();
  });

  it('keeps the letters a word does not stand for', async () => {
    const user = userEvent.setup();
    const value = show();
    await press(user, 'loux');
    await user.click(await screen.findByRole('button', { name: '漏' }));
    expect(value()).toBe('漏');
    expect(written()).toBe('漏x');
  });

  it('takes back a letter, else the last character, and writes the first word on 空格', async () => {
    const user = userEvent.setup();
    const value = show('楼下');
    await press(user, 'wan');
    await user.click(screen.getByRole('button', { name: '删除一个字' }));
    expect(written()).toBe('楼下wa');
    await screen.findByRole('button', { name: '瓦' });
    await user.click(screen.getByRole('button', { name: '空格' }));
    expect(value()).toBe('楼下瓦');
    await user.click(screen.getByRole('button', { name: '删除一个字' }));
    await user.click(screen.getByRole('button', { name: '删除一个字' }));
    expect(value()).toBe('楼');
    await press(user, '3');
    await user.click(screen.getByRole('button', { name: '。' }));
    expect(value()).toBe('楼3。');
  });

  it('says plainly when no word has those letters, and keeps them typed', async () => {
    const user = userEvent.setup();
    const value = show();
    await press(user, 'qq');
    expect((await screen.findByText(/没有找到“qq”的字/)).textContent).toContain('删除');
    await press(user, '1');
    expect(value()).toBe('qq1');
  });

  it('asks the staff to come for someone who cannot type', async () => {
    const user = userEvent.setup();
    const ask = vi.fn();
    staffHelp.ask = ask;
    show();
    await user.click(screen.getByRole('button', { name: '不会打字？请工作人员帮忙' }));
    expect(ask).toHaveBeenCalledOnce();
  });

  it('has no help button where no staff can be asked', () => {
    show();
    expect(screen.queryByRole('button', { name: '不会打字？请工作人员帮忙' })).toBeNull();
  });
});
