//! Application repository: cases, their step timeline and their evaluation.

use huiban_api::{
    Agent, Answers, CaseResult, CaseStatus, Evaluation, HandlingChannel, Rectification,
};
use rusqlite::{OptionalExtension, Row, params};

use super::columns::{code, from_code, json_column, next_counter_in};
use super::{Store, StoreError};

/// A case to create.
#[derive(Debug, Clone)]
pub struct NewCase {
    /// The applicant's account.
    pub account_id: String,
    /// The client's Idempotency-Key.
    pub idempotency_key: String,
    /// SHA-256 of the canonical request body.
    pub request_hash: String,
    /// Region code the case number starts with.
    pub region: String,
    /// Day part of the case number, YYYYMMDD.
    pub day: String,
    /// 实施编码.
    pub impl_code: String,
    /// 事项名称.
    pub item_name: String,
    /// 实施主体 name.
    pub department: String,
    /// 承诺时限.
    pub promised_days: u32,
    /// 受理渠道.
    pub channel: HandlingChannel,
    /// Applicant's name.
    pub applicant_name: Option<String>,
    /// 代理人.
    pub agent: Option<Agent>,
    /// Answers.
    pub answers: Answers,
    /// Submission time, ms.
    pub submitted_ms: i64,
}

/// What creating a case did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// A new case with this number.
    New(String),
    /// The same key and body came before: the existing case.
    Replayed(String),
    /// The same key came before with another body.
    KeyConflict,
}

/// A stored case.
#[derive(Debug, Clone)]
pub struct CaseRecord {
    /// 办件编号.
    pub application_no: String,
    /// Applicant's account.
    pub account_id: String,
    /// 实施编码.
    pub impl_code: String,
    /// 事项名称.
    pub item_name: String,
    /// 实施主体.
    pub department: String,
    /// 承诺时限.
    pub promised_days: u32,
    /// 受理渠道.
    pub channel: HandlingChannel,
    /// Applicant's name.
    pub applicant_name: Option<String>,
    /// 代理人.
    pub agent: Option<Agent>,
    /// Answers.
    pub answers: Answers,
    /// Status.
    pub status: CaseStatus,
    /// Result.
    pub result: Option<CaseResult>,
    /// Submission time, ms.
    pub submitted_ms: i64,
    /// 办结 time, ms.
    pub finished_ms: Option<i64>,
    /// The questions the open 补正 request asks (empty: a photo of the material and a note only).
    pub supplement_questions: Vec<String>,
}

/// A stored step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRecord {
    /// The status the step moved to.
    pub status: CaseStatus,
    /// When, ms.
    pub at_ms: i64,
    /// Who, when not the applicant.
    pub actor: Option<String>,
    /// Remark.
    pub remark: Option<String>,
}

/// A move of a case from one of `from` to `to`, recorded as a step.
#[derive(Debug, Clone)]
pub struct Transition<'a> {
    /// Statuses the case may be in for the move.
    pub from: &'a [CaseStatus],
    /// The new status.
    pub to: CaseStatus,
    /// The result, when the move finishes the case.
    pub result: Option<CaseResult>,
    /// When, ms.
    pub at_ms: i64,
    /// Who.
    pub actor: Option<String>,
    /// Remark.
    pub remark: Option<String>,
    /// The questions a 补正 request asks; kept on the case while it waits for the answer.
    pub asked: Vec<String>,
}

fn case_from_row(row: &Row<'_>) -> rusqlite::Result<CaseRecord> {
    let agent: Option<String> = row.get("agent")?;
    let result: Option<String> = row.get("result")?;
    Ok(CaseRecord {
        application_no: row.get("application_no")?,
        account_id: row.get("account_id")?,
        impl_code: row.get("impl_code")?,
        item_name: row.get("item_name")?,
        department: row.get("department")?,
        promised_days: row.get("promised_days")?,
        channel: from_code(&row.get::<_, String>("channel")?)?,
        applicant_name: row.get("applicant_name")?,
        agent: agent.as_deref().map(json_column).transpose()?,
        answers: json_column(&row.get::<_, String>("answers")?)?,
        status: from_code(&row.get::<_, String>("status")?)?,
        result: result.as_deref().map(from_code).transpose()?,
        submitted_ms: row.get("submitted_ms")?,
        finished_ms: row.get("finished_ms")?,
        supplement_questions: row
            .get::<_, Option<String>>("supplement_questions")?
            .as_deref()
            .map(json_column)
            .transpose()?
            .unwrap_or_default(),
    })
}

impl Store {
    /// The case an earlier request of `account_id` with this Idempotency-Key created, with that
    /// request's hash, if any.
    pub fn case_of_key(
        &self,
        account_id: &str,
        idempotency_key: &str,
    ) -> Result<Option<(String, String)>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT application_no, request_hash FROM application
                 WHERE account_id = ?1 AND idempotency_key = ?2",
                params![account_id, idempotency_key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    /// Creates a case, or finds the one an earlier request with the same key created.
    pub fn create_case(
        &self,
        case: &NewCase,
        notice: impl Fn(&str) -> super::Notice,
    ) -> Result<Created, StoreError> {
        self.write(|transaction| {
        let existing: Option<(String, String)> = transaction
            .query_row(
                "SELECT application_no, request_hash FROM application
                 WHERE account_id = ?1 AND idempotency_key = ?2",
                params![case.account_id, case.idempotency_key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((application_no, request_hash)) = existing {
            return Ok(if request_hash == case.request_hash {
                Created::Replayed(application_no)
            } else {
                Created::KeyConflict
            });
        }
        let sequence = next_counter_in(transaction, &format!("application:{}", case.day))?;
        let application_no = format!("{}{}{:06}", case.region, case.day, sequence);
        transaction.execute(
            "INSERT INTO application (application_no, account_id, idempotency_key, request_hash, impl_code,
                 item_name, department, promised_days, channel, applicant_name, agent, answers, status,
                 submitted_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                application_no,
                case.account_id,
                case.idempotency_key,
                case.request_hash,
                case.impl_code,
                case.item_name,
                case.department,
                case.promised_days,
                code(&case.channel)?,
                case.applicant_name,
                case.agent.as_ref().map(serde_json::to_string).transpose()?,
                serde_json::to_string(&case.answers)?,
                code(&CaseStatus::Submitted)?,
                case.submitted_ms,
            ],
        )?;
        transaction.execute(
            "INSERT INTO application_step (application_no, seq, status, at_ms, actor, remark)
             VALUES (?1, 1, ?2, ?3, NULL, NULL)",
            params![
                application_no,
                code(&CaseStatus::Submitted)?,
                case.submitted_ms
            ],
        )?;
        super::messages::insert(transaction, &notice(&application_no), case.submitted_ms)?;
        Ok(Created::New(application_no))
        })
    }

    /// One case by number.
    pub fn case(&self, application_no: &str) -> Result<Option<CaseRecord>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT * FROM application WHERE application_no = ?1",
                params![application_no],
                case_from_row,
            )
            .optional()?)
    }

    /// At most `limit` case numbers of an account, newest first, those after the case `after`.
    pub fn case_numbers_of(
        &self,
        account_id: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT application_no FROM application WHERE account_id = ?1
               AND (?2 IS NULL OR (submitted_ms, application_no) <
                    (SELECT submitted_ms, application_no FROM application
                     WHERE application_no = ?2 AND account_id = ?1))
             ORDER BY submitted_ms DESC, application_no DESC LIMIT ?3",
        )?;
        let rows = statement.query_map(params![account_id, after, limit], |row| row.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Case numbers handled by a department in one of `statuses` (all when empty), oldest first.
    pub fn case_numbers_of_department(
        &self,
        department: &str,
        statuses: &[CaseStatus],
    ) -> Result<Vec<String>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT application_no, status FROM application WHERE department = ?1
             ORDER BY submitted_ms, application_no",
        )?;
        let rows = statement.query_map(params![department], |row| {
            Ok((
                row.get::<_, String>(0)?,
                from_code::<CaseStatus>(&row.get::<_, String>(1)?)?,
            ))
        })?;
        let mut numbers = Vec::new();
        for row in rows {
            let (number, status) = row?;
            if statuses.is_empty() || statuses.contains(&status) {
                numbers.push(number);
            }
        }
        Ok(numbers)
    }

    /// The steps of a case, oldest first.
    pub fn case_steps(&self, application_no: &str) -> Result<Vec<StepRecord>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT status, at_ms, actor, remark FROM application_step
             WHERE application_no = ?1 ORDER BY seq",
        )?;
        let rows = statement.query_map(params![application_no], |row| {
            Ok(StepRecord {
                status: from_code(&row.get::<_, String>(0)?)?,
                at_ms: row.get(1)?,
                actor: row.get(2)?,
                remark: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Moves a case and records the step; returns false when the case was not in a `from` status.
    pub fn transition_case(
        &self,
        application_no: &str,
        transition: &Transition<'_>,
        answers: Option<&Answers>,
        notice: Option<&super::Notice>,
    ) -> Result<bool, StoreError> {
        self.write(|transaction| {
        let current: Option<String> = transaction
            .query_row(
                "SELECT status FROM application WHERE application_no = ?1",
                params![application_no],
                |row| row.get(0),
            )
            .optional()?;
        let Some(current) = current else {
            return Ok(false);
        };
        let current: CaseStatus = from_code(&current)?;
        if !transition.from.contains(&current) {
            return Ok(false);
        }
        let finished_ms = transition.result.map(|_| transition.at_ms);
        transaction.execute(
            "UPDATE application SET status = ?2, result = COALESCE(?3, result),
                 finished_ms = COALESCE(?4, finished_ms), answers = COALESCE(?5, answers),
                 supplement_questions = ?6
             WHERE application_no = ?1",
            params![
                application_no,
                code(&transition.to)?,
                transition.result.as_ref().map(code).transpose()?,
                finished_ms,
                answers.map(serde_json::to_string).transpose()?,
                (transition.to == CaseStatus::SupplementRequested)
                    .then(|| serde_json::to_string(&transition.asked))
                    .transpose()?,
            ],
        )?;
        transaction.execute(
            "INSERT INTO application_step (application_no, seq, status, at_ms, actor, remark)
             VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM application_step WHERE application_no = ?1),
                     ?2, ?3, ?4, ?5)",
            params![
                application_no,
                code(&transition.to)?,
                transition.at_ms,
                transition.actor,
                transition.remark
            ],
        )?;
        if let Some(notice) = notice {
            super::messages::insert(transaction, notice, transition.at_ms)?;
        }
        Ok(true)
        })
    }

    /// Records the one evaluation of a case; returns false when it already has one.
    pub fn insert_evaluation(
        &self,
        application_no: &str,
        level: u8,
        reason: Option<&str>,
        at_ms: i64,
        rectification_due: Option<&str>,
    ) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| {
            Ok(transaction.execute(
                "INSERT INTO evaluation (application_no, level, reason, at_ms, rectification_due)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (application_no) DO NOTHING",
                params![application_no, level, reason, at_ms, rectification_due],
            )?)
        })?;
        Ok(changed == 1)
    }

    /// The evaluation of a case, with `at` still in ms (as RFC 3339 is the caller's job).
    pub fn evaluation(
        &self,
        application_no: &str,
    ) -> Result<Option<(Evaluation, i64)>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT level, reason, at_ms, rectification_due, rectification_reply FROM evaluation
                 WHERE application_no = ?1",
                params![application_no],
                |row| {
                    let due: Option<String> = row.get(3)?;
                    let reply: Option<String> = row.get(4)?;
                    Ok((
                        Evaluation {
                            level: row.get(0)?,
                            reason: row.get(1)?,
                            at: String::new(),
                            rectification: due.map(|due_by| Rectification { due_by, reply }),
                        },
                        row.get::<_, i64>(2)?,
                    ))
                },
            )
            .optional()?)
    }

    /// The department's reply to a rectification order; returns false when there is no open order.
    pub fn reply_rectification(
        &self,
        application_no: &str,
        reply: &str,
    ) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| Ok(transaction.execute(
            "UPDATE evaluation SET rectification_reply = ?2
             WHERE application_no = ?1 AND rectification_due IS NOT NULL AND rectification_reply IS NULL",
            params![application_no, reply],
        )?))?;
        Ok(changed == 1)
    }
}
