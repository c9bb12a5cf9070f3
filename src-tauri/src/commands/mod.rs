//! Tauri commands, one file per area; each is a thin adapter over huiban-core.

pub mod attachments;
pub mod cases;
pub mod catalog;
pub mod device;
pub mod drafts;
pub mod forms;
pub mod inbox;
pub mod preferences;
pub mod requests;
pub mod session;
pub mod speech;
pub mod wallet;
