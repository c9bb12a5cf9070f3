//! A service centre's staff and manager as callers: who may see the centre's kiosk calls and its
//! district's call-backs, and which centre is theirs.

use huiban_api::Role;

use super::ApiError;
use crate::state::AppState;

/// The roles that work at a service centre.
pub(super) const CENTRE_STAFF: &[Role] = &[Role::Staff, Role::Manager];

/// The service centre of the staff account `staff` (empty when it names none: it then sees nothing).
pub(super) fn centre_of(state: &AppState, staff: &str) -> Result<String, ApiError> {
    Ok(state.store.centre_of(staff)?.unwrap_or_default())
}
