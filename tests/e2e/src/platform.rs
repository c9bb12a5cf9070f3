//! The reference platform server as a child process on a free loopback port.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `huiban-platform serve`; killed when dropped.
pub struct Platform {
    child: Child,
    /// Base URL the server listens on, e.g. `http://127.0.0.1:41234`.
    pub url: String,
    _data: tempfile::TempDir,
}

impl Platform {
    /// Starts the server with the demo catalog in a fresh data directory.
    pub fn start(binary: &Path) -> std::io::Result<Self> {
        let data = tempfile::tempdir()?;
        let mut child = Command::new(binary)
            .args([
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--demo-data",
                "--data-dir",
            ])
            .arg(data.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("no stdout"))?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        let url = line
            .trim()
            .strip_prefix("huiban-platform listening on ")
            .map(str::to_owned)
            .ok_or_else(|| std::io::Error::other(format!("unexpected first line {line:?}")))?;
        Ok(Self {
            child,
            url,
            _data: data,
        })
    }
}

impl Drop for Platform {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
