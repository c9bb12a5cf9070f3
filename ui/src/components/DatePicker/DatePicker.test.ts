import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import DatePicker from './DatePicker.svelte';

describe('DatePicker', () => {
  it('steps year, month and day with big buttons and keeps the day within the month', async () => {
    const user = userEvent.setup();
    render(DatePicker, { legend: '出生日期', value: '1944-01-31' });
    expect(screen.getByRole('group', { name: '出生日期' })).toBeTruthy();
    expect(screen.getByText('1944年1月31日')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '月加一' }));
    expect(screen.getByText('1944年2月29日')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '年加一' }));
    expect(screen.getByText('1945年2月28日')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '日加一' }));
    expect(screen.getByText('1945年2月1日')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '日减一' }));
    expect(screen.getByText('1945年2月28日')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '月减一' }));
    expect(screen.getByText('1945年1月28日')).toBeTruthy();
  });
});
