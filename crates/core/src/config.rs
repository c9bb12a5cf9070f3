//! Where the platform is: resolved from a flag, an environment variable, a config file or the default.
//!
//! Precedence, highest first: `--platform-url`, `HUIBAN_PLATFORM_URL`, `platform_url` in the
//! person's config file (`<config dir>/huiban/config.toml`), then in the machine-wide one
//! (`/etc/huiban/config.toml`, [`machine_config_path`]), then [`DEFAULT_PLATFORM_URL`]. The other
//! settings follow the same order of files; a kiosk's own settings (`[kiosk]`) are read from the
//! machine-wide file only.

use std::path::{Path, PathBuf};

use reqwest::Url;
use serde::Deserialize;

/// Platform address used when nothing else is configured: a local reference server.
pub const DEFAULT_PLATFORM_URL: &str = "http://127.0.0.1:8470";
/// Environment variable that overrides the config file.
pub const PLATFORM_URL_ENV: &str = "HUIBAN_PLATFORM_URL";
/// Command-line flag that overrides everything.
pub const PLATFORM_URL_FLAG: &str = "--platform-url";

/// Settings the app starts with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Base address of the government-services platform.
    pub platform_url: Url,
    /// Where `platform_url` came from.
    pub source: UrlSource,
}

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlSource {
    /// The command-line flag.
    CommandLine,
    /// The environment variable.
    Environment,
    /// The config file at this path.
    ConfigFile(PathBuf),
    /// Nothing was configured.
    Default,
}

/// What can be wrong with the configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The config file exists but cannot be read.
    #[error("cannot read config file {path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The config file is not valid TOML of the expected shape.
    #[error("config file {path} is malformed: {source}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: Box<toml::de::Error>,
    },
    /// A platform address is not an http(s) URL.
    #[error("platform address {value:?} from {origin} is not an http or https URL")]
    BadUrl {
        /// The offending text.
        value: String,
        /// Where it came from, for the message.
        origin: String,
    },
    /// A platform address elsewhere than on this computer is not `https://`: personal data would
    /// cross the network readable by anyone on the way.
    #[error(
        "platform address {value:?} from {origin} must use https:// (plain http only on this computer)"
    )]
    NotHttps {
        /// The offending text.
        value: String,
        /// Where it came from, for the message.
        origin: String,
    },
    /// `--mode` or `mode` names no mode.
    #[error("mode {0:?} is none of citizen, staff, kiosk")]
    BadMode(String),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    platform_url: Option<String>,
    mode: Option<crate::mode::Mode>,
    simulated_id_card: Option<PathBuf>,
    printer: Option<String>,
    kiosk: Option<crate::kiosk::KioskSetup>,
}

/// Default location of the config file, when the OS has a config directory.
pub fn default_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("huiban").join("config.toml"))
}

/// Environment variable naming the machine-wide config file instead of its usual place.
pub const MACHINE_CONFIG_ENV: &str = "HUIBAN_MACHINE_CONFIG";

/// The machine-wide config file, set up by whoever installs the computer (a kiosk's settings):
/// `HUIBAN_MACHINE_CONFIG`, else `/etc/huiban/config.toml` (`%ProgramData%\Huiban\config.toml` on
/// Windows).
pub fn machine_config_path() -> PathBuf {
    if let Some(path) = std::env::var_os(MACHINE_CONFIG_ENV).filter(|path| !path.is_empty()) {
        return PathBuf::from(path);
    }
    if cfg!(windows) {
        let data = std::env::var_os("ProgramData").unwrap_or_else(|| "C:\\ProgramData".into());
        return PathBuf::from(data).join("Huiban").join("config.toml");
    }
    PathBuf::from("/etc/huiban/config.toml")
}

/// The person's config file, then the machine-wide one.
fn config_files() -> Vec<PathBuf> {
    default_config_path()
        .into_iter()
        .chain(std::iter::once(machine_config_path()))
        .collect()
}

/// The first config file (the person's, then the machine's) that sets what `pick` takes.
fn first_set<T>(pick: impl Fn(ConfigFile) -> Option<T>) -> Result<Option<T>, ConfigError> {
    for path in config_files() {
        if let Some(value) = pick(read_file(&path)?) {
            return Ok(Some(value));
        }
    }
    Ok(None)
}

/// The kiosk's settings, from the `[kiosk]` table of the machine-wide config file.
pub fn kiosk_setup_from_process() -> Result<Option<crate::kiosk::KioskSetup>, ConfigError> {
    Ok(read_file(&machine_config_path())?.kiosk)
}

/// Environment variable naming the folder of the local store.
pub const DATA_DIR_ENV: &str = "HUIBAN_DATA_DIR";

/// What the command line said, parsed by the shell (`huiban --help` lists them); `None` where a
/// flag was not given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// `--platform-url URL`.
    pub platform_url: Option<String>,
    /// `--mode citizen|staff|kiosk`.
    pub mode: Option<String>,
    /// `--data-dir DIR`.
    pub data_dir: Option<PathBuf>,
}

/// Folder of the local store: `--data-dir`, then `HUIBAN_DATA_DIR`, then `<local data dir>/huiban`.
pub fn data_dir(flags: &Flags) -> Option<PathBuf> {
    if let Some(dir) = flags.data_dir.clone() {
        return Some(dir);
    }
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::data_local_dir().map(|dir| dir.join("huiban"))
}

/// Resolves the settings from the flag value, the environment value and the config file.
pub fn resolve(
    flag: Option<&str>,
    env: Option<&str>,
    config_file: Option<&Path>,
) -> Result<Settings, ConfigError> {
    if let Some(value) = flag.filter(|v| !v.trim().is_empty()) {
        return settings(value, UrlSource::CommandLine, PLATFORM_URL_FLAG);
    }
    if let Some(value) = env.filter(|v| !v.trim().is_empty()) {
        return settings(value, UrlSource::Environment, PLATFORM_URL_ENV);
    }
    if let Some(path) = config_file
        && let Some(value) = read_file(path)?.platform_url
    {
        let origin = path.display().to_string();
        return settings(&value, UrlSource::ConfigFile(path.to_path_buf()), &origin);
    }
    settings(DEFAULT_PLATFORM_URL, UrlSource::Default, "the default")
}

/// Resolves the settings from the flags, this process's environment and the config files.
pub fn settings_from(flags: &Flags) -> Result<Settings, ConfigError> {
    let env = std::env::var(PLATFORM_URL_ENV).ok();
    let mut file = None;
    for path in config_files() {
        if read_file(&path)?.platform_url.is_some() {
            file = Some(path);
            break;
        }
    }
    resolve(
        flags.platform_url.as_deref(),
        env.as_deref(),
        file.as_deref(),
    )
}

/// The mode this process runs in: `--mode`, then `mode` in the config files, then citizen.
pub fn mode_from(flags: &Flags) -> Result<crate::mode::Mode, ConfigError> {
    resolve_mode(flags.mode.as_deref(), first_set(|file| file.mode)?)
}

/// Environment variable naming the file of the simulated ID-card reader (tests and demos).
pub const SIMULATED_ID_CARD_ENV: &str = "HUIBAN_SIMULATED_ID_CARD";

/// The file of the simulated ID-card reader: `HUIBAN_SIMULATED_ID_CARD`, then `simulated_id_card`
/// in the default config file; `None` when this computer has no such reader.
pub fn simulated_id_card_from_process() -> Result<Option<PathBuf>, ConfigError> {
    if let Some(path) = std::env::var_os(SIMULATED_ID_CARD_ENV) {
        return Ok(Some(PathBuf::from(path)));
    }
    first_set(|file| file.simulated_id_card)
}

/// Environment variable naming the printer receipts go to.
pub const PRINTER_ENV: &str = "HUIBAN_PRINTER";

/// The printer receipts go to: `HUIBAN_PRINTER`, then `printer` in the default config file; `None`
/// for the system's default printer.
pub fn printer_from_process() -> Result<Option<String>, ConfigError> {
    if let Some(name) = std::env::var_os(PRINTER_ENV).filter(|name| !name.is_empty()) {
        return Ok(Some(name.to_string_lossy().into_owned()));
    }
    first_set(|file| file.printer)
}

/// The mode from the flag's value, else the config file's, else citizen.
pub fn resolve_mode(
    flag: Option<&str>,
    config_file: Option<crate::mode::Mode>,
) -> Result<crate::mode::Mode, ConfigError> {
    match flag {
        Some(name) => {
            crate::mode::Mode::named(name).ok_or_else(|| ConfigError::BadMode(name.to_owned()))
        }
        None => Ok(config_file.unwrap_or_default()),
    }
}

/// The mode `mode` in the config file at `path`, if it names one.
pub fn mode_in_file(path: &Path) -> Result<Option<crate::mode::Mode>, ConfigError> {
    Ok(read_file(path)?.mode)
}

fn read_file(path: &Path) -> Result<ConfigFile, ConfigError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(ConfigFile::default());
        }
        Err(source) => {
            return Err(ConfigError::Unreadable {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    toml::from_str(&text).map_err(|source| ConfigError::Malformed {
        path: path.to_path_buf(),
        source: Box::new(source),
    })
}

fn settings(value: &str, source: UrlSource, origin: &str) -> Result<Settings, ConfigError> {
    let bad = || ConfigError::BadUrl {
        value: value.to_owned(),
        origin: origin.to_owned(),
    };
    let url = Url::parse(value.trim()).map_err(|_| bad())?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(bad());
    }
    if url.scheme() == "http" && !is_this_computer(&url) {
        return Err(ConfigError::NotHttps {
            value: value.to_owned(),
            origin: origin.to_owned(),
        });
    }
    Ok(Settings {
        platform_url: url,
        source,
    })
}

/// Whether `url` names this computer (loopback), where plain http crosses no network.
fn is_this_computer(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    match bare.parse::<std::net::IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_with(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn the_mode_flag_wins_over_the_file_and_an_unknown_mode_is_named() {
        use crate::mode::Mode;
        assert_eq!(resolve_mode(None, None).unwrap(), Mode::Citizen);
        assert_eq!(resolve_mode(None, Some(Mode::Kiosk)).unwrap(), Mode::Kiosk);
        assert_eq!(
            resolve_mode(Some("staff"), Some(Mode::Kiosk)).unwrap(),
            Mode::Staff
        );
        let error = resolve_mode(Some("admin"), None).unwrap_err();
        assert!(error.to_string().contains("admin"), "{error}");
    }

    #[test]
    fn the_config_file_may_name_the_mode() {
        let (_dir, path) = config_with("mode = \"staff\"\n");
        assert_eq!(mode_in_file(&path).unwrap(), Some(crate::mode::Mode::Staff));
        let (_dir, path) = config_with("platform_url = \"http://127.0.0.1:1\"\n");
        assert_eq!(mode_in_file(&path).unwrap(), None);
        let (_dir, path) = config_with("mode = \"admin\"\n");
        assert!(matches!(
            mode_in_file(&path),
            Err(ConfigError::Malformed { .. })
        ));
    }

    #[test]
    fn flag_beats_environment_beats_file_beats_default() {
        let (_dir, path) = config_with("platform_url = \"https://file.example:1\"\n");
        let flag = Some("https://flag.example:3");
        let env = Some("https://env.example:2");

        let s = resolve(flag, env, Some(&path)).unwrap();
        assert_eq!(s.source, UrlSource::CommandLine);
        assert_eq!(s.platform_url.as_str(), "https://flag.example:3/");

        let s = resolve(None, env, Some(&path)).unwrap();
        assert_eq!(s.source, UrlSource::Environment);
        assert_eq!(s.platform_url.host_str(), Some("env.example"));

        let s = resolve(None, None, Some(&path)).unwrap();
        assert_eq!(s.source, UrlSource::ConfigFile(path.clone()));
        assert_eq!(s.platform_url.host_str(), Some("file.example"));

        let s = resolve(None, None, None).unwrap();
        assert_eq!(s.source, UrlSource::Default);
        assert_eq!(s.platform_url.as_str(), "http://127.0.0.1:8470/");
    }

    #[test]
    fn missing_file_and_empty_values_fall_through() {
        let dir = tempfile::tempdir().unwrap();
        let s = resolve(Some(" "), Some(""), Some(&dir.path().join("absent.toml"))).unwrap();
        assert_eq!(s.source, UrlSource::Default);
    }

    #[test]
    fn malformed_file_and_bad_urls_are_reported_with_their_origin() {
        let (_dir, path) = config_with("platform_url = 42\n");
        assert!(matches!(
            resolve(None, None, Some(&path)),
            Err(ConfigError::Malformed { .. })
        ));
        let (_dir, path) = config_with("platfrom_url = \"http://typo\"\n");
        assert!(matches!(
            resolve(None, None, Some(&path)),
            Err(ConfigError::Malformed { .. })
        ));
        match resolve(None, Some("ftp://x"), None) {
            Err(ConfigError::BadUrl { origin, .. }) => assert_eq!(origin, PLATFORM_URL_ENV),
            other => panic!("unexpected {other:?}"),
        }
        assert!(resolve(Some("not a url"), None, None).is_err());
    }

    #[test]
    fn plain_http_is_refused_except_on_this_computer() {
        for here in [
            "http://127.0.0.1:8470",
            "http://127.8.9.1:1",
            "http://localhost:8470",
            "http://[::1]:8470",
            "https://gov.example",
        ] {
            assert!(resolve(Some(here), None, None).is_ok(), "{here}");
        }
        for away in [
            "http://gov.example",
            "http://10.0.0.1:8470",
            "http://localhost.example",
        ] {
            match resolve(Some(away), None, None) {
                Err(ConfigError::NotHttps { origin, .. }) => assert_eq!(origin, PLATFORM_URL_FLAG),
                other => panic!("{away}: unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn the_data_dir_flag_wins() {
        let flags = Flags {
            data_dir: Some(PathBuf::from("/tmp/h")),
            ..Flags::default()
        };
        assert_eq!(data_dir(&flags), Some(PathBuf::from("/tmp/h")));
    }

    #[test]
    fn the_mode_flag_wins_and_a_bad_one_is_refused() {
        let flags = |mode: &str| Flags {
            mode: Some(mode.to_owned()),
            ..Flags::default()
        };
        assert_eq!(
            mode_from(&flags("staff")).unwrap(),
            crate::mode::Mode::Staff
        );
        assert!(matches!(
            mode_from(&flags("boss")),
            Err(ConfigError::BadMode(_))
        ));
    }
}
