//! tauri-driver as a child process, and WebDriver sessions on the real app through it.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder};
use serde_json::json;

use crate::free_port;

/// How long tauri-driver may take to start listening.
const DRIVER_START: Duration = Duration::from_secs(30);

/// A running tauri-driver (which runs WebKitWebDriver); killed when dropped.
pub struct TauriDriver {
    child: Child,
    port: u16,
}

impl TauriDriver {
    /// Starts `binary` on free ports and waits until it accepts connections.
    pub fn start(binary: &Path) -> std::io::Result<Self> {
        Self::start_with_env(binary, &[])
    }

    /// As [`TauriDriver::start`], with environment variables that reach the app it starts.
    pub fn start_with_env(binary: &Path, env: &[(&str, &str)]) -> std::io::Result<Self> {
        let port = free_port()?;
        let native_port = free_port()?;
        let mut command = Command::new(binary);
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(env.iter().copied())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit());
        // Its own process group, so that WebKitWebDriver and the app go down with it.
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn()?;
        let mut driver = Self { child, port };
        let deadline = Instant::now() + DRIVER_START;
        // tauri-driver listens before the WebKitWebDriver behind it does: wait for both, or the first
        // session request can fail with a connection error.
        let listening = |p: u16| std::net::TcpStream::connect(("127.0.0.1", p)).is_ok();
        while !(listening(port) && listening(native_port)) {
            if let Some(status) = driver.child.try_wait()? {
                return Err(std::io::Error::other(format!(
                    "tauri-driver exited: {status}"
                )));
            }
            if Instant::now() > deadline {
                return Err(std::io::Error::other(
                    "tauri-driver did not start listening",
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        driver.port = port;
        Ok(driver)
    }

    /// Opens a session that launches `app` with `args`.
    pub async fn session(
        &self,
        app: &Path,
        args: &[&str],
    ) -> Result<Client, Box<dyn std::error::Error>> {
        let mut capabilities = Capabilities::new();
        capabilities.insert(
            "tauri:options".to_owned(),
            json!({ "application": app, "args": args }),
        );
        // WebDriver runs over plain HTTP on loopback: no TLS stack needed.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await?;
        Ok(client)
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        // tauri-driver does not stop the WebKitWebDriver it started; end the whole group.
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
