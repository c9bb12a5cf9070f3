//! Submitting an application exactly once per Idempotency-Key, checked by the same rules as the app.

use huiban_api::{Application, CaseStatus, NewApplication};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::beijing_time;
use crate::filed_by::FiledBy;
use crate::holdings;
use crate::relatives;
use crate::state::AppState;
use crate::store::{Created, NewCase, StoreError};

use super::transition::{case_notice, text_notice};
use super::{CaseError, broken_rule, view_unchecked};

fn request_hash(request: &NewApplication) -> Result<String, StoreError> {
    let bytes = huiban_api::canonical::to_bytes(&serde_json::to_value(request)?);
    Ok(hex::encode(Sha256::digest(bytes)))
}

/// Submits an application for `account_id`, as `filed_by` (she, on a kiosk, or staff for her),
/// exactly once per Idempotency-Key.
pub fn submit(
    state: &AppState,
    (account_id, filed_by): (&str, FiledBy),
    idempotency_key: Option<&str>,
    request: &NewApplication,
) -> Result<(Application, bool), CaseError> {
    let key = idempotency_key
        .and_then(|k| uuid::Uuid::parse_str(k.trim()).ok())
        .ok_or(CaseError::BadIdempotencyKey)?
        .hyphenated()
        .to_string();
    // A retry gets the first answer, before anything is checked again: the form may have a newer
    // version by now, or the item may be gone, and the case exists all the same.
    let hash = request_hash(request)?;
    if let Some((number, first_hash)) = state.store.case_of_key(account_id, &key)? {
        if first_hash != hash {
            return Err(CaseError::KeyReused);
        }
        return Ok((view_unchecked(state, &number)?, true));
    }
    let item = checked_against_its_form(state, account_id, request)?;
    let now = state.clock.now();
    let account = state.store.account(account_id)?;
    let applicant_name = account.and_then(|a| a.name).or_else(|| {
        request
            .answers
            .get("applicant_name")
            .and_then(Value::as_str)
            .map(str::to_owned)
    });
    let case = NewCase {
        account_id: account_id.to_owned(),
        idempotency_key: key,
        request_hash: hash,
        region: item.impl_code.chars().take(6).collect(),
        day: beijing_time::date_of(now).format("%Y%m%d").to_string(),
        impl_code: item.impl_code.clone(),
        item_name: item.name.clone(),
        department: item.department.name.clone(),
        promised_days: item.promised_days,
        channel: filed_by.case_channel(request.channel),
        applicant_name,
        agent: filed_by.agent(),
        answers: request.answers.clone(),
        submitted_ms: now.timestamp_millis(),
    };
    let notice = |number: &str| case_notice((&case).into(), number, CaseStatus::Submitted, None);
    let created = state.store.create_case(&case, notice)?;
    let (number, replayed) = match created {
        Created::New(number) => {
            text_notice(state, &notice(&number));
            if let FiledBy::Relative(agent) = &filed_by {
                relatives::tell_of_submission(state, account_id, agent, &case.item_name, &number)?;
            }
            (number, false)
        }
        Created::Replayed(number) => (number, true),
        Created::KeyConflict => return Err(CaseError::KeyReused),
    };
    Ok((view_unchecked(state, &number)?, replayed))
}

/// The item applied for, once the application is checked against the item's current form: every
/// answer to one of its questions, by the same rules the app checks as she answers (huiban-rules),
/// and every licence named held by her.
fn checked_against_its_form(
    state: &AppState,
    account_id: &str,
    request: &NewApplication,
) -> Result<huiban_api::CatalogItem, CaseError> {
    let item = state
        .store
        .catalog_item(&request.impl_code)?
        .ok_or(CaseError::UnknownItem)?;
    let form_ref = item.form.as_ref().ok_or(CaseError::NoOnlineForm)?;
    if form_ref.form_id != request.form_id || form_ref.version != request.form_version {
        return Err(CaseError::FormOutdated {
            current: form_ref.version,
        });
    }
    let form = state
        .store
        .form(&form_ref.form_id, form_ref.version)?
        .ok_or(CaseError::NoOnlineForm)?;
    for id in request.answers.keys() {
        if !form.questions.iter().any(|q| &q.id == id) {
            return Err(CaseError::UnknownQuestion(id.clone()));
        }
    }
    let today = beijing_time::date_of(state.clock.now());
    if let Some(problem) = huiban_rules::check_answers(&form, &request.answers, today)
        .into_iter()
        .next()
    {
        return Err(broken_rule(&form.questions, problem));
    }
    if let Some(id) =
        holdings::first_not_held(state, account_id, &form.questions, &request.answers)?
    {
        return Err(CaseError::NotHeld(id));
    }
    Ok(item)
}
