//! Requests (诉求): consultations, help, complaints, reports and suggestions, through the closed loop
//! 受理 → 派单 → 办理 → 答复 → 督办 → 办结 → 回访 → 评价.

use serde::{Deserialize, Serialize};

use crate::applications::EvaluationRequest;

/// Kind of request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// 咨询.
    Consultation,
    /// 求助.
    Help,
    /// 投诉.
    Complaint,
    /// 举报.
    Report,
    /// 建议.
    Suggestion,
}

/// Where a request came in (受理渠道 of the 12345 system).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IntakeChannel {
    /// 线下.
    Offline,
    /// 电话 12345.
    Hotline12345,
    /// 网站.
    Web,
    /// App.
    App,
    /// 微信.
    Wechat,
    /// 自助终端.
    Kiosk,
    /// 桌面客户端 (Huiban).
    Desktop,
}

/// Where a request stands in the closed loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// 受理.
    Accepted,
    /// 派单: sent to the department that handles it.
    Dispatched,
    /// 办理.
    Handling,
    /// 答复: the department replied.
    Replied,
    /// 督办: overdue, pressed by the supervisor.
    Supervised,
    /// 办结.
    Closed,
    /// 回访: the applicant is asked how it went.
    Revisiting,
    /// 回访 answered.
    Revisited,
    /// 评价 given.
    Evaluated,
}

/// Body of `POST /api/v1/requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRequest {
    /// Kind.
    pub kind: RequestKind,
    /// What happened or what is asked, in the person's words: not blank, at most 2000 characters.
    #[cfg_attr(feature = "openapi", schema(pattern = r"\S", max_length = 2000))]
    pub description: String,
    /// Where, in words.
    pub location: Option<String>,
    /// SHA-256 of attached photos, at most 9.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 9))]
    pub photos: Vec<String>,
    /// Intake channel.
    pub channel: IntakeChannel,
    /// 请工作人员给我回电话: she asks to be called back on the phone of her account; the staff
    /// of her district's service centre see it (a 求助 only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub call_back: bool,
}

/// One step of the loop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestStep {
    /// The status reached.
    pub status: RequestStatus,
    /// When, RFC 3339.
    pub at: String,
    /// Who, when not the person.
    pub actor: Option<String>,
    /// What was said.
    pub remark: Option<String>,
}

/// 回访: the person's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FollowUp {
    /// Whether the problem was solved.
    pub resolved: bool,
    /// Whether the department got in touch.
    pub contacted: bool,
    /// Anything else.
    pub comment: Option<String>,
}

/// A request as its author sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceRequest {
    /// 诉求编号.
    pub request_no: String,
    /// Kind.
    pub kind: RequestKind,
    /// Description.
    pub description: String,
    /// Location.
    pub location: Option<String>,
    /// Photos.
    pub photos: Vec<String>,
    /// Intake channel.
    pub channel: IntakeChannel,
    /// Status.
    pub status: RequestStatus,
    /// Department handling it, once dispatched.
    pub department: Option<String>,
    /// When, RFC 3339.
    pub submitted_at: String,
    /// The department's reply.
    pub reply: Option<String>,
    /// 回访 answers.
    pub follow_up: Option<FollowUp>,
    /// 评价.
    pub evaluation: Option<EvaluationRequest>,
    /// The loop so far, oldest first.
    pub steps: Vec<RequestStep>,
    /// 代理人: the service centre's staff member who filed it for her, if one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<crate::Agent>,
    /// Whether it asks for a call-back (请工作人员给我回电话).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub call_back: bool,
}
