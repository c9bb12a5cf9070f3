//! The platform's durable store: one SQLite file in WAL mode behind a repository layer.

mod accounts;
mod applications;
mod assisted;
mod attachments;
mod audit;
mod audit_chain;
pub mod audit_scope;
mod catalog;
mod columns;
mod devices;
mod error;
mod figures;
mod forms;
mod housekeeping;
mod idempotent;
mod kiosk_calls;
mod kiosks;
mod licences;
mod limits;
mod messages;
mod migrations;
mod relative_help;
mod relatives;
mod requests;
mod service_centres;
mod sms;
mod token_owner;
mod tokens;
mod uploads;

pub use accounts::{NewAccount, RealName, RealNameRefusal, mask_phone};
pub use applications::{CaseRecord, Created, NewCase, StepRecord, Transition};
pub use assisted::SessionRecord;
pub use audit_chain::{AuditEntry, AuditProblem};
pub use devices::{DeviceGrant, Poll};
pub use error::StoreError;
pub use figures::{Grouped, OpenCase, RequestsOfKind};
pub use housekeeping::{Horizons, Swept};
pub use idempotent::KeptAnswer;
pub use kiosk_calls::{Answered, CallRecord};
pub use kiosks::KioskRecord;
pub use messages::{Notice, StoredMessage};
pub use relatives::{ActedForRow, GrantRecord};
pub use requests::{RequestBody, RequestMove, RequestRecord};
pub use sms::{SentSms, SmsCode, SmsCodeTaken};
pub use token_owner::TokenOwner;
pub use tokens::{IssuedPair, KioskLoginKey, LoginRow, Rotation};
pub use uploads::UploadRow;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;

/// File name of the platform database inside the data directory.
pub const DATABASE_FILE: &str = "platform.sqlite3";

/// A handle to the platform database; cheap to clone, safe to share between requests.
#[derive(Clone)]
pub struct Store {
    connection: Arc<Mutex<Connection>>,
    /// The key audit rows are keyed with (kept outside the database).
    audit_key: Arc<audit_chain::AuditKey>,
}

impl Store {
    /// Opens (creating when needed) the database in `data_dir` and brings its schema up to date.
    pub fn open(data_dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let connection = Connection::open(data_dir.join(DATABASE_FILE))?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        connection.busy_timeout(std::time::Duration::from_secs(5))?;
        migrations::apply(&connection)?;
        let audit_key = audit_chain::AuditKey::load_or_create(data_dir)?;
        audit_chain::key_the_head(&connection, &audit_key)?;
        Ok(Self {
            connection: Arc::new(Mutex::new(connection)),
            audit_key: Arc::new(audit_key),
        })
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, StoreError> {
        self.connection.lock().map_err(|_| StoreError::Poisoned)
    }

    /// Runs a change a person asked for in one transaction. When it is the first change of the
    /// request being served (see [`audit_scope`]) and it changed something, the request's audit
    /// row is appended in the same transaction: both are kept, or neither.
    fn write<T>(
        &self,
        change: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let scope = audit_scope::current();
        let entry = scope.as_ref().and_then(|scope| scope.take_for_change());
        let written = (|| {
            let mut connection = self.lock()?;
            let transaction =
                connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let before = transaction.total_changes();
            let value = change(&transaction)?;
            let changed = transaction.total_changes() > before;
            if let Some(entry) = entry.as_ref().filter(|_| changed) {
                audit_chain::append_in(&transaction, &self.audit_key, entry)?;
            }
            transaction.commit()?;
            Ok((value, changed))
        })();
        match written {
            Ok((value, true)) => Ok(value),
            outcome => {
                // Nothing was kept with the row: the request's answer carries it instead.
                if let (Some(scope), Some(_)) = (&scope, &entry) {
                    scope.give_back();
                }
                outcome.map(|(value, _)| value)
            }
        }
    }
}
