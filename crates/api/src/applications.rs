//! Applications (办件): submitting, the step timeline, withdrawal, 补正 and 好差评.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::codes::HandlingChannel;

/// Answers to a form, by question id; each value is whatever the question kind takes.
pub type Answers = BTreeMap<String, serde_json::Value>;

/// Body of `POST /api/v1/applications` (sent with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewApplication {
    /// 实施编码 of the item applied for.
    pub impl_code: String,
    /// The form answered.
    pub form_id: String,
    /// The form version answered.
    pub form_version: u32,
    /// The answers.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// 受理渠道: where the application was made.
    pub channel: HandlingChannel,
}

/// Where a case stands (办理环节).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// 申请: sent, waiting to be accepted.
    Submitted,
    /// 受理: accepted by the department.
    Accepted,
    /// 补正: the department asks for more.
    SupplementRequested,
    /// 审查: being examined.
    Reviewing,
    /// 办结: finished with a result.
    Finished,
    /// 不予受理: not accepted.
    NotAccepted,
    /// 撤回: withdrawn by the applicant.
    Withdrawn,
}

/// 办理结果.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseResult {
    /// 准予.
    Approved,
    /// 不予.
    Refused,
    /// 撤回.
    Withdrawn,
}

/// One step of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseStep {
    /// The status this step moved the case to.
    pub status: CaseStatus,
    /// When, RFC 3339 in Beijing time.
    pub at: String,
    /// The officer or person who took the step, when it was not the applicant.
    pub actor: Option<String>,
    /// Remarks in plain words (what the officer says, what is needed).
    pub remark: Option<String>,
}

/// 代理人: who applied on the applicant's behalf.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Agent {
    /// Agent's name.
    pub name: String,
    /// Agent's relation to the applicant or role, e.g. 社区服务中心工作人员.
    pub relation: String,
    /// The agent's account.
    pub account_id: String,
    /// The service centre the agent works at, when a centre's staff filed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre: Option<String>,
    /// Who the agent is to her, when a relative she granted filed it (`relation` is then 亲属).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinship: Option<crate::relatives::Kinship>,
}

/// A case as its applicant sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Application {
    /// 办件编号.
    pub application_no: String,
    /// 实施编码 of the item.
    pub impl_code: String,
    /// 事项名称.
    pub item_name: String,
    /// 实施主体 name.
    pub department: String,
    /// The applicant's name, when known.
    pub applicant_name: Option<String>,
    /// 代理人, when someone applied on the applicant's behalf.
    pub agent: Option<Agent>,
    /// 受理渠道.
    pub channel: HandlingChannel,
    /// Current status.
    pub status: CaseStatus,
    /// 办理结果, once finished.
    pub result: Option<CaseResult>,
    /// When it was submitted, RFC 3339.
    pub submitted_at: String,
    /// The last moment it can be withdrawn online, RFC 3339; absent once that is no longer possible.
    pub withdrawable_until: Option<String>,
    /// 承诺时限 in working days.
    pub promised_days: u32,
    /// The promised finishing date (YYYY-MM-DD), counted in working days.
    pub promised_by: String,
    /// 超期天数: working days past `promised_by`, 0 when on time.
    pub overdue_days: u32,
    /// 办结时间, RFC 3339.
    pub finished_at: Option<String>,
    /// Every step so far, oldest first.
    pub steps: Vec<CaseStep>,
    /// The answers as submitted (and supplemented).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// The applicant's evaluation, once given.
    pub evaluation: Option<Evaluation>,
    /// While 补正 is asked: the questions the department asks to answer again (by id); a 补正 may
    /// answer these and [`SUPPLEMENT_PHOTO`], nothing else. Identity questions are never asked.
    #[serde(default)]
    pub supplement_questions: Vec<String>,
}

/// The answer key of the photo of the missing material sent with any 补正.
pub const SUPPLEMENT_PHOTO: &str = "supplement_photo";

/// Body of `POST /api/v1/applications/{application_no}/withdraw`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WithdrawRequest {
    /// Why, in the applicant's words.
    pub reason: Option<String>,
}

/// Body of `POST /api/v1/applications/{application_no}/supplements`: what the 补正 asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupplementRequest {
    /// Answers added or corrected, by question id.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// A note to the officer.
    pub note: Option<String>,
}

/// 好差评 levels: 1 非常满意 … 5 非常不满意.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationRequest {
    /// 1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub level: u8,
    /// Required for 4 and 5.
    pub reason: Option<String>,
}

/// A given evaluation, with its rectification order when it was a bad one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evaluation {
    /// The level, 1–5.
    pub level: u8,
    /// The reason given.
    pub reason: Option<String>,
    /// When, RFC 3339.
    pub at: String,
    /// 整改: opened for levels 4 and 5.
    pub rectification: Option<Rectification>,
}

/// 整改单: a department must answer a bad evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rectification {
    /// The answer is due by this date (YYYY-MM-DD), 15 working days after the evaluation.
    pub due_by: String,
    /// The department's reply, once given.
    pub reply: Option<String>,
}

/// The plain-words name of an evaluation level.
pub fn evaluation_level_name(level: u8) -> Option<&'static str> {
    match level {
        1 => Some("非常满意"),
        2 => Some("满意"),
        3 => Some("基本满意"),
        4 => Some("不满意"),
        5 => Some("非常不满意"),
        _ => None,
    }
}
