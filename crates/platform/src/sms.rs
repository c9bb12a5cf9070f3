//! Sending text messages: the gateway trait and the built-in sink that only records them.

use crate::store::{Store, StoreError};

/// Something that delivers a text message to a phone.
pub trait SmsGateway: Send + Sync {
    /// Sends `text` to `phone`.
    fn send(&self, phone: &str, text: &str) -> Result<(), StoreError>;
}

/// The built-in gateway: stores every message in the platform database and sends nothing out.
/// `huiban-platform sms list` shows what it holds.
#[derive(Clone)]
pub struct SmsSink {
    store: Store,
}

impl SmsSink {
    /// A sink writing into `store`.
    pub fn new(store: Store) -> Self {
        Self { store }
    }
}

impl SmsGateway for SmsSink {
    fn send(&self, phone: &str, text: &str) -> Result<(), StoreError> {
        self.store.record_sms(phone, text)
    }
}
