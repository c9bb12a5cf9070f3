//! 亲友代办 in plain words: 谁能帮我办 (the relatives who help her or ask to, each to agree to,
//! refuse or end), the people he helps, and the switch at the top between 我自己 and the person he
//! acts for.

mod service;

pub use service::RelativesService;

use huiban_api::{GrantState, Kinship, RelativeGrant, Relatives};
use serde::Serialize;

use crate::dates::plain_date;
use crate::i18n::Localizer;

/// Who he is to her, in her words: 儿子, 女儿, 老伴 …
pub fn kinship_name(kinship: Kinship, localizer: &Localizer) -> String {
    localizer.text(
        match kinship {
            Kinship::Son => "kinship-son",
            Kinship::Daughter => "kinship-daughter",
            Kinship::Spouse => "kinship-spouse",
            Kinship::Grandchild => "kinship-grandchild",
            Kinship::DaughterInLaw => "kinship-daughter-in-law",
            Kinship::SonInLaw => "kinship-son-in-law",
            Kinship::Sibling => "kinship-sibling",
            Kinship::Other => "kinship-other",
        },
        &[],
    )
}

/// Every kinship a relative may choose, in the order offered.
pub const KINSHIPS: [Kinship; 8] = [
    Kinship::Son,
    Kinship::Daughter,
    Kinship::Spouse,
    Kinship::Grandchild,
    Kinship::DaughterInLaw,
    Kinship::SonInLaw,
    Kinship::Sibling,
    Kinship::Other,
];

/// One kinship as the ask page offers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct KinshipChoice {
    /// Its value.
    pub kinship: Kinship,
    /// Its name: 儿子 …
    pub name: String,
}

/// The kinships offered, named.
pub fn kinship_choices(localizer: &Localizer) -> Vec<KinshipChoice> {
    KINSHIPS
        .iter()
        .map(|kinship| KinshipChoice {
            kinship: *kinship,
            name: kinship_name(*kinship, localizer),
        })
        .collect()
}

/// One grant as a line of 谁能帮我办 (hers) or of 我帮谁办 (his).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct GrantLine {
    /// The id to answer or end it with.
    pub grant_id: String,
    /// Who: to her 您的儿子 李明; to him the person's name (张秀英).
    pub who: String,
    /// Where it stands.
    pub state: GrantState,
    /// Where it stands in plain words: 等您回答, 能帮您办，到2027年12月3日 …
    pub state_words: String,
    /// To her, while it waits for her: 您的儿子 李明 想帮您办事，同意吗？
    pub question: Option<String>,
    /// Whether it can be ended now (asked or granted).
    pub can_end: bool,
    /// To him, once the grant ended: what he confirmed for her that the platform then refused
    /// (kept on this computer, never filed): 您替张秀英办的1件事没有送到：高龄津贴申领……
    pub not_sent: Option<String>,
}

/// 谁能帮我办, and whom she helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RelativesPage {
    /// Asked of her, waiting for her answer, newest first.
    pub asked: Vec<GrantLine>,
    /// Who helps her or helped her.
    pub helped_by: Vec<GrantLine>,
    /// Whom she helps or asked to help.
    pub helping: Vec<GrantLine>,
    /// What a relative she agrees to may do for her.
    pub may: Vec<String>,
    /// What he may not.
    pub may_not: Vec<String>,
    /// How long it lasts: 一年，到时候自动结束；您随时可以结束。
    pub lasts: String,
}

/// What a relative may do for her, and what not, in plain words.
pub fn limits(localizer: &Localizer) -> (Vec<String>, Vec<String>) {
    let lines = |ids: &[&str]| ids.iter().map(|id| localizer.text(id, &[])).collect();
    (
        lines(&[
            "relatives-may-apply",
            "relatives-may-request",
            "relatives-may-see-cases",
        ]),
        lines(&[
            "relatives-may-not-complaints",
            "relatives-may-not-messages",
            "relatives-may-not-evaluate",
            "relatives-may-not-phone",
        ]),
    )
}

fn state_words(grant: &RelativeGrant, hers: bool, localizer: &Localizer) -> String {
    let until = grant
        .expires_at
        .as_deref()
        .map(|at| plain_date(at, localizer))
        .unwrap_or_default();
    let id = match (grant.state, hers) {
        (GrantState::Asked, true) => "relatives-state-asked-hers",
        (GrantState::Asked, false) => "relatives-state-asked-his",
        (GrantState::Granted, true) => "relatives-state-granted-hers",
        (GrantState::Granted, false) => "relatives-state-granted-his",
        (GrantState::Refused, _) => "relatives-state-refused",
        (GrantState::Ended, _) => "relatives-state-ended",
        (GrantState::Expired, _) => "relatives-state-expired",
    };
    localizer.text(id, &[("until", until.as_str())])
}

/// Her side of a grant: 您的儿子 李明.
fn her_line(grant: &RelativeGrant, localizer: &Localizer) -> GrantLine {
    let kinship = kinship_name(grant.kinship, localizer);
    let who = localizer.text(
        "relatives-who-hers",
        &[
            ("kinship", kinship.as_str()),
            ("name", grant.helper_name.as_str()),
        ],
    );
    GrantLine {
        grant_id: grant.grant_id.clone(),
        question: (grant.state == GrantState::Asked).then(|| {
            localizer.text(
                "relatives-question",
                &[
                    ("kinship", kinship.as_str()),
                    ("name", grant.helper_name.as_str()),
                ],
            )
        }),
        who,
        state: grant.state,
        state_words: state_words(grant, true, localizer),
        can_end: matches!(grant.state, GrantState::Asked | GrantState::Granted),
        not_sent: None,
    }
}

/// His side of a grant: the person's name (her phone, masked, until she agreed).
fn his_line(grant: &RelativeGrant, localizer: &Localizer) -> GrantLine {
    GrantLine {
        grant_id: grant.grant_id.clone(),
        who: grant.person_name.clone(),
        state: grant.state,
        state_words: state_words(grant, false, localizer),
        question: None,
        can_end: matches!(grant.state, GrantState::Asked | GrantState::Granted),
        not_sent: None,
    }
}

impl RelativesPage {
    /// The page of `relatives`, in plain words.
    pub fn of(relatives: &Relatives, localizer: &Localizer) -> Self {
        let (asked, helped_by) = relatives
            .helped_by
            .iter()
            .partition::<Vec<&RelativeGrant>, _>(|grant| grant.state == GrantState::Asked);
        let (may, may_not) = limits(localizer);
        Self {
            asked: asked
                .iter()
                .map(|grant| her_line(grant, localizer))
                .collect(),
            helped_by: helped_by
                .iter()
                .map(|grant| her_line(grant, localizer))
                .collect(),
            helping: relatives
                .helping
                .iter()
                .map(|grant| his_line(grant, localizer))
                .collect(),
            may,
            may_not,
            lasts: localizer.text("relatives-lasts", &[]),
        }
    }

    /// Tells him, on each grant no longer running, what he confirmed for her in it that was not
    /// sent (`not_sent`: the grant's id and the names of what was refused).
    pub fn with_not_sent(
        mut self,
        not_sent: &[(String, Vec<String>)],
        localizer: &Localizer,
    ) -> Self {
        for line in &mut self.helping {
            let Some((_, names)) = not_sent
                .iter()
                .find(|(grant_id, names)| *grant_id == line.grant_id && !names.is_empty())
            else {
                continue;
            };
            if line.state == GrantState::Granted {
                continue;
            }
            let count = names.len().to_string();
            line.not_sent = Some(localizer.text(
                "relatives-not-sent",
                &[
                    ("who", line.who.as_str()),
                    ("count", count.as_str()),
                    ("what", names.join("、").as_str()),
                ],
            ));
        }
        self
    }
}

/// One place of the switch at the top: 我自己, or a person he may act for now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ActingChoice {
    /// The grant to act in; `None` for 我自己.
    pub grant_id: Option<String>,
    /// 我自己, or her name.
    pub name: String,
    /// Whether this is whom he acts for now.
    pub active: bool,
}

/// The switch at the top: 我自己 and everyone who agreed to his help now; empty when he helps
/// nobody (then there is no switch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ActingSwitch {
    /// 我自己 first.
    pub choices: Vec<ActingChoice>,
    /// Whom he acts for now, in words for the top: 现在替 张秀英 办事; `None` for himself.
    pub acting_words: Option<String>,
}

impl ActingSwitch {
    /// The switch over the grants he holds now (`granted`), with `active` the grant he acts in.
    pub fn of(granted: &[RelativeGrant], active: Option<&str>, localizer: &Localizer) -> Self {
        let granted: Vec<&RelativeGrant> = granted
            .iter()
            .filter(|grant| grant.state == GrantState::Granted)
            .collect();
        if granted.is_empty() && active.is_none() {
            return Self {
                choices: Vec::new(),
                acting_words: None,
            };
        }
        let mut choices = vec![ActingChoice {
            grant_id: None,
            name: localizer.text("acting-myself", &[]),
            active: active.is_none(),
        }];
        choices.extend(granted.iter().map(|grant| ActingChoice {
            grant_id: Some(grant.grant_id.clone()),
            name: grant.person_name.clone(),
            active: active == Some(grant.grant_id.as_str()),
        }));
        let acting_words = choices
            .iter()
            .find(|choice| choice.active && choice.grant_id.is_some())
            .map(|choice| localizer.text("acting-for", &[("name", choice.name.as_str())]));
        Self {
            choices,
            acting_words,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh() -> &'static Localizer {
        static ZH: std::sync::OnceLock<Localizer> = std::sync::OnceLock::new();
        ZH.get_or_init(|| Localizer::new(crate::i18n::Locale::ZhCn))
    }

    fn grant(id: &str, state: GrantState) -> RelativeGrant {
        RelativeGrant {
            grant_id: id.to_owned(),
            state,
            kinship: Kinship::Son,
            helper_name: "李明".to_owned(),
            helper_phone_masked: Some("138****0004".to_owned()),
            person_name: "张秀英".to_owned(),
            person_phone_masked: Some("138****0001".to_owned()),
            asked_at: "2026-12-03T09:00:00+08:00".to_owned(),
            answered_at: None,
            expires_at: (state == GrantState::Granted)
                .then(|| "2027-12-03T09:00:00+08:00".to_owned()),
            ended_at: None,
        }
    }

    #[test]
    fn she_is_asked_in_plain_words_who_wants_to_help_and_for_how_long() {
        let page = RelativesPage::of(
            &Relatives {
                helped_by: vec![
                    grant("rg-1", GrantState::Asked),
                    grant("rg-0", GrantState::Granted),
                ],
                helping: Vec::new(),
            },
            zh(),
        );
        assert_eq!(page.asked.len(), 1);
        assert_eq!(
            page.asked[0].question.as_deref(),
            Some("您的儿子 李明 想帮您办事，同意吗？")
        );
        assert_eq!(page.helped_by[0].who, "您的儿子 李明");
        assert!(
            page.helped_by[0].state_words.contains("2027年12月3日"),
            "{}",
            page.helped_by[0].state_words
        );
        assert!(page.may_not.iter().any(|line| line.contains("投诉")));
        assert!(page.lasts.contains("一年"));
    }

    #[test]
    fn the_switch_shows_only_when_he_helps_someone_and_says_whom_he_acts_for() {
        assert!(
            ActingSwitch::of(&[grant("rg-1", GrantState::Ended)], None, zh())
                .choices
                .is_empty()
        );
        let mine = ActingSwitch::of(&[grant("rg-1", GrantState::Granted)], None, zh());
        assert_eq!(
            mine.choices
                .iter()
                .map(|c| (c.name.as_str(), c.active))
                .collect::<Vec<_>>(),
            [("我自己", true), ("张秀英", false)]
        );
        assert_eq!(mine.acting_words, None);
        let hers = ActingSwitch::of(&[grant("rg-1", GrantState::Granted)], Some("rg-1"), zh());
        assert_eq!(hers.acting_words.as_deref(), Some("现在替 张秀英 办事"));
    }
}
