//! Account repository: citizens, staff, officers and kiosk devices.

use huiban_api::{Account, Role};
use rusqlite::{OptionalExtension, Row, params};

use super::{Store, StoreError};

/// An account to create.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Stable id.
    pub account_id: String,
    /// Role.
    pub role: Role,
    /// Mobile number (citizens).
    pub phone: Option<String>,
    /// Login name (staff, officers, kiosks).
    pub username: Option<String>,
    /// Argon2 PHC string of the password.
    pub password_hash: Option<String>,
    /// Real name.
    pub name: Option<String>,
    /// 居民身份证号码.
    pub id_number: Option<String>,
    /// Department or service centre.
    pub department: Option<String>,
}

/// Hides the middle of a mobile number: 13800000001 → 138****0001.
pub fn mask_phone(phone: &str) -> String {
    if phone.len() == 11 && phone.is_ascii() {
        format!("{}****{}", &phone[..3], &phone[7..])
    } else {
        "****".to_owned()
    }
}

fn account_from_row(row: &Row<'_>) -> rusqlite::Result<Account> {
    let role: String = row.get("role")?;
    let phone: Option<String> = row.get("phone")?;
    Ok(Account {
        account_id: row.get("account_id")?,
        role: Role::parse(&role).unwrap_or(Role::Citizen),
        name: row.get("name")?,
        phone_masked: phone.as_deref().map(mask_phone),
        phone,
        department: row.get("department")?,
    })
}

impl Store {
    /// Creates an account; an account with the same id is left as it is.
    pub fn create_account(&self, account: &NewAccount, now_ms: i64) -> Result<(), StoreError> {
        let connection = self.lock()?;
        connection.execute(
            "INSERT INTO account (account_id, role, phone, username, password_hash, name, id_number, department, created_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (account_id) DO NOTHING",
            params![
                account.account_id,
                account.role.as_str(),
                account.phone,
                account.username,
                account.password_hash,
                account.name,
                account.id_number,
                account.department,
                now_ms
            ],
        )?;
        Ok(())
    }

    /// The account with this id.
    pub fn account(&self, account_id: &str) -> Result<Option<Account>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT * FROM account WHERE account_id = ?1",
                params![account_id],
                account_from_row,
            )
            .optional()?)
    }

    /// The phone number of an account, when it has one.
    pub fn phone_of(&self, account_id: &str) -> Result<Option<String>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT phone FROM account WHERE account_id = ?1",
                params![account_id],
                |row| row.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }

    /// The ID number of an account, when it has one.
    pub fn id_number_of(&self, account_id: &str) -> Result<Option<String>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT id_number FROM account WHERE account_id = ?1",
                params![account_id],
                |row| row.get::<_, Option<String>>(0),
            )
            .optional()?
            .flatten())
    }

    /// The citizen account of a phone number.
    pub fn citizen_by_phone(&self, phone: &str) -> Result<Option<Account>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT * FROM account WHERE phone = ?1 AND role = 'citizen'",
                params![phone],
                account_from_row,
            )
            .optional()?)
    }

    /// The account and password hash of a login name.
    pub fn account_by_username(
        &self,
        username: &str,
    ) -> Result<Option<(Account, String)>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT * FROM account WHERE username = ?1 AND password_hash IS NOT NULL",
                params![username],
                |row| {
                    Ok((
                        account_from_row(row)?,
                        row.get::<_, String>("password_hash")?,
                    ))
                },
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_masked() {
        assert_eq!(mask_phone("13800000001"), "138****0001");
        assert_eq!(mask_phone("123"), "****");
    }
}
