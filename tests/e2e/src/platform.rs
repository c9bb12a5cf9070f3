//! The reference platform server as a child process on a loopback port.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A platform that stops and comes back with everything it held, at the same address: the server
/// binary, its data directory and its loopback address, kept across restarts.
pub struct Restartable {
    binary: PathBuf,
    data: tempfile::TempDir,
    bind: String,
}

impl Restartable {
    /// A fresh data directory and a free loopback port for the server `binary`.
    pub fn new(binary: &Path) -> std::io::Result<Self> {
        Ok(Self {
            binary: binary.to_path_buf(),
            data: tempfile::tempdir()?,
            bind: format!("127.0.0.1:{}", crate::free_port()?),
        })
    }

    /// Starts the server (again) over the same data at the same address.
    pub fn start(&self) -> std::io::Result<Platform> {
        Platform::start_in(&self.binary, self.data.path(), &self.bind)
    }

    /// The server's data directory.
    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }
}

/// A running `huiban-platform serve`; killed when dropped.
pub struct Platform {
    child: Child,
    /// Base URL the server listens on, e.g. `http://127.0.0.1:41234`.
    pub url: String,
    binary: PathBuf,
    data_dir: PathBuf,
    _data: Option<tempfile::TempDir>,
}

impl Platform {
    /// Starts the server with the demo catalog in a fresh data directory, on a free port.
    pub fn start(binary: &Path) -> std::io::Result<Self> {
        let data = tempfile::tempdir()?;
        let mut platform = Self::start_in(binary, data.path(), "127.0.0.1:0")?;
        platform._data = Some(data);
        Ok(platform)
    }

    /// Starts the server on `bind` over the data directory `data_dir` (kept when it stops, so it can
    /// be started again with everything it held).
    pub fn start_in(binary: &Path, data_dir: &Path, bind: &str) -> std::io::Result<Self> {
        let mut child = Command::new(binary)
            .args([
                "serve",
                "--bind",
                bind,
                "--demo-data",
                "--keep-sms-codes",
                "--data-dir",
            ])
            .arg(data_dir)
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
            binary: binary.to_path_buf(),
            data_dir: data_dir.to_path_buf(),
            _data: None,
        })
    }

    /// The server's data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Runs `huiban-platform` with `args` and this server's `--data-dir` (e.g. `kiosks configure`);
    /// returns what it printed.
    pub fn cli(&self, args: &[&str]) -> std::io::Result<String> {
        let output = Command::new(&self.binary)
            .args(args)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .output()?;
        if !output.status.success() {
            return Err(std::io::Error::other(format!(
                "huiban-platform {args:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }

    /// The account of the citizen with `phone`.
    pub fn account_of(&self, phone: &str) -> Result<String, Box<dyn std::error::Error>> {
        let store = huiban_platform::Store::open(&self.data_dir)?;
        Ok(store
            .citizen_by_phone(phone)?
            .ok_or("no such citizen")?
            .account_id)
    }

    /// Runs the officer CLI as `officer` (e.g. officer02) on this server's data, e.g.
    /// `["approve", "110101…", "--remark", "准予"]`; returns what it printed.
    pub fn officer(&self, officer: &str, action: &[&str]) -> std::io::Result<String> {
        // The CLI asks for the officer's password; the demo officers' are known.
        let password = huiban_demo::people::PASSWORD_ACCOUNTS
            .iter()
            .find(|account| account.2 == officer)
            .map_or("", |account| account.3);
        let mut child = Command::new(&self.binary)
            .arg("officer")
            .arg("--data-dir")
            .arg(&self.data_dir)
            .args(["--as", officer])
            .args(action)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()?;
        if let Some(mut stdin) = child.stdin.take() {
            use std::io::Write;
            writeln!(stdin, "{password}")?;
        }
        let output = child.wait_with_output()?;
        if !output.status.success() {
            return Err(std::io::Error::other(format!(
                "officer {action:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

impl Drop for Platform {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
