//! French-language conflict news in, structured and auditable claims out.
//!
//! `bilan` reads news articles about the wars in Syria, Lebanon and Iraq, as
//! published in French by Lebanese, Syrian, Iranian and French outlets, and
//! turns them into data a researcher can check: every quantity the article
//! states (people killed, wounded, captured; square kilometres taken;
//! percentages; distances; durations; counts of positions, sorties,
//! vehicles…), what it measures, who says so, where and when, and every named
//! place, armed group, organisation, outlet and person. Everything it reports
//! carries the byte span of its evidence in the original text, so that any
//! figure can be traced back to the words it came from.
//!
//! It is meant for conflict researchers, OSINT analysts, event-data coders and
//! data journalists who need figures *with their provenance*, not a summary.
//!
//! # Example
//!
//! ```
//! use bilan::{ClaimKind, Pipeline};
//!
//! let text = "12-03-2024 10:15 AM Jerusalem Timing\n\n\
//!             Qalamoun : 7 miliciens tués\n\n\
//!             Au moins 7 miliciens de Daech ont été tués ce mardi près d'Aarsal, \
//!             selon al-Manar.\n";
//! let pipeline = Pipeline::new(); // build once, share everywhere
//! let doc = pipeline.analyze(text)?;
//!
//! // Every span points back into the input.
//! for claim in &doc.claims {
//!     assert_eq!(&text[claim.start..claim.end], claim.text);
//!     if claim.kind == ClaimKind::Casualties {
//!         println!("{:?} {:?} {:?}: « {} »", claim.value, claim.outcome, claim.victims, claim.text);
//!     }
//! }
//! for entity in &doc.entities {
//!     for mention in &entity.mentions {
//!         assert_eq!(&text[mention.start..mention.end], mention.text);
//!     }
//! }
//! # Ok::<(), bilan::Error>(())
//! ```
//!
//! # The pipeline
//!
//! [`Pipeline::analyze`] runs three stages, each its own crate, usable alone:
//!
//! 1. **`bilan-article`** parses the article's structure: the dateline
//!    ("26-04-2024 02:19 AM Jerusalem Timing", "Publié le 28/03/2024 à
//!    17h02"…) read into a zoned timestamp, the title, the standfirst, the
//!    section headings, the paragraphs and the sentences.
//! 2. **`bilan-lexicon`** finds the named entities with one automaton pass
//!    over a normalised view of the text and links every spelling of one
//!    entity ("Aarsal", "Aarsale", "Ersal") to one id.
//! 3. **`bilan-claims`** reads every quantity the French way ("1.000",
//!    "40 mille", "vingt-trois", "une trentaine", "des dizaines"), with its
//!    qualifier ("au moins", "près de") and unit, and classifies it into a
//!    claim: casualties (outcome, victims, actor), area, percentage, length,
//!    duration, mass, money, age or count, linked to the place, the source
//!    and the day it is about.
//!
//! This facade composes them and assembles a [`Document`]. The automata and
//! tables are built once per process; a [`Pipeline`] is `Send + Sync` and
//! cheap to clone, and [`Pipeline::analyze_batch`] / [`Pipeline::analyze_many`]
//! spread a corpus over all cores (feature `rayon`, on by default).
//!
//! # The JSON
//!
//! [`Document`] derives serde's `Serialize` and `Deserialize`; its JSON is the
//! project's interchange format (one object per document, one line each in
//! JSON Lines). For the example above (first claim omitted):
//!
//! ```json
//! {"doc": "-",
//!  "published": "2024-03-12T10:15:00+02:00[Asia/Jerusalem]",
//!  "title": "Qalamoun : 7 miliciens tués",
//!  "entities": [{"id": "group:daesh", "kind": "armed_group", "name": "Daech",
//!                "mentions": [{"start": 92, "end": 97, "text": "Daech"}]},
//!               {"id": "media:al-manar", "kind": "media", "name": "Al-Manar",
//!                "mentions": [{"start": 145, "end": 153, "text": "al-Manar"}]}],
//!  "claims": [{"kind": "casualties", "start": 68, "end": 113,
//!              "text": "Au moins 7 miliciens de Daech ont été tués",
//!              "value": 7, "min": null, "max": null, "unit": null,
//!              "qualifier": "at_least", "outcome": "killed", "victims": "militants",
//!              "actor": "group:daesh", "place": null,
//!              "source": "media:al-manar", "date": "2024-03-12"}],
//!  "article": {"dateline": {"start": 0, "end": 36}, "...": "..."}}
//! ```
//!
//! - offsets are UTF-8 byte offsets into the input as given, and
//!   `input[start..end] == text` always holds;
//! - `value`, `min`, `max` are written as integers when whole; `value` is
//!   null for ranges ("des dizaines" → `min` 20, `max` 99);
//! - `actor`, `place`, `source` are ids of entities of the same document;
//! - `published` is an RFC 9557 string (offset and IANA zone), `date` a
//!   `YYYY-MM-DD` day;
//! - `article` (structure spans and parser diagnostics) comes after the
//!   documented fields; more fields may be added, none will change meaning.
//!
//! # What is and is not extracted
//!
//! Extracted: every quantity expression except calendar dates, clock times,
//! years, ordinals, phone or article numbers and numbers inside names
//! ("Liwa 313"); the named entities of five kinds (place, armed group,
//! organisation, media, person). Normalised: areas to km², lengths to metres,
//! durations to hours, masses to kilograms, ages to years; money keeps its
//! currency.
//!
//! Not extracted: events without a number ("de lourdes pertes"), relations
//! between entities beyond a claim's actor/place/source, claims spread over
//! several sentences, coreference of pronouns, and anything in languages
//! other than French. Links are only made within a claim's sentence.
//!
//! # The API at a glance
//!
//! - [`Pipeline`] (and [`PipelineBuilder`] for the size limit and extra
//!   lexicon files): build once, then [`Pipeline::analyze`],
//!   [`Pipeline::analyze_bytes`], [`Pipeline::analyze_batch`],
//!   [`Pipeline::analyze_many`].
//! - [`Document`] and its parts [`Claim`], [`Entity`], [`Mention`],
//!   [`Structure`]: plain data with public fields and serde derives.
//! - The vocabularies, re-exported from the stage crates: [`ClaimKind`],
//!   [`Qualifier`], [`Outcome`], [`Victims`], [`Unit`], [`EntityKind`],
//!   [`DiagnosticKind`], plus [`Span`] and [`Diagnostic`].
//! - [`Error`] and [`ErrorKind`].
//! - [`jiff`], the crate of the timestamp and day types.
//!
//! The stages' own types (the article outline, the lexicon's tables, the
//! quantity reader) stay in their crates — `bilan-article`, `bilan-lexicon`,
//! `bilan-claims` — for users who need one stage alone.
//!
//! # Errors
//!
//! Analysis never fails on text: odd input gives a sparse document and, where
//! the parser noticed something (an impossible date), a diagnostic in
//! [`Structure::diagnostics`]. It fails only on bytes that are not UTF-8
//! ([`ErrorKind::InvalidUtf8`], with the offset) and on inputs over the size
//! limit ([`ErrorKind::TooLarge`], 64 MiB by default, see
//! [`PipelineBuilder::max_input_bytes`]).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod document;
mod error;
mod number;
mod pipeline;
mod published;

pub use document::{Claim, Document, Entity, Mention, Structure};
pub use error::{Error, ErrorKind};
pub use pipeline::{DEFAULT_MAX_INPUT_BYTES, Pipeline, PipelineBuilder};

pub use bilan_article::{Diagnostic, DiagnosticKind, Span};
pub use bilan_claims::{ClaimKind, Outcome, Qualifier, Unit, Victims};
pub use bilan_lexicon::EntityKind;

/// The date-time crate of [`Document::published`] and [`Claim::date`],
/// re-exported so that you use the same version.
pub use jiff;
