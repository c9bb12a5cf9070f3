//! Login and tokens: SMS codes for citizens, passwords for staff, officers and kiosks, rotating
//! refresh tokens whose reuse revokes the whole login.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::Duration;
use huiban_api::{
    DeviceAuthorization, DeviceRequest, Role, SmsCodeSent, TokenRequest, TokenResponse,
};
use rand::{Rng, RngCore};
use sha2::{Digest, Sha256};

use crate::state::AppState;
use crate::store::{
    DeviceGrant, IssuedPair, NewAccount, Poll, Rotation, SmsCodeTaken, StoreError, TokenOwner,
};

/// How long an access token lives.
pub const ACCESS_TTL: Duration = Duration::minutes(30);
/// How long a refresh token lives unused.
pub const REFRESH_TTL: Duration = Duration::days(30);
/// The longest a login lives from its first token, however often it is renewed; then the person
/// logs in again.
pub const LOGIN_LIFETIME: Duration = Duration::days(90);
/// How long an SMS login code stays valid (elder-ux: at least 5 minutes).
pub const CODE_TTL: Duration = Duration::minutes(10);
/// How long before another code may be sent to the same phone.
pub const RESEND_AFTER: Duration = Duration::seconds(60);
/// Most codes one phone may receive in 24 hours.
pub const CODES_PER_DAY: u64 = 10;
/// Wrong guesses a code survives.
pub const CODE_ATTEMPTS: i64 = 5;
/// Window and count of failed password logins before the login is locked for the window.
pub const LOGIN_WINDOW: Duration = Duration::minutes(15);
/// Failed password logins allowed within [`LOGIN_WINDOW`].
pub const LOGIN_FAILURES: u64 = 5;
/// How long a kiosk's login lives: long enough for one errand, never renewed.
pub const KIOSK_LOGIN_TTL: Duration = Duration::minutes(15);
/// How long a kiosk's device code lives.
pub const DEVICE_CODE_TTL: Duration = Duration::minutes(10);
/// Seconds a kiosk waits between polls at first.
pub const DEVICE_POLL_INTERVAL: u64 = 5;
/// Where a citizen approves a kiosk login from her phone, under the platform's public address.
pub const DEVICE_PAGE: &str = "/device";
/// Letters of user codes: no vowels (no words), no look-alikes (RFC 8628 §6.1).
const USER_CODE_ALPHABET: &[u8] = b"BCDFGHJKLMNPQRSTVWXZ";

/// Why a login or token request was refused.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Not an 11-digit mainland mobile number.
    #[error("not a mobile number")]
    BadPhone,
    /// A code was sent less than [`RESEND_AFTER`] ago.
    #[error("too soon for another code")]
    TooSoon {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// [`CODES_PER_DAY`] reached.
    #[error("too many codes today")]
    TooManyToday,
    /// The code is wrong.
    #[error("wrong code")]
    WrongCode,
    /// The code expired, was used, or had too many wrong guesses.
    #[error("code no longer valid")]
    CodeGone,
    /// Too many failed logins.
    #[error("login locked")]
    Locked {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// Username or password is wrong.
    #[error("wrong username or password")]
    WrongPassword,
    /// A spent refresh token came back: the login is revoked.
    #[error("refresh token reused")]
    RefreshReused,
    /// Unknown, expired or revoked refresh token.
    #[error("invalid refresh token")]
    InvalidRefresh,
    /// The citizen has not answered the kiosk yet.
    #[error("authorization pending")]
    AuthorizationPending,
    /// The kiosk polls too fast.
    #[error("slow down")]
    SlowDown,
    /// The citizen refused the kiosk.
    #[error("access denied")]
    AccessDenied,
    /// The device code expired.
    #[error("expired token")]
    ExpiredToken,
    /// Unknown or spent device code.
    #[error("invalid device code")]
    InvalidDeviceCode,
    /// No live kiosk request has this user code.
    #[error("user code not found")]
    UserCodeNotFound,
    /// No valid access token.
    #[error("unauthorized")]
    Unauthorized,
    /// Too many password checks are running; try again in a moment.
    #[error("busy")]
    Busy,
    /// Hashing failed.
    #[error("password hashing failed")]
    Hashing,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// 64 hex characters of fresh randomness.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a token: its SHA-256, hex.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// An Argon2id PHC string for `password`.
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|_| AuthError::Hashing)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|_| AuthError::Hashing)
}

/// The hash of a random password nobody knows, checked for unknown usernames so that they take as
/// long as known ones.
static UNKNOWN_USER_PHC: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password(&random_token()).unwrap_or_default());

/// Whether `password` matches `phc`, taking one of `permits` (`Busy` when none is free).
fn verify_password(
    permits: &tokio::sync::Semaphore,
    password: &str,
    phc: &str,
) -> Result<bool, AuthError> {
    let _permit = permits.try_acquire().map_err(|_| AuthError::Busy)?;
    Ok(PasswordHash::new(phc).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    }))
}

/// Whether `phone` is an 11-digit mainland mobile number.
pub fn is_mobile(phone: &str) -> bool {
    phone.len() == 11
        && phone.bytes().all(|b| b.is_ascii_digit())
        && phone.starts_with('1')
        && matches!(phone.as_bytes()[1], b'3'..=b'9')
}

fn code_hash(phone: &str, code: &str) -> String {
    hash_token(&format!("{phone}:{code}"))
}

fn seconds(duration: Duration) -> u64 {
    u64::try_from(duration.num_seconds()).unwrap_or(0)
}

/// Sends a 6-digit login code to `phone` through the SMS gateway.
pub fn send_login_code(state: &AppState, phone: &str) -> Result<SmsCodeSent, AuthError> {
    if !is_mobile(phone) {
        return Err(AuthError::BadPhone);
    }
    let now = state.clock.now();
    let now_ms = now.timestamp_millis();
    let code = format!("{:06}", rand::rng().random_range(0..1_000_000));
    let expires_ms = now_ms + CODE_TTL.num_milliseconds();
    // The limits are checked and the code counted in one step: racing requests cannot send more.
    match state.store.take_sms_code(
        phone,
        &code_hash(phone, &code),
        (now_ms, expires_ms),
        (RESEND_AFTER.num_milliseconds(), CODES_PER_DAY),
    )? {
        SmsCodeTaken::Stored => {}
        SmsCodeTaken::TooSoon { wait_ms } => {
            return Err(AuthError::TooSoon {
                retry_after: u64::try_from(wait_ms / 1000 + 1).unwrap_or(1),
            });
        }
        SmsCodeTaken::TooManyToday => return Err(AuthError::TooManyToday),
    }
    state.sms.send(
        phone,
        &format!(
            "【惠办】您的登录验证码是{code}，{}分钟内有效。请勿告诉他人。",
            CODE_TTL.num_minutes()
        ),
    )?;
    Ok(SmsCodeSent {
        expires_in: seconds(CODE_TTL),
        resend_after: seconds(RESEND_AFTER),
    })
}

/// Answers a token request.
pub fn grant(state: &AppState, request: &TokenRequest) -> Result<TokenResponse, AuthError> {
    match request {
        TokenRequest::SmsCode { phone, code } => login_with_code(state, phone, code),
        TokenRequest::Password { username, password } => {
            login_with_password(state, username, password)
        }
        TokenRequest::RefreshToken { refresh_token } => refresh(state, refresh_token),
        TokenRequest::DeviceCode { device_code } => poll_device(state, device_code),
    }
}

fn login_with_code(state: &AppState, phone: &str, code: &str) -> Result<TokenResponse, AuthError> {
    let account_id = citizen_of_code(state, phone, code)?;
    issue(state, &account_id, Role::Citizen)
}

/// The citizen whose phone `phone` was texted `code` (the code spent, each try counted; a phone's
/// first login makes its account, her real name checked later).
fn citizen_of_code(state: &AppState, phone: &str, code: &str) -> Result<String, AuthError> {
    if !is_mobile(phone) {
        return Err(AuthError::BadPhone);
    }
    let now_ms = state.clock.now().timestamp_millis();
    let stored = state
        .store
        .latest_sms_code(phone)?
        .ok_or(AuthError::CodeGone)?;
    // A try is taken (and counted) before the code is compared: never more than CODE_ATTEMPTS.
    if !state
        .store
        .take_sms_code_try(stored.id, CODE_ATTEMPTS, now_ms)?
    {
        return Err(AuthError::CodeGone);
    }
    if stored.code_hash != code_hash(phone, code.trim()) {
        return Err(AuthError::WrongCode);
    }
    if !state.store.use_sms_code(stored.id)? {
        return Err(AuthError::CodeGone);
    }
    Ok(match state.store.citizen_by_phone(phone)? {
        Some(account) => account.account_id,
        None => {
            // First login of this phone: a citizen account whose real name is checked later.
            let account_id = format!("c-{}", &random_token()[..16]);
            state
                .store
                .create_account(&NewAccount::citizen(&account_id, phone), now_ms)?;
            account_id
        }
    })
}

/// At the kiosk `kiosk` itself: the citizen of `phone`, proved by the `code` texted to it, approves
/// the request that kiosk shows under `user_code` (no other kiosk's). The kiosk's next poll then
/// gets her kiosk login, as if she had approved it from her phone.
pub fn approve_at_kiosk(
    state: &AppState,
    kiosk: &str,
    user_code: &str,
    phone: &str,
    code: &str,
) -> Result<(), AuthError> {
    let user_code = normalise_user_code(user_code);
    // Another kiosk's code (or none) is refused before her texted code is spent on it.
    if !state.store.device_grant_shown_by(
        &user_code,
        kiosk,
        state.clock.now().timestamp_millis(),
    )? {
        return Err(AuthError::UserCodeNotFound);
    }
    let account_id = citizen_of_code(state, phone, code)?;
    let now_ms = state.clock.now().timestamp_millis();
    if state
        .store
        .approve_own_device_grant(&user_code, kiosk, &account_id, now_ms)?
    {
        Ok(())
    } else {
        Err(AuthError::UserCodeNotFound)
    }
}

fn login_with_password(
    state: &AppState,
    username: &str,
    password: &str,
) -> Result<TokenResponse, AuthError> {
    let account = check_password(state, username, password)?;
    issue(state, &account.account_id, account.role)
}

/// The account of `username` when `password` is its password: every try counts towards the lock
/// (5 wrong in 15 minutes), and an unknown username costs the same work as a known one. The
/// operator commands authenticate officers with it too.
pub fn check_password(
    state: &AppState,
    username: &str,
    password: &str,
) -> Result<huiban_api::Account, AuthError> {
    let now_ms = state.clock.now().timestamp_millis();
    let key = format!("user:{username}");
    let window_start = now_ms - LOGIN_WINDOW.num_milliseconds();
    // The try is counted before the (slow) check, in one step with the limit: concurrent wrong
    // passwords cannot get past it.
    if let Err(newest) = state
        .store
        .take_login_try(&key, window_start, LOGIN_FAILURES, now_ms)?
    {
        let until = newest.unwrap_or(now_ms) + LOGIN_WINDOW.num_milliseconds();
        return Err(AuthError::Locked {
            retry_after: u64::try_from((until - now_ms) / 1000 + 1).unwrap_or(1),
        });
    }
    let found = state.store.account_by_username(username)?;
    // An unknown username costs the same Argon2 work as a known one: no timing tells them apart.
    let phc = found
        .as_ref()
        .map_or(UNKNOWN_USER_PHC.as_str(), |(_, phc)| phc.as_str());
    let right = verify_password(&state.password_checks, password, phc)?;
    match found {
        Some((account, _)) if right => {
            state.store.clear_login_failures(&key)?;
            Ok(account)
        }
        _ => Err(AuthError::WrongPassword),
    }
}

/// A new random token pair and its stored form, valid from `now`.
fn new_pair(now: chrono::DateTime<chrono::Utc>) -> (String, String, IssuedPair) {
    let access = random_token();
    let refresh = random_token();
    let pair = IssuedPair {
        access_hash: hash_token(&access),
        access_expires_ms: (now + ACCESS_TTL).timestamp_millis(),
        refresh_hash: hash_token(&refresh),
        refresh_expires_ms: (now + REFRESH_TTL).timestamp_millis(),
    };
    (access, refresh, pair)
}

fn refresh(state: &AppState, refresh_token: &str) -> Result<TokenResponse, AuthError> {
    let now = state.clock.now();
    let (access, refresh, pair) = new_pair(now);
    match state.store.rotate_refresh_token(
        &hash_token(refresh_token),
        &pair,
        now.timestamp_millis(),
        LOGIN_LIFETIME.num_milliseconds(),
    )? {
        Rotation::Rotated(owner) => Ok(response(access, refresh, owner.role, owner.account_id)),
        Rotation::Reused => Err(AuthError::RefreshReused),
        Rotation::Invalid => Err(AuthError::InvalidRefresh),
    }
}

/// Starts a new login (token family) for an account, once it proved who it is.
pub fn issue(state: &AppState, account_id: &str, role: Role) -> Result<TokenResponse, AuthError> {
    let now = state.clock.now();
    let (access, refresh, pair) = new_pair(now);
    state
        .store
        .start_token_family(&random_token(), account_id, &pair, now.timestamp_millis())?;
    Ok(response(access, refresh, role, account_id.to_owned()))
}

fn response(
    access_token: String,
    refresh_token: String,
    role: Role,
    account_id: String,
) -> TokenResponse {
    TokenResponse {
        access_token,
        token_type: "Bearer".to_owned(),
        expires_in: seconds(ACCESS_TTL),
        refresh_token: Some(refresh_token),
        role,
        account_id,
        approved_by: None,
        submission_key: None,
    }
}

/// A kiosk asks to log a citizen in: the codes to show and to poll with.
pub fn start_device(
    state: &AppState,
    kiosk_account_id: &str,
) -> Result<DeviceAuthorization, AuthError> {
    let now = state.clock.now();
    let device_code = random_token();
    let mut rng = rand::rng();
    let user_code: String = (0..8)
        .map(|_| char::from(USER_CODE_ALPHABET[rng.random_range(0..USER_CODE_ALPHABET.len())]))
        .collect();
    state.store.insert_device_grant(
        &DeviceGrant {
            device_code_hash: hash_token(&device_code),
            user_code: user_code.clone(),
            kiosk_account_id: kiosk_account_id.to_owned(),
            expires_ms: (now + DEVICE_CODE_TTL).timestamp_millis(),
            interval_s: i64::try_from(DEVICE_POLL_INTERVAL).unwrap_or(5),
        },
        now.timestamp_millis(),
    )?;
    let page = format!("{}{DEVICE_PAGE}", state.public_url);
    Ok(DeviceAuthorization {
        device_code,
        user_code: format!("{}-{}", &user_code[..4], &user_code[4..]),
        verification_uri_complete: format!("{page}?user_code={user_code}"),
        verification_uri: page,
        expires_in: seconds(DEVICE_CODE_TTL),
        interval: DEVICE_POLL_INTERVAL,
    })
}

/// The user code as stored: letters only, upper case.
pub fn normalise_user_code(code: &str) -> String {
    code.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A logged-in citizen approves (or refuses) the kiosk showing `user_code`.
pub fn answer_device(
    state: &AppState,
    account_id: &str,
    user_code: &str,
    approve: bool,
) -> Result<(), AuthError> {
    let now_ms = state.clock.now().timestamp_millis();
    if state.store.answer_device_grant(
        &normalise_user_code(user_code),
        account_id,
        approve,
        now_ms,
    )? {
        Ok(())
    } else {
        Err(AuthError::UserCodeNotFound)
    }
}

fn poll_device(state: &AppState, device_code: &str) -> Result<TokenResponse, AuthError> {
    let now_ms = state.clock.now().timestamp_millis();
    match state
        .store
        .poll_device_grant(&hash_token(device_code), now_ms)?
    {
        Poll::Approved {
            account_id,
            kiosk_account_id,
        } => kiosk_login(state, &account_id, &kiosk_account_id),
        Poll::Pending => Err(AuthError::AuthorizationPending),
        Poll::SlowDown => Err(AuthError::SlowDown),
        Poll::Denied => Err(AuthError::AccessDenied),
        Poll::Expired => Err(AuthError::ExpiredToken),
        Poll::Invalid => Err(AuthError::InvalidDeviceCode),
    }
}

/// A kiosk's login for the citizen who approved it: one access token of [`KIOSK_LOGIN_TTL`], no
/// refresh token, listed among her logins under the kiosk's name and place, and her masked name for
/// the kiosk to have confirmed.
fn kiosk_login(
    state: &AppState,
    account_id: &str,
    kiosk_account_id: &str,
) -> Result<TokenResponse, AuthError> {
    let now = state.clock.now();
    let kiosk = state.store.account(kiosk_account_id)?;
    let device = kiosk.map_or_else(String::new, |kiosk| {
        let name = kiosk.name.unwrap_or_default();
        match kiosk.department {
            Some(place) => format!("{name}（{place}）"),
            None => name,
        }
    });
    let access_token = random_token();
    let login_id = random_token();
    let submission_key = random_token();
    state.store.start_kiosk_login(
        &login_id,
        account_id,
        &hash_token(&access_token),
        (now + KIOSK_LOGIN_TTL).timestamp_millis(),
        (&device, kiosk_account_id, &submission_key),
        now.timestamp_millis(),
    )?;
    let name = state
        .store
        .real_name_of(account_id)?
        .map(|real| real.name)
        .or(state.store.account(account_id)?.and_then(|a| a.name));
    Ok(TokenResponse {
        access_token,
        token_type: "Bearer".to_owned(),
        expires_in: seconds(KIOSK_LOGIN_TTL),
        refresh_token: None,
        role: Role::Citizen,
        account_id: account_id.to_owned(),
        approved_by: Some(name.as_deref().map_or_else(|| "****".to_owned(), mask_name)),
        submission_key: Some(huiban_api::SubmissionKey {
            login_id,
            key: submission_key,
        }),
    })
}

/// A name with its middle hidden: 张秀英 → 张*英, 李四 → 李*, 欧阳娜娜 → 欧**娜.
pub fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    match chars.len() {
        0 => "*".to_owned(),
        1 | 2 => format!("{}*", chars[0]),
        n => format!("{}{}{}", chars[0], "*".repeat(n - 2), chars[n - 1]),
    }
}

/// The kiosk and place asking under `user_code`, for the citizen to check before she answers.
pub fn device_asking(state: &AppState, user_code: &str) -> Result<DeviceRequest, AuthError> {
    let now_ms = state.clock.now().timestamp_millis();
    let (kiosk_name, place, expires_ms) = state
        .store
        .device_grant_asking(&normalise_user_code(user_code), now_ms)?
        .ok_or(AuthError::UserCodeNotFound)?;
    Ok(DeviceRequest {
        kiosk_name,
        place,
        expires_in: u64::try_from((expires_ms - now_ms) / 1000).unwrap_or(0),
    })
}

/// The owner of a bearer token, if it is live.
pub fn authenticate(state: &AppState, bearer: &str) -> Result<TokenOwner, AuthError> {
    let now_ms = state.clock.now().timestamp_millis();
    state
        .store
        .access_token_owner(&hash_token(bearer), now_ms)?
        .ok_or(AuthError::Unauthorized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers_are_recognised() {
        assert!(is_mobile("13800000001"));
        assert!(is_mobile("19912345678"));
        assert!(!is_mobile("12800000001"));
        assert!(!is_mobile("1380000000"));
        assert!(!is_mobile("1380000000a"));
    }

    #[test]
    fn passwords_verify_only_against_their_hash() {
        let phc = hash_password("correct horse").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        let permits = tokio::sync::Semaphore::new(1);
        assert!(verify_password(&permits, "correct horse", &phc).unwrap());
        assert!(!verify_password(&permits, "wrong horse", &phc).unwrap());
        assert!(!verify_password(&permits, "correct horse", "not a hash").unwrap());
        let _taken = permits.try_acquire().unwrap();
        assert!(matches!(
            verify_password(&permits, "correct horse", &phc),
            Err(AuthError::Busy)
        ));
        assert!(
            PasswordHash::new(&UNKNOWN_USER_PHC).is_ok(),
            "unknown users cost a real check"
        );
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        assert_ne!(random_token(), random_token());
        assert_eq!(random_token().len(), 64);
        assert_eq!(hash_token("a"), hash_token("a"));
        assert_ne!(hash_token("a"), hash_token("b"));
    }
}
