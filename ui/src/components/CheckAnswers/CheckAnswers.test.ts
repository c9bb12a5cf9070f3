import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CheckAnswers from './CheckAnswers.svelte';

describe('CheckAnswers', () => {
  it('lists each answer with a 修改 link named after its question', () => {
    render(CheckAnswers, {
      rows: [
        { question: '申请人姓名', answer: '张秀英', changeHref: '#/q/name' },
        { question: '联系电话', answer: '', changeHref: '#/q/phone' },
      ],
    });
    expect(screen.getByText('张秀英')).toBeTruthy();
    expect(screen.getByText('没有填')).toBeTruthy();
    const change = screen.getByRole('link', { name: '修改 联系电话' });
    expect(change.getAttribute('href')).toBe('#/q/phone');
  });
});
