//! The one error body every platform endpoint answers with.

use serde::{Deserialize, Serialize};

/// Error body of every non-2xx platform answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `not_found`.
    pub code: String,
    /// What went wrong and what to do, in plain Chinese.
    pub message: String,
    /// The same in English.
    pub message_en: String,
    /// The request field the error is about, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}
