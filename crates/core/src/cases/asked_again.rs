//! 补正's questions: the questions of a case's form the department asks to answer again (never the
//! name or ID number), each with the answer the case holds now, found in the form the platform checks
//! them with (the current version of the item's form).

use huiban_api::{Application, FormDefinition, Question};
use serde::Serialize;
use serde_json::Value;

use crate::catalog::{self, CatalogError};
use crate::client::PlatformClient;
use crate::store::LocalStore;

/// One question a 补正 asks to answer again.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct AskedAgain {
    /// The form the question is from (to check an answer against it).
    pub form_id: String,
    /// That form's version.
    pub form_version: u32,
    /// The question, as the form asks it.
    pub question: Question,
    /// The answer the case holds now, to start from.
    pub answer: Option<Value>,
}

/// The questions of `form` that `case` asks to answer again, in the form's order.
pub fn asked_again(case: &Application, form: &FormDefinition) -> Vec<AskedAgain> {
    form.questions
        .iter()
        .filter(|question| case.supplement_questions.contains(&question.id))
        .map(|question| AskedAgain {
            form_id: form.form_id.clone(),
            form_version: form.version,
            question: question.clone(),
            answer: case.answers.get(&question.id).cloned(),
        })
        .collect()
}

/// The questions `case` asks to answer again, from the current form of its item (kept offline once
/// seen); none when it asks none, or its item has no form any more.
pub async fn for_case(
    store: &LocalStore,
    client: &PlatformClient,
    case: &Application,
) -> Result<Vec<AskedAgain>, CatalogError> {
    if case.supplement_questions.is_empty() {
        return Ok(Vec::new());
    }
    let form_ref = store
        .cached_catalog()?
        .into_iter()
        .find(|item| item.impl_code == case.impl_code)
        .and_then(|item| item.form);
    let Some(form_ref) = form_ref else {
        return Ok(Vec::new());
    };
    let form = catalog::form(store, client, &form_ref.form_id, form_ref.version).await?;
    Ok(asked_again(case, &form))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_questions_asked_come_in_the_forms_order_with_the_answers_held() {
        let form: FormDefinition = serde_json::from_value(serde_json::json!({
            "form_id": "f", "version": 1, "title": "t",
            "questions": [
                {"id": "phone", "kind": "phone", "label": "您的手机号码", "required": true},
                {"id": "address", "kind": "text", "label": "您住在哪里", "required": true},
                {"id": "bank_card", "kind": "text", "label": "银行卡号", "required": true}
            ]
        }))
        .unwrap();
        let case: Application = serde_json::from_value(serde_json::json!({
            "application_no": "N1", "impl_code": "i", "item_name": "n", "department": "d",
            "applicant_name": null, "agent": null, "channel": "2",
            "status": "supplement_requested", "result": null,
            "submitted_at": "2026-11-30T08:00:00+08:00", "withdrawable_until": null,
            "promised_days": 1, "promised_by": "2026-12-01", "overdue_days": 0,
            "finished_at": null, "steps": [],
            "answers": {"bank_card": "6222", "phone": "13800000001"},
            "evaluation": null,
            "supplement_questions": ["bank_card", "address"]
        }))
        .unwrap();
        let asked = asked_again(&case, &form);
        let ids: Vec<&str> = asked.iter().map(|a| a.question.id.as_str()).collect();
        assert_eq!(ids, ["address", "bank_card"]);
        assert_eq!(asked[0].answer, None);
        assert_eq!(asked[1].answer, Some(serde_json::json!("6222")));
        assert_eq!((asked[0].form_id.as_str(), asked[0].form_version), ("f", 1));
    }
}
