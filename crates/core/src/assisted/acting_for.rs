//! Whom a clerk acts for right now: the resident of the open session at the counter, while the
//! clerk is at work. Her local rows and every request about her are reached through it.

/// Whom the clerk acts for now, and in which session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActingFor {
    /// The platform's session id.
    pub(crate) session_id: String,
    /// The resident's platform account.
    pub(crate) account_id: String,
}

impl crate::app::App {
    /// The resident the clerk acts for now in an open session (staff mode), if any; none while the
    /// clerk is not at work (screen locked, day over), so nothing of hers is reached then.
    pub(crate) fn acting_for(&self) -> Option<ActingFor> {
        self.staff().at_work().ok()?;
        let acting = self
            .acting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let acting = acting.as_ref().filter(|acting| acting.open)?;
        Some(ActingFor {
            session_id: acting.session_id.clone(),
            account_id: acting.resident_account_id.clone()?,
        })
    }
}
