// 亲友代办's screens, as screen-list.mjs lists them: 张秀英 asked by her son (谁能帮我办), his grant
// in her 谁帮我办过; 李明's side (whom he helps, what did not go once she ended it, asking one question
// a page, the code she read out),
// and home while he acts for her (the switch in the banner). The harness answers them from
// `fixtures/relatives.json` (its `relatives` option).

/** The 亲友代办 screens. */
export const RELATIVES_SCREENS = [
  {
    name: 'relatives-asked',
    hash: '#/settings/relatives',
    options: { loggedIn: true, relatives: 'asked' },
    ready: 'text:想帮您办事',
    main: { role: 'button', name: '同意' },
  },
  {
    name: 'acted-for-me-relative',
    hash: '#/settings/acted-for-me',
    options: { loggedIn: true, relatives: 'asked' },
    ready: 'text:您的儿子 李明',
    main: { text: '您的儿子 李明' },
  },
  {
    name: 'relatives-helping',
    hash: '#/settings/relatives',
    options: { loggedIn: true, relatives: 'helping' },
    ready: 'text:我帮家人办事',
    main: { role: 'button', name: '张秀英' },
  },
  // Once she ended it: what he confirmed for her that the platform then refused.
  {
    name: 'relatives-his-ended',
    hash: '#/settings/relatives',
    options: { loggedIn: true, relatives: 'ended' },
    ready: 'text:没有送到',
    main: { text: '没有送到' },
  },
  {
    name: 'relatives-ask',
    hash: '#/settings/relatives/ask',
    options: { loggedIn: true, relatives: 'helping' },
    ready: 'textbox',
  },
  {
    name: 'relatives-ask-kinship',
    hash: '#/settings/relatives/ask',
    options: { loggedIn: true, relatives: 'helping' },
    act: async (page) => {
      await page.getByRole('textbox', { name: '家人的手机号码' }).fill('13800000001');
      await page.getByRole('button', { name: '下一步' }).click();
    },
    ready: 'text:老伴',
    main: { role: 'button', name: '发短信问她' },
  },
  {
    name: 'relatives-code',
    hash: '#/settings/relatives/ask?grant=rg-demo-liming',
    options: { loggedIn: true, relatives: 'helping' },
    ready: 'textbox',
    main: { role: 'button', name: '确定' },
  },
  {
    // 李明 acting for his mother: the bar says whose the pages are.
    name: 'home-acting',
    hash: '#/',
    options: { loggedIn: true, relatives: 'acting' },
    ready: 'text:现在替 张秀英 办事',
    main: { role: 'link', name: '办事' },
  },
];
