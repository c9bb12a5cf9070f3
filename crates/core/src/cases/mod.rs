//! 办件 ("cases"): the person's applications once sent, as 进度 lists them and a case page shows
//! them, with what she can still do to one (评价, 补正, 撤回). `app.cases()` hands them out.

pub mod asked_again;
pub mod receipt;
mod service;
pub(crate) mod views;

pub use receipt::ReceiptView;
pub use service::CasesService;
pub use views::{CaseDetail, CaseSummary, HereOfCase, LevelChoice, Outcome};
