//! The OS voice through the `tts` crate on Windows (WinRT) and macOS (AVFoundation); Linux speaks
//! to speech-dispatcher itself (`dispatcher.rs`). Connected on first use, so a missing engine never slows
//! the start of the app.

use std::sync::Mutex;

use huiban_core::i18n::Locale;
use huiban_core::preferences::SpeechRate;
use tts::Tts;

use super::{Speaker, SpeechError};

/// Speaks with the computer's own voice.
#[derive(Default)]
pub struct SystemSpeaker {
    engine: Mutex<Option<Tts>>,
    /// The language whose voice is set, once one is.
    voice_of: Mutex<Option<Locale>>,
}

impl std::fmt::Debug for SystemSpeaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SystemSpeaker").finish_non_exhaustive()
    }
}

fn failed(error: tts::Error) -> SpeechError {
    SpeechError::Failed(error.to_string())
}

/// The best Mandarin voice the engine has, if any: espeak-ng's Mandarin read as pinyin first (its
/// other Mandarin voice reads tone digits aloud in English on Debian 12), then any Mandarin voice.
/// Variants (`name+variant`) are passed over.
fn mandarin_voice(engine: &Tts) -> Option<tts::Voice> {
    let voices = engine.voices().ok()?;
    let mandarin = |voice: &tts::Voice| {
        let language = voice.language().as_str().to_ascii_lowercase();
        language.starts_with("cmn") || language == "zh" || language.starts_with("zh-cn")
    };
    voices
        .iter()
        .filter(|voice| mandarin(voice) && !voice.name().contains('+'))
        .max_by_key(|voice| voice.name().to_ascii_lowercase().contains("pinyin"))
        .cloned()
}

/// An English voice of the engine, if any (variants passed over).
fn english_voice(engine: &Tts) -> Option<tts::Voice> {
    let voices = engine.voices().ok()?;
    voices
        .iter()
        .filter(|voice| !voice.name().contains('+'))
        .find(|voice| {
            voice
                .language()
                .as_str()
                .to_ascii_lowercase()
                .starts_with("en")
        })
        .cloned()
}

impl SystemSpeaker {
    /// Sets the voice of the language the app speaks now, when it is not the one set already.
    fn follow_language(&self, engine: &mut Tts) -> Result<(), SpeechError> {
        let wanted = huiban_core::i18n::spoken().locale();
        let mut set = self
            .voice_of
            .lock()
            .map_err(|_| SpeechError::Failed("the speech engine failed earlier".into()))?;
        if *set == Some(wanted) {
            return Ok(());
        }
        let voice = match wanted {
            Locale::ZhCn => mandarin_voice(engine),
            Locale::EnUs => english_voice(engine),
        };
        match voice {
            Some(voice) => engine.set_voice(&voice).map_err(failed)?,
            None => tracing::warn!(
                ?wanted,
                "no voice for the language: reading with the one set"
            ),
        }
        *set = Some(wanted);
        Ok(())
    }

    /// A speaker that connects to the engine when first asked to speak.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `work` on the engine, connecting first when needed.
    fn with_engine<T>(
        &self,
        work: impl FnOnce(&mut Tts) -> Result<T, SpeechError>,
    ) -> Result<T, SpeechError> {
        let mut engine = self
            .engine
            .lock()
            .map_err(|_| SpeechError::Failed("the speech engine failed earlier".into()))?;
        if engine.is_none() {
            let connected =
                Tts::default().map_err(|error| SpeechError::Unavailable(error.to_string()))?;
            *engine = Some(connected);
        }
        match engine.as_mut() {
            Some(engine) => {
                // Mandarin, or the voice of the language she chose in 设置.
                self.follow_language(engine)?;
                work(engine)
            }
            None => Err(SpeechError::Unavailable("not connected".into())),
        }
    }

    /// Whether this computer can read aloud: the engine answers.
    pub fn check(&self) -> Result<(), SpeechError> {
        self.with_engine(|_| Ok(()))
    }

    /// The name of the voice that reads, connecting to the engine if needed.
    pub fn voice_name(&self) -> Result<Option<String>, SpeechError> {
        self.with_engine(|engine| Ok(mandarin_voice(engine).map(|voice| voice.name())))
    }
}

impl SystemSpeaker {
    /// Reads `text` and waits until the engine says it has finished, at most `limit`.
    pub fn speak_and_wait(
        &self,
        text: &str,
        rate: SpeechRate,
        limit: std::time::Duration,
    ) -> Result<(), SpeechError> {
        let (done, finished) = std::sync::mpsc::channel();
        self.with_engine(|engine| {
            engine
                .on_utterance_end(Some(Box::new(move |_| {
                    let _ = done.send(());
                })))
                .map_err(failed)
        })?;
        self.speak(text, rate)?;
        finished
            .recv_timeout(limit)
            .map_err(|_| SpeechError::Failed("the engine never finished speaking".into()))
    }
}

/// The engine's rate for `rate`: its normal rate, or part of the way towards its slowest or fastest.
fn engine_rate(engine: &Tts, rate: SpeechRate) -> f32 {
    let normal = engine.normal_rate();
    match rate {
        SpeechRate::Slow => normal - (normal - engine.min_rate()) * 0.4,
        SpeechRate::Normal => normal,
        SpeechRate::Fast => normal + (engine.max_rate() - normal) * 0.3,
    }
}

impl Speaker for SystemSpeaker {
    fn speak(&self, text: &str, rate: SpeechRate) -> Result<(), SpeechError> {
        self.with_engine(|engine| {
            let rate = engine_rate(engine, rate);
            engine.set_rate(rate).map_err(failed)?;
            engine.speak(text, true).map_err(failed)?;
            Ok(())
        })
    }

    fn stop(&self) -> Result<(), SpeechError> {
        let mut engine = self
            .engine
            .lock()
            .map_err(|_| SpeechError::Failed("the speech engine failed earlier".into()))?;
        match engine.as_mut() {
            // Nothing was ever read: nothing to stop.
            None => Ok(()),
            Some(engine) => engine.stop().map(|_| ()).map_err(failed),
        }
    }

    fn check(&self) -> Result<(), SpeechError> {
        SystemSpeaker::check(self)
    }
}
