// What 朗读 reads on each page, heard through a recording speaker.

import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleItem } from '../pages/Catalog/fixtures';
import type { Speaker } from './speaker';

const catalogItems = vi.fn();
const helpPage = vi.fn();
vi.mock('./ipc', async (original) => ({
  ...(await original<typeof import('./ipc')>()),
  catalogItems: () => catalogItems(),
  helpPage: () => helpPage(),
  helpCentre: async () => (await helpPage()).centre,
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
const { default: Help } = await import('../pages/Help/Help.svelte');

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
        '现在选的是：标准：字这么大。下一步。跳过，以后再说',
    );
  });

  it('设置: every question with its current answer', async () => {
    const [heard] = await readPage(Settings);
    expect(heard).toContain('设置。返回。在这里可以把字调大、换颜色');
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
      '办事。返回。请选择要办理的事项。找事项。' +
        '可以输入文字、拼音或拼音的第一个字母，比如：养老、yanglao、ylbx、退休金。这里还没有填。找。' +
        '暂时连不上办事平台。请看看网络是否连通，稍后再试一次。再试一次',
    ]);
  });

  it('the catalog: heading, introduction and every item with its facts', async () => {
    catalogItems.mockResolvedValue({ items: [sampleItem()], offline: false });
    render(Catalog, { target: main });
    await screen.findByRole('heading', { level: 2, name: '高龄津贴申领' });
    render(ReadAloudButton);
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    const [heard] = speaker.heard;
    expect(heard).toMatch(/^办事。返回。请选择要办理的事项。/);
    expect(heard).toContain(
      '共有1项可以办理。高龄津贴申领。80周岁以上的老人，每月可以领取高龄津贴。需要15个工作日办好 不收费。办理部门：北京市东城区民政局',
    );
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

  it('求助: the call-back first, then the numbers, each said', async () => {
    helpPage.mockResolvedValue({
      numbers: [{ name: '政务服务便民热线', number: '12345', hours: '白天晚上都有人接' }],
      centre: {
        state: 'known',
        number: { name: '东城区政务服务中心', number: '010-64001101', hours: '周一到周五，上午9点到下午5点' },
        address: '东城区示例大街1号',
        changeable: false,
        change_said: '不是东城区？换一个区',
      },
      call_back: { state: 'can_ask', said: '工作人员会打这个电话：138****0001' },
    });
    render(Help, { target: main });
    await screen.findByText('12345');
    render(ReadAloudButton);
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    expect(speaker.heard).toEqual([
      '求助。返回。不会办、办不下去，都可以请人帮您。请工作人员给我回电话。工作人员会打这个电话：138****0001。' +
        '也可以自己打电话。12345。政务服务便民热线，白天晚上都有人接。' +
        '010-64001101。东城区政务服务中心，周一到周五，上午9点到下午5点。东城区示例大街1号',
    ]);
  });

  it('what she typed into a box, or that it is empty', async () => {
    main.innerHTML = `
      <h1><label for="phone">您的手机号码</label></h1>
      <input id="phone" type="tel" value="13800000001" />
      <label for="note">还想说的话</label><textarea id="note"></textarea>
      <button type="submit">下一步</button>`;
    render(ReadAloudButton);
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    expect(speaker.heard).toEqual([
      '您的手机号码。填的是：13800000001。还想说的话。这里还没有填。下一步',
    ]);
  });

  it('at a kiosk or a counter, what tells who she is only counted: typed, on a keypad, on 核对', async () => {
    const page = `
      <h1><label for="phone">您的手机号码</label></h1>
      <input id="phone" type="tel" value="13800000001" />
      <output data-private="11010119440315002X">11010119440315002X</output>
      <output aria-label="已输入4位">●●●●</output>
      <dl><dt>姓名</dt><dd data-private="张秀英">张秀英</dd><dt>是不是一个人住</dt><dd>是，我一个人住</dd></dl>
      <input type="text" value="" />`;
    main.innerHTML = page;
    render(ReadAloudButton, { props: { typed: 'counted' } });
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    expect(speaker.heard).toEqual([
      '您的手机号码。已经填了11位数。为了保密，不读出来。已经填了18位数。为了保密，不读出来。' +
        '已输入4位。姓名。已经填了3个字。为了保密，不读出来。是不是一个人住。是，我一个人住。这里还没有填。',
    ]);
    // At home the same page is read as typed; the masked code still by its label.
    const { pageReading } = await import('./reading');
    expect(pageReading(main)).toContain('填的是：13800000001。11010119440315002X。已输入4位。姓名。张秀英');
  });

  it('a timeline step by step, lists item by item, and nothing drawn only for the eye', async () => {
    main.innerHTML = `
      <h1>高龄津贴申领</h1>
      <p>查进度用的编号（办件编号）：<strong>110101202611260001</strong></p>
      <ol><li><span aria-hidden="true">✓</span>收下您的申请 <time>11月26日</time></li>
        <li>审查材料<span class="visually-hidden">（正在办）</span></li><li>办好</li></ol>
      <div role="img" aria-label="二维码：办件编号"><svg></svg></div>
      <p style="display: none">看不见的字</p>`;
    render(ReadAloudButton);
    await fireEvent.click(screen.getByRole('button', { name: '朗读' }));
    expect(speaker.heard).toEqual([
      '高龄津贴申领。查进度用的编号（办件编号）：110101202611260001。收下您的申请 11月26日。' +
        '审查材料（正在办）。办好。二维码：办件编号',
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
