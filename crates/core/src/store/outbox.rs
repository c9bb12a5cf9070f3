//! Outbox repository: submissions and where each one stands.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::{AccountStore, OutboxKind, StoreError};

/// Where a submission stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboxState {
    /// Saved here, waiting to be sent.
    Queued,
    /// Being sent. Not written by this version (a send in flight stays `Queued` on disk); read for
    /// compatibility and sent again, which the Idempotency-Key makes safe.
    Sending,
    /// The platform has it; the case number is known.
    Sent,
    /// The platform refused it; the person must look at it. The answers are kept.
    NeedsAttention,
}

impl OutboxState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::NeedsAttention => "needs_attention",
        }
    }

    fn parse(text: &str) -> Self {
        match text {
            "sending" => Self::Sending,
            "sent" => Self::Sent,
            "needs_attention" => Self::NeedsAttention,
            _ => Self::Queued,
        }
    }
}

/// One submission in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxRow {
    /// The client's UUID, also the Idempotency-Key.
    pub client_id: String,
    /// What it is.
    pub kind: OutboxKind,
    /// The request body, JSON.
    pub body: String,
    /// Where it stands.
    pub state: OutboxState,
    /// Sending attempts so far.
    pub attempts: u32,
    /// Not before this, ms.
    pub next_attempt_ms: i64,
    /// The last failure, for the person (plain words) or the log.
    pub last_error: Option<String>,
    /// The platform's case number, once sent.
    pub case_number: Option<String>,
    /// The assisted session it was confirmed in, when a clerk queued it for a resident: it is sent
    /// in that session, and only in it.
    pub assisted_session: Option<String>,
    /// The relative grant it was confirmed in, when a relative queued it for the person (亲友代办):
    /// it is sent in that grant, and only in it.
    pub relative_grant: Option<String>,
}

impl OutboxRow {
    /// Whether its body was emptied after the platform's copy was pulled back.
    pub fn is_purged(&self) -> bool {
        self.body.is_empty()
    }
}

/// What became of a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutboxUpdate<'a> {
    /// The new state.
    pub state: OutboxState,
    /// Attempts so far.
    pub attempts: u32,
    /// Not before this, ms.
    pub next_attempt_ms: i64,
    /// Why it failed, if it did.
    pub last_error: Option<&'a str>,
    /// The case number, once sent.
    pub case_number: Option<&'a str>,
}

fn insert_in(
    connection: &Connection,
    owner: &AccountStore<'_>,
    client_id: &str,
    kind: OutboxKind,
    body: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    connection.execute(
        "INSERT INTO outbox (client_id, account_id, kind, body, state, next_attempt_ms, created_ms,
             updated_ms, assisted_session, relative_grant)
         VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?5, ?5, ?6, ?7)",
        params![
            client_id,
            owner.account_id,
            kind.name(),
            body,
            now_ms,
            owner.assisted_session,
            owner.relative_grant
        ],
    )?;
    Ok(())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        client_id: row.get("client_id")?,
        kind: OutboxKind::of_name(&row.get::<_, String>("kind")?),
        body: row.get("body")?,
        state: OutboxState::parse(&row.get::<_, String>("state")?),
        attempts: row.get("attempts")?,
        next_attempt_ms: row.get("next_attempt_ms")?,
        last_error: row.get("last_error")?,
        case_number: row.get("case_number")?,
        assisted_session: row.get("assisted_session")?,
        relative_grant: row.get("relative_grant")?,
    })
}

impl super::LocalStore {
    /// The accounts with submissions a clerk confirmed for them in an assisted session (staff
    /// mode), each account once.
    pub fn accounts_acted_for(&self) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT DISTINCT account_id FROM outbox WHERE assisted_session IS NOT NULL
             ORDER BY account_id",
        )?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl super::LocalStore {
    /// The keys of the data `helper` keeps for the people he acts for that have submissions
    /// (亲友代办), each once: his login sends them.
    pub fn helped_by(&self, helper: &str) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT DISTINCT account_id FROM outbox WHERE relative_grant IS NOT NULL
                 AND substr(account_id, 1, length(?1) + 1) = ?1 || '/'
             ORDER BY account_id",
        )?;
        let rows = statement.query_map(params![helper], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl AccountStore<'_> {
    /// Commits a submission of this account to the outbox, durable before anything is sent.
    pub fn outbox_insert(
        &self,
        client_id: &str,
        kind: OutboxKind,
        body: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        insert_in(&*self.store.lock()?, self, client_id, kind, body, now_ms)
    }

    /// Queues a submission and removes the draft it was made from (this account's), both or neither:
    /// `false`, and nothing queued, when the draft is gone (it was sent already), so a draft is
    /// queued once even when 确认提交 is pressed twice at once.
    pub fn outbox_insert_from_draft(
        &self,
        client_id: &str,
        kind: OutboxKind,
        body: &str,
        draft_id: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        insert_in(&transaction, self, client_id, kind, body, now_ms)?;
        let removed = transaction.execute(
            "DELETE FROM draft WHERE draft_id = ?1 AND account_id = ?2",
            params![draft_id, self.account_id],
        )?;
        if removed == 0 {
            // Dropping the transaction rolls the insert back.
            return Ok(false);
        }
        transaction.commit()?;
        Ok(true)
    }

    /// Turns this account's submission `client_id`, refused by the platform, back into `draft` in
    /// one step: the draft saved and the row gone together, or neither. `false` when there is no
    /// such row still unsent.
    pub fn outbox_back_to_draft(
        &self,
        client_id: &str,
        draft: &super::Draft,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let mut connection = self.store.lock()?;
        let transaction = connection.transaction()?;
        let removed = transaction.execute(
            "DELETE FROM outbox WHERE client_id = ?1 AND account_id = ?2 AND state != 'sent'",
            params![client_id, self.account_id],
        )?;
        if removed == 0
            || super::drafts::save_in(&transaction, &self.account_id, draft, now_ms)? == 0
        {
            // Dropping the transaction rolls the delete back.
            return Ok(false);
        }
        transaction.commit()?;
        Ok(true)
    }

    /// This account's submissions due for sending (queued, or left `sending` by a crash), oldest
    /// first.
    pub fn outbox_due(&self, now_ms: i64, limit: u32) -> Result<Vec<OutboxRow>, StoreError> {
        self.with(|connection, account| {
            let mut statement = connection.prepare(
                "SELECT * FROM outbox WHERE account_id = ?1 AND state IN ('queued', 'sending')
                     AND next_attempt_ms <= ?2
                 ORDER BY created_ms, client_id LIMIT ?3",
            )?;
            let rows = statement.query_map(params![account, now_ms, limit], from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// One submission of this account.
    pub fn outbox_row(&self, client_id: &str) -> Result<Option<OutboxRow>, StoreError> {
        self.with(|connection, account| {
            Ok(connection
                .query_row(
                    "SELECT * FROM outbox WHERE client_id = ?1 AND account_id = ?2",
                    params![client_id, account],
                    from_row,
                )
                .optional()?)
        })
    }

    /// Every submission of this account, oldest first.
    pub fn outbox_rows(&self) -> Result<Vec<OutboxRow>, StoreError> {
        self.with(|connection, account| {
            let mut statement = connection.prepare(
                "SELECT * FROM outbox WHERE account_id = ?1 ORDER BY created_ms, client_id",
            )?;
            let rows = statement.query_map(params![account], from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Every submission of this account of `kind`, oldest first.
    pub fn outbox_rows_of_kind(&self, kind: OutboxKind) -> Result<Vec<OutboxRow>, StoreError> {
        self.with(|connection, account| {
            let mut statement = connection.prepare(
                "SELECT * FROM outbox WHERE account_id = ?1 AND kind = ?2
                 ORDER BY created_ms, client_id",
            )?;
            let rows = statement.query_map(params![account, kind.name()], from_row)?;
            Ok(rows.collect::<Result<_, _>>()?)
        })
    }

    /// Records what became of a submission of this account.
    pub fn outbox_update(
        &self,
        client_id: &str,
        update: &OutboxUpdate<'_>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.with(|connection, account| {
            connection.execute(
                "UPDATE outbox SET state = ?3, attempts = ?4, next_attempt_ms = ?5, last_error = ?6,
                     case_number = COALESCE(?7, case_number), updated_ms = ?8
                 WHERE client_id = ?1 AND account_id = ?2",
                params![
                    client_id,
                    account,
                    update.state.as_str(),
                    update.attempts,
                    update.next_attempt_ms,
                    update.last_error,
                    update.case_number,
                    now_ms
                ],
            )?;
            if update.state == OutboxState::Sent {
                super::assisted_end::forget_if_ended(connection, account, client_id)?;
            }
            Ok(())
        })
    }

    /// Empties the body of this account's sent submissions whose platform copy (the case or 诉求
    /// of their number) is among this account's pulled copies: only the id, kind, state and number
    /// stay, so the answers (ID numbers, addresses, bank cards) are not kept twice. Only rows
    /// sent before `pulled_from_ms`, when the pull asked for the copies, count: the copy of one
    /// sent later may not show it yet. Returns how many were emptied.
    pub fn outbox_purge_pulled_bodies(&self, pulled_from_ms: i64) -> Result<usize, StoreError> {
        self.with(|connection, account| {
            Ok(connection.execute(
                "UPDATE outbox SET body = '' WHERE account_id = ?1 AND state = 'sent' AND body <> ''
                     AND updated_ms < ?2
                     AND case_number IN (
                         SELECT application_no FROM cached_case WHERE account_id = ?1
                         UNION ALL
                         SELECT request_no FROM cached_request WHERE account_id = ?1)",
                params![account, pulled_from_ms],
            )?)
        })
    }

    /// How many of this account's submissions (applications, 诉求 and what follows them) are in
    /// each state. Texts to a relative are not counted: the 求助 page says what became of each,
    /// and a refused one has nothing to fix.
    pub fn outbox_counts(&self) -> Result<[u64; 4], StoreError> {
        self.with(|connection, account| {
            let mut statement = connection.prepare(
                "SELECT state, COUNT(*) FROM outbox WHERE account_id = ?1
                 AND kind <> 'relative_help' GROUP BY state",
            )?;
            let rows = statement.query_map(params![account], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
            })?;
            let mut counts = [0u64; 4];
            for row in rows {
                let (state, count) = row?;
                let index = match OutboxState::parse(&state) {
                    OutboxState::Queued => 0,
                    OutboxState::Sending => 1,
                    OutboxState::Sent => 2,
                    OutboxState::NeedsAttention => 3,
                };
                counts[index] += u64::try_from(count).unwrap_or(0);
            }
            Ok(counts)
        })
    }

    /// How many of this account's rows of `kind` are still to be sent (queued or being sent).
    pub fn outbox_waiting_of_kind(&self, kind: OutboxKind) -> Result<u64, StoreError> {
        let count: i64 = self.with(|connection, account| {
            Ok(connection.query_row(
                "SELECT COUNT(*) FROM outbox
                 WHERE account_id = ?1 AND kind = ?2 AND state IN ('queued', 'sending')",
                params![account, kind.name()],
                |row| row.get(0),
            )?)
        })?;
        Ok(u64::try_from(count).unwrap_or(0))
    }
}
