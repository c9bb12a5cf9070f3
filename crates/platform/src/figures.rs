//! The centre's figures for its manager (决策分析): what the district's platform received today and
//! this month, counted by the database, and the cases past their promised date (by the working-day
//! calendar, as the cases themselves show it). Counts and case numbers only, nothing of a person.

use huiban_api::workdays::{add_working_days, working_days_between};
use huiban_api::{CentreFigures, Count, OverdueCase, PeriodFigures, RequestCount};

use crate::beijing_time;
use crate::state::AppState;
use crate::store::{Grouped, StoreError};

/// The 好差评 levels, 非常满意 (1) to 非常不满意 (5): each is counted, none given or not.
const LEVELS: [&str; 5] = ["1", "2", "3", "4", "5"];
/// Most overdue cases listed (the most overdue first).
pub const MOST_OVERDUE: usize = 100;

/// The figures as the manager of `centre` sees them now.
pub fn centre_figures(state: &AppState, centre: &str) -> Result<CentreFigures, StoreError> {
    let now_ms = state.clock.now().timestamp_millis();
    Ok(CentreFigures {
        centre: centre.to_owned(),
        counted_at: beijing_time::rfc3339(now_ms),
        today: period(state, beijing_time::start_of_day_ms(now_ms))?,
        month: period(state, beijing_time::start_of_month_ms(now_ms))?,
        overdue: overdue(state, now_ms)?,
    })
}

/// What was received and given since `since_ms`.
fn period(state: &AppState, since_ms: i64) -> Result<PeriodFigures, StoreError> {
    let given = state.store.evaluations_by_level_since(since_ms)?;
    let satisfaction = LEVELS
        .iter()
        .map(|level| Count {
            key: (*level).to_owned(),
            label: String::new(),
            count: given
                .iter()
                .find(|group| group.key == *level)
                .map_or(0, |group| group.count),
        })
        .collect();
    let requests_by_kind = state
        .store
        .requests_by_kind_since(since_ms)?
        .into_iter()
        .map(|kind| RequestCount {
            kind: kind.kind,
            received: kind.received,
            closed: kind.closed,
            mean_hours_to_close: kind.mean_ms_to_close.map(|ms| ms / 3_600_000.0),
        })
        .collect();
    Ok(PeriodFigures {
        since: beijing_time::rfc3339(since_ms),
        cases_by_service: counts(state.store.cases_by_service_since(since_ms)?),
        cases_by_channel: counts(state.store.cases_by_channel_since(since_ms)?),
        satisfaction,
        requests_by_kind,
    })
}

fn counts(groups: Vec<Grouped>) -> Vec<Count> {
    groups
        .into_iter()
        .map(|group| Count {
            key: group.key,
            label: group.label,
            count: group.count,
        })
        .collect()
}

/// The open cases past their promised date on `now_ms`'s Beijing date, most overdue first.
fn overdue(state: &AppState, now_ms: i64) -> Result<Vec<OverdueCase>, StoreError> {
    let today = beijing_time::date(now_ms);
    let mut late: Vec<OverdueCase> = state
        .store
        .cases_in(crate::cases::OPEN)?
        .into_iter()
        .filter_map(|case| {
            let due = add_working_days(beijing_time::date(case.submitted_ms), case.promised_days);
            let over = working_days_between(due, today);
            (over > 0).then(|| OverdueCase {
                application_no: case.application_no,
                item_name: case.item_name,
                department: case.department,
                due: due.format("%Y-%m-%d").to_string(),
                working_days_over: over,
            })
        })
        .collect();
    late.sort_by(|a, b| {
        b.working_days_over
            .cmp(&a.working_days_over)
            .then_with(|| a.application_no.cmp(&b.application_no))
    });
    late.truncate(MOST_OVERDUE);
    Ok(late)
}
