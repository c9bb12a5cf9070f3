//! What the app holds of the clerk's day while she is logged in.

use super::pin::Pin;
use super::shift::Shift;

/// The clerk's day on this computer: who she is, when it began and her last input, and her PIN.
#[derive(Debug)]
pub struct StaffDay {
    pub(crate) username: String,
    pub(crate) account_id: String,
    /// Her name, as residents and receipts see it.
    pub(crate) name: String,
    /// Her service centre.
    pub(crate) centre: String,
    /// She is the centre's manager (not a clerk who acts for residents).
    pub(crate) manager: bool,
    pub(crate) shift: Shift,
    pub(crate) pin: Option<Pin>,
    /// The kiosk calls this window has shown her (each is announced once).
    pub(crate) calls_seen: std::collections::BTreeSet<String>,
}
