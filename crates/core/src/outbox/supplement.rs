//! 补正 in the outbox: what the department asked for (a photo of the missing material, a note),
//! kept here and sent — its files first — until the platform has it exactly once.

use huiban_api::SupplementRequest;
use reqwest::StatusCode;
use serde::{Deserialize, Serialize};

use super::upload::{CHUNK_BYTES, UploadError, attachment_names, upload_kept_file};
use crate::cases::asked_again::AskedAgain;
use crate::client::PlatformClient;
use crate::store::{AccountStore, OutboxKind, OutboxRow, OutboxState, StoreError};

/// A 补正 waiting to be sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct CaseSupplement {
    /// 办件编号.
    pub application_no: String,
    /// The answers added and the note.
    pub supplement: SupplementRequest,
}

pub use huiban_api::applications::SUPPLEMENT_PHOTO;

/// What stops a 补正 from being queued.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SupplementProblem {
    /// Neither a note, a kept photo nor an answer was given.
    #[error("a 补正 needs a note, a photo or an answer")]
    Empty,
    /// An answer to a question asked again breaks its rule.
    #[error("the answer to {question_id} breaks a rule")]
    Answer {
        /// The question.
        question_id: String,
        /// The rule broken.
        rule: crate::forms::Rule,
    },
}

impl SupplementProblem {
    /// The Fluent id of the plain message.
    pub fn message_id(&self) -> &'static str {
        match self {
            Self::Empty => "supplement-empty",
            Self::Answer { rule, .. } => rule.message_id(),
        }
    }

    /// What to tell the person, in plain words: for a broken rule, the question's own message.
    pub fn message(&self, asked: &[AskedAgain], localizer: &crate::i18n::Localizer) -> String {
        self.error(asked).text(localizer)
    }

    /// The problem as the error the person is told, naming the question asked again.
    pub fn error(&self, asked: &[AskedAgain]) -> crate::Error {
        match self {
            Self::Empty => crate::Error::plain("supplement-empty"),
            Self::Answer { question_id, rule } => asked
                .iter()
                .find(|a| &a.question.id == question_id)
                .map(|a| crate::forms::rule_error(&a.question, rule))
                .unwrap_or_else(|| crate::Error::plain("supplement-empty")),
        }
    }
}

impl CaseSupplement {
    /// A 补正 of `application_no` from what the person gave: a note (blank is none), the SHA-256
    /// of a kept photo (anything else is none), and new answers to the questions `asked` again
    /// (answers to anything else are left out; each must keep its question's rules on `today`). At
    /// least one of them is needed.
    pub fn from_person(
        application_no: &str,
        note: Option<&str>,
        photo: Option<&str>,
        answered: &huiban_api::Answers,
        asked: &[AskedAgain],
        today: chrono::NaiveDate,
    ) -> Result<Self, SupplementProblem> {
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        let photo = photo.filter(|p| crate::forms::is_file_name(p));
        let mut answers = huiban_api::Answers::new();
        for again in asked {
            let Some(value) = answered.get(&again.question.id) else {
                continue;
            };
            crate::forms::check_answer(&again.question, Some(value), today).map_err(|rule| {
                SupplementProblem::Answer {
                    question_id: again.question.id.clone(),
                    rule,
                }
            })?;
            answers.insert(again.question.id.clone(), value.clone());
        }
        if note.is_none() && photo.is_none() && answers.is_empty() {
            return Err(SupplementProblem::Empty);
        }
        if let Some(sha) = photo {
            answers.insert(SUPPLEMENT_PHOTO.to_owned(), serde_json::json!(sha));
        }
        Ok(Self {
            application_no: application_no.to_owned(),
            supplement: SupplementRequest {
                answers,
                note: note.map(str::to_owned),
            },
        })
    }
}

/// Commits a 补正 to the outbox; returns its client id.
pub fn enqueue_supplement(
    store: &AccountStore<'_>,
    supplement: &CaseSupplement,
    now_ms: i64,
) -> Result<String, StoreError> {
    super::enqueue(store, OutboxKind::Supplement, supplement, now_ms)
}

/// What this computer holds of the 补正 given for one case, read in one pass over the outbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SupplementHere {
    /// A 补正 of the case waits here to be sent.
    pub waiting: bool,
    /// A 补正 was given here and the case's copy may not show it yet: waiting to be sent, or sent
    /// and the case not pulled back since. The 补正 is not asked for again while it is here.
    pub given: bool,
}

/// The 补正 of `application_no` this computer holds.
pub fn supplement_here(
    store: &AccountStore<'_>,
    application_no: &str,
) -> Result<SupplementHere, StoreError> {
    let mut here = SupplementHere::default();
    for row in store.outbox_rows_of_kind(OutboxKind::Supplement)? {
        if row.is_purged() {
            continue;
        }
        let given: CaseSupplement = serde_json::from_str(&row.body)?;
        if given.application_no == application_no {
            here.given = true;
            here.waiting |= row.state != OutboxState::Sent;
        }
    }
    Ok(here)
}

/// Sends one 补正 row (its files first); a conflict after a lost answer counts as delivered when
/// the case already holds the answers sent. Answers with the case's number.
pub(super) async fn deliver(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
    row: &OutboxRow,
) -> Result<String, UploadError> {
    let queued: CaseSupplement =
        serde_json::from_str(&row.body).map_err(|error| UploadError::Store(error.into()))?;
    for name in attachment_names(&queued.supplement.answers) {
        upload_kept_file(store, client, access_token, &name, CHUNK_BYTES).await?;
    }
    match client
        .supplement(
            access_token,
            &row.client_id,
            &queued.application_no,
            &queued.supplement,
        )
        .await
    {
        Ok(case) => Ok(case.application_no),
        Err(error) => {
            // A platform that keeps no Idempotency-Key answers a retry with a conflict: it counts
            // as delivered only when the case holds the answers sent. A note alone cannot be seen
            // in the case, so it is never counted delivered without the platform saying so.
            if error.answered(StatusCode::CONFLICT) && !queued.supplement.answers.is_empty() {
                let cases = client.applications(access_token).await?;
                let holds = cases.iter().any(|case| {
                    case.application_no == queued.application_no
                        && queued
                            .supplement
                            .answers
                            .iter()
                            .all(|(id, value)| case.answers.get(id) == Some(value))
                });
                if holds {
                    return Ok(queued.application_no);
                }
            }
            Err(UploadError::Client(error))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::Keychain;
    use crate::store::{LocalStore, OutboxUpdate};
    use huiban_api::Answers;

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    }

    /// A 补正 of N1 with a note and a photo only, nothing asked again.
    fn noted(note: Option<&str>, photo: Option<&str>) -> Result<CaseSupplement, SupplementProblem> {
        CaseSupplement::from_person("N1", note, photo, &Answers::new(), &[], today())
    }

    fn asked(id: &str, kind: &str, label: &str) -> AskedAgain {
        AskedAgain {
            form_id: "f".to_owned(),
            form_version: 1,
            question: serde_json::from_value(serde_json::json!({
                "id": id, "kind": kind, "label": label, "required": true
            }))
            .unwrap(),
            answer: None,
        }
    }

    #[test]
    fn answers_asked_again_are_checked_and_others_left_out() {
        let asked = [asked("phone", "phone", "您的手机号码")];
        let answered: Answers = [
            ("phone".to_owned(), serde_json::json!("13800000001")),
            (
                "id_number".to_owned(),
                serde_json::json!("110101194403151020"),
            ),
        ]
        .into_iter()
        .collect();
        let given =
            CaseSupplement::from_person("N1", None, None, &answered, &asked, today()).unwrap();
        let ids: Vec<&String> = given.supplement.answers.keys().collect();
        assert_eq!(ids, ["phone"], "only what was asked is sent");

        let wrong: Answers = [("phone".to_owned(), serde_json::json!("12345"))]
            .into_iter()
            .collect();
        let problem =
            CaseSupplement::from_person("N1", None, None, &wrong, &asked, today()).unwrap_err();
        assert!(
            matches!(&problem, SupplementProblem::Answer { question_id, .. } if question_id == "phone")
        );
        let localizer = crate::i18n::Localizer::new(crate::i18n::Locale::ZhCn);
        let words = problem.message(&asked, &localizer);
        assert!(words.contains("手机号码"), "{words}");
    }

    #[test]
    fn a_supplement_sent_is_not_asked_for_again_until_the_case_is_pulled_back() {
        let dir = tempfile::tempdir().unwrap();
        let keys = Keychain::in_store(keyring_core::mock::Store::new().unwrap(), "supplement");
        let (local, _) = LocalStore::open(&dir.path().join("h.db"), &keys).unwrap();
        let store = local.of_account("a");
        let case: huiban_api::Application = serde_json::from_value(serde_json::json!({
            "application_no": "N1", "impl_code": "i", "item_name": "n", "department": "d",
            "applicant_name": null, "agent": null, "channel": "2",
            "status": "supplement_requested", "result": null,
            "submitted_at": "2026-11-30T08:00:00+08:00", "withdrawable_until": null,
            "promised_days": 1, "promised_by": "2026-12-01", "overdue_days": 0,
            "finished_at": null, "steps": [], "answers": {}, "evaluation": null
        }))
        .unwrap();
        store.replace_cached_cases(&[case]).unwrap();
        let given = noted(Some("在窗口交过了"), None).unwrap();
        let id = enqueue_supplement(&store, &given, 1).unwrap();
        let here = |number| supplement_here(&store, number).unwrap();
        assert_eq!(
            here("N1"),
            SupplementHere {
                waiting: true,
                given: true
            }
        );
        assert_eq!(here("N2"), SupplementHere::default());

        let sent = OutboxUpdate {
            state: OutboxState::Sent,
            attempts: 1,
            next_attempt_ms: 0,
            last_error: None,
            case_number: Some("N1"),
        };
        store.outbox_update(&id, &sent, 5).unwrap();
        let here = |number| supplement_here(&store, number).unwrap();
        assert_eq!(
            here("N1"),
            SupplementHere {
                waiting: false,
                given: true
            }
        );
        store.outbox_purge_pulled_bodies(6).unwrap();
        assert_eq!(here("N1"), SupplementHere::default());
    }

    #[test]
    fn a_supplement_needs_a_note_or_a_kept_photo() {
        let photo = "a".repeat(64);
        let both = noted(Some(" 已拍好背面 "), Some(&photo)).unwrap();
        assert_eq!(both.supplement.note.as_deref(), Some("已拍好背面"));
        assert_eq!(
            both.supplement.answers.get(SUPPLEMENT_PHOTO),
            Some(&serde_json::json!(photo))
        );
        let note_only = noted(Some("在窗口交过了"), None).unwrap();
        assert!(note_only.supplement.answers.is_empty());
        for (note, photo) in [(None, None), (Some("  "), None), (None, Some("photo.jpg"))] {
            assert_eq!(noted(note, photo), Err(SupplementProblem::Empty));
        }
    }
}
