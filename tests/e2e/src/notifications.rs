//! A notification server on the session bus (`org.freedesktop.Notifications`), standing in for the
//! desktop's: it keeps every notification the app shows, and opens one as a person clicking it
//! would (the `default` action).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

const PATH: &str = "/org/freedesktop/Notifications";

/// One notification as the app showed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Its id on the bus.
    pub id: u32,
    /// The title.
    pub summary: String,
    /// The text.
    pub body: String,
    /// Action keys and words, in pairs.
    pub actions: Vec<String>,
}

struct Server {
    shown: Arc<Mutex<Vec<Shown>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Server {
    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".to_owned(), "body".to_owned()]
    }

    #[allow(clippy::too_many_arguments)] // The D-Bus method's own arguments.
    fn notify(
        &self,
        _app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut shown = self
            .shown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let id = u32::try_from(shown.len()).unwrap_or(u32::MAX - 1) + 1;
        shown.push(Shown {
            id,
            summary,
            body,
            actions,
        });
        id
    }

    fn close_notification(&self, _id: u32) {}

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "huiban-e2e".to_owned(),
            "huiban".to_owned(),
            "1".to_owned(),
            "1.2".to_owned(),
        )
    }

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// The stand-in server, serving while it lives.
pub struct Notifications {
    connection: zbus::Connection,
    shown: Arc<Mutex<Vec<Shown>>>,
}

impl Notifications {
    /// Takes the notification service's name on the session bus.
    pub async fn serve() -> zbus::Result<Self> {
        let shown = Arc::new(Mutex::new(Vec::new()));
        let server = Server {
            shown: shown.clone(),
        };
        let connection = zbus::connection::Builder::session()?
            .name("org.freedesktop.Notifications")?
            .serve_at(PATH, server)?
            .build()
            .await?;
        Ok(Self { connection, shown })
    }

    /// Every notification shown so far.
    pub fn shown(&self) -> Vec<Shown> {
        self.shown
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Opens notification `id`, as a click on it does.
    pub async fn open(&self, id: u32) -> zbus::Result<()> {
        let server = self
            .connection
            .object_server()
            .interface::<_, Server>(PATH)
            .await?;
        Server::action_invoked(server.signal_emitter(), id, "default").await
    }
}
