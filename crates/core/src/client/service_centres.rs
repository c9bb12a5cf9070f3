//! The service centres residents can call (求助), on the wire: public, no login.

use huiban_api::{API_PREFIX, ServiceCentre, ServiceCentres};

use super::{ClientError, PlatformClient};

impl PlatformClient {
    /// Every district's service centre, by district code.
    pub async fn service_centres(&self) -> Result<Vec<ServiceCentre>, ClientError> {
        let answer: ServiceCentres = self
            .get_json(&format!("{API_PREFIX}/service-centres"))
            .await?;
        Ok(answer.centres)
    }
}
