//! What the test printer printed: `cargo xtask test` starts CUPS with a CUPS-PDF printer
//! (`HUIBAN_E2E_PRINTER`) writing into `HUIBAN_E2E_PRINTED`; a printed page is the newest PDF there,
//! read as text with pdftotext.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::looks::check_drawn_page;
use crate::page::{by_role, screenshot, text_of_role_containing};

/// The test printer's name, as the app is told it (`HUIBAN_PRINTER`).
pub fn printer() -> String {
    crate::env_path("HUIBAN_E2E_PRINTER")
        .to_string_lossy()
        .into_owned()
}

/// The folder the test printer writes its PDFs into.
pub fn printed_dir() -> PathBuf {
    crate::env_path("HUIBAN_E2E_PRINTED")
}

/// The PDFs in `dir` now.
pub fn pdfs_in(dir: &Path) -> BTreeSet<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits (up to a minute) for a PDF in `dir` that was not among `before`, written out.
pub async fn new_pdf(
    dir: &Path,
    before: &BTreeSet<PathBuf>,
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(path) = pdfs_in(dir).difference(before).next() {
            // CUPS-PDF writes it in one go once the job is done; wait until its size stands.
            let size = std::fs::metadata(path)?.len();
            tokio::time::sleep(Duration::from_millis(500)).await;
            if size > 0 && std::fs::metadata(path)?.len() == size {
                return Ok(path.clone());
            }
        }
        if Instant::now() > deadline {
            return Err(format!("nothing was printed into {}", dir.display()).into());
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// The receipt printed to `pdf` reads as one (its picture read back): one page, 受理回执, what
/// `shown` names, the promise and 12345 — not 张秀英's name, and not `around`, a word of the window
/// around the receipt.
pub fn receipt_reads(pdf: &Path, shown: &[&str], around: &str) -> crate::TestResult {
    let text = squeezed(&printed_text_of(pdf)?);
    for said in ["受理回执", "工作日内办好", "12345"].iter().chain(shown) {
        assert!(
            text.contains(&squeezed(said)),
            "the printed receipt says {said:?}: {text}"
        );
    }
    assert!(!text.contains("张秀英"), "no name on the receipt: {text}");
    assert!(
        !text.contains(around),
        "the window around it is not printed: {text}"
    );
    assert_eq!(pages_of(pdf)?, 1, "one page");
    Ok(())
}

/// The text of a PDF, as pdftotext reads it (its text layer).
pub fn text_of(pdf: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()?;
    if !output.status.success() {
        return Err(format!("pdftotext failed on {}", pdf.display()).into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

/// The text of a PDF's first page as it prints, read off its picture (pdftoppm at 300 dpi, then
/// tesseract in simplified Chinese): what CUPS-PDF writes has no text layer for CJK.
pub fn printed_text_of(pdf: &Path) -> Result<String, Box<dyn std::error::Error>> {
    let pictures = tempfile::tempdir()?;
    let stem = pictures.path().join("page");
    let picture = stem.with_extension("png");
    let rendered = std::process::Command::new("pdftoppm")
        .args(["-r", "300", "-png", "-singlefile"])
        .arg(pdf)
        .arg(&stem)
        .status()?;
    if !rendered.success() {
        return Err(format!("pdftoppm failed on {}", pdf.display()).into());
    }
    let output = std::process::Command::new("tesseract")
        .arg(&picture)
        .args(["-", "-l", "chi_sim"])
        .output()?;
    if !output.status.success() {
        return Err(format!("tesseract failed on {}", picture.display()).into());
    }
    Ok(String::from_utf8(output.stdout)?)
}

/// `text` without its white space (OCR and text layers space words as they like).
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// How many pages a PDF has, as pdfinfo says.
pub fn pages_of(pdf: &Path) -> Result<u32, Box<dyn std::error::Error>> {
    let output = std::process::Command::new("pdfinfo").arg(pdf).output()?;
    let info = String::from_utf8(output.stdout)?;
    info.lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|pages| pages.trim().parse().ok())
        .ok_or_else(|| format!("pdfinfo gave no page count for {}", pdf.display()).into())
}

/// 打印回执 on the page of the case `number` just sent for 张秀英: the receipt page, printed through CUPS to the test's PDF printer (its text read back:
/// one page, the service, the grouped 办件编号, the promise and the clerk, and not her name), then
/// saved as a PDF too.
pub async fn print_the_receipt(
    client: &fantoccini::Client,
    number: &str,
    service: &str,
) -> crate::TestResult {
    by_role(client, "link", "打印回执").await?.click().await?;
    by_role(client, "heading", "收件凭证（受理回执）").await?;
    // Grouped by four as core groups it (its unit test pins the shape: 1101 0120 …).
    let grouped = huiban_core::cases::receipt::grouped(number);
    by_role(client, "button", "存为PDF").await?;
    let shown = crate::waits::main_text(client).await?;
    assert!(
        shown.contains(&grouped),
        "the 办件编号 grouped by four: {shown}"
    );
    check_drawn_page(client, 24.0).await?;
    screenshot(client, "staff-receipt").await?;
    let before = pdfs_in(&printed_dir());
    by_role(client, "button", "打印回执").await?.click().await?;
    text_of_role_containing(client, "status", "回执已经送到打印机").await?;
    let printed = new_pdf(&printed_dir(), &before).await?;
    receipt_reads(&printed, &[service, number, "赵敏"], "结束办理")?;

    let saved = save_receipt_pdf(client).await?;
    let text = squeezed(&text_of(&saved)?);
    assert!(text.contains(number), "the saved PDF: {text}");
    Ok(())
}

/// 存为PDF on the receipt page shown: the path the app says it saved to, once the file is there.
pub async fn save_receipt_pdf(
    client: &fantoccini::Client,
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    by_role(client, "button", "存为PDF").await?.click().await?;
    let saved = text_of_role_containing(client, "status", "回执已经存为PDF").await?;
    let path = saved
        .split_once('：')
        .map(|(_, path)| PathBuf::from(path.trim()))
        .ok_or("no path said")?;
    let deadline = Instant::now() + Duration::from_secs(30);
    while !path.exists() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Ok(path)
}
