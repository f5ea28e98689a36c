//! The embedded word tables of the number reader (`data/numbers/*.tsv`),
//! parsed once. A malformed line is a bug in the data, caught by the tests;
//! at run time it is skipped rather than panicking.

use super::text::{Phrases, WordMap};
use crate::model::{ClaimKind, Qualifier, Unit};
use crate::tables::{Bitmap, SHAPE_WORDS, has_bit, set_bit};
use once_cell::sync::Lazy;
use std::collections::HashMap;

pub(crate) const CARDINALS: &str = include_str!("../../data/numbers/cardinals.tsv");
pub(crate) const COLLECTIVES: &str = include_str!("../../data/numbers/collectives.tsv");
pub(crate) const QUALIFIERS: &str = include_str!("../../data/numbers/qualifiers.tsv");
pub(crate) const UNITS: &str = include_str!("../../data/numbers/units.tsv");
pub(crate) const FRACTIONS: &str = include_str!("../../data/numbers/fractions.tsv");
pub(crate) const CONTEXT: &str = include_str!("../../data/numbers/context.tsv");

/// The grammatical class of a cardinal word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// 0-9.
    Unit,
    /// 10-16.
    Teen,
    /// 20, 30 … 90.
    Tens,
    /// cent(s).
    Hundred,
    /// mille.
    Thousand,
    /// million(s), milliard(s): nouns, "3 millions de dollars".
    Big,
}

/// A unit phrase and how to normalise to it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitEntry {
    pub(crate) phrase: String,
    pub(crate) measure: ClaimKind,
    pub(crate) unit: Unit,
    pub(crate) factor: f64,
}

/// A category of context words (`data/numbers/context.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// `month` in the data file.
    Month,
    /// `weekday` in the data file.
    Weekday,
    /// `year_cue` in the data file.
    Year,
    /// `weak_year_cue` in the data file.
    WeakYear,
    /// `name_cue` in the data file.
    Name,
    /// `clock_before` in the data file.
    ClockBefore,
    /// `clock_after` in the data file.
    ClockAfter,
    /// `age_before` in the data file.
    AgeBefore,
    /// `person` in the data file.
    Person,
    /// `implied_length` in the data file.
    ImpliedLength,
    /// `implied_duration` in the data file.
    ImpliedDuration,
    /// `between_time` in the data file.
    BetweenTime,
    /// `fraction_article` in the data file.
    FractionArticle,
    /// `collective_article` in the data file.
    CollectiveArticle,
    /// `range_open` in the data file.
    RangeOpen,
    /// `de` in the data file.
    De,
    /// `day_after` in the data file.
    DayAfter,
    /// `day_before` in the data file.
    DayBefore,
    /// `article_idiom_before` in the data file.
    ArticleIdiomBefore,
    /// `article_idiom_after` in the data file.
    ArticleIdiomAfter,
    /// `not_a_noun` in the data file.
    NotANoun,
    /// `not_clock_after` in the data file.
    NotClockAfter,
    /// `and_a_half` in the data file.
    AndAHalf,
    /// `qualifier_adverb` in the data file.
    QualifierAdverb,
    /// `name_with_unit_cue` in the data file.
    NameWithUnit,
    /// `phone_cue` in the data file.
    Phone,
    /// `street` in the data file.
    Street,
    /// `day_named_after` in the data file.
    DayNamedAfter,
}

impl Cue {
    /// Every category, in declaration order.
    pub(crate) const ALL: [Cue; 28] = [
        Cue::Month,
        Cue::Weekday,
        Cue::Year,
        Cue::WeakYear,
        Cue::Name,
        Cue::ClockBefore,
        Cue::ClockAfter,
        Cue::AgeBefore,
        Cue::Person,
        Cue::ImpliedLength,
        Cue::ImpliedDuration,
        Cue::BetweenTime,
        Cue::FractionArticle,
        Cue::CollectiveArticle,
        Cue::RangeOpen,
        Cue::De,
        Cue::DayAfter,
        Cue::DayBefore,
        Cue::ArticleIdiomBefore,
        Cue::ArticleIdiomAfter,
        Cue::NotANoun,
        Cue::NotClockAfter,
        Cue::AndAHalf,
        Cue::QualifierAdverb,
        Cue::NameWithUnit,
        Cue::Phone,
        Cue::Street,
        Cue::DayNamedAfter,
    ];

    /// The category's name in the data file.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Cue::Month => "month",
            Cue::Weekday => "weekday",
            Cue::Year => "year_cue",
            Cue::WeakYear => "weak_year_cue",
            Cue::Name => "name_cue",
            Cue::ClockBefore => "clock_before",
            Cue::ClockAfter => "clock_after",
            Cue::AgeBefore => "age_before",
            Cue::Person => "person",
            Cue::ImpliedLength => "implied_length",
            Cue::ImpliedDuration => "implied_duration",
            Cue::BetweenTime => "between_time",
            Cue::FractionArticle => "fraction_article",
            Cue::CollectiveArticle => "collective_article",
            Cue::RangeOpen => "range_open",
            Cue::De => "de",
            Cue::DayAfter => "day_after",
            Cue::DayBefore => "day_before",
            Cue::ArticleIdiomBefore => "article_idiom_before",
            Cue::ArticleIdiomAfter => "article_idiom_after",
            Cue::NotANoun => "not_a_noun",
            Cue::NotClockAfter => "not_clock_after",
            Cue::AndAHalf => "and_a_half",
            Cue::QualifierAdverb => "qualifier_adverb",
            Cue::NameWithUnit => "name_with_unit_cue",
            Cue::Phone => "phone_cue",
            Cue::Street => "street",
            Cue::DayNamedAfter => "day_named_after",
        }
    }
}

/// The bit of the qualifiers written before a number in `WordFacts::last_bits`.
pub(crate) const QUALIFIER_BIT: u32 = 1 << 31;

/// The `last_bits` of a word before an article "un"/"une" that may change
/// it: a qualifier ("plus d'un"), a name, an idiom.
pub(crate) const ARTICLE_CONTEXT_BITS: u32 =
    QUALIFIER_BIT | 1 << Cue::Name as u32 | 1 << Cue::ArticleIdiomBefore as u32;

/// The bit of the qualifiers written after a number in `WordFacts::first_bits`.
pub(crate) const QUALIFIER_AFTER_BIT: u32 = 1 << 30;

/// The bit of the units in `WordFacts::first_bits`.
pub(crate) const UNIT_BIT: u32 = 1 << 29;

/// Everything the scan asks of one folded word, from one lookup: its
/// entries in the number tables, which phrases it may start or end, and
/// which context categories have it as a whole phrase.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct WordFacts {
    /// When the word starts a context phrase, unit or trailing qualifier,
    /// the bits of the categories having such a phrase (`1 << Cue as u32`,
    /// [`UNIT_BIT`], [`QUALIFIER_AFTER_BIT`]): one lookup of the word after
    /// a number rules out every category that cannot match there.
    pub(crate) first_bits: u32,
    /// The same for the phrases the word ends (`1 << Cue as u32`,
    /// [`QUALIFIER_BIT`]), for the word before a number.
    pub(crate) last_bits: u32,
    /// Bit `1 << Cue as u32` when the word alone is a phrase of that category.
    cues: u32,
    // The entries in the number tables, each a value and what says it is
    // there, rather than three `Option`s of a value and a tag: the facts
    // are copied at every look-up and cache, and take 48 bytes so, not 72.
    cardinal_value: f64,
    cardinal_class: Option<Class>,
    collective_value: f64,
    collective_plural: Option<bool>,
    fraction_value: f64,
    has_fraction: bool,
    /// One of `CLAUSE_WORDS` of the scanner ("et", "ou", "dont" …).
    pub(crate) clause_word: bool,
    /// The index of the unit whose phrase is the word alone, when no other
    /// unit phrase starts with it (`Phrases::lone_words`: "heures", not
    /// "mètres", which "mètres carrés" starts too).
    pub(crate) lone_unit: Option<u16>,
}

/// The facts of a word the tables do not know (`WordFacts::default()`),
/// to borrow for the digits.
pub(crate) const NO_FACTS: WordFacts = WordFacts {
    first_bits: 0,
    last_bits: 0,
    cues: 0,
    cardinal_value: 0.0,
    cardinal_class: None,
    collective_value: 0.0,
    collective_plural: None,
    fraction_value: 0.0,
    has_fraction: false,
    clause_word: false,
    lone_unit: None,
};

impl WordFacts {
    /// The word's entry in `cardinals`.
    pub(crate) fn cardinal(&self) -> Option<(f64, Class)> {
        self.cardinal_class
            .map(|class| (self.cardinal_value, class))
    }

    /// The word's entry in `collectives`.
    pub(crate) fn collective(&self) -> Option<(f64, bool)> {
        self.collective_plural
            .map(|plural| (self.collective_value, plural))
    }

    /// The word's entry in `fractions`.
    pub(crate) fn fraction(&self) -> Option<f64> {
        self.has_fraction.then_some(self.fraction_value)
    }

    /// `Lexicon::is(cue, word)`.
    pub(crate) fn is(&self, cue: Cue) -> bool {
        self.cues & (1 << cue as u32) != 0
    }
}

/// An automaton over the bytes of a sentence that reaches `ACCEPT` at
/// its first ASCII digit or at the end of its first trigger word other
/// than an article, notes the end of an article ("un", "une": the
/// "weak" words) in a flag, and ends in a state of `ends` telling what a
/// trigger word ending the sentence is: the gate of
/// `scanner::triggers_in`, a few instructions a byte where the
/// tokeniser spends some twenty-five, walked in four pieces side by side
/// (`crate::side_by_side`) after a vector search for a digit.
///
/// Its states are `BETWEEN` (no word being read: the start, and after a
/// sign, a space or a char beyond ASCII that no trigger word goes on
/// with), `DEAD` (in a word no trigger word starts like), `ACCEPT`, and
/// one per prefix of a trigger word (its bytes, ASCII lowered) read from
/// `BETWEEN`; each but `ACCEPT` twice, with and without the flag. A word
/// token is a whole run of letters, after no letter: before it the
/// automaton is in `BETWEEN` (or `ACCEPT`), since a sign or a space leads
/// there from any state and a char beyond ASCII that is no letter, part
/// of no trigger word, leaves the prefixes there too. A trigger token
/// then walks its prefixes to the trigger's state, and the char after it
/// (no letter: a sign, a space, a digit, or a char beyond ASCII, which
/// the trigger's state takes as an end whatever it is) leads to `ACCEPT`,
/// or sets the flag for an article; the end of the sentence finds it in
/// `ends`. So the automaton says `Strong` of every sentence holding a
/// digit or a trigger token other than an article, and at least `Weak`
/// of every one holding an article token: what the scan needs to find
/// anything.
#[derive(Debug)]
pub(crate) struct TriggerGate {
    /// The class of each byte.
    classes: [u8; 256],
    /// The next state, times `GATE_CLASSES`, at `state * GATE_CLASSES +
    /// class`: one lookup and one add a byte, in a table of 32 KB (a
    /// table by byte, 512 KB, missed the first-level cache on most
    /// sentences). States `GATE_STATES` on are those with the flag.
    next: Box<[u16; 2 * GATE_STATES * GATE_CLASSES]>,
    /// What the sentence holds when it ends in each state.
    ends: Box<[GateSays; 2 * GATE_STATES]>,
}

/// What `TriggerGate` says of a sentence, from the least to the most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum GateSays {
    /// No trigger token, no digit.
    Nothing,
    /// Maybe an article; surely no other trigger token, no digit.
    Weak,
    /// Maybe a digit or a trigger token other than an article.
    Strong,
}

/// States of `TriggerGate` at most, without the flag (the trigger words
/// have some 200 prefixes).
const GATE_STATES: usize = 256;
/// Byte classes of `TriggerGate::build` at most.
const GATE_CLASSES: usize = 32;
/// The flag set on a state of `TriggerGate::build`'s table by class: an
/// article ended.
const WEAK_END: u16 = 0x8000;

impl TriggerGate {
    /// No word being read.
    const BETWEEN: u8 = 0;
    /// In a word that is no trigger word.
    const DEAD: u8 = 1;
    /// A digit or a trigger word seen: stays.
    const ACCEPT: u8 = 2;
    /// The classes of bytes `build` starts with: a sign or a space, an
    /// ASCII digit, a byte beyond ASCII in no trigger word; then one per
    /// ASCII letter (either case) and one per byte beyond ASCII of the
    /// trigger words.
    const SEP: u8 = 0;
    const DIGIT: u8 = 1;
    const BEYOND: u8 = 2;

    /// The automaton of `words` (lower case, ASCII lowered; each with
    /// whether it is weak), `None` when it needs more states or classes
    /// than its table has, or when a word holds a char that is no letter
    /// (which no token holds, and which would leave the prefixes after a
    /// sign: see `TriggerGate`).
    fn build<'w>(weighed: impl Iterator<Item = (&'w [u8], bool)> + Clone) -> Option<TriggerGate> {
        let words = weighed.clone().map(|(word, _)| word);
        for word in words.clone() {
            if !std::str::from_utf8(word)
                .ok()?
                .chars()
                .all(crate::words::is_letter)
            {
                return None;
            }
        }
        let mut classes = [TriggerGate::SEP; 256];
        let mut next_class = 3u8;
        for b in 0..=255u8 {
            if b.is_ascii_digit() {
                classes[usize::from(b)] = TriggerGate::DIGIT;
            } else if b.is_ascii_lowercase() {
                classes[usize::from(b)] = next_class;
                classes[usize::from(b.to_ascii_uppercase())] = next_class;
                next_class += 1;
            } else if b >= 0x80 {
                classes[usize::from(b)] = TriggerGate::BEYOND;
            }
        }
        for &b in words.clone().flatten() {
            if b >= 0x80 && classes[usize::from(b)] == TriggerGate::BEYOND {
                classes[usize::from(b)] = next_class;
                next_class += 1;
            }
        }
        if usize::from(next_class) > GATE_CLASSES {
            return None;
        }
        // The prefixes of the words, by their bytes; state 3 on.
        let mut states: HashMap<
            Vec<u8>,
            u8,
            std::hash::BuildHasherDefault<super::text::WordHasher>,
        > = HashMap::default();
        let mut finals = [GateSays::Nothing; GATE_STATES];
        for (word, weak) in weighed {
            for len in 1..=word.len() {
                let count = states.len();
                let state = *states
                    .entry(word.get(..len)?.to_vec())
                    .or_insert(u8::try_from(count + 3).ok()?);
                if len == word.len() {
                    *finals.get_mut(usize::from(state))? = if weak {
                        GateSays::Weak
                    } else {
                        GateSays::Strong
                    };
                }
            }
        }
        if states.len() + 3 > GATE_STATES {
            return None;
        }
        // The byte of each class of letters (lower case) or of bytes of
        // trigger words beyond ASCII, for the prefixes' edges.
        let mut bytes_of = [0u8; GATE_CLASSES];
        for b in (0..=255u8).filter(|b| !b.is_ascii_uppercase()) {
            if let Some(slot) = bytes_of.get_mut(usize::from(classes[usize::from(b)])) {
                *slot = b;
            }
        }
        // The next state by class, at `state * GATE_CLASSES + class`.
        let mut by_class = vec![u16::from(TriggerGate::BETWEEN); GATE_STATES * GATE_CLASSES];
        let mut prefixes: Vec<(&[u8], u8)> =
            vec![(&[], TriggerGate::BETWEEN), (&[], TriggerGate::DEAD)];
        prefixes.extend(states.iter().map(|(prefix, &state)| (&prefix[..], state)));
        for (prefix, state) in prefixes {
            let end = finals
                .get(usize::from(state))
                .copied()
                .unwrap_or(GateSays::Nothing);
            let is_final = end == GateSays::Strong;
            let is_weak = end == GateSays::Weak;
            for class in 0..next_class {
                let byte = bytes_of.get(usize::from(class)).copied().unwrap_or(0);
                let beyond = byte >= 0x80;
                let mut to = if class == TriggerGate::DIGIT {
                    TriggerGate::ACCEPT
                } else if class == TriggerGate::SEP || class == TriggerGate::BEYOND {
                    // A sign, a space, a char beyond ASCII in no trigger
                    // word: the end of a word.
                    if is_final {
                        TriggerGate::ACCEPT
                    } else {
                        TriggerGate::BETWEEN
                    }
                } else if is_final && beyond {
                    // A char beyond ASCII after a whole trigger word: maybe
                    // no letter, so maybe the end of the token.
                    TriggerGate::ACCEPT
                } else if state == TriggerGate::DEAD && !beyond {
                    TriggerGate::DEAD
                } else {
                    // A letter going on with the prefix (from `BETWEEN`,
                    // starting a word), or a byte beyond ASCII of a trigger
                    // word; else a word that is none (an ASCII letter) or
                    // a char that may be a sign (beyond ASCII).
                    let mut longer = prefix.to_vec();
                    longer.push(byte);
                    states.get(&longer).copied().unwrap_or(if beyond {
                        TriggerGate::BETWEEN
                    } else {
                        TriggerGate::DEAD
                    })
                };
                // After an article, where a strong word would accept: the
                // flag, and on as after no word ("un" before a sign, a
                // space, or any char beyond ASCII).
                let mut weak_end = false;
                if is_weak
                    && class != TriggerGate::DIGIT
                    && (class == TriggerGate::SEP || class == TriggerGate::BEYOND || beyond)
                {
                    weak_end = true;
                    let mut longer = prefix.to_vec();
                    longer.push(byte);
                    to = match states.get(&longer) {
                        Some(&state) if beyond && class != TriggerGate::BEYOND => state,
                        _ => TriggerGate::BETWEEN,
                    };
                }
                let slot = usize::from(state) * GATE_CLASSES + usize::from(class);
                *by_class.get_mut(slot)? = u16::from(to) | if weak_end { WEAK_END } else { 0 };
            }
        }
        for class in 0..GATE_CLASSES {
            let slot = usize::from(TriggerGate::ACCEPT) * GATE_CLASSES + class;
            *by_class.get_mut(slot)? = u16::from(TriggerGate::ACCEPT);
        }
        // The table by class, with and without the flag; `ACCEPT` is one.
        let mut next: Box<[u16; 2 * GATE_STATES * GATE_CLASSES]> =
            vec![0; 2 * GATE_STATES * GATE_CLASSES]
                .into_boxed_slice()
                .try_into()
                .ok()?;
        for (slot, to) in next.iter_mut().enumerate() {
            let flagged = slot / (GATE_STATES * GATE_CLASSES);
            let state = slot / GATE_CLASSES % GATE_STATES;
            let class = slot % GATE_CLASSES;
            let entry = *by_class.get(state * GATE_CLASSES + class)?;
            let base = usize::from(entry & !WEAK_END);
            let flag = flagged == 1 || entry & WEAK_END != 0;
            let target = if base == usize::from(TriggerGate::ACCEPT) || !flag {
                base
            } else {
                base + GATE_STATES
            };
            *to = u16::try_from(target * GATE_CLASSES).ok()?;
        }
        let mut ends: Box<[GateSays; 2 * GATE_STATES]> = vec![GateSays::Nothing; 2 * GATE_STATES]
            .into_boxed_slice()
            .try_into()
            .ok()?;
        for (state, end) in ends.iter_mut().enumerate() {
            let base = finals
                .get(state % GATE_STATES)
                .copied()
                .unwrap_or(GateSays::Nothing);
            *end = if state % GATE_STATES == usize::from(TriggerGate::ACCEPT) {
                GateSays::Strong
            } else if state >= GATE_STATES && base == GateSays::Nothing {
                GateSays::Weak
            } else {
                base
            };
        }
        Some(TriggerGate {
            classes,
            next,
            ends,
        })
    }

    /// What `bytes` may hold: a digit or a trigger word other than an
    /// article (after no letter, before no ASCII letter), an article
    /// alone, or none (see `TriggerGate`).
    pub(crate) fn reads(&self, bytes: &[u8]) -> GateSays {
        // A digit anywhere is where the automaton would accept: found
        // sixteen bytes a step, no table walked.
        if has_ascii_digit(bytes) {
            return GateSays::Strong;
        }
        // After a space the automaton is between words whatever came
        // before (an article ended there is in its flag, a trigger word in
        // its acceptance), and a space after a piece changes nothing of
        // what it says: the pieces of `side_by_side` may be walked so, and
        // the bytes hold the most any piece says.
        let accept = usize::from(TriggerGate::ACCEPT) * GATE_CLASSES;
        let between = usize::from(TriggerGate::BETWEEN) * GATE_CLASSES;
        match crate::side_by_side::walk(bytes, between, accept, |state, b| self.step(state, b)) {
            None => GateSays::Strong,
            Some(states) => states
                .iter()
                .map(|&state| self.ends[state / GATE_CLASSES % (2 * GATE_STATES)])
                .max()
                .unwrap_or(GateSays::Nothing),
        }
    }

    /// The state after `b` from `state` (both times `GATE_CLASSES`).
    #[inline]
    fn step(&self, state: usize, b: u8) -> usize {
        const SIZE: usize = 2 * GATE_STATES * GATE_CLASSES;
        usize::from(self.next[(state + usize::from(self.classes[usize::from(b)])) % SIZE])
    }

    /// The automaton's reading of `bytes` in one piece: what `reads`
    /// must say.
    #[cfg(test)]
    pub(crate) fn reads_in_one_piece(&self, bytes: &[u8]) -> GateSays {
        let start = usize::from(TriggerGate::BETWEEN) * GATE_CLASSES;
        let state = bytes.iter().fold(start, |state, &b| self.step(state, b));
        self.ends[state / GATE_CLASSES % (2 * GATE_STATES)]
    }
}

/// Whether `bytes` hold an ASCII digit: thirty-two bytes a step, with no
/// branch inside a step, which the compiler makes a few vector
/// instructions; the bytes past the last step in one or two steps of
/// sixteen over some already read, not one by one.
fn has_ascii_digit(bytes: &[u8]) -> bool {
    let digit_in = |chunk: &[u8]| {
        chunk
            .iter()
            .fold(false, |seen, &b| seen | b.is_ascii_digit())
    };
    let sixteen = |from: usize| {
        bytes
            .get(from..from + 16)
            .and_then(|chunk| <&[u8; 16]>::try_from(chunk).ok())
            .is_some_and(|chunk| digit_in(chunk))
    };
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        if digit_in(chunk) {
            return true;
        }
    }
    let rest = chunks.remainder();
    match bytes.len() {
        _ if rest.is_empty() => false,
        n if n >= 32 => sixteen(n - 32) || sixteen(n - 16),
        n if n >= 16 => sixteen(0) || sixteen(n - 16),
        _ => rest.iter().any(u8::is_ascii_digit),
    }
}

/// The trigger words packed into two `u64`s (up to 16 bytes, lower case,
/// zero-padded) in an open-addressing table: the scan looks up every run
/// of letters whose first letter and length a trigger has, so this lookup
/// is kept to a few instructions (no copy, no byte-wise hash).
#[derive(Debug, Default)]
pub(crate) struct TriggerTable {
    /// (low bytes, high bytes, 0 empty / 1 trigger / 2 the article).
    slots: Vec<(u64, u64, u8)>,
    /// The facts of each slot's word (`Lexicon::facts`), which the scan
    /// reads at each trigger: found with the word, not looked up again.
    facts: Vec<WordFacts>,
}

impl TriggerTable {
    /// Packs `word` (letters) lower-cased into two words; `None` when longer
    /// than 16 bytes. A byte of a non-ASCII char stays a non-ASCII byte, so
    /// such a word matches no (ASCII) trigger.
    pub(crate) fn pack(word: &[u8]) -> Option<(u64, u64)> {
        if word.len() > 16 {
            return None;
        }
        let (mut low, mut high) = (0u64, 0u64);
        for (i, &b) in word.iter().enumerate() {
            let b = u64::from(b.to_ascii_lowercase());
            if i < 8 {
                low |= b << (8 * i);
            } else {
                high |= b << (8 * (i - 8));
            }
        }
        Some((low, high))
    }

    fn slot(&self, low: u64, high: u64) -> usize {
        let hash = (low ^ high.rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        // The table has a power-of-two size: the high bits of the product.
        let bits = self.slots.len().trailing_zeros();
        usize::try_from(hash.checked_shr(64 - bits).unwrap_or(0)).unwrap_or(0)
    }

    fn build(words: impl IntoIterator<Item = (Vec<u8>, bool, WordFacts)>) -> Option<TriggerTable> {
        let words: Vec<((u64, u64), bool, WordFacts)> = words
            .into_iter()
            .map(|(word, article, facts)| Some((TriggerTable::pack(&word)?, article, facts)))
            .collect::<Option<_>>()?;
        let size = (words.len() * 4).next_power_of_two().max(16);
        let mut table = TriggerTable {
            slots: vec![(0, 0, 0); size],
            facts: vec![WordFacts::default(); size],
        };
        for ((low, high), article, facts) in words {
            let mut at = table.slot(low, high);
            loop {
                let slot = table.slots.get_mut(at)?;
                if slot.2 == 0 || (slot.0, slot.1) == (low, high) {
                    if slot.2 == 0 {
                        *slot = (low, high, if article { 2 } else { 1 });
                        *table.facts.get_mut(at)? = facts;
                    }
                    break;
                }
                at = (at + 1) % size;
            }
        }
        Some(table)
    }

    /// Whether the packed word is a trigger, and if so whether it is the article.
    #[cfg(test)]
    pub(crate) fn get(&self, low: u64, high: u64) -> Option<bool> {
        self.get_with_facts(low, high).map(|(article, _)| article)
    }

    /// `get`, with the word's facts.
    pub(crate) fn get_with_facts(&self, low: u64, high: u64) -> Option<(bool, &WordFacts)> {
        let size = self.slots.len();
        let mut at = self.slot(low, high);
        for _ in 0..size {
            let &(l, h, kind) = self.slots.get(at)?;
            if kind == 0 {
                return None;
            }
            if l == low && h == high {
                return Some((kind == 2, self.facts.get(at)?));
            }
            at = (at + 1) & (size - 1);
        }
        None
    }
}

/// The shapes (`tables::shape`) of the tokens the qualifiers written
/// before a number end with, as the tokeniser splits them (at spaces and
/// hyphens between letters, and after an apostrophe, which makes no
/// token): a phrase of one word ("environ", "qu'") is its last token, and
/// the word before the last of a longer one ("plus" in "plus d'", "dela"
/// in "au-delà de") the token before. A phrase cannot end right before a
/// number whose two tokens before have none of these shapes.
#[derive(Debug)]
pub(crate) struct LastTokens {
    /// Last tokens of the one-word phrases not ending with an apostrophe.
    single: Box<Bitmap>,
    /// Last tokens (apostrophe left out) of those ending with one ("qu'").
    single_apostrophe: Box<Bitmap>,
    /// Tokens of the words before the last of the longer phrases.
    before_last: Box<Bitmap>,
    /// False when a phrase's last two words hold a char other than a
    /// letter or an apostrophe ("n°", "1er"), whose tokens the shapes above
    /// do not tell: then nothing is ruled out.
    told: bool,
}

impl LastTokens {
    fn new(phrases: &[String]) -> LastTokens {
        let mut tokens = LastTokens {
            single: Box::new([0; SHAPE_WORDS]),
            single_apostrophe: Box::new([0; SHAPE_WORDS]),
            before_last: Box::new([0; SHAPE_WORDS]),
            told: true,
        };
        let set = |bits: &mut Bitmap, token: &str| {
            // As the tokeniser folds it (accents off).
            set_bit(bits, crate::tables::shape(&crate::words::fold(token)));
        };
        // The token a word ends with: after its last apostrophe, or
        // before it when it ends with one.
        let last_token = |word: &'_ str| -> String {
            let word = word.strip_suffix('\'').unwrap_or(word);
            word.rsplit('\'').next().unwrap_or(word).to_owned()
        };
        for phrase in phrases {
            let words: Vec<&str> = phrase.split([' ', '-']).filter(|w| !w.is_empty()).collect();
            let plain = |word: &&str| word.chars().all(|c| c == '\'' || c.is_alphabetic());
            if !words.iter().rev().take(2).all(plain) {
                tokens.told = false;
            }
            match words[..] {
                [] => {}
                [word] => {
                    // Both, whichever way the text's apostrophe is read.
                    set(&mut tokens.single, &last_token(word));
                    set(&mut tokens.single_apostrophe, &last_token(word));
                }
                [.., before, _] => set(&mut tokens.before_last, &last_token(before)),
            }
        }
        tokens
    }

    /// Whether no phrase may end with a token of shape `last` (followed by
    /// an apostrophe when `apostrophe`) after one of shape `before`.
    pub(crate) fn rule_out(&self, before: usize, last: usize, apostrophe: bool) -> bool {
        let single = if apostrophe {
            &self.single_apostrophe
        } else {
            &self.single
        };
        self.told && !has_bit(single, last) && !has_bit(&self.before_last, before)
    }
}

/// The phrases of a set ending with two tokens with one space or hyphen
/// between them ("près de", "au moins", "plus d'"), by the shapes of those
/// two tokens (as `LastTokens` reads them) and whether an apostrophe
/// follows: the scan reads the two tokens before a number, and where
/// their shapes and bytes are those of the one such phrase, that phrase
/// is the longest ending there unless a longer one ending with the same
/// two tokens ("d'au moins", "un peu plus de") may match, which the
/// shape of the token before tells (`TokenPair::third`).
#[derive(Debug, Default)]
pub(crate) struct TokenPairs {
    /// (key of `TokenPairs::key`, the pair), sorted by key.
    pairs: Vec<(u32, TokenPair)>,
    /// The one-token phrases with no apostrophe ("environ", "presque"):
    /// (shape, the phrase, its first index), sorted, for the shapes of one
    /// such phrase alone that no longer phrase ends with a token of.
    singles: Vec<(u16, Box<str>, usize)>,
}

/// One phrase of `TokenPairs`.
#[derive(Debug)]
pub(crate) struct TokenPair {
    /// The phrase's index in its set.
    pub(crate) index: usize,
    /// Its two tokens, as written in the phrase (lower case, accents kept).
    pub(crate) first: Box<str>,
    pub(crate) last: Box<str>,
    /// The shapes of the third last tokens of the longer phrases ending
    /// with two tokens of the same shapes (and apostrophe).
    pub(crate) third: Vec<u16>,
}

impl TokenPairs {
    fn key(before: usize, last: usize, apostrophe: bool) -> u32 {
        let shape = |s: usize| u32::try_from(s % crate::tables::SHAPE_BITS).unwrap_or(0);
        (shape(before) << 17) | (shape(last) << 1) | u32::from(apostrophe)
    }

    fn new(phrases: &[String]) -> TokenPairs {
        let shape = |token: &str| crate::tables::shape(&crate::words::fold(token));
        // key → (the two-token phrase, a second one seen, third shapes).
        let mut found: HashMap<u32, (Option<TokenPair>, bool, Vec<u16>)> = HashMap::new();
        for (index, phrase) in phrases.iter().enumerate() {
            if !phrase
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''))
            {
                // A phrase the tokens cannot tell: no pair at all.
                return TokenPairs::default();
            }
            let apostrophe = phrase.ends_with('\'');
            let tokens: Vec<&str> = phrase
                .split([' ', '-', '\''])
                .filter(|t| !t.is_empty())
                .collect();
            let [.., before, last] = tokens[..] else {
                continue;
            };
            let key = TokenPairs::key(shape(before), shape(last), apostrophe);
            let entry = found.entry(key).or_default();
            if tokens.len() > 2 {
                if let Some(third) = tokens.len().checked_sub(3).and_then(|i| tokens.get(i)) {
                    entry
                        .2
                        .push(u16::try_from(shape(third)).unwrap_or(u16::MAX));
                }
                continue;
            }
            // Two tokens: one space or hyphen between them, every char its
            // own fold (as the phrase is matched), and the only one.
            let joint = phrase.get(before.len()..before.len() + 1);
            let plain = phrase.chars().all(|c| super::text::fold(c) == c)
                && matches!(joint, Some(" " | "-"))
                && phrase.starts_with(before);
            if entry.0.is_some() || entry.1 || !plain {
                entry.0 = None;
                entry.1 = true;
                continue;
            }
            entry.0 = Some(TokenPair {
                index,
                first: before.into(),
                last: last.into(),
                third: Vec::new(),
            });
        }
        // shape → (the phrase and its first index, or None when two
        // differ), and the last tokens of the longer phrases.
        let mut singles: HashMap<u16, Option<(String, usize)>> = HashMap::new();
        let mut longer_last: Vec<u16> = Vec::new();
        for (index, phrase) in phrases.iter().enumerate() {
            let tokens: Vec<&str> = phrase
                .split([' ', '-', '\''])
                .filter(|t| !t.is_empty())
                .collect();
            let Some(&last) = tokens.last() else {
                continue;
            };
            let bit = u16::try_from(shape(last)).unwrap_or(u16::MAX);
            if tokens.len() > 1 || phrase.contains(['\'', ' ', '-']) {
                longer_last.push(bit);
                continue;
            }
            let plain = phrase.chars().all(|c| super::text::fold(c) == c);
            match singles
                .entry(bit)
                .or_insert_with(|| plain.then(|| (phrase.clone(), index)))
            {
                Some((seen, _)) if seen == phrase && plain => {}
                other => *other = None,
            }
        }
        let mut singles: Vec<(u16, Box<str>, usize)> = singles
            .into_iter()
            .filter(|(bit, _)| !longer_last.contains(bit))
            .filter_map(|(bit, single)| single.map(|(phrase, index)| (bit, phrase.into(), index)))
            .collect();
        singles.sort_by_key(|(bit, _, _)| *bit);
        let mut pairs: Vec<(u32, TokenPair)> = found
            .into_iter()
            .filter_map(|(key, (pair, _, third))| {
                let mut pair = pair?;
                pair.third = third;
                Some((key, pair))
            })
            .collect();
        pairs.sort_by_key(|(key, _)| *key);
        TokenPairs { pairs, singles }
    }

    /// The one-token phrase (no apostrophe) a token of shape `last` may
    /// be, when no other phrase may end with it: (the phrase, its index).
    pub(crate) fn single(&self, last: usize) -> Option<(&str, usize)> {
        let bit = u16::try_from(last).ok()?;
        let at = self
            .singles
            .binary_search_by_key(&bit, |(b, _, _)| *b)
            .ok()?;
        self.singles
            .get(at)
            .map(|(_, phrase, index)| (&**phrase, *index))
    }

    /// The phrase ending with tokens of shapes `before` and `last`
    /// (followed by an apostrophe when `apostrophe`), if one alone does.
    pub(crate) fn get(&self, before: usize, last: usize, apostrophe: bool) -> Option<&TokenPair> {
        let key = TokenPairs::key(before, last, apostrophe);
        let at = self.pairs.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        self.pairs.get(at).map(|(_, pair)| pair)
    }
}

/// Every table, parsed.
pub(crate) struct Lexicon {
    pub(crate) cardinals: WordMap<(f64, Class)>,
    /// word → (value, plural)
    pub(crate) collectives: WordMap<(f64, bool)>,
    /// Qualifiers written before the number, and what they mean.
    pub(crate) qualifiers_before: (Phrases, Vec<Qualifier>),
    /// The token shapes that `qualifiers_before` may end with
    /// (`LastTokens`).
    pub(crate) qualifier_tokens: LastTokens,
    /// The two-token phrases of `qualifiers_before` (`TokenPairs`).
    pub(crate) qualifier_pairs: TokenPairs,
    /// Qualifiers written after the number or its noun.
    pub(crate) qualifiers_after: (Phrases, Vec<Qualifier>),
    /// The first words of `qualifiers_after`, by shape: for each first
    /// byte (folded), bit `n` set when one is `n` bytes long. `None` when a
    /// qualifier starts with a sign, which the shapes cannot tell.
    pub(crate) qualifier_after_shapes: Option<Vec<u64>>,
    /// One bit per `crate::tables::shape` of the first words of
    /// `qualifiers_after` and of the scanner's `CLAUSE_WORDS`, folded as
    /// the tokeniser folds: a word token of any other shape neither
    /// starts a trailing qualifier nor is a clause word.
    pub(crate) qualifier_after_stops: Box<Bitmap>,
    /// Unit phrases; the index of a match is the index in `units`.
    pub(crate) unit_phrases: Phrases,
    pub(crate) units: Vec<UnitEntry>,
    /// Context phrases, indexed by `Cue as usize`.
    pub(crate) cues: Vec<Phrases>,
    /// `LastTokens` of each set of `cues`.
    pub(crate) cue_tokens: Vec<LastTokens>,
    /// `WordFacts::last_bits` for the phrases ending with a sign, keyed by
    /// their last token ("d'" for "plus d'").
    pub(crate) last_token_bits: WordMap<u32>,
    /// Bit `b` set when a key of `last_token_bits` ends with the ASCII
    /// byte `b`: a token ending with another ASCII sign ends no phrase.
    pub(crate) last_token_ascii_ends: u128,
    /// `WordFacts::first_bits` for the phrases starting with a sign ("%",
    /// "$", "€").
    pub(crate) first_sign_bits: Vec<(char, u32)>,
    /// Words that may change "un"/"une" before them: number words, units,
    /// collectives, fractions, idioms. Any other word leaves a plain article.
    pub(crate) after_article: WordMap<()>,
    /// The words that can start a quantity (besides digits), lower case
    /// (matched with ASCII letters lowered), each with whether it is the
    /// article "un"/"une".
    /// `triggers`, packed (`None` if a trigger were longer than 16 bytes).
    pub(crate) trigger_table: Option<TriggerTable>,
    pub(crate) triggers:
        HashMap<Box<[u8]>, bool, std::hash::BuildHasherDefault<super::text::WordHasher>>,
    /// The length in bytes of the longest trigger word.
    pub(crate) longest_trigger: usize,
    /// The automaton of `scanner::triggers_in` over the trigger words,
    /// the articles weak (`None` when they do not fit its table: then
    /// everything may be there).
    pub(crate) gate: Option<TriggerGate>,
    /// Every word any of the word tables above knows, with what they say.
    facts: WordMap<WordFacts>,
    /// Whether the phrases of `Cue::De` are "de" and "d'" alone: then the
    /// scan tells them from the token after a collective or a multiplier
    /// (`Scan::de_by_tokens`).
    pub(crate) de_alone: bool,
    /// For each first byte of a trigger word, bit `n` set when one is `n`
    /// bytes long: most words are ruled out without hashing.
    pub(crate) trigger_shapes: Vec<u64>,
    /// One bit per `crate::tables::shape` of the trigger words folded as
    /// tokens are (`crate::words::fold`): a token of another shape, read
    /// from the token itself, is no trigger.
    /// A fixed size, so that the word of a bit (taken modulo the size)
    /// needs no bounds check in the scan's pass over every token.
    trigger_token_shapes: Box<Bitmap>,
}

/// The lexicon, built on first use.
pub(crate) static LEXICON: Lazy<Lexicon> = Lazy::new(Lexicon::build);

/// The data lines of a table: no comments, no blank lines, split on tabs.
pub(crate) fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

pub(crate) fn parse_class(name: &str) -> Option<Class> {
    Some(match name {
        "unit" => Class::Unit,
        "teen" => Class::Teen,
        "tens" => Class::Tens,
        "hundred" => Class::Hundred,
        "thousand" => Class::Thousand,
        "big" => Class::Big,
        _ => return None,
    })
}

pub(crate) fn parse_qualifier(name: &str) -> Option<Qualifier> {
    Some(match name {
        "exact" => Qualifier::Exact,
        "about" => Qualifier::About,
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "at_most" => Qualifier::AtMost,
        "less_than" => Qualifier::LessThan,
        "range" => Qualifier::Range,
        _ => return None,
    })
}

pub(crate) fn parse_measure(name: &str) -> Option<ClaimKind> {
    Some(match name {
        "area" => ClaimKind::Area,
        "percentage" => ClaimKind::Percentage,
        "length" => ClaimKind::Length,
        "duration" => ClaimKind::Duration,
        "mass" => ClaimKind::Mass,
        "money" => ClaimKind::Money,
        "age" => ClaimKind::Age,
        _ => return None,
    })
}

pub(crate) fn parse_unit(name: &str) -> Option<Unit> {
    Some(match name {
        "km2" => Unit::Km2,
        "percent" => Unit::Percent,
        "m" => Unit::Metre,
        "h" => Unit::Hour,
        "kg" => Unit::Kilogram,
        "years" => Unit::Year,
        "USD" => Unit::Usd,
        "EUR" => Unit::Eur,
        "LBP" => Unit::Lbp,
        "SYP" => Unit::Syp,
        "IQD" => Unit::Iqd,
        _ => return None,
    })
}

/// Words that start a quantity besides the cardinals, collectives and fractions.
const VAGUE_TRIGGERS: [&str; 4] = ["plusieurs", "quelques", "quelque", "demi"];

impl Lexicon {
    fn build() -> Lexicon {
        let mut cardinals = WordMap::default();
        for row in rows(CARDINALS) {
            if let [word, value, class] = row[..]
                && let (Ok(value), Some(class)) = (value.parse::<f64>(), parse_class(class))
            {
                cardinals.insert(word.to_owned(), (value, class));
            }
        }
        let mut collectives = WordMap::default();
        for row in rows(COLLECTIVES) {
            if let [word, value, number] = row[..]
                && let Ok(value) = value.parse::<f64>()
            {
                collectives.insert(word.to_owned(), (value, number == "plural"));
            }
        }
        let mut fractions = WordMap::default();
        for row in rows(FRACTIONS) {
            if let [word, value] = row[..]
                && let Ok(value) = value.parse::<f64>()
            {
                fractions.insert(word.to_owned(), value);
            }
        }
        let mut before = (Vec::new(), Vec::new());
        let mut after = (Vec::new(), Vec::new());
        for row in rows(QUALIFIERS) {
            if let [phrase, qualifier, position] = row[..]
                && let Some(qualifier) = parse_qualifier(qualifier)
            {
                let side = if position == "after" {
                    &mut after
                } else {
                    &mut before
                };
                side.0.push(phrase.to_owned());
                side.1.push(qualifier);
            }
        }
        let qualifier_tokens = LastTokens::new(&before.0);
        let qualifier_pairs = TokenPairs::new(&before.0);
        let qualifiers_before = (Phrases::new(before.0), before.1);
        let qualifiers_after = (Phrases::new(after.0), after.1);
        let qualifier_after_shapes = qualifiers_after.0.first_signs().next().is_none().then(|| {
            let mut shapes = vec![0u64; 256];
            for word in qualifiers_after.0.first_words() {
                if let Some(&first) = word.as_bytes().first()
                    && let Some(cell) = shapes.get_mut(usize::from(first))
                {
                    *cell |= 1u64
                        .checked_shl(u32::try_from(word.len()).unwrap_or(64))
                        .unwrap_or(0);
                }
            }
            shapes
        });
        let mut qualifier_after_stops = Box::new([0u64; SHAPE_WORDS]);
        let clause_words = super::scanner::CLAUSE_WORDS.iter().copied();
        for word in qualifiers_after.0.first_words().chain(clause_words) {
            set_bit(
                &mut qualifier_after_stops,
                crate::tables::shape(&crate::words::fold(word)),
            );
        }
        let mut units = Vec::new();
        for row in rows(UNITS) {
            if let [phrase, measure, unit, factor] = row[..]
                && let (Some(measure), Some(unit), Ok(factor)) = (
                    parse_measure(measure),
                    parse_unit(unit),
                    factor.parse::<f64>(),
                )
            {
                units.push(UnitEntry {
                    phrase: phrase.to_owned(),
                    measure,
                    unit,
                    factor,
                });
            }
        }
        let unit_phrases = Phrases::new(units.iter().map(|u| u.phrase.clone()));
        let mut grouped: HashMap<String, Vec<String>> = HashMap::new();
        for row in rows(CONTEXT) {
            if let [category, phrase] = row[..] {
                grouped
                    .entry(category.to_owned())
                    .or_default()
                    .push(phrase.to_owned());
            }
        }
        let mut cue_tokens = Vec::new();
        let cues = Cue::ALL
            .iter()
            .map(|cue| {
                let phrases = grouped.remove(cue.name()).unwrap_or_default();
                cue_tokens.push(LastTokens::new(&phrases));
                Phrases::new(phrases)
            })
            .collect();
        let cues: Vec<Phrases> = cues;
        let mut last_word_bits = WordMap::default();
        let mut last_token_bits = WordMap::default();
        let sets = cues
            .iter()
            .enumerate()
            .map(|(index, phrases)| (phrases, 1u32 << index))
            .chain(std::iter::once((&qualifiers_before.0, QUALIFIER_BIT)));
        for (phrases, bit) in sets {
            for word in phrases.last_words() {
                *last_word_bits.entry(word.to_owned()).or_insert(0) |= bit;
            }
            for token in phrases.last_sign_tokens() {
                *last_token_bits.entry(token.to_owned()).or_insert(0) |= bit;
            }
        }
        let last_token_ascii_ends = last_token_bits
            .keys()
            .filter_map(|token| token.as_bytes().last().copied())
            .filter(u8::is_ascii)
            .fold(0u128, |mask, b| mask | 1 << b);
        let mut first_word_bits = WordMap::default();
        let mut first_sign_bits: Vec<(char, u32)> = Vec::new();
        let starts = cues
            .iter()
            .enumerate()
            .map(|(index, phrases)| (phrases, 1u32 << index))
            .chain([
                (&qualifiers_after.0, QUALIFIER_AFTER_BIT),
                (&unit_phrases, UNIT_BIT),
            ]);
        for (phrases, bit) in starts {
            for word in phrases.first_words() {
                *first_word_bits.entry(word.to_owned()).or_insert(0) |= bit;
            }
            for sign in phrases.first_signs() {
                match first_sign_bits.iter_mut().find(|(c, _)| *c == sign) {
                    Some((_, bits)) => *bits |= bit,
                    None => first_sign_bits.push((sign, bit)),
                }
            }
        }
        let mut patterns: Vec<String> = (0..10).map(|d| d.to_string()).collect();
        patterns.extend(cardinals.keys().cloned());
        patterns.extend(collectives.keys().cloned());
        patterns.extend(fractions.keys().cloned());
        patterns.extend(VAGUE_TRIGGERS.iter().map(|w| (*w).to_owned()));
        let mut triggers = HashMap::default();
        let mut longest_trigger = 0;
        let mut trigger_shapes = vec![0u64; 256];
        for word in patterns
            .iter()
            .filter(|p| !p.starts_with(|c: char| c.is_ascii_digit()))
        {
            let lower = word.to_ascii_lowercase();
            longest_trigger = longest_trigger.max(lower.len());
            if let Some(&first) = lower.as_bytes().first()
                && let Some(shapes) = trigger_shapes.get_mut(usize::from(first))
            {
                *shapes |= 1u64
                    .checked_shl(u32::try_from(lower.len()).unwrap_or(64))
                    .unwrap_or(0);
            }
            let is_article = word == "un" || word == "une";
            triggers
                .entry(lower.into_bytes().into_boxed_slice())
                .or_insert(is_article);
        }
        let gate = TriggerGate::build(triggers.iter().map(|(word, &article)| (&word[..], article)));
        let mut after_article = WordMap::default();
        let unit_first_words = units.iter().map(|u| {
            let end = super::text::letters_end(&u.phrase, 0, u.phrase.len());
            u.phrase.get(..end).unwrap_or_default().to_owned()
        });
        let first_words = |cue: Cue| {
            cues.get(cue as usize)
                .map(|phrases| phrases.first_words().map(str::to_owned).collect::<Vec<_>>())
                .unwrap_or_default()
        };
        for word in patterns
            .iter()
            .filter(|p| !p.starts_with(|c: char| c.is_ascii_digit()))
            .cloned()
            .chain(unit_first_words)
            .chain(first_words(Cue::ArticleIdiomAfter))
            // "en une seule journée": a word before a time unit.
            .chain(first_words(Cue::BetweenTime))
            .chain(["demi", "à", "a", "jour"].map(str::to_owned))
        {
            if !word.is_empty() {
                after_article.insert(word, ());
            }
        }
        let mut facts: WordMap<WordFacts> = WordMap::default();
        for (word, &(value, class)) in &cardinals {
            let word_facts = facts.entry(word.clone()).or_default();
            word_facts.cardinal_value = value;
            word_facts.cardinal_class = Some(class);
        }
        for (word, &(value, plural)) in &collectives {
            let word_facts = facts.entry(word.clone()).or_default();
            word_facts.collective_value = value;
            word_facts.collective_plural = Some(plural);
        }
        for (word, &value) in &fractions {
            let word_facts = facts.entry(word.clone()).or_default();
            word_facts.fraction_value = value;
            word_facts.has_fraction = true;
        }
        for (word, &bits) in &first_word_bits {
            facts.entry(word.clone()).or_default().first_bits = bits;
        }
        for (word, &bits) in &last_word_bits {
            facts.entry(word.clone()).or_default().last_bits = bits;
        }
        for (word, index) in unit_phrases.lone_words() {
            if let Ok(index) = u16::try_from(index) {
                facts.entry(word.to_owned()).or_default().lone_unit = Some(index);
            }
        }
        for word in super::scanner::CLAUSE_WORDS {
            facts.entry(word.to_owned()).or_default().clause_word = true;
        }
        for (index, phrases) in cues.iter().enumerate() {
            for word in phrases.whole_words() {
                facts.entry(word.to_owned()).or_default().cues |= 1 << index;
            }
        }
        let mut trigger_token_shapes = Box::new([0u64; SHAPE_WORDS]);
        for word in triggers.keys() {
            let folded = String::from_utf8(word.to_vec())
                .map(|word| crate::words::fold(&word))
                .unwrap_or_default();
            set_bit(&mut trigger_token_shapes, crate::tables::shape(&folded));
        }
        let trigger_table = TriggerTable::build(triggers.iter().map(|(word, &article)| {
            let word_facts = std::str::from_utf8(word)
                .ok()
                .and_then(|w| facts.get(w).copied())
                .unwrap_or_default();
            (word.to_vec(), article, word_facts)
        }));
        let de_alone = cues
            .get(Cue::De as usize)
            .is_some_and(|de| de.are(&["de", "d'"]));
        Lexicon {
            de_alone,
            trigger_table,
            facts,
            cardinals,
            collectives,
            qualifiers_before,
            qualifier_tokens,
            qualifier_pairs,
            qualifiers_after,
            qualifier_after_shapes,
            qualifier_after_stops,
            unit_phrases,
            units,
            cues,
            cue_tokens,
            last_token_bits,
            last_token_ascii_ends,
            first_sign_bits,
            after_article,
            triggers,
            longest_trigger,
            gate,
            trigger_shapes,
            trigger_token_shapes,
        }
    }

    /// The phrases of a context category.
    pub(crate) fn cue(&self, cue: Cue) -> &Phrases {
        static EMPTY: Lazy<Phrases> = Lazy::new(Phrases::default);
        self.cues.get(cue as usize).unwrap_or(&EMPTY)
    }

    /// True when `word` (folded) is in the context category.
    pub(crate) fn is(&self, cue: Cue, word: &str) -> bool {
        self.cue(cue).contains(word)
    }

    /// False when a token of shape `shape` (`Token::shape`) surely is no
    /// trigger word: a run of letters matching one folds to its shape.
    #[inline]
    pub(crate) fn may_be_trigger(&self, shape: usize) -> bool {
        has_bit(&self.trigger_token_shapes, shape)
    }

    /// The words a token of whose shape may stand next to an article
    /// "un"/"une" and change its reading: `after_article` (`false`) and
    /// the last words of the qualifiers, names and idioms that
    /// `read_article_quickly` looks for before it (`true`). The tokeniser
    /// flags their shapes (`tables::START_FLAGS`).
    pub(crate) fn article_neighbours(&self) -> impl Iterator<Item = (&str, bool)> {
        let context = ARTICLE_CONTEXT_BITS;
        self.after_article
            .keys()
            .map(|word| (word.as_str(), false))
            .chain(
                (&self.facts)
                    .into_iter()
                    .filter(move |(_, facts)| facts.last_bits & context != 0)
                    .map(|(word, _)| (word.as_str(), true)),
            )
    }

    /// The words `facts` knows: the tokeniser flags their shapes
    /// (`tables::START_FLAGS`).
    pub(crate) fn fact_words(&self) -> impl Iterator<Item = &str> {
        self.facts.keys().map(String::as_str)
    }

    /// `facts_ref(word)`, copied: for the tests.
    #[cfg(test)]
    pub(crate) fn facts(&self, word: &str) -> WordFacts {
        *self.facts_ref(word)
    }

    /// What the tables say of `word` (folded), from one lookup, borrowed
    /// ([`NO_FACTS`] for a word the tables do not know).
    pub(crate) fn facts_ref(&self, word: &str) -> &WordFacts {
        self.facts.get(word).unwrap_or(&NO_FACTS)
    }

    /// `facts(word).last_bits`, without copying the rest of the facts:
    /// the word before each number is asked only this.
    pub(crate) fn last_bits(&self, word: &str) -> u32 {
        self.facts.get(word).map_or(0, |facts| facts.last_bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_give_the_entries_of_the_number_tables() {
        let lexicon = &*LEXICON;
        assert_eq!(NO_FACTS, WordFacts::default());
        assert_eq!(*lexicon.facts_ref("x"), WordFacts::default());
        let mut fractions = HashMap::new();
        for row in rows(FRACTIONS) {
            if let [word, value] = row[..] {
                fractions.insert(word, value.parse::<f64>().ok());
            }
        }
        let words = lexicon.fact_words().chain(fractions.keys().copied());
        let mut counts = [0; 3];
        for word in words.chain(["", "x", "un", "deux", "tiers"]) {
            let facts = lexicon.facts(word);
            assert_eq!(*lexicon.facts_ref(word), facts, "{word}");
            let cardinal = lexicon.cardinals.get(word).copied();
            let collective = lexicon.collectives.get(word).copied();
            let fraction = fractions.get(word).copied().flatten();
            assert_eq!(facts.cardinal(), cardinal, "{word}");
            assert_eq!(facts.collective(), collective, "{word}");
            assert_eq!(facts.fraction(), fraction, "{word}");
            for (count, known) in counts.iter_mut().zip([
                cardinal.is_some(),
                collective.is_some(),
                fraction.is_some(),
            ]) {
                *count += usize::from(known);
            }
        }
        assert!(counts.iter().all(|&n| n > 3), "{counts:?}");
    }

    #[test]
    fn digits_are_found_wherever_they_stand() {
        // Every length around the steps of 16 and 32 bytes, a digit at
        // every place, and the bytes on either side of the digits.
        for len in 0..100 {
            let plain = vec![b'a'; len];
            assert!(!has_ascii_digit(&plain), "{len}");
            for at in 0..len {
                for (b, digit) in [(b'0', true), (b'9', true), (b'/', false), (b':', false)] {
                    let mut bytes = plain.clone();
                    bytes[at] = b;
                    assert_eq!(has_ascii_digit(&bytes), digit, "{len} {at} {b}");
                }
            }
        }
    }

    /// Every data row of `table` has `width` fields and passes `valid`.
    fn check_table(name: &str, table: &str, width: usize, valid: impl Fn(&[&str]) -> bool) {
        let mut count = 0;
        for row in rows(table) {
            count += 1;
            assert_eq!(row.len(), width, "{name}: wrong field count in {row:?}");
            assert!(valid(&row), "{name}: invalid row {row:?}");
            let phrase = row[if name == "context" { 1 } else { 0 }];
            let folded: String = phrase.chars().map(super::super::text::fold).collect();
            assert_eq!(
                phrase, folded,
                "{name}: {phrase:?} must be written folded (lowercase, ')"
            );
        }
        assert!(count > 0, "{name} is empty");
    }

    #[test]
    fn every_number_table_is_valid() {
        check_table("cardinals", CARDINALS, 3, |r| {
            r[1].parse::<f64>().is_ok() && parse_class(r[2]).is_some()
        });
        check_table("collectives", COLLECTIVES, 3, |r| {
            r[1].parse::<f64>().is_ok() && matches!(r[2], "singular" | "plural")
        });
        check_table("qualifiers", QUALIFIERS, 3, |r| {
            parse_qualifier(r[1]).is_some() && matches!(r[2], "before" | "after")
        });
        check_table("units", UNITS, 4, |r| {
            parse_measure(r[1]).is_some()
                && parse_unit(r[2]).is_some()
                && r[3].parse::<f64>().is_ok_and(|f| f > 0.0)
        });
        check_table("fractions", FRACTIONS, 2, |r| r[1].parse::<f64>().is_ok());
        let categories = Cue::ALL.map(Cue::name);
        check_table("context", CONTEXT, 2, |r| categories.contains(&r[0]));
    }

    #[test]
    fn word_facts_agree_with_the_tables() {
        let lexicon = &*LEXICON;
        let mut words: Vec<String> = lexicon.facts.keys().cloned().collect();
        words.extend(["", "x", "soldats", "de", "et", "un", "une", "à"].map(str::to_owned));
        for word in &words {
            let facts = lexicon.facts(word);
            assert_eq!(lexicon.last_bits(word), facts.last_bits, "{word}");
            let cardinals = rows(CARDINALS)
                .filter(|r| r.first() == Some(&word.as_str()))
                .count();
            assert_eq!(facts.cardinal().is_some(), cardinals > 0, "{word}");
            assert_eq!(
                facts.clause_word,
                super::super::scanner::CLAUSE_WORDS.contains(&word.as_str()),
                "{word}"
            );
            for cue in Cue::ALL {
                assert_eq!(facts.is(cue), lexicon.is(cue, word), "{word} {cue:?}");
                let first = lexicon.cue(cue).first_words().any(|w| w == word);
                assert_eq!(facts.first_bits & (1 << cue as u32) != 0, first, "{word}");
                let last = lexicon.cue(cue).last_words().any(|w| w == word);
                assert_eq!(facts.last_bits & (1 << cue as u32) != 0, last, "{word}");
            }
        }
    }

    #[test]
    fn the_lexicon_builds_with_every_table() {
        let lexicon = &*LEXICON;
        assert_eq!(lexicon.triggers.get(&b"une"[..]), Some(&true));
        let table = lexicon.trigger_table.as_ref();
        assert!(table.is_some());
        for (word, &article) in &lexicon.triggers {
            let packed = TriggerTable::pack(word).unwrap_or_default();
            assert_eq!(table.and_then(|t| t.get(packed.0, packed.1)), Some(article));
            let mut upper = word.to_vec();
            upper.make_ascii_uppercase();
            let packed = TriggerTable::pack(&upper).unwrap_or_default();
            assert_eq!(table.and_then(|t| t.get(packed.0, packed.1)), Some(article));
        }
        for word in ["", "x", "soldats", "deuxx", "dizain", "é", "unité"] {
            let packed = TriggerTable::pack(word.as_bytes()).unwrap_or_default();
            let expected = lexicon.triggers.get(word.as_bytes()).copied();
            assert_eq!(table.and_then(|t| t.get(packed.0, packed.1)), expected);
        }
        assert_eq!(lexicon.triggers.get(&b"dizaines"[..]), Some(&false));
        assert!(lexicon.longest_trigger >= "cinquantaine".len());
        assert!(
            lexicon.longest_trigger < 64,
            "scanner::trigger_word reads fewer than 64 bytes"
        );
        assert_eq!(
            lexicon.cardinals.get("quatre").copied(),
            Some((4.0, Class::Unit))
        );
        assert_eq!(
            lexicon.collectives.get("milliers").copied(),
            Some((1000.0, true))
        );
        assert!(
            lexicon
                .units
                .iter()
                .any(|u| u.phrase == "km2" && u.unit == Unit::Km2)
        );
        assert!(lexicon.is(Cue::Month, "mars"));
        assert!(Cue::ALL.iter().all(|&cue| lexicon.cue(cue).contains_any()));
        // Longest phrases first, so "pas moins de" wins over "moins de".
        let text = "pas moins de";
        let (index, start) = lexicon
            .qualifiers_before
            .0
            .ending_at(text, text.len(), 0)
            .unwrap_or_default();
        assert_eq!(
            (lexicon.qualifiers_before.1.get(index), start),
            (Some(&Qualifier::AtLeast), 0)
        );
    }
}
