//! Extract quantified claims from French conflict news.
//!
//! Every figure in an article — casualties, areas, percentages, lengths,
//! durations, masses, sums of money, ages, counts — read the French way, with
//! what it counts, who says it, where and when, and the span it came from.
//!
//! The crate has two layers, usable apart:
//! - [`quantity::scan`] finds quantity expressions and reads their numbers;
//! - [`Extractor::extract`] turns the quantities of each sentence of an
//!   [`Article`] into [`Claim`]s: the kind (from the unit, else casualties
//!   when something happened to the counted people, else a count), the
//!   casualty outcome, victims and group, the `source` and `place` (ids of
//!   entities of the given [`Entities`]) and the event `date`, resolved
//!   against the dateline.
//!
//! Invariants:
//! - every claim's span lies inside its sentence, contains its number and is
//!   at most 200 bytes long;
//! - links (`actor`, `place`, `source`) are ids of entities mentioned in
//!   the given [`Entities`] (a group named only by an adjective, "soldats
//!   syriens", is kept only when the document mentions it);
//! - `date` is only set where the sentence names a day; it is never the
//!   dateline by default;
//! - never panics; each figure is read in windows of a few words, and a
//!   "sentence" longer than 4 kB (a text without punctuation) is read in
//!   pieces cut at spaces, so the time is linear in the text;
//! - `date`, `place` and `source` come from the claim's own sentence (a
//!   pronoun speaker, "selon lui", from the sentence before; "selon notre
//!   correspondant", the article's publisher, one of its mentions); an
//!   implied `actor` may come from the previous sentence, a few paragraphs
//!   back, or the first group named in the 1.5 kB after (a headline).
//!
//! The rules are data: cue words live in `data/meaning/*.tsv`.
//!
//! ```
//! use bilan_article::Span;
//! use bilan_claims::{ClaimKind, Extractor, Outcome, Victims};
//! use bilan_lexicon::{Entities, EntityKind, Mention};
//!
//! let text = "Deux soldats ont été tués à Alep.";
//! let article = bilan_article::parse(text);
//! let at = text.find("Alep").unwrap_or_default();
//! let alep = Mention {
//!     span: Span::new(at, at + "Alep".len()),
//!     id: "place:aleppo".into(),
//!     kind: EntityKind::Place,
//! };
//! let entities = Entities { entities: vec![], mentions: vec![alep] };
//! let claims = Extractor::new().extract(text, &article, &entities);
//! assert_eq!(claims[0].kind, ClaimKind::Casualties);
//! assert_eq!(claims[0].outcome, Some(Outcome::Killed));
//! assert_eq!(claims[0].victims, Some(Victims::Soldiers));
//! assert_eq!(claims[0].place.as_deref(), Some("place:aleppo"));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod anaphora;
mod gate;
mod links;
mod meaning;
mod model;
mod outlet;
pub mod quantity;
mod side_by_side;
mod tables;
mod words;
#[cfg(test)]
mod words_reference;

pub use model::{Claim, ClaimKind, Outcome, Qualifier, Unit, Victims};

use bilan_article::{Article, Span};
use bilan_lexicon::Entities;

/// The longest stretch of text read as one sentence, in bytes.
const MAX_PIECE: usize = 4096;
/// How far back (in bytes) a speaker named again by a common noun ("selon
/// le ministère") may have been named.
const SPEAKER_LOOKBACK: usize = 2000;

/// The type of an entity in the embedded lexicon ("city", "country",
/// "jihadist", "rebel"…), where it has one: the claims' rules that depend
/// on what a place or a group is (a town named again by "la ville", a
/// striking country, the jihadist group "terroristes" belong to) ask
/// here. Entities the user adds at run time have none.
fn lexicon_type(mention: &bilan_lexicon::Mention) -> Option<&'static str> {
    bilan_lexicon::Lexicon::embedded()
        .entry(mention.id.as_str())
        .and_then(|entry| entry.entity_type.as_deref())
}

/// `span` cut at spaces into pieces of at most `MAX_PIECE` bytes, pushed
/// onto `out`.
fn pieces(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end.saturating_sub(start) > MAX_PIECE {
        let mut limit = start + MAX_PIECE;
        while limit > start && !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text
            .get(start..limit)
            .and_then(|piece| piece.rfind(char::is_whitespace))
            .map(|at| start + at)
            .filter(|&cut| cut > start)
            .unwrap_or(limit);
        if cut <= start {
            break;
        }
        out.push(Span::new(start, cut));
        start = cut;
    }
    out.push(Span::new(start, span.end));
}

/// A sentence being read, with what was looked up about it once.
#[derive(Clone, Copy)]
struct Context<'a> {
    span: Span,
    /// The entity mentions inside the sentence.
    mentions: &'a [bilan_lexicon::Mention],
    /// Those of the sentence before it.
    previous_mentions: &'a [bilan_lexicon::Mention],
    /// Those of the few paragraphs before the sentence: a speaker named
    /// again by a common noun ("selon le ministère") is one of them.
    earlier: &'a [bilan_lexicon::Mention],
    dateline: Option<jiff::civil::Date>,
    /// The article's publisher, for "selon notre correspondant" (`outlet`).
    outlet: Option<&'a bilan_lexicon::Mention>,
    /// Where the sentence before this one starts.
    previous_start: usize,
}

/// The mentions of a document asked about sentence after sentence: the
/// counts of mentions starting before an offset, by cursors that move
/// forward when the offsets do (and the mentions are sorted by start, as
/// `Entities` keeps them), else by binary search, which gives the same.
struct MentionIndex<'e> {
    all: &'e [bilan_lexicon::Mention],
    sorted: bool,
    /// (count, offset) of the last `starts_before` asked, one per kind of
    /// offset (sentence starts, sentence ends, look-back starts).
    cursors: [(usize, usize); 3],
}

impl<'e> MentionIndex<'e> {
    fn new(all: &'e [bilan_lexicon::Mention]) -> MentionIndex<'e> {
        let sorted = all.windows(2).all(|pair| match pair {
            [a, b] => a.span.start <= b.span.start,
            _ => true,
        });
        MentionIndex {
            all,
            sorted,
            cursors: [(0, 0); 3],
        }
    }

    /// `all.partition_point(|m| m.span.start < offset)`, with cursor `kind`.
    fn starts_before(&mut self, kind: usize, offset: usize) -> usize {
        let all = self.all;
        let Some(cursor) = self.cursors.get_mut(kind) else {
            return all.partition_point(|m| m.span.start < offset);
        };
        let count = if self.sorted && offset >= cursor.1 {
            let mut count = cursor.0;
            while all.get(count).is_some_and(|m| m.span.start < offset) {
                count += 1;
            }
            count
        } else {
            all.partition_point(|m| m.span.start < offset)
        };
        *cursor = (count, offset);
        count
    }

    /// `Entities::mentions_in(span)`.
    fn within(&mut self, span: Span) -> &'e [bilan_lexicon::Mention] {
        let all = self.all;
        let lo = self.starts_before(0, span.start);
        let hi = self.starts_before(1, span.end).max(lo);
        let slice = all.get(lo..hi).unwrap_or_default();
        let n = slice.iter().take_while(|m| m.span.end <= span.end).count();
        slice.get(..n).unwrap_or_default()
    }

    /// The mentions starting in the `SPEAKER_LOOKBACK` bytes before `start`.
    fn before(&mut self, start: usize) -> &'e [bilan_lexicon::Mention] {
        let all = self.all;
        let end = self.starts_before(0, start);
        // `m.span.start + SPEAKER_LOOKBACK < start`
        let first = self.starts_before(2, start.saturating_sub(SPEAKER_LOOKBACK));
        all.get(first..end).unwrap_or_default()
    }
}

/// Buffers reused from one sentence to the next: their allocations are
/// kept, so reading a sentence allocates little more than its claims.
#[derive(Default)]
struct Scratch<'e> {
    words: words::Words,
    quantities: Vec<quantity::Quantity>,
    ranges: Vec<(usize, usize)>,
    readings: Vec<Option<meaning::Reading>>,
    sources: Vec<(usize, usize, &'e bilan_lexicon::Mention)>,
    attributions: Vec<links::Attributed<'e>>,
    /// The document's speakers so far, for "selon la (même) source".
    speakers: links::Speakers<'e>,
    places: Vec<(&'e bilan_lexicon::Mention, bool)>,
    days: Vec<links::DayMention>,
    rubrics: Vec<&'e bilan_lexicon::Mention>,
    described: Vec<(&'e bilan_lexicon::Mention, Span)>,
    asides: Vec<Span>,
    listed: Vec<&'e bilan_lexicon::Mention>,
    situating: Vec<(&'e bilan_lexicon::Mention, &'e bilan_lexicon::Mention)>,
    figures: Vec<(Span, Option<&'e bilan_lexicon::Mention>)>,
    /// The last measure of the sentence read last, for "en" in the next.
    last_measure: Option<meaning::PreviousMeasure>,
}

/// The buffers of `Scratch` that borrow nothing, kept from one `extract`
/// to the next on the same thread: a document of a few sentences would
/// otherwise grow them from empty each time (a real article of 2 500
/// bytes spent some 8 % of its instructions in reallocations).
#[derive(Default)]
struct Spare {
    words: words::Words,
    quantities: Vec<quantity::Quantity>,
    ranges: Vec<(usize, usize)>,
    readings: Vec<Option<meaning::Reading>>,
    days: Vec<links::DayMention>,
}

thread_local! {
    static SPARE: std::cell::RefCell<Spare> = std::cell::RefCell::default();
}

impl Spare {
    /// The thread's spare buffers (empty ones if another `extract` of the
    /// thread holds them).
    fn take() -> Spare {
        SPARE
            .try_with(|spare| spare.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default()
    }

    /// Gives the buffers back to the thread, for its next `extract`.
    fn give_back(self) {
        let _ = SPARE.try_with(|spare| {
            if let Ok(mut slot) = spare.try_borrow_mut() {
                *slot = self;
            }
        });
    }
}

/// A headline repeats a figure of the body ("au moins 23 soldats tués"
/// above "Au moins 23 soldats syriens ont été tués"): a casualty figure of
/// the title takes the actor of the first casualty figure of the body
/// with the same count, outcome and victims, whose telling has the words
/// the headline leaves out. Work: the title's few figures against the
/// claims after it (claims come in text order: the title's are found by
/// two binary searches, wherever the title stands on the page).
fn headline_actors(article: &bilan_article::Article, claims: &mut [Claim]) {
    let Some(title) = article.title.as_ref().map(|b| b.span) else {
        return;
    };
    let first = claims.partition_point(|c| c.span.start < title.start);
    let past = claims.partition_point(|c| c.span.start < title.end);
    let (before_body, body) = claims.split_at_mut(past);
    let heads = before_body.get_mut(first..).unwrap_or_default();
    for head in heads.iter_mut().filter(|c| c.kind == ClaimKind::Casualties) {
        let told = body.iter().find(|c| {
            c.kind == ClaimKind::Casualties
                && c.value == head.value
                && c.min == head.min
                && c.max == head.max
                && c.outcome == head.outcome
                && c.victims == head.victims
        });
        if let Some(actor) = told.and_then(|c| c.actor.clone()) {
            head.actor = Some(actor);
        }
    }
}

/// How many distinct actors `actors_mentioned` looks for among the
/// mentions one by one; more are looked up in a hashed set.
const FEW_ACTORS: usize = 16;

/// Drops the actors of `claims` that no mention of `entities` names, when
/// the claims have at most `FEW_ACTORS` distinct ones; `false` (claims
/// untouched) when they have more. Each mention is compared with the
/// actors not yet found, until all are.
fn actors_mentioned(claims: &mut [Claim], entities: &Entities) -> bool {
    // (actor, mentioned).
    let mut actors: Vec<(bilan_lexicon::EntityId, bool)> = Vec::new();
    for actor in claims.iter().filter_map(|c| c.actor.as_ref()) {
        if !actors.iter().any(|(a, _)| a == actor) {
            if actors.len() == FEW_ACTORS {
                return false;
            }
            actors.push((actor.clone(), false));
        }
    }
    let mut missing = actors.len();
    for mention in &entities.mentions {
        if missing == 0 {
            break;
        }
        if let Some((_, found)) = actors
            .iter_mut()
            .find(|(a, found)| !*found && a.as_str() == mention.id.as_str())
        {
            *found = true;
            missing -= 1;
        }
    }
    if missing > 0 {
        for claim in claims.iter_mut() {
            let unknown = claim.actor.as_ref().is_some_and(|actor| {
                actors
                    .iter()
                    .any(|(a, found)| !*found && a.as_str() == actor.as_str())
            });
            if unknown {
                claim.actor = None;
            }
        }
    }
    true
}

#[cfg(test)]
thread_local! {
    /// Set by a test to read every sentence, as before the gate.
    static GATE_OFF: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether a test has turned the gate off (never outside tests).
#[inline(always)]
fn gate_off() -> bool {
    #[cfg(test)]
    {
        GATE_OFF.with(std::cell::Cell::get)
    }
    #[cfg(not(test))]
    {
        false
    }
}

/// The longest span a claim may have, in bytes.
pub const MAX_SPAN: usize = 200;

/// The claim extractor. Its tables are built once per process; it is a
/// zero-sized handle, cheap to copy and share between threads.
#[derive(Debug, Default, Clone, Copy)]
pub struct Extractor {
    _private: (),
}

impl Extractor {
    /// An extractor with the embedded rule tables.
    pub fn new() -> Extractor {
        once_cell::sync::Lazy::force(&tables::TABLES);
        once_cell::sync::Lazy::force(&gate::COUNT_GATE);
        anaphora::prepare();
        Extractor { _private: () }
    }

    /// The claims of `text`, parsed as `article`, whose entities are
    /// `entities`: one per quantity of each sentence (an article "un"/"une"
    /// only when it counts a casualty), in text order.
    pub fn extract(&self, text: &str, article: &Article, entities: &Entities) -> Vec<Claim> {
        let whole = [Span::new(0, text.len())];
        let given: Vec<Span> = if article.sentences.is_empty() {
            whole.to_vec()
        } else {
            article.sentences.iter().map(|s| s.span).collect()
        };
        // Overlong "sentences" (a text without punctuation) are read in pieces,
        // so that the work per figure stays bounded: linear time overall.
        let mut sentence_spans = Vec::with_capacity(given.len());
        for &sentence in &given {
            pieces(text, sentence, &mut sentence_spans);
        }
        let dateline = article.dateline.as_ref().map(|d| d.date);
        // Room for a claim a sentence, which few sentences pass: the
        // vector is not grown (and copied) a dozen times on a long text.
        let mut claims = Vec::with_capacity(sentence_spans.len());
        let spare = Spare::take();
        let mut scratch = Scratch {
            words: spare.words,
            quantities: spare.quantities,
            ranges: spare.ranges,
            readings: spare.readings,
            days: spare.days,
            ..Scratch::default()
        };
        // Places named again by a common noun ("la ville") count as their
        // places' mentions here, and only here (see `anaphora`).
        let anaphors = anaphora::place_anaphors(text, &sentence_spans, &entities.mentions);
        let mentions: std::borrow::Cow<'_, [bilan_lexicon::Mention]> = if anaphors.is_empty() {
            std::borrow::Cow::Borrowed(&entities.mentions)
        } else {
            let mut all = entities.mentions.clone();
            all.extend(anaphors);
            all.sort_by_key(|m| m.span.start);
            std::borrow::Cow::Owned(all)
        };
        let outlet = outlet::document_outlet(text, article, &entities.mentions);
        // The mentions of the previous sentence, kept from its own lookup.
        let mut index = MentionIndex::new(&mentions);
        let mut previous_mentions = index.within(Span::new(0, 0));
        // The last casualty figure of the paragraph so far, while no other
        // claim came after it: what "N autres" at the start of a sentence
        // counts more of.
        let mut last_casualty: Option<meaning::Reading> = None;
        // Whether the last sentence read gave `last_casualty`: across a
        // paragraph break, only the sentence right before the break lends
        // its casualties ("… ont coûté la vie à 28 combattants.\n\n
        // Quarante-huit autres ont été blessés").
        let mut casualty_just_before = false;
        let mut previous_end = 0;
        // Where the sentence read last starts.
        let mut last_start = 0;
        for span in sentence_spans {
            if span.start > span.end || text.get(span.start..span.end).is_none() {
                continue;
            }
            if text
                .as_bytes()
                .get(previous_end..span.start)
                .is_some_and(|gap| gap.contains(&b'\n'))
            {
                if !casualty_just_before {
                    last_casualty = None;
                }
            }
            casualty_just_before = false;
            previous_end = span.end;
            let previous_start = std::mem::replace(&mut last_start, span.start);
            let quantities = &mut scratch.quantities;
            // The sentence's tokens, in `scratch.words`, serve the scan
            // and then the reading of its figures. A sentence that cannot
            // give a claim (no digit, no number word; or articles alone,
            // with no word of an outcome, a unit or a number) is neither
            // tokenised nor scanned.
            if gate::may_give_claims(text, span) || gate_off() {
                quantity::scan_into(text, span, &mut scratch.words, quantities);
            } else {
                quantities.clear();
            }
            // A number inside a name ("20 Minutes", "Liwa 313") counts nothing.
            let mentions = index.within(span);
            quantities.retain(|q| {
                mentions
                    .iter()
                    .all(|m| !(m.span.start <= q.number.start && q.number.end <= m.span.end))
            });
            if quantities.is_empty() {
                // "en" refers to the sentence right before only.
                scratch.last_measure = None;
            } else {
                let context = Context {
                    span,
                    mentions,
                    previous_mentions,
                    earlier: index.before(span.start),
                    dateline,
                    outlet: outlet.as_ref(),
                    previous_start,
                };
                let before = claims.len();
                self.sentence_claims(
                    text,
                    &context,
                    last_casualty.as_ref(),
                    entities,
                    &mut scratch,
                    &mut claims,
                );
                // The sentence's last claim (a detail aside), when a
                // casualty, for "N autres" in the next one; another kind of
                // claim ends the chain, but for a duration ("80 civils ont
                // été tués en une semaine").
                if let Some(last) = claims.get(before..).and_then(|new| {
                    new.iter()
                        .rev()
                        .filter(|c| c.kind != ClaimKind::Duration)
                        .find(|c| {
                            // "dont", "lesquels", "eux", "figurent", a comma:
                            // the byte before the figure rules most claims out
                            // without a search.
                            let before = text.as_bytes().get(..c.span.start).unwrap_or_default();
                            let words = &scratch.words;
                            !(matches!(
                                before.trim_ascii_end().last(),
                                Some(b't' | b's' | b'x' | b'e' | b',')
                            ) && meaning::details_previous(words, words.index_at(c.span.start)))
                        })
                }) {
                    last_casualty = (last.kind == ClaimKind::Casualties)
                        .then(|| meaning::Reading::antecedent(last));
                    casualty_just_before = last_casualty.is_some();
                }
            }
            previous_mentions = mentions;
        }
        Spare {
            words: scratch.words,
            quantities: scratch.quantities,
            ranges: scratch.ranges,
            readings: scratch.readings,
            days: scratch.days,
        }
        .give_back();
        headline_actors(article, &mut claims);
        // Links name entities of this document only. The few distinct
        // actors of the claims are looked for among the mentions, which
        // stops once all are found; a hashed set of the ids mentioned
        // serves when they are many.
        if claims.iter().any(|c| c.actor.is_some()) && !actors_mentioned(&mut claims, entities) {
            let mut document_ids: std::collections::HashSet<
                &str,
                std::hash::BuildHasherDefault<quantity::WordHasher>,
            > = std::collections::HashSet::default();
            document_ids.extend(entities.mentions.iter().map(|m| m.id.as_str()));
            for claim in &mut claims {
                let known = claim
                    .actor
                    .as_deref()
                    .is_some_and(|id| document_ids.contains(id));
                if !known {
                    claim.actor = None;
                }
            }
        }
        claims
    }

    /// The claims of one sentence, read after a paragraph whose last
    /// casualty figure is `previous_casualty`.
    fn sentence_claims<'e>(
        &self,
        text: &str,
        context: &Context<'e>,
        previous_casualty: Option<&meaning::Reading>,
        entities: &'e Entities,
        scratch: &mut Scratch<'e>,
        claims: &mut Vec<Claim>,
    ) {
        let Context {
            span,
            mentions,
            previous_mentions,
            earlier,
            dateline,
            outlet,
            previous_start,
        } = *context;
        let Scratch {
            words,
            quantities,
            ranges,
            readings,
            sources,
            attributions,
            speakers,
            places,
            days,
            rubrics,
            described,
            asides,
            listed,
            situating,
            figures,
            last_measure,
        } = scratch;
        let previous_measure = last_measure.take();
        let quantities: &[quantity::Quantity] = quantities;
        // An article "un"/"une" is a claim only when an outcome phrase (or
        // a figure before it, itself read from one) says what happened to
        // what it counts: a sentence of articles alone where no outcome
        // phrase can match gives nothing, and is not read.
        if quantities
            .iter()
            .all(|q| q.form == quantity::NumberForm::Article && q.measure.is_none())
            && !tables::TABLES.outcomes.may_match_in(words)
        {
            return;
        }
        meaning::token_ranges(words, quantities, ranges);
        let mut sentence = meaning::Sentence::new(
            text,
            span,
            words,
            quantities,
            ranges,
            mentions,
            &entities.mentions,
            previous_mentions,
        );
        sentence.set_previous(previous_casualty, previous_measure);
        // Read the figures first: when none is a claim (an article "un"
        // counting nothing), the links of the sentence are not needed.
        sentence.read_all(readings);
        if readings.iter().all(Option::is_none) {
            return;
        }
        meaning::share_named_victims(readings, sentence.words);
        links::attributions(
            text,
            sentence.words,
            mentions,
            links::Around {
                previous: previous_mentions,
                previous_start,
                earlier,
                publisher: outlet,
            },
            sources,
            attributions,
            speakers,
        );
        links::places(sentence.words, mentions, places);
        days.clear();
        if let Some(dateline) = dateline {
            links::days_into(sentence.words, dateline, days);
            links::days_ago_into(sentence.words, quantities, dateline, days);
        }
        // What the places of the sentence say of each other, when it names
        // any (each of these is empty without them, and `place_for` finds
        // nothing).
        let holder = if places.is_empty() {
            rubrics.clear();
            described.clear();
            asides.clear();
            listed.clear();
            situating.clear();
            None
        } else {
            links::rubrics(sentence.words, places, rubrics);
            links::described(sentence.words, places, described);
            links::descriptive_asides(sentence.words, mentions, places, asides);
            links::lists_and_appositions(sentence.words, places, listed, situating);
            links::holder(sentence.words, places)
        };
        figures.clear();
        figures.extend(
            readings
                .iter()
                .flatten()
                .map(|r| (r.span, links::attached(sentence.words, places, r.span.end))),
        );
        // The place each reading's own words lead to, in the order of `figures`.
        let mut own_places = figures.iter().map(|&(_, attached)| attached);
        // A detail ("deux civils, dont un enfant") and an age ("un enfant
        // de 7 ans") happened where the figure they describe did.
        // (end of that figure, index of its claim): its place is copied
        // only when a detail takes it.
        let mut described_place: Option<(usize, usize)> = None;
        for (k, (quantity, reading)) in quantities
            .iter()
            .zip(readings.iter_mut().map(Option::take))
            .enumerate()
        {
            let Some(reading) = reading else { continue };
            let own_place = own_places.next().flatten();
            // The quantity's first token, as `token_ranges` found it.
            let first = ranges.get(k).map_or_else(
                || sentence.words.index_at(quantity.span.start),
                |&(first, _)| first,
            );
            let detail = first > 0 && sentence.words.norm_bytes(first - 1) == b"dont";
            let age_of_previous = reading.kind == ClaimKind::Age
                && described_place
                    .as_ref()
                    .is_some_and(|(end, _)| quantity.span.start.saturating_sub(*end) <= 4);
            let inherited_place = match described_place {
                Some((_, index)) if own_place.is_none() && (detail || age_of_previous) => {
                    Some(claims.get(index).and_then(|c| c.place.clone()))
                }
                _ => None,
            };
            let (mut value, mut min, mut max) = match (quantity.value, quantity.form) {
                (None, quantity::NumberForm::Article) => (Some(1.0), Some(1.0), Some(1.0)),
                _ => (quantity.value, quantity.min, quantity.max),
            };
            let mut unit = quantity.unit;
            if let Some((shared, scale)) = reading.shared_unit {
                unit = Some(shared);
                value = value.map(|v| v * scale);
                min = min.map(|v| v * scale);
                max = max.map(|v| v * scale);
            }
            claims.push(Claim {
                kind: reading.kind,
                span: reading.span,
                value,
                min,
                max,
                unit,
                qualifier: if reading.at_least && quantity.qualifier == Qualifier::Exact {
                    Qualifier::AtLeast
                } else {
                    quantity.qualifier
                },
                outcome: reading.outcome,
                victims: reading.victims,
                actor: reading.actor,
                place: inherited_place.unwrap_or_else(|| {
                    // "…et le village d'al-Ayadiya, à 11 km au nord-ouest":
                    // the distance is that place's, even the last of a list.
                    let apposed = (own_place.is_none() && reading.kind == ClaimKind::Length)
                        .then(|| {
                            let end = sentence.words.index_at(reading.span.end);
                            links::apposed_distance(sentence.words, mentions, end)
                        })
                        .flatten();
                    if let Some(place) = apposed {
                        // ("…de Qousseir, dans la province de Homs, à 15 km
                        // de la frontière": the town the province situates.)
                        return Some(links::specific_of(situating, place).id.clone());
                    }
                    if places.is_empty() {
                        return None;
                    }
                    links::place_for(
                        reading.span,
                        own_place,
                        &links::PlaceContext {
                            places,
                            figures,
                            rubric: rubrics,
                            described,
                            asides,
                            listed,
                            situating,
                            holder,
                        },
                    )
                }),
                source: links::source_for(text, reading.span, attributions),
                date: links::date_for(reading.span, days),
            });
            if let Some(claim) = claims.last() {
                if let Some(measure) = meaning::PreviousMeasure::of(quantity, claim.kind) {
                    *last_measure = Some(measure);
                }
                if claim.kind != ClaimKind::Age {
                    described_place =
                        Some((quantity.span.end.max(claim.span.end), claims.len() - 1));
                }
            }
        }
    }
}

/// The sentences of `tests/data/sentences.txt`, links unmarked, then the
/// workspace's sample articles (when the crate is built there): the texts
/// the tests that compare two ways of reading run over.
#[cfg(test)]
pub(crate) fn test_texts() -> Vec<String> {
    let mut texts: Vec<String> = include_str!("../tests/data/sentences.txt")
        .lines()
        .filter_map(|line| line.strip_prefix("> "))
        .map(|line| {
            // "[Douma](place:douma)" is "Douma".
            let mut plain = String::new();
            let mut rest = line;
            while let Some(open) = rest.find('[') {
                let Some(close) = rest[open..].find("](").map(|c| open + c) else {
                    break;
                };
                let Some(end) = rest[close..].find(')').map(|e| close + e) else {
                    break;
                };
                plain.push_str(&rest[..open]);
                plain.push_str(&rest[open + 1..close]);
                rest = &rest[end + 1..];
            }
            plain.push_str(rest);
            plain
        })
        .collect();
    // The workspace's sample articles, when the crate is built there.
    let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/articles");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(samples)
        .map(|dir| dir.flatten().map(|entry| entry.path()).collect())
        .unwrap_or_default();
    paths.sort();
    texts.extend(
        paths
            .iter()
            .filter(|path| path.extension().is_some_and(|e| e == "txt"))
            .filter_map(|path| std::fs::read_to_string(path).ok()),
    );
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilan_lexicon::{EntityKind, Mention};

    fn mention(start: usize, end: usize) -> Mention {
        Mention {
            span: Span::new(start, end),
            id: format!("place:{start}").into(),
            kind: EntityKind::Place,
        }
    }

    fn claim_of(actor: Option<&str>) -> Claim {
        Claim {
            kind: ClaimKind::Count,
            span: Span::new(0, 1),
            value: Some(1.0),
            min: None,
            max: None,
            unit: None,
            qualifier: Qualifier::Exact,
            outcome: None,
            victims: None,
            actor: actor.map(Into::into),
            place: None,
            source: None,
            date: None,
        }
    }

    #[test]
    fn actors_are_kept_as_a_hashed_set_of_mentions_keeps_them() {
        let mentions: Vec<Mention> = (0..40)
            .map(|i| Mention {
                span: Span::new(i * 10, i * 10 + 5),
                id: format!("org:{}", i % 20).into(),
                kind: EntityKind::ArmedGroup,
            })
            .collect();
        let entities = Entities {
            entities: vec![],
            mentions,
        };
        let hashed: std::collections::HashSet<&str> =
            entities.mentions.iter().map(|m| m.id.as_str()).collect();
        // Few actors (some unmentioned, some repeated), then too many.
        for count in [3, 12, FEW_ACTORS, 30] {
            let mut claims: Vec<Claim> = (0..count * 2)
                .map(|i| {
                    let id = format!("org:{}", (i * 7) % (count + 5));
                    claim_of((i % 5 != 0).then_some(id.as_str()))
                })
                .collect();
            let expected: Vec<Option<String>> = claims
                .iter()
                .map(|c| {
                    c.actor
                        .as_deref()
                        .filter(|a| hashed.contains(a))
                        .map(str::to_owned)
                })
                .collect();
            let distinct: std::collections::HashSet<String> = claims
                .iter()
                .filter_map(|c| c.actor.as_deref().map(str::to_owned))
                .collect();
            let handled = actors_mentioned(&mut claims, &entities);
            assert_eq!(handled, distinct.len() <= FEW_ACTORS, "{count}");
            if handled {
                let kept: Vec<Option<String>> = claims
                    .iter()
                    .map(|c| c.actor.as_deref().map(str::to_owned))
                    .collect();
                assert_eq!(kept, expected, "{count}");
            }
        }
    }

    #[test]
    fn buffers_kept_from_one_document_to_the_next_change_nothing() {
        // Each text read on a new thread (its buffers new), then all read
        // one after the other on this one, twice, in two orders: the
        // buffers a text leaves behind (longer sentences, more figures)
        // must not leak into the next one's claims.
        let texts = crate::test_texts();
        let lexicon = bilan_lexicon::Lexicon::embedded();
        let read = |text: &str| {
            let article = bilan_article::parse(text);
            let entities = lexicon.find(text);
            Extractor::new().extract(text, &article, &entities)
        };
        let fresh: Vec<Vec<Claim>> = texts
            .iter()
            .map(|text| std::thread::scope(|s| s.spawn(|| read(text)).join().unwrap_or_default()))
            .collect();
        assert!(fresh.iter().map(Vec::len).sum::<usize>() > 100);
        for _ in 0..2 {
            for (text, claims) in texts.iter().zip(&fresh) {
                assert_eq!(&read(text), claims, "{text}");
            }
            for (text, claims) in texts.iter().zip(&fresh).rev() {
                assert_eq!(&read(text), claims, "{text}");
            }
        }
    }

    #[test]
    fn mention_cursors_give_what_binary_searches_give() {
        let sorted: Vec<Mention> = (0..60).map(|i| mention(i * 97, i * 97 + 13)).collect();
        let mut unsorted = sorted.clone();
        unsorted.swap(3, 40);
        let spans: Vec<Span> = [(0, 0), (0, 500), (480, 1200), (1200, 1300), (900, 2500)]
            .iter()
            .chain(&[
                (2500, 4000),
                (4000, 5800),
                (5000, 5100),
                (5800, 9000),
                (3000, 2000),
            ])
            .map(|&(s, e)| Span::new(s, e))
            .collect();
        for all in [&sorted, &unsorted] {
            let entities = Entities {
                entities: vec![],
                mentions: all.clone(),
            };
            let mut index = MentionIndex::new(&entities.mentions);
            for &span in &spans {
                assert_eq!(index.within(span), entities.mentions_in(span), "{span:?}");
                let end = all.partition_point(|m| m.span.start < span.start);
                let start = all.partition_point(|m| m.span.start + SPEAKER_LOOKBACK < span.start);
                let expected = all.get(start..end).unwrap_or_default();
                assert_eq!(index.before(span.start), expected, "{span:?}");
            }
        }
    }
}
