//! Service items (事项) as the platform's catalog publishes them.

use serde::{Deserialize, Serialize};

use crate::codes::{CaseType, HandlingChannel, ItemType};
use crate::forms::FormRef;

/// One service item (事项) a citizen can apply for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogItem {
    /// 实施编码: unique per region, at most 24 characters.
    pub impl_code: String,
    /// 基本编码: the national basic code of the item.
    pub basic_code: String,
    /// 事项名称, e.g. 城乡居民基本养老保险待遇申领.
    pub name: String,
    /// One plain-words sentence saying what the item is for.
    pub summary: String,
    /// 事项类型.
    pub item_type: ItemType,
    /// 办件类型.
    pub case_type: CaseType,
    /// 法定时限 in working days.
    pub legal_days: u32,
    /// 承诺时限 in working days (0 for 即办件).
    pub promised_days: u32,
    /// 办理形式.
    pub channels: Vec<HandlingChannel>,
    /// 实施主体.
    pub department: Department,
    /// 申请材料.
    pub materials: Vec<Material>,
    /// 是否收费: `None` when the item is free.
    pub fee: Option<Fee>,
    /// The online application form, when the item can be applied for online.
    pub form: Option<FormRef>,
}

/// 实施主体: the department that handles an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    /// Department name, e.g. 北京市东城区人力资源和社会保障局.
    pub name: String,
    /// 统一社会信用代码 (18 characters, GB 32100).
    pub credit_code: String,
}

/// 申请材料: one document an applicant must bring or upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Material {
    /// Material name, e.g. 居民身份证.
    pub name: String,
    /// Whether the application cannot go ahead without it.
    pub required: bool,
    /// Number of originals to show.
    pub original_count: u32,
    /// Number of copies to hand in.
    pub copy_count: u32,
    /// Electronic licence type that satisfies this material, when one does.
    pub licence_type: Option<String>,
}

/// 收费: the fee of a paid item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fee {
    /// Amount in fen (0.01 yuan).
    pub amount_fen: u64,
    /// What the fee is for, in plain words.
    pub description: String,
}

/// Answer of `GET /api/v1/catalog/items`: the whole catalog, or with `since` the items changed after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogPage {
    /// Catalog revision the items belong to; it grows with every catalog change.
    pub revision: u64,
    /// The items, ordered by name.
    pub items: Vec<CatalogItem>,
}
