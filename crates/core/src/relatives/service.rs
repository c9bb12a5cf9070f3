//! `app.relatives()`: 谁能帮我办 (online: the platform holds the grants), asking to help a
//! relative, and the switch between 我自己 and the person he acts for.

use huiban_api::{GrantState, Kinship};

use super::{ActingSwitch, GrantLine, RelativesPage, his_line};
use crate::Error;
use crate::app::App;
use crate::client::GrantAnswer;
use crate::session::Helping;

impl App {
    /// 亲友代办: her relatives, his asks, and whom he acts for.
    pub fn relatives(&self) -> RelativesService<'_> {
        RelativesService { app: self }
    }
}

/// 亲友代办, as `app.relatives()` offers it.
pub struct RelativesService<'a> {
    pub(crate) app: &'a App,
}

impl RelativesService<'_> {
    /// 谁能帮我办: who helps her or asks to, and whom she helps.
    pub async fn page(&self) -> Result<RelativesPage, Error> {
        let token = self.app.session().token().await?;
        let relatives = self
            .app
            .client()
            .relatives(&token.access_token)
            .await
            .map_err(|error| Error::online_only(error, "relatives-needs-network"))?;
        let mut not_sent = Vec::new();
        if let Some(store) = self.app.store() {
            // Kept with her own data for 请家人帮忙 offline (not while he acts for someone: his
            // own copies are set aside then).
            if self.app.session.helping_now().is_none() {
                store
                    .of_account(&token.account_id)
                    .keep_relatives(&relatives)?;
            }
            not_sent = refused_for_them(store, &token.account_id, self.app.localizer())?;
        }
        Ok(RelativesPage::of(&relatives, self.app.localizer())
            .with_not_sent(&not_sent, self.app.localizer()))
    }

    /// He asks to help the person with the phone typed (only its digits count), as her `kinship`.
    pub async fn ask(&self, phone: &str, kinship: Kinship) -> Result<GrantLine, Error> {
        let phone: String = phone.chars().filter(char::is_ascii_digit).collect();
        if phone.len() != 11 {
            return Err(Error::plain("relatives-phone-wrong"));
        }
        let token = self.app.session().token().await?;
        let grant = self
            .app
            .client()
            .ask_to_help(&token.access_token, &phone, kinship)
            .await
            .map_err(|error| Error::online_only(error, "relatives-needs-network"))?;
        Ok(his_line(&grant, self.app.localizer()))
    }

    /// He types the code she read out to him (only its digits count): she agreed.
    pub async fn agree_by_code(&self, grant_id: &str, code: &str) -> Result<GrantLine, Error> {
        let code: String = code.chars().filter(char::is_ascii_digit).collect();
        if code.len() != 6 {
            return Err(Error::plain("relatives-code-wrong"));
        }
        let token = self.app.session().token().await?;
        let grant = self
            .app
            .client()
            .agree_by_code(&token.access_token, grant_id, &code)
            .await
            .map_err(|error| Error::online_only(error, "relatives-needs-network"))?;
        Ok(his_line(&grant, self.app.localizer()))
    }

    /// She agrees to or refuses a grant asked of her, or either side ends one; the page after.
    /// Ending the grant he acts in now brings him back to 我自己.
    pub async fn answer(
        &self,
        grant_id: &str,
        answer: GrantAnswer,
    ) -> Result<RelativesPage, Error> {
        let token = self.app.session().token().await?;
        self.app
            .client()
            .answer_grant(&token.access_token, grant_id, answer)
            .await
            .map_err(|error| Error::online_only(error, "relatives-needs-network"))?;
        if answer == GrantAnswer::End
            && self
                .app
                .session
                .helping_now()
                .is_some_and(|helping| helping.grant_id == grant_id)
        {
            self.act_for(None).await?;
        }
        self.page().await
    }

    /// The switch at the top: 我自己 and everyone who agreed to his help. Offline, or with nobody
    /// logged in, only whom he acts for now (so that it is always plain whose data is shown).
    pub async fn switch(&self) -> Result<ActingSwitch, Error> {
        let localizer = self.app.localizer();
        let active = self.app.session.helping_now();
        let active_id = active.as_ref().map(|helping| helping.grant_id.as_str());
        let Ok(token) = self.app.session().token().await else {
            return Ok(ActingSwitch::of(&[], active_id, localizer));
        };
        match self.app.client().relatives(&token.access_token).await {
            Ok(relatives) => Ok(ActingSwitch::of(&relatives.helping, active_id, localizer)),
            Err(error) => {
                tracing::debug!(%error, "the switch shows whom he acts for now only");
                let kept: Vec<huiban_api::RelativeGrant> = active.iter().map(kept_grant).collect();
                Ok(ActingSwitch::of(&kept, active_id, localizer))
            }
        }
    }

    /// He acts for the person who agreed to `grant_id` from now on (`None`: for himself again).
    /// The platform is asked who she is in that grant (it refuses, in plain words, a grant she
    /// ended or that ran out); the copies of whoever he acted for before are forgotten here and
    /// hers pulled.
    pub async fn act_for(&self, grant_id: Option<&str>) -> Result<ActingSwitch, Error> {
        let token = self.app.session().token().await?;
        let helping = match grant_id {
            None => None,
            Some(grant_id) => {
                let her = self
                    .app
                    .client()
                    .for_relative(grant_id)
                    .me(&token.access_token)
                    .await
                    .map_err(|error| Error::online_only(error, "relatives-needs-network"))?;
                let relatives = self.app.client().relatives(&token.access_token).await?;
                let kinship = relatives
                    .helping
                    .iter()
                    .find(|grant| grant.grant_id == grant_id)
                    .map_or(Kinship::Other, |grant| grant.kinship);
                Some(Helping {
                    grant_id: grant_id.to_owned(),
                    helper_account_id: token.account_id.clone(),
                    person_account_id: her.account_id,
                    person_name: her.name.unwrap_or_default(),
                    kinship,
                })
            }
        };
        {
            // Held so that no pull of the one he acted for writes after this.
            let _held = self.app.pull_gate().hold().await;
            self.app.session.help(helping);
            if let Some(store) = self.app.store() {
                let keep = match self.app.own_store_if_any().await? {
                    Some(own) => own.account_id().to_owned(),
                    None => token.account_id.clone(),
                };
                store.forget_pulled_except(Some(&keep))?;
            }
        }
        self.app.pull_now().notify_one();
        self.switch().await
    }
}

/// What `helper` confirmed for the people he helps that the platform refused (a grant that ended
/// meanwhile), by grant: the names of the applications (as the catalog kept here calls them) and
/// 诉求. Kept on this computer under `helper/person`, never filed.
fn refused_for_them(
    store: &crate::store::LocalStore,
    helper: &str,
    localizer: &crate::i18n::Localizer,
) -> Result<Vec<(String, Vec<String>)>, Error> {
    use crate::store::OutboxState;
    let catalog = store.cached_catalog()?;
    let mut refused: Vec<(String, Vec<String>)> = Vec::new();
    for key in store.helped_by(helper)? {
        for row in store.of_account(&key).outbox_rows()? {
            let (Some(grant_id), OutboxState::NeedsAttention) = (&row.relative_grant, row.state)
            else {
                continue;
            };
            let Some(name) =
                crate::outbox::named(&row, &catalog, localizer, "relatives-not-sent-request")
            else {
                continue;
            };
            match refused.iter_mut().find(|(id, _)| id == grant_id) {
                Some((_, names)) => names.push(name),
                None => refused.push((grant_id.clone(), vec![name])),
            }
        }
    }
    Ok(refused)
}

/// The grant he acts in now, as the switch shows it offline.
fn kept_grant(helping: &Helping) -> huiban_api::RelativeGrant {
    huiban_api::RelativeGrant {
        grant_id: helping.grant_id.clone(),
        state: GrantState::Granted,
        kinship: helping.kinship,
        helper_name: String::new(),
        helper_phone_masked: None,
        person_name: helping.person_name.clone(),
        person_phone_masked: None,
        asked_at: String::new(),
        answered_at: None,
        expires_at: None,
        ended_at: None,
    }
}
