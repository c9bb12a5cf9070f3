//! The OS voice on Linux: speech-dispatcher spoken to over its socket (SSIP) with `ssip-client`,
//! so that nothing is linked: a computer without speech-dispatcher starts the app all the same and
//! 设置 says reading aloud is not available. Connected on first use (started the way libspeechd
//! starts it when it is installed but not running), so a missing engine never slows the start.

use std::io::ErrorKind;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use huiban_core::i18n::Locale;
use huiban_core::preferences::SpeechRate;
use ssip_client::{
    Client, ClientError, ClientName, ClientScope, EventType, MessageScope, NotificationType,
    OK_NOTIFICATION_SET, OK_RATE_SET, OK_STOPPED, OK_VOICE_SET, SynthesisVoice,
};

use super::{Speaker, SpeechError};

/// The variable naming where speech-dispatcher listens (`unix_socket:PATH`), as libspeechd reads it.
const ADDRESS_ENV: &str = "SPEECHD_ADDRESS";

/// How long an answer from the daemon may take before it counts as gone.
const ANSWER_LIMIT: Duration = Duration::from_secs(5);

/// Speaks with the computer's own voice.
#[derive(Default)]
pub struct SystemSpeaker {
    connection: Mutex<Option<Connection>>,
}

/// One open connection and the language whose voice it has set.
struct Connection {
    client: Client<UnixStream>,
    voice_of: Option<Locale>,
}

impl std::fmt::Debug for SystemSpeaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SystemSpeaker").finish_non_exhaustive()
    }
}

fn failed(error: ClientError) -> SpeechError {
    SpeechError::Failed(error.to_string())
}

/// Where the daemon listens: `SPEECHD_ADDRESS` (`unix_socket:PATH`), else its socket in the
/// person's runtime directory; `None` when neither is known.
fn socket_path() -> Result<Option<PathBuf>, SpeechError> {
    if let Ok(address) = std::env::var(ADDRESS_ENV)
        && !address.trim().is_empty()
    {
        return match address.trim().strip_prefix("unix_socket:") {
            Some(path) => Ok(Some(PathBuf::from(path))),
            None => Err(SpeechError::Unavailable(format!(
                "{ADDRESS_ENV} is not a unix_socket address"
            ))),
        };
    }
    Ok(dirs::runtime_dir().map(|dir| dir.join("speech-dispatcher").join("speechd.sock")))
}

/// Starts speech-dispatcher as libspeechd does (`--spawn`: only where its config allows it), when
/// it is installed and nobody named another address.
fn spawn_daemon(socket: &std::path::Path) -> Result<(), SpeechError> {
    let status = std::process::Command::new("speech-dispatcher")
        .args([
            "--spawn",
            "--communication-method",
            "unix_socket",
            "--socket-path",
        ])
        .arg(socket)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|error| match error.kind() {
            ErrorKind::NotFound => {
                SpeechError::Unavailable("speech-dispatcher is not installed".into())
            }
            _ => SpeechError::Unavailable(error.to_string()),
        })?;
    if !status.success() {
        return Err(SpeechError::Unavailable(format!(
            "speech-dispatcher --spawn: {status}"
        )));
    }
    Ok(())
}

/// A new connection to the daemon, starting it when it is installed but not running (unless
/// `SPEECHD_ADDRESS` names where it must be).
fn connect() -> Result<Connection, SpeechError> {
    let socket = socket_path()?
        .ok_or_else(|| SpeechError::Unavailable("no runtime directory for its socket".into()))?;
    connect_at(&socket, std::env::var_os(ADDRESS_ENV).is_none())
}

/// A new connection to the daemon listening on `socket`, started first if `may_start`.
fn connect_at(socket: &std::path::Path, may_start: bool) -> Result<Connection, SpeechError> {
    let mut builder = ssip_client::fifo::Builder::new();
    builder.path(socket).timeout(ANSWER_LIMIT);
    let client = match builder.build() {
        Ok(client) => client,
        Err(_) if may_start => {
            spawn_daemon(socket)?;
            let deadline = Instant::now() + Duration::from_secs(3);
            loop {
                match builder.build() {
                    Ok(client) => break client,
                    Err(error) if Instant::now() > deadline => {
                        return Err(SpeechError::Unavailable(error.to_string()));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(50)),
                }
            }
        }
        Err(error) => return Err(SpeechError::Unavailable(error.to_string())),
    };
    let mut connection = Connection {
        client,
        voice_of: None,
    };
    connection
        .client
        .set_client_name(ClientName::new("huiban", "huiban"))
        .and_then(Client::check_client_name_set)
        .map_err(|error| SpeechError::Unavailable(error.to_string()))?;
    Ok(connection)
}

/// Whether `voice` speaks Mandarin.
fn is_mandarin(voice: &SynthesisVoice) -> bool {
    let language = voice
        .language
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    language.starts_with("cmn") || language == "zh" || language.starts_with("zh-cn")
}

/// The best Mandarin voice of `voices`: espeak-ng's Mandarin read as pinyin first (its other
/// Mandarin voice reads tone digits aloud in English on Debian 12), then any Mandarin voice.
/// Variants (`name+variant`) are passed over.
fn mandarin_voice(voices: &[SynthesisVoice]) -> Option<&SynthesisVoice> {
    voices
        .iter()
        .filter(|voice| is_mandarin(voice) && !voice.name.contains('+'))
        .max_by_key(|voice| voice.name.to_ascii_lowercase().contains("pinyin"))
}

/// An English voice of `voices`, if any (variants passed over).
fn english_voice(voices: &[SynthesisVoice]) -> Option<&SynthesisVoice> {
    voices
        .iter()
        .filter(|voice| !voice.name.contains('+'))
        .find(|voice| {
            voice
                .language
                .as_deref()
                .unwrap_or_default()
                .to_ascii_lowercase()
                .starts_with("en")
        })
}

/// The daemon's rate for `rate`: its normal rate (0), or part of the way towards its slowest
/// (-100) or fastest (100).
fn engine_rate(rate: SpeechRate) -> i8 {
    match rate {
        SpeechRate::Slow => -40,
        SpeechRate::Normal => 0,
        SpeechRate::Fast => 30,
    }
}

/// `text` as SSIP data lines: a line starting with a dot gets a second one, so that no line of
/// the text ends the data early.
fn data_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| match line.starts_with('.') {
            true => format!(".{line}"),
            false => line.to_owned(),
        })
        .collect()
}

impl Connection {
    /// The voices the daemon's synthesiser offers.
    fn voices(&mut self) -> Result<Vec<SynthesisVoice>, SpeechError> {
        self.client
            .list_synthesis_voices()
            .and_then(Client::receive_synthesis_voices)
            .map_err(failed)
    }

    /// Sets the voice of the language the app speaks now, when it is not the one set already.
    fn follow_language(&mut self) -> Result<(), SpeechError> {
        let wanted = huiban_core::i18n::spoken().locale();
        if self.voice_of == Some(wanted) {
            return Ok(());
        }
        let voices = self.voices()?;
        let voice = match wanted {
            Locale::ZhCn => mandarin_voice(&voices),
            Locale::EnUs => english_voice(&voices),
        };
        match voice {
            Some(voice) => {
                self.client
                    .set_synthesis_voice(ClientScope::Current, &voice.name)
                    .and_then(|client| client.check_status(OK_VOICE_SET))
                    .map_err(failed)?;
            }
            None => tracing::warn!(
                ?wanted,
                "no voice for the language: reading with the one set"
            ),
        }
        self.voice_of = Some(wanted);
        Ok(())
    }

    /// Cuts off what is being read, then reads `text` at `rate`.
    fn speak(&mut self, text: &str, rate: SpeechRate) -> Result<(), SpeechError> {
        self.follow_language()?;
        self.client
            .stop(MessageScope::Last)
            .and_then(|client| client.check_status(OK_STOPPED))
            .and_then(|client| client.set_rate(ClientScope::Current, engine_rate(rate)))
            .and_then(|client| client.check_status(OK_RATE_SET))
            .and_then(Client::speak)
            .and_then(Client::check_receiving_data)
            .and_then(|client| client.send_lines(&data_lines(text)))
            .and_then(Client::receive_message_id)
            .map(|_| ())
            .map_err(failed)
    }
}

impl SystemSpeaker {
    /// A speaker that connects to the engine when first asked to speak.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `work` on the connection, connecting first when needed; a connection that fails is
    /// dropped and made again once (the daemon may have been restarted).
    fn with_connection<T>(
        &self,
        work: impl Fn(&mut Connection) -> Result<T, SpeechError>,
    ) -> Result<T, SpeechError> {
        let mut held = self
            .connection
            .lock()
            .map_err(|_| SpeechError::Failed("the speech engine failed earlier".into()))?;
        let was_open = held.is_some();
        if held.is_none() {
            *held = Some(connect()?);
        }
        let first = match held.as_mut() {
            Some(connection) => work(connection),
            None => return Err(SpeechError::Unavailable("not connected".into())),
        };
        match first {
            Err(SpeechError::Failed(_)) if was_open => {
                let mut fresh = connect()?;
                let again = work(&mut fresh);
                *held = Some(fresh);
                again
            }
            Err(error) => {
                *held = None;
                Err(error)
            }
            ok => ok,
        }
    }

    /// Whether this computer can read aloud: the engine answers (starting it if needed).
    pub fn check(&self) -> Result<(), SpeechError> {
        self.with_connection(|_| Ok(()))
    }

    /// The name of the voice that reads, connecting to the engine if needed.
    pub fn voice_name(&self) -> Result<Option<String>, SpeechError> {
        self.with_connection(|connection| {
            let voices = connection.voices()?;
            Ok(mandarin_voice(&voices).map(|voice| voice.name.clone()))
        })
    }

    /// Reads `text` and waits until the engine says it has finished, at most `limit`.
    pub fn speak_and_wait(
        &self,
        text: &str,
        rate: SpeechRate,
        limit: std::time::Duration,
    ) -> Result<(), SpeechError> {
        // A connection of its own: the end notice arrives on it, between no other answers.
        let mut connection = connect()?;
        connection
            .client
            .set_notification(NotificationType::End, true)
            .and_then(|client| client.check_status(OK_NOTIFICATION_SET))
            .map_err(failed)?;
        connection.speak(text, rate)?;
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            match connection.client.receive_event() {
                Ok(event) if matches!(event.ntype, EventType::End) => return Ok(()),
                Ok(_) => {}
                Err(ClientError::Io(error))
                    if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
                Err(error) => return Err(failed(error)),
            }
        }
        Err(SpeechError::Failed(
            "the engine never finished speaking".into(),
        ))
    }
}

impl Speaker for SystemSpeaker {
    fn speak(&self, text: &str, rate: SpeechRate) -> Result<(), SpeechError> {
        self.with_connection(|connection| connection.speak(text, rate))
    }

    fn stop(&self) -> Result<(), SpeechError> {
        let mut held = self
            .connection
            .lock()
            .map_err(|_| SpeechError::Failed("the speech engine failed earlier".into()))?;
        match held.as_mut() {
            // Nothing was ever read: nothing to stop.
            None => Ok(()),
            Some(connection) => connection
                .client
                .stop(MessageScope::Last)
                .and_then(|client| client.check_status(OK_STOPPED))
                .map(|_| ())
                .map_err(failed),
        }
    }

    fn check(&self) -> Result<(), SpeechError> {
        SystemSpeaker::check(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice(name: &str, language: &str) -> SynthesisVoice {
        SynthesisVoice::new(name, Some(language), None)
    }

    #[test]
    fn mandarin_read_as_pinyin_is_preferred_and_variants_are_passed_over() {
        let voices = [
            voice("english", "en"),
            voice("Chinese (Mandarin)+female", "cmn"),
            voice("Chinese (Mandarin)", "cmn"),
            voice("Chinese (Mandarin, latin as Pinyin)", "cmn-latn-pinyin"),
        ];
        assert_eq!(
            mandarin_voice(&voices).map(|voice| voice.name.as_str()),
            Some("Chinese (Mandarin, latin as Pinyin)")
        );
        assert_eq!(
            english_voice(&voices).map(|voice| voice.name.as_str()),
            Some("english")
        );
        assert!(mandarin_voice(&voices[..1]).is_none());
    }

    #[test]
    fn a_line_starting_with_a_dot_cannot_end_the_data() {
        assert_eq!(data_lines("你好\n.\n.5元"), ["你好", "..", "..5元"]);
    }

    #[test]
    fn rates_stay_inside_the_daemons_range() {
        for rate in [SpeechRate::Slow, SpeechRate::Normal, SpeechRate::Fast] {
            assert!((-100..=100).contains(&engine_rate(rate)));
        }
        assert!(engine_rate(SpeechRate::Slow) < engine_rate(SpeechRate::Fast));
    }

    #[test]
    fn a_socket_nobody_listens_on_is_unavailable_not_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let result = connect_at(&dir.path().join("none.sock"), false);
        assert!(matches!(result, Err(SpeechError::Unavailable(_))));
    }
}
