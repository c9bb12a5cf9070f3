//! Kiosk-call repository: each kiosk's 请工作人员过来, seen by the staff of its centre.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};

/// A call as stored, with its kiosk's name and the name of whoever is going.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallRecord {
    /// The call's id.
    pub call_id: String,
    /// The kiosk's name.
    pub kiosk_name: String,
    /// The centre it stands in.
    pub centre: String,
    /// When it was raised, ms.
    pub raised_ms: i64,
    /// The staff account on her way, and her name.
    pub answered_by: Option<(String, String)>,
}

/// What came of a staff member saying she is going.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answered {
    /// She is the one going (now, or already).
    Going(CallRecord),
    /// Someone else said so first.
    Taken(CallRecord),
    /// No open call of her centre has this id.
    NoCall,
}

const CALL_COLUMNS: &str = "c.call_id, COALESCE(k.name, ''), c.centre, c.raised_ms,
    c.answered_by, COALESCE(s.name, '')
    FROM kiosk_call c JOIN account k ON k.account_id = c.kiosk_account_id
    LEFT JOIN account s ON s.account_id = c.answered_by";

fn call_of(row: &Row<'_>) -> rusqlite::Result<CallRecord> {
    let answered_by: Option<String> = row.get(4)?;
    let name: String = row.get(5)?;
    Ok(CallRecord {
        call_id: row.get(0)?,
        kiosk_name: row.get(1)?,
        centre: row.get(2)?,
        raised_ms: row.get(3)?,
        answered_by: answered_by.map(|account| (account, name)),
    })
}

impl Store {
    /// The open call of the kiosk `device`, raised now under `call_id` unless one is open already.
    pub fn raise_kiosk_call(
        &self,
        device: &str,
        call_id: &str,
        now_ms: i64,
    ) -> Result<CallRecord, StoreError> {
        self.write(|transaction| {
            transaction.execute(
                "INSERT INTO kiosk_call (call_id, kiosk_account_id, centre, raised_ms)
                 SELECT ?2, account_id, COALESCE(department, ''), ?3 FROM account
                 WHERE account_id = ?1 AND role = 'kiosk_device'
                   AND NOT EXISTS (SELECT 1 FROM kiosk_call
                                   WHERE kiosk_account_id = ?1 AND ended_ms IS NULL)",
                params![device, call_id, now_ms],
            )?;
            Ok(())
        })?;
        self.open_call_of_kiosk(device)?
            .ok_or(StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }

    /// The open call of the kiosk `device`, if any.
    pub fn open_call_of_kiosk(&self, device: &str) -> Result<Option<CallRecord>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                &format!(
                    "SELECT {CALL_COLUMNS} WHERE c.kiosk_account_id = ?1 AND c.ended_ms IS NULL"
                ),
                params![device],
                call_of,
            )
            .optional()?)
    }

    /// Ends the open call of the kiosk `device` (it was helped, or she left); false when none was.
    pub fn end_call_of_kiosk(&self, device: &str, now_ms: i64) -> Result<bool, StoreError> {
        let ended = self.write(|transaction| {
            Ok(transaction.execute(
                "UPDATE kiosk_call SET ended_ms = ?2
                 WHERE kiosk_account_id = ?1 AND ended_ms IS NULL",
                params![device, now_ms],
            )?)
        })?;
        Ok(ended > 0)
    }

    /// The open calls of the kiosks in `centre`, oldest first.
    pub fn open_calls_of_centre(&self, centre: &str) -> Result<Vec<CallRecord>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(&format!(
            "SELECT {CALL_COLUMNS} WHERE c.centre = ?1 AND c.ended_ms IS NULL
             ORDER BY c.raised_ms, c.call_id"
        ))?;
        let calls = statement.query_map(params![centre], call_of)?;
        Ok(calls.collect::<Result<_, _>>()?)
    }

    /// `staff` of `centre` is on her way to the open call `call_id`, unless someone else is.
    pub fn answer_kiosk_call(
        &self,
        call_id: &str,
        centre: &str,
        staff: &str,
        now_ms: i64,
    ) -> Result<Answered, StoreError> {
        self.write(|transaction| {
            transaction.execute(
                "UPDATE kiosk_call SET answered_by = ?3, answered_ms = ?4
                 WHERE call_id = ?1 AND centre = ?2 AND ended_ms IS NULL AND answered_by IS NULL",
                params![call_id, centre, staff, now_ms],
            )?;
            Ok(())
        })?;
        let call = self
            .lock()?
            .query_row(
                &format!("SELECT {CALL_COLUMNS} WHERE c.call_id = ?1 AND c.centre = ?2 AND c.ended_ms IS NULL"),
                params![call_id, centre],
                call_of,
            )
            .optional()?;
        Ok(match call {
            None => Answered::NoCall,
            Some(call)
                if call
                    .answered_by
                    .as_ref()
                    .is_some_and(|(who, _)| who == staff) =>
            {
                Answered::Going(call)
            }
            Some(call) => Answered::Taken(call),
        })
    }

    /// Ends the open call `call_id` of `centre` (she was helped); false when there is no such call.
    pub fn end_kiosk_call(
        &self,
        call_id: &str,
        centre: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let ended = self.write(|transaction| {
            Ok(transaction.execute(
                "UPDATE kiosk_call SET ended_ms = ?3
                 WHERE call_id = ?1 AND centre = ?2 AND ended_ms IS NULL",
                params![call_id, centre, now_ms],
            )?)
        })?;
        Ok(ended > 0)
    }
}
