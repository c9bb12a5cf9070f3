//! Who is calling: the owner of the request's bearer token, and role checks.

use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use huiban_api::Role;
use huiban_api::assisted::{ASSISTED_DELIVERY_HEADER, ASSISTED_SESSION_HEADER};
use huiban_api::kiosk::KIOSK_GRANT_HEADER;
use huiban_api::relatives::RELATIVE_GRANT_HEADER;

use super::ApiError;
use crate::acting::Acting;
use crate::assisted;
use crate::auth;
use crate::filed_by::FiledBy;
use crate::kiosk_grants;
use crate::relatives;
use crate::state::AppState;
use crate::store::TokenOwner;

/// The authenticated caller of a request; requests without a live bearer token get 401.
/// For staff sending an `assisted-session` header, also the resident they act for; for a citizen
/// sending a `relative-grant` header, the person who granted him to act for her (亲友代办).
#[derive(Debug, Clone)]
pub struct Caller(pub TokenOwner, pub Option<Acting>);

impl Caller {
    /// The account whose data the request is about: the resident when staff act for one.
    pub fn subject(&self) -> String {
        self.1.as_ref().map_or_else(
            || self.0.account_id.clone(),
            |acting| acting.resident_account_id.clone(),
        )
    }

    /// The applicant of a new case or 诉求 and who filed it: a citizen for herself (from her app,
    /// or on a hall's kiosk), a relative for the person who granted him, or staff for a resident.
    pub fn applicant(&self) -> Result<(String, FiledBy), ApiError> {
        match (&self.0.role, &self.1) {
            (Role::Citizen, Some(acting)) => Ok((
                acting.resident_account_id.clone(),
                FiledBy::Relative(acting.agent.clone()),
            )),
            (Role::Citizen, _) if self.0.at_kiosk => {
                Ok((self.0.account_id.clone(), FiledBy::Kiosk))
            }
            (Role::Citizen, _) => Ok((self.0.account_id.clone(), FiledBy::Herself)),
            (Role::Staff, Some(acting)) => Ok((
                acting.resident_account_id.clone(),
                FiledBy::Staff(acting.agent.clone()),
            )),
            _ => Err(forbidden()),
        }
    }

    /// The caller's own account, for what only the person herself may do (好差评, 评价 and 回访,
    /// marking her messages read, her logins, her relatives): staff or a relative acting for her
    /// are refused with 403. A session or grant reaches only what the errand needs.
    pub fn herself(&self) -> Result<String, ApiError> {
        if self.1.is_some() {
            return Err(only_the_resident());
        }
        Ok(self.0.account_id.clone())
    }

    /// Whether staff are acting for a resident in this request.
    pub fn is_acting(&self) -> bool {
        self.1.is_some()
    }

    /// Refuses with 403 unless the caller has one of `roles`.
    pub fn require(&self, roles: &[Role]) -> Result<&TokenOwner, ApiError> {
        if roles.contains(&self.0.role) {
            Ok(&self.0)
        } else {
            Err(forbidden())
        }
    }
}

/// 403 for what staff or a relative may not do for a resident, even with her consent.
pub fn only_the_resident() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "only_the_resident",
        "这件事只能由居民本人来做，代办时不能做。",
        "Only the resident herself may do this; not while acting for her.",
    )
}

/// 403 for a relative whose grant does not let him act for her now.
fn grant_not_active() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "grant_not_active",
        "您现在不能替这位家人办事了：她结束了授权，或者授权已经过期。请她在惠办里重新同意。",
        "The relative grant is not in force (ended, refused, expired or not yet agreed).",
    )
}

fn forbidden() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "forbidden",
        "您的账号不能做这件事。",
        "Your account may not do this.",
    )
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let bearer = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|token| !token.is_empty())
            .ok_or_else(unauthorized)?
            .to_owned();
        let session = header(parts, ASSISTED_SESSION_HEADER);
        let filing = filing_key(parts);
        let granted_key = granted_key(parts);
        let delivery = delivery_key(parts);
        let grant = header(parts, KIOSK_GRANT_HEADER);
        let relative_grant = header(parts, RELATIVE_GRANT_HEADER);
        let state = state.clone();
        let caller = tokio::task::spawn_blocking(move || -> Result<Caller, ApiError> {
            let owner = auth::authenticate(&state, &bearer)?;
            // A kiosk sending, with its own login, what a person confirmed on it: her, for that one
            // submission only (on any other request the grant counts for nothing).
            if let (Role::KioskDevice, Some(grant), Some(key)) = (owner.role, &grant, &granted_key)
            {
                let her = kiosk_grants::granted(&state, &owner.account_id, grant, key)
                    .map_err(|_| forbidden())?;
                return Ok(Caller(her, None));
            }
            if let Some(grant_id) = &relative_grant {
                let acting = relative_acting(&state, &owner, grant_id, session.is_some())?;
                return Ok(Caller(owner, Some(acting)));
            }
            let acting = match session {
                None => None,
                Some(_) if owner.role != Role::Staff => return Err(forbidden()),
                Some(session_id) => Some(
                    assisted::acting(&state, &owner.account_id, &session_id, delivery.as_deref())
                        .or_else(|closed| match &filing {
                            // A submission its close named as still to arrive is filed in it.
                            Some(key) => assisted::acting_for_pending(
                                &state,
                                &owner.account_id,
                                &session_id,
                                (key, delivery.as_deref()),
                            ),
                            None => Err(closed),
                        })
                        .map_err(|_| {
                            ApiError::new(
                                StatusCode::FORBIDDEN,
                                "session_not_open",
                                "代办已经结束，或者还没有得到居民同意。请重新开始代办。",
                                "The assisted session is not open for this staff member.",
                            )
                        })?,
                ),
            };
            Ok(Caller(owner, acting))
        })
        .await
        .map_err(|error| ApiError::internal(&error))??;
        super::audit::record_caller(
            &parts.extensions,
            caller.0.clone(),
            caller
                .1
                .as_ref()
                .map(|a| (a.resident_account_id.clone(), a.session_id.clone())),
        );
        Ok(caller)
    }
}

/// The value of the header `name`, when it is text.
fn header(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The person a relative acts for in the grant `grant_id` (亲友代办): only from his own app, never
/// in a staff session as well, and only while she lets him.
fn relative_acting(
    state: &AppState,
    owner: &TokenOwner,
    grant_id: &str,
    in_a_session: bool,
) -> Result<Acting, ApiError> {
    if owner.role != Role::Citizen || owner.at_kiosk || in_a_session {
        return Err(forbidden());
    }
    relatives::acting(state, &owner.account_id, grant_id).map_err(|error| match error {
        relatives::GrantError::Store(error) => ApiError::from(error),
        _ => grant_not_active(),
    })
}

/// What a grant on this request must have been made for: the Idempotency-Key of what a person
/// confirms at a kiosk and the network may hold back (an application, a 诉求, a 补正, a 评价 of
/// either, a 回访), or the SHA-256 of a file one of them names.
fn granted_key(parts: &Parts) -> Option<String> {
    let path = parts.uri.path();
    // A file's upload: the file the grant was made for, named in its own header (the upload's
    // handler checks the upload is of that file).
    if path == "/api/v1/uploads" || path.starts_with("/api/v1/uploads/") {
        return parts
            .headers
            .get(huiban_api::kiosk::KIOSK_GRANT_FILE_HEADER)
            .and_then(|value| value.to_str().ok())
            .map(|sha256| sha256.trim().to_ascii_lowercase());
    }
    let sends = parts.method == axum::http::Method::POST
        && (filing_key(parts).is_some()
            || path
                .strip_prefix("/api/v1/applications/")
                .is_some_and(|tail| {
                    tail.ends_with("/supplements") || tail.ends_with("/evaluation")
                })
            || path
                .strip_prefix("/api/v1/requests/")
                .is_some_and(|tail| tail.ends_with("/follow-up") || tail.ends_with("/evaluation")));
    sends
        .then(|| parts.headers.get("idempotency-key")?.to_str().ok())
        .flatten()
        .map(str::to_owned)
}

/// The Idempotency-Key of a request that files an application or a 诉求: the only requests a
/// closed session still serves, for what its close named as still to arrive.
fn filing_key(parts: &Parts) -> Option<String> {
    let files = parts.method == axum::http::Method::POST
        && matches!(
            parts.uri.path(),
            "/api/v1/applications" | "/api/v1/requests"
        );
    files
        .then(|| parts.headers.get("idempotency-key")?.to_str().ok())
        .flatten()
        .map(str::to_owned)
}

/// The session's delivery key, on a request that delivers (anything but reading, save asking how
/// far an upload got): the key never opens her data to read.
fn delivery_key(parts: &Parts) -> Option<String> {
    let delivers =
        parts.method != axum::http::Method::GET || parts.uri.path().starts_with("/api/v1/uploads/");
    delivers
        .then(|| parts.headers.get(ASSISTED_DELIVERY_HEADER)?.to_str().ok())
        .flatten()
        .map(str::to_owned)
}

fn unauthorized() -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "请先登录。如果刚才已经登录，可能是登录已过期，请重新登录。",
        "Please log in. If you just did, the login may have expired.",
    )
}

impl From<auth::AuthError> for ApiError {
    fn from(error: auth::AuthError) -> Self {
        refused_device_login(error)
            .or_else(refused_sms_code)
            .unwrap_or_else(refused_login)
    }
}

/// The answer to a kiosk's device login (RFC 8628) that cannot go on yet or at all; any other
/// error comes back for [`refused_login`].
fn refused_device_login(error: auth::AuthError) -> Result<ApiError, auth::AuthError> {
    use auth::AuthError as E;
    Ok(match error {
        E::AuthorizationPending => ApiError::new(
            StatusCode::BAD_REQUEST,
            "authorization_pending",
            "正在等待您在手机上确认。",
            "Waiting for the citizen to confirm.",
        ),
        E::SlowDown => ApiError::new(
            StatusCode::BAD_REQUEST,
            "slow_down",
            "查询太频繁了，请放慢一点。",
            "Polling too fast; wait longer between polls.",
        ),
        E::AccessDenied => ApiError::new(
            StatusCode::BAD_REQUEST,
            "access_denied",
            "登录请求被拒绝了。",
            "The citizen refused this login.",
        ),
        E::ExpiredToken => ApiError::new(
            StatusCode::BAD_REQUEST,
            "expired_token",
            "登录码已经过期，请在自助机上重新开始。",
            "The device code expired; start again.",
        ),
        E::InvalidDeviceCode => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "这个登录码不能用了，请在自助机上重新开始。",
            "Unknown or already used device code.",
        ),
        E::UserCodeNotFound => ApiError::new(
            StatusCode::NOT_FOUND,
            "user_code_not_found",
            "这个码不对或者已经过期了，请看清自助机屏幕上的8个字母。",
            "No live kiosk request has this code.",
        )
        .with_field("user_code"),
        other => return Err(other),
    })
}

/// The answer to an SMS code asked for too soon or too often, or typed wrong or too late; any
/// other error comes back for [`refused_login`].
fn refused_sms_code(error: auth::AuthError) -> Result<ApiError, auth::AuthError> {
    use auth::AuthError as E;
    Ok(match error {
        E::TooSoon { retry_after } => ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "code_too_soon",
            &format!("验证码刚刚发过，请等{retry_after}秒再重新获取。"),
            &format!("A code was just sent; wait {retry_after} seconds before asking again."),
        )
        .with_retry_after(retry_after),
        E::TooManyToday => ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_codes",
            "今天获取验证码的次数太多了，请明天再试，或者请工作人员帮忙。",
            "Too many codes today; try tomorrow or ask staff for help.",
        )
        .with_retry_after(86_400),
        E::WrongCode => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "验证码不对，请看清短信里的6位数字再输入一次。",
            "The code is wrong; check the 6 digits in the message.",
        )
        .with_field("code"),
        E::CodeGone => ApiError::new(
            StatusCode::BAD_REQUEST,
            "code_expired",
            "这个验证码已经不能用了，请重新获取一个。",
            "This code can no longer be used; ask for a new one.",
        )
        .with_field("code"),
        other => return Err(other),
    })
}

/// The answer to a refused login by phone number or password, or a refused renewal.
fn refused_login(error: auth::AuthError) -> ApiError {
    use auth::AuthError as E;
    match error {
        E::BadPhone => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_phone",
            "手机号码不对，请填写11位手机号码。",
            "Enter an 11-digit mainland mobile number.",
        )
        .with_field("phone"),
        E::Locked { retry_after } => ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "login_locked",
            &format!(
                "密码输错的次数太多，请{}分钟后再试。",
                retry_after.div_ceil(60)
            ),
            &format!(
                "Too many wrong passwords; try again in {} minutes.",
                retry_after.div_ceil(60)
            ),
        )
        .with_retry_after(retry_after),
        E::WrongPassword => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "用户名或密码不对。",
            "Wrong username or password.",
        ),
        E::RefreshReused => ApiError::new(
            StatusCode::BAD_REQUEST,
            "refresh_token_reused",
            "为了安全，这次登录已经作废，请重新登录。",
            "For safety this login was revoked; please log in again.",
        ),
        E::InvalidRefresh => ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "登录已过期，请重新登录。",
            "The login has expired; please log in again.",
        ),
        E::Unauthorized => unauthorized(),
        E::Busy => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "busy",
            "现在登录的人太多了，请稍等几秒再试。",
            "Too many logins at once; try again in a few seconds.",
        )
        .with_retry_after(2),
        E::Hashing => ApiError::internal(&"password hashing failed"),
        E::Store(error) => ApiError::from(error),
        // Answered by `refused_device_login` or `refused_sms_code` before this is asked.
        earlier => ApiError::internal(&earlier),
    }
}
