//! Reading aloud: a [`Speaker`] says plain text in Mandarin at the person's speed; the UI decides
//! what to read. The system speaker uses the OS voice (speech-dispatcher on Linux, over its socket).

#[cfg(target_os = "linux")]
mod dispatcher;
#[cfg(not(target_os = "linux"))]
mod system;

#[cfg(target_os = "linux")]
pub use dispatcher::SystemSpeaker;
#[cfg(not(target_os = "linux"))]
pub use system::SystemSpeaker;

use huiban_core::preferences::SpeechRate;

/// Why something could not be read aloud.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpeechError {
    /// No speech engine could be reached on this computer.
    #[error("no speech engine: {0}")]
    Unavailable(String),
    /// The engine refused the request.
    #[error("the speech engine failed: {0}")]
    Failed(String),
}

/// Something that reads text aloud.
pub trait Speaker: Send + Sync {
    /// Reads `text` at `rate`, cutting off whatever is being read.
    fn speak(&self, text: &str, rate: SpeechRate) -> Result<(), SpeechError>;
    /// Stops reading at once.
    fn stop(&self) -> Result<(), SpeechError>;
    /// Whether this computer can read aloud now: the engine answers.
    fn check(&self) -> Result<(), SpeechError>;
}

/// Reads `text` with the voice the app uses, waits for the end, and says how it went.
pub fn say(text: &str) -> std::process::ExitCode {
    let speaker = SystemSpeaker::new();
    let voice = match speaker.voice_name() {
        Ok(voice) => voice.unwrap_or_else(|| "(default voice)".to_owned()),
        Err(error) => {
            eprintln!("惠办不能朗读：{error}\nHuiban cannot read aloud: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let text = huiban_core::aloud::said(text, huiban_core::i18n::spoken().locale());
    match speaker.speak_and_wait(
        &text,
        SpeechRate::Normal,
        std::time::Duration::from_secs(30),
    ) {
        Ok(()) => {
            println!("read aloud with voice {voice}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("惠办朗读失败：{error}\nHuiban could not read aloud: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
pub mod recording {
    //! A speaker that only writes down what it was asked, for tests.

    use std::sync::Mutex;

    use super::*;

    /// Records every request instead of speaking.
    #[derive(Debug, Default)]
    pub struct RecordingSpeaker {
        /// What was asked, in order: `speak:<rate>:<text>` or `stop`.
        pub heard: Mutex<Vec<String>>,
    }

    impl Speaker for RecordingSpeaker {
        fn speak(&self, text: &str, rate: SpeechRate) -> Result<(), SpeechError> {
            self.heard
                .lock()
                .map_err(|_| SpeechError::Failed("poisoned".into()))?
                .push(format!("speak:{rate:?}:{text}"));
            Ok(())
        }

        fn stop(&self) -> Result<(), SpeechError> {
            self.heard
                .lock()
                .map_err(|_| SpeechError::Failed("poisoned".into()))?
                .push("stop".to_owned());
            Ok(())
        }

        fn check(&self) -> Result<(), SpeechError> {
            Ok(())
        }
    }
}
