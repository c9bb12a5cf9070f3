//! 打印回执 and 存为PDF: the receipt page this window shows, printed through the OS print system
//! with its print stylesheet and no dialog, to the counter's printer (config `printer` or
//! `HUIBAN_PRINTER`, else the default one), or saved as a PDF.

use tauri::WebviewWindow;

use crate::IpcError;
use crate::printing::{PrintTo, print_page};

/// Prints the receipt this window shows to the counter's printer.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(window), err)]
pub async fn receipt_print(window: WebviewWindow) -> Result<(), IpcError> {
    let printer = huiban_core::config::printer_from_process().map_err(|error| {
        tracing::warn!(%error, "the printer setting cannot be read");
        IpcError::plain("receipt-print-failed")
    })?;
    print_page(&window, PrintTo::Printer(printer))
        .await
        .map_err(|error| {
            tracing::warn!(%error, "the receipt was not printed");
            IpcError::plain("receipt-print-failed")
        })
}

/// Saves the receipt this window shows as a PDF; answers where.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(window), err)]
pub async fn receipt_save_pdf(
    window: WebviewWindow,
    application_no: String,
) -> Result<String, IpcError> {
    let path = huiban_core::cases::receipt::pdf_path(&application_no)?;
    print_page(&window, PrintTo::Pdf(path.clone()))
        .await
        .map_err(|error| {
            tracing::warn!(%error, "the receipt was not saved");
            IpcError::plain("receipt-pdf-failed")
        })?;
    Ok(path.display().to_string())
}
