//! Sending text messages: the gateway trait and the built-in sink that only records them.

use crate::store::{Store, StoreError};

/// Something that delivers a text message to a phone.
pub trait SmsGateway: Send + Sync {
    /// Sends `text` to `phone`.
    fn send(&self, phone: &str, text: &str) -> Result<(), StoreError>;
}

/// The built-in gateway: stores every message in the platform database and sends nothing out.
/// `huiban-platform sms list` shows what it holds. Login and consent codes (runs of exactly six
/// digits) are masked before they are stored, unless it was made to keep them for a test or the
/// demo to read ([`SmsSink::keeping_codes`]).
#[derive(Clone)]
pub struct SmsSink {
    store: Store,
    keep_codes: bool,
}

impl SmsSink {
    /// A sink writing into `store`, masking codes.
    pub fn new(store: Store) -> Self {
        Self {
            store,
            keep_codes: false,
        }
    }

    /// A sink writing into `store` with codes readable, for tests and the demo only.
    pub fn keeping_codes(store: Store) -> Self {
        Self {
            store,
            keep_codes: true,
        }
    }
}

/// `text` with every run of exactly six digits (a code) replaced by ******.
pub fn mask_codes(text: &str) -> String {
    let mut masked = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, masked: &mut String| {
        if digits.len() == 6 {
            masked.push_str("******");
        } else {
            masked.push_str(digits);
        }
        digits.clear();
    };
    for character in text.chars() {
        if character.is_ascii_digit() {
            digits.push(character);
        } else {
            flush(&mut digits, &mut masked);
            masked.push(character);
        }
    }
    flush(&mut digits, &mut masked);
    masked
}

impl SmsGateway for SmsSink {
    fn send(&self, phone: &str, text: &str) -> Result<(), StoreError> {
        if self.keep_codes {
            self.store.record_sms(phone, text)
        } else {
            self.store.record_sms(phone, &mask_codes(text))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_masked_and_case_numbers_are_not() {
        assert_eq!(
            mask_codes("【惠办】您的登录验证码是123456，10分钟内有效。"),
            "【惠办】您的登录验证码是******，10分钟内有效。"
        );
        assert_eq!(
            mask_codes("办件编号11010120261130000001。"),
            "办件编号11010120261130000001。"
        );
        assert_eq!(mask_codes("654321"), "******");
    }
}
