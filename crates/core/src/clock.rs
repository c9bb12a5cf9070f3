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
