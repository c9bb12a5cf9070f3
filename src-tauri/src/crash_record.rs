//! When the app panics, a crash record beside the logs (`crash-<time>.txt`): the version, the
//! system, the thread, where it happened, what it said and the backtrace, for whoever helps. The
//! panic is then reported as before (standard error).

use std::path::{Path, PathBuf};

/// Where a crash record goes for a panic at `now` (seconds since 1970), in `dir`.
fn record_path(dir: &Path, now: u64) -> PathBuf {
    dir.join(format!("crash-{now}.txt"))
}

/// The record's text.
fn record(thread: &str, location: &str, message: &str, backtrace: &str) -> String {
    format!(
        "惠办 {version} crashed\nsystem: {os} {arch}\nthread: {thread}\nat: {location}\nmessage: {message}\n\nbacktrace:\n{backtrace}\n",
        version = env!("CARGO_PKG_VERSION"),
        os = std::env::consts::OS,
        arch = std::env::consts::ARCH,
    )
}

/// Writes the record of the panic described by `info` into `dir`; returns where.
fn write(dir: &Path, info: &std::panic::PanicHookInfo<'_>) -> std::io::Result<PathBuf> {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let location = info
        .location()
        .map(|at| format!("{}:{}", at.file(), at.line()))
        .unwrap_or_default();
    let current = std::thread::current();
    let thread = current.name().unwrap_or("(unnamed)");
    let backtrace = std::backtrace::Backtrace::force_capture().to_string();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|since| since.as_secs())
        .unwrap_or_default();
    std::fs::create_dir_all(dir)?;
    let path = record_path(dir, now);
    std::fs::write(&path, record(thread, &location, &message, &backtrace))?;
    Ok(path)
}

/// Installs the hook: every panic leaves a record in `dir`, then is reported as before.
pub fn install(dir: PathBuf) {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        match write(&dir, info) {
            Ok(path) => eprintln!("惠办出错了，记录在 {}", path.display()),
            Err(error) => eprintln!("惠办出错了，记录没能写下：{error}"),
        }
        before(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_leaves_a_record_beside_the_logs() {
        let dir = tempfile::tempdir().unwrap();
        install(dir.path().to_path_buf());
        let outcome = std::thread::Builder::new()
            .name("worker".into())
            .spawn(|| panic!("the test's own panic"))
            .unwrap()
            .join();
        let _ = std::panic::take_hook();
        assert!(outcome.is_err());
        let records: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        // Other tests of this binary may panic meanwhile: the record is the one naming this panic.
        let (path, text) = records
            .iter()
            .map(|path| (path, std::fs::read_to_string(path).unwrap()))
            .find(|(_, text)| text.contains("the test's own panic"))
            .expect("no record of the panic");
        for expected in [
            env!("CARGO_PKG_VERSION"),
            "thread: worker",
            "crash_record.rs",
            "the test's own panic",
            "backtrace:",
        ] {
            assert!(text.contains(expected), "{expected} missing from {text}");
        }
        assert!(
            path.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("crash-")
        );
    }
}
