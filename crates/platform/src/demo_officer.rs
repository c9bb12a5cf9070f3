//! The demo officer: for demos without a person at the officer CLI, moves every open case and request
//! one step forward on each tick, ending cases approved and requests waiting for the 回访 answers.

use std::time::Duration;

use huiban_api::{CaseStatus, RequestStatus};

use crate::cases::{self, OfficerMove};
use crate::requests::{self, OfficerRequestMove};
use crate::state::AppState;
use crate::store::StoreError;

/// Name the demo officer signs its steps with.
pub const DEMO_OFFICER: &str = "演示办理员";
/// Department that takes requests nobody has dispatched yet.
pub const DEMO_REQUEST_DEPARTMENT: &str = "北京市东城区民政局";

/// Moves each open case and request one step; returns how many moved.
pub fn tick(state: &AppState) -> Result<usize, StoreError> {
    let mut moved = 0;
    for (department, _) in state.store.catalog_departments()? {
        let open = [
            CaseStatus::Submitted,
            CaseStatus::Accepted,
            CaseStatus::Reviewing,
        ];
        for number in state.store.case_numbers_of_department(&department, &open)? {
            let Some(case) = state.store.case(&number)? else {
                continue;
            };
            let action = match case.status {
                CaseStatus::Submitted => OfficerMove::Accept,
                CaseStatus::Accepted => OfficerMove::Review,
                _ => OfficerMove::Approve,
            };
            let remark = (action == OfficerMove::Approve).then_some("符合条件，准予办理（演示）");
            if cases::officer_move(state, DEMO_OFFICER, &department, &number, action, remark)
                .is_ok()
            {
                moved += 1;
            }
        }
    }
    for number in state.store.request_numbers_for(DEMO_REQUEST_DEPARTMENT)? {
        let Some(request) = state.store.service_request(&number)? else {
            continue;
        };
        let department = request
            .department
            .clone()
            .unwrap_or_else(|| DEMO_REQUEST_DEPARTMENT.to_owned());
        let action = match request.status {
            RequestStatus::Accepted => OfficerRequestMove::Dispatch(None),
            RequestStatus::Dispatched | RequestStatus::Supervised => OfficerRequestMove::Handle,
            RequestStatus::Handling => {
                OfficerRequestMove::Reply("您反映的问题已经处理，谢谢您的支持（演示）。".to_owned())
            }
            RequestStatus::Replied => OfficerRequestMove::Close,
            RequestStatus::Closed => OfficerRequestMove::Revisit,
            _ => continue,
        };
        if requests::officer_move(state, DEMO_OFFICER, &department, &number, action).is_ok() {
            moved += 1;
        }
    }
    Ok(moved)
}

/// Ticks every `every` until the task is dropped.
pub async fn run(state: AppState, every: Duration) {
    let mut interval = tokio::time::interval(every);
    interval.tick().await;
    loop {
        interval.tick().await;
        let state = state.clone();
        match tokio::task::spawn_blocking(move || tick(&state)).await {
            Ok(Ok(0)) => {}
            Ok(Ok(moved)) => tracing::info!(moved, "demo officer moved cases and requests"),
            Ok(Err(error)) => tracing::error!(%error, "demo officer failed"),
            Err(error) => tracing::error!(%error, "demo officer task failed"),
        }
    }
}
