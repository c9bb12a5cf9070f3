//! The app's identifier, as `tauri.conf.json` has it: the folders Tauri keeps things in (the
//! log's, the window's state) and the single-instance name follow it.

/// `cn.huiban.desktop`.
pub const IDENTIFIER: &str = "cn.huiban.desktop";

#[cfg(test)]
mod tests {
    #[test]
    fn it_is_tauri_conf_s() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        assert_eq!(conf["identifier"], super::IDENTIFIER);
    }
}
