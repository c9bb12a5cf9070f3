//! Pulling the person's cases, inbox (by cursor) and licences into the local store, so that they can
//! be read offline. The platform wins for case state; drafts and the outbox are never touched.

use std::time::Duration;

use huiban_api::Message;
use reqwest::StatusCode;

use crate::client::{ClientError, PlatformClient};
use crate::session::{Session, SessionError};
use crate::store::{AccountStore, LocalStore, StoreError};

/// Messages asked for per page.
const PAGE: u32 = 200;

/// What can stop a pull.
#[derive(Debug, thiserror::Error)]
pub enum PullError {
    /// The platform could not be asked.
    #[error(transparent)]
    Client(#[from] ClientError),
    /// The local store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The token acts for another account than the data it was to be pulled into.
    #[error("the login and the local data belong to different accounts")]
    OtherAccount,
}

/// What one pull brought.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, specta::Type)]
pub struct Pulled {
    /// Cases now cached.
    pub cases: usize,
    /// New or updated messages.
    pub new_messages: usize,
    /// Licences now cached.
    pub licences: usize,
    /// New unread messages to announce with a notification; none on the first pull on this
    /// computer, so that a new login does not bring a flood of old news.
    pub to_announce: Vec<Message>,
}

/// Tells the platform of messages read offline, then pulls the person's account, cases, 诉求, new
/// messages and licences into `store`, which must be the data of the account `access_token` acts
/// for (a clerk acting for her pulls all but her messages, which are hers alone). The copies of any
/// other account are forgotten first (one person's copies on a computer at a time), and the bodies
/// of sent submissions whose platform copy is now here are emptied.
pub async fn pull(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
) -> Result<Pulled, PullError> {
    let account = client.me(access_token).await?;
    if account.account_id != store.subject() {
        return Err(PullError::OtherAccount);
    }
    store
        .shared()
        .forget_pulled_except(Some(store.account_id()))?;
    // A clerk or a relative acting for her never reads her messages (they are hers alone).
    let hers_alone = !client.acts_for_someone();
    if hers_alone {
        tell_reads(store, client, access_token).await?;
    }
    store.keep_profile(&account)?;
    let pulled_from_ms = chrono::Utc::now().timestamp_millis();
    let cases = client.applications(access_token).await?;
    store.replace_cached_cases(&cases)?;
    store.replace_cached_requests(&client.requests(access_token).await?)?;
    store.outbox_purge_pulled_bodies(pulled_from_ms)?;
    let (new_messages, to_announce) = if hers_alone {
        pull_messages(store, client, access_token).await?
    } else {
        (0, Vec::new())
    };
    let licences = client.licences(access_token).await?;
    store.replace_cached_licences(&licences)?;
    let changed_keys = store
        .shared()
        .keep_department_keys(&client.department_keys().await?)?;
    if !changed_keys.is_empty() {
        tracing::warn!(
            ?changed_keys,
            "the platform offered other keys under pinned key ids; they are not trusted"
        );
    }
    Ok(Pulled {
        cases: cases.len(),
        new_messages,
        licences: licences.len(),
        to_announce,
    })
}

/// Pulls her new messages into `store`: how many came, and those to announce (none on the first
/// pull on this computer).
async fn pull_messages(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
) -> Result<(usize, Vec<Message>), PullError> {
    let mut new_messages = 0;
    let mut cursor = store.message_cursor()?;
    let first_pull = cursor == 0;
    let mut to_announce = Vec::new();
    loop {
        let page = client.messages_after(access_token, cursor, PAGE).await?;
        if page.messages.is_empty() {
            break;
        }
        new_messages += page.messages.len();
        if !first_pull {
            to_announce.extend(page.messages.iter().filter(|m| !m.read).cloned());
        }
        store.add_cached_messages(&page.messages, page.next_cursor)?;
        cursor = page.next_cursor;
    }
    Ok((new_messages, to_announce))
}

/// Whether the platform refused a pull because the relative grant it was made in no longer lets
/// him act for her (she ended it, or it ran out).
pub fn grant_ended(error: &PullError) -> bool {
    matches!(error, PullError::Client(ClientError::Platform { status, body, .. })
        if *status == StatusCode::FORBIDDEN && body.code == "grant_not_active")
}

/// Keeps pulling and forgetting apart: whoever holds it runs alone, so a pull begun for one person
/// never writes after their copies were forgotten at 退出. Take the login's token while holding it.
#[derive(Debug, Default)]
pub struct PullGate(tokio::sync::Mutex<()>);

impl PullGate {
    /// Waits until no one else holds the gate, and holds it while the guard lives.
    pub async fn hold(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.0.lock().await
    }
}

/// Tells the platform of the messages read here while it could not be reached; one it does not
/// know (404) is told enough. Stops at the first other failure, to try again on the next pull.
pub async fn tell_reads(
    store: &AccountStore<'_>,
    client: &PlatformClient,
    access_token: &str,
) -> Result<(), StoreError> {
    for message_id in store.message_reads_untold()? {
        match client.mark_message_read(access_token, message_id).await {
            Ok(()) => store.message_read_told(message_id)?,
            Err(error) if error.answered(StatusCode::NOT_FOUND) => {
                store.message_read_told(message_id)?;
            }
            Err(error) => {
                tracing::debug!(%error, "read marks are told on the next pull");
                break;
            }
        }
    }
    Ok(())
}

/// Pulls now and then every `every` (or at once when `now` is notified, as after a login), whenever
/// someone is logged in and the platform answers, each while holding `gate`, into the data of the
/// account logged in; each pull is reported to `on_pulled`. With nobody logged in (a login ended on
/// the platform, or here), every pulled copy is forgotten. Runs until dropped.
pub async fn keep_fresh(
    store: &LocalStore,
    client: &PlatformClient,
    session: &Session,
    every: Duration,
    now: &tokio::sync::Notify,
    gate: &PullGate,
    mut on_pulled: impl FnMut(Pulled),
) {
    loop {
        let held = gate.hold().await;
        // Every form on offer kept here, so that any can be filled in offline (public: no login).
        if let Err(error) = crate::catalog::keep_forms_on_offer(store, client).await {
            tracing::debug!(%error, "forms on offer not all kept yet; tried again next time");
        }
        match session.token(client).await {
            Ok(token) => {
                // A relative acting for the person who agreed to it pulls hers, in that grant.
                let (own, client) = match session.helping(&token.account_id) {
                    Some(helping) => (
                        store.of_relative(
                            &token.account_id,
                            &helping.person_account_id,
                            &helping.grant_id,
                        ),
                        client.for_relative(&helping.grant_id),
                    ),
                    None => (store.of_account(&token.account_id), client.clone()),
                };
                match pull(&own, &client, &token.access_token).await {
                    Ok(pulled) => on_pulled(pulled),
                    // She ended his grant (or it ran out): back to himself, her copies gone.
                    Err(error) if grant_ended(&error) => {
                        session.help(None);
                        if let Err(error) = store.forget_pulled_except(Some(&token.account_id)) {
                            tracing::warn!(%error, "cannot forget the copies of a grant that ended");
                        }
                    }
                    Err(error) => tracing::debug!(%error, "pull failed; the saved copies stay"),
                }
            }
            Err(SessionError::LoggedOut) => {
                if let Err(error) = store.forget_pulled_except(None) {
                    tracing::warn!(%error, "cannot forget the copies of a login that ended");
                }
            }
            Err(error) => tracing::debug!(%error, "no token for a pull now"),
        }
        drop(held);
        tokio::select! {
            () = tokio::time::sleep(every) => {}
            () = now.notified() => {}
        }
    }
}
