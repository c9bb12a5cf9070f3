//! The centre's figures, for its manager.

use huiban_api::{API_PREFIX, CentreFigures};

use super::{ClientError, PlatformClient};

impl PlatformClient {
    /// The figures of the district the manager's centre serves, counted now.
    pub async fn centre_figures(&self, access_token: &str) -> Result<CentreFigures, ClientError> {
        let path = format!("{API_PREFIX}/centre/figures");
        self.get_as(access_token, &path).await
    }
}
