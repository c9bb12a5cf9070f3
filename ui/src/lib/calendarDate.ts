// A date put together from the year, month and day she typed (on the keyboard or a kiosk's keypad):
// a real calendar date within the years a question allows, or which part is wrong.

/** The typed parts as `YYYY-MM-DD`, or why they make no date: a year out of range, or no such day. */
export type CalendarDate = { date: string } | { wrong: 'year' | 'day' };

/** `year`, `month` and `day` as a date between `minYear` and `maxYear`, or what is wrong. */
export function calendarDate(
  year: number,
  month: number,
  day: number,
  minYear: number,
  maxYear: number,
): CalendarDate {
  if (year < minYear || year > maxYear) return { wrong: 'year' };
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCDate() !== day) return { wrong: 'day' };
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}` };
}
