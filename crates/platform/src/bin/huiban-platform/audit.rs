//! `huiban-platform audit`, and the audit rows every command-line change leaves.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use huiban_platform::Store;
use huiban_platform::store::AuditEntry;

/// The audit log's commands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain; exits non-zero and names the first bad row when a row was changed or removed.
    Verify {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
    },
}

/// Checks the hash chain; exits with 1 naming the first bad row.
pub fn verify(data_dir: &Path) -> anyhow::Result<()> {
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    match store.verify_audit()? {
        Ok(rows) => {
            writeln!(std::io::stdout(), "audit log intact: {rows} rows")?;
            Ok(())
        }
        Err(problem) => {
            eprintln!("{problem}");
            std::process::exit(1);
        }
    }
}

/// Runs a command-line change in the audit scope of `entry`: the row is committed with the
/// change, or written after it when the change changed nothing; a failed change leaves no row.
pub fn audited<T>(
    store: &Store,
    entry: AuditEntry,
    change: impl FnOnce() -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    use huiban_platform::store::audit_scope::{self, AuditScope};

    let scope = AuditScope::of(entry);
    let done = audit_scope::carry(Some(scope.clone()), change)?;
    if let Some(entry) = scope.entry_after(audit_scope::APPLIED) {
        store.append_audit(&entry)?;
    }
    Ok(done)
}

/// An audit row for an operator's command-line action, about `account_id` when it names one.
pub fn operator_audit(action: &str, account_id: Option<&str>) -> AuditEntry {
    AuditEntry {
        at_ms: chrono::Utc::now().timestamp_millis(),
        request_id: format!("cli-{}", uuid::Uuid::new_v4()),
        actor: None,
        role: Some("operator".to_owned()),
        on_behalf_of: account_id.map(str::to_owned),
        action: action.to_owned(),
        subject: account_id.map(str::to_owned),
        outcome: 0,
        assisted_session: None,
    }
}

/// An audit row for an officer's command-line action.
pub fn cli_audit(officer: &str, action: &str, subject: &str) -> AuditEntry {
    AuditEntry {
        at_ms: chrono::Utc::now().timestamp_millis(),
        request_id: format!("cli-{}", uuid::Uuid::new_v4()),
        actor: Some(officer.to_owned()),
        role: Some(huiban_api::Role::Officer.as_str().to_owned()),
        on_behalf_of: None,
        action: action.to_owned(),
        subject: Some(subject.to_owned()),
        outcome: 0,
        assisted_session: None,
    }
}
