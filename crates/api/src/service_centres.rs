//! The service centres residents can call (求助): each district's 政务服务中心, its number and
//! opening hours. Public: anyone may ask, logged in or not.

use serde::{Deserialize, Serialize};

/// A district's service centre, as residents call or visit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceCentre {
    /// The centre's name, as its staff and kiosks are named: 东城区政务服务中心.
    pub name: String,
    /// The district it serves: its six-digit 行政区划代码 (GB/T 2260), e.g. 110101.
    pub district_code: String,
    /// The district's name: 东城区.
    pub district_name: String,
    /// The number residents call, as dialled: 010-64001101.
    pub phone: String,
    /// When someone answers, in plain words: 周一到周五，上午9点到下午5点.
    pub hours: String,
    /// Where it is.
    pub address: String,
}

/// Answer of `GET /api/v1/service-centres`: every district's centre, by district code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceCentres {
    /// The centres.
    pub centres: Vec<ServiceCentre>,
}

/// Whether `code` is a six-digit district code (行政区划代码).
pub fn is_district_code(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_codes_are_six_digits() {
        assert!(is_district_code("110101"));
        assert!(!is_district_code("11010"));
        assert!(!is_district_code("11010a"));
        assert!(!is_district_code("1101011"));
    }
}
