//! What a test layer found.

use crate::counts::Counts;

/// What one layer found.
pub struct Report {
    /// Whether it passed.
    pub ok: bool,
    /// A few words for the summary, e.g. "14 passed, 0 failed".
    pub detail: String,
    /// Tests run, for layers that run tests.
    pub counts: Option<Counts>,
}
