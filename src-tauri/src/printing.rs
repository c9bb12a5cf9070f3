//! Printing the page a window shows through the OS print system, with its print stylesheet and
//! without the print dialog: to the counter's printer (the config's `printer`, else the system's
//! default), or to a PDF file. Elsewhere the webview's own print.
//!
//! On Linux WebKitGTK's print operation writes the page to a PDF file through GTK's print-to-file
//! printer only, and a page for a printer is then handed to CUPS with its own `lp` command. GTK's
//! CUPS backend is never loaded: with the libcups of the CVE-2025-58436 fix (CUPS 2.4.15, Debian
//! 2.4.2-3+deb12u10) it loops for ever inside `gtk_enumerate_printers`, on the window's thread, and
//! the whole window freezes (OpenPrinting/cups#1429); a CUPS that misbehaves now makes `lp` fail with
//! a message instead.

#[cfg(target_os = "linux")]
use std::path::Path;

use tauri::WebviewWindow;

/// Where a page is printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintTo {
    /// A printer of the print system by name, or the default one.
    Printer(Option<String>),
    /// A PDF file at this path.
    Pdf(std::path::PathBuf),
}

/// Why a page was not printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    /// The window's webview could not be reached.
    #[error("the webview could not be reached: {0}")]
    Webview(#[from] tauri::Error),
    /// The print system refused or failed.
    #[error("printing failed: {0}")]
    Failed(String),
    /// Printing ended without a word from the print system.
    #[error("printing ended without an answer")]
    NoAnswer,
}

/// Prints what `window` shows to `to`; answers once the print system has the job.
#[cfg(target_os = "linux")]
pub async fn print_page(window: &WebviewWindow, to: PrintTo) -> Result<(), PrintError> {
    match to {
        PrintTo::Pdf(path) => write_pdf(window, path).await,
        PrintTo::Printer(printer) => {
            let page = std::env::temp_dir().join(format!(
                "huiban-print-{}-{}.pdf",
                std::process::id(),
                chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
            ));
            let printed = match write_pdf(window, page.clone()).await {
                Ok(()) => hand_to_cups(&page, printer.as_deref()).await,
                Err(error) => Err(error),
            };
            // CUPS has its own copy by now (or nothing came of it): the page is not kept here.
            let _ = std::fs::remove_file(&page);
            printed
        }
    }
}

/// Hands the PDF at `page` to CUPS for `printer` (the default one without a name) with its `lp`
/// command; answers once CUPS has queued it.
#[cfg(target_os = "linux")]
async fn hand_to_cups(page: &Path, printer: Option<&str>) -> Result<(), PrintError> {
    let mut lp = tokio::process::Command::new("lp");
    if let Some(name) = printer {
        lp.args(["-d", name]);
    }
    let done = lp
        .args(["-t", "惠办回执", "--"])
        .arg(page)
        .output()
        .await
        .map_err(|error| PrintError::Failed(format!("cannot run lp: {error}")))?;
    if done.status.success() {
        Ok(())
    } else {
        Err(PrintError::Failed(
            String::from_utf8_lossy(&done.stderr).trim().to_owned(),
        ))
    }
}

/// Writes what `window` shows to a PDF file at `path`, through GTK's print-to-file printer alone.
#[cfg(target_os = "linux")]
async fn write_pdf(window: &WebviewWindow, path: std::path::PathBuf) -> Result<(), PrintError> {
    use std::cell::RefCell;
    use std::rc::Rc;

    use gtk::prelude::GtkSettingsExt;
    use webkit2gtk::PrintOperationExt;

    let (answer, answered) = tokio::sync::oneshot::channel::<Result<(), String>>();
    window.with_webview(move |webview| {
        // Only the print-to-file backend: GTK's CUPS backend is the one that freezes (above).
        if let Some(gtk_settings) = gtk::Settings::default() {
            gtk_settings.set_gtk_print_backends(Some("file"));
        }
        let settings = gtk::PrintSettings::new();
        // GTK's print-to-file printer, named in the desktop's language (its own catalog).
        let file_printer = gtk::glib::dgettext(Some("gtk30"), "Print to File");
        settings.set_printer(&file_printer);
        settings.set(gtk::PRINT_SETTINGS_OUTPUT_FILE_FORMAT, Some("pdf"));
        settings.set(gtk::PRINT_SETTINGS_OUTPUT_URI, Some(&file_uri(&path)));
        let operation = webkit2gtk::PrintOperation::new(&webview.inner());
        operation.set_print_settings(&settings);
        let answer = Rc::new(RefCell::new(Some(answer)));
        let on_failure = answer.clone();
        operation.connect_failed(move |_, error| {
            if let Some(answer) = on_failure.borrow_mut().take() {
                let _ = answer.send(Err(error.to_string()));
            }
        });
        operation.connect_finished(move |_| {
            if let Some(answer) = answer.borrow_mut().take() {
                let _ = answer.send(Ok(()));
            }
        });
        operation.print();
    })?;
    match answered.await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(error)) => Err(PrintError::Failed(error)),
        Err(_) => Err(PrintError::NoAnswer),
    }
}

/// Prints what `window` shows through the webview's own print (it may ask with a dialog).
#[cfg(not(target_os = "linux"))]
pub async fn print_page(window: &WebviewWindow, _to: PrintTo) -> Result<(), PrintError> {
    window.print()?;
    Ok(())
}

/// The `file://` URI of `path`.
#[cfg(target_os = "linux")]
fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}
