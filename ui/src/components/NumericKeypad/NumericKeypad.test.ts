import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import NumericKeypad from './NumericKeypad.svelte';

describe('NumericKeypad', () => {
  it('enters digits and X, deletes one and clears all, by role and name', async () => {
    const user = userEvent.setup();
    render(NumericKeypad, { label: '身份证号码', value: '1101011944031510', allowX: true });
    const pad = screen.getByRole('group', { name: '身份证号码' });
    expect(pad).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '2' }));
    await user.click(screen.getByRole('button', { name: 'X' }));
    expect(screen.getByRole('status').textContent).toBe('110101194403151' + '02X');
    await user.click(screen.getByRole('button', { name: '删除一个字' }));
    expect(screen.getByRole('status').textContent).toBe('11010119440315102');
    await user.click(screen.getByRole('button', { name: '1' }));
    await user.click(screen.getByRole('button', { name: '1' }));
    expect(screen.getByRole('status').textContent).toHaveLength(18);
    await user.click(screen.getByRole('button', { name: '全部清空' }));
    expect(screen.getByRole('status').textContent?.trim()).toBe('');
  });

  it('has no X for plain numbers', () => {
    render(NumericKeypad, { label: '手机号码' });
    expect(screen.queryByRole('button', { name: 'X' })).toBeNull();
    expect(screen.getAllByRole('button')).toHaveLength(12);
  });

  it('has a point for amounts, taken once', async () => {
    const user = userEvent.setup();
    render(NumericKeypad, { label: '每月收入', allowPoint: true });
    for (const key of ['1', '2', '.', '5', '.', '0']) {
      await user.click(screen.getByRole('button', { name: key }));
    }
    expect(screen.getByRole('status').textContent).toBe('12.50');
  });

  it('shows a PIN as dots and says how many digits are in', async () => {
    const user = userEvent.setup();
    render(NumericKeypad, { label: '解锁密码', masked: true, maxLength: 6 });
    for (const digit of ['2', '4', '6', '8']) {
      await user.click(screen.getByRole('button', { name: digit }));
    }
    const entered = screen.getByRole('status', { name: '已输入4位' });
    expect(entered.textContent).toBe('●●●●');
  });
});
