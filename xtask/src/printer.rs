//! The test printer: CUPS with a CUPS-PDF queue (`HuibanPDF`) that writes each printed page as a PDF
//! into the user's `~/PDF`, as Debian's cups-pdf does. Started for the WebDriver layer, which prints
//! receipts to it and reads them back.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::process::{on_path, output};

/// The queue's name, as the app is told it (`HUIBAN_PRINTER`).
pub const PRINTER: &str = "HuibanPDF";

/// The PPD of Debian's cups-pdf driver.
const CUPS_PDF_PPD: &str = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd";

/// Makes sure the CUPS scheduler runs and has the CUPS-PDF queue; answers the folder its PDFs go to.
pub fn ensure() -> Result<PathBuf, String> {
    if !on_path("lpadmin") || !std::path::Path::new(CUPS_PDF_PPD).is_file() {
        return Err(
            "CUPS and cups-pdf are missing: apt-get install cups printer-driver-cups-pdf"
                .to_owned(),
        );
    }
    if !scheduler_answers() {
        // No init system in a container: the scheduler is started by hand (it needs root).
        let started = Command::new("cupsd")
            .status()
            .map_err(|e| format!("cannot start cupsd: {e}"))?;
        if !started.success() {
            return Err("cupsd did not start (starting it needs root)".to_owned());
        }
        let deadline = Instant::now() + Duration::from_secs(20);
        while !scheduler_answers() {
            if Instant::now() > deadline {
                return Err("cupsd started but does not answer".to_owned());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
    let added = Command::new("lpadmin")
        .args(["-p", PRINTER, "-E", "-v", "cups-pdf:/", "-P", CUPS_PDF_PPD])
        .status()
        .map_err(|e| format!("cannot run lpadmin: {e}"))?;
    if !added.success() {
        return Err(format!("lpadmin could not add the {PRINTER} queue"));
    }
    let home = std::env::var_os("HOME").ok_or("HOME is not set")?;
    Ok(PathBuf::from(home).join("PDF"))
}

/// Whether the CUPS scheduler answers.
fn scheduler_answers() -> bool {
    output(Command::new("lpstat").arg("-r"))
        .map(|said| said.contains("is running"))
        .unwrap_or(false)
}
