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

impl NewAccount {
    /// A citizen known only by the phone she logs in with; her real name is checked later.
    pub fn citizen(account_id: &str, phone: &str) -> Self {
        Self {
            account_id: account_id.to_owned(),
            role: Role::Citizen,
            phone: Some(phone.to_owned()),
            username: None,
            password_hash: None,
            name: None,
            id_number: None,
            department: None,
        }
    }
}

/// A citizen's checked identity (实名认证): the name and ID number licences are issued to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealName {
    /// Name as on the identity card.
    pub name: String,
    /// 居民身份证号码.
    pub id_number: String,
}

/// Why a real name could not be recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RealNameRefusal {
    /// No citizen has this account id.
    NoSuchCitizen,
    /// Another account already has this ID number.
    IdNumberTaken,
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
        district_code: row.get("district_code")?,
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

    /// The service centre (department) of an account, when it has one.
    pub fn centre_of(&self, account_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .account(account_id)?
            .and_then(|account| account.department))
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

    /// The account's checked identity; `None` until its real name was checked.
    pub fn real_name_of(&self, account_id: &str) -> Result<Option<RealName>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT name, id_number FROM account
                 WHERE account_id = ?1 AND real_name_ms IS NOT NULL
                   AND name IS NOT NULL AND id_number IS NOT NULL",
                params![account_id],
                |row| {
                    Ok(RealName {
                        name: row.get(0)?,
                        id_number: row.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records a citizen's checked identity, replacing any earlier one; `by` says who or what
    /// checked it (an operator at a counter, the province's identity service).
    pub fn record_real_name(
        &self,
        account_id: &str,
        real_name: &RealName,
        by: &str,
        now_ms: i64,
    ) -> Result<Result<(), RealNameRefusal>, StoreError> {
        self.write(|transaction| {
            let taken: Option<String> = transaction
                .query_row(
                    "SELECT account_id FROM account WHERE id_number = ?1 AND account_id <> ?2",
                    params![real_name.id_number, account_id],
                    |row| row.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Ok(Err(RealNameRefusal::IdNumberTaken));
            }
            let changed = transaction.execute(
                "UPDATE account SET name = ?2, id_number = ?3, real_name_ms = ?4, real_name_by = ?5
             WHERE account_id = ?1 AND role = 'citizen'",
                params![account_id, real_name.name, real_name.id_number, now_ms, by],
            )?;
            Ok(if changed == 1 {
                Ok(())
            } else {
                Err(RealNameRefusal::NoSuchCitizen)
            })
        })
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

    fn citizen(store: &Store, account_id: &str, phone: &str) {
        store
            .create_account(&NewAccount::citizen(account_id, phone), 1)
            .unwrap();
    }

    #[test]
    fn an_identity_counts_only_once_checked_and_belongs_to_one_account() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        citizen(&store, "c-a", "13800000011");
        citizen(&store, "c-b", "13800000012");
        assert_eq!(store.real_name_of("c-a").unwrap(), None);
        let real = RealName {
            name: "周桂兰".to_owned(),
            id_number: "11010119440315102X".to_owned(),
        };
        assert_eq!(
            store.record_real_name("c-a", &real, "counter", 2).unwrap(),
            Ok(())
        );
        assert_eq!(store.real_name_of("c-a").unwrap(), Some(real.clone()));
        assert_eq!(
            store.record_real_name("c-b", &real, "counter", 3).unwrap(),
            Err(RealNameRefusal::IdNumberTaken)
        );
        assert_eq!(
            store
                .record_real_name(
                    "c-none",
                    &RealName {
                        id_number: "110101195008010130".to_owned(),
                        ..real.clone()
                    },
                    "counter",
                    3
                )
                .unwrap(),
            Err(RealNameRefusal::NoSuchCitizen)
        );
        assert_eq!(store.real_name_of("c-b").unwrap(), None);
    }

    #[test]
    fn phones_are_masked() {
        assert_eq!(mask_phone("13800000001"), "138****0001");
        assert_eq!(mask_phone("123"), "****");
    }
}
