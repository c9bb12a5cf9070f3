//! 关于惠办: the version, whether this computer can read aloud, and the diagnostics a clerk or a
//! helpline asks for (version, system, platform address, queue counts, where the logs are), with
//! no personal data: no name, phone, ID number, account or home folder. `app.about(…)` builds it.

use std::path::Path;

use serde::Serialize;

use crate::Error;
use crate::app::App;
use crate::config::UrlSource;
use crate::i18n::Localizer;

/// The version of this build of the app.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What 关于惠办 shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct About {
    /// E.g. `0.1.0`.
    pub version: String,
    /// Whether this computer can read aloud now (a speech engine answered).
    pub reads_aloud: bool,
    /// The lines 复制诊断信息 copies, in the app's language.
    pub diagnostics: String,
}

/// What the shell knows and core does not: the speech engine and the log folder.
#[derive(Debug, Clone, Copy)]
pub struct ShellFacts<'a> {
    /// Whether a speech engine answered.
    pub reads_aloud: bool,
    /// Where the log files are written, if anywhere.
    pub log_dir: Option<&'a Path>,
}

/// `path` with the home folder written as `~`, so that the person's login name stays out.
fn without_home(path: &Path) -> String {
    match dirs::home_dir().and_then(|home| path.strip_prefix(home).ok().map(Path::to_path_buf)) {
        Some(rest) => Path::new("~").join(rest).display().to_string(),
        None => path.display().to_string(),
    }
}

/// The system's own name for itself (`PRETTY_NAME` of `/etc/os-release`), where it has one.
fn system_name() -> Option<String> {
    let text = std::fs::read_to_string("/etc/os-release").ok()?;
    text.lines()
        .find_map(|line| line.strip_prefix("PRETTY_NAME="))
        .map(|value| value.trim_matches('"').to_owned())
}

/// Where the platform address came from, in the app's language.
fn source_words(source: &UrlSource, localizer: &Localizer) -> String {
    match source {
        UrlSource::CommandLine => localizer.text("diagnostics-source-flag", &[]),
        UrlSource::Environment => localizer.text("diagnostics-source-env", &[]),
        UrlSource::ConfigFile(path) => {
            localizer.text("diagnostics-source-file", &[("path", &without_home(path))])
        }
        UrlSource::Default => localizer.text("diagnostics-source-default", &[]),
    }
}

impl App {
    /// 关于惠办 as it is now; the queue counts are those of whoever is logged in (none without).
    pub async fn about(&self, shell: ShellFacts<'_>) -> Result<About, Error> {
        let localizer = self.localizer();
        let queue = self.device().queue().await?;
        let system = format!(
            "{} {}{}",
            std::env::consts::OS,
            std::env::consts::ARCH,
            system_name()
                .map(|name| format!(" ({name})"))
                .unwrap_or_default()
        );
        let yes_no = |yes: bool| {
            localizer.text(
                if yes {
                    "diagnostics-yes"
                } else {
                    "diagnostics-no"
                },
                &[],
            )
        };
        let waiting = queue.waiting.to_string();
        let sent = queue.sent.to_string();
        let attention = queue.needs_attention.to_string();
        let lines = [
            localizer.text("diagnostics-version", &[("version", VERSION)]),
            localizer.text("diagnostics-system", &[("system", &system)]),
            localizer.text("diagnostics-mode", &[("mode", self.mode().name())]),
            localizer.text(
                "diagnostics-platform",
                &[
                    ("url", self.client().base().as_str()),
                    ("source", &source_words(self.source(), localizer)),
                ],
            ),
            localizer.text(
                "diagnostics-kept-here",
                &[("answer", &yes_no(self.store().is_some()))],
            ),
            localizer.text(
                "diagnostics-reads-aloud",
                &[("answer", &yes_no(shell.reads_aloud))],
            ),
            localizer.text(
                "diagnostics-queue",
                &[
                    ("waiting", &waiting),
                    ("sent", &sent),
                    ("attention", &attention),
                ],
            ),
            localizer.text(
                "diagnostics-logs",
                &[(
                    "path",
                    &shell
                        .log_dir
                        .map(without_home)
                        .unwrap_or_else(|| localizer.text("diagnostics-no", &[])),
                )],
            ),
        ];
        Ok(About {
            version: VERSION.to_owned(),
            reads_aloud: shell.reads_aloud,
            diagnostics: lines.join("\n"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{app_with_store, logged_in};

    #[tokio::test]
    async fn the_diagnostics_name_the_build_and_this_computer_but_nobody() {
        let dir = tempfile::tempdir().expect("dir");
        let app = app_with_store(&dir, logged_in("13800000001"));
        let logs = dirs::home_dir()
            .unwrap_or_default()
            .join(".local/share/huiban/logs");
        let about = app
            .about(ShellFacts {
                reads_aloud: false,
                log_dir: Some(&logs),
            })
            .await
            .expect("about");
        assert_eq!(about.version, VERSION);
        assert!(!about.reads_aloud);
        let text = &about.diagnostics;
        for expected in [
            VERSION,
            std::env::consts::OS,
            "citizen",
            "等待发送 0",
            "朗读：不能",
        ] {
            assert!(text.contains(expected), "{expected} missing from:\n{text}");
        }
        assert!(text.contains("~/.local/share/huiban/logs"), "{text}");
        assert!(!text.contains("13800000001"), "{text}");
        if let Some(home) = dirs::home_dir().filter(|home| home != Path::new("/")) {
            assert!(!text.contains(&home.display().to_string()), "{text}");
        }
    }
}
