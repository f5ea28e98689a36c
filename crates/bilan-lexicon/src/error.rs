//! Typed errors of the lexicon loader.

use std::fmt;

/// What went wrong while loading lexicon data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read.
    Io,
    /// The header line is missing or not the expected one.
    Header,
    /// A line has the wrong number of columns.
    Columns,
    /// A column holds a value outside its vocabulary or range.
    Value,
    /// Two entities claim the same id with different kinds or names.
    Conflict,
    /// A parent id names no entity.
    UnknownParent,
}

/// An error while loading lexicon data: names the file, the line and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}
