//! Working days in mainland China, 2025–2027: weekends and public holidays off, make-up days on.
//!
//! Sources: the State Council General Office notices on public holidays for 2025 (国办发明电〔2024〕12号)
//! and 2026 (published November 2025). The 2027 notice was not available when this table was written:
//! its entries follow the statutory holidays (全国年节及纪念日放假办法, 2024 revision) on their 2027 dates
//! without make-up days, and must be replaced when the notice is published.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// First and last year the table covers.
pub const COVERED_YEARS: (i32, i32) = (2025, 2027);

/// Days off that fall on weekdays or weekends, (year, month, day).
const HOLIDAYS: &[(i32, u32, u32)] = &[
    // 2025
    (2025, 1, 1),
    (2025, 1, 28),
    (2025, 1, 29),
    (2025, 1, 30),
    (2025, 1, 31),
    (2025, 2, 1),
    (2025, 2, 2),
    (2025, 2, 3),
    (2025, 2, 4),
    (2025, 4, 4),
    (2025, 4, 5),
    (2025, 4, 6),
    (2025, 5, 1),
    (2025, 5, 2),
    (2025, 5, 3),
    (2025, 5, 4),
    (2025, 5, 5),
    (2025, 5, 31),
    (2025, 6, 1),
    (2025, 6, 2),
    (2025, 10, 1),
    (2025, 10, 2),
    (2025, 10, 3),
    (2025, 10, 4),
    (2025, 10, 5),
    (2025, 10, 6),
    (2025, 10, 7),
    (2025, 10, 8),
    // 2026
    (2026, 1, 1),
    (2026, 1, 2),
    (2026, 1, 3),
    (2026, 2, 15),
    (2026, 2, 16),
    (2026, 2, 17),
    (2026, 2, 18),
    (2026, 2, 19),
    (2026, 2, 20),
    (2026, 2, 21),
    (2026, 2, 22),
    (2026, 2, 23),
    (2026, 4, 4),
    (2026, 4, 5),
    (2026, 4, 6),
    (2026, 5, 1),
    (2026, 5, 2),
    (2026, 5, 3),
    (2026, 5, 4),
    (2026, 5, 5),
    (2026, 6, 19),
    (2026, 6, 20),
    (2026, 6, 21),
    (2026, 9, 25),
    (2026, 9, 26),
    (2026, 9, 27),
    (2026, 10, 1),
    (2026, 10, 2),
    (2026, 10, 3),
    (2026, 10, 4),
    (2026, 10, 5),
    (2026, 10, 6),
    (2026, 10, 7),
    // 2027 (statutory days only; see the module note)
    (2027, 1, 1),
    (2027, 2, 5),
    (2027, 2, 6),
    (2027, 2, 7),
    (2027, 2, 8),
    (2027, 4, 5),
    (2027, 5, 1),
    (2027, 5, 2),
    (2027, 6, 9),
    (2027, 9, 15),
    (2027, 10, 1),
    (2027, 10, 2),
    (2027, 10, 3),
];

/// Weekend days that are working days (调休上班).
const MAKE_UP_DAYS: &[(i32, u32, u32)] = &[
    (2025, 1, 26),
    (2025, 2, 8),
    (2025, 4, 27),
    (2025, 9, 28),
    (2025, 10, 11),
    (2026, 1, 4),
    (2026, 2, 14),
    (2026, 2, 28),
    (2026, 5, 9),
    (2026, 9, 20),
    (2026, 10, 10),
];

fn listed(table: &[(i32, u32, u32)], date: NaiveDate) -> bool {
    table
        .iter()
        .any(|&(y, m, d)| date.year() == y && date.month() == m && date.day() == d)
}

/// Whether government offices work on `date`.
pub fn is_working_day(date: NaiveDate) -> bool {
    if listed(MAKE_UP_DAYS, date) {
        return true;
    }
    if listed(HOLIDAYS, date) {
        return false;
    }
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The date `days` working days after `start` (`start` itself is not counted); `start` when 0.
pub fn add_working_days(start: NaiveDate, days: u32) -> NaiveDate {
    let mut date = start;
    let mut left = days;
    while left > 0 {
        date += Duration::days(1);
        if is_working_day(date) {
            left -= 1;
        }
    }
    date
}

/// Working days after `from` up to and including `to`; 0 when `to` is not after `from`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut count = 0;
    let mut date = from;
    while date < to {
        date += Duration::days(1);
        if is_working_day(date) {
            count += 1;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekends_holidays_and_make_up_days() {
        assert!(is_working_day(day(2026, 3, 2))); // a Monday
        assert!(!is_working_day(day(2026, 3, 7))); // a Saturday
        assert!(!is_working_day(day(2026, 10, 1))); // 国庆
        assert!(!is_working_day(day(2026, 2, 18))); // 春节, a Wednesday
        assert!(is_working_day(day(2026, 2, 14))); // a Saturday made a working day
        assert!(is_working_day(day(2025, 9, 28))); // a Sunday made a working day
    }

    #[test]
    fn deadlines_skip_the_spring_festival() {
        // Ten working days from Friday 2026-02-13: 14 (Sat, make-up), 24, 25, 26, 27, 28 (Sat, make-up),
        // Mar 2, 3, 4, 5.
        assert_eq!(add_working_days(day(2026, 2, 13), 10), day(2026, 3, 5));
        assert_eq!(add_working_days(day(2026, 3, 2), 0), day(2026, 3, 2));
        assert_eq!(add_working_days(day(2026, 3, 6), 1), day(2026, 3, 9));
    }

    #[test]
    fn days_between_counts_only_working_days() {
        assert_eq!(working_days_between(day(2026, 3, 6), day(2026, 3, 9)), 1);
        assert_eq!(working_days_between(day(2026, 3, 9), day(2026, 3, 6)), 0);
        assert_eq!(working_days_between(day(2026, 9, 30), day(2026, 10, 9)), 2); // Oct 8, 9
    }

    #[test]
    fn every_listed_day_is_a_real_date_in_the_covered_years() {
        for &(y, m, d) in HOLIDAYS.iter().chain(MAKE_UP_DAYS) {
            assert!(NaiveDate::from_ymd_opt(y, m, d).is_some(), "{y}-{m}-{d}");
            assert!((COVERED_YEARS.0..=COVERED_YEARS.1).contains(&y));
        }
        for &(y, m, d) in MAKE_UP_DAYS {
            let weekday = day(y, m, d).weekday();
            assert!(
                matches!(weekday, Weekday::Sat | Weekday::Sun),
                "{y}-{m}-{d} is a {weekday}"
            );
        }
    }
}
