use std::fmt;

/// Why a document could not be analysed, or a pipeline could not be built.
///
/// Opaque on purpose: match on [`Error::kind`], which may grow new variants.
///
/// ```
/// let pipeline = bilan::Pipeline::new();
/// let err = pipeline.analyze_bytes(b"caf\xC3").unwrap_err();
/// assert_eq!(err.kind(), &bilan::ErrorKind::InvalidUtf8 { offset: 3 });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }
}

/// The kinds of [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8; `offset` is the byte offset of the first
    /// invalid sequence (everything before it is valid).
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input is larger than the pipeline's limit (see
    /// [`PipelineBuilder::max_input_bytes`](crate::PipelineBuilder::max_input_bytes)).
    TooLarge {
        /// Length of the input in bytes.
        len: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// An extra lexicon file (see
    /// [`PipelineBuilder::lexicon_file`](crate::PipelineBuilder::lexicon_file))
    /// could not be read or is not a valid lexicon.
    Lexicon {
        /// What was wrong: names the file, the line and the problem.
        reason: String,
    },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "input is not valid UTF-8 at byte offset {offset}")
            }
            ErrorKind::TooLarge { len, limit } => {
                write!(f, "input of {len} bytes is over the limit of {limit} bytes")
            }
            ErrorKind::Lexicon { reason } => write!(f, "lexicon: {reason}"),
        }
    }
}
