//! Who an access token belongs to.

use huiban_api::Role;

/// Who an access token belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenOwner {
    /// The account.
    pub account_id: String,
    /// Its role.
    pub role: Role,
    /// The token family (one login).
    pub family_id: String,
    /// The login is a citizen's on a service hall's kiosk (she approved it from her own app).
    pub at_kiosk: bool,
}
