//! Read-aloud commands: the UI sends what a page says; the shell reads it at the person's speed.

use std::sync::Arc;

use huiban_core::preferences::SpeechRate;
use huiban_core::{aloud, i18n};
use tauri::State;

use crate::speech::{Speaker, SpeechError};
use crate::{AppState, IpcError};

/// Reads `text` (cutting off what was being read) at `rate`, its numbers said as people say them
/// in the app's language; blank text only stops.
pub fn read(speaker: &dyn Speaker, text: &str, rate: SpeechRate) -> Result<(), SpeechError> {
    let text = aloud::said(text, i18n::spoken().locale());
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return speaker.stop();
    }
    speaker.speak(&text, rate)
}

fn ipc_error(error: &SpeechError) -> IpcError {
    tracing::warn!(%error, "read-aloud failed");
    match error {
        SpeechError::Unavailable(_) => IpcError::plain("speech-unavailable"),
        SpeechError::Failed(_) => IpcError::plain("speech-failed"),
    }
}

/// Reads `text` aloud at the person's chosen speed.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state, text), err)]
pub async fn speech_speak(state: State<'_, AppState>, text: String) -> Result<(), IpcError> {
    let rate = crate::commands::preferences::preferences_get(state.clone())?.speech_rate;
    let speaker = Arc::clone(&state.speaker);
    tauri::async_runtime::spawn_blocking(move || read(speaker.as_ref(), &text, rate))
        .await
        .map_err(|_| IpcError::plain("speech-failed"))?
        .map_err(|error| ipc_error(&error))
}

/// Stops reading at once (the person did something).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn speech_stop(state: State<'_, AppState>) -> Result<(), IpcError> {
    let speaker = Arc::clone(&state.speaker);
    tauri::async_runtime::spawn_blocking(move || speaker.stop())
        .await
        .map_err(|_| IpcError::plain("speech-failed"))?
        .map_err(|error| ipc_error(&error))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speech::recording::RecordingSpeaker;

    #[test]
    fn text_is_read_at_the_chosen_speed_with_its_spacing_tidied() {
        let speaker = RecordingSpeaker::default();
        read(&speaker, "  您好，\n  请选择要办的事 ", SpeechRate::Slow).unwrap();
        read(&speaker, "   ", SpeechRate::Normal).unwrap();
        assert_eq!(
            *speaker.heard.lock().unwrap(),
            ["speak:Slow:您好， 请选择要办的事", "stop"]
        );
    }

    #[test]
    fn a_case_number_is_read_digit_by_digit() {
        let speaker = RecordingSpeaker::default();
        read(&speaker, "编号：20261126", SpeechRate::Normal).unwrap();
        assert_eq!(
            *speaker.heard.lock().unwrap(),
            ["speak:Normal:编号： 二 零 二 六 幺 幺 二 六"]
        );
    }
}
