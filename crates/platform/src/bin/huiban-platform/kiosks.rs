//! `huiban-platform kiosks list`: the service halls' kiosks and what each said last;
//! `huiban-platform kiosks configure`: what a kiosk is told (audited).

use std::io::Write;

use anyhow::Context;
use huiban_api::{KioskConfig, KioskState, KioskStatus, PrinterState};
use huiban_platform::Store;

use crate::audit::{audited, operator_audit};

/// Sets the config of the kiosk `device`, audited; says what it set.
pub fn configure(
    data_dir: &std::path::Path,
    device: &str,
    config: &KioskConfig,
) -> anyhow::Result<()> {
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    audited(
        &store,
        operator_audit("kiosks Configure", Some(device)),
        || Ok(huiban_platform::kiosks::configure(&store, device, config)?),
    )?;
    let offered = if config.services.is_empty() {
        "全部事项".to_owned()
    } else {
        format!("{}项事项", config.services.len())
    };
    writeln!(
        std::io::stdout(),
        "{device}：{}秒没人操作就问“还在吗”，倒数{}秒；提供{offered}。",
        config.idle_seconds,
        config.countdown_seconds
    )?;
    Ok(())
}

/// Prints every kiosk with its last heartbeat (as JSON with `json`), silent ones marked.
pub fn list_kiosks(data_dir: &std::path::Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    let kiosks = huiban_platform::kiosks::kiosks(&store, now_ms)?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&kiosks)?)?;
        return Ok(());
    }
    if kiosks.is_empty() {
        writeln!(out, "还没有自助机。")?;
    }
    for kiosk in &kiosks {
        writeln!(out, "{}", line_of(kiosk))?;
    }
    Ok(())
}

/// One kiosk in plain words: 一层大厅1号自助机（东城区政务服务中心）  正在使用  打印机正常  1份等待发送  0.1.0  2026-12-01T10:00:00+08:00
fn line_of(kiosk: &KioskStatus) -> String {
    let place = format!("{}（{}）", kiosk.kiosk_name, kiosk.place);
    let Some(last) = &kiosk.last else {
        return format!("{place}  从没联系过  [{}]", kiosk.device);
    };
    let state = match last.state {
        KioskState::Welcome => "等待下一位",
        KioskState::InUse => "正在使用",
        KioskState::IdleWarning => "在问“还在吗”",
        KioskState::OutOfOrder => "暂停服务",
    };
    let printer = match last.printer {
        PrinterState::Ready => "打印机正常",
        PrinterState::OutOfPaper => "打印机没纸了",
        PrinterState::Offline => "打印机连不上",
        PrinterState::None => "没有打印机",
    };
    let silent = if kiosk.silent { "  已失联" } else { "" };
    format!(
        "{place}  {state}  {printer}  {}份等待发送  {}  {}{silent}  [{}]",
        last.queue,
        last.version,
        kiosk.last_seen_at.as_deref().unwrap_or_default(),
        kiosk.device
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kiosk_reads_in_plain_words_and_a_silent_one_says_so() {
        let mut kiosk = KioskStatus {
            device: "k-demo-hall-1".to_owned(),
            kiosk_name: "一层大厅1号自助机".to_owned(),
            place: "东城区政务服务中心".to_owned(),
            last: None,
            last_seen_at: None,
            silent: true,
        };
        assert_eq!(
            line_of(&kiosk),
            "一层大厅1号自助机（东城区政务服务中心）  从没联系过  [k-demo-hall-1]"
        );
        kiosk.last = Some(huiban_api::KioskHeartbeat {
            version: "0.1.0".to_owned(),
            state: KioskState::InUse,
            printer: PrinterState::OutOfPaper,
            queue: 1,
        });
        kiosk.last_seen_at = Some("2026-12-01T10:00:00+08:00".to_owned());
        assert_eq!(
            line_of(&kiosk),
            "一层大厅1号自助机（东城区政务服务中心）  正在使用  打印机没纸了  1份等待发送  0.1.0  2026-12-01T10:00:00+08:00  已失联  [k-demo-hall-1]"
        );
    }
}
