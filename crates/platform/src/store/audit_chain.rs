//! The audit chain: append-only rows, each holding the SHA-256 of the row before it and an HMAC of its
//! own hash under a key kept outside the database (`keys/audit.key` in the data directory, or the
//! file `HUIBAN_AUDIT_KEY_FILE` names), so that whoever can write the database but not read the key
//! cannot rewrite rows and recompute the chain. The head (last row) is kept apart, under its own HMAC.

use std::io::Write;
use std::path::{Path, PathBuf};

use hmac::{Hmac, Mac};
use rand::RngCore;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::StoreError;

/// Environment variable naming the audit key file, to keep it away from the data directory.
pub const AUDIT_KEY_FILE_VARIABLE: &str = "HUIBAN_AUDIT_KEY_FILE";

/// The secret the audit rows are keyed with.
pub struct AuditKey([u8; 32]);

impl AuditKey {
    /// Reads the key, making it (owner-only) the first time.
    pub fn load_or_create(data_dir: &Path) -> Result<Self, StoreError> {
        let path = std::env::var_os(AUDIT_KEY_FILE_VARIABLE)
            .map_or_else(|| data_dir.join("keys").join("audit.key"), PathBuf::from);
        let failed = |source: std::io::Error| StoreError::DataDir {
            path: path.clone(),
            source,
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => hex::decode(text.trim())
                .ok()
                .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
                .map(Self)
                .ok_or_else(|| failed(std::io::Error::other("the audit key file is corrupt"))),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(failed)?;
                    #[cfg(unix)]
                    {
                        use std::os::unix::fs::PermissionsExt;
                        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                            .map_err(failed)?;
                    }
                }
                let mut key = [0_u8; 32];
                rand::rng().fill_bytes(&mut key);
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create_new(true);
                #[cfg(unix)]
                std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
                let mut file = options.open(&path).map_err(failed)?;
                file.write_all(hex::encode(key).as_bytes())
                    .map_err(failed)?;
                file.sync_all().map_err(failed)?;
                Ok(Self(key))
            }
            Err(error) => Err(failed(error)),
        }
    }

    /// HMAC-SHA256 of `text` under the key, in hex.
    pub(super) fn mac(&self, text: &str) -> String {
        // HMAC takes a key of any length; were it ever refused, no MAC would match and every keyed
        // row would fail its check rather than pass.
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&self.0) else {
            return String::new();
        };
        mac.update(text.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// The MAC of the head: the last row's number and hash, and the first keyed row.
    pub(super) fn head_mac(&self, seq: i64, hash: &str, keyed_from: i64) -> String {
        self.mac(&format!("head\u{1f}{seq}\u{1f}{hash}\u{1f}{keyed_from}"))
    }
}

/// Hash the chain starts from.
pub(super) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened, by whom, for whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    /// When, ms since the epoch.
    pub at_ms: i64,
    /// The request (or CLI run) it belongs to.
    pub request_id: String,
    /// The acting account, when known.
    pub actor: Option<String>,
    /// The actor's role.
    pub role: Option<String>,
    /// The person acted for (staff acting as 代理人).
    pub on_behalf_of: Option<String>,
    /// What was done, e.g. `POST /api/v1/applications`.
    pub action: String,
    /// What it was done to, e.g. a case number.
    pub subject: Option<String>,
    /// HTTP status, or 0 for success outside HTTP.
    pub outcome: u16,
    /// The assisted session the request was made in (staff acting for `on_behalf_of`).
    pub assisted_session: Option<String>,
}

/// The first thing wrong with the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditProblem {
    /// Row `seq`'s content does not match its hash.
    Changed(i64),
    /// Row `seq` is missing (the row after it does not link to the row before).
    Removed(i64),
    /// The head (the record of the last row) is gone.
    HeadMissing,
    /// The head was written without the key.
    HeadForged,
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Changed(seq) => write!(
                f,
                "audit row {seq} was changed: its content does not match its hash"
            ),
            Self::Removed(seq) => {
                write!(f, "audit row {seq} was removed: the chain is broken there")
            }
            Self::HeadMissing => write!(
                f,
                "the audit head is missing: the record of the last row was removed"
            ),
            Self::HeadForged => write!(f, "the audit head was changed without the audit key"),
        }
    }
}

pub(super) fn row_hash(prev_hash: &str, seq: i64, entry: &AuditEntry) -> String {
    let mut hasher = Sha256::new();
    let none = "\u{0}";
    for field in [
        prev_hash,
        &seq.to_string(),
        &entry.at_ms.to_string(),
        &entry.request_id,
        entry.actor.as_deref().unwrap_or(none),
        entry.role.as_deref().unwrap_or(none),
        entry.on_behalf_of.as_deref().unwrap_or(none),
        &entry.action,
        entry.subject.as_deref().unwrap_or(none),
        &entry.outcome.to_string(),
    ] {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    // Rows made before sessions were named hash as they always did.
    if let Some(session) = &entry.assisted_session {
        hasher.update(session.as_bytes());
        hasher.update([0x1f]);
    }
    hex::encode(hasher.finalize())
}

/// Gives a head with no key yet (a new log, or one made before audit rows were keyed) its key:
/// every row from the next one on will be keyed. A log with rows and no head is left to fail
/// `verify_audit`, never given a new head.
pub(super) fn key_the_head(connection: &Connection, key: &AuditKey) -> Result<(), StoreError> {
    let head: Option<(i64, String, Option<i64>)> = connection
        .query_row(
            "SELECT seq, hash, keyed_from FROM audit_head WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let (seq, hash) = match head {
        Some((_, _, Some(_))) => return Ok(()),
        Some((seq, hash, None)) => (seq, hash),
        None => {
            let rows: i64 =
                connection.query_row("SELECT COUNT(*) FROM audit_log", [], |row| row.get(0))?;
            if rows > 0 {
                return Ok(());
            }
            (0, GENESIS.to_owned())
        }
    };
    let keyed_from = seq + 1;
    connection.execute(
        "INSERT INTO audit_head (id, seq, hash, keyed_from, mac) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET keyed_from = excluded.keyed_from, mac = excluded.mac",
        params![seq, hash, keyed_from, key.head_mac(seq, &hash, keyed_from)],
    )?;
    Ok(())
}

/// Appends `entry` to the chain inside `transaction`, keyed with `key`: committed with whatever
/// else the transaction holds, or not at all.
pub(super) fn append_in(
    transaction: &rusqlite::Transaction<'_>,
    key: &AuditKey,
    entry: &AuditEntry,
) -> Result<(), StoreError> {
    let head: Option<(i64, String, Option<i64>)> = transaction
        .query_row(
            "SELECT seq, hash, keyed_from FROM audit_head WHERE id = 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let (prev_seq, prev_hash, keyed_from) = head.unwrap_or((0, GENESIS.to_owned(), None));
    let seq = prev_seq + 1;
    let keyed_from = keyed_from.unwrap_or(seq);
    let hash = row_hash(&prev_hash, seq, entry);
    let mac = key.mac(&hash);
    let head_mac = key.head_mac(seq, &hash, keyed_from);
    transaction.execute(
        "INSERT INTO audit_log (seq, at_ms, request_id, actor, role, on_behalf_of, action, subject, outcome, prev_hash, hash, mac, assisted_session)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        params![
            seq,
            entry.at_ms,
            entry.request_id,
            entry.actor,
            entry.role,
            entry.on_behalf_of,
            entry.action,
            entry.subject,
            entry.outcome,
            prev_hash,
            hash,
            mac,
            entry.assisted_session
        ],
    )?;
    transaction.execute(
        "INSERT INTO audit_head (id, seq, hash, keyed_from, mac) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,
             keyed_from = excluded.keyed_from, mac = excluded.mac",
        params![seq, hash, keyed_from, head_mac],
    )?;
    Ok(())
}

/// An audit entry from a row of `at_ms, request_id, actor, role, on_behalf_of, action, subject,
/// outcome, assisted_session`.
pub(super) fn audit_entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        at_ms: row.get(0)?,
        request_id: row.get(1)?,
        actor: row.get(2)?,
        role: row.get(3)?,
        on_behalf_of: row.get(4)?,
        action: row.get(5)?,
        subject: row.get(6)?,
        outcome: row.get(7)?,
        assisted_session: row.get(8)?,
    })
}
