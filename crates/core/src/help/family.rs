//! 请家人帮忙: the relatives who help her (grants she agreed to, as the platform last listed them
//! and kept here, so the page works offline), one button each. A tap queues a text to him in the
//! outbox (offline too, sent once) naming the page she was on; the button then says whether it
//! went, waits for the network, or was refused, in plain words.

use huiban_api::{GrantState, Relatives};
use serde::Serialize;

use super::HelpService;
use crate::Error;
use crate::clock::{now_in_china, now_ms};
use crate::i18n::Localizer;
use crate::outbox::relative_help::{QueuedHelp, enqueue_help, helps_asked};
use crate::relatives::kinship_name;
use crate::store::{AccountStore, OutboxRow, OutboxState};

/// 请家人帮忙 on the 求助 page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FamilyHelp {
    /// Not offered: nobody logged in, not her own window (staff, kiosk), a relative acting for
    /// someone, or her relatives never listed here yet.
    NotHere,
    /// No relative helps her now: how one starts.
    NobodyYet {
        /// 家人在他自己的惠办里请求帮您办事……
        said: String,
    },
    /// The relatives she may ask, one button each.
    Relatives {
        /// In the order the platform lists them.
        relatives: Vec<FamilyMember>,
    },
}

/// One relative she may ask for help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct FamilyMember {
    /// The grant, to ask with.
    pub grant_id: String,
    /// The button: 请儿子 李明帮忙.
    pub ask: String,
    /// What became of her last tap today, if she tapped.
    pub tap: Option<FamilyTap>,
}

/// What became of a tap on a relative's button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FamilyTap {
    /// Queued, waiting for the network.
    Waiting {
        /// 正在发短信告诉儿子 李明。没有网络的话，连上网络以后马上发。
        said: String,
    },
    /// He was texted.
    Sent {
        /// 已经发短信告诉儿子 李明了，请留意接听电话。
        said: String,
    },
    /// The platform refused it (too many today, or his help ended), in its words.
    Refused {
        /// 今天已经给这位家人发过好几条短信了，请直接给他打电话。
        said: String,
    },
}

/// What 请家人帮忙 offers, from her relatives as kept (`None`: never listed here) and the texts
/// she had queued, those tapped since `day_start_ms` telling on their relative's button.
pub fn family_help(
    relatives: Option<&Relatives>,
    asked: &[(QueuedHelp, OutboxRow)],
    day_start_ms: i64,
    localizer: &Localizer,
) -> FamilyHelp {
    let Some(relatives) = relatives else {
        return FamilyHelp::NotHere;
    };
    let members: Vec<FamilyMember> = relatives
        .helped_by
        .iter()
        .filter(|grant| grant.state == GrantState::Granted)
        .map(|grant| {
            let who = format!(
                "{} {}",
                kinship_name(grant.kinship, localizer),
                grant.helper_name
            );
            let latest = asked
                .iter()
                .rev()
                .find(|(help, _)| help.grant_id == grant.grant_id && help.asked_ms >= day_start_ms);
            let tap = latest.map(|(_, row)| match row.state {
                OutboxState::Sent => FamilyTap::Sent {
                    said: text(localizer, "help-family-sent", &who),
                },
                OutboxState::NeedsAttention => FamilyTap::Refused {
                    said: row.last_error.clone().unwrap_or_default(),
                },
                OutboxState::Queued | OutboxState::Sending => FamilyTap::Waiting {
                    said: text(localizer, "help-family-waiting", &who),
                },
            });
            FamilyMember {
                grant_id: grant.grant_id.clone(),
                ask: text(localizer, "help-family-ask", &who),
                tap,
            }
        })
        .collect();
    if members.is_empty() {
        FamilyHelp::NobodyYet {
            said: localizer.text("help-family-nobody", &[]),
        }
    } else {
        FamilyHelp::Relatives { relatives: members }
    }
}

fn text(localizer: &Localizer, id: &str, who: &str) -> String {
    localizer.text(id, &[("who", who)])
}

/// The start of today in China, ms.
fn today_start_ms() -> i64 {
    let now = now_in_china();
    now.date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|start| start.and_local_timezone(*now.offset()).single())
        .map_or(0, |start| start.timestamp_millis())
}

impl HelpService<'_> {
    /// Her own store, when 请家人帮忙 is hers to use: the citizen window, logged in, not a relative
    /// acting for someone.
    async fn family_store(&self) -> Result<Option<AccountStore<'_>>, Error> {
        if self.app.mode != crate::mode::Mode::Citizen || self.app.session.helping_now().is_some() {
            return Ok(None);
        }
        let (Some(store), Some(account)) = (self.app.store(), self.app.session.account().await?)
        else {
            return Ok(None);
        };
        Ok(Some(store.of_account(&account)))
    }

    /// 请家人帮忙 as kept here (the page opens at once, offline too).
    pub(super) async fn kept_family(&self) -> Result<FamilyHelp, Error> {
        let Some(store) = self.family_store().await? else {
            return Ok(FamilyHelp::NotHere);
        };
        Ok(family_help(
            store.kept_relatives()?.as_ref(),
            &helps_asked(&store)?,
            today_start_ms(),
            self.app.localizer(),
        ))
    }

    /// 请家人帮忙 with her relatives as the platform lists them now (kept for next time); as kept
    /// here when it cannot be asked.
    pub async fn family(&self) -> Result<FamilyHelp, Error> {
        let Some(store) = self.family_store().await? else {
            return Ok(FamilyHelp::NotHere);
        };
        let token = self.app.session().token().await?;
        match self.app.client().relatives(&token.access_token).await {
            Ok(relatives) => store.keep_relatives(&relatives)?,
            Err(error) => tracing::debug!(%error, "请家人帮忙 shows her relatives as kept"),
        }
        self.kept_family().await
    }

    /// Texts the relative of `grant_id` (one who helps her now) that she needs help with
    /// `looking_at` (the page she was on): queued, sent once, offline too; once a day.
    pub async fn ask_family(
        &self,
        grant_id: &str,
        looking_at: Option<&str>,
    ) -> Result<FamilyHelp, Error> {
        let store = self
            .family_store()
            .await?
            .ok_or_else(|| Error::plain("login-needed"))?;
        let helps_her = store.kept_relatives()?.is_some_and(|relatives| {
            relatives
                .helped_by
                .iter()
                .any(|grant| grant.grant_id == grant_id && grant.state == GrantState::Granted)
        });
        if !helps_her {
            return Err(Error::plain("help-family-not-helping"));
        }
        // Once a day from here, like the call-back: a second tap (or a double tap) texts no more.
        let asked_today = helps_asked(&store)?.iter().any(|(help, row)| {
            help.grant_id == grant_id
                && help.asked_ms >= today_start_ms()
                && row.state != OutboxState::NeedsAttention
        });
        if asked_today {
            return self.kept_family().await;
        }
        let about = looking_at
            .map(str::trim)
            .filter(|page| !page.is_empty())
            .map(|page| page.chars().take(60).collect());
        let help = QueuedHelp {
            grant_id: grant_id.to_owned(),
            about,
            asked_ms: now_ms(),
        };
        enqueue_help(&store, &help, now_ms())?;
        self.app.wake().notify_one();
        self.kept_family().await
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

    use huiban_api::{Kinship, RelativeGrant};

    use super::*;
    use crate::store::OutboxKind;

    fn zh() -> &'static Localizer {
        crate::i18n::chinese()
    }

    fn grant(id: &str, state: GrantState) -> RelativeGrant {
        RelativeGrant {
            grant_id: id.to_owned(),
            state,
            kinship: Kinship::Son,
            helper_name: "李明".to_owned(),
            helper_phone_masked: None,
            person_name: "张秀英".to_owned(),
            person_phone_masked: None,
            asked_at: String::new(),
            answered_at: None,
            expires_at: None,
            ended_at: None,
        }
    }

    fn asked(
        grant_id: &str,
        at: i64,
        state: OutboxState,
        error: Option<&str>,
    ) -> (QueuedHelp, OutboxRow) {
        let help = QueuedHelp {
            grant_id: grant_id.to_owned(),
            about: None,
            asked_ms: at,
        };
        let row = OutboxRow {
            client_id: format!("h-{at}"),
            kind: OutboxKind::RelativeHelp,
            body: serde_json::to_string(&help).unwrap(),
            state,
            attempts: 0,
            next_attempt_ms: at,
            last_error: error.map(str::to_owned),
            case_number: None,
            assisted_session: None,
            relative_grant: None,
        };
        (help, row)
    }

    #[test]
    fn never_listed_here_offers_nothing_and_nobody_says_how_it_starts() {
        assert_eq!(family_help(None, &[], 0, zh()), FamilyHelp::NotHere);
        let ended = Relatives {
            helped_by: vec![
                grant("rg-1", GrantState::Ended),
                grant("rg-2", GrantState::Asked),
            ],
            helping: Vec::new(),
        };
        let FamilyHelp::NobodyYet { said } = family_help(Some(&ended), &[], 0, zh()) else {
            panic!("nobody helps her");
        };
        assert!(said.contains("同意"), "{said}");
    }

    #[test]
    fn each_relative_who_helps_her_gets_a_button_that_says_what_became_of_today_s_tap() {
        let relatives = Relatives {
            helped_by: vec![
                grant("rg-1", GrantState::Granted),
                grant("rg-2", GrantState::Granted),
            ],
            helping: Vec::new(),
        };
        let taps = [
            // Yesterday's: not told any more.
            asked("rg-2", 5, OutboxState::Sent, None),
            asked("rg-1", 100, OutboxState::Queued, None),
            asked("rg-1", 200, OutboxState::Sent, None),
        ];
        let FamilyHelp::Relatives { relatives: members } =
            family_help(Some(&relatives), &taps, 50, zh())
        else {
            panic!("two relatives");
        };
        assert_eq!(members[0].ask, "请儿子 李明帮忙");
        assert_eq!(
            members[0].tap,
            Some(FamilyTap::Sent {
                said: "已经发短信告诉儿子 李明了，请留意接听电话。".to_owned()
            })
        );
        assert_eq!(members[1].tap, None);

        let waiting = [asked("rg-1", 100, OutboxState::Queued, None)];
        let FamilyHelp::Relatives { relatives: members } =
            family_help(Some(&relatives), &waiting, 50, zh())
        else {
            panic!("two relatives");
        };
        assert_eq!(
            members[0].tap,
            Some(FamilyTap::Waiting {
                said: "正在发短信告诉儿子 李明。没有网络的话，连上网络以后马上发。".to_owned()
            })
        );
        let refused = [asked(
            "rg-1",
            100,
            OutboxState::NeedsAttention,
            Some("今天已经给这位家人发过好几条短信了，请直接给他打电话。"),
        )];
        let FamilyHelp::Relatives { relatives: members } =
            family_help(Some(&relatives), &refused, 50, zh())
        else {
            panic!("two relatives");
        };
        let Some(FamilyTap::Refused { said }) = &members[0].tap else {
            panic!("refused");
        };
        assert!(said.contains("打电话"), "{said}");
    }
}
