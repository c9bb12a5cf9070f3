//! Tauri commands, one file per area; each is a thin adapter over huiban-core.

pub mod about;
pub mod acted_for_me;
pub mod assisted;
pub mod attachments;
pub mod call_backs;
pub mod cases;
pub mod catalog;
pub mod device;
pub mod drafts;
pub mod figures;
pub mod forms;
pub mod handler;
pub mod help;
pub mod home;
pub mod inbox;
pub mod kiosk;
pub mod kiosk_calls;
pub mod logins;
pub mod preferences;
pub mod receipts;
pub mod relatives;
pub mod requests;
pub mod session;
pub mod speech;
pub mod staff;
pub mod wallet;

#[cfg(test)]
mod tests {
    /// Parameters whose values are personal data or secrets, never to be recorded in a span.
    const PERSONAL: &[&str] = &[
        "phone",
        "code",
        "id_number",
        "token",
        "value",
        "items",
        "note",
        "reason",
        "comment",
        "request",
        "password",
        "pin",
        "id_number",
        "name",
    ];

    /// Every command's source, to read its `instrument` attribute and parameters.
    const SOURCES: &[(&str, &str)] = &[
        ("about", include_str!("about.rs")),
        ("assisted", include_str!("assisted.rs")),
        ("attachments", include_str!("attachments.rs")),
        ("cases", include_str!("cases.rs")),
        ("catalog", include_str!("catalog.rs")),
        ("device", include_str!("device.rs")),
        ("drafts", include_str!("drafts.rs")),
        ("forms", include_str!("forms.rs")),
        ("inbox", include_str!("inbox.rs")),
        ("kiosk", include_str!("kiosk.rs")),
        ("kiosk_calls", include_str!("kiosk_calls.rs")),
        ("logins", include_str!("logins.rs")),
        ("preferences", include_str!("preferences.rs")),
        ("requests", include_str!("requests.rs")),
        ("session", include_str!("session.rs")),
        ("speech", include_str!("speech.rs")),
        ("staff", include_str!("staff.rs")),
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
