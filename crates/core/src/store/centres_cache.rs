//! Service-centre cache: the centres the platform last sent (public, shared by everyone at this
//! computer) and the district picked here for 求助 when the one logged in has none on her account.

use huiban_api::ServiceCentre;

use super::{LocalStore, StoreError, cache_meta};

impl LocalStore {
    /// Keeps the service centres the platform sent, replacing the last ones.
    pub fn keep_service_centres(&self, centres: &[ServiceCentre]) -> Result<(), StoreError> {
        cache_meta::write(
            &*self.lock()?,
            "service_centres",
            &serde_json::to_string(centres)?,
        )
    }

    /// The service centres kept here (none until the platform was reached once).
    pub fn kept_service_centres(&self) -> Result<Vec<ServiceCentre>, StoreError> {
        match cache_meta::read(&*self.lock()?, "service_centres")? {
            Some(text) => Ok(serde_json::from_str(&text)?),
            None => Ok(Vec::new()),
        }
    }

    /// The district picked on this computer for 求助's centre, if one was.
    pub fn picked_district(&self) -> Result<Option<String>, StoreError> {
        cache_meta::read(&*self.lock()?, "help_district")
    }

    /// Keeps `district_code` as this computer's district for 求助.
    pub fn pick_district(&self, district_code: &str) -> Result<(), StoreError> {
        cache_meta::write(&*self.lock()?, "help_district", district_code)
    }
}
