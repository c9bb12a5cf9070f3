//! What time it is, as core's services record and judge it: now in ms since the Unix epoch (as the
//! store keeps times), and today where the person is (for birth dates and other date rules).

/// Now, in ms since the Unix epoch.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Today, where the person is.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// Now in Beijing time, the offset the platform writes its times and promised dates in.
pub fn now_in_china() -> chrono::DateTime<chrono::FixedOffset> {
    let now = chrono::Utc::now();
    chrono::FixedOffset::east_opt(8 * 3600)
        .map_or_else(|| now.fixed_offset(), |china| now.with_timezone(&china))
}
