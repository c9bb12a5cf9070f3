import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import DateKeypad from './DateKeypad.svelte';

async function press(user: ReturnType<typeof userEvent.setup>, digits: string) {
  for (const digit of digits) await user.click(screen.getByRole('button', { name: digit }));
}

describe('DateKeypad', () => {
  it('takes the date as eight digits, shown as 年月日 while typed, and answers it once real', async () => {
    const user = userEvent.setup();
    const chosen = vi.fn();
    render(DateKeypad, {
      legend: '您的出生日期',
      get value() {
        return '';
      },
      set value(date: string) {
        chosen(date);
      },
    });
    expect(screen.getByRole('group', { name: '您的出生日期' })).toBeTruthy();
    await press(user, '1944');
    expect(screen.getByRole('status').textContent).toBe('1944年＿＿月＿＿日');
    await press(user, '0315');
    expect(screen.getByRole('status').textContent).toBe('1944年03月15日');
    expect(chosen).toHaveBeenLastCalledWith('1944-03-15');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says in plain words when there is no such day or the year is out of range', async () => {
    const user = userEvent.setup();
    render(DateKeypad, { legend: '出生日期', value: '', maxYear: 2031 });
    await press(user, '19450229');
    expect(screen.getByRole('alert').textContent).toContain('没有这一天');
    await user.click(screen.getByRole('button', { name: '全部清空' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await press(user, '20990101');
    expect(screen.getByRole('alert').textContent).toContain('1900年到2031年之间');
  });

  it('starts from the date kept before', () => {
    render(DateKeypad, { legend: '出生日期', value: '1938-11-20' });
    expect(screen.getByRole('status').textContent).toBe('1938年11月20日');
  });
});
