//! Single values every account shares (the catalog's ETag),
//! each under its name in `cache_meta`.

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

/// The value kept under `name`, if any.
pub(super) fn read(connection: &Connection, name: &str) -> Result<Option<String>, StoreError> {
    Ok(connection
        .query_row(
            "SELECT value FROM cache_meta WHERE name = ?1",
            params![name],
            |row| row.get(0),
        )
        .optional()?)
}

/// Keeps `value` under `name`, replacing what was there.
pub(super) fn write(connection: &Connection, name: &str, value: &str) -> Result<(), StoreError> {
    connection.execute(
        "INSERT INTO cache_meta (name, value) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        params![name, value],
    )?;
    Ok(())
}
