//! `huiban-platform sms`: the text messages the built-in SMS sink recorded.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Subcommand;
use huiban_platform::Store;

use crate::audit::operator_audit;

/// The SMS sink's commands.
#[derive(Debug, Subcommand)]
pub enum SmsCommand {
    /// List every recorded message, oldest first.
    List {
        /// Directory holding the platform's SQLite file.
        #[arg(long)]
        data_dir: PathBuf,
        /// Print JSON (one array) instead of lines.
        #[arg(long)]
        json: bool,
    },
}

/// Prints every recorded message, oldest first (reading phone numbers is audited).
pub fn list_sms(data_dir: &Path, json: bool) -> anyhow::Result<()> {
    let store = Store::open(data_dir)
        .with_context(|| format!("opening the platform data in {}", data_dir.display()))?;
    let messages = store.sent_sms()?;
    // Phone numbers are personal data: reading them from the command line is audited too.
    store.append_audit(&operator_audit("sms List", None))?;
    let mut stdout = std::io::stdout();
    if json {
        serde_json::to_writer_pretty(&mut stdout, &messages)?;
        writeln!(stdout)?;
    } else {
        for message in messages {
            writeln!(
                stdout,
                "{}\t{}\t{}",
                message.id, message.phone, message.text
            )?;
        }
    }
    Ok(())
}
