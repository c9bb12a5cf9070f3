//! Never ask twice: what is already known of the person (their verified e-ID card, the account they
//! log in with) fills in the questions that ask for it, for them to confirm rather than type.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use huiban_api::{Answers, FormDefinition, KnownFact, Licence};
use serde::Serialize;
use serde_json::Value;

use crate::regions;
use crate::store::{AccountStore, StoreError};
use crate::wallet;
use huiban_rules::{check_answer, is_blank};

/// The licence type of the resident identity card.
pub const ID_CARD: &str = "居民身份证";
/// The field of the ID card that holds the home address.
const ID_CARD_ADDRESS: &str = "住址";

/// Where a filled-in answer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The person's e-ID card, its seal checked here.
    IdCard,
    /// The account they log in with.
    Account,
    /// Her own ID number, as answered earlier in the same form.
    IdNumber,
}

impl Source {
    /// The Fluent id of the sentence telling the person where the answer came from.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::IdCard => "prefill-from-id-card",
            Self::Account => "prefill-from-account",
            Self::IdNumber => "prefill-from-id-number",
        }
    }
}

/// An answer filled in for the person to confirm.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct Suggestion {
    /// The answer.
    pub value: Value,
    /// Where it came from.
    pub source: Source,
}

/// What is known of the person, fact by fact.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    facts: BTreeMap<KnownFact, Suggestion>,
}

impl Known {
    /// What `id_card` (when its seal checked out) and the account's `name` and `phone` tell; the
    /// card wins for the name, as forms ask for the name on it.
    pub fn from(id_card: Option<&Licence>, name: Option<&str>, phone: Option<&str>) -> Self {
        let mut known = Self::default();
        let mut add = |fact: KnownFact, value: Option<Value>, source: Source| {
            if let Some(value) = value {
                known
                    .facts
                    .entry(fact)
                    .or_insert(Suggestion { value, source });
            }
        };
        let text = |text: &str| (!text.trim().is_empty()).then(|| Value::from(text.trim()));
        if let Some(card) = id_card {
            add(KnownFact::Name, text(&card.holder_name), Source::IdCard);
            add(
                KnownFact::IdNumber,
                text(&card.holder_id_number),
                Source::IdCard,
            );
            let address = card
                .fields
                .get(ID_CARD_ADDRESS)
                .and_then(|written| regions::parse_address(written))
                .and_then(|address| serde_json::to_value(address).ok());
            add(KnownFact::Address, address, Source::IdCard);
            let born = huiban_rules::birth_date(&card.holder_id_number, crate::clock::today());
            add(KnownFact::BirthDate, born.map(date_value), Source::IdCard);
        }
        add(KnownFact::Name, name.and_then(text), Source::Account);
        add(KnownFact::Phone, phone.and_then(text), Source::Account);
        known
    }

    /// What the local store knows: the verified e-ID card kept in the wallet and the account as
    /// last pulled, as of `today` (YYYY-MM-DD).
    pub fn kept(store: &AccountStore<'_>, today: &str) -> Result<Self, StoreError> {
        let id_card = wallet::licences(store, today)?
            .into_iter()
            .find(|entry| entry.verified && entry.licence.licence_type == ID_CARD)
            .map(|entry| entry.licence);
        let profile = store.profile()?;
        Ok(Self::from(
            id_card.as_ref(),
            profile.as_ref().and_then(|p| p.name.as_deref()),
            profile.as_ref().and_then(|p| p.phone.as_deref()),
        ))
    }

    /// The known fact `fact`, if known.
    pub fn fact(&self, fact: KnownFact) -> Option<&Suggestion> {
        self.facts.get(&fact)
    }
}

/// A date as answers hold it, YYYY-MM-DD.
fn date_value(date: NaiveDate) -> Value {
    Value::from(date.format("%Y-%m-%d").to_string())
}

/// The birth date her own ID number, as answered in this form, gives (the question filled in from
/// her ID number, not a family member's).
fn birth_date_answered(
    form: &FormDefinition,
    answers: &Answers,
    today: NaiveDate,
) -> Option<Suggestion> {
    let number = form
        .questions
        .iter()
        .filter(|question| question.prefill == Some(KnownFact::IdNumber))
        .find_map(|question| answers.get(&question.id)?.as_str())?;
    Some(Suggestion {
        value: date_value(huiban_rules::birth_date(number, today)?),
        source: Source::IdNumber,
    })
}

/// The filled-in answer of every question of `form` that asks for a known fact and has no answer
/// yet, where the fact passes the question's own rules as of `today`; her birth date is taken from
/// her ID number as answered in the form first, as that is the one she has just confirmed.
pub fn suggestions(
    form: &FormDefinition,
    answers: &Answers,
    known: &Known,
    today: NaiveDate,
) -> BTreeMap<String, Suggestion> {
    let mut known = known.clone();
    if let Some(born) = birth_date_answered(form, answers, today) {
        known.facts.insert(KnownFact::BirthDate, born);
    }
    form.questions
        .iter()
        .filter(|question| is_blank(answers.get(&question.id)))
        .filter_map(|question| {
            let suggestion = known.fact(question.prefill?)?;
            check_answer(question, Some(&suggestion.value), today).ok()?;
            Some((question.id.clone(), suggestion.clone()))
        })
        .collect()
}

/// The filled-in answers for a draft of `form` from what the local store knows; the wallet's seals
/// are checked only when some unanswered question asks for a known fact.
pub fn kept_suggestions(
    store: &AccountStore<'_>,
    form: &FormDefinition,
    answers: &Answers,
    today: NaiveDate,
) -> Result<BTreeMap<String, Suggestion>, StoreError> {
    let wanted = form
        .questions
        .iter()
        .any(|question| question.prefill.is_some() && is_blank(answers.get(&question.id)));
    if !wanted {
        return Ok(BTreeMap::new());
    }
    // Licences are checked on China's date, the one their validity is written in.
    let known = Known::kept(store, &crate::wallet::licence_today())?;
    Ok(suggestions(form, answers, &known, today))
}

/// The name she signs with when she taps to sign rather than draws: her name as answered in this
/// form (the question filled in from her name), else the name of the account she logged in with.
pub fn signer_name(
    form: &FormDefinition,
    answers: &Answers,
    account_name: Option<&str>,
) -> Option<String> {
    form.questions
        .iter()
        .filter(|question| question.prefill == Some(KnownFact::Name))
        .find_map(|question| answers.get(&question.id)?.as_str())
        .or(account_name)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests;
