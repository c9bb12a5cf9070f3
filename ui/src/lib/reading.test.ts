// What 朗读 reads on each page, heard through a recording speaker.

import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleItem } from '../pages/Catalog/fixtures';
import type { Speaker } from './speaker';

const catalogItems = vi.fn();
vi.mock('./ipc', async (original) => ({
  ...(await original<typeof import('./ipc')>()),
  catalogItems: () => catalogItems(),
  preferencesSet: () => Promise.resolve(),
}));

const { useSpeaker, reading } = await import('./readAloud.svelte');
const { default: ReadAloudButton } = await import(
  '../components/ReadAloudButton/ReadAloudButton.svelte'
);
const { default: Home } = await import('../pages/Home/Home.svelte');
const { default: Settings } = await import('../pages/Settings/Settings.svelte');
const { default: FirstRun } = await import('../pages/FirstRun/FirstRun.svelte');
const { default: Catalog } = await import('../pages/Catalog/Catalog.svelte');
const { default: ComingSoon } = await import('../pages/ComingSoon/ComingSoon.svelte');

/** A speaker that writes down what it is asked. */
function recordingSpeaker(fail?: unknown): Speaker & { heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    speak: async (text) => {
      if (fail) throw fail;
      heard.push(text);
    },
    stop: async () => {
      heard.push('(stop)');
    },
  };
}

let main: HTMLElement;
let speaker: ReturnType<typeof recordingSpeaker>;

beforeEach(() => {
  main = document.body.appendChild(document.createElement('main'));
  speaker = recordingSpeaker();
  useSpeaker(speaker);
  reading.active = false;
  reading.problem = null;
});

afterEach(() => main.remove());

/** Shows `page` in <main>, presses 朗读 and returns what was read. */
async function readPage(page: Parameters<typeof render>[0], props = {}) {
  render(page, { target: main, props });
  render(ReadAloudButton);
  await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
  return speaker.heard;
}

describe('朗读 reads', () => {
  it('home: the greeting and the six choices', async () => {
    expect(await readPage(Home)).toEqual([
      '您好，请选择要办的事。可以选：办事、进度、证照、诉求、消息、求助',
    ]);
  });

  it('a question: the heading, the hint, the options and the current answer', async () => {
    const heard = await readPage(FirstRun, { ondone: () => {} });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toBe(
      '这样的字看得清楚吗？请选一个您看着最舒服的大小，以后在“设置”里还能改。' +
        '字的大小。可以选：标准：字这么大；大：字这么大；特大：字这么大；超大：字这么大。' +
        '现在选的是：标准：字这么大',
    );
  });

  it('设置: every question with its current answer', async () => {
    const [heard] = await readPage(Settings);
    expect(heard).toContain('设置。在这里可以把字调大、换颜色');
    expect(heard).toContain('颜色。可以选：跟电脑一样；白底黑字');
    expect(heard).toContain('现在选的是：跟电脑一样');
    expect(heard).toContain('朗读的快慢。可以选：慢一些；正常；快一些。现在选的是：正常');
  });

  it('an error on the page, in its plain words', async () => {
    catalogItems.mockRejectedValue({
      code: 'error-platform-unreachable',
      message: '暂时连不上办事平台。请看看网络是否连通，稍后再试一次。',
    });
    render(Catalog, { target: main });
    await screen.findByRole('alert');
    render(ReadAloudButton);
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    expect(speaker.heard).toEqual([
      '办事。请选择要办理的事项。暂时连不上办事平台。请看看网络是否连通，稍后再试一次。',
    ]);
  });

  it('the catalog: heading and introduction', async () => {
    catalogItems.mockResolvedValue({ items: [sampleItem()], offline: false });
    render(Catalog, { target: main });
    await screen.findByRole('heading', { level: 2, name: '高龄津贴申领' });
    render(ReadAloudButton);
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    expect(speaker.heard).toEqual(['办事。请选择要办理的事项。']);
  });

  it('nothing hidden: the lock screen, not the work kept hidden under it', async () => {
    main.innerHTML = `
      <div><h1>屏幕已锁定</h1><p>这是 赵敏 的工作屏幕。</p></div>
      <div hidden inert><h1>张秀英的申请</h1><div role="alert">身份证号码不对</div>
        <fieldset><legend>是否独居</legend><label><input type="radio" checked />是</label></fieldset>
      </div>`;
    render(ReadAloudButton);
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    expect(speaker.heard).toEqual(['屏幕已锁定。这是 赵敏 的工作屏幕。']);
  });

  it('a page being built: what it says', async () => {
    expect(await readPage(ComingSoon, { title: '进度' })).toEqual([
      '进度。这项功能正在建设中，很快就能使用。',
    ]);
  });
});

describe('朗读', () => {
  it('stops when pressed again while reading', async () => {
    await readPage(Home);
    expect(screen.getByRole('button', { name: '停止朗读' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: '停止朗读' }));
    expect(speaker.heard.at(-1)).toBe('(stop)');
    expect(screen.getByRole('button', { name: '朗读' })).toBeTruthy();
  });

  it('says in plain words when the computer cannot read aloud, and nothing breaks', async () => {
    useSpeaker(
      recordingSpeaker({
        code: 'speech-unavailable',
        message: '这台电脑现在不能朗读：没有找到语音引擎。',
      }),
    );
    await readPage(Home);
    expect(reading.problem).toBe('这台电脑现在不能朗读：没有找到语音引擎。');
    expect(screen.getByRole('button', { name: '朗读' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 })).toBeTruthy();
  });
});
