//! Staff mode: a clerk at a community service centre logs in with her platform account and password
//! (the login kept in the keychain like a citizen's), the screen locks after five minutes without
//! input (her PIN or password opens it again, nothing lost), and the login ends with the working day.

mod call_backs;
pub mod day;
mod kiosk_calls;
pub mod pin;
mod service;
pub mod shift;

pub use call_backs::{CallBackView, grouped_phone};
pub use day::StaffDay;
pub use kiosk_calls::KioskCallView;
pub use service::{StaffService, StaffStatus};
