//! `app.refresh_copies()`: her copies pulled from the platform on request.

use crate::pull::{Pulled, pull};

impl super::App {
    /// Pulls fresh copies of the person's cases, 诉求, messages and licences now (online only),
    /// holding the pull gate so that a 退出 meanwhile is not undone.
    pub async fn refresh_copies(&self) -> Result<Pulled, crate::Error> {
        let _held = self.pull_gate().hold().await;
        let token = self.session().token().await?;
        let own = self.own_store().await?;
        Ok(pull(&own, &self.client_for_person(), &token.access_token).await?)
    }
}
