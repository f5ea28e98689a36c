//! Parse a French-language news article into its parts, each with a byte span
//! into the original text.
//!
//! This crate knows nothing of lexicons or claims: it reads structure
//! (dateline, title, standfirst, headings, paragraphs, sentences) and gives
//! a normalised view of the text for matching ([`normalize()`]), with a map
//! back to the original bytes. Everything above it (entities, claims) works
//! on [`Article::sentences`] and [`Normalized`].
//!
//! ```
//! let text = "28-03-2024 05:02 PM Jerusalem Timing\n\n\
//!             L’armée reprend Khanacer\n\n\
//!             La ville était tenue depuis lundi.\n\n\
//!             Les combats\n\n\
//!             M. Dupont l’a confirmé. Trois soldats ont été blessés.\n";
//! let article = bilan_article::parse(text);
//! assert_eq!(
//!     article.published().map(|z| z.to_string()).as_deref(),
//!     Some("2024-03-28T17:02:00+02:00[Asia/Jerusalem]"),
//! );
//! let title = article.title.as_ref().map(|b| b.span.slice(text));
//! assert_eq!(title, Some("L’armée reprend Khanacer"));
//! assert_eq!(article.headings[0].span.slice(text), "Les combats");
//! assert_eq!(article.paragraphs.len(), 1);
//! let last = article.sentences.last().map(|s| s.span.slice(text));
//! assert_eq!(last, Some("Trois soldats ont été blessés."));
//! ```
//!
//! # How the text is read
//!
//! - Blocks are lines: blank or whitespace-only lines separate blocks, and so
//!   does a single line break, except where a line is clearly wrapped (a long
//!   line without final punctuation followed by a line starting in lower
//!   case), in which case the lines form one block.
//! - A *header* is a dateline among the first four blocks, or an agency's
//!   source line without a date ("Damas, SANA –"). Only an article with a
//!   header has a standfirst and headings; a text without one is all body
//!   paragraphs, but for a title-like first line above a paragraph that
//!   opens with its source ("BEYROUTH, 14 mai 2019 (AFP) - …") or above a
//!   signature ("Par … — Libération, 29 août 2017"). Dateline forms
//!   (optionally after "Publié le", "Mis à jour le", "Le", "Date :", source
//!   credits such as "OLJ / AFP /", "L'Orient-Le Jour | Par X |",
//!   "Ouest-France avec AFP." before "Publié le", and a weekday):
//!   - `26-04-2024 02:19 AM Jerusalem Timing` (day first; `-`, `/` or `.`;
//!     12-hour clock with AM/PM, 12:xx AM being 00:xx, or 24-hour clock);
//!   - `28/03/2024 à 17h02`, `jeudi 7 mai 2015 - 14:05`, `1er mars 2024`,
//!     `27 mars 2024, 15:12`;
//!   - the month first, as some outlets' English templates print it:
//!     `septembre 6, 2017`, `janv. 01, 2020 09:10 UTC`;
//!   - after a byline: `OLJ / Par Karim Haddad, le 19 août 2017 à 18h30`;
//!   - ISO 8601 / RFC 9557: `2024-03-28`, `2024-03-28T17:02:00+02:00`,
//!     `…Z`, `…+02:00[Asia/Beirut]`;
//!   - led by the city it was filed from, as agencies write them:
//!     `Beyrouth, 8 février 2017 (AFP) -`, `Beyrouth, le 18 octobre 2019`,
//!     `Fallouja (Irak), 18 juin 2016`, `MOSCOU, 14:05 24.03.2018
//!     (Sputnik)`, `ERBIL, Rudaw – 17/10/2017 09:30`; a time there is in
//!     that city's zone when it is a known one;
//!   - a city after the time (`data/zones.txt`: Jerusalem, Beirut/Beyrouth,
//!     Damascus/Damas, Baghdad/Bagdad, Amman, Tehran/Téhéran, Paris …), also
//!     as "(heure de Paris)", or `GMT`, `UTC`, `GMT+2`. An unknown
//!     capitalised word after a 12-hour time is reported as
//!     [`DiagnosticKind::UnknownZone`].
//!
//!   The date must start the line, and what follows it must not read as
//!   prose: nothing, a separated note ("| Mis à jour …", ", mis à jour …"),
//!   or at most six capitalised words without punctuation ("Timing").
//! - Title: the block after the dateline, a byline ("Par …", "Texte par :
//!   …") aside (or, when the dateline comes after some blocks, the first
//!   block when it reads as a title — one line of three words or more, no
//!   final full stop, no byline or rubric such as "À La Une - Liban" —,
//!   else the last block of three words or more before the dateline that
//!   is no byline; a headline — four words or more, not in title case
//!   like a masthead, no menu's bars or runs of spaces, not trailing off
//!   like a kicker — is preferred, before the dateline or right after
//!   it). A page with no header, or with only a stamp deep in it, takes
//!   for its title the first headline past its menus and before its first
//!   paragraph of prose (within the first ten blocks). A title
//!   repeated as the next block is kept apart in [`Article::title_repeat`].
//!   Standfirst: the next block that is neither the dateline nor a byline. Headings: short lines (at most 80
//!   characters and 10 words) that start with a capital or a digit and end
//!   without punctuation. Paragraphs: the rest.
//! - Sentences cover the title, its repeat, the standfirst, the headings and
//!   the paragraphs, in text order; each says which kind of block it is in
//!   ([`BlockKind`]), so a user who wants body text only can filter. (The
//!   repeat and headings are included because annotated claims occur there.)
//!   A sentence ends at `.`, `!`, `?`, `…` or `..` followed by whitespace and
//!   a capital, a digit, an opening quote or a dash; not after an
//!   abbreviation of `data/abbreviations.txt` (`M.`, `Mme`, `cf.`,
//!   `av. J.-C.`) or an initial (`A. B. Dupont`), not inside « … », “ … ” or
//!   parentheses that close in the same block (a quote ending with a
//!   terminator ends the sentence after its closing mark), and never inside
//!   numbers (`1.000`, `2,5`). `..` is read as an ellipsis: "Jarajir.. Homs
//!   menacée" is two sentences, as it would be with "…".
//! - Datelines: [`Dateline::date`] is always set; [`Dateline::zoned`] only
//!   when a time and a zone are known: a city of the zone table, or a UTC
//!   offset (ISO; then a fixed-offset zone such as `+02:00`, or the bracketed
//!   IANA zone). French forms without a zone give a date and a time but no
//!   timestamp (the `bilan` facade zones them by the outlet named on the
//!   page). A web page's "Publié le …" stamp, or a line giving a date and
//!   a time, inside a block of its first eight (under a masthead, a title
//!   and a byline) is read too when no header was found: that line becomes
//!   the dateline, its own block, and the lines around it stay blocks of
//!   the body (a bare date there may be a caption's: not read). Else an
//!   agency's lead opening the first paragraph ("BEYROUTH, 14 mai 2019
//!   (AFP) - …") gives the dateline, its span the city and date; the
//!   paragraph stays whole. An impossible date or time is a [`Diagnostic`] of kind
//!   [`DiagnosticKind::InvalidDate`] and no dateline.
//!
//! # Invariants
//!
//! - every [`Span`] is a byte range on UTF-8 character boundaries of the
//!   input, and excludes surrounding whitespace and the BOM;
//! - parsing valid UTF-8 never fails and never panics: problems are
//!   [`Diagnostic`]s; time is linear in the input size;
//! - invalid UTF-8 is an [`Error`] carrying the byte offset.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod dateline;
mod normalize;
mod sentence;
mod span;
mod structure;

pub use normalize::{Normalized, normalize};
pub use span::Span;

use serde::{Deserialize, Serialize};

/// A parsed article. Every element carries its byte span in the input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The dateline, if the article has one.
    pub dateline: Option<Dateline>,
    /// The title line (a title repeated on the next block appears once).
    pub title: Option<Block>,
    /// The repetition of the title as the next block, which some outlets
    /// print; it is neither a standfirst nor a paragraph.
    #[serde(default)]
    pub title_repeat: Option<Block>,
    /// The standfirst (chapô) under the title, if any.
    pub standfirst: Option<Block>,
    /// Section headings: short lines without final punctuation.
    pub headings: Vec<Block>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<Block>,
    /// Sentences of every block but the dateline, in text order.
    pub sentences: Vec<Sentence>,
    /// What the parser noticed but could not make sense of.
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    /// The sentence containing byte `offset`, if any (binary search).
    ///
    /// ```
    /// let text = "Alep est calme. Homs aussi.";
    /// let article = bilan_article::parse(text);
    /// let s = article.sentence_at(text.find("Homs").unwrap_or(0));
    /// assert_eq!(s.map(|s| s.span.slice(text)), Some("Homs aussi."));
    /// ```
    pub fn sentence_at(&self, offset: usize) -> Option<&Sentence> {
        let index = self.sentences.partition_point(|s| s.span.end <= offset);
        self.sentences
            .get(index)
            .filter(|s| s.span.start <= offset && offset < s.span.end)
    }

    /// The publication timestamp: the dateline's zoned time, when it has one.
    ///
    /// ```
    /// let article = bilan_article::parse("28-03-2024 10:57 PM Beirut Timing\n\nTitre\n");
    /// let published = article.published().map(|z| z.to_string());
    /// assert_eq!(published.as_deref(), Some("2024-03-28T22:57:00+02:00[Asia/Beirut]"));
    /// // A French dateline without a zone gives a date but no timestamp.
    /// let article = bilan_article::parse("Publié le 28/03/2024 à 22h57\n\nTitre\n");
    /// assert!(article.published().is_none());
    /// assert_eq!(article.dateline.map(|d| d.date.to_string()).as_deref(), Some("2024-03-28"));
    /// ```
    pub fn published(&self) -> Option<&jiff::Zoned> {
        self.dateline.as_ref().and_then(|d| d.zoned.as_ref())
    }
}

/// A block of text: a title, standfirst, heading or paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Byte span in the input.
    pub span: Span,
}

/// What kind of block a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// The title.
    Title,
    /// The title printed a second time.
    TitleRepeat,
    /// The standfirst.
    Standfirst,
    /// A section heading.
    Heading,
    /// A body paragraph.
    #[default]
    Paragraph,
}

/// A sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Byte span in the input.
    pub span: Span,
    /// The kind of block the sentence is in.
    #[serde(default)]
    pub kind: BlockKind,
}

/// The publication stamp of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    /// Byte span of the dateline in the input.
    pub span: Span,
    /// The calendar day of publication.
    pub date: jiff::civil::Date,
    /// The local time of publication, when the dateline gives one.
    #[serde(default)]
    pub time: Option<jiff::civil::Time>,
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

/// The kinds of [`Error`], for matching without the details.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8.
    InvalidUtf8,
}

impl Error {
    /// The kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
        }
    }
}

/// Parse an article from text. Never fails: see [`Article::diagnostics`].
///
/// ```
/// let article = bilan_article::parse("Une phrase. Une autre.");
/// assert!(article.title.is_none());
/// assert_eq!(article.sentences.len(), 2);
/// ```
pub fn parse(text: &str) -> Article {
    structure::parse(text)
}

/// Parse an article from bytes, which must be UTF-8.
///
/// ```
/// use bilan_article::{parse_bytes, Error, ErrorKind};
///
/// assert!(parse_bytes("Alep.".as_bytes()).is_ok());
/// let err = parse_bytes(b"Al\xffep").unwrap_err();
/// assert_eq!(err, Error::InvalidUtf8 { offset: 2 });
/// assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Article, Error> {
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    Ok(parse(text))
}
