//! Someone acting for a person: a staff member in an assisted session, or a relative in a grant
//! she agreed to (亲友代办). The request is about her; what is filed names him as 代理人.

use huiban_api::Agent;

/// Someone acting for a person: staff in an open assisted session, or a relative in a grant she
/// agreed to (the session id is then the grant's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acting {
    /// The session.
    pub session_id: String,
    /// The resident's account.
    pub resident_account_id: String,
    /// The 代理人 fields for cases.
    pub agent: Agent,
}
