//! Actions done once per Idempotency-Key: 补正, 好差评, 回访 and 评价. A retry after a lost answer,
//! with the same key and body, gets the first answer again (the action is not done twice, and no
//! conflict is reported for what already succeeded); the same key with another body is refused.

use axum::http::{HeaderMap, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::ApiError;
use crate::state::AppState;
use crate::store::KeptAnswer;

/// The Idempotency-Key of a request, if it has one; one that is not a UUID is refused.
pub fn key_of(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    value
        .to_str()
        .ok()
        .and_then(|text| uuid::Uuid::parse_str(text.trim()).ok())
        .map(|key| Some(key.hyphenated().to_string()))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "idempotency_key_invalid",
                "提交编号（Idempotency-Key）不对，请更新惠办后再试。",
                "The Idempotency-Key header must hold a UUID.",
            )
        })
}

/// Does `work` once for `account_id` under `key` (when there is one): a retry with the same key,
/// action and body gets the first answer; the same key with anything else is refused (422).
/// Runs on a blocking thread.
pub fn once<T: Serialize + DeserializeOwned>(
    state: &AppState,
    account_id: &str,
    key: Option<&str>,
    (action, body): (&str, &impl Serialize),
    work: impl FnOnce() -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let Some(key) = key else {
        return work();
    };
    let request_hash = {
        let value = serde_json::to_value(body).map_err(|error| ApiError::internal(&error))?;
        hex::encode(Sha256::digest(huiban_api::canonical::to_bytes(&value)))
    };
    let replay = |kept: KeptAnswer| -> Result<T, ApiError> {
        if kept.action != action || kept.request_hash != request_hash {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                "这个提交编号已经用过，但内容不一样。请重新提交一次。",
                "This Idempotency-Key was used with a different request.",
            ));
        }
        serde_json::from_str(&kept.answer).map_err(|error| ApiError::internal(&error))
    };
    if let Some(kept) = state.store.kept_answer(account_id, key)? {
        return replay(kept);
    }
    match work() {
        Ok(answer) => {
            let kept = KeptAnswer {
                action: action.to_owned(),
                request_hash,
                answer: serde_json::to_string(&answer)
                    .map_err(|error| ApiError::internal(&error))?,
            };
            let now_ms = state.clock.now().timestamp_millis();
            state.store.keep_answer(account_id, key, &kept, now_ms)?;
            Ok(answer)
        }
        // A twin request under the same key may have done it meanwhile: its answer is this one's.
        Err(error) if error.status() == StatusCode::CONFLICT => {
            match state.store.kept_answer(account_id, key)? {
                Some(kept) => replay(kept),
                None => Err(error),
            }
        }
        Err(error) => Err(error),
    }
}
