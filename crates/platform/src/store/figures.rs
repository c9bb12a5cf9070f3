//! The centre's figures, counted by the database: cases by service and by channel, 好差评 by level,
//! 诉求 by kind with their closing times, and the open cases whose promised date is checked against
//! the working-day calendar.

use huiban_api::CaseStatus;
use rusqlite::params;

use super::columns::code;
use super::{Store, StoreError};

/// A group and its count, as the database grouped them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouped {
    /// The group's code.
    pub key: String,
    /// Its name, where the rows carry one.
    pub label: String,
    /// How many rows.
    pub count: u32,
}

/// 诉求 of one kind received since a moment.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestsOfKind {
    /// The kind's code.
    pub kind: String,
    /// Received.
    pub received: u32,
    /// Of those, closed.
    pub closed: u32,
    /// Mean milliseconds from receipt to the first 办结 step, of those closed.
    pub mean_ms_to_close: Option<f64>,
}

/// A case not finished, with what its promised date is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenCase {
    /// 办件编号.
    pub application_no: String,
    /// The service's name.
    pub item_name: String,
    /// The handling department.
    pub department: String,
    /// Promised working days.
    pub promised_days: u32,
    /// Received, ms.
    pub submitted_ms: i64,
}

impl Store {
    /// Cases received since `since_ms`, by 实施编码 (with the service's name), most first.
    pub fn cases_by_service_since(&self, since_ms: i64) -> Result<Vec<Grouped>, StoreError> {
        self.grouped(
            "SELECT impl_code, MAX(item_name), COUNT(*) FROM application WHERE submitted_ms >= ?1
             GROUP BY impl_code ORDER BY COUNT(*) DESC, impl_code",
            since_ms,
        )
    }

    /// Cases received since `since_ms`, by 办理渠道 code, most first.
    pub fn cases_by_channel_since(&self, since_ms: i64) -> Result<Vec<Grouped>, StoreError> {
        self.grouped(
            "SELECT channel, '', COUNT(*) FROM application WHERE submitted_ms >= ?1
             GROUP BY channel ORDER BY COUNT(*) DESC, channel",
            since_ms,
        )
    }

    /// 好差评 given since `since_ms`, by level (only the levels given).
    pub fn evaluations_by_level_since(&self, since_ms: i64) -> Result<Vec<Grouped>, StoreError> {
        self.grouped(
            "SELECT CAST(level AS TEXT), '', COUNT(*) FROM evaluation WHERE at_ms >= ?1
             GROUP BY level ORDER BY level",
            since_ms,
        )
    }

    /// 诉求 received since `since_ms`, by kind, with how many reached 办结 and how fast.
    pub fn requests_by_kind_since(&self, since_ms: i64) -> Result<Vec<RequestsOfKind>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT json_extract(r.body, '$.kind') AS kind, COUNT(*), COUNT(c.closed_ms),
                    AVG(c.closed_ms - r.submitted_ms)
             FROM service_request r
             LEFT JOIN (SELECT request_no, MIN(at_ms) AS closed_ms FROM service_request_step
                        WHERE status = 'closed' GROUP BY request_no) c
               ON c.request_no = r.request_no
             WHERE r.submitted_ms >= ?1
             GROUP BY kind ORDER BY COUNT(*) DESC, kind",
        )?;
        let rows = statement.query_map(params![since_ms], |row| {
            Ok(RequestsOfKind {
                kind: row.get(0)?,
                received: row.get(1)?,
                closed: row.get(2)?,
                mean_ms_to_close: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every case in one of `statuses` (those not finished), oldest first.
    pub fn cases_in(&self, statuses: &[CaseStatus]) -> Result<Vec<OpenCase>, StoreError> {
        let codes = statuses.iter().map(code).collect::<Result<Vec<_>, _>>()?;
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT application_no, item_name, department, promised_days, submitted_ms
             FROM application WHERE status IN (SELECT value FROM json_each(?1))
             ORDER BY submitted_ms, application_no",
        )?;
        let rows = statement.query_map(params![serde_json::to_string(&codes)?], |row| {
            Ok(OpenCase {
                application_no: row.get(0)?,
                item_name: row.get(1)?,
                department: row.get(2)?,
                promised_days: row.get(3)?,
                submitted_ms: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn grouped(&self, sql: &str, since_ms: i64) -> Result<Vec<Grouped>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(sql)?;
        let rows = statement.query_map(params![since_ms], |row| {
            Ok(Grouped {
                key: row.get(0)?,
                label: row.get(1)?,
                count: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
