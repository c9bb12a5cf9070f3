//! Opening the app from this process's flags, environment and config file: the platform, and the
//! local store and login as far as this machine's keychain allows.

use std::path::PathBuf;
use std::sync::Arc;

use super::{App, AppParts};
use crate::assisted::SimulatedReader;
use crate::mode::Mode;
use crate::secrets::Keychain;
use crate::session::Session;
use crate::store::LocalStore;
use crate::{ClientError, ConfigError, PlatformClient, config};

/// Why the app cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The configuration is wrong.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The HTTP client could not be built.
    #[error(transparent)]
    Client(#[from] ClientError),
    /// Kiosk mode without a `[kiosk]` table in the machine-wide config file.
    #[error("kiosk mode needs a [kiosk] table in {0} (see docs/kiosk.md)")]
    KioskNotSetUp(String),
}

impl App {
    /// The app as this process's flags, environment and config file set it up; without a usable
    /// keychain it runs without the local store (and says so).
    pub fn from_flags(flags: &config::Flags) -> Result<Self, StartError> {
        let settings = config::settings_from(flags)?;
        let mode = config::mode_from(flags)?;
        let kiosk = match mode {
            Mode::Kiosk => Some(config::kiosk_setup_from_process()?.ok_or_else(|| {
                StartError::KioskNotSetUp(config::machine_config_path().display().to_string())
            })?),
            _ => None,
        };
        let keychain = match kiosk.as_ref().and_then(|setup| setup.key_folder.as_deref()) {
            Some(folder) => Keychain::in_folder(folder, mode),
            None => Keychain::system_for(mode),
        };
        let opened = open_store(config::data_dir(flags), mode, keychain);
        let card_reader = config::simulated_id_card_from_process()?;
        let app = Self::new(AppParts {
            client: PlatformClient::new(settings.platform_url)?,
            source: settings.source,
            store: opened.store,
            store_notice: opened.notice,
            session: opened.session,
        })
        .in_mode(mode);
        let app = match kiosk {
            Some(setup) => app.with_kiosk(crate::kiosk::Kiosk::new(&setup)),
            None => app,
        };
        // A reader at the counter (staff) or on the kiosk; a citizen's own computer has none.
        Ok(match card_reader {
            Some(file) if mode != Mode::Citizen => {
                app.with_card_reader(Arc::new(SimulatedReader::at(file)))
            }
            _ => app,
        })
    }
}

/// The local store and login as far as this machine allows, and what to tell the person.
struct Opened {
    store: Option<Arc<LocalStore>>,
    session: Session,
    notice: Option<&'static str>,
}

/// Opens the local store of `mode` in `dir` with the system keychain; logs and carries on without it
/// on failure.
/// At a staff window's start no session is open: the sessions a closed (or crashed) window left
/// get their close behind what waits in them, and everything of their residents but what waits is
/// forgotten.
fn forget_residents(store: &LocalStore) {
    if let Err(error) =
        crate::outbox::assisted_close::close_sessions_left_open(store, crate::clock::now_ms())
    {
        tracing::error!(%error, "cannot close the sessions an earlier window left open");
    }
    if let Err(error) = store.forget_residents_but_unsent() {
        tracing::error!(%error, "cannot forget the residents of earlier sessions");
    }
}

/// At a kiosk's start nobody is logged in: whatever a visit left (the kiosk stopped or lost power
/// mid-visit) is forgotten but what was confirmed and is not sent yet.
fn forget_visitors(store: &LocalStore) {
    if let Err(error) = store.forget_visitors_but_unsent() {
        tracing::error!(%error, "cannot forget what earlier visits left");
    }
}

fn open_store(
    dir: Option<PathBuf>,
    mode: Mode,
    keychain: Result<Keychain, crate::secrets::SecretError>,
) -> Opened {
    let unavailable = |session| Opened {
        store: None,
        session,
        notice: Some("store-unavailable"),
    };
    let keychain = match keychain {
        Ok(keychain) => keychain,
        Err(error) => {
            tracing::warn!(%error, "no keychain: running without the local store");
            return unavailable(Session::in_memory());
        }
    };
    // A kiosk never keeps a person's login past its process: each login is hers for one visit.
    let session = match mode {
        Mode::Kiosk => Session::in_memory(),
        _ => Session::in_keychain(keychain.clone()),
    };
    let Some(dir) = dir else {
        return unavailable(session);
    };
    match LocalStore::open(&dir.join(mode.database_file()), &keychain) {
        Ok((store, opened)) => {
            tracing::info!(path = %store.path().display(), ?opened, "local store open");
            match mode {
                Mode::Staff => forget_residents(&store),
                Mode::Kiosk => forget_visitors(&store),
                Mode::Citizen => {}
            }
            Opened {
                store: Some(Arc::new(store)),
                session,
                notice: opened.message_id(),
            }
        }
        Err(error) => {
            tracing::error!(%error, "cannot open the local store: running without it");
            unavailable(session)
        }
    }
}
