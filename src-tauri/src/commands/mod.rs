//! Tauri commands, one file per area; each is a thin adapter over huiban-core.

pub mod attachments;
pub mod cases;
pub mod catalog;
pub mod device;
pub mod drafts;
pub mod forms;
pub mod handler;
pub mod inbox;
pub mod logins;
pub mod preferences;
pub mod requests;
pub mod session;
pub mod speech;
pub mod wallet;

use huiban_core::store::{AccountStore, LocalStore};

use crate::{AppState, IpcError};

/// The local store, or the plain error that there is none (no keychain on this computer).
pub(crate) fn kept_store(state: &AppState) -> Result<&LocalStore, IpcError> {
    state
        .store()
        .map(AsRef::as_ref)
        .ok_or_else(|| IpcError::plain("store-unavailable"))
}

/// The logged-in person's token (renewed when needed, so online only), or the plain error why not.
pub(crate) async fn online_token(
    state: &AppState,
) -> Result<huiban_core::session::Token, IpcError> {
    Ok(state.session().token().await?)
}

/// The local data of the person logged in, or the plain error that nobody is (or there is no store):
/// every personal row is read and written only through this.
pub(crate) async fn own_store(state: &AppState) -> Result<AccountStore<'_>, IpcError> {
    Ok(state.app.own_store().await?)
}

/// The local data of the person logged in; `None` with nobody logged in or no store, when a page
/// shows nothing personal at all.
pub(crate) async fn own_store_if_any(
    state: &AppState,
) -> Result<Option<AccountStore<'_>>, IpcError> {
    Ok(state.app.own_store_if_any().await?)
}

/// Now, in ms since the Unix epoch, as the store records times.
pub(crate) fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

#[cfg(test)]
mod tests {
    /// Parameters whose values are personal data or secrets, never to be recorded in a span.
    const PERSONAL: &[&str] = &[
        "phone",
        "code",
        "id_number",
        "token",
        "value",
        "note",
        "reason",
        "comment",
        "request",
    ];

    /// Every command's source, to read its `instrument` attribute and parameters.
    const SOURCES: &[(&str, &str)] = &[
        ("attachments", include_str!("attachments.rs")),
        ("cases", include_str!("cases.rs")),
        ("catalog", include_str!("catalog.rs")),
        ("device", include_str!("device.rs")),
        ("drafts", include_str!("drafts.rs")),
        ("forms", include_str!("forms.rs")),
        ("inbox", include_str!("inbox.rs")),
        ("logins", include_str!("logins.rs")),
        ("preferences", include_str!("preferences.rs")),
        ("requests", include_str!("requests.rs")),
        ("session", include_str!("session.rs")),
        ("speech", include_str!("speech.rs")),
        ("wallet", include_str!("wallet.rs")),
    ];

    #[test]
    fn no_command_records_a_phone_number_a_code_or_a_token_in_its_span() {
        let mut checked = 0;
        for (file, source) in SOURCES {
            for (at, _) in source.match_indices("#[tracing::instrument(") {
                let attribute = &source[at..at + source[at..].find(")]").unwrap_or(0)];
                let rest = &source[at..];
                let name_at = rest.find("fn ").unwrap_or(0);
                let open = name_at + rest[name_at..].find('(').unwrap_or(0);
                let mut depth = 0;
                let close = open
                    + rest[open..]
                        .find(|c: char| {
                            depth += match c {
                                '(' => 1,
                                ')' => -1,
                                _ => 0,
                            };
                            depth == 0
                        })
                        .unwrap_or(0);
                let parameters: Vec<&str> = rest[open + 1..close]
                    .split(',')
                    .filter_map(|p| p.split(':').next())
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .collect();
                for name in parameters {
                    if PERSONAL.contains(&name) {
                        let skipped = attribute.contains("skip_all")
                            || attribute
                                .split(|c: char| !c.is_alphanumeric() && c != '_')
                                .any(|word| word == name);
                        assert!(
                            skipped,
                            "{file}: `{name}` would be recorded by {attribute}: skip it"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert!(
            checked >= 8,
            "the check found the commands' parameters ({checked})"
        );
    }
}
