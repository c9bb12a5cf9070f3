//! 亲友代办: a relative with his own account acts for an older person, with her consent, for a
//! limited time. She is asked in her own Huiban, or by an SMS code she reads out to him.

use serde::{Deserialize, Serialize};

/// Header naming the relative grant a citizen's request acts in (he acts for the person who
/// granted it).
pub const RELATIVE_GRANT_HEADER: &str = "relative-grant";

/// Who the helper is to the person he asks to help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Kinship {
    /// 儿子.
    Son,
    /// 女儿.
    Daughter,
    /// 老伴.
    Spouse,
    /// 孙子女 or 外孙子女.
    Grandchild,
    /// 儿媳.
    DaughterInLaw,
    /// 女婿.
    SonInLaw,
    /// 兄弟姐妹.
    Sibling,
    /// 其他亲属.
    Other,
}

impl Kinship {
    /// The word for him as she would say it: 儿子, 女儿, 老伴 …
    pub fn word(self) -> &'static str {
        match self {
            Self::Son => "儿子",
            Self::Daughter => "女儿",
            Self::Spouse => "老伴",
            Self::Grandchild => "孙辈",
            Self::DaughterInLaw => "儿媳",
            Self::SonInLaw => "女婿",
            Self::Sibling => "兄弟姐妹",
            Self::Other => "亲属",
        }
    }
}

/// Body of `POST /api/v1/relatives`: a citizen asks to help the person with this phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRelativeGrant {
    /// Her mobile number (11 digits).
    #[cfg_attr(feature = "openapi", schema(pattern = r"^1[0-9]{10}$"))]
    pub phone: String,
    /// Who he is to her.
    pub kinship: Kinship,
}

/// Body of `POST /api/v1/relatives/{grant_id}/code`: the code sent to her phone, which she read
/// out to him (she has no Huiban of her own).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelativeConsentCode {
    /// The 6-digit code.
    #[cfg_attr(feature = "openapi", schema(pattern = r"^[0-9]{6}$"))]
    pub code: String,
}

/// Where a grant stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GrantState {
    /// Waiting for her answer.
    Asked,
    /// She agreed; he may act for her until `expires_at`.
    Granted,
    /// She said no.
    Refused,
    /// Ended, by her or by him.
    Ended,
    /// Its time ran out.
    Expired,
}

/// A grant as either side sees it: she sees who asks or helps, he sees whom he helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelativeGrant {
    /// Id, sent in the `relative-grant` header.
    pub grant_id: String,
    /// Where it stands.
    pub state: GrantState,
    /// Who he is to her.
    pub kinship: Kinship,
    /// The helper's name.
    pub helper_name: String,
    /// The helper's phone, masked.
    pub helper_phone_masked: Option<String>,
    /// Her name (to the helper: only once she agreed, until then the phone he typed, masked).
    pub person_name: String,
    /// Her phone, masked.
    pub person_phone_masked: Option<String>,
    /// When he asked, RFC 3339.
    pub asked_at: String,
    /// When she answered, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_at: Option<String>,
    /// Until when he may act for her, RFC 3339, once she agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// When it ended, RFC 3339.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<String>,
}

/// Answer of `GET /api/v1/me/relatives`: the grants on both sides of the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Relatives {
    /// Relatives who help her or ask to: asked ones first, then the others, newest first.
    pub helped_by: Vec<RelativeGrant>,
    /// The people the caller helps or asked to, newest first.
    pub helping: Vec<RelativeGrant>,
}

/// Body of `POST /api/v1/me/relatives/{grant_id}/help` (请家人帮忙): she asks a relative who
/// helps her to get in touch; he is texted what she was doing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RelativeHelpWanted {
    /// What she was doing (the service, the page), in her app's words; at most 60 characters are
    /// sent on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}
