//! The centre's figures (决策分析) for its manager: what the district's platform received today and
//! this month, by service and channel; 好差评 given; 诉求 by kind and how fast they closed; and the
//! cases past their promised date. Counts only: no person's name, number or words.

use serde::{Deserialize, Serialize};

/// Answer of `GET /api/v1/centre/figures`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreFigures {
    /// The manager's service centre.
    pub centre: String,
    /// When the figures were counted, RFC 3339 (Beijing time).
    pub counted_at: String,
    /// Since Beijing midnight.
    pub today: PeriodFigures,
    /// Since the first of this month, Beijing time.
    pub month: PeriodFigures,
    /// Cases still open past their promised date (in working days), most overdue first.
    pub overdue: Vec<OverdueCase>,
}

/// What was received and given in one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PeriodFigures {
    /// Start of the period, RFC 3339 (Beijing time).
    pub since: String,
    /// Cases (办件) received, by service: `key` is the 实施编码, `label` the service's name; most first.
    pub cases_by_service: Vec<Count>,
    /// Cases received, by channel: `key` is the 办理渠道 code (`1` 窗口, `2` 网上, `3` 移动端,
    /// `4` 自助终端, `5` 邮寄, `9` 其他); most first.
    pub cases_by_channel: Vec<Count>,
    /// 好差评 given in the period, by level: `key` is `1` (非常满意) to `5` (非常不满意), all five.
    pub satisfaction: Vec<Count>,
    /// 诉求 received in the period, by kind, with how many closed and how fast.
    pub requests_by_kind: Vec<RequestCount>,
}

/// One group's count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    /// The group's code.
    pub key: String,
    /// The group's name, where the platform has one (a service's name); else empty.
    pub label: String,
    /// How many.
    pub count: u32,
}

/// 诉求 of one kind received in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestCount {
    /// The kind (`consultation`, `help`, `complaint`, `report`, `suggestion`).
    pub kind: String,
    /// Received in the period.
    pub received: u32,
    /// Of those, closed (办结) by now.
    pub closed: u32,
    /// Mean hours from receipt to 办结 of those closed; none when none closed.
    pub mean_hours_to_close: Option<f64>,
}

/// A case past its promised date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverdueCase {
    /// 办件编号.
    pub application_no: String,
    /// The service's name.
    pub item_name: String,
    /// The department handling it.
    pub department: String,
    /// The promised date, `YYYY-MM-DD`.
    pub due: String,
    /// Working days past it.
    pub working_days_over: u32,
}
