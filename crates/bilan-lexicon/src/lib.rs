//! A French gazetteer and entity lexicon for conflict news.
//!
//! Finds the named entities of a text (places, armed groups, organisations,
//! media, persons) and links every spelling of one entity to one stable id
//! (`Aarsale`, `Arsal`, `Ersal` → `place:aarsal`). It knows nothing of claims:
//! it hands [`Entities`] (mentions with byte spans into the original text) to
//! whoever wants them.
//!
//! ```
//! use bilan_lexicon::{EntityKind, Lexicon};
//!
//! let lexicon = Lexicon::builder()
//!     .embedded(false)
//!     .add_str("demo.tsv", "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags\n\
//!         place:aarsal\tplace\tAarsal\ttown\t\tLB\t34.18\t36.42\t\t\tErsal\t\n")
//!     .build()?;
//! let text = "Des tirs ont visé le jurd d’Aarsale puis Arsal.";
//! let found = lexicon.find(text);
//! let aarsal = found.get("place:aarsal").expect("found");
//! assert_eq!(aarsal.kind, EntityKind::Place);
//! let spellings: Vec<&str> = aarsal.mentions.iter().map(|s| s.slice(text)).collect();
//! assert_eq!(spellings, ["Aarsale", "Arsal"]);
//! # Ok::<(), bilan_lexicon::Error>(())
//! ```
//!
//! # How matching works
//!
//! 1. **Folding.** The text is cut into words (letters and digits; an
//!    apostrophe after an elided French word — `d’`, `l’`, `qu’` — separates,
//!    one inside a name — `Ra’s` — does not). Each word gets a *basic* form
//!    (lowercase, accents stripped, `ç` → `s`, `œ` → `oe`) and a *skeleton*
//!    that folds transliteration differences away: the Arabic article in
//!    every form (`al-`, `el-`, `Al `, glued `alMaliki`, assimilated and
//!    hyphenated `as-`, `ad-`, `ash-`, `ez-` …, glued and doubled `Assafir`)
//!    is dropped; a final `-e`/`-eh` is dropped (`Qalamoune` = `Qalamoun`);
//!    `ch`/`sh` are one sound, `kh` → `h`, `gh` → `g`, `dj` → `j`, `q`/hard
//!    `c` → `k`, soft `c` → `s`, `e`/`y` → `i`, `o`/`ou`/`w` → `u`, a
//!    word-initial `a`/`e`/`i` is one class (`Aarsal` = `Ersal`), doubled
//!    letters collapse (`Khanasser` = `Khanacer`). Patterns go through the
//!    same code.
//! 2. **One pass over the word starts.** All names and variants, as
//!    skeletons with a leading space per word, are compiled once into a
//!    trie (an anchored Aho-Corasick DFA), walked from the start of each
//!    word of the skeleton view until no name continues, so matches start
//!    on word starts. Of the names that start there and end on a word end,
//!    the longest whose checks pass wins (`Front al-Nosra` over `Nosra`),
//!    and the pass goes on after it: the same result as one leftmost-longest
//!    automaton run that falls back to shorter matches at the start of a
//!    rejected one. One-word names that need a capital are looked up on
//!    capitalised words instead, after the trie's names at that word.
//! 3. **Checks on the original text.** Proper names must show a capital
//!    (or digit) on some word unless flagged `lowercase_ok`; `case_sensitive`
//!    forms (and every all-capital form of three letters or fewer, such as
//!    `EI`) must match letter for letter; `no_fold` forms, forms whose
//!    skeleton has three letters or fewer, words written in capitals
//!    (`SIPA`, `SYRIE`) and one-word matches that are French stop words
//!    (`Ceci`) must match on the basic form; four-letter skeletons fold only
//!    when the first letter agrees (`Daech` = `Daesh`). A span is widened to
//!    a preceding article (`al-Manar`, `Al Mossoul`) and narrowed past a
//!    leading descriptor of a listed variant (`télévision al-Manar` →
//!    `al-Manar`; see `data/name_words.tsv`).
//! 4. **Context.** Cue words from `data/context_cues.tsv` (looked up in a
//!    window of the three words before and the two after a mention) pick
//!    between entities sharing a spelling (Al Mayadeen the channel after
//!    *selon* or as a masthead, opening one of the first lines before a
//!    dash, alone on it, or after a byline's dash: *— Libération, 29 août*;
//!    the town after *à*; when both readings have a cue, the longer
//!    cue wins: *a indiqué à Al Jazeera* is the outlet, not the Jazira;
//!    the entity whose listed spelling is the one written weighs as much as
//!    a cue word: *Al-Jazeera* is the channel, *al-Jazira* the region),
//!    confirm `needs_context` forms, veto them
//!    (*résistance acharnée*), exclude any reading (*Jerusalem Timing* in a
//!    dateline), or let a lowercase name through (*selon assafir*). The
//!    next names of a list share the cue before its first one (*les
//!    quartiers de Zanjili et de Chifa*). An
//!    ambiguous form with no cue still counts when the same entity is named
//!    plainly elsewhere in the document. A lone given name (*Hussein*) is a
//!    place only where a cue says so.
//! 5. **Names the lexicon does not know.** Triggers from
//!    `data/name_triggers.tsv` (*le village de X*, *Jabal X*, *Abou X*,
//!    *Oum X* (a person, but one more place in a list of places after a
//!    comma), *la brigade X*, *le général X*; a place trigger ending in *de* also
//!    reads with one adjective of `data/name_words.tsv` before it: *la
//!    localité frontalière de X*), given names from
//!    `data/first_names.txt` (*Khalil Hamdane*), a person's title and its
//!    complement before a comma (*le maire de la ville, X Y,*: two words
//!    or more) and lists of places
//!    (*à Douma et X*) announce a run of capitalised words (with articles
//!    and particles such as `ibn`, `de` inside; see `data/name_words.tsv`),
//!    ending at punctuation, a line break, a lowercase word, a stop word or
//!    a lexicon mention. No name of the lexicon or of context runs across
//!    a line break or a bar (*Liban | Sud-Liban*). A one-word place of the
//!    lexicon inside such a run
//!    yields to the longer name (*Tal al-Milh*, *Hussein Razzouk al-Hamed*).
//!    Military units the lexicon does not list are named by number or by
//!    rank (*Liwa 313*, *la brigade 26*, *la 7e division*: positions
//!    `number` and `ordinal` of `data/name_triggers.tsv`); their number is
//!    kept as written in their id (*brigade 44* is not *brigade 4*).
//!    These names get document-local ids `local:<kind>:<skeleton-slug>` that
//!    never collide with stable ids; later mentions of the same name, and a
//!    person's family name alone (*Talli* after *Abou Malek al-Talli*, also
//!    for lexicon persons), get the same id.
//! 6. **Bare institution names.** "Selon le ministère de la Santé", "le
//!    commandement de l'armée": entries without a country, each listed in
//!    `data/generic_names.tsv` with the specific entities it may stand for.
//!    A bare mention takes the id of the one such entity the document names,
//!    else that of the country of a strict majority of the document's place
//!    mentions, else keeps its bare id (the only document-wide step; it runs
//!    when a bare name was found).
//!
//! Invariants: mentions are sorted, never overlap, lie on `char` boundaries
//! inside the text; the same text always gives the same result; the work is
//! linear in the text length (one folding pass, one trie walk per word no
//! deeper than the longest name, context rules over bounded windows); no
//! input makes it panic.
//!
//! # Data format
//!
//! Lexicon files are UTF-8 TSV, one entity per line, `#` comments, with the
//! header `id kind name type parent country lat lon geonames allegiance
//! variants flags` (tab-separated). Ids are `prefix:slug` (`place:`,
//! `group:`, `org:`, `media:`, `person:`); variants are `|`-separated; flags
//! (`case_sensitive`, `needs_context`, `no_fold`, `lowercase_ok`) apply to the
//! name and variants *of that line*. A line whose id is already known adds
//! its variants (with its flags) to that entity; its kind and name must then
//! be empty or equal. The embedded files are listed in one place
//! ([`EMBEDDED_FILES`]); users add their own with [`LexiconBuilder::add_file`].
//! Should an embedded line ever be malformed, [`Lexicon::embedded`] skips it
//! rather than fail (the crate's tests reject such data).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod context;
mod data;
mod error;
mod fold;
mod generic;
mod hash;
mod id;
mod matcher;

pub use bilan_article::Span;
pub use data::Entry;
pub use error::{Error, ErrorKind};
pub use id::EntityId;

use data::Tables;
use matcher::Matcher;
use once_cell::sync::Lazy;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The lexicon files embedded in the library, in load order.
pub const EMBEDDED_FILES: [(&str, &str); 7] = [
    ("countries.tsv", include_str!("../data/countries.tsv")),
    (
        "places_curated.tsv",
        include_str!("../data/places_curated.tsv"),
    ),
    (
        "places_geonames.tsv",
        include_str!("../data/places_geonames.tsv"),
    ),
    ("armed_groups.tsv", include_str!("../data/armed_groups.tsv")),
    (
        "organizations.tsv",
        include_str!("../data/organizations.tsv"),
    ),
    ("media.tsv", include_str!("../data/media.tsv")),
    ("persons.tsv", include_str!("../data/persons.tsv")),
];

/// French words capitalised at sentence starts that are never names.
const STOPWORDS_FR: &str = include_str!("../data/stopwords_fr.txt");

/// French words that fold like a name they are not ("Série", "Guerre"),
/// generated by `scripts/gen_exact_words.py`: like stop words, they are a
/// one-word name only when spelt exactly as one.
const EXACT_WORDS_FR: &str = include_str!("../data/exact_words_fr.txt");

/// The five kinds of entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// Countries, provinces, towns, villages, mountains, crossings…
    Place,
    /// Armies, militias, jihadist groups, coalitions, air forces.
    ArmedGroup,
    /// Parties, governments, ministries, monitors, NGOs.
    Organization,
    /// Newspapers, channels, agencies, websites.
    Media,
    /// People.
    Person,
}

/// One mention of an entity in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span in the original text.
    pub span: Span,
    /// The id of the entity mentioned (stable, or document-local for names
    /// recognised from context). Shared: every mention of one entity points
    /// to the same string, so a mention costs no allocation (a document
    /// names its few dozen entities hundreds of times).
    pub id: EntityId,
    /// The entity's kind.
    pub kind: EntityKind,
}

/// An entity found in a document, with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id such as `place:qalamoun`, or a document-local id (the
    /// same string as its mentions' [`Mention::id`]).
    pub id: EntityId,
    /// The entity's kind.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Spans of its mentions, in text order.
    pub mentions: Vec<Span>,
}

/// The entities of one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entities {
    /// One entity per id, in order of first mention.
    pub entities: Vec<Entity>,
    /// All mentions, sorted by start offset, never overlapping.
    pub mentions: Vec<Mention>,
}

impl Entities {
    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The mentions that lie within `span`, in text order.
    pub fn mentions_in(&self, span: Span) -> &[Mention] {
        let lo = self.mentions.partition_point(|m| m.span.start < span.start);
        let hi = self.mentions.partition_point(|m| m.span.start < span.end);
        let hi = hi.max(lo);
        let slice = &self.mentions[lo..hi];
        let n = slice.iter().take_while(|m| m.span.end <= span.end).count();
        &slice[..n]
    }
}

/// The lexicon: entity tables and the automaton that finds them.
#[derive(Debug)]
pub struct Lexicon {
    tables: Tables,
    matcher: Matcher,
    /// Bare institution names resolved per document (embedded data only).
    generics: generic::Generics,
}

static EMBEDDED: Lazy<Lexicon> = Lazy::new(|| {
    // The embedded data is checked by this crate's tests; should a line ever
    // be broken, skipping it beats losing the lexicon, and an empty lexicon
    // (context rules only) beats a panic.
    let strict = Lexicon::builder().build();
    strict
        .or_else(|_| Lexicon::builder().lenient().build())
        .unwrap_or_else(|_| Lexicon {
            generics: generic::Generics::default(),
            tables: Tables::default(),
            matcher: Matcher::without_entities(context::Rules::embedded().unwrap_or_default()),
        })
});

impl Lexicon {
    /// The lexicon built from the embedded data, built once per process.
    pub fn embedded() -> &'static Lexicon {
        &EMBEDDED
    }

    /// A builder, to add user files to (or replace) the embedded data.
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder {
            embedded: true,
            lenient: false,
            sources: Vec::new(),
        }
    }

    /// Find and link the entities of `text`.
    ///
    /// Texts over 4 GiB are read in pieces of at most that size, cut after
    /// a line break where there is one; an entity keeps one id across them.
    pub fn find(&self, text: &str) -> Entities {
        let mut found = if text.len() <= fold::MAX_FOLDED_TEXT {
            self.matcher.find(&self.tables, text)
        } else {
            find_in_pieces(text, fold::MAX_FOLDED_TEXT, |piece| {
                self.matcher.find(&self.tables, piece)
            })
        };
        self.generics.resolve(&self.tables, &mut found);
        found
    }

    /// The facts held about entity `id`.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.tables
            .by_id
            .get(id)
            .map(|&ix| &self.tables.entries[ix as usize])
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.tables.entries.len()
    }

    /// True when the lexicon holds no entity.
    pub fn is_empty(&self) -> bool {
        self.tables.entries.is_empty()
    }

    /// All entries, in load order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.tables.entries.iter()
    }
}

#[derive(Debug, Clone)]
enum Source {
    File(PathBuf),
    Str(String, String),
}

/// Builds a [`Lexicon`] from the embedded data and/or user files.
///
/// ```
/// use bilan_lexicon::Lexicon;
/// let extra = "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags\n\
///              place:jabal-abyad\tplace\tJabal Abyad\tmountain\t\tSY\t\t\t\t\t\t\n";
/// let lexicon = Lexicon::builder().embedded(false).add_str("extra.tsv", extra).build()?;
/// assert_eq!(lexicon.len(), 1);
/// assert_eq!(lexicon.entry("place:jabal-abyad").map(|e| e.name.as_str()), Some("Jabal Abyad"));
/// # Ok::<(), bilan_lexicon::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct LexiconBuilder {
    embedded: bool,
    lenient: bool,
    sources: Vec<Source>,
}

impl LexiconBuilder {
    /// Whether to load the embedded data first (the default).
    pub fn embedded(mut self, yes: bool) -> Self {
        self.embedded = yes;
        self
    }

    /// Skip malformed lines and unknown parents instead of failing (I/O
    /// errors still fail).
    pub fn lenient(mut self) -> Self {
        self.lenient = true;
        self
    }

    /// Add a lexicon file, read when [`build`](Self::build) runs.
    pub fn add_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.sources.push(Source::File(path.into()));
        self
    }

    /// Add lexicon data from a string; `name` names it in errors.
    pub fn add_str(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.sources.push(Source::Str(name.into(), text.into()));
        self
    }

    /// Load everything and compile the automaton.
    ///
    /// # Errors
    /// A file that cannot be read ([`ErrorKind::Io`]) or a malformed line
    /// (the error names the file, the line and the reason).
    pub fn build(self) -> Result<Lexicon, Error> {
        let mut tables = Tables {
            lenient: self.lenient,
            ..Tables::default()
        };
        if self.embedded {
            for (name, text) in EMBEDDED_FILES {
                tables.add(name, text)?;
            }
        }
        for source in &self.sources {
            match source {
                Source::File(path) => {
                    let text = std::fs::read_to_string(path).map_err(|e| {
                        Error::new(ErrorKind::Io, format!("{}: {e}", path.display()))
                    })?;
                    tables.add(&path.display().to_string(), &text)?;
                }
                Source::Str(name, text) => tables.add(name, text)?,
            }
        }
        tables.check_parents()?;
        let mut rules = context::Rules::embedded().map_err(|m| Error::new(ErrorKind::Value, m))?;
        rules.add_stopwords(STOPWORDS_FR);
        rules.add_exact_words(EXACT_WORDS_FR);
        let matcher =
            Matcher::build(&tables, rules).map_err(|m| Error::new(ErrorKind::Value, m))?;
        // The generic names refer to embedded entries: without them, none.
        let generics = if self.embedded {
            generic::Generics::parse("generic_names.tsv", generic::GENERIC_NAMES, &tables)?
        } else {
            generic::Generics::default()
        };
        Ok(Lexicon {
            tables,
            matcher,
            generics,
        })
    }
}

/// [`Lexicon::find`] on a text longer than `limit` bytes: pieces of at most
/// `limit` bytes (at least four), each cut after its last line break when it
/// has one, else on a character boundary; mentions shifted to offsets in
/// `text`, entities of the same id merged, in first-mention order.
fn find_in_pieces(text: &str, limit: usize, find: impl Fn(&str) -> Entities) -> Entities {
    let limit = limit.max(4);
    let mut out = Entities::default();
    let mut by_id: hash::FastMap<EntityId, usize> = hash::FastMap::default();
    let mut offset = 0;
    while offset < text.len() {
        let mut end = (offset + limit).min(text.len());
        if end < text.len() {
            if let Some(line_end) = text.as_bytes()[offset..end]
                .iter()
                .rposition(|&b| b == b'\n')
            {
                end = offset + line_end + 1;
            }
            while !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        let Some(piece) = text.get(offset..end) else {
            break;
        };
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        let found = find(piece);
        out.mentions
            .extend(found.mentions.into_iter().map(|m| Mention {
                span: shift(m.span),
                ..m
            }));
        for entity in found.entities {
            let mentions = entity.mentions.iter().map(|&m| shift(m));
            match by_id.get(&entity.id) {
                Some(&ix) => out.entities[ix].mentions.extend(mentions),
                None => {
                    by_id.insert(entity.id.clone(), out.entities.len());
                    let mentions = mentions.collect();
                    out.entities.push(Entity { mentions, ..entity });
                }
            }
        }
        offset = end;
    }
    out
}

#[cfg(test)]
mod pieces_tests {
    use super::*;

    #[test]
    fn a_text_read_in_pieces_keeps_offsets_and_ids() {
        let text = "Les combats continuent à Homs.\nÀ Homs et à Alep, le Hezbollah avance.\n\
                    Selon l'OSDH, le Hezbollah tient Alep.";
        let lexicon = Lexicon::embedded();
        let whole = lexicon.find(text);
        for limit in [4, 10, 40, 80] {
            let pieces = find_in_pieces(text, limit, |p| lexicon.find(p));
            for m in &pieces.mentions {
                assert!(!m.span.slice(text).is_empty(), "limit {limit}: {m:?}");
            }
            assert!(
                pieces
                    .mentions
                    .windows(2)
                    .all(|w| w[0].span.end <= w[1].span.start),
                "limit {limit}: sorted, no overlap"
            );
            let ids: std::collections::HashSet<&str> =
                pieces.entities.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(
                ids.len(),
                pieces.entities.len(),
                "limit {limit}: one entity per id"
            );
            for e in &pieces.entities {
                let own = pieces.mentions.iter().filter(|m| m.id == e.id).count();
                assert_eq!(own, e.mentions.len(), "limit {limit}: {}", e.id);
            }
        }
        // Cut at the line breaks, the pieces see what the whole text sees.
        let by_lines = find_in_pieces(text, 80, |p| lexicon.find(p));
        assert_eq!(by_lines.mentions, whole.mentions);
    }
}
