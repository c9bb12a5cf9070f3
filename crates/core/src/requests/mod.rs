//! 诉求 ("service requests"): what the person asked of or complained to the government, as the 诉求
//! list and a request's page show them, and her 回访 answers and 评价. `app.requests()` hands them out.

pub mod form;
pub mod progress;
mod service;
mod views;

pub use service::RequestsService;
pub use views::{HereOfRequest, RequestDetail, RequestSummary};
