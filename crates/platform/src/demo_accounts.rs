//! The demo people of `huiban-demo` as accounts of this platform: citizens who log in by SMS code
//! (each holding the demo photo), and staff, officers and a kiosk with passwords.

use huiban_api::{Role, id_number};
use huiban_demo::people::{CITIZENS, DEMO_PHOTO, PASSWORD_ACCOUNTS, demo_photo_name};

use crate::auth::{AuthError, hash_password};
use crate::store::{NewAccount, RealName, Store};

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
        let id_number = format!("{first17}{check}");
        store.create_account(
            &NewAccount {
                account_id: (*account_id).to_owned(),
                role: Role::Citizen,
                phone: Some((*phone).to_owned()),
                username: None,
                password_hash: None,
                name: Some((*name).to_owned()),
                id_number: Some(id_number.clone()),
                department: None,
            },
            now_ms,
        )?;
        // They live in the district their ID numbers were issued in.
        if let Some(district) = first17.get(..6) {
            store.set_district(account_id, district)?;
        }
        // The demo people's identity counts as checked, as if at a counter.
        let real_name = RealName {
            name: (*name).to_owned(),
            id_number,
        };
        if let Err(refusal) = store.record_real_name(account_id, &real_name, "demo", now_ms)? {
            tracing::warn!(?refusal, account_id, "demo real name not recorded");
        }
        store.put_attachment(
            &demo_photo_name(),
            "image/png",
            DEMO_PHOTO,
            account_id,
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
