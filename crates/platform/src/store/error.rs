//! What can go wrong in the platform's store.

use std::path::PathBuf;

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data directory could not be created.
    #[error("cannot create data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored JSON body could not be read back.
    #[error("stored record is not valid: {0}")]
    Corrupt(#[from] serde_json::Error),
    /// The database was written by a newer server.
    #[error("database schema version {found} is newer than this server understands ({known})")]
    SchemaTooNew {
        /// Version found in the file.
        found: i64,
        /// Newest version this build knows.
        known: i64,
    },
    /// The connection lock was poisoned by a panic elsewhere.
    #[error("database connection is unusable after an earlier failure")]
    Poisoned,
}
