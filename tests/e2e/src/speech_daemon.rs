//! A private speech-dispatcher for tests: espeak-ng as its voice, and its sound written to a file
//! through ALSA's `file` plugin instead of a sound card (CI machines have none).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A running speech-dispatcher in its own directory; killed when dropped.
pub struct SpeechDaemon {
    dir: tempfile::TempDir,
    /// What to put in `SPEECHD_ADDRESS` to reach it.
    pub address: String,
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

impl SpeechDaemon {
    /// Starts the daemon and waits until its socket accepts connections.
    pub fn start() -> std::io::Result<Self> {
        let dir = tempfile::tempdir()?;
        let path = |name: &str| dir.path().join(name);
        copy_dir(Path::new("/etc/speech-dispatcher"), &path("conf"))?;
        let mut conf = std::fs::read_to_string(path("conf/speechd.conf"))?;
        conf.push_str(
            "\nAudioOutputMethod \"alsa\"\nAudioALSADevice \"tofile\"\nDefaultModule espeak-ng\n",
        );
        std::fs::write(path("conf/speechd.conf"), conf)?;
        for sub in ["home", "run", "log"] {
            std::fs::create_dir_all(path(sub))?;
        }
        std::fs::write(
            path("home/.asoundrc"),
            format!(
                "pcm.tofile {{\n  type file\n  slave.pcm \"null\"\n  file \"{}\"\n  format \"raw\"\n}}\n",
                path("audio.raw").display()
            ),
        )?;
        let socket = path("speechd.sock");
        let output = std::fs::File::create(path("daemon.log"))?;
        let status = Command::new("speech-dispatcher")
            .arg("-d")
            .arg("-C")
            .arg(path("conf"))
            .args(["-c", "unix_socket", "-t", "0", "-S"])
            .arg(&socket)
            .arg("-P")
            .arg(path("speechd.pid"))
            .arg("-L")
            .arg(path("log"))
            .env("HOME", path("home"))
            .env("XDG_RUNTIME_DIR", path("run"))
            .stdin(Stdio::null())
            .stdout(output.try_clone()?)
            .stderr(output)
            .status()?;
        if !status.success() {
            return Err(std::io::Error::other(format!(
                "speech-dispatcher: {status}"
            )));
        }
        let daemon = Self {
            address: format!("unix_socket:{}", socket.display()),
            dir,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::os::unix::net::UnixStream::connect(&socket).is_err() {
            if Instant::now() > deadline {
                return Err(std::io::Error::other("speech-dispatcher never listened"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(daemon)
    }

    /// The file the daemon's sound goes to.
    pub fn audio(&self) -> PathBuf {
        self.dir.path().join("audio.raw")
    }

    /// Whether the sound written so far holds more than silence (16-bit samples above a whisper).
    pub fn heard_sound(&self) -> bool {
        let bytes = std::fs::read(self.audio()).unwrap_or_default();
        bytes
            .chunks_exact(2)
            .filter(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs() > 1000)
            .count()
            > 100
    }
}

impl Drop for SpeechDaemon {
    fn drop(&mut self) {
        let pid = std::fs::read_to_string(self.dir.path().join("speechd.pid")).unwrap_or_default();
        let pid = pid.trim();
        if !pid.is_empty() {
            // It may ignore SIGTERM when its audio hangs: SIGKILL.
            let _ = Command::new("kill").args(["-9", pid]).status();
        }
    }
}
