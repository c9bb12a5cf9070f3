//! Request repository: requests (诉求) as JSON documents with their status, department and steps.

use huiban_api::{
    EvaluationRequest, FollowUp, IntakeChannel, RequestKind, RequestStatus, RequestStep,
};
use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::columns::{code, from_code, next_counter_in};
use super::{Notice, Store, StoreError};

/// The changeable content of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestBody {
    /// Kind.
    pub kind: RequestKind,
    /// Description.
    pub description: String,
    /// Location.
    pub location: Option<String>,
    /// Photo hashes.
    pub photos: Vec<String>,
    /// Intake channel.
    pub channel: IntakeChannel,
    /// The department's reply.
    pub reply: Option<String>,
    /// 回访 answers.
    pub follow_up: Option<FollowUp>,
    /// 评价.
    pub evaluation: Option<EvaluationRequest>,
    /// 代理人: the staff member who filed it for her in an assisted session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<huiban_api::Agent>,
    /// 请工作人员给我回电话: a call-back, seen by the staff of her district's centre.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub call_back: bool,
}

/// A stored request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// 诉求编号.
    pub request_no: String,
    /// Author.
    pub account_id: String,
    /// Content.
    pub body: RequestBody,
    /// Status.
    pub status: RequestStatus,
    /// Handling department.
    pub department: Option<String>,
    /// Submitted, ms.
    pub submitted_ms: i64,
}

/// A move through the loop.
#[derive(Debug, Clone)]
pub struct RequestMove<'a> {
    /// Statuses allowed before.
    pub from: &'a [RequestStatus],
    /// Status after.
    pub to: RequestStatus,
    /// When, ms.
    pub at_ms: i64,
    /// Who.
    pub actor: Option<String>,
    /// What was said.
    pub remark: Option<String>,
    /// A new department (派单).
    pub department: Option<String>,
    /// New content (reply, follow-up, evaluation).
    pub body: Option<RequestBody>,
}

impl Store {
    /// Creates a request in status 受理 and puts `notice(request_no)` in the author's inbox.
    /// Under an `idempotency_key` already used by the author, it is that request (`false`: not new).
    pub fn create_request(
        &self,
        account_id: &str,
        idempotency_key: Option<&str>,
        body: &RequestBody,
        day: &str,
        now_ms: i64,
        notice: impl Fn(&str) -> Notice,
    ) -> Result<(String, bool), StoreError> {
        self.write(|transaction| {
        if let Some(key) = idempotency_key {
            let filed: Option<String> = transaction
                .query_row(
                    "SELECT request_no FROM service_request WHERE account_id = ?1 AND idempotency_key = ?2",
                    params![account_id, key],
                    |row| row.get(0),
                )
                .optional()?;
            if let Some(request_no) = filed {
                return Ok((request_no, false));
            }
        }
        let sequence = next_counter_in(transaction, &format!("request:{day}"))?;
        let request_no = format!("SQ{day}{sequence:06}");
        let accepted = code(&RequestStatus::Accepted)?;
        transaction.execute(
            "INSERT INTO service_request (request_no, account_id, body, status, submitted_ms, idempotency_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![request_no, account_id, serde_json::to_string(body)?, accepted, now_ms, idempotency_key],
        )?;
        transaction.execute(
            "INSERT INTO service_request_step (request_no, seq, status, at_ms, actor, remark)
             VALUES (?1, 1, ?2, ?3, NULL, '已受理')",
            params![request_no, accepted, now_ms],
        )?;
        super::messages::insert(transaction, &notice(&request_no), now_ms)?;
        Ok((request_no, true))
        })
    }

    /// One request.
    pub fn service_request(&self, request_no: &str) -> Result<Option<RequestRecord>, StoreError> {
        let connection = self.lock()?;
        let row: Option<(String, String, String, Option<String>, i64)> = connection
            .query_row(
                "SELECT account_id, body, status, department, submitted_ms FROM service_request WHERE request_no = ?1",
                params![request_no],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
            )
            .optional()?;
        let Some((account_id, body, status, department, submitted_ms)) = row else {
            return Ok(None);
        };
        Ok(Some(RequestRecord {
            request_no: request_no.to_owned(),
            account_id,
            body: serde_json::from_str(&body)?,
            status: from_code::<RequestStatus>(&status)?,
            department,
            submitted_ms,
        }))
    }

    /// At most `limit` request numbers of an author, newest first, after the request `after`.
    pub fn request_numbers_of(
        &self,
        account_id: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT request_no FROM service_request WHERE account_id = ?1
               AND (?2 IS NULL OR (submitted_ms, request_no) <
                    (SELECT submitted_ms, request_no FROM service_request
                     WHERE request_no = ?2 AND account_id = ?1))
             ORDER BY submitted_ms DESC, request_no DESC LIMIT ?3",
        )?;
        let rows = statement.query_map(params![account_id, after, limit], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Requests of a department or not yet dispatched, oldest first.
    pub fn request_numbers_for(&self, department: &str) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT request_no FROM service_request WHERE department = ?1 OR department IS NULL
             ORDER BY submitted_ms, request_no",
        )?;
        let rows = statement.query_map(params![department], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The call-backs still waiting for a call from residents of `district_code`, oldest first.
    pub fn open_call_backs_of_district(
        &self,
        district_code: &str,
    ) -> Result<Vec<RequestRecord>, StoreError> {
        let numbers: Vec<String> = {
            let connection = self.lock()?;
            let mut statement = connection.prepare(
                "SELECT r.request_no FROM service_request r JOIN account a ON a.account_id = r.account_id
                 WHERE a.district_code = ?1
                   AND r.status IN ('accepted', 'dispatched', 'handling', 'supervised')
                 ORDER BY r.submitted_ms, r.request_no",
            )?;
            let rows = statement.query_map(params![district_code], |row| row.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut open = Vec::new();
        for number in numbers {
            if let Some(record) = self.service_request(&number)?.filter(|r| r.body.call_back) {
                open.push(record);
            }
        }
        Ok(open)
    }

    /// The steps of a request, oldest first.
    pub fn request_steps(&self, request_no: &str) -> Result<Vec<RequestStep>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT status, at_ms, actor, remark FROM service_request_step WHERE request_no = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map(params![request_no], |row| {
            Ok(RequestStep {
                status: from_code::<RequestStatus>(&row.get::<_, String>(0)?)?,
                at: crate::beijing_time::rfc3339(row.get(1)?),
                actor: row.get(2)?,
                remark: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Moves a request, with its inbox message; false when it was not in a `from` status.
    pub fn move_request(
        &self,
        request_no: &str,
        movement: &RequestMove<'_>,
        notice: &Notice,
    ) -> Result<bool, StoreError> {
        self.write(|transaction| {
        let current: Option<String> = transaction
            .query_row(
                "SELECT status FROM service_request WHERE request_no = ?1",
                params![request_no],
                |row| row.get(0),
            )
            .optional()?;
        let Some(current) = current else {
            return Ok(false);
        };
        if !movement
            .from
            .contains(&from_code::<RequestStatus>(&current)?)
        {
            return Ok(false);
        }
        transaction.execute(
            "UPDATE service_request SET status = ?2, department = COALESCE(?3, department), body = COALESCE(?4, body)
             WHERE request_no = ?1",
            params![
                request_no,
                code(&movement.to)?,
                movement.department,
                movement.body.as_ref().map(serde_json::to_string).transpose()?,
            ],
        )?;
        transaction.execute(
            "INSERT INTO service_request_step (request_no, seq, status, at_ms, actor, remark)
             VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM service_request_step WHERE request_no = ?1), ?2, ?3, ?4, ?5)",
            params![request_no, code(&movement.to)?, movement.at_ms, movement.actor, movement.remark],
        )?;
        super::messages::insert(transaction, notice, movement.at_ms)?;
        Ok(true)
        })
    }
}
