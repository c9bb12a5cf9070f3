//! The demo city's service centres (政务服务中心), one a district, with made-up numbers and
//! addresses: the centre residents of a district call when they need help (求助).

use huiban_api::ServiceCentre;

/// District code, district name, phone, address: numbers and streets are made up.
const CENTRES: &[(&str, &str, &str, &str)] = &[
    ("110101", "东城区", "010-64001101", "东城区示例大街1号"),
    ("110102", "西城区", "010-64001102", "西城区示例大街2号"),
    ("110105", "朝阳区", "010-64001105", "朝阳区示例大街5号"),
    ("110108", "海淀区", "010-64001108", "海淀区示例大街8号"),
];

/// When the demo centres answer the phone.
const HOURS: &str = "周一到周五，上午9点到下午5点";

/// The demo service centres, by district code; 东城区's is the demo staff's and kiosk's centre.
pub fn service_centres() -> Vec<ServiceCentre> {
    CENTRES
        .iter()
        .map(|(code, district, phone, address)| ServiceCentre {
            name: format!("{district}政务服务中心"),
            district_code: (*code).to_owned(),
            district_name: (*district).to_owned(),
            phone: (*phone).to_owned(),
            hours: HOURS.to_owned(),
            address: (*address).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::{CITIZENS, PASSWORD_ACCOUNTS};

    #[test]
    fn the_demo_people_s_district_and_the_staff_s_centre_have_a_centre() {
        let centres = service_centres();
        for (_, _, _, first17) in CITIZENS {
            assert!(
                centres
                    .iter()
                    .any(|c| first17.starts_with(&c.district_code))
            );
        }
        let (_, _, _, _, _, staff_centre) = PASSWORD_ACCOUNTS[0];
        assert!(centres.iter().any(|c| c.name == staff_centre));
        assert!(
            centres
                .iter()
                .all(|c| huiban_api::service_centres::is_district_code(&c.district_code))
        );
    }
}
