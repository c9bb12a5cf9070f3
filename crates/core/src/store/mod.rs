//! The local store: one SQLCipher-encrypted SQLite file whose key lives in the OS keychain.
//!
//! Opening never crashes and never loses data silently: a file that cannot be read (its key is gone,
//! or it is damaged) is moved aside next to itself, kept, and a fresh store is started.

mod account;
mod assisted_delivery;
mod assisted_end;
mod attachments;
mod cache_meta;
mod catalog_cache;
mod centres_cache;
mod drafts;
mod error;
mod kiosk_grants;
mod kiosk_visits;
mod migrations;
mod outbox;
mod outbox_kind;
mod preferences;
mod pulled;
mod sweep;

pub use account::AccountStore;
pub use attachments::LocalAttachment;
pub use drafts::Draft;
pub use error::StoreError;
pub use outbox::{OutboxRow, OutboxState, OutboxUpdate};
pub use outbox_kind::OutboxKind;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use rusqlite::{Connection, ErrorCode};

use crate::secrets::{DatabaseKey, Keychain};

/// Why an existing file was moved aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAsideReason {
    /// The keychain no longer holds its key.
    KeyMissing,
    /// The key does not open it, or it is damaged.
    Unreadable,
}

/// How opening went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// An existing store was opened.
    Existing,
    /// No store existed; a new one was made.
    Created,
    /// An unreadable store was moved aside (and kept) and a new one was made.
    Recovered {
        /// Where the old file now is.
        set_aside: PathBuf,
        /// Why.
        reason: SetAsideReason,
    },
}

impl Opened {
    /// The Fluent id of what to tell the user, when there is something to tell.
    pub fn message_id(&self) -> Option<&'static str> {
        match self {
            Self::Recovered { .. } => Some("store-recovered"),
            _ => None,
        }
    }
}

/// The open local store.
#[derive(Debug)]
pub struct LocalStore {
    connection: Mutex<Connection>,
    path: PathBuf,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Opens `path` with `key`, checking that the key really opens it.
fn connect(path: &Path, key: &DatabaseKey) -> Result<Connection, rusqlite::Error> {
    let connection = Connection::open(path)?;
    connection.pragma_update(None, "key", format!("x'{}'", hex::encode(key)))?;
    // With a wrong key or a damaged file, the first read fails with "file is not a database".
    connection.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    // What is deleted is overwritten, not only unlinked: a forgotten person cannot be read back.
    connection.pragma_update(None, "secure_delete", "ON")?;
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(connection)
}

fn is_unreadable(error: &rusqlite::Error) -> bool {
    matches!(
        error,
        rusqlite::Error::SqliteFailure(e, _) if matches!(e.code, ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Moves the file (and its WAL companions) aside, keeping them; returns the new name.
fn set_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let aside = path.with_file_name(format!("{name}.unreadable-{stamp}"));
    std::fs::rename(path, &aside).map_err(io(path))?;
    for suffix in ["-wal", "-shm"] {
        let companion = path.with_file_name(format!("{name}{suffix}"));
        if companion.exists() {
            let target = aside.with_file_name(format!(
                "{}{suffix}",
                aside
                    .file_name()
                    .map(|n| n.to_string_lossy())
                    .unwrap_or_default()
            ));
            std::fs::rename(&companion, target).map_err(io(&companion))?;
        }
    }
    Ok(aside)
}

impl LocalStore {
    /// Opens (or makes) the store at `path` with the key in `keychain`.
    pub fn open(path: &Path, keychain: &Keychain) -> Result<(Self, Opened), StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        let key = keychain.database_key()?;
        let (connection, opened) = match (path.exists(), key) {
            (false, key) => {
                let key = match key {
                    Some(key) => key,
                    None => keychain.create_database_key()?,
                };
                (connect(path, &key)?, Opened::Created)
            }
            (true, None) => {
                let set_aside = set_aside(path)?;
                let key = keychain.create_database_key()?;
                let reason = SetAsideReason::KeyMissing;
                tracing::warn!(
                    ?set_aside,
                    "the local database key is gone; the old file was kept aside"
                );
                (
                    connect(path, &key)?,
                    Opened::Recovered { set_aside, reason },
                )
            }
            (true, Some(key)) => match connect(path, &key) {
                Ok(connection) => (connection, Opened::Existing),
                Err(error) if is_unreadable(&error) => {
                    let set_aside = set_aside(path)?;
                    tracing::warn!(?set_aside, %error, "the local database cannot be read; the old file was kept aside");
                    let reason = SetAsideReason::Unreadable;
                    (
                        connect(path, &key)?,
                        Opened::Recovered { set_aside, reason },
                    )
                }
                Err(error) => return Err(error.into()),
            },
        };
        migrations::apply(&connection)?;
        Ok((
            Self {
                connection: Mutex::new(connection),
                path: path.to_path_buf(),
            },
            opened,
        ))
    }

    /// Where the store's file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, StoreError> {
        self.connection.lock().map_err(|_| StoreError::Poisoned)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .lock()?
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests;
