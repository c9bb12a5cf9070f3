//! Logging in at a kiosk with the ID card on its reader: the platform texts a login code to the
//! phone of the card's holder, and the code typed on the kiosk's keypad approves the kiosk's own
//! request as her (`POST /api/v1/auth/device/card-code`, then `POST /api/v1/auth/device/card`).

use serde::{Deserialize, Serialize};

/// Body of `POST /api/v1/auth/device/card-code`: the card on the kiosk's reader.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardCodeRequest {
    /// The 18-character 公民身份号码 on the card.
    pub id_number: String,
    /// The name on the card; it must be the name the platform knows for that number.
    pub name: String,
}

impl std::fmt::Debug for CardCodeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data: never in a log line.
        f.debug_struct("CardCodeRequest").finish_non_exhaustive()
    }
}

/// Answer of `POST /api/v1/auth/device/card-code`: where the code went, masked, so she knows
/// which phone to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardCodeSent {
    /// Her phone with its middle hidden, e.g. 138****0001.
    pub phone_masked: String,
    /// Seconds the code stays valid.
    pub expires_in: u64,
    /// Seconds before another code may be asked for.
    pub resend_after: u64,
}

/// Body of `POST /api/v1/auth/device/card`: the code texted for the card, typed on the kiosk's
/// keypad; the kiosk's own request (the user code it holds) is approved as the card's holder.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeviceCardApproval {
    /// The kiosk's own user code; dashes, spaces and case do not matter.
    pub user_code: String,
    /// The 18-character 公民身份号码 on the card.
    pub id_number: String,
    /// The 6-digit code texted to her phone.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{6}$"))]
    pub code: String,
}

impl std::fmt::Debug for DeviceCardApproval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data: never in a log line.
        f.debug_struct("DeviceCardApproval").finish_non_exhaustive()
    }
}
