//! What the repositories share: named counters, and code-list values and JSON stored as text.

use rusqlite::{Connection, params};

use super::StoreError;

/// The next value (1, 2, …) of the named counter, in one atomic statement (inside the caller's
/// transaction when there is one).
pub(super) fn next_counter_in(connection: &Connection, name: &str) -> rusqlite::Result<i64> {
    connection.query_row(
        "INSERT INTO counter (name, value) VALUES (?1, 1)
         ON CONFLICT (name) DO UPDATE SET value = counter.value + 1
         RETURNING value",
        params![name],
        |row| row.get(0),
    )
}

/// The text a code-list enum is stored as (its serde name, e.g. `supplement_requested`).
pub(super) fn code<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    Ok(serde_json::to_value(value)?
        .as_str()
        .unwrap_or_default()
        .to_owned())
}

/// A code-list enum read back from its stored text.
pub(super) fn from_code<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(conversion)
}

/// A JSON column read back into its type.
pub(super) fn json_column<T: serde::de::DeserializeOwned>(text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(conversion)
}

fn conversion(error: serde_json::Error) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(error))
}
