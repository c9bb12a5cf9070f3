//! Draft repository: answers saved as they are given, tied to a form version.

use huiban_api::Answers;
use rusqlite::{OptionalExtension, Row, params};

use super::{AccountStore, StoreError};

/// A saved, unsent application.
#[derive(Debug, Clone, PartialEq, serde::Serialize, specta::Type)]
pub struct Draft {
    /// Stable id (a UUID).
    pub draft_id: String,
    /// 实施编码 of the item.
    pub impl_code: String,
    /// The form answered.
    pub form_id: String,
    /// The form version the answers belong to.
    pub form_version: u32,
    /// The answers so far.
    pub answers: Answers,
    /// Answers a newer form version no longer asks, kept so nothing is lost.
    pub set_aside: Answers,
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<(Draft, String, String)> {
    Ok((
        Draft {
            draft_id: row.get("draft_id")?,
            impl_code: row.get("impl_code")?,
            form_id: row.get("form_id")?,
            form_version: row.get("form_version")?,
            answers: Answers::new(),
            set_aside: Answers::new(),
        },
        row.get("answers")?,
        row.get("set_aside")?,
    ))
}

fn finish((mut draft, answers, set_aside): (Draft, String, String)) -> Result<Draft, StoreError> {
    draft.answers = serde_json::from_str(&answers)?;
    draft.set_aside = serde_json::from_str(&set_aside)?;
    Ok(draft)
}

/// Saves `draft` of `account` on `connection` (insert or replace); the rows changed (0 when the id
/// is another account's).
pub(super) fn save_in(
    connection: &rusqlite::Connection,
    account: &str,
    draft: &Draft,
    now_ms: i64,
) -> Result<usize, StoreError> {
    Ok(connection.execute(
        "INSERT INTO draft (draft_id, account_id, impl_code, form_id, form_version, answers, set_aside, created_ms, updated_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
         ON CONFLICT (draft_id) DO UPDATE SET impl_code = excluded.impl_code, form_id = excluded.form_id,
             form_version = excluded.form_version, answers = excluded.answers,
             set_aside = excluded.set_aside, updated_ms = excluded.updated_ms
         WHERE draft.account_id = excluded.account_id",
        params![
            draft.draft_id,
            account,
            draft.impl_code,
            draft.form_id,
            draft.form_version,
            serde_json::to_string(&draft.answers)?,
            serde_json::to_string(&draft.set_aside)?,
            now_ms
        ],
    )?)
}

impl AccountStore<'_> {
    /// Saves a draft of this account (insert or replace), durable on return. A draft id already
    /// used by another account is refused as missing (`false`).
    pub fn save_draft(&self, draft: &Draft, now_ms: i64) -> Result<bool, StoreError> {
        let changed =
            self.with(|connection, account| save_in(connection, account, draft, now_ms))?;
        Ok(changed == 1)
    }

    /// One draft of this account.
    pub fn draft(&self, draft_id: &str) -> Result<Option<Draft>, StoreError> {
        let row = self.with(|connection, account| {
            Ok(connection
                .query_row(
                    "SELECT * FROM draft WHERE draft_id = ?1 AND account_id = ?2",
                    params![draft_id, account],
                    from_row,
                )
                .optional()?)
        })?;
        row.map(finish).transpose()
    }

    /// Every draft of this account, most recently changed first.
    pub fn drafts(&self) -> Result<Vec<Draft>, StoreError> {
        let rows = self.with(|connection, account| {
            let mut statement = connection.prepare(
                "SELECT * FROM draft WHERE account_id = ?1 ORDER BY updated_ms DESC, draft_id",
            )?;
            Ok(statement
                .query_map(params![account], from_row)?
                .collect::<Result<Vec<_>, _>>()?)
        })?;
        rows.into_iter().map(finish).collect()
    }

    /// Records one answer of a draft of this account, durable on return; `false` when this account
    /// has no such draft.
    pub fn set_draft_answer(
        &self,
        draft_id: &str,
        question_id: &str,
        value: &serde_json::Value,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        let answers: Option<String> = transaction
            .query_row(
                "SELECT answers FROM draft WHERE draft_id = ?1 AND account_id = ?2",
                params![draft_id, self.account_id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(answers) = answers else {
            return Ok(false);
        };
        let mut answers: Answers = serde_json::from_str(&answers)?;
        if value.is_null() {
            answers.remove(question_id);
        } else {
            answers.insert(question_id.to_owned(), value.clone());
        }
        transaction.execute(
            "UPDATE draft SET answers = ?2, updated_ms = ?3 WHERE draft_id = ?1",
            params![draft_id, serde_json::to_string(&answers)?, now_ms],
        )?;
        transaction.commit()?;
        Ok(true)
    }

    /// Removes a draft of this account (after it went into the outbox, or when the person discards
    /// it).
    pub fn delete_draft(&self, draft_id: &str) -> Result<(), StoreError> {
        self.with(|connection, account| {
            connection.execute(
                "DELETE FROM draft WHERE draft_id = ?1 AND account_id = ?2",
                params![draft_id, account],
            )?;
            Ok(())
        })
    }
}
