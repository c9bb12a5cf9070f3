//! Demo people: citizens who log in by SMS code, and staff, officers and a kiosk with passwords.
//! Their ID numbers pass the GB 11643 check but belong to nobody (region 110101, made-up sequences).

use huiban_api::{Role, id_number};

use crate::auth::{AuthError, hash_password};
use crate::store::{NewAccount, Store};

/// A demo citizen: account id, name, phone, the first 17 digits of the ID number.
const CITIZENS: &[(&str, &str, &str, &str)] = &[
    ("c-demo-zhang", "张秀英", "13800000001", "11010119440315102"),
    ("c-demo-li", "李建国", "13800000002", "11010119500801013"),
    ("c-demo-wang", "王淑芬", "13800000003", "11010119381120024"),
];

/// A demo account with a password: id, role, username, password, name, department.
pub const PASSWORD_ACCOUNTS: &[(&str, Role, &str, &str, &str, &str)] = &[
    (
        "s-demo-zhao",
        Role::Staff,
        "staff01",
        "huiban-staff-01",
        "赵敏",
        "东城区政务服务中心",
    ),
    (
        "o-demo-minzheng",
        Role::Officer,
        "officer01",
        "huiban-officer-01",
        "刘洋",
        "北京市东城区民政局",
    ),
    (
        "o-demo-renshe",
        Role::Officer,
        "officer02",
        "huiban-officer-02",
        "陈静",
        "北京市东城区人力资源和社会保障局",
    ),
    (
        "k-demo-hall-1",
        Role::KioskDevice,
        "kiosk01",
        "huiban-kiosk-01",
        "一层大厅1号自助机",
        "东城区政务服务中心",
    ),
];

/// The newest 6-digit login code the demo SMS sink holds for `phone`.
pub fn last_login_code(store: &Store, phone: &str) -> Option<String> {
    let text = store
        .sent_sms()
        .ok()?
        .into_iter()
        .rev()
        .find(|sms| sms.phone == phone)?
        .text;
    let code: String = text.chars().filter(char::is_ascii_digit).take(6).collect();
    (code.len() == 6).then_some(code)
}

/// Creates the demo accounts unless they exist; returns whether it created them.
pub fn seed(store: &Store, now_ms: i64) -> Result<bool, AuthError> {
    if store.account(CITIZENS[0].0)?.is_some() {
        return Ok(false);
    }
    for (account_id, name, phone, first17) in CITIZENS {
        let check = id_number::check_character(first17).unwrap_or('0');
        store.create_account(
            &NewAccount {
                account_id: (*account_id).to_owned(),
                role: Role::Citizen,
                phone: Some((*phone).to_owned()),
                username: None,
                password_hash: None,
                name: Some((*name).to_owned()),
                id_number: Some(format!("{first17}{check}")),
                department: None,
            },
            now_ms,
        )?;
    }
    for (account_id, role, username, password, name, department) in PASSWORD_ACCOUNTS {
        store.create_account(
            &NewAccount {
                account_id: (*account_id).to_owned(),
                role: *role,
                phone: None,
                username: Some((*username).to_owned()),
                password_hash: Some(hash_password(password)?),
                name: Some((*name).to_owned()),
                id_number: None,
                department: Some((*department).to_owned()),
            },
            now_ms,
        )?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_id_numbers_pass_the_check() {
        for (_, _, _, first17) in CITIZENS {
            let check = id_number::check_character(first17).unwrap();
            assert!(id_number::has_valid_check(&format!("{first17}{check}")));
            assert!(first17.starts_with("110101"));
        }
    }
}
