//! Token repository: families of rotating refresh tokens and the access tokens issued with them.
//! Only SHA-256 hashes of tokens are stored.

use huiban_api::Role;
use rusqlite::{OptionalExtension, params};

use super::token_owner::TokenOwner;
use super::{Store, StoreError};

/// `token_family.kind` of a citizen's login on a kiosk (the others are `app`).
const KIOSK_LOGIN: &str = "kiosk";

/// A freshly issued access and refresh token, as stored: hashes and expiry times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuedPair {
    /// SHA-256 of the access token.
    pub access_hash: String,
    /// Access token expiry, ms since the epoch.
    pub access_expires_ms: i64,
    /// SHA-256 of the refresh token.
    pub refresh_hash: String,
    /// Refresh token expiry, ms since the epoch.
    pub refresh_expires_ms: i64,
}

/// A refresh token row with its family's state and owner.
struct RefreshRow {
    family_id: String,
    expires_ms: i64,
    used_ms: Option<i64>,
    revoked_ms: Option<i64>,
    family_created_ms: i64,
    owner: TokenOwner,
}

fn insert_pair(
    transaction: &rusqlite::Transaction<'_>,
    family_id: &str,
    pair: &IssuedPair,
) -> rusqlite::Result<()> {
    transaction.execute(
        "INSERT INTO access_token (token_hash, family_id, expires_ms) VALUES (?1, ?2, ?3)",
        params![pair.access_hash, family_id, pair.access_expires_ms],
    )?;
    transaction.execute(
        "INSERT INTO refresh_token (token_hash, family_id, expires_ms) VALUES (?1, ?2, ?3)",
        params![pair.refresh_hash, family_id, pair.refresh_expires_ms],
    )?;
    Ok(())
}

/// What spending a refresh token did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// The token was good: the new pair is stored in the same family.
    Rotated(TokenOwner),
    /// The token had been spent before: the whole family is now revoked.
    Reused,
    /// No such token, or it expired, or its family was revoked.
    Invalid,
}

impl Store {
    /// Starts a token family (one login) for `account_id` with its first token pair.
    pub fn start_token_family(
        &self,
        family_id: &str,
        account_id: &str,
        pair: &IssuedPair,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.write(|transaction| {
            transaction.execute(
                "INSERT INTO token_family (family_id, account_id, created_ms) VALUES (?1, ?2, ?3)",
                params![family_id, account_id, now_ms],
            )?;
            insert_pair(transaction, family_id, pair)?;
            Ok(())
        })
    }

    /// Spends refresh token `old_hash` and stores `pair` in its family, or revokes the family on reuse.
    /// A login lives at most `lifetime_ms` from its first token, however often it is renewed: past
    /// that the token is invalid, and no new refresh token outlives it.
    pub fn rotate_refresh_token(
        &self,
        old_hash: &str,
        pair: &IssuedPair,
        now_ms: i64,
        lifetime_ms: i64,
    ) -> Result<Rotation, StoreError> {
        let mut connection = self.lock()?;
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found = transaction
            .query_row(
                "SELECT r.family_id, r.expires_ms, r.used_ms, f.revoked_ms, a.account_id, a.role,
                     f.created_ms, f.kind
                 FROM refresh_token r
                 JOIN token_family f ON f.family_id = r.family_id
                 JOIN account a ON a.account_id = f.account_id
                 WHERE r.token_hash = ?1",
                params![old_hash],
                |row| {
                    let role: String = row.get(5)?;
                    Ok(RefreshRow {
                        family_id: row.get(0)?,
                        expires_ms: row.get(1)?,
                        used_ms: row.get(2)?,
                        revoked_ms: row.get(3)?,
                        family_created_ms: row.get(6)?,
                        owner: TokenOwner {
                            account_id: row.get(4)?,
                            role: Role::parse(&role).unwrap_or(Role::Citizen),
                            family_id: row.get(0)?,
                            at_kiosk: row.get::<_, String>(7)? == KIOSK_LOGIN,
                        },
                    })
                },
            )
            .optional()?;
        let Some(row) = found else {
            return Ok(Rotation::Invalid);
        };
        let ends_ms = row.family_created_ms.saturating_add(lifetime_ms);
        if row.revoked_ms.is_some() || row.expires_ms <= now_ms || ends_ms <= now_ms {
            return Ok(Rotation::Invalid);
        }
        if row.used_ms.is_some() {
            transaction.execute(
                "UPDATE token_family SET revoked_ms = ?2 WHERE family_id = ?1",
                params![row.family_id, now_ms],
            )?;
            transaction.commit()?;
            return Ok(Rotation::Reused);
        }
        transaction.execute(
            "UPDATE refresh_token SET used_ms = ?2 WHERE token_hash = ?1",
            params![old_hash, now_ms],
        )?;
        let capped = IssuedPair {
            refresh_expires_ms: pair.refresh_expires_ms.min(ends_ms),
            access_expires_ms: pair.access_expires_ms.min(ends_ms),
            ..pair.clone()
        };
        insert_pair(&transaction, &row.family_id, &capped)?;
        transaction.commit()?;
        Ok(Rotation::Rotated(row.owner))
    }

    /// The owner of a live access token (not expired, family not revoked).
    pub fn access_token_owner(
        &self,
        token_hash: &str,
        now_ms: i64,
    ) -> Result<Option<TokenOwner>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT a.account_id, a.role, t.family_id, f.kind
                 FROM access_token t
                 JOIN token_family f ON f.family_id = t.family_id
                 JOIN account a ON a.account_id = f.account_id
                 WHERE t.token_hash = ?1 AND t.expires_ms > ?2 AND f.revoked_ms IS NULL",
                params![token_hash, now_ms],
                |row| {
                    let role: String = row.get(1)?;
                    Ok(TokenOwner {
                        account_id: row.get(0)?,
                        role: Role::parse(&role).unwrap_or(Role::Citizen),
                        family_id: row.get(2)?,
                        at_kiosk: row.get::<_, String>(3)? == KIOSK_LOGIN,
                    })
                },
            )
            .optional()?)
    }

    /// Revokes a token family (logout).
    pub fn revoke_token_family(&self, family_id: &str, now_ms: i64) -> Result<(), StoreError> {
        self.write(|transaction| {
            Ok(transaction.execute(
            "UPDATE token_family SET revoked_ms = ?2 WHERE family_id = ?1 AND revoked_ms IS NULL",
            params![family_id, now_ms],
        )?)
        })?;
        Ok(())
    }
}

/// One live login of an account, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginRow {
    /// The token family.
    pub family_id: String,
    /// `app` or `kiosk`.
    pub kind: String,
    /// The kiosk and its place, for a kiosk's login.
    pub device: Option<String>,
    /// When it began, ms.
    pub created_ms: i64,
}

impl Store {
    /// Starts a kiosk's login for `account_id`: one short access token and no refresh token.
    pub fn start_kiosk_login(
        &self,
        family_id: &str,
        account_id: &str,
        access_hash: &str,
        access_expires_ms: i64,
        (device, kiosk_account_id, submission_key): (&str, &str, &str),
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.write(|transaction| {
            transaction.execute(
                "INSERT INTO token_family
                     (family_id, account_id, created_ms, kind, device, kiosk_account_id, submission_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    family_id,
                    account_id,
                    now_ms,
                    KIOSK_LOGIN,
                    device,
                    kiosk_account_id,
                    submission_key
                ],
            )?;
            transaction.execute(
                "INSERT INTO access_token (token_hash, family_id, expires_ms) VALUES (?1, ?2, ?3)",
                params![access_hash, family_id, access_expires_ms],
            )?;
            Ok(())
        })
    }

    /// The kiosk login `family_id`'s person, kiosk, submission key and start, if it is one.
    pub fn kiosk_login_key(&self, family_id: &str) -> Result<Option<KioskLoginKey>, StoreError> {
        Ok(self
            .lock()?
            .query_row(
                "SELECT account_id, kiosk_account_id, submission_key, created_ms FROM token_family
                 WHERE family_id = ?1 AND kind = ?2 AND submission_key IS NOT NULL",
                params![family_id, KIOSK_LOGIN],
                |row| {
                    Ok(KioskLoginKey {
                        account_id: row.get(0)?,
                        kiosk_account_id: row.get(1)?,
                        submission_key: row.get(2)?,
                        created_ms: row.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// The account's logins not ended and with a token still alive at `now_ms`, newest first.
    pub fn logins_of(&self, account_id: &str, now_ms: i64) -> Result<Vec<LoginRow>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(
            "SELECT f.family_id, f.kind, f.device, f.created_ms FROM token_family f
             WHERE f.account_id = ?1 AND f.revoked_ms IS NULL
               AND (EXISTS (SELECT 1 FROM access_token a WHERE a.family_id = f.family_id AND a.expires_ms > ?2)
                 OR EXISTS (SELECT 1 FROM refresh_token r
                            WHERE r.family_id = f.family_id AND r.expires_ms > ?2 AND r.used_ms IS NULL))
             ORDER BY f.created_ms DESC, f.family_id",
        )?;
        let rows = statement.query_map(params![account_id, now_ms], |row| {
            Ok(LoginRow {
                family_id: row.get(0)?,
                kind: row.get(1)?,
                device: row.get(2)?,
                created_ms: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Ends one of the account's logins; false when it has no such live login.
    pub fn end_login(
        &self,
        account_id: &str,
        family_id: &str,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let changed = self.write(|transaction| {
            Ok(transaction.execute(
                "UPDATE token_family SET revoked_ms = ?3
             WHERE family_id = ?2 AND account_id = ?1 AND revoked_ms IS NULL",
                params![account_id, family_id, now_ms],
            )?)
        })?;
        Ok(changed == 1)
    }
}

/// A kiosk login's submission key, as the platform checks a grant made of it.
pub struct KioskLoginKey {
    /// The person logged in.
    pub account_id: String,
    /// The kiosk she logged in on.
    pub kiosk_account_id: Option<String>,
    /// The key (64 hex digits).
    pub submission_key: String,
    /// When the login began.
    pub created_ms: i64,
}
