//! Parse a French-language news article into its parts, each with a byte span
//! into the original text.
//!
//! This crate knows nothing of lexicons or claims: it reads structure
//! (dateline, title, standfirst, headings, paragraphs, sentences) and gives
//! a normalised view of the text for matching, with a map back to the
//! original bytes.
//!
//! Invariants:
//! - every [`Span`] is a byte range on UTF-8 character boundaries of the input;
//! - parsing valid UTF-8 never fails: problems are [`Diagnostic`]s;
//! - invalid UTF-8 is an [`Error`] carrying the byte offset.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod span;

pub use span::Span;

use serde::{Deserialize, Serialize};

/// A parsed article. Every element carries its byte span in the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The dateline, if the article has one.
    pub dateline: Option<Dateline>,
    /// The title line (a title repeated on the next block appears once).
    pub title: Option<Block>,
    /// The standfirst (chapô) under the title, if any.
    pub standfirst: Option<Block>,
    /// Section headings: short lines without final punctuation.
    pub headings: Vec<Block>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<Block>,
    /// Sentences of the title, standfirst and paragraphs, in text order.
    pub sentences: Vec<Sentence>,
    /// What the parser noticed but could not make sense of.
    pub diagnostics: Vec<Diagnostic>,
}

/// A block of text: a title, standfirst, heading or paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Byte span in the input.
    pub span: Span,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte span in the input.
    pub span: Span,
}

/// The publication stamp of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// Byte span of the dateline in the input.
    pub span: Span,
    /// The calendar day of publication.
    pub date: jiff::civil::Date,
    /// The zoned timestamp, when the dateline gives a time and a zone.
    pub zoned: Option<jiff::Zoned>,
}

/// Something the parser noticed and could not fully read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where in the input.
    pub span: Span,
    /// What kind of problem.
    pub kind: DiagnosticKind,
    /// A human-readable explanation.
    pub message: String,
}

/// The kinds of [`Diagnostic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A dateline whose date or time does not exist (31-02-2024, 13:70 PM).
    InvalidDate,
    /// A dateline whose city is not a known time zone.
    UnknownZone,
}

/// An error reading raw bytes as an article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8.
    #[error("input is not valid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
}

/// Parse an article from text. Never fails: see [`Article::diagnostics`].
pub fn parse(text: &str) -> Article {
    let _ = text;
    todo!("bilan-article parser")
}

/// Parse an article from bytes, which must be UTF-8.
pub fn parse_bytes(bytes: &[u8]) -> Result<Article, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    Ok(parse(text))
}
