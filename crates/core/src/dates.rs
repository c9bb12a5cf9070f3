//! Dates and times in the words people read: 2026年11月26日 and 2026年11月26日 09:30, never
//! 2026-11-26 (elder-ux).

use chrono::{DateTime, NaiveDate};

use crate::i18n::Localizer;

/// A `YYYY-MM-DD` date (or the date of an RFC 3339 time) as 2026年11月26日; anything else as it is.
pub fn plain_date(iso: &str, localizer: &Localizer) -> String {
    let day = iso.trim().get(..10).unwrap_or(iso.trim());
    match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(date) => localizer.text(
            "date-shown",
            &[
                ("year", date.format("%Y").to_string().as_str()),
                ("month", date.format("%-m").to_string().as_str()),
                ("day", date.format("%-d").to_string().as_str()),
            ],
        ),
        Err(_) => iso.to_owned(),
    }
}

/// An RFC 3339 time as 2026年11月26日 09:30 (in the time's own offset, Beijing time on the wire).
pub fn plain_time(rfc3339: &str, localizer: &Localizer) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(at) => localizer.text(
            "time-shown",
            &[
                ("date", at.format("%Y-%m-%d").to_string().as_str()),
                ("year", at.format("%Y").to_string().as_str()),
                ("month", at.format("%-m").to_string().as_str()),
                ("day", at.format("%-d").to_string().as_str()),
                ("clock", at.format("%H:%M").to_string().as_str()),
            ],
        ),
        Err(_) => rfc3339.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn a_date_reads_as_people_write_it_and_anything_else_stays_as_it_is() {
        let zh = Localizer::new(Locale::ZhCn);
        assert_eq!(plain_date("2026-11-26", &zh), "2026年11月26日");
        assert_eq!(plain_date("1944-03-05", &zh), "1944年3月5日");
        assert_eq!(
            plain_date("2026-11-24T16:02:00+08:00", &zh),
            "2026年11月24日"
        );
        assert_eq!(plain_date("明天", &zh), "明天");
        assert_eq!(plain_date("2026-02-30", &zh), "2026-02-30");
    }

    #[test]
    fn a_time_reads_with_its_clock() {
        let zh = Localizer::new(Locale::ZhCn);
        assert_eq!(
            plain_time("2026-11-26T09:30:00+08:00", &zh),
            "2026年11月26日 09:30"
        );
        assert_eq!(plain_time("soon", &zh), "soon");
    }
}
