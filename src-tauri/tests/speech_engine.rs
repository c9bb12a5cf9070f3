//! A Mandarin sentence, read by the app's own voice code (`huiban --say`), reaches a real speech
//! engine (speech-dispatcher with espeak-ng) and comes out as sound, written to a file here.
#![allow(clippy::unwrap_used)] // Test code: a failed unwrap is a failed test.

use std::process::Command;

#[test]
fn a_mandarin_sentence_is_spoken_by_the_engine() {
    let daemon = huiban_e2e::speech_daemon::SpeechDaemon::start().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_huiban"))
        .args(["--say", "您好，请选择要办的事"])
        .env("SPEECHD_ADDRESS", &daemon.address)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "huiban --say failed: {stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("Mandarin") && stdout.contains("Pinyin"),
        "the Mandarin voice read it: {stdout}"
    );
    assert!(
        daemon.heard_sound(),
        "sound was written to {}",
        daemon.audio().display()
    );
}

#[test]
fn without_an_engine_the_app_says_so_plainly() {
    let output = Command::new(env!("CARGO_BIN_EXE_huiban"))
        .args(["--say", "您好"])
        .env("SPEECHD_ADDRESS", "unix_socket:/nonexistent/speechd.sock")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("惠办不能朗读"), "{stderr}");
}
