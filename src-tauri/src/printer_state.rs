//! How the kiosk's receipt printer is, as CUPS says (`lpstat`): ready, out of paper, not answering,
//! or none at all; sent in the kiosk's heartbeat.

use huiban_api::kiosk::PrinterState;

/// The state of `printer` (the system's default one without a name).
pub async fn of(printer: Option<&str>) -> PrinterState {
    let name = match printer {
        Some(name) => name.to_owned(),
        None => match default_printer().await {
            Some(name) => name,
            None => return PrinterState::None,
        },
    };
    let answer = tokio::process::Command::new("lpstat")
        .args(["-l", "-p", &name])
        .output()
        .await;
    match answer {
        Ok(output) if output.status.success() => state_in(&String::from_utf8_lossy(&output.stdout)),
        // No such printer, or no CUPS to ask.
        _ => PrinterState::Offline,
    }
}

/// The system's default printer, if it has one.
async fn default_printer() -> Option<String> {
    let output = tokio::process::Command::new("lpstat")
        .arg("-d")
        .output()
        .await
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    text.split_once(':')
        .map(|(_, name)| name.trim().to_owned())
        .filter(|name| !name.is_empty())
}

/// The state `lpstat -l -p` describes.
fn state_in(lpstat: &str) -> PrinterState {
    if lpstat.contains("media-empty") || lpstat.contains("media-needed") {
        PrinterState::OutOfPaper
    } else if lpstat.contains(" disabled ") || lpstat.contains("offline-report") {
        PrinterState::Offline
    } else {
        PrinterState::Ready
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_cups_says_becomes_the_printer_s_state() {
        let idle = "printer HuibanPDF is idle.  enabled since Tue 01 Dec 2026\n\tAlerts: none\n";
        assert_eq!(state_in(idle), PrinterState::Ready);
        let empty = "printer Hall is idle.  enabled since Tue\n\tAlerts: media-empty-error\n";
        assert_eq!(state_in(empty), PrinterState::OutOfPaper);
        let off = "printer Hall disabled since Tue 01 Dec 2026 -\n\treason unknown\n";
        assert_eq!(state_in(off), PrinterState::Offline);
    }
}
