//! Code lists of GB/T 39046: item type (事项类型), case type (办件类型) and channel (办理形式).

use serde::{Deserialize, Serialize};

/// 事项类型: the legal kind of a service item, serialised as its two-digit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ItemType {
    /// 01 行政许可
    #[serde(rename = "01")]
    Licensing,
    /// 02 行政处罚
    #[serde(rename = "02")]
    Penalty,
    /// 03 行政强制
    #[serde(rename = "03")]
    Enforcement,
    /// 04 行政征收
    #[serde(rename = "04")]
    Levy,
    /// 05 行政给付
    #[serde(rename = "05")]
    Benefit,
    /// 06 行政检查
    #[serde(rename = "06")]
    Inspection,
    /// 07 行政确认
    #[serde(rename = "07")]
    Confirmation,
    /// 08 行政奖励
    #[serde(rename = "08")]
    Reward,
    /// 09 行政裁决
    #[serde(rename = "09")]
    Adjudication,
    /// 10 其他行政权力
    #[serde(rename = "10")]
    OtherPower,
    /// 20 公共服务
    #[serde(rename = "20")]
    PublicService,
}

impl ItemType {
    /// The official Chinese name of this item type.
    pub fn official_name(self) -> &'static str {
        match self {
            Self::Licensing => "行政许可",
            Self::Penalty => "行政处罚",
            Self::Enforcement => "行政强制",
            Self::Levy => "行政征收",
            Self::Benefit => "行政给付",
            Self::Inspection => "行政检查",
            Self::Confirmation => "行政确认",
            Self::Reward => "行政奖励",
            Self::Adjudication => "行政裁决",
            Self::OtherPower => "其他行政权力",
            Self::PublicService => "公共服务",
        }
    }
}

/// 办件类型: whether an item is done on the spot or within promised working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum CaseType {
    /// 1 即办件: done on the spot.
    #[serde(rename = "1")]
    OnTheSpot,
    /// 2 承诺件: done within `promised_days` working days.
    #[serde(rename = "2")]
    Promised,
}

/// 办理形式 / 受理渠道: a channel through which an item can be handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum HandlingChannel {
    /// 1 窗口办理
    #[serde(rename = "1")]
    Counter,
    /// 2 网上办理 (PC)
    #[serde(rename = "2")]
    Web,
    /// 3 移动端
    #[serde(rename = "3")]
    Mobile,
    /// 4 自助终端
    #[serde(rename = "4")]
    Kiosk,
    /// 5 邮寄
    #[serde(rename = "5")]
    Post,
    /// 9 其他
    #[serde(rename = "9")]
    Other,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_as_the_standard_strings() {
        assert_eq!(serde_json::to_string(&ItemType::Benefit).unwrap(), "\"05\"");
        assert_eq!(
            serde_json::to_string(&ItemType::PublicService).unwrap(),
            "\"20\""
        );
        assert_eq!(serde_json::to_string(&CaseType::Promised).unwrap(), "\"2\"");
        assert_eq!(
            serde_json::to_string(&HandlingChannel::Other).unwrap(),
            "\"9\""
        );
        let back: ItemType = serde_json::from_str("\"07\"").unwrap();
        assert_eq!(back, ItemType::Confirmation);
        assert_eq!(back.official_name(), "行政确认");
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert!(serde_json::from_str::<ItemType>("\"11\"").is_err());
        assert!(serde_json::from_str::<CaseType>("\"3\"").is_err());
    }
}
