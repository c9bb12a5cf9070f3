import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendarDate';

describe('calendarDate', () => {
  it('makes a real date, or says which part is wrong', () => {
    expect(calendarDate(1944, 3, 15, 1900, 2100)).toEqual({ date: '1944-03-15' });
    expect(calendarDate(1944, 2, 29, 1900, 2100)).toEqual({ date: '1944-02-29' });
    expect(calendarDate(1945, 2, 29, 1900, 2100)).toEqual({ wrong: 'day' });
    expect(calendarDate(1945, 13, 1, 1900, 2100)).toEqual({ wrong: 'day' });
    expect(calendarDate(1850, 1, 1, 1900, 2100)).toEqual({ wrong: 'year' });
  });
});
