//! Demo licences, so that the demo wallet is not empty: 张秀英's ID card, household register and
//! senior citizen card.

use std::collections::BTreeMap;

use crate::licences::{LicenceDraft, LicenceError, issue};
use crate::state::AppState;

/// Issues the demo licences unless 张秀英 already holds some; returns whether it issued them.
pub fn seed(state: &AppState) -> Result<bool, LicenceError> {
    let holder = "c-demo-zhang";
    if state.store.account(holder)?.is_none()
        || !state.store.licences_of(holder, None, 1)?.is_empty()
    {
        return Ok(false);
    }
    for (licence_type, department, valid_years, fields) in [
        (
            "居民身份证",
            "北京市公安局东城分局",
            Some(20),
            BTreeMap::from([(
                "住址".to_owned(),
                "北京市东城区和平里街道示例社区1号".to_owned(),
            )]),
        ),
        (
            "户口簿",
            "北京市公安局东城分局",
            None,
            BTreeMap::from([
                ("户主".to_owned(), "张秀英".to_owned()),
                (
                    "住址".to_owned(),
                    "北京市东城区和平里街道示例社区1号".to_owned(),
                ),
            ]),
        ),
        (
            "老年人优待证",
            "北京市东城区民政局",
            None,
            BTreeMap::from([(
                "优待内容".to_owned(),
                "免费乘坐市内公交，公园免票".to_owned(),
            )]),
        ),
    ] {
        issue(
            state,
            &LicenceDraft {
                account_id: holder.to_owned(),
                licence_type: licence_type.to_owned(),
                department: department.to_owned(),
                valid_years,
                fields,
            },
        )?;
    }
    Ok(true)
}
