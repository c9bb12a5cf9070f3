//! Reference government-services platform for Huiban.
//!
//! It serves the contract of `huiban-api` over HTTP from its own SQLite file, so that the client is
//! runnable, testable and demoable on its own. It never depends on `huiban-core`.

pub mod acted_for;
pub mod acting;
pub mod assisted;
pub mod assisted_day;
pub mod assisted_report;
pub mod auth;
pub mod beijing_time;
pub mod call_backs;
pub mod card_login;
pub mod cases;
pub mod clock;
pub mod demo_accounts;
pub mod demo_data;
pub mod demo_licences;
pub mod demo_officer;
pub mod figures;
pub mod filed_by;
pub mod holdings;
pub mod housekeeping;
pub mod http;
pub mod keys;
pub mod kiosk_calls;
pub mod kiosk_grants;
pub mod kiosks;
pub mod licences;
pub mod relative_help;
pub mod relatives;
pub mod requests;
pub mod serve;
pub mod sms;
pub mod state;
pub mod store;
pub mod uploads;

pub use serve::{bind, serve};
pub use state::AppState;
pub use store::{Store, StoreError};
