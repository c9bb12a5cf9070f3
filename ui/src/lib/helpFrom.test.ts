import { describe, expect, it } from 'vitest';
import { helpFrom, rememberHelpFrom } from './helpFrom.svelte';

function main(html: string): HTMLElement {
  const element = document.createElement('main');
  element.innerHTML = html;
  return element;
}

describe('where 求助 was pressed', () => {
  it('a question of a form is named with its form', () => {
    rememberHelpFrom(main('<p data-part-of>高龄津贴申领</p><h1>钱发到哪张银行卡</h1>'));
    expect(helpFrom.page).toBe('高龄津贴申领（钱发到哪张银行卡）');
  });

  it('another page by its heading, and a page without one by nothing', () => {
    rememberHelpFrom(main('<h1>我的办件</h1>'));
    expect(helpFrom.page).toBe('我的办件');
    rememberHelpFrom(main('<p>没有标题</p>'));
    expect(helpFrom.page).toBeNull();
    rememberHelpFrom(undefined);
    expect(helpFrom.page).toBeNull();
  });
});
