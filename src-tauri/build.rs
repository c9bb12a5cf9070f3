//! Generates Tauri's context and the permissions of Huiban's own commands.

fn main() {
    // Commands listed here get generated `allow-*` permissions and are callable only from windows
    // whose capability grants them (see capabilities/).
    let manifest = tauri_build::AppManifest::new().commands(&[
        "catalog_items",
        "catalog_search",
        "store_status",
        "queue_summary",
        "draft_start",
        "draft_answer",
        "draft_list",
        "draft_submit",
        "form_check_answer",
        "preferences_get",
        "preferences_set",
        "speech_speak",
        "speech_stop",
        "login_request_code",
        "login_with_code",
        "session_status",
        "logout",
        "unsent",
        "wallet_licences",
        "wallet_licence_qr",
        "inbox",
        "message_read",
        "draft_open",
        "draft_step",
        "draft_review",
        "submission_status",
        "case_number_qr",
        "form_definition",
        "cases",
        "case_detail",
        "copies_refresh",
        "evaluation_levels",
        "case_evaluate",
        "case_withdraw",
        "case_supplement",
        "attachment_keep",
        "requests",
        "request_detail",
        "request_follow_up",
        "request_evaluate",
        "regions",
        "region_path",
        "group_items",
        "draft_item_step",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .unwrap_or_else(|error| panic!("tauri build script failed: {error:#}"));
}
