import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import QuestionHarness from './QuestionHarness.test.svelte';

describe('QuestionPage', () => {
  it('asks one question, shows a plain error next to it and keeps what was typed', async () => {
    const user = userEvent.setup();
    render(QuestionHarness);
    expect(screen.getByRole('heading', { level: 1, name: '申请人的姓名是什么？' })).toBeTruthy();
    const field = screen.getByRole('textbox', { name: '姓名' });
    await user.type(field, '   ');
    await user.click(screen.getByRole('button', { name: '下一步' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('请填写申请人的姓名');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = field.getAttribute('aria-describedby') ?? '';
    expect(described.split(' ').map((id) => document.getElementById(id)?.textContent)).toEqual([
      '请填写身份证上的名字。',
      expect.stringContaining('请填写申请人的姓名'),
    ]);
    expect((field as HTMLInputElement).value).toBe('   ');
    await user.type(field, '张秀英');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('已回答：张秀英')).toBeTruthy();
    expect(screen.getByRole('link', { name: '返回' }).getAttribute('href')).toBe('#/apply');
  });
});
