use bilan_article::{Diagnostic, Span};
use bilan_claims::{ClaimKind, Outcome, Qualifier, Unit, Victims};
use bilan_lexicon::EntityKind;
use serde::{Deserialize, Serialize};

/// The analysis of one document: exactly the JSON object of `OUTPUT.md`
/// (plus the article's structure under `article`, after the documented
/// fields).
///
/// Every span is a byte range into the input exactly as given to
/// [`Pipeline::analyze`](crate::Pipeline::analyze), on UTF-8 character
/// boundaries, and every `text` field is `input[start..end]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The input's name: a file name, or `-` (the default) for standard input
    /// or text with no name. Set it yourself after analysis.
    pub doc: String,
    /// The dateline as a zoned timestamp (serialised as an RFC 9557 string
    /// such as `2024-04-26T02:19:00+03:00[Asia/Jerusalem]`), when the article
    /// has a dateline with a time and a known zone: its own, or for a
    /// French stamp without one ("Publié le 17/10/2016 à 10h52"), that of
    /// the country of the outlet named on the page's masthead, byline or
    /// credit line (`data/zones.tsv`); else none, never a guess.
    pub published: Option<jiff::Zoned>,
    /// The title, when the article has one.
    pub title: Option<String>,
    /// The named entities, one per id, in order of first mention, then the
    /// entities that claims link to without a mention.
    pub entities: Vec<Entity>,
    /// The quantified claims, in text order.
    pub claims: Vec<Claim>,
    /// The article's structure: where its parts are and what the parser
    /// could not read.
    pub article: Structure,
}

/// A named entity of a [`Document`] and where it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id such as `place:qalamoun` (the same entity has the same id in
    /// every document), or a document-local id for a name recognised only
    /// from context.
    pub id: String,
    /// Place, armed group, organisation, media or person.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Every mention, in text order. Empty only for an entity that a claim
    /// links to without the text naming it ("les daechistes" → Daech);
    /// such entities come after the named ones.
    pub mentions: Vec<Mention>,
}

/// One stretch of the input: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Inclusive start byte offset.
    pub start: usize,
    /// Exclusive end byte offset.
    pub end: usize,
    /// `input[start..end]`.
    pub text: String,
}

impl Mention {
    /// The byte range of this mention.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One quantity stated in the text, with what it measures and its evidence.
///
/// `actor`, `place` and `source` are ids of entities of the same
/// [`Document`]; see [`Document::entity`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// What the quantity measures.
    pub kind: ClaimKind,
    /// Inclusive start byte offset of the claim's own phrase.
    pub start: usize,
    /// Exclusive end byte offset.
    pub end: usize,
    /// `input[start..end]`: the evidence, at most 200 bytes.
    pub text: String,
    /// The number stated, normalised to `unit` (rounded to 6 decimal
    /// places); `None` for ranges.
    #[serde(with = "crate::number")]
    pub value: Option<f64>,
    /// Lower bound, `None` when open.
    #[serde(with = "crate::number")]
    pub min: Option<f64>,
    /// Upper bound, `None` when open.
    #[serde(with = "crate::number")]
    pub max: Option<f64>,
    /// The normalised unit; `None` for people and counts.
    pub unit: Option<Unit>,
    /// How the number relates to the truth ("au moins", "près de"…).
    pub qualifier: Qualifier,
    /// For casualties: what happened to the people counted.
    pub outcome: Option<Outcome>,
    /// For casualties: who is counted.
    pub victims: Option<Victims>,
    /// Id of the group the counted people belong to.
    pub actor: Option<String>,
    /// Id of the place the claim is about.
    pub place: Option<String>,
    /// Id of whoever makes the claim.
    pub source: Option<String>,
    /// The day of the event, resolved against the dateline (`YYYY-MM-DD`).
    pub date: Option<jiff::civil::Date>,
}

impl Claim {
    /// The byte range of the claim's phrase.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Where the parts of the article are. Spans serialise as
/// `{"start": …, "end": …}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Structure {
    /// The dateline ("26-04-2024 02:19 AM Jerusalem Timing"), if any.
    pub dateline: Option<Span>,
    /// The calendar day of publication, when the dateline gives one (also
    /// when it gives no time or zone, so that `published` is null).
    pub date: Option<jiff::civil::Date>,
    /// The title block.
    pub title: Option<Span>,
    /// The title printed a second time, as some outlets do.
    pub title_repeat: Option<Span>,
    /// The standfirst (chapô) under the title.
    pub standfirst: Option<Span>,
    /// Section headings.
    pub headings: Vec<Span>,
    /// Body paragraphs.
    pub paragraphs: Vec<Span>,
    /// Sentences of the title, standfirst and paragraphs, in text order.
    pub sentences: Vec<Span>,
    /// What the parser noticed but could not read (an impossible date, an
    /// unknown time zone…). Never fatal.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The entity with this id, as found in a claim's `actor`, `place` or
    /// `source`.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The sentence containing the start of `claim`, if the parser found one.
    pub fn sentence_of(&self, claim: &Claim) -> Option<Span> {
        let i = self
            .article
            .sentences
            .partition_point(|s| s.end <= claim.start);
        self.article
            .sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= claim.start)
    }
}
