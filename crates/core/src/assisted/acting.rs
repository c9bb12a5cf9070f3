//! The session at this counter: which resident the clerk is identifying or acting for, held in
//! memory only (nothing of the resident is written down for it).

/// The resident of the session at the counter, as far as the clerk may know her.
#[derive(Clone, PartialEq, Eq)]
pub struct Acting {
    /// The platform's session id, sent in the `assisted-session` header.
    pub(crate) session_id: String,
    /// Her name: as typed until she consents, then as her account has it.
    pub(crate) resident_name: String,
    /// Her ID number, masked (`110…1029`).
    pub(crate) id_number_masked: String,
    /// Her phone, masked, once she consented.
    pub(crate) phone_masked: Option<String>,
    /// She consented: the clerk may act for her.
    pub(crate) open: bool,
    /// Her platform account, learnt once she consented: her local rows are kept under it.
    pub(crate) resident_account_id: Option<String>,
}

impl std::fmt::Debug for Acting {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data: never in a log line.
        f.debug_struct("Acting")
            .field("open", &self.open)
            .finish_non_exhaustive()
    }
}
