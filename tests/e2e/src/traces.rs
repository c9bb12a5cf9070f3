//! Traces of a person left on this computer: files whose bytes hold her name or numbers (as UTF-8,
//! or UTF-16 as WebKit's storage keeps text), and the webview's own storage as the page sees it.

use std::path::{Path, PathBuf};

/// The directories the app and its webview write to: the data directory it was given, and the
/// webview's data and cache directories under the XDG homes (`cn.huiban.desktop`).
pub fn app_dirs(data_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![data_dir.to_path_buf()];
    for home in ["XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"] {
        if let Some(root) = std::env::var_os(home) {
            dirs.push(PathBuf::from(root).join("cn.huiban.desktop"));
        }
    }
    dirs
}

/// Every file under `roots` whose bytes hold any of `words`, as UTF-8 or UTF-16 (either order).
pub fn files_holding(roots: &[PathBuf], words: &[&str]) -> std::io::Result<Vec<PathBuf>> {
    let patterns: Vec<Vec<u8>> = words
        .iter()
        .flat_map(|word| {
            let little: Vec<u8> = word.encode_utf16().flat_map(u16::to_le_bytes).collect();
            let big: Vec<u8> = word.encode_utf16().flat_map(u16::to_be_bytes).collect();
            [word.as_bytes().to_vec(), little, big]
        })
        .collect();
    let mut found = Vec::new();
    let mut pending: Vec<PathBuf> = roots.iter().filter(|root| root.exists()).cloned().collect();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path)? {
                pending.push(entry?.path());
            }
        } else if path.is_file() {
            let bytes = std::fs::read(&path)?;
            if patterns
                .iter()
                .any(|pattern| memchr::memmem::find(&bytes, pattern).is_some())
            {
                found.push(path);
            }
        }
    }
    Ok(found)
}

/// What the page keeps in its own storage and shows: every local and session storage entry as
/// `key=value`, and the text of the page.
pub async fn webview_words(
    client: &fantoccini::Client,
) -> Result<String, Box<dyn std::error::Error>> {
    let words = client
        .execute(
            "return [localStorage, sessionStorage]
               .flatMap((kept) => Object.keys(kept).map((key) => key + '=' + kept.getItem(key)))
               .concat([document.title, document.body.innerText])
               .join('\\n');",
            vec![],
        )
        .await?;
    Ok(words.as_str().unwrap_or_default().to_owned())
}

/// Checks the app's log files in `dir` after a journey: there is a log (it says the app started)
/// and no file in it holds any of `words` (a phone number, an ID number, a name).
pub fn log_holds_none_of(dir: &Path, words: &[&str]) -> Result<(), Box<dyn std::error::Error>> {
    let logs: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()?;
    let started = logs
        .iter()
        .any(|path| std::fs::read_to_string(path).is_ok_and(|text| text.contains("starting")));
    if !started {
        return Err(format!("no log says the app started: {logs:?}").into());
    }
    let holding = files_holding(&[dir.to_path_buf()], words)?;
    if !holding.is_empty() {
        return Err(format!("the log holds personal data: {holding:?}").into());
    }
    Ok(())
}
