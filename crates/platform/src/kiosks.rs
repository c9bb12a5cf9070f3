//! Kiosks' heartbeats: each kiosk says once a minute what it is doing, how its printer is and how
//! many submissions wait on it; the platform keeps the last and lists its kiosks with it
//! (`huiban-platform kiosks list`), marking those silent for three minutes. Each kiosk is told its
//! config: when to ask 还在吗？, how long to count down, which services to offer
//! (`huiban-platform kiosks configure`; the defaults until then).

use chrono::Duration;
use huiban_api::{KioskConfig, KioskHeartbeat, KioskStatus};

use crate::beijing_time;
use crate::state::AppState;
use crate::store::{Store, StoreError};

/// A kiosk not heard from for this long is silent (off, or cut off).
pub const SILENT_AFTER: Duration = Duration::minutes(3);
/// Longest version a heartbeat may name.
pub const MOST_VERSION_CHARS: usize = 40;
/// Seconds before 还在吗？ a config may set.
pub const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 30..=600;
/// Seconds of countdown a config may set.
pub const COUNTDOWN_SECONDS: std::ops::RangeInclusive<u32> = 10..=120;
/// Most services a kiosk may offer.
pub const MOST_SERVICES: usize = 200;

/// Why a heartbeat was refused.
#[derive(Debug, thiserror::Error)]
pub enum KioskError {
    /// The version is empty or longer than [`MOST_VERSION_CHARS`].
    #[error("版本号不能为空，也不能超过40个字")]
    BadVersion,
    /// Idle or countdown seconds out of their range.
    #[error("问“还在吗”之前等的秒数要在30到600之间，倒数的秒数要在10到120之间")]
    BadSeconds,
    /// A service that is not in the catalog, or more than [`MOST_SERVICES`].
    #[error("事项目录里没有这个实施编码，或者事项超过200项：{0}")]
    BadService(String),
    /// No kiosk has this device account.
    #[error("没有这台自助机：{0}")]
    NoKiosk(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored heartbeat could not be read or written.
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// Keeps `heartbeat` as the kiosk `device`'s last.
pub fn heartbeat(
    state: &AppState,
    device: &str,
    heartbeat: &KioskHeartbeat,
) -> Result<(), KioskError> {
    let version = heartbeat.version.trim();
    if version.is_empty() || version.chars().count() > MOST_VERSION_CHARS {
        return Err(KioskError::BadVersion);
    }
    let kept = KioskHeartbeat {
        version: version.to_owned(),
        ..heartbeat.clone()
    };
    state.store.record_heartbeat(
        device,
        &serde_json::to_string(&kept)?,
        state.clock.now().timestamp_millis(),
    )?;
    Ok(())
}

/// Every kiosk with what it said last, as of `now_ms`.
pub fn kiosks(store: &Store, now_ms: i64) -> Result<Vec<KioskStatus>, KioskError> {
    store
        .kiosks()?
        .into_iter()
        .map(|record| {
            let (last, last_seen_at, silent) = match record.last {
                Some((at_ms, body)) => (
                    Some(serde_json::from_str(&body)?),
                    Some(beijing_time::rfc3339(at_ms)),
                    now_ms - at_ms >= SILENT_AFTER.num_milliseconds(),
                ),
                None => (None, None, true),
            };
            Ok(KioskStatus {
                device: record.device,
                kiosk_name: record.name.unwrap_or_default(),
                place: record.place.unwrap_or_default(),
                last,
                last_seen_at,
                silent,
            })
        })
        .collect()
}

/// The config of the kiosk `device`: the one set for it, or the defaults.
pub fn config_of(store: &Store, device: &str) -> Result<KioskConfig, KioskError> {
    Ok(match store.kiosk_config(device)? {
        Some(body) => serde_json::from_str(&body)?,
        None => KioskConfig::default(),
    })
}

/// Sets the config of the kiosk `device`, once every value is in its range and every service is
/// in the catalog.
pub fn configure(store: &Store, device: &str, config: &KioskConfig) -> Result<(), KioskError> {
    if !IDLE_SECONDS.contains(&config.idle_seconds)
        || !COUNTDOWN_SECONDS.contains(&config.countdown_seconds)
    {
        return Err(KioskError::BadSeconds);
    }
    if config.services.len() > MOST_SERVICES {
        return Err(KioskError::BadService(format!(
            "({} services)",
            config.services.len()
        )));
    }
    for code in &config.services {
        if store.catalog_item(code)?.is_none() {
            return Err(KioskError::BadService(code.clone()));
        }
    }
    if !store.set_kiosk_config(device, &serde_json::to_string(config)?)? {
        return Err(KioskError::NoKiosk(device.to_owned()));
    }
    Ok(())
}
