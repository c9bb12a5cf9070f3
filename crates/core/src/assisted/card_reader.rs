//! Reading a resident's second-generation ID card (居民身份证) at the counter, behind one trait: a
//! real reader is the vendor's SDK wrapped in [`CardReader`] (see `docs/card-readers.md`); the
//! [`SimulatedReader`] stands in for one in tests and demos.

use std::path::PathBuf;

/// What the counter needs from the card: the name and the ID number printed on it.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
pub struct IdCard {
    /// The holder's name.
    pub name: String,
    /// The 18-character 公民身份号码.
    pub id_number: String,
}

impl std::fmt::Debug for IdCard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data: never in a log line.
        f.debug_struct("IdCard").finish_non_exhaustive()
    }
}

/// Why a card could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CardReaderError {
    /// The reader is not plugged in or does not answer.
    #[error("the ID card reader does not answer: {0}")]
    NotConnected(String),
    /// The card was there but could not be read (moved too early, damaged).
    #[error("the ID card could not be read: {0}")]
    Unreadable(String),
}

/// An ID-card reader: `read` answers the card lying on it now, or `None` when there is none.
pub trait CardReader: Send + Sync {
    /// The card on the reader now, read once.
    fn read(&self) -> Result<Option<IdCard>, CardReaderError>;
}

/// A stand-in reader: the card "on it" is the JSON `{"name", "id_number"}` in a file; no file, no
/// card. Tests and demos put a card on it by writing the file.
#[derive(Debug, Clone)]
pub struct SimulatedReader {
    file: PathBuf,
}

impl SimulatedReader {
    /// A simulated reader whose card is the one written to `file`.
    pub fn at(file: PathBuf) -> Self {
        Self { file }
    }
}

impl CardReader for SimulatedReader {
    fn read(&self) -> Result<Option<IdCard>, CardReaderError> {
        let text = match std::fs::read_to_string(&self.file) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(CardReaderError::NotConnected(error.to_string())),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|error| CardReaderError::Unreadable(error.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_simulated_reader_reads_the_card_written_to_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let reader = SimulatedReader::at(dir.path().join("card.json"));
        assert_eq!(reader.read().unwrap(), None, "no card on it");
        std::fs::write(
            dir.path().join("card.json"),
            r#"{"name": "张秀英", "id_number": "110101194403151029"}"#,
        )
        .unwrap();
        let card = reader.read().unwrap().unwrap();
        assert_eq!(card.name, "张秀英");
        assert!(!format!("{card:?}").contains("张秀英"), "no name in logs");
        std::fs::write(dir.path().join("card.json"), "not json").unwrap();
        assert!(matches!(reader.read(), Err(CardReaderError::Unreadable(_))));
    }
}
