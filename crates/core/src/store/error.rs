//! What can go wrong with the local store.

use std::path::PathBuf;

use crate::secrets::SecretError;

/// What can go wrong with the local store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The keychain failed.
    #[error(transparent)]
    Keychain(#[from] SecretError),
    /// SQLite failed.
    #[error("local database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A file operation failed.
    #[error("cannot use {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file was written by a newer Huiban.
    #[error("the local database is from a newer version of Huiban (schema {0})")]
    TooNew(i64),
    /// A stored record is not valid JSON of its type.
    #[error("a stored record is damaged: {0}")]
    Corrupt(#[from] serde_json::Error),
    /// The connection lock was poisoned by a panic elsewhere.
    #[error("the local database is unusable after an earlier failure")]
    Poisoned,
}
