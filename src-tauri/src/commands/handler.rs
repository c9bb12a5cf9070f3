//! The one list of the shell's commands handed to Tauri. `build.rs` lists the same names (to
//! generate their `allow-*` permissions) and `capabilities/` grants them per window: a test here
//! proves the three agree.

/// The invoke handler of every command.
pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        super::attachments::attachment_keep,
        super::cases::case_asked_again,
        super::cases::case_detail,
        super::cases::case_evaluate,
        super::cases::case_supplement,
        super::cases::case_withdraw,
        super::cases::cases,
        super::cases::copies_refresh,
        super::cases::evaluation_levels,
        super::catalog::catalog_items,
        super::catalog::catalog_search,
        super::device::queue_summary,
        super::device::store_status,
        super::drafts::case_number_qr,
        super::drafts::draft_answer,
        super::drafts::draft_item_step,
        super::drafts::draft_list,
        super::drafts::draft_next,
        super::drafts::draft_open,
        super::drafts::draft_page,
        super::drafts::draft_review,
        super::drafts::draft_start,
        super::drafts::draft_step,
        super::drafts::draft_submit,
        super::drafts::submission_status,
        super::forms::form_check_answer,
        super::forms::form_definition,
        super::forms::group_items,
        super::forms::region_path,
        super::forms::regions,
        super::inbox::inbox,
        super::inbox::message_read,
        super::logins::kiosk_answer,
        super::logins::kiosk_asking,
        super::logins::login_end,
        super::logins::logins,
        super::preferences::preferences_get,
        super::preferences::preferences_set,
        super::requests::request_detail,
        super::requests::request_evaluate,
        super::requests::request_follow_up,
        super::requests::requests,
        super::session::login_request_code,
        super::session::login_with_code,
        super::session::logout,
        super::session::session_status,
        super::session::unsent,
        super::speech::speech_speak,
        super::speech::speech_stop,
        super::wallet::wallet_licence_qr,
        super::wallet::wallet_licences,
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// The command names in this file's `generate_handler!` list.
    fn handled() -> BTreeSet<String> {
        let source = include_str!("handler.rs");
        let start = source.find("generate_handler![").expect("the handler list");
        let end = start + source[start..].find(']').expect("its end");
        source[start..end]
            .lines()
            .skip(1)
            .filter_map(|line| line.trim().trim_end_matches(',').rsplit("::").next())
            .filter(|name| !name.is_empty())
            .map(str::to_owned)
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

    #[test]
    fn the_handler_build_rs_and_the_capability_list_the_same_commands() {
        let handled = handled();
        assert!(handled.len() > 40, "read the handler list: {handled:?}");
        assert_eq!(handled, in_build_rs(), "build.rs and the handler differ");
        let main = granted(include_str!("../../capabilities/main.json"));
        assert_eq!(
            handled, main,
            "capabilities/main.json and the handler differ"
        );
    }
}
