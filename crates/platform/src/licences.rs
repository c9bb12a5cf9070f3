//! Electronic licences: issued and sealed by a department, checked by anyone with its public key.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use huiban_api::licences::{ALGORITHM_SM2, signed_bytes};
use huiban_api::{CaseResult, CaseStatus, Licence, LicenceIssuer, LicenceSignature, Verification};

use crate::beijing_time;
use crate::cases::text_notice;
use crate::state::AppState;
use crate::store::{Notice, StoreError};

/// Why a licence could not be issued.
#[derive(Debug, thiserror::Error)]
pub enum LicenceError {
    /// No such case, or no such account.
    #[error("not found")]
    NotFound,
    /// The case is not finished with approval.
    #[error("case not approved")]
    NotApproved,
    /// The officer's department did not handle the case.
    #[error("other department")]
    OtherDepartment,
    /// The department has no signing key.
    #[error("department has no key")]
    NoKey,
    /// The holder's real name was never checked (实名认证): a licence names only a checked
    /// identity, never what was typed into a form.
    #[error("the holder's real name has not been checked")]
    NoRealName,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What to put on a licence.
#[derive(Debug, Clone)]
pub struct LicenceDraft {
    /// The holder's account.
    pub account_id: String,
    /// 证照类型.
    pub licence_type: String,
    /// Issuing department name (must have a key).
    pub department: String,
    /// Years of validity; `None` for life.
    pub valid_years: Option<u32>,
    /// Extra printed fields.
    pub fields: BTreeMap<String, String>,
}

fn years_later(date: NaiveDate, years: u32) -> NaiveDate {
    let year = date.year() + i32::try_from(years).unwrap_or(0);
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

/// Issues, seals, stores and announces a licence to the holder's checked identity.
pub fn issue(state: &AppState, draft: &LicenceDraft) -> Result<Licence, LicenceError> {
    state
        .store
        .account(&draft.account_id)?
        .ok_or(LicenceError::NotFound)?;
    let real_name = state
        .store
        .real_name_of(&draft.account_id)?
        .ok_or(LicenceError::NoRealName)?;
    let now = state.clock.now();
    let today = beijing_time::date_of(now);
    let day = today.format("%Y%m%d").to_string();
    let sequence = state.store.next_counter(&format!("licence:{day}"))?;
    let mut licence = Licence {
        licence_no: format!("DZZZ{day}{sequence:06}"),
        licence_type: draft.licence_type.clone(),
        holder_name: real_name.name,
        holder_id_number: real_name.id_number,
        issuer: LicenceIssuer {
            name: draft.department.clone(),
            credit_code: String::new(),
        },
        issued_on: today.format("%Y-%m-%d").to_string(),
        valid_from: today.format("%Y-%m-%d").to_string(),
        valid_to: draft
            .valid_years
            .map(|y| years_later(today, y).format("%Y-%m-%d").to_string()),
        fields: draft.fields.clone(),
        signature: LicenceSignature {
            algorithm: ALGORITHM_SM2.to_owned(),
            key_id: String::new(),
            value: String::new(),
        },
    };
    // The credit code is part of what is signed.
    licence.issuer.credit_code = state
        .keys
        .credit_code(&draft.department)
        .ok_or(LicenceError::NoKey)?
        .to_owned();
    let seal = state
        .keys
        .sign(&draft.department, &signed_bytes(&licence))
        .ok_or(LicenceError::NoKey)?;
    licence.signature.algorithm = seal.algorithm;
    licence.signature.key_id = seal.key_id;
    licence.signature.value = seal.value;
    state
        .store
        .insert_licence(&draft.account_id, &licence, now.timestamp_millis())?;
    let notice = Notice {
        account_id: draft.account_id.clone(),
        title: "电子证照已发放".to_owned(),
        body: format!(
            "您的电子{}已发放，可以在惠办的“证照”里查看和出示。",
            licence.licence_type
        ),
        application_no: licence.fields.get("办件编号").cloned(),
        request_no: None,
    };
    state.store.add_message(&notice, now.timestamp_millis())?;
    text_notice(state, &notice);
    Ok(licence)
}

/// Issues a licence as the result of an approved case handled by `department`.
pub fn issue_for_case(
    state: &AppState,
    department: &str,
    application_no: &str,
    licence_type: &str,
    valid_years: Option<u32>,
) -> Result<Licence, LicenceError> {
    let case = state
        .store
        .case(application_no)?
        .ok_or(LicenceError::NotFound)?;
    if case.department != department {
        return Err(LicenceError::OtherDepartment);
    }
    if case.status != CaseStatus::Finished || case.result != Some(CaseResult::Approved) {
        return Err(LicenceError::NotApproved);
    }
    issue(
        state,
        &LicenceDraft {
            account_id: case.account_id.clone(),
            licence_type: licence_type.to_owned(),
            department: department.to_owned(),
            valid_years,
            fields: BTreeMap::from([
                ("事项".to_owned(), case.item_name.clone()),
                ("办件编号".to_owned(), case.application_no.clone()),
            ]),
        },
    )
}

/// Checks a licence's seal against the platform's department keys, and its validity dates.
pub fn verify(state: &AppState, licence: &Licence) -> Verification {
    let today = beijing_time::date_of(state.clock.now())
        .format("%Y-%m-%d")
        .to_string();
    match huiban_api::seal::check_seal(licence, &state.keys.public_keys(), &today) {
        Ok(()) => Verification {
            valid: true,
            reason: None,
        },
        Err(problem) => Verification {
            valid: false,
            reason: Some(problem.zh().to_owned()),
        },
    }
}
