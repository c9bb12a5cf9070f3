//! The one list of the shell's commands handed to Tauri, with their TypeScript shape: tauri-specta
//! collects them, and `ui/src/lib/bindings.generated.ts` is generated from this list (a test here fails when
//! it is stale). `build.rs` lists the same names (to generate their `allow-*` permissions) and
//! `capabilities/` grants them per window: a test here proves the three agree.

use std::sync::LazyLock;

use tauri::ipc::Invoke;
use tauri_specta::{Builder, ErrorHandlingMode, collect_commands};

/// The command that takes a raw body (a photo's bytes), which has no TypeScript shape to generate:
/// its wrapper in `ui/src/lib/ipc.ts` is written by hand.
const RAW_BODY: &str = "attachment_keep";

/// Every typed command, with the types that cross IPC outside a command (event payloads).
// The list is kept by area, a few names a line, so that it stays one screen as commands are added.
#[rustfmt::skip]
pub fn typed() -> Builder<tauri::Wry> {
    with_event_types(Builder::<tauri::Wry>::new().commands(collect_commands![
        super::about::about, super::about::speech_check,
        super::assisted::assisted_check_id_number, super::assisted::assisted_consent_code,
        super::assisted::assisted_consent_signature, super::assisted::assisted_current,
        super::assisted::assisted_end, super::assisted::assisted_read_card,
        super::assisted::assisted_served_today, super::assisted::assisted_start,
        super::assisted::assisted_again,
        super::figures::centre_figures, super::figures::centre_figures_save_csv,
        super::acted_for_me::acted_for_me, super::acted_for_me::acted_for_me_report,
        super::cases::case_asked_again, super::cases::case_detail, super::cases::case_receipt,
        super::cases::case_evaluate, super::cases::case_supplement, super::cases::case_withdraw,
        super::cases::cases, super::cases::copies_refresh, super::cases::evaluation_levels,
        super::receipts::receipt_print, super::receipts::receipt_save_pdf,
        super::catalog::catalog_items, super::catalog::catalog_search,
        super::device::queue_summary, super::device::store_status,
        super::drafts::case_number_qr, super::drafts::draft_answer, super::drafts::draft_item_next,
        super::drafts::draft_item_page, super::drafts::draft_item_step, super::drafts::draft_list,
        super::drafts::draft_next, super::drafts::draft_page, super::drafts::draft_review,
        super::drafts::draft_start, super::drafts::draft_step, super::drafts::draft_submit,
        super::drafts::submission_status, super::drafts::drafts_unfinished, super::home::home,
        super::forms::form_check_answer, super::forms::form_definition, super::forms::group_items,
        super::forms::region_path, super::forms::regions,
        super::help::help_page, super::help::help_call_back, super::help::help_centre,
        super::help::help_districts, super::help::help_pick_district,
        super::help::help_family, super::help::help_ask_family,
        super::inbox::inbox, super::inbox::message_read,
        super::logins::kiosk_answer, super::logins::kiosk_asking, super::logins::login_end,
        super::logins::logins,
        super::relatives::relatives_page, super::relatives::relatives_kinships,
        super::relatives::relatives_ask, super::relatives::relatives_agree_by_code,
        super::relatives::relatives_answer, super::relatives::relatives_switch,
        super::relatives::relatives_act_for,
        super::preferences::preferences_get, super::preferences::preferences_set,
        super::requests::request_detail, super::requests::request_evaluate,
        super::requests::request_follow_up, super::requests::requests,
        super::session::login_request_code, super::session::login_with_code, super::session::logout,
        super::session::session_status, super::session::unsent,
        super::speech::speech_speak, super::speech::speech_stop,
        super::staff::staff_input, super::staff::staff_lock, super::staff::staff_log_in,
        super::staff::staff_log_out, super::staff::staff_set_pin, super::staff::staff_status,
        super::staff::staff_unlock_password, super::staff::staff_unlock_pin,
        super::kiosk::kiosk_confirm, super::kiosk::kiosk_finish, super::kiosk::kiosk_leave,
        super::kiosk::kiosk_login_code, super::kiosk::kiosk_login_wait, super::kiosk::kiosk_status,
        super::kiosk::kiosk_call_staff, super::kiosk::kiosk_staff_call,
        super::kiosk::kiosk_cancel_staff_call, super::kiosk::kiosk_leaving_slip,
        super::kiosk::kiosk_send_sms_code, super::kiosk::kiosk_log_in_by_sms,
        super::kiosk::kiosk_card_code, super::kiosk::kiosk_log_in_by_card,
        super::kiosk::kiosk_pinyin_candidates, super::kiosk::kiosk_idle_warning,
        super::kiosk_calls::staff_kiosk_calls, super::kiosk_calls::staff_answer_kiosk_call,
        super::kiosk_calls::staff_end_kiosk_call, super::call_backs::staff_call_backs,
        super::call_backs::staff_call_back_called,
        super::wallet::wallet_licence_qr, super::wallet::wallet_licences,
        super::wallet::wallet_licences_offered,
    ]))
}

/// The types that cross IPC outside a command (event payloads), and how errors and numbers cross.
fn with_event_types(builder: Builder<tauri::Wry>) -> Builder<tauri::Wry> {
    builder
        .typ::<crate::notifications::NotificationOpened>()
        .typ::<huiban_core::pull::Pulled>()
        .typ::<huiban_core::device::QueueView>()
        .typ::<huiban_core::attachments::KeptFile>()
        .error_handling(ErrorHandlingMode::Throw)
        .dangerously_cast_bigints_to_number()
}

/// The invoke handler of every command.
pub fn handler() -> impl Fn(Invoke) -> bool + Send + Sync + 'static {
    // The handler borrows its builder for as long as the app runs.
    static TYPED: LazyLock<Builder<tauri::Wry>> = LazyLock::new(typed);
    let typed = TYPED.invoke_handler();
    let raw: fn(Invoke) -> bool = tauri::generate_handler![super::attachments::attachment_keep];
    move |invoke: Invoke| {
        if invoke.message.command() == RAW_BODY {
            raw(invoke)
        } else {
            typed(invoke)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The command names in this file's `collect_commands!` list, and the raw-body one.
    fn handled() -> BTreeSet<String> {
        let source = include_str!("handler.rs");
        let start = source.find("collect_commands![").expect("the handler list");
        let end = start + source[start..].find(']').expect("its end");
        source[start + "collect_commands![".len()..end]
            .split(',')
            .filter_map(|path| path.trim().rsplit("::").next())
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
            .chain([super::RAW_BODY.to_owned()])
            .collect()
    }

    /// The command names `build.rs` generates permissions for.
    fn in_build_rs() -> BTreeSet<String> {
        let source = include_str!("../../build.rs");
        let start = source.find(".commands(&[").expect("the build.rs list");
        let end = start + source[start..].find("]);").expect("its end");
        source[start..end]
            .lines()
            .skip(1)
            .filter_map(|line| line.trim().strip_prefix('"')?.strip_suffix("\","))
            .map(str::to_owned)
            .collect()
    }

    /// The command names a capability file grants (`allow-catalog-items` → `catalog_items`).
    fn granted(capability: &str) -> BTreeSet<String> {
        let json: serde_json::Value = serde_json::from_str(capability).expect("capability JSON");
        json["permissions"]
            .as_array()
            .expect("permissions")
            .iter()
            .filter_map(|permission| permission.as_str()?.strip_prefix("allow-"))
            .map(|name| name.replace('-', "_"))
            .collect()
    }

    /// The windows a capability file names.
    fn windows(capability: &str) -> Vec<String> {
        let json: serde_json::Value = serde_json::from_str(capability).expect("capability JSON");
        json["windows"]
            .as_array()
            .expect("windows")
            .iter()
            .filter_map(|window| Some(window.as_str()?.to_owned()))
            .collect()
    }

    /// Every capability file, by the window it is for.
    const CAPABILITIES: [(&str, &str); 3] = [
        ("main", include_str!("../../capabilities/main.json")),
        ("staff", include_str!("../../capabilities/staff.json")),
        ("kiosk", include_str!("../../capabilities/kiosk.json")),
    ];

    #[test]
    fn the_handler_build_rs_and_the_capabilities_list_the_same_commands() {
        let handled = handled();
        assert!(handled.len() > 40, "read the handler list: {handled:?}");
        assert_eq!(handled, in_build_rs(), "build.rs and the handler differ");
        let mut granted_somewhere = BTreeSet::new();
        for (window, capability) in CAPABILITIES {
            assert_eq!(windows(capability), [window], "one window a capability");
            granted_somewhere.extend(granted(capability));
        }
        assert_eq!(
            handled, granted_somewhere,
            "a command no window may call, or a grant of no command"
        );
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities"))
            .expect("capabilities/")
            .count();
        assert_eq!(
            on_disk,
            CAPABILITIES.len(),
            "every capability file is checked here"
        );
    }

    #[test]
    fn staff_commands_are_granted_to_the_staff_window_alone_and_it_has_no_citizen_login() {
        // The staff window has a resident's errands (core answers them only in her open session),
        // never what only she may do: her login, 评价 and 回访, her messages.
        let [(_, main), (_, staff), _] = CAPABILITIES;
        let (main, staff) = (granted(main), granted(staff));
        let staff_commands: BTreeSet<String> = handled()
            .into_iter()
            .filter(|name| name.starts_with("staff_") || name.starts_with("assisted_"))
            .collect();
        assert!(staff_commands.len() >= 7, "{staff_commands:?}");
        assert!(
            main.is_disjoint(&staff_commands),
            "the citizen window may call a staff command"
        );
        assert!(staff_commands.is_subset(&staff));
        for citizen_only in [
            "login_request_code",
            "login_with_code",
            "logout",
            "unsent",
            "logins",
            "login_end",
            "kiosk_asking",
            "kiosk_answer",
            "case_evaluate",
            "evaluation_levels",
            "request_evaluate",
            "request_follow_up",
            "help_call_back",
            "help_centre",
            "help_districts",
            "help_pick_district",
            "help_family",
            "help_ask_family",
            "inbox",
            "message_read",
            "relatives_page",
            "relatives_kinships",
            "relatives_ask",
            "relatives_agree_by_code",
            "relatives_answer",
            "relatives_switch",
            "relatives_act_for",
        ] {
            assert!(
                !staff.contains(citizen_only),
                "the staff window may call {citizen_only}"
            );
        }
    }

    #[test]
    fn kiosk_commands_are_the_kiosk_window_s_alone_and_it_has_no_staff_or_lasting_command() {
        // A stranger at a kiosk has her own errands for one visit: never a clerk's commands, a
        // login that outlives the visit, a file saved on the kiosk or another kiosk's approval.
        let [(_, main), (_, staff), (_, kiosk)] = CAPABILITIES;
        let (main, staff, kiosk) = (granted(main), granted(staff), granted(kiosk));
        let kiosk_commands: BTreeSet<String> = handled()
            .into_iter()
            .filter(|name| {
                name.starts_with("kiosk_") && name != "kiosk_asking" && name != "kiosk_answer"
            })
            .collect();
        assert_eq!(kiosk_commands.len(), 16, "{kiosk_commands:?}");
        assert!(kiosk_commands.is_subset(&kiosk));
        assert!(main.is_disjoint(&kiosk_commands) && staff.is_disjoint(&kiosk_commands));
        for refused in handled().into_iter().filter(|name| {
            name.starts_with("staff_")
                || name.starts_with("assisted_")
                || name.starts_with("centre_")
                || [
                    "login_request_code",
                    "login_with_code",
                    "logout",
                    "logins",
                    "login_end",
                    "kiosk_asking",
                    "kiosk_answer",
                    "receipt_save_pdf",
                ]
                .contains(&name.as_str())
                || name.starts_with("relatives_")
                || name == "help_family"
                || name == "help_ask_family"
        }) {
            assert!(
                !kiosk.contains(&refused),
                "the kiosk window may call {refused}"
            );
        }
    }

    /// Where the generated bindings are committed.
    const BINDINGS: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ui/src/lib/bindings.generated.ts"
    );

    #[test]
    fn the_generated_typescript_bindings_are_fresh() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fresh = dir.path().join("bindings.generated.ts");
        super::typed()
            .export(specta_typescript::Typescript::default(), &fresh)
            .expect("the bindings export");
        let fresh = std::fs::read_to_string(&fresh).expect("the fresh bindings");
        if std::env::var_os("HUIBAN_WRITE_BINDINGS").is_some() {
            std::fs::write(BINDINGS, &fresh).expect("bindings written");
        }
        let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/lib/bindings.generated.ts is stale; regenerate it with\n  \
             HUIBAN_WRITE_BINDINGS=1 cargo test -p huiban the_generated_typescript_bindings_are_fresh"
        );
    }
}
