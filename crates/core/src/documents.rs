//! The folders in the person's documents where the app saves what she asked for (a receipt's PDF,
//! the centre's figures as a table); the data folder on a system without a documents folder.

use std::path::PathBuf;

use crate::Error;

/// The folder `name` in the documents folder, made if missing; `failed` is the message id said when
/// it cannot be had.
pub fn folder(name: &str, failed: &'static str) -> Result<PathBuf, Error> {
    let dir = dirs::document_dir()
        .or_else(dirs::data_local_dir)
        .ok_or_else(|| Error::plain(failed))?
        .join(name);
    std::fs::create_dir_all(&dir).map_err(|error| {
        tracing::warn!(%error, "cannot make a folder in the documents folder");
        Error::plain(failed)
    })?;
    Ok(dir)
}
