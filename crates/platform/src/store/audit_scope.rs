//! The audit row of the request (or CLI run) being served. The audit middleware opens a scope
//! around the request; the request's first change that [`Store::write`](super::Store) commits
//! carries the row in its own transaction, so a change is never kept without its row nor a row
//! without its change. A request that changed nothing gets its row after the answer, with the
//! answer's status.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use super::audit_chain::AuditEntry;
use super::token_owner::TokenOwner;

tokio::task_local! {
    static SCOPE: Arc<AuditScope>;
}

/// Outcome of a row written with its change: the change was committed with it.
pub const APPLIED: u16 = 0;

/// The audit row of one request, waiting for its first change or its answer.
#[derive(Debug)]
pub struct AuditScope {
    entry: Mutex<AuditEntry>,
    written: AtomicBool,
}

impl AuditScope {
    /// The scope of a request `request_id` at `at_ms` doing `action` (e.g. `POST /api/v1/…`) to
    /// `subject`, its caller not yet known.
    pub fn new(at_ms: i64, request_id: &str, action: &str, subject: Option<String>) -> Arc<Self> {
        Self::of(AuditEntry {
            at_ms,
            request_id: request_id.to_owned(),
            actor: None,
            role: None,
            on_behalf_of: None,
            action: action.to_owned(),
            subject,
            outcome: APPLIED,
            assisted_session: None,
        })
    }

    /// The scope whose row is `entry` (a command-line action's, its caller known).
    pub fn of(entry: AuditEntry) -> Arc<Self> {
        Arc::new(Self {
            entry: Mutex::new(entry),
            written: AtomicBool::new(false),
        })
    }

    /// Records the authenticated caller and the resident they act for, if any.
    pub fn set_caller(&self, owner: TokenOwner, acting: Option<(String, String)>) {
        if let Ok(mut entry) = self.entry.lock() {
            entry.role = Some(owner.role.as_str().to_owned());
            entry.actor = Some(owner.account_id);
            let (on_behalf_of, session) = acting.unzip();
            entry.on_behalf_of = on_behalf_of;
            entry.assisted_session = session;
        }
    }

    /// Runs `work` (an async request) inside this scope.
    pub async fn serve<F: Future>(self: &Arc<Self>, work: F) -> F::Output {
        SCOPE.scope(Arc::clone(self), work).await
    }

    /// The row to write after the answer `outcome`, unless a change already carried it.
    pub fn entry_after(&self, outcome: u16) -> Option<AuditEntry> {
        (!self.written.load(Ordering::SeqCst)).then(|| self.entry(outcome))
    }

    /// The row to write with a change, once per request: `None` when a change carried it already.
    pub(super) fn take_for_change(&self) -> Option<AuditEntry> {
        self.written
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
            .then(|| self.entry(APPLIED))
    }

    /// Gives the row back when the change it was taken for was not committed.
    pub(super) fn give_back(&self) {
        self.written.store(false, Ordering::SeqCst);
    }

    fn entry(&self, outcome: u16) -> AuditEntry {
        let mut entry = match self.entry.lock() {
            Ok(entry) => entry.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        entry.outcome = outcome;
        entry
    }
}

/// The scope of the request being served on this task or thread, if any.
pub fn current() -> Option<Arc<AuditScope>> {
    SCOPE.try_with(Arc::clone).ok()
}

/// Runs blocking `work` inside `scope` (taken with [`current`] before leaving the request's task).
pub fn carry<T>(scope: Option<Arc<AuditScope>>, work: impl FnOnce() -> T) -> T {
    match scope {
        Some(scope) => SCOPE.sync_scope(scope, work),
        None => work(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_taken_once_and_given_back_when_its_change_fails() {
        let scope = AuditScope::new(1, "r", "POST /x", None);
        let taken = scope.take_for_change().unwrap();
        assert_eq!(taken.outcome, APPLIED);
        assert!(scope.take_for_change().is_none());
        assert!(scope.entry_after(201).is_none());
        scope.give_back();
        assert_eq!(scope.entry_after(500).unwrap().outcome, 500);
    }

    #[test]
    fn blocking_work_sees_the_scope_it_was_carried_into() {
        assert!(current().is_none());
        let scope = AuditScope::new(1, "r", "POST /x", None);
        let seen = carry(Some(Arc::clone(&scope)), || {
            current().map(|s| s.entry(1).request_id)
        });
        assert_eq!(seen.as_deref(), Some("r"));
        assert!(carry(None, current).is_none());
    }
}
