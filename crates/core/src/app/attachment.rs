//! `app.keep_attachment()`: a photo or PDF she chose, kept in her own data.

use crate::attachments::{KeptFile, keep};

impl super::App {
    /// Keeps a photo or PDF the person chose for an answer, in her own data; the answer holds its
    /// SHA-256 until the form is sent with it.
    pub async fn keep_attachment(&self, bytes: &[u8]) -> Result<KeptFile, crate::Error> {
        let store = self.own_store().await?;
        Ok(keep(&store, bytes, crate::clock::now_ms())?)
    }
}
