//! Times as citizens read them: Beijing time (UTC+8, no daylight saving).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat, TimeZone, Utc};

/// UTC+8.
const BEIJING: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

fn offset() -> FixedOffset {
    BEIJING
}

/// RFC 3339 in Beijing time, to the second: `2026-03-02T09:00:00+08:00`.
pub fn rfc3339(ms: i64) -> String {
    offset()
        .timestamp_millis_opt(ms)
        .single()
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, false))
        .unwrap_or_default()
}

/// The Beijing calendar date of an instant.
pub fn date(ms: i64) -> NaiveDate {
    offset()
        .timestamp_millis_opt(ms)
        .single()
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// The Beijing calendar date of a `DateTime`.
pub fn date_of(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&offset()).date_naive()
}

/// The instant, ms, at which the Beijing day of `ms` began (its midnight).
pub fn start_of_day_ms(ms: i64) -> i64 {
    date(ms)
        .and_hms_opt(0, 0, 0)
        .and_then(|midnight| midnight.and_local_timezone(offset()).single())
        .map_or(ms, |midnight| midnight.timestamp_millis())
}

/// The instant, ms, at which the Beijing month of `ms` began (midnight of its first day).
pub fn start_of_month_ms(ms: i64) -> i64 {
    date(ms)
        .with_day(1)
        .and_then(|first| first.and_hms_opt(0, 0, 0))
        .and_then(|midnight| midnight.and_local_timezone(offset()).single())
        .map_or(ms, |midnight| midnight.timestamp_millis())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midnight_utc_is_eight_in_beijing() {
        let ms = Utc
            .with_ymd_and_hms(2026, 3, 1, 16, 30, 0)
            .unwrap()
            .timestamp_millis();
        assert_eq!(rfc3339(ms), "2026-03-02T00:30:00+08:00");
        assert_eq!(date(ms), NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert_eq!(rfc3339(start_of_day_ms(ms)), "2026-03-02T00:00:00+08:00");
        // 00:30 on 2 March in Beijing is still 1 March in UTC: the month is Beijing's.
        assert_eq!(rfc3339(start_of_month_ms(ms)), "2026-03-01T00:00:00+08:00");
    }
}
