//! Only one sender at a time across processes: an exclusive lock on a file beside the store.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

/// Held while this process sends; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct SenderLock {
    _file: File,
}

impl SenderLock {
    /// Takes the lock at `path`, or `None` when another process holds it.
    pub fn try_acquire(path: &Path) -> std::io::Result<Option<Self>> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Self { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(error)) => Err(error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outbox.lock");
        let first = SenderLock::try_acquire(&path).unwrap();
        assert!(first.is_some());
        assert!(SenderLock::try_acquire(&path).unwrap().is_none());
        drop(first);
        assert!(SenderLock::try_acquire(&path).unwrap().is_some());
    }
}
