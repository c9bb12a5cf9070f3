//! Huiban's domain logic, shared by the desktop shell and its tests. It knows nothing of Tauri.

pub mod about;
pub mod aloud;
pub mod app;
pub mod assisted;
pub mod attachments;
pub mod cases;
pub mod catalog;
pub mod client;
pub mod clock;
pub mod config;
pub mod dates;
pub mod device;
pub mod documents;
pub mod drafts;
pub mod error;
pub mod evaluation;
pub mod figures;
#[cfg(test)]
mod fixtures;
pub mod forms;
pub mod glossary;
pub mod help;
pub mod home;
pub mod i18n;
pub mod inbox;
pub mod kiosk;
pub mod kiosk_login;
pub mod logins;
pub mod mode;
pub mod network_watch;
pub mod outbox;
pub mod pinyin_input;
pub mod preferences;
pub mod progress;
pub mod pull;
pub mod qr;
pub use huiban_rules::regions;
pub mod relatives;
pub mod requests;
pub mod search;
pub mod secrets;
pub mod session;
pub mod shortcuts;
pub mod staff;
pub mod store;
pub mod unsent;
pub mod wallet;

pub use app::App;
pub use client::{ClientError, PlatformClient};
pub use config::{ConfigError, Settings, UrlSource};
pub use error::Error;
pub use i18n::{Locale, Localizer};
/// HTTP status codes, as carried by [`ClientError::Platform`].
pub use reqwest::StatusCode;
