//! 求助's second number: her district's service centre, as the platform lists it (kept here, so it
//! shows offline too), found by the district on her account, or else the one picked once on this
//! computer.

use huiban_api::ServiceCentre;
use serde::Serialize;

use super::{HelpNumber, HelpService};
use crate::Error;
use crate::i18n::Localizer;

/// Her service centre, as the 求助 page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CentreHelp {
    /// Her district's centre: its number, and where it is.
    Known {
        /// The centre's name, number and hours.
        number: HelpNumber,
        /// Where it is.
        address: String,
        /// 换一个区 is offered: the district was picked here, not known from her account.
        changeable: bool,
        /// The words of 换一个区: 不是东城区？换一个区.
        change_said: String,
    },
    /// Her district is not known: she picks it once.
    PickDistrict,
    /// This computer has not reached the platform yet: only 12345 is shown.
    Unheard,
}

/// A district she may pick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DistrictChoice {
    /// Its six-digit code.
    pub code: String,
    /// Its name: 东城区.
    pub name: String,
}

/// 您住在哪个区？: the districts whose centres the platform lists, and the one known now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DistrictPage {
    /// The districts, by code.
    pub choices: Vec<DistrictChoice>,
    /// The district shown now, if any.
    pub chosen: Option<String>,
}

/// Where her district comes from: her account, or picked on this computer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DistrictFrom {
    /// The platform knows it with her account.
    Account,
    /// Picked on this computer.
    Picked,
}

/// What the page says of her centre, from the `centres` known and her `district`.
pub fn centre_help(
    centres: &[ServiceCentre],
    district: Option<(&str, DistrictFrom)>,
    localizer: &Localizer,
) -> CentreHelp {
    if centres.is_empty() {
        return CentreHelp::Unheard;
    }
    let Some((code, from)) = district else {
        return CentreHelp::PickDistrict;
    };
    let Some(centre) = centres.iter().find(|c| c.district_code == code) else {
        return CentreHelp::PickDistrict;
    };
    CentreHelp::Known {
        number: HelpNumber {
            name: centre.name.clone(),
            number: centre.phone.clone(),
            hours: centre.hours.clone(),
        },
        address: centre.address.clone(),
        changeable: from == DistrictFrom::Picked,
        change_said: localizer.text(
            "help-centre-change",
            &[("district", centre.district_name.as_str())],
        ),
    }
}

impl HelpService<'_> {
    /// Her centre as the platform lists it now (the copy kept here when it cannot be asked).
    pub async fn centre(&self) -> Result<CentreHelp, Error> {
        let centres = self.centres().await?;
        self.centre_among(&centres).await
    }

    /// Her centre as kept here, without asking the platform.
    pub(super) async fn kept_centre(&self) -> Result<CentreHelp, Error> {
        self.centre_among(&self.kept_centres()?).await
    }

    /// The centres kept here (none without a local store, or before the platform was reached).
    fn kept_centres(&self) -> Result<Vec<ServiceCentre>, Error> {
        Ok(match self.app.store() {
            Some(store) => store.kept_service_centres()?,
            None => Vec::new(),
        })
    }

    async fn centre_among(&self, centres: &[ServiceCentre]) -> Result<CentreHelp, Error> {
        let district = self.district().await?;
        let district = district.as_ref().map(|(code, from)| (code.as_str(), *from));
        Ok(centre_help(centres, district, self.app.localizer()))
    }

    /// The centres from the platform, kept for next time; the kept ones when it cannot be asked.
    async fn centres(&self) -> Result<Vec<ServiceCentre>, Error> {
        match self.app.client().service_centres().await {
            Ok(centres) => {
                if let Some(store) = self.app.store() {
                    store.keep_service_centres(&centres)?;
                }
                Ok(centres)
            }
            Err(error) => {
                tracing::info!(%error, "the service centres kept here are shown");
                self.kept_centres()
            }
        }
    }

    /// Her district: on her account when the platform knows it, else the one picked here.
    async fn district(&self) -> Result<Option<(String, DistrictFrom)>, Error> {
        if let Some(store) = self.app.own_store_if_any().await?
            && let Some(code) = store.profile()?.and_then(|p| p.district_code)
        {
            return Ok(Some((code, DistrictFrom::Account)));
        }
        let picked = match self.app.store() {
            Some(store) => store.picked_district()?,
            None => None,
        };
        Ok(picked.map(|code| (code, DistrictFrom::Picked)))
    }

    /// 您住在哪个区？: the districts to pick from, and the one shown now.
    pub async fn districts(&self) -> Result<DistrictPage, Error> {
        let centres = self.centres().await?;
        if centres.is_empty() {
            return Err(Error::plain("help-districts-offline"));
        }
        Ok(DistrictPage {
            choices: centres
                .into_iter()
                .map(|c| DistrictChoice {
                    code: c.district_code,
                    name: c.district_name,
                })
                .collect(),
            chosen: self.district().await?.map(|(code, _)| code),
        })
    }

    /// Keeps `code` as this computer's district (refused in plain words when the platform lists no
    /// centre for it).
    pub fn pick_district(&self, code: &str) -> Result<(), Error> {
        if code.is_empty() {
            return Err(Error::plain("help-district-none"));
        }
        let store = self.app.kept_store()?;
        if !store
            .kept_service_centres()?
            .iter()
            .any(|c| c.district_code == code)
        {
            return Err(Error::plain("help-district-unknown"));
        }
        store.pick_district(code)?;
        Ok(())
    }
}
