//! What every request handler can reach.

use std::sync::Arc;

use crate::clock::{Clock, SystemClock};
use crate::http::faults::{FaultInjector, FaultSpec};
use crate::keys::KeyRing;
use crate::sms::{SmsGateway, SmsSink};
use crate::store::Store;

/// Argon2 checks that may run at once on one platform; more are refused at once (503) instead of
/// queueing up CPU work that an attacker could multiply.
pub const HASHING_AT_ONCE: usize = 4;

/// Shared state of the running platform.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// The time source.
    pub clock: Arc<dyn Clock>,
    /// Where text messages go.
    pub sms: Arc<dyn SmsGateway>,
    /// Department keys that seal licences.
    pub keys: Arc<KeyRing>,
    /// Faults to inject, for tests; none by default.
    pub faults: Option<Arc<FaultInjector>>,
    /// How many requests run at once, and for how long each may.
    pub bounds: crate::http::limits::RequestBounds,
    /// Permits for password checks (Argon2) running at once.
    pub password_checks: Arc<tokio::sync::Semaphore>,
    /// The address people reach the platform at (its approval page for kiosks is under it).
    pub public_url: Arc<str>,
}

/// Where people reach the platform unless told: the reference server on this computer.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8470";

impl AppState {
    /// State with the system clock and the database SMS sink.
    pub fn new(store: Store) -> Self {
        Self {
            sms: Arc::new(SmsSink::new(store.clone())),
            store,
            clock: Arc::new(SystemClock),
            keys: Arc::new(KeyRing::default()),
            faults: None,
            bounds: crate::http::limits::RequestBounds::default(),
            password_checks: Arc::new(tokio::sync::Semaphore::new(HASHING_AT_ONCE)),
            public_url: Arc::from(DEFAULT_PUBLIC_URL),
        }
    }

    /// The same state reached by people at `url` (e.g. `https://zwfw.example.gov.cn`).
    pub fn with_public_url(mut self, url: &str) -> Self {
        self.public_url = Arc::from(url.trim_end_matches('/'));
        self
    }

    /// The same state with other request bounds.
    pub fn with_bounds(mut self, bounds: crate::http::limits::RequestBounds) -> Self {
        self.bounds = bounds;
        self
    }

    /// The same state with an SMS sink that keeps codes readable (tests and the demo only).
    pub fn keeping_sms_codes(mut self) -> Self {
        self.sms = Arc::new(crate::sms::SmsSink::keeping_codes(self.store.clone()));
        self
    }

    /// The same state sending text messages through `sms`.
    pub fn with_sms(mut self, sms: Arc<dyn SmsGateway>) -> Self {
        self.sms = sms;
        self
    }

    /// The same state injecting faults.
    pub fn with_faults(mut self, spec: FaultSpec) -> Self {
        self.faults = Some(Arc::new(FaultInjector::new(spec)));
        self
    }

    /// The same state with department keys.
    pub fn with_keys(mut self, keys: KeyRing) -> Self {
        self.keys = Arc::new(keys);
        self
    }

    /// The same state with another clock.
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }
}

impl axum::extract::FromRef<AppState> for Store {
    fn from_ref(state: &AppState) -> Self {
        state.store.clone()
    }
}
