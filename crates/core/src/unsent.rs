//! What a person leaves unsent on this computer when they log out, and what they chose to do with
//! it: send it first, keep it for their next login (encrypted, theirs only), or throw it away.

use crate::store::{AccountStore, OutboxKind, OutboxState, StoreError};

/// What of one account is not on the platform yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, specta::Type)]
pub struct Unsent {
    /// Forms begun and not sent (drafts).
    pub drafts: u64,
    /// Submissions waiting to be sent.
    pub waiting: u64,
    /// Submissions the platform refused, kept for the person to look at.
    pub refused: u64,
}

impl Unsent {
    /// What of `store`'s account is not on the platform yet.
    pub fn of(store: &AccountStore<'_>) -> Result<Self, StoreError> {
        let mut unsent = Self {
            drafts: u64::try_from(store.drafts()?.len()).unwrap_or(u64::MAX),
            ..Self::default()
        };
        for row in store.outbox_rows()? {
            match row.state {
                OutboxState::Queued | OutboxState::Sending => unsent.waiting += 1,
                // A text to a relative that was refused has nothing in it to keep or send again.
                OutboxState::NeedsAttention if row.kind == OutboxKind::RelativeHelp => {}
                OutboxState::NeedsAttention => unsent.refused += 1,
                OutboxState::Sent => {}
            }
        }
        Ok(unsent)
    }

    /// Whether there is nothing to ask about at 退出.
    pub fn is_empty(&self) -> bool {
        self.drafts + self.waiting + self.refused == 0
    }
}

/// What the person chose, at 退出, to do with what is not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LeaveUnsent {
    /// 留着下次登录再发: kept, encrypted, for this person only; sent after their next login.
    Keep,
    /// 不要了: deleted (the person was asked twice).
    Discard,
}

/// Does what the person chose with their unsent forms as they log out; returns how many went
/// when they are thrown away.
pub fn leave(store: &AccountStore<'_>, choice: LeaveUnsent) -> Result<u64, StoreError> {
    match choice {
        LeaveUnsent::Keep => Ok(0),
        LeaveUnsent::Discard => store.discard_unsent(),
    }
}

#[cfg(test)]
mod tests;
