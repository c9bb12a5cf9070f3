//! What every request handler can reach.

use std::sync::Arc;

use crate::clock::{Clock, SystemClock};
use crate::faults::{FaultInjector, FaultSpec};
use crate::keys::KeyRing;
use crate::sms::{SmsGateway, SmsSink};
use crate::store::Store;

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
}

impl AppState {
    /// State with the system clock and the database SMS sink.
    pub fn new(store: Store) -> Self {
        Self {
            sms: Arc::new(SmsSink::new(store.clone())),
            store,
            clock: Arc::new(SystemClock),
            keys: Arc::new(KeyRing::default()),
            faults: None,
        }
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
