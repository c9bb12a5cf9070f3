import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

/** The props of a picker opened on `kept`, with the value it binds kept in `props.value`. */
function bound(kept: string) {
  let value = kept;
  return {
    legend: '出生日期',
    get value() {
      return value;
    },
    set value(date: string) {
      value = date;
    },
  };
}
import DatePicker from './DatePicker.svelte';

describe('DatePicker', () => {
  it('takes the date typed as on paper, year, month and day, and says it back in words', async () => {
    const user = userEvent.setup();
    const props = bound('');
    render(DatePicker, props);
    expect(screen.getByRole('group', { name: '出生日期' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '年' }), '1944');
    await user.type(screen.getByRole('textbox', { name: '月' }), '3');
    expect(props.value).toBe('');
    await user.type(screen.getByRole('textbox', { name: '日' }), '15');
    expect(screen.getByText('1944年3月15日')).toBeTruthy();
    expect(props.value).toBe('1944-03-15');
  });

  it('opens with the date kept, and reads full-width digits and drops anything else', async () => {
    const user = userEvent.setup();
    const props = bound('1944-01-31');
    render(DatePicker, props);
    const year = screen.getByRole('textbox', { name: '年' }) as HTMLInputElement;
    expect(year.value).toBe('1944');
    expect((screen.getByRole('textbox', { name: '月' }) as HTMLInputElement).value).toBe('1');
    await user.clear(year);
    await user.type(year, '１９４５年');
    expect(year.value).toBe('1945');
    expect(props.value).toBe('1945-01-31');
  });

  it('says in plain words when the day does not exist or the year is out of range', async () => {
    const user = userEvent.setup();
    const props = bound('1945-02-28');
    render(DatePicker, props);
    const day = screen.getByRole('textbox', { name: '日' });
    await user.clear(day);
    await user.type(day, '30');
    expect(screen.getByRole('alert').textContent).toBe('没有这一天，请看一看月份和日子对不对。');
    expect(props.value).toBe('');
    const year = screen.getByRole('textbox', { name: '年' });
    await user.clear(year);
    await user.type(year, '1850');
    expect(screen.getByRole('alert').textContent).toContain('年份要在1900年到2100年之间');
  });
});
