//! A network cable to pull: a TCP relay in front of the platform that can be cut (every open
//! connection dropped, new ones closed at once) and joined again, so the app meets "no network"
//! and then the same platform back.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use reqwest::Url;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// The relay; dropped, it stops.
pub struct Switch {
    up: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accepting: JoinHandle<()>,
    /// Where the app reaches the platform through it.
    pub url: Url,
}

impl Switch {
    /// A relay to the platform at `platform`, joined.
    pub async fn to(platform: &Url) -> Self {
        let target = format!(
            "{}:{}",
            platform.host_str().unwrap(),
            platform.port().unwrap()
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = Url::parse(&format!("http://{}", listener.local_addr().unwrap())).unwrap();
        let up = Arc::new(AtomicBool::new(true));
        let open: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let accepting = tokio::spawn({
            let (up, open) = (up.clone(), open.clone());
            async move {
                while let Ok((mut inbound, _)) = listener.accept().await {
                    if !up.load(Ordering::SeqCst) {
                        continue; // dropped at once: the connection is closed
                    }
                    let target = target.clone();
                    open.lock().unwrap().push(tokio::spawn(async move {
                        if let Ok(mut outbound) = TcpStream::connect(&target).await {
                            let _ =
                                tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                        }
                    }));
                }
            }
        });
        Self {
            up,
            open,
            accepting,
            url,
        }
    }

    /// Cuts the network: open connections are dropped and new ones closed.
    pub fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for connection in self.open.lock().unwrap().drain(..) {
            connection.abort();
        }
    }

    /// Joins the network again.
    pub fn join(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

impl Drop for Switch {
    fn drop(&mut self) {
        self.cut();
        self.accepting.abort();
    }
}
