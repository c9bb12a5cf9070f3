//! Printing the page a window shows through the OS print system, with its print stylesheet and
//! without the print dialog: to the counter's printer (the config's `printer`, else the system's
//! default), or to a PDF file. WebKitGTK's print operation on Linux; elsewhere the webview's own.

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
    use std::cell::RefCell;
    use std::rc::Rc;

    use webkit2gtk::PrintOperationExt;

    let (answer, answered) = tokio::sync::oneshot::channel::<Result<(), String>>();
    window.with_webview(move |webview| {
        let settings = gtk::PrintSettings::new();
        match &to {
            PrintTo::Printer(Some(name)) => settings.set_printer(name),
            PrintTo::Printer(None) => {}
            PrintTo::Pdf(path) => {
                // GTK's print-to-file printer, named in the desktop's language (its own catalog).
                let file_printer = gtk::glib::dgettext(Some("gtk30"), "Print to File");
                settings.set_printer(&file_printer);
                settings.set(gtk::PRINT_SETTINGS_OUTPUT_FILE_FORMAT, Some("pdf"));
                settings.set(gtk::PRINT_SETTINGS_OUTPUT_URI, Some(&file_uri(path)));
            }
        }
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
