//! 诉求 as a form: the same one-question-a-page pages as an application (kind, what happened,
//! where, photos), kept as a draft while it is filled in, then filed through the outbox.

use huiban_api::{
    Answers, ChoiceOption, FormDefinition, IntakeChannel, NewRequest, Question, QuestionKind,
    RequestKind,
};

use crate::drafts::Submission;
use crate::i18n::Localizer;
use crate::store::OutboxKind;
use crate::store::{AccountStore, Draft, StoreError};

/// The form id of a request; it never comes from the platform.
pub const FORM_ID: &str = "huiban-request";
/// Its version.
pub const VERSION: u32 = 1;

/// The five kinds, in the order offered, with the Fluent id of each name.
const KINDS: [(RequestKind, &str, &str); 5] = [
    (RequestKind::Help, "help", "request-kind-help"),
    (
        RequestKind::Consultation,
        "consultation",
        "request-kind-consultation",
    ),
    (
        RequestKind::Complaint,
        "complaint",
        "request-kind-complaint",
    ),
    (
        RequestKind::Suggestion,
        "suggestion",
        "request-kind-suggestion",
    ),
    (RequestKind::Report, "report", "request-kind-report"),
];

/// Whether `form_id` is the request form.
pub fn is_request_form(form_id: &str) -> bool {
    form_id == FORM_ID
}

/// The plain name of a request kind.
pub fn kind_name(kind: RequestKind, localizer: &Localizer) -> String {
    KINDS
        .iter()
        .find(|(k, _, _)| *k == kind)
        .map(|(_, _, id)| localizer.text(id, &[]))
        .unwrap_or_default()
}

fn question(id: &str, kind: QuestionKind, localizer: &Localizer, required: bool) -> Question {
    let label = localizer.text(&format!("request-question-{id}"), &[]);
    Question {
        hint: Some(localizer.text(&format!("request-hint-{id}"), &[])),
        required,
        ..Question::new(id, kind, &label)
    }
}

/// The request form in the person's language.
pub fn definition(localizer: &Localizer) -> FormDefinition {
    let mut kind = question("kind", QuestionKind::SingleChoice, localizer, true);
    kind.options = KINDS
        .iter()
        .map(|(_, value, id)| ChoiceOption {
            value: (*value).to_owned(),
            label: localizer.text(id, &[]),
        })
        .collect();
    FormDefinition {
        form_id: FORM_ID.to_owned(),
        version: VERSION,
        title: localizer.text("request-form-title", &[]),
        questions: vec![
            kind,
            question("description", QuestionKind::LongText, localizer, true),
            question("location", QuestionKind::Text, localizer, false),
            question("photo", QuestionKind::Attachment, localizer, false),
        ],
    }
}

/// The request the answers make (`None` while the kind or the description is missing).
pub fn new_request(answers: &Answers, channel: IntakeChannel) -> Option<NewRequest> {
    let kind = answers.get("kind")?.as_str()?;
    let kind = KINDS.iter().find(|(_, value, _)| *value == kind)?.0;
    let description = answers.get("description")?.as_str()?.trim().to_owned();
    if description.is_empty() {
        return None;
    }
    let location = answers
        .get("location")
        .and_then(|l| l.as_str())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned);
    let photos = match answers.get("photo") {
        Some(serde_json::Value::String(sha)) => vec![sha.clone()],
        Some(serde_json::Value::Array(shas)) => shas
            .iter()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    };
    Some(NewRequest {
        kind,
        description,
        location,
        photos,
        channel,
        call_back: false,
    })
}

/// Files the request `draft` of `form` (the request form), come through `channel`, through the outbox if its answers are
/// good as of `today` (the draft is gone in the same commit); otherwise says which answers stop it.
pub fn submit(
    store: &AccountStore<'_>,
    form: &FormDefinition,
    draft: &Draft,
    channel: IntakeChannel,
    (today, now_ms): (chrono::NaiveDate, i64),
) -> Result<Submission, StoreError> {
    crate::drafts::submit_as(form, draft, today, |draft| {
        let Some(request) = new_request(&draft.answers, channel) else {
            return Ok(None);
        };
        let client_id = uuid::Uuid::new_v4().hyphenated().to_string();
        let queued = store.outbox_insert_from_draft(
            &client_id,
            OutboxKind::Request,
            &serde_json::to_string(&request)?,
            &draft.draft_id,
            now_ms,
        )?;
        Ok(queued.then_some(client_id))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use serde_json::json;

    #[test]
    fn the_form_is_good_in_both_languages() {
        for locale in Locale::ALL {
            let form = definition(&Localizer::new(locale));
            assert_eq!(crate::forms::check_definition(&form), Ok(()));
            for question in &form.questions {
                assert!(
                    !question.label.starts_with("request-"),
                    "{locale:?}: {question:?}"
                );
            }
            assert_eq!(form.questions[0].options.len(), 5);
        }
    }

    #[test]
    fn the_answers_make_the_request() {
        let answers = Answers::from([
            ("kind".to_owned(), json!("complaint")),
            ("description".to_owned(), json!("  路灯坏了  ")),
            ("location".to_owned(), json!(" ")),
            ("photo".to_owned(), json!("a".repeat(64))),
        ]);
        let request = new_request(&answers, IntakeChannel::Desktop).unwrap();
        assert_eq!(request.kind, RequestKind::Complaint);
        assert_eq!(request.description, "路灯坏了");
        assert_eq!(request.location, None);
        assert_eq!(request.photos, vec!["a".repeat(64)]);
        assert_eq!(request.channel, IntakeChannel::Desktop);
        let mut unfinished = answers.clone();
        unfinished.insert("description".to_owned(), json!("   "));
        assert_eq!(new_request(&unfinished, IntakeChannel::Desktop), None);
    }
}
