//! A service hall's kiosk tells the platform how it is, once a minute (its heartbeat), and the
//! platform lists its kiosks with what each said last; the platform tells each kiosk how long to
//! wait before asking 还在吗？ and which services to offer (its remote config).

use serde::{Deserialize, Serialize};

/// How often a kiosk sends its heartbeat, in seconds.
pub const HEARTBEAT_SECONDS: u32 = 60;
/// Seconds without input before a kiosk asks 还在吗？, unless its config says otherwise.
pub const DEFAULT_IDLE_SECONDS: u32 = 90;
/// Seconds a kiosk counts down after 还在吗？ before it ends the session, unless its config says
/// otherwise.
pub const DEFAULT_COUNTDOWN_SECONDS: u32 = 30;

/// What the platform tells a kiosk (`GET /api/v1/kiosk/config`): when to ask 还在吗？, how long to
/// count down, and which services to offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskConfig {
    /// Seconds without input before it asks 还在吗？ (30 to 600).
    #[cfg_attr(feature = "openapi", schema(minimum = 30, maximum = 600))]
    pub idle_seconds: u32,
    /// Seconds it counts down after asking, before it ends the session (10 to 120).
    #[cfg_attr(feature = "openapi", schema(minimum = 10, maximum = 120))]
    pub countdown_seconds: u32,
    /// The 实施编码 of the services it offers, in order; empty: the whole catalog.
    pub services: Vec<String>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            idle_seconds: DEFAULT_IDLE_SECONDS,
            countdown_seconds: DEFAULT_COUNTDOWN_SECONDS,
            services: Vec::new(),
        }
    }
}

/// What the kiosk is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KioskState {
    /// Its welcome screen waits for the next person.
    Welcome,
    /// Someone is using it.
    InUse,
    /// It asks 还在吗？ of someone who stopped touching it.
    IdleWarning,
    /// It cannot serve (staff must come).
    OutOfOrder,
}

/// How the kiosk's receipt printer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrinterState {
    /// Ready to print.
    Ready,
    /// Out of paper.
    OutOfPaper,
    /// Not answering (off, unplugged, jammed).
    Offline,
    /// The kiosk has no printer.
    None,
}

/// Body of `POST /api/v1/kiosk/heartbeat`: how the kiosk is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskHeartbeat {
    /// The Huiban version it runs, e.g. `0.1.0`.
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub version: String,
    /// What it is doing.
    pub state: KioskState,
    /// How its printer is.
    pub printer: PrinterState,
    /// Submissions confirmed on it and not sent yet.
    pub queue: u32,
}

/// A kiosk as the platform last heard from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskStatus {
    /// The kiosk's device account.
    pub device: String,
    /// Its name, e.g. 一层大厅1号自助机.
    pub kiosk_name: String,
    /// Where it stands, e.g. 东城区政务服务中心.
    pub place: String,
    /// Its last heartbeat, if it ever sent one.
    pub last: Option<KioskHeartbeat>,
    /// When that came, RFC 3339.
    pub last_seen_at: Option<String>,
    /// No heartbeat for three minutes or more (or never): it is off, or cut off.
    pub silent: bool,
}
