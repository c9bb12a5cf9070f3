//! `app.refresh_copies()`: her copies pulled from the platform on request.

use crate::pull::{Pulled, grant_ended, pull};

impl super::App {
    /// Pulls fresh copies of the person's cases, 诉求, messages and licences now (online only),
    /// holding the pull gate so that a 退出 meanwhile is not undone. A relative whose grant she
    /// ended (or that ran out) is back to 我自己, and her copies leave this computer; the
    /// platform's refusal is told.
    pub async fn refresh_copies(&self) -> Result<Pulled, crate::Error> {
        let _held = self.pull_gate().hold().await;
        let token = self.session().token().await?;
        let own = self.own_store().await?;
        let pulled = pull(&own, &self.client_for_person(), &token.access_token).await;
        if let Err(error) = &pulled
            && grant_ended(error)
            && self.session.helping_now().is_some()
        {
            self.session.help(None);
            if let Some(store) = self.store() {
                store.forget_pulled_except(Some(&token.account_id))?;
            }
        }
        Ok(pulled?)
    }
}
