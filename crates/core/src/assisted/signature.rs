//! Consent by signature: for a resident who has no phone, or whose code does not arrive. She signs
//! on the counter's pad; the drawing is uploaded in the session the clerk began; the centre's
//! manager, at the counter, approves with her own account and password. The platform checks all
//! three and records who approved.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use huiban_api::{Consent, SupervisorApproval};

use super::service::{AssistedService, AssistedView};
use crate::Error;

/// The largest drawing taken (a pad's PNG is some tens of KiB).
const MOST_SIGNATURE_BYTES: usize = 2 * 1024 * 1024;

/// The first bytes of every PNG file.
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// How the pad gives its drawing: a PNG data URL.
const PNG_DATA_URL: &str = "data:image/png;base64,";

/// The PNG of the pad's drawing (a data URL, empty until she signed), if it is one the platform
/// will keep as her signature.
fn checked_drawing(drawing: &str) -> Result<Vec<u8>, Error> {
    let drawing = drawing.trim();
    if drawing.is_empty() {
        return Err(Error::plain("assisted-signature-missing"));
    }
    let png = drawing
        .strip_prefix(PNG_DATA_URL)
        .filter(|encoded| encoded.len() <= MOST_SIGNATURE_BYTES / 3 * 4 + 4)
        .and_then(|encoded| BASE64.decode(encoded).ok())
        .filter(|png| png.starts_with(PNG_SIGNATURE) && png.len() <= MOST_SIGNATURE_BYTES)
        .ok_or_else(|| Error::plain("assisted-signature-unreadable"))?;
    Ok(png)
}

/// The manager's account and password as typed; both are needed.
fn checked_approval(username: &str, password: &str) -> Result<SupervisorApproval, Error> {
    let username = username.trim();
    if username.is_empty() || password.is_empty() {
        return Err(Error::plain("assisted-approval-missing"));
    }
    Ok(SupervisorApproval {
        username: username.to_owned(),
        password: password.to_owned(),
    })
}

impl AssistedService<'_> {
    /// Records the resident's signature, drawn on the pad (`drawing`, its PNG data URL), approved
    /// by the centre's manager (`username`, `password`): the session opens. Nothing is sent unless
    /// all three are there.
    pub async fn consent_by_signature(
        &self,
        drawing: &str,
        username: &str,
        password: &str,
    ) -> Result<AssistedView, Error> {
        let app = self.app();
        app.staff().at_work()?;
        let png = checked_drawing(drawing)?;
        let approval = checked_approval(username, password)?;
        let waiting = self.waiting()?;
        let token = app.session.token(app.client()).await?;
        let drawing = app
            .client()
            .upload_signature(&token.access_token, png)
            .await?;
        let consent = Consent::Signature {
            signature_sha256: drawing.sha256,
            approval,
        };
        self.give_consent(waiting, &token.access_token, &consent)
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_png_drawing_of_a_sensible_size_is_taken() {
        let url = |bytes: &[u8]| format!("{PNG_DATA_URL}{}", BASE64.encode(bytes));
        let missing = checked_drawing("  ").unwrap_err();
        assert_eq!(missing.id(), "assisted-signature-missing");
        for wrong in [
            url(b"GIF89a"),
            format!("data:image/jpeg;base64,{}", BASE64.encode(PNG_SIGNATURE)),
            format!("{PNG_DATA_URL}not base64!"),
            url(&[PNG_SIGNATURE, &vec![0; MOST_SIGNATURE_BYTES]].concat()),
        ] {
            let refused = checked_drawing(&wrong).unwrap_err();
            assert_eq!(refused.id(), "assisted-signature-unreadable");
        }
        let png = [PNG_SIGNATURE, b"IHDR"].concat();
        assert_eq!(checked_drawing(&url(&png)).unwrap(), png);
    }

    #[test]
    fn the_managers_account_and_password_are_both_needed() {
        assert!(checked_approval(" ", "pass").is_err());
        assert!(checked_approval("manager01", "").is_err());
        let approval = checked_approval(" manager01 ", "huiban-manager-01").unwrap();
        assert_eq!(approval.username, "manager01");
        // Her password never shows in a log line.
        assert!(!format!("{approval:?}").contains("huiban-manager-01"));
    }
}
