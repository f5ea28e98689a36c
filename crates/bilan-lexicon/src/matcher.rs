//! The matching pass: a walk of the names' trie from each word of the skeleton
//! view, candidate checks on the original text, context cues, then names
//! found from context.

use crate::context::{Cover, CueHits, Rules, WordFacts, WordShapes};
use crate::data::{Flags, Tables};
use crate::fold::{Folded, Sep, SkeletonCache, Token, WordCache, fold_into};
use crate::hash::{FastMap, FastSet};
use crate::{Entities, Entity, EntityId, EntityKind, Mention};
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use bilan_article::Span;
use std::cell::{Cell, RefCell};
use std::hash::Hasher;
use std::sync::atomic::{AtomicU64, Ordering};

/// The compiled search structures of a lexicon.
#[derive(Debug)]
pub(crate) struct Matcher {
    /// The patterns' trie as an anchored DFA, walked from every word start;
    /// `None` for a lexicon without entities.
    pub automaton: Option<DFA>,
    /// For each automaton pattern, the forms that share its skeleton.
    pub pattern_forms: Vec<Vec<u32>>,
    /// For each form: effective flags, basic key, letters (case-sensitive forms).
    pub form_flags: Vec<Flags>,
    pub form_basic: Vec<Vec<u8>>,
    pub form_letters: Vec<String>,
    /// For four-letter names: the first letter the text must show too.
    pub form_first_letter: Vec<Option<u8>>,
    /// For each form: cues may let its lowercase spelling through.
    pub form_lowercase_cues: Vec<bool>,
    /// For each form: cues may exclude any reading of it.
    pub form_exclusions: Vec<bool>,
    /// For each automaton pattern: no form of it can match without a
    /// capital (none is `lowercase_ok`, case-sensitive or lowercase-cued).
    pub pattern_needs_capital: Vec<bool>,
    /// The automaton's pattern ids, as indices into `pattern_forms`.
    pub automaton_patterns: Vec<u32>,
    /// One-word patterns that need a capital, by their skeleton word: they
    /// are looked up on capitalised words only, and left out of the
    /// automaton, which would otherwise stop at every `et`, `une`, `que`
    /// whose skeleton happens to be some short name's.
    pub capital_words: FastMap<Vec<u8>, u32>,
    pub capital_word_shapes: WordShapes,
    /// By the first skeleton word of the automaton's patterns: whether one
    /// of them can match without a capital, and the most words of those
    /// that need one. A lowercase word is walked from only when it can
    /// start a name that needs no capital, or one long enough to reach the
    /// next capitalised word.
    pub first_words: FastMap<Vec<u8>, FirstWord>,
    pub rules: Rules,
    /// Each entry's id, shared by all the mentions of the entry.
    pub entry_ids: Vec<EntityId>,
    /// Tells this matcher's per-thread word caches from another's.
    pub id: u64,
}

/// A new [`Matcher::id`].
fn next_matcher_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The per-word caches of [`Matcher::find`], kept by each thread from one
/// document to the next (as `regex` keeps its `Cache`): a word's skeleton,
/// its walk into the trie and the step through it from a trie state depend
/// only on the word and the lexicon, so the words of one article serve the
/// next. Sized for the longest text seen, from [`SCRATCH_MIN_TEXT`];
/// direct-mapped, so bounded.
struct Scratch {
    matcher: u64,
    /// The text length the caches were sized for.
    sized_for: usize,
    skeletons: SkeletonCache,
    first_states: WordCache<WordWalk>,
    steps: Steps,
    /// What `accept` made of a capitalised word that is a one-word name,
    /// by the word as written, when no cue was looked at: a function of
    /// the word and the lexicon too (exclusion cues, when the entity has
    /// some, are looked for again at each use), kept from one document to
    /// the next rather than allocated and cleared for each.
    capital_outcomes: WordCache<CapitalOutcome>,
    /// The same for names of several words, by span as written.
    span_outcomes: SpanOutcomes,
    /// The vectors of the last text's [`Folded`], reused (up to
    /// [`KEPT_TOKENS`] tokens).
    tokens: Vec<Token>,
    basic: Vec<u8>,
    /// The per-token vectors of the passes (gaps, facts, cover), reused
    /// likewise.
    gaps: Vec<u8>,
    facts: Vec<WordFacts>,
    cover: Vec<Cover>,
    /// The entity index of each lexicon entry in the text being
    /// assembled ([`NO_ENTITY`] for none): all [`NO_ENTITY`] between
    /// texts ([`assemble`] sets back the entries it set).
    entity_of: Vec<u32>,
}

/// [`Scratch::entity_of`]: the entry has no entity (yet).
const NO_ENTITY: u32 = u32::MAX;

/// The most tokens whose vector a thread keeps from one text to the next
/// (about 5 MiB of text, 24 MiB of tokens): longer texts give theirs back.
const KEPT_TOKENS: usize = 1 << 20;

/// The text length the caches are sized for at least (4096 slots): the
/// words of a few articles, kept from one to the next. Longer texts get
/// larger caches (up to 16384 slots, from 256 KiB of text), which then
/// stay.
const SCRATCH_MIN_TEXT: usize = 1 << 16;

impl Scratch {
    fn new(matcher: u64, text_len: usize) -> Scratch {
        let len = text_len.max(SCRATCH_MIN_TEXT);
        Scratch {
            matcher,
            sized_for: len,
            skeletons: SkeletonCache::for_text(len),
            first_states: WordCache::for_text(len),
            steps: Steps::for_text(len),
            // One-word names are a few hundred words even in a long
            // text: a sixteenth of the slots (the table's set-up, cleared
            // memory, is paid by the first call of each thread).
            capital_outcomes: WordCache::for_text(len / 16),
            span_outcomes: SpanOutcomes::for_text(len),
            tokens: Vec::new(),
            basic: Vec::new(),
            gaps: Vec::new(),
            facts: Vec::new(),
            cover: Vec::new(),
            entity_of: Vec::new(),
        }
    }

    /// True when a text of `len` bytes wants larger caches than these.
    fn too_small_for(&self, len: usize) -> bool {
        crate::fold::cache_slots(len) > crate::fold::cache_slots(self.sized_for)
    }
}

thread_local! {
    static SCRATCH: RefCell<Option<Scratch>> = const { RefCell::new(None) };
}

/// What the automaton's patterns that start with one word need.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FirstWord {
    /// Some pattern starting with the word can match without a capital.
    pub lowercase_ok: bool,
    /// The most words of a pattern starting with the word that needs a
    /// capital.
    pub capital_words: u8,
}

/// The walk from a word, by its basic form: the trie state after the
/// word's space and skeleton, the skeleton's length, and what the names
/// starting with that word need (`None`: no name starts with it).
#[derive(Debug, Clone, Copy, Default)]
struct WordWalk {
    state: u32,
    len: u32,
    first: Option<FirstWord>,
    /// The one-word pattern that needs a capital with this skeleton, or
    /// [`CAPITAL_NONE`], or [`CAPITAL_UNKNOWN`] (not looked up yet).
    capital: u32,
    /// What the rules for names from context ask of the word.
    facts: WordFacts,
}

impl Default for WordFacts {
    fn default() -> WordFacts {
        WordFacts::UNKNOWN
    }
}

/// [`WordWalk::capital`]: no one-word name that needs a capital.
const CAPITAL_NONE: u32 = u32::MAX - 1;
/// [`WordWalk::capital`]: not looked up yet.
const CAPITAL_UNKNOWN: u32 = u32::MAX;

/// The walk through one more word of a name: from a trie state (after
/// the space) and a word of up to eight bytes, the state after the word's
/// skeleton and the skeleton's length (or a dead state, the walk then
/// stops). Direct-mapped, by state and word.
struct Steps {
    /// `(word packed, state from, state to, length)`; a zero word is an
    /// empty slot.
    slots: Vec<(u64, u32, u32, u32)>,
    /// The same for words of nine to sixteen bytes (one word in seven):
    /// made again at each step through them, they cost more than the
    /// short ones together.
    long_slots: Vec<(u128, u32, u32, u32)>,
}

/// A step through a word from a trie state, in one table of [`Steps`]:
/// the slot of `(key, from)` or its neighbour, if one holds them, else
/// `walk()`, kept (in the neighbour when the slot is taken and the
/// neighbour free: `empty`, a free slot's key).
#[inline(always)]
fn step_in<K: Copy + Eq>(
    slots: &mut [(K, u32, u32, u32)],
    empty: K,
    key: K,
    key_hash: u64,
    from: StateID,
    walk: impl FnOnce() -> (StateID, u32),
) -> (StateID, u32) {
    if slots.is_empty() {
        return walk();
    }
    let from_u32 = from.as_u32();
    let h = (key_hash ^ u64::from(from_u32).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let ix = (h >> 40) as usize & (slots.len() - 1);
    if let Some(slot) = slots.get_mut(ix) {
        if slot.0 == key && slot.1 == from_u32 {
            if let Ok(to) = StateID::new(slot.2 as usize) {
                return (to, slot.3);
            }
        }
    } else {
        return walk();
    }
    // Missed: the neighbour slot, as in the word caches
    // (`crate::fold::WordCache`).
    if let Some(other) = slots
        .get(ix ^ 1)
        .filter(|other| other.0 == key && other.1 == from_u32)
    {
        if let Ok(to) = StateID::new(other.2 as usize) {
            return (to, other.3);
        }
    }
    let (to, len) = walk();
    let taken =
        |at: usize, slots: &[(K, u32, u32, u32)]| slots.get(at).is_some_and(|s| s.0 != empty);
    let at = if taken(ix, slots) && !taken(ix ^ 1, slots) {
        ix ^ 1
    } else {
        ix
    };
    if let Some(slot) = slots.get_mut(at) {
        *slot = (key, from_u32, to.as_u32(), len);
    }
    (to, len)
}

impl Steps {
    fn for_text(len: usize) -> Steps {
        let n = crate::fold::cache_slots(len);
        Steps {
            slots: vec![(0, 0, 0, 0); n],
            // Fewer long words than short ones: a quarter of the slots.
            long_slots: vec![(0, 0, 0, 0); n / 4],
        }
    }

    /// `packed`: the word packed by [`crate::fold::pack`], when the caller
    /// has it (then its bytes, from `word`, are read only on a miss).
    #[inline(always)]
    fn get<'w>(
        &mut self,
        from: StateID,
        word: impl FnOnce() -> &'w [u8],
        packed: Option<u64>,
        walk: impl FnOnce(&[u8]) -> (StateID, u32),
    ) -> (StateID, u32) {
        match packed {
            Some(key) => self.get_packed(from, key, || walk(word())),
            None => {
                let word = word();
                match word.len() {
                    1..=8 => self.get_packed(from, crate::fold::pack(word), || walk(word)),
                    9..=16 => {
                        let key = crate::fold::pack16(word);
                        // Both halves in the hash: long words share
                        // their first eight bytes often (`bombardement`,
                        // `bombardements`).
                        let hash = (key as u64) ^ ((key >> 64) as u64).rotate_left(31);
                        step_in(&mut self.long_slots, 0, key, hash, from, || walk(word))
                    }
                    _ => walk(word),
                }
            }
        }
    }

    /// [`Steps::get`] for a word of one to eight bytes packed (`key`).
    #[inline(always)]
    fn get_packed(
        &mut self,
        from: StateID,
        key: u64,
        walk: impl FnOnce() -> (StateID, u32),
    ) -> (StateID, u32) {
        step_in(&mut self.slots, 0, key, key, from, walk)
    }
}

/// What `accept` made of a name of several words (`armée syrienne`,
/// `Deir Ezzor`) when no cue was looked at, by its span as written and its
/// pattern: a function of those and the lexicon, as for one word
/// ([`Matcher::one_word_name`]). Direct-mapped.
struct SpanOutcomes {
    /// `(span packed, pattern, outcome)` for spans of up to sixteen bytes;
    /// a zero span is an empty slot.
    slots: Vec<(u128, u32, CapitalOutcome)>,
    /// The same for spans of seventeen to [`LONG_SPAN_MAX`] bytes, the
    /// span's bytes kept as the key (`Observatoire syrien des droits de
    /// l'homme`, `Forces démocratiques syriennes`: every name of several
    /// words the 1 MiB corpus accepts is one).
    long_slots: Vec<LongSpan>,
}

/// The longest span as written whose outcome [`SpanOutcomes`] keeps: a
/// bound on the bytes a slot holds.
const LONG_SPAN_MAX: usize = 64;

/// A slot of [`SpanOutcomes::long_slots`]; an empty span is an empty
/// slot (a kept span has more than sixteen bytes).
#[derive(Debug, Clone, Default)]
struct LongSpan {
    span: Vec<u8>,
    pattern: u32,
    outcome: CapitalOutcome,
}

impl SpanOutcomes {
    /// Names of several words are rarer than words: a quarter as many
    /// slots as the word caches, and a quarter of that for long spans.
    fn for_text(len: usize) -> SpanOutcomes {
        let n = crate::fold::cache_slots(len);
        SpanOutcomes {
            slots: vec![(0, 0, (None, None)); n / 4],
            long_slots: vec![LongSpan::default(); n / 16],
        }
    }

    /// The slot of a long span and pattern.
    fn long_slot(&self, span: &[u8], pattern: u32) -> usize {
        let mut h = crate::hash::FxHasher::default();
        h.write(span);
        h.write_u32(pattern);
        // The Fx state's bits 40 and up alone put five pairs of the
        // corpus's thirty long names in one slot each: mixed once more.
        let h = h.finish();
        let h = (h ^ (h >> 32)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 40) as usize & self.long_slots.len().wrapping_sub(1)
    }

    /// The outcome kept for `span` (seventeen bytes or more) and `pattern`,
    /// in its slot or the slot's neighbour (as in the word caches).
    fn lookup_long(&self, span: &[u8], pattern: u32) -> Option<CapitalOutcome> {
        let ix = self.long_slot(span, pattern);
        [ix, ix ^ 1]
            .into_iter()
            .filter_map(|at| self.long_slots.get(at))
            .find(|s| s.pattern == pattern && s.span == span)
            .map(|s| s.outcome)
    }

    /// Keep `outcome` for `span` (seventeen to [`LONG_SPAN_MAX`] bytes)
    /// and `pattern`, not kept yet: in its slot, or in the neighbour when
    /// the slot is taken and the neighbour free; the slot's vector is
    /// refilled, not replaced.
    fn store_long(&mut self, span: &[u8], pattern: u32, outcome: CapitalOutcome) {
        let ix = self.long_slot(span, pattern);
        let taken = |at: usize| self.long_slots.get(at).is_some_and(|s| !s.span.is_empty());
        let at = if taken(ix) && !taken(ix ^ 1) {
            ix ^ 1
        } else {
            ix
        };
        if let Some(slot) = self.long_slots.get_mut(at) {
            slot.span.clear();
            slot.span.extend_from_slice(span);
            slot.pattern = pattern;
            slot.outcome = outcome;
        }
    }

    /// The slot of a span and pattern.
    #[inline(always)]
    fn slot(&self, key: u128, pattern: u32) -> usize {
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(31) ^ u64::from(pattern))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 40) as usize & self.slots.len().wrapping_sub(1)
    }

    fn lookup(&self, key: u128, pattern: u32) -> Option<CapitalOutcome> {
        self.slots
            .get(self.slot(key, pattern))
            .filter(|s| s.0 == key && s.1 == pattern)
            .map(|s| s.2)
    }

    fn store(&mut self, key: u128, pattern: u32, outcome: CapitalOutcome) {
        let ix = self.slot(key, pattern);
        if let Some(slot) = self.slots.get_mut(ix) {
            *slot = (key, pattern, outcome);
        }
    }
}

/// What `accept` made of a capitalised one-word name (entry and
/// tentativeness, or rejected), and the entity whose exclusion cues, absent
/// then, must be looked for again at each use.
type CapitalOutcome = (Option<(u32, bool)>, Option<u32>);

/// A lexicon match on tokens `first..=last`.
#[derive(Debug, Clone, Copy)]
struct Found {
    first: usize,
    last: usize,
    entry: u32,
    /// Needs another, confident mention of the same entity in the document.
    tentative: bool,
    /// A single word (articles aside).
    one_word: bool,
}

/// The words of a web page's share bar, one lowercase word a line
/// (`data/share_bar_words.txt`).
const SHARE_BAR_WORDS: &str = include_str!("../data/share_bar_words.txt");

/// Whether `word` (lowercase) is a word of [`SHARE_BAR_WORDS`].
fn is_share_bar_word(word: &str) -> bool {
    SHARE_BAR_WORDS
        .lines()
        .any(|line| !line.starts_with('#') && line == word)
}

/// Whether the line holding byte `at` of `text` is a share bar: a short
/// line of which every word is one of [`SHARE_BAR_WORDS`].
fn share_bar(text: &str, at: usize) -> bool {
    const LONGEST: usize = 160;
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    // Within `LONGEST` bytes each way, so that the work per mention stays
    // bounded on a text without line breaks.
    let from = at.saturating_sub(LONGEST);
    let to = (at + LONGEST).min(bytes.len());
    let start = match bytes[from..at].iter().rposition(|&b| b == b'\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let end = match bytes[at..to].iter().position(|&b| b == b'\n') {
        Some(i) => at + i,
        None if to == bytes.len() => to,
        None => return false,
    };
    if end - start > LONGEST {
        return false;
    }
    text.get(start..end).is_some_and(|line| {
        line.split(|c: char| c.is_whitespace() || c == ':' || c == '|' || c == '•')
            .filter(|w| !w.is_empty())
            .all(|w| is_share_bar_word(&w.to_lowercase()))
    })
}

/// Whether byte `end` of `text` (the end of a name) is followed by a
/// hyphen and a letter: the name's last word goes on in a compound.
fn ends_inside_compound(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or("").chars();
    matches!(rest.next(), Some('-' | '\u{2011}')) && rest.next().is_some_and(char::is_alphabetic)
}

fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl Matcher {
    pub fn build(tables: &Tables, rules: Rules) -> Result<Matcher, String> {
        let mut by_pattern: FastMap<Vec<u8>, usize> = FastMap::default();
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut pattern_forms: Vec<Vec<u32>> = Vec::new();
        let mut form_flags = Vec::with_capacity(tables.forms.len());
        let mut form_basic = Vec::with_capacity(tables.forms.len());
        let mut form_letters = Vec::with_capacity(tables.forms.len());
        let mut form_first_letter = Vec::with_capacity(tables.forms.len());
        let mut form_lowercase_cues = Vec::with_capacity(tables.forms.len());
        let mut form_exclusions = Vec::with_capacity(tables.forms.len());
        for (ix, form) in tables.forms.iter().enumerate() {
            let entry = tables.entries.get(form.entry as usize);
            form_lowercase_cues.push(entry.is_none_or(|e| rules.has_lowercase_cues(&e.id, e.kind)));
            form_exclusions.push(entry.is_none_or(|e| rules.has_exclusions(&e.id, e.kind)));
            let mut flags = form.flags;
            let form_letters_s = letters(&form.surface);
            // Short all-capital acronyms (EI, FI, AP) only ever match as written.
            if form_letters_s.chars().count() <= 3
                && form_letters_s
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_numeric())
            {
                flags.case_sensitive = true;
            }
            let sk = crate::fold::pattern_skeleton(&form.surface);
            // Short names do not survive transliteration folding safely:
            // three letters or fewer must be spelt as listed, four must at
            // least start with the same letter (`Daech` = `Daesh`, but
            // `Ceci` is not `Sissi`).
            let symbols = sk
                .as_ref()
                .map_or(0, |sk| sk.iter().filter(|&&b| b != b' ').count());
            if symbols <= 3 {
                flags.no_fold = true;
            }
            form_first_letter.push(
                (symbols == 4)
                    .then(|| crate::fold::basic_key(&form.surface).first().copied())
                    .flatten(),
            );
            form_flags.push(flags);
            form_basic.push(crate::fold::basic_key(&form.surface));
            form_letters.push(if flags.case_sensitive {
                form_letters_s
            } else {
                String::new()
            });
            let Some(sk) = sk else { continue };
            let p = *by_pattern.entry(sk.clone()).or_insert_with(|| {
                patterns.push(sk);
                pattern_forms.push(Vec::new());
                patterns.len() - 1
            });
            pattern_forms[p].push(ix as u32);
        }
        let pattern_needs_capital: Vec<bool> = pattern_forms
            .iter()
            .map(|forms| {
                forms.iter().all(|&fi| {
                    let fi = fi as usize;
                    let flags = form_flags[fi];
                    !flags.lowercase_ok && !flags.case_sensitive && !form_lowercase_cues[fi]
                })
            })
            .collect();
        let mut capital_words: FastMap<Vec<u8>, u32> = FastMap::default();
        let mut capital_word_shapes = WordShapes::default();
        let mut automaton_patterns = Vec::with_capacity(patterns.len());
        let mut first_words: FastMap<Vec<u8>, FirstWord> = FastMap::default();
        let mut automaton_set: Vec<&[u8]> = Vec::with_capacity(patterns.len());
        for (p, sk) in patterns.iter().enumerate() {
            let one_word = sk.iter().filter(|&&b| b == b' ').count() == 1;
            match sk.strip_prefix(b" ") {
                Some(word) if one_word && pattern_needs_capital[p] => {
                    capital_word_shapes.insert(word);
                    capital_words.insert(word.to_vec(), p as u32);
                }
                _ => {
                    automaton_patterns.push(p as u32);
                    let words = sk.iter().filter(|&&b| b == b' ').count();
                    let first = sk
                        .get(1..)
                        .unwrap_or_default()
                        .split(|&b| b == b' ')
                        .next()
                        .unwrap_or_default();
                    let e = first_words.entry(first.to_vec()).or_default();
                    if pattern_needs_capital[p] {
                        e.capital_words = e.capital_words.max(words.min(255) as u8);
                    } else {
                        e.lowercase_ok = true;
                    }
                    automaton_set.push(sk);
                }
            }
        }
        // Anchored only: names start on word starts, so the lexicon pass
        // walks the trie from each word and stops as soon as no pattern
        // continues, instead of running an automaton over every byte.
        let automaton = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .prefilter(false)
            .build(&automaton_set)
            .map_err(|e| e.to_string())?;
        Ok(Matcher {
            automaton: Some(automaton),
            pattern_forms,
            form_flags,
            form_basic,
            form_letters,
            form_first_letter,
            form_lowercase_cues,
            form_exclusions,
            pattern_needs_capital,
            automaton_patterns,
            capital_words,
            capital_word_shapes,
            first_words,
            rules,
            entry_ids: tables
                .entries
                .iter()
                .map(|e| EntityId::from(e.id.as_str()))
                .collect(),
            id: next_matcher_id(),
        })
    }

    /// A matcher with context rules only.
    pub fn without_entities(rules: Rules) -> Matcher {
        Matcher {
            automaton: None,
            pattern_forms: Vec::new(),
            form_flags: Vec::new(),
            form_basic: Vec::new(),
            form_letters: Vec::new(),
            form_first_letter: Vec::new(),
            form_lowercase_cues: Vec::new(),
            form_exclusions: Vec::new(),
            pattern_needs_capital: Vec::new(),
            automaton_patterns: Vec::new(),
            capital_words: FastMap::default(),
            capital_word_shapes: WordShapes::default(),
            first_words: FastMap::default(),
            rules,
            entry_ids: Vec::new(),
            id: next_matcher_id(),
        }
    }

    pub fn find(&self, tables: &Tables, text: &str) -> Entities {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut kept) => {
                let scratch = kept.get_or_insert_with(|| Scratch::new(self.id, text.len()));
                if scratch.matcher != self.id || scratch.too_small_for(text.len()) {
                    *scratch = Scratch::new(self.id, text.len());
                }
                self.find_with(tables, text, scratch)
            }
            // Not reached (`find` does not call itself), but a fresh
            // scratch gives the same answer.
            Err(_) => self.find_with(tables, text, &mut Scratch::new(self.id, text.len())),
        })
    }

    fn find_with(&self, tables: &Tables, text: &str, scratch: &mut Scratch) -> Entities {
        let f = fold_into(
            text,
            std::mem::take(&mut scratch.tokens),
            std::mem::take(&mut scratch.basic),
        );
        let found = self.find_in(tables, text, &f, scratch);
        if f.tokens.capacity() <= KEPT_TOKENS {
            scratch.tokens = f.tokens;
            scratch.basic = f.basic;
        }
        found
    }

    /// [`Matcher::find_with`] on the folded text.
    fn find_in(
        &self,
        tables: &Tables,
        text: &str,
        f: &Folded<'_>,
        scratch: &mut Scratch,
    ) -> Entities {
        // One word in seven or eight is capitalised (more in short
        // articles: titles, datelines): room for one in four, so that the
        // vector does not grow (a copy of it whole).
        let mut capitals = Vec::with_capacity(f.tokens.len() / 4 + 8);
        // The per-token vectors of the last text, refilled: no fresh
        // pages for each text.
        let gaps = Rules::name_gaps_into(f, &mut capitals, std::mem::take(&mut scratch.gaps));
        let mut facts = std::mem::take(&mut scratch.facts);
        crate::fold::refill(&mut facts, f.tokens.len(), WordFacts::UNKNOWN);
        let found = self.lexicon_pass(tables, text, f, &gaps, &mut facts, scratch);
        let skeletons = &mut scratch.skeletons;
        // Ambiguous names count only when the same entity is named plainly
        // elsewhere in the document.
        // Only the entities of tentative names are asked about (few, if
        // any): the others are not hashed.
        let mut asked: Vec<u32> = found
            .iter()
            .filter(|m| m.tentative)
            .map(|m| m.entry)
            .collect();
        asked.sort_unstable();
        asked.dedup();
        let found: Vec<Found> = if asked.is_empty() {
            found
        } else {
            let confident: FastSet<u32> = found
                .iter()
                .filter(|m| !m.tentative && asked.binary_search(&m.entry).is_ok())
                .map(|m| m.entry)
                .collect();
            found
                .into_iter()
                .filter(|m| !m.tentative || confident.contains(&m.entry))
                .collect()
        };

        // The share bar of a web page ("Partager sur Facebook   Twitter
        // E-mail"): the networks named there are its buttons, no mention.
        let social = |m: &Found| {
            tables.entries[m.entry as usize].entity_type.as_deref() == Some("social_network")
        };
        let found: Vec<Found> = if found.iter().any(social) {
            found
                .into_iter()
                .filter(|m| !(social(m) && share_bar(text, f.tokens[m.first].start())))
                .collect()
        } else {
            found
        };

        let mut cover = std::mem::take(&mut scratch.cover);
        crate::fold::refill(&mut cover, f.tokens.len(), Cover::Free);
        // The persons among the lexicon's names, noted here with the
        // entry at hand (for the family names below).
        let mut found_persons: Vec<(usize, usize, Option<MentionOf>)> = Vec::new();
        for m in &found {
            let entry = &tables.entries[m.entry as usize];
            if entry.kind == EntityKind::Person {
                found_persons.push((m.first, m.last + 1, Some(MentionOf::Entry(m.entry))));
            }
            let place = entry.kind == EntityKind::Place;
            // Each mark written once, and a name of one token (most)
            // without the fill loop, which compiles to a call to memset.
            let mark = if place && m.one_word {
                let town = matches!(
                    entry.entity_type.as_deref(),
                    Some("city" | "town" | "village" | "neighbourhood") | None
                );
                if town { Cover::WeakTown } else { Cover::Weak }
            } else {
                Cover::Strong
            };
            // A token covered for good opens no name from context: its
            // facts say so, and names from context pass over it in a run.
            let inside = mark == Cover::Strong;
            if m.first == m.last {
                cover[m.first] = mark;
                if inside {
                    facts[m.first] = WordFacts::INSIDE_NAME;
                }
            } else {
                cover[m.first..=m.last].fill(mark);
                if inside {
                    facts[m.first..=m.last].fill(WordFacts::INSIDE_NAME);
                }
            }
            if place && !m.one_word {
                cover[m.last] = Cover::PlaceEnd;
            }
        }
        let mut locals = self.rules.local_names(f, &cover, &gaps, &facts);
        self.rules.numbered_units(f, &cover, &mut locals);
        for l in &locals {
            for c in &mut cover[l.first..l.end] {
                *c = Cover::Strong;
            }
        }
        let mut spans: Vec<(usize, usize, MentionOf)> =
            Vec::with_capacity(found.len() + locals.len());
        let mut local_ids: Vec<(EntityId, EntityKind, Span)> = Vec::new();
        let mut by_key: FastMap<Vec<u8>, MentionOf> = FastMap::default();
        let word_count = |l: &crate::context::LocalName| {
            (l.first..l.end).filter(|&k| !f.tokens[k].article).count()
        };
        let kind_of = |of: MentionOf, local_ids: &[(EntityId, EntityKind, Span)]| match of {
            MentionOf::Entry(e) => tables.entries[e as usize].kind,
            MentionOf::Local(ix) => local_ids[ix].1,
        };
        // Names of several words first, so that a one-word person name found
        // later from context (`Sayyed Nasrallah`) can join the full name.
        let mut ordered: Vec<&crate::context::LocalName> =
            locals.iter().filter(|l| word_count(l) > 1).collect();
        let single_words: Vec<&crate::context::LocalName> =
            locals.iter().filter(|l| word_count(l) <= 1).collect();
        for l in ordered.drain(..) {
            let key = local_key(f, l.first, l.end);
            if key.is_empty() {
                continue;
            }
            let of = *by_key.entry(key.clone()).or_insert_with(|| {
                local_ids.push(local_entity(f, l, &key));
                MentionOf::Local(local_ids.len() - 1)
            });
            spans.push((l.first, l.end, of));
        }
        // Later short mentions of a person: the family name alone (`Talli`
        // after `Abou Malek al-Talli`) is the same person in this document.
        let persons = locals
            .iter()
            .filter(|l| l.kind == EntityKind::Person)
            .map(|l| {
                (
                    l.first,
                    l.end,
                    by_key.get(&local_key(f, l.first, l.end)).copied(),
                )
            })
            .chain(found_persons)
            .collect::<Vec<_>>();
        // Family names that are given names too (`Ibrahim` of `Abbas
        // Ibrahim`): only a title names the person by them (`M. Ibrahim`,
        // `le général Ibrahim`, the one-word persons found from context).
        let mut titled_family: FastMap<Vec<u8>, MentionOf> = FastMap::default();
        for (first, end, of) in persons {
            let Some(of) = of else { continue };
            let words: Vec<usize> = (first..end).filter(|&k| !f.tokens[k].article).collect();
            let Some(&last) = words.last() else { continue };
            if words.len() < 2 {
                continue;
            }
            // `Omar` in `Abou Omar` is no family name; `al-Hamed` is, given
            // name or not; `Ibrahim` in `Abbas Ibrahim` is one after a title.
            let after_article = last > 0 && f.tokens[last - 1].article;
            let given_name = !after_article && self.rules.is_given_name(f.basic_of(last));
            if given_name && self.rules.is_person_part(f.basic_of(words[0])) {
                continue;
            }
            let key = local_key(f, last, last + 1);
            if key.len() >= 4 || (after_article && key.len() >= 3) {
                if given_name {
                    titled_family.entry(key).or_insert(of);
                } else {
                    by_key.entry(key).or_insert(of);
                }
            }
        }
        for l in single_words {
            let key = local_key(f, l.first, l.end);
            if key.is_empty() {
                continue;
            }
            let known = by_key.get(&key).or_else(|| {
                (l.kind == EntityKind::Person)
                    .then(|| titled_family.get(&key))
                    .flatten()
            });
            let of = match known.copied() {
                Some(of) if kind_of(of, &local_ids) == l.kind => of,
                // The same letters name something else here: keep the other reading.
                Some(_) => continue,
                None => {
                    local_ids.push(local_entity(f, l, &key));
                    let of = MentionOf::Local(local_ids.len() - 1);
                    by_key.insert(key, of);
                    of
                }
            };
            spans.push((l.first, l.end, of));
        }
        // One buffer for the keys looked up below (one per one-word person).
        let mut key = Vec::new();
        for m in &found {
            let mut of = MentionOf::Entry(m.entry);
            // An ambiguous one-word name kept only for its document support
            // (`Assad`) is the person whose family name it is, when there is
            // one; so is a person's one-word name (`Allouche` after
            // `Mohammed Allouche` is he, not the Allouche the lexicon knows).
            let person = || tables.entries[m.entry as usize].kind == EntityKind::Person;
            if m.one_word && !by_key.is_empty() && (m.tentative || person()) {
                key.clear();
                f.skeleton_view_into(m.first, m.last + 1, &mut key);
                if let Some(&alias) = by_key.get(key.as_slice()) {
                    if kind_of(alias, &local_ids) == EntityKind::Person {
                        of = alias;
                    }
                }
            }
            spans.push((m.first, m.last + 1, of));
        }
        self.local_repeats(f, &cover, &capitals, &by_key, &mut spans, skeletons);

        let mut entity_of = std::mem::take(&mut scratch.entity_of);
        if entity_of.len() != tables.entries.len() {
            entity_of = vec![NO_ENTITY; tables.entries.len()];
        }
        let out = assemble(
            tables,
            &self.entry_ids,
            text,
            f,
            spans,
            &local_ids,
            &mut entity_of,
        );
        scratch.entity_of = entity_of;
        if f.tokens.capacity() <= KEPT_TOKENS {
            scratch.gaps = gaps;
            scratch.facts = facts;
            scratch.cover = cover;
        }
        out
    }

    /// Later mentions of names first found from context. `capitals`: the
    /// capitalised words that are not articles (from [`Rules::name_gaps_into`]),
    /// the only ones such a mention starts with.
    fn local_repeats(
        &self,
        f: &Folded<'_>,
        cover: &[Cover],
        capitals: &[u32],
        by_key: &FastMap<Vec<u8>, MentionOf>,
        spans: &mut Vec<(usize, usize, MentionOf)>,
        cache: &mut SkeletonCache,
    ) {
        if by_key.is_empty() {
            return;
        }
        let n = f.tokens.len();
        let taken = |k: usize| !matches!(cover[k], Cover::Free);
        // Keys by their first word: one lookup rules most words out.
        let first_words: FastSet<&[u8]> = by_key
            .keys()
            .map(|k| k.split(|&b| b == b' ').next().unwrap_or(k))
            .collect();
        let mut first_word_shapes = WordShapes::default();
        for w in &first_words {
            first_word_shapes.insert(w);
        }
        // The skeletons of tokens `i..`, as far as read: `sk[bounds[k]..bounds[k + 1]]`
        // for token `i + k` (empty for articles).
        let mut sk: Vec<u8> = Vec::new();
        let mut bounds: Vec<usize> = Vec::new();
        let mut key: Vec<u8> = Vec::new();
        // The first token a mention may start on (after the last one).
        let mut from = 0;
        for &i in capitals {
            let i = i as usize;
            if i < from || taken(i) {
                continue;
            }
            sk.clear();
            cache.push_skeleton(f.basic_of(i), &mut sk);
            if !(first_word_shapes.may_contain(&sk) && first_words.contains(sk.as_slice())) {
                continue;
            }
            bounds.clear();
            bounds.push(0);
            bounds.push(sk.len());
            for k in i + 1..(i + 4).min(n) {
                if !f.tokens[k].article {
                    cache.push_skeleton(f.basic_of(k), &mut sk);
                }
                bounds.push(sk.len());
            }
            let mut hit = None;
            for len in (1..=4).rev() {
                let j = i + len - 1;
                if j >= n || (i..=j).any(taken) || f.tokens[j].article {
                    continue;
                }
                // The skeletons of the words `i..=j`, space-joined.
                key.clear();
                for k in 0..len {
                    let word = sk.get(bounds[k]..bounds[k + 1]).unwrap_or_default();
                    if !word.is_empty() {
                        if !key.is_empty() {
                            key.push(b' ');
                        }
                        key.extend_from_slice(word);
                    }
                }
                if let Some(&of) = by_key.get(key.as_slice()) {
                    hit = Some((j, of));
                    break;
                }
            }
            match hit {
                Some((j, of)) => {
                    let first = if i > 0 && f.tokens[i - 1].article && !taken(i - 1) {
                        i - 1
                    } else {
                        i
                    };
                    spans.push((first, j + 1, of));
                    from = j + 1;
                }
                None => from = i + 1,
            }
        }
    }

    /// One pass over the word starts of the skeleton view: at each, the
    /// names that start there and end on a word boundary are tried longest
    /// first, then a one-word name that needs a capital; the first one whose
    /// checks pass is kept and the pass goes on after it. (The same matches
    /// as a leftmost-longest automaton run that falls back to shorter
    /// matches at the start of a rejected one.)
    ///
    /// Out of line: inlined in `find_in`, its loop shared the registers
    /// of the whole function and spilled more of its state.
    #[inline(never)]
    fn lexicon_pass(
        &self,
        tables: &Tables,
        text: &str,
        f: &Folded<'_>,
        gaps: &[u8],
        facts: &mut [WordFacts],
        scratch: &mut Scratch,
    ) -> Vec<Found> {
        let Scratch {
            skeletons: cache,
            first_states,
            steps,
            capital_outcomes,
            span_outcomes,
            ..
        } = scratch;
        let Some(dfa) = &self.automaton else {
            return Vec::new();
        };
        // News names an entity every five to twenty words: room for one
        // every eight, so that the vector is seldom copied as it grows.
        let mut out = Vec::with_capacity(f.tokens.len() / 8 + 8);
        let Ok(start) = dfa.start_state(Anchored::Yes) else {
            return out;
        };
        let tokens = &f.tokens;
        // Every name starts with the space before its first word. (When
        // all names are one word looked up on capitals, the walk is dead at
        // once.)
        let after_space = dfa.next_state(Anchored::Yes, start, b' ');
        // The names starting at the current word: (last token, automaton pattern).
        let mut ends: Vec<(usize, usize)> = Vec::new();
        // The skeletons of the words walked from the current word.
        let mut sk: Vec<u8> = Vec::with_capacity(64);
        // Where the next name may start: the first token after the last match.
        let mut pos = 0;
        // `first_states`: the trie state after the space and skeleton of a
        // first word, and the skeleton's length, by the word's basic form:
        // the walk from a word (most often dead within it) is a function of
        // the word alone; `steps`: the walk through a following word;
        // `capital_outcomes`, `span_outcomes`: what `accept` made of a
        // name of one word or several (with the entity whose exclusion
        // cues, absent then, must be looked for again).
        let mut scratch: Vec<u8> = Vec::with_capacity(64);
        let walk_word = |word: &[u8], scratch: &mut Vec<u8>| -> WordWalk {
            scratch.clear();
            let mut sid = after_space;
            // The skeleton is made only as far as the trie follows it.
            crate::fold::skeleton_until(word, |b| {
                scratch.push(b);
                sid = dfa.next_state(Anchored::Yes, sid, b);
                !(dfa.is_special(sid) && dfa.is_dead(sid))
            });
            let dead = dfa.is_special(sid) && dfa.is_dead(sid);
            WordWalk {
                state: sid.as_u32(),
                len: u32::try_from(scratch.len()).unwrap_or(u32::MAX),
                // A word the trie dies in starts no name: no look-up.
                first: if dead {
                    None
                } else {
                    self.first_words.get(scratch.as_slice()).copied()
                },
                // Looked up at the first capitalised use of the word.
                capital: CAPITAL_UNKNOWN,
                facts: self.rules.word_facts(word),
            }
        };
        // `facts` has a slot per token: walked together, no index check.
        for ((t, tok), fact) in tokens.iter().enumerate().zip(facts.iter_mut()) {
            if t < pos || tok.article {
                continue;
            }
            let walk = match tok.packed() {
                Some(key) => first_states.get_packed(
                    key,
                    || f.basic_of_token(tok),
                    |w| walk_word(w, &mut scratch),
                ),
                None => first_states.get(f.basic_of_token(tok), |w| walk_word(w, &mut scratch)),
            };
            *fact = walk.facts.on_token(tok.capital);
            // From a lowercase word, only a name that needs no capital or
            // one that reaches the next capitalised word can pass its checks
            // (`gaps[t]` words stand between).
            let worth_it = walk.first.is_some_and(|first| {
                first.lowercase_ok
                    || tok.capital
                    || usize::from(first.capital_words)
                        >= usize::from(gaps.get(t).copied().unwrap_or(u8::MAX)) + 2
            });
            if !worth_it && !tok.capital {
                // Most words: no name to try from here, and no capital for
                // a one-word name.
                continue;
            }
            ends.clear();
            let sid = if worth_it {
                StateID::new(walk.state as usize).ok()
            } else {
                None
            };
            // `read`: the bytes read from the word's space; `k`: the word
            // being read.
            let mut read = 1 + walk.len as usize;
            let mut k = t;
            if let Some(mut sid) = sid {
                'walk: loop {
                    if dfa.is_special(sid) {
                        if dfa.is_match(sid) {
                            self.note_ends(dfa, read, k, sid, &mut ends);
                        } else if dfa.is_dead(sid) {
                            break;
                        }
                    }
                    // On to the next word (articles are not in the view).
                    let Some(next) = (k + 1..tokens.len()).find(|&j| !tokens[j].article) else {
                        break;
                    };
                    sid = dfa.next_state(Anchored::Yes, sid, b' ');
                    read += 1;
                    k = next;
                    // The word as folding packed it, when it did.
                    let packed = tokens.get(k).and_then(Token::packed);
                    let step = steps.get(
                        sid,
                        || f.basic_of(k),
                        packed,
                        |word| {
                            let mut to = sid;
                            let mut len = 0u32;
                            crate::fold::skeleton_until(word, |b| {
                                to = dfa.next_state(Anchored::Yes, to, b);
                                len += 1;
                                !(dfa.is_special(to) && dfa.is_dead(to))
                            });
                            (to, len)
                        },
                    );
                    sid = step.0;
                    if dfa.is_special(sid) && dfa.is_dead(sid) {
                        break 'walk;
                    }
                    read += step.1 as usize;
                }
            }
            let mut accepted: Option<(Found, usize)> = None;
            for &(last, ap) in ends.iter().rev() {
                let Some(p) = self.automaton_patterns.get(ap).map(|&p| p as usize) else {
                    continue;
                };
                if last > t && crosses_layout(text, tokens, t, last) {
                    continue;
                }
                let found = if last == t {
                    // A one-word name (`EI`, or `au` that no form allows):
                    // its outcome too is kept by the word as written.
                    self.one_word_name(tables, text, f, t, p, capital_outcomes)
                } else {
                    self.multi_word_name(tables, text, f, t, last, p, span_outcomes)
                };
                accepted = found.map(|found| (found, last + 1));
                if accepted.is_some() {
                    break;
                }
            }
            // A one-word name that needs a capital, on a capitalised word.
            if accepted.is_none() && tok.capital {
                let mut capital = walk.capital;
                if capital == CAPITAL_UNKNOWN {
                    sk.clear();
                    cache.push_skeleton(f.basic_of(t), &mut sk);
                    capital = Some(sk.as_slice())
                        .filter(|w| self.capital_word_shapes.may_contain(w))
                        .and_then(|w| self.capital_words.get(w))
                        .copied()
                        .unwrap_or(CAPITAL_NONE);
                    first_states.store(f.basic_of(t), WordWalk { capital, ..walk });
                }
                if let Some(p) = (capital != CAPITAL_NONE).then_some(capital) {
                    accepted = self
                        .one_word_name(tables, text, f, t, p as usize, capital_outcomes)
                        .map(|found| (found, t + 1));
                }
            }
            if let Some((found, next)) = accepted {
                out.push(found);
                pos = next;
            }
        }
        out
    }

    /// [`Matcher::accept`] for pattern `p` on the one word `t`. Unless
    /// cues were looked at, the outcome depends on the word as written and
    /// the lexicon only (a word's skeleton names one pattern): it is kept
    /// in `outcomes` for the next time the word is met, from one document
    /// to the next, with the entity whose exclusion cues, absent then,
    /// must be looked for again at each use.
    fn one_word_name(
        &self,
        tables: &Tables,
        text: &str,
        f: &Folded<'_>,
        t: usize,
        p: usize,
        outcomes: &mut WordCache<CapitalOutcome>,
    ) -> Option<Found> {
        let tokens = &f.tokens;
        let tok = tokens.get(t)?;
        let written = text
            .as_bytes()
            .get(tok.start()..tok.end())
            .unwrap_or_default();
        match outcomes.lookup(written) {
            Some(kept) => self.found_from_kept(tables, f, t, t, kept),
            None => {
                let (found, keep) = self.accept_to_keep(tables, text, f, t, t, p);
                if let Some(kept) = keep {
                    outcomes.store(written, kept);
                }
                found
            }
        }
    }

    /// [`Matcher::one_word_name`] for a name of several words, tokens
    /// `t..=last`, kept in `outcomes` by its span as written: packed in a
    /// key when it has at most sixteen bytes, by its own bytes up to
    /// `LONG_SPAN_MAX`, not kept beyond.
    #[allow(clippy::too_many_arguments)]
    fn multi_word_name(
        &self,
        tables: &Tables,
        text: &str,
        f: &Folded<'_>,
        t: usize,
        last: usize,
        p: usize,
        outcomes: &mut SpanOutcomes,
    ) -> Option<Found> {
        let span = match (f.tokens.get(t), f.tokens.get(last)) {
            (Some(a), Some(b)) => text.as_bytes().get(a.start()..b.end()),
            _ => None,
        };
        let (Some(span), Ok(pattern)) = (span, u32::try_from(p)) else {
            return self.accept_to_keep(tables, text, f, t, last, p).0;
        };
        if span.len() > 16 {
            if span.len() > LONG_SPAN_MAX || outcomes.long_slots.is_empty() {
                return self.accept_to_keep(tables, text, f, t, last, p).0;
            }
            return match outcomes.lookup_long(span, pattern) {
                Some(kept) => self.found_from_kept(tables, f, t, last, kept),
                None => {
                    let (found, keep) = self.accept_to_keep(tables, text, f, t, last, p);
                    if let Some(kept) = keep {
                        outcomes.store_long(span, pattern, kept);
                    }
                    found
                }
            };
        }
        if outcomes.slots.is_empty() {
            return self.accept_to_keep(tables, text, f, t, last, p).0;
        }
        // The span starts and ends with a letter or digit (never 0): its
        // packed bytes tell it from any other.
        let key = crate::fold::pack16(span);
        match outcomes.lookup(key, pattern) {
            Some(kept) => self.found_from_kept(tables, f, t, last, kept),
            None => {
                let (found, keep) = self.accept_to_keep(tables, text, f, t, last, p);
                if let Some(kept) = keep {
                    outcomes.store(key, pattern, kept);
                }
                found
            }
        }
    }

    /// [`Matcher::accept`] for pattern `p` on tokens `t..=last`, and what
    /// of its outcome may be kept for the same words as written: nothing
    /// when cues were looked at, else the outcome and the entity whose
    /// exclusion cues, absent here, must be looked for at each use.
    fn accept_to_keep(
        &self,
        tables: &Tables,
        text: &str,
        f: &Folded<'_>,
        t: usize,
        last: usize,
        p: usize,
    ) -> (Option<Found>, Option<CapitalOutcome>) {
        let looked_around = Cell::new(false);
        let exclusion_look = Cell::new(None);
        let found = self.accept(tables, text, f, t, last, p, &looked_around, &exclusion_look);
        let keep = match exclusion_look.get() {
            None => Some(None),
            Some((e, false)) => Some(Some(e)),
            Some((_, true)) => None,
        };
        let kept = keep
            .filter(|_| !looked_around.get())
            .map(|exclusions| (found.map(|m| (m.entry, m.tentative)), exclusions));
        (found, kept)
    }

    /// The name on tokens `t..=last` from an outcome kept for the same
    /// words: the exclusion cues of the entity kept with it, unseen then,
    /// are looked for here.
    fn found_from_kept(
        &self,
        tables: &Tables,
        f: &Folded<'_>,
        t: usize,
        last: usize,
        (outcome, exclusions): CapitalOutcome,
    ) -> Option<Found> {
        let excluded = exclusions.is_some_and(|e| {
            let entry = &tables.entries[e as usize];
            let first = if t > 0 && f.tokens[t - 1].article {
                t - 1
            } else {
                t
            };
            self.rules.excluded(f, &entry.id, entry.kind, first, last)
        });
        if excluded {
            return None;
        }
        outcome.map(|(entry, tentative)| Found {
            first: self.span_first(f, t, last),
            last,
            entry,
            tentative,
            one_word: t == last,
        })
    }

    /// Note the names that the trie state `sid` ends, reached after
    /// reading `read` bytes from the space before the first word, at the
    /// end of word `last`.
    fn note_ends(
        &self,
        dfa: &DFA,
        read: usize,
        last: usize,
        sid: aho_corasick::automaton::StateID,
        ends: &mut Vec<(usize, usize)>,
    ) {
        // A state may also list names that start later (its suffixes):
        // only those starting here count.
        for i in 0..dfa.match_len(sid) {
            let pid = dfa.match_pattern(sid, i);
            if dfa.pattern_len(pid) == read {
                ends.push((last, pid.as_usize()));
            }
        }
    }

    // The match, its context and two out-flags: a struct for them would only
    // be unpacked again.
    #[allow(clippy::too_many_arguments)]
    fn accept(
        &self,
        tables: &Tables,
        text: &str,
        f: &Folded<'_>,
        first_tok: usize,
        last_tok: usize,
        pattern: usize,
        looked_around: &Cell<bool>,
        exclusion_look: &Cell<Option<(u32, bool)>>,
    ) -> Option<Found> {
        let one_word = first_tok == last_tok;
        if !one_word && ends_with_verb_est(text, &f.tokens[last_tok]) {
            // `Alep est tombée`: the verb, not the `Est` of `Alep-Est`.
            return None;
        }
        let mut first = first_tok;
        if first > 0 && f.tokens[first - 1].article {
            first -= 1;
        }
        // The words of the match, articles aside.
        let emitted = || (first_tok..=last_tok).filter(|&t| !f.tokens[t].article);
        let any_capital = emitted().any(|t| f.tokens[t].capital);
        if !any_capital
            && self
                .pattern_needs_capital
                .get(pattern)
                .copied()
                .unwrap_or(true)
        {
            // Most matches are common words whose skeleton is some name's.
            return None;
        }
        let mut best: Option<(u16, u32, bool)> = None;
        let forms = self.pattern_forms.get(pattern)?;
        let first_entry = tables.forms[*forms.first()? as usize].entry;
        let one_entity = forms
            .iter()
            .all(|&fi| tables.forms[fi as usize].entry == first_entry);
        let mut all_caps: Option<bool> = None;
        // Asked per form, the same answer: looked up once.
        let mut stopword: Option<bool> = None;
        let mut given_name: Option<bool> = None;
        // Whether the match's words as written (their basic forms,
        // space-joined, built at the first form that asks) are form
        // `form_ix`'s: for forms that must be spelt as listed, and between
        // the forms of a name several entities share.
        let mut written: Option<Vec<u8>> = None;
        let mut spelt_as = |form_ix: u32| {
            let joined = written.get_or_insert_with(|| {
                let mut joined = Vec::with_capacity(32);
                for (k, t) in emitted().enumerate() {
                    if k > 0 {
                        joined.push(b' ');
                    }
                    joined.extend_from_slice(f.basic_of(t));
                }
                joined
            });
            *joined == self.form_basic[form_ix as usize]
        };
        // Cue hits depend on the entity and the window only: forms of one
        // entity share them.
        let mut cached_hits: Option<(u32, CueHits)> = None;
        let mut cached_excluded: Option<(u32, bool)> = None;
        let mut cues_of = |entry_ix: u32| -> CueHits {
            if let Some((e, hits)) = cached_hits {
                if e == entry_ix {
                    return hits;
                }
            }
            looked_around.set(true);
            let entry = &tables.entries[entry_ix as usize];
            let hits = self
                .rules
                .cue_hits(f, &entry.id, entry.kind, first, last_tok);
            cached_hits = Some((entry_ix, hits));
            hits
        };
        for &form_ix in forms {
            let form = &tables.forms[form_ix as usize];
            let flags = self.form_flags[form_ix as usize];
            if flags.case_sensitive {
                let span = text
                    .get(f.tokens[first_tok].start()..f.tokens[last_tok].end())
                    .unwrap_or("");
                let wanted = &self.form_letters[form_ix as usize];
                if !span
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .eq(wanted.chars())
                {
                    continue;
                }
            }
            if let Some(first_letter) = self.form_first_letter[form_ix as usize] {
                if f.basic_of(first_tok).first() != Some(&first_letter) {
                    continue;
                }
            }
            // Words in capitals (`SIPA`, `SYRIE`) are headlines or acronyms:
            // spelt as listed, never folded.
            let shouting = *all_caps.get_or_insert_with(|| {
                let span = text
                    .get(f.tokens[first_tok].start()..f.tokens[last_tok].end())
                    .unwrap_or("");
                // The lowercase test first: it stops at the second letter
                // of most names.
                !span.chars().any(char::is_lowercase)
                    && span.chars().filter(|c| c.is_alphabetic()).count() >= 2
            });
            if flags.no_fold
                || shouting
                || (one_word
                    && *stopword.get_or_insert_with(|| {
                        self.rules.needs_exact_spelling(f.basic_of(first_tok))
                    }))
            {
                if !spelt_as(form_ix) {
                    continue;
                }
            }
            let entry = &tables.entries[form.entry as usize];
            // Cues cost a look around: only when they can change the outcome.
            let plain = flags.lowercase_ok || any_capital || flags.case_sensitive;
            if !plain && !self.form_lowercase_cues[form_ix as usize] {
                // Only a lowercase cue could let it through, and none is about it.
                continue;
            }
            let hits = if one_entity
                && plain
                && !flags.needs_context
                && !self.form_exclusions[form_ix as usize]
            {
                CueHits::default()
            } else if one_entity && any_capital && !flags.needs_context {
                // Only an exclusion can change the outcome here: support
                // picks between forms of the one entity (and is asked
                // below for given names), a veto needs a lowercase or
                // ambiguous form, a lowercase cue a lowercase one.
                let exclude = match cached_excluded {
                    Some((e, exclude)) if e == form.entry => exclude,
                    _ => {
                        let entry = &tables.entries[form.entry as usize];
                        let exclude = self
                            .rules
                            .excluded(f, &entry.id, entry.kind, first, last_tok);
                        cached_excluded = Some((form.entry, exclude));
                        exclude
                    }
                };
                // Entities other than the first seen, or any exclusion
                // found, make the outcome depend on the window.
                match exclusion_look.get() {
                    None => exclusion_look.set(Some((form.entry, exclude))),
                    Some((e, seen)) if e == form.entry => {
                        exclusion_look.set(Some((e, seen || exclude)));
                    }
                    Some(_) => looked_around.set(true),
                }
                CueHits {
                    exclude,
                    ..CueHits::default()
                }
            } else {
                cues_of(form.entry)
            };
            if !(plain || hits.lowercase) {
                continue;
            }
            // A lone given name (`Hussein`) is a village only where a cue says
            // so; cities (`Riyad`) and countries keep their names.
            // Cheapest tests first: the type's string compares run only for
            // the rare given names.
            let given_name_place = entry.kind == EntityKind::Place
                && one_word
                && !flags.case_sensitive
                && *given_name
                    .get_or_insert_with(|| self.rules.is_given_name(f.basic_of(first_tok)))
                && !matches!(
                    entry.entity_type.as_deref(),
                    Some("country" | "governorate" | "city" | "region" | "river" | "mountain")
                );
            if given_name_place && !hits.support() && !cues_of(form.entry).support() {
                continue;
            }
            if hits.exclude || (hits.veto && (flags.needs_context || !any_capital)) {
                continue;
            }
            // Between names of several entities, the one spelt as written
            // ("Al-Jazeera" the channel, not "al-Jazira" the region, which
            // fold alike) weighs as much as a cue.
            let spelt = !one_entity && spelt_as(form_ix);
            let score = u16::from(hits.support_words) * 2
                + u16::from(!flags.needs_context)
                + u16::from(spelt) * 2;
            let tentative = flags.needs_context && !hits.support();
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, form.entry, tentative));
            }
        }
        let (_, entry, tentative) = best?;
        // An ambiguous name that ends inside a hyphenated word ("La Croix"
        // of "La Croix-Rouge libanaise") is no name: left unclaimed, the
        // words are walked again from the next one, where the longer name
        // starts.
        if tentative && ends_inside_compound(text, f.tokens[last_tok].end()) {
            return None;
        }
        Some(Found {
            first: self.span_first(f, first_tok, last_tok),
            last: last_tok,
            entry,
            tentative,
            one_word,
        })
    }

    /// The first token of the span of a name on words `first_tok..=last_tok`:
    /// widened to a preceding article (`al-Manar`), narrowed past a leading
    /// descriptor (`télévision al-Manar`, `président Assad`). A name of one
    /// word or starting with a capital, with no article before it, is its
    /// own span, and a name after an article starts there (no article is
    /// a descriptor): told here, inlined, without the call.
    #[inline(always)]
    fn span_first(&self, f: &Folded<'_>, first_tok: usize, last_tok: usize) -> usize {
        let article_before = first_tok
            .checked_sub(1)
            .and_then(|k| f.tokens.get(k))
            .is_some_and(|t| t.article);
        if !article_before {
            // A name that starts with a capital has no descriptor to
            // narrow past.
            if first_tok == last_tok || f.tokens.get(first_tok).is_some_and(|t| t.capital) {
                return first_tok;
            }
        } else if !self.rules.article_may_be_descriptor() {
            // After an article (`al-Manar`, `al-Jaych al-Hurr`): the
            // article too, and no descriptor (unless an article may be
            // one, which `span_first_in_full` then tells).
            return first_tok - 1;
        }
        self.span_first_in_full(f, first_tok, last_tok)
    }

    /// [`Matcher::span_first`] for a name of several words or after an
    /// article.
    #[inline(never)]
    fn span_first_in_full(&self, f: &Folded<'_>, first_tok: usize, last_tok: usize) -> usize {
        let mut first = first_tok;
        if first > 0 && f.tokens[first - 1].article {
            first -= 1;
        }
        // After a descriptor, its adjectives and articles go too
        // (`agence officielle SANA`, `chaîne de l'Anti-Liban`), up to an
        // Arabic article that belongs to the name (`télévision al-Manar`).
        let mut after_descriptor = false;
        while first < last_tok
            && !f.tokens[first].capital
            && (self.rules.is_descriptor(f.basic_of(first))
                || (after_descriptor && !f.tokens[first].article))
            && (first + 1..=last_tok).any(|k| f.tokens[k].capital)
        {
            after_descriptor = true;
            first += 1;
        }
        first
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MentionOf {
    Entry(u32),
    Local(usize),
}

/// The skeleton of tokens `first..end` (articles left out), the key that
/// links later mentions of a name found from context.
fn local_key(f: &Folded<'_>, first: usize, end: usize) -> Vec<u8> {
    let mut key = Vec::new();
    let has_digit = |k: usize| f.basic_of(k).iter().any(u8::is_ascii_digit);
    if !(first..end.min(f.tokens.len())).any(has_digit) {
        f.skeleton_view_into(first, end, &mut key);
        return key;
    }
    // A unit's number is kept as written: the skeleton folds doubled
    // letters, and "brigade 44" is not "brigade 4".
    for k in first..end.min(f.tokens.len()) {
        if f.tokens[k].article {
            continue;
        }
        if !key.is_empty() {
            key.push(b' ');
        }
        if has_digit(k) {
            key.extend_from_slice(f.basic_of(k));
        } else {
            f.skeleton_view_into(k, k + 1, &mut key);
        }
    }
    key
}

fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Place => "place",
        EntityKind::ArmedGroup => "armed_group",
        EntityKind::Organization => "organization",
        EntityKind::Media => "media",
        EntityKind::Person => "person",
    }
}

fn slug(key: &[u8]) -> String {
    let mut s = String::with_capacity(key.len());
    for &b in key {
        match b {
            b'S' => s.push_str("sh"),
            b' ' => s.push('-'),
            b if b.is_ascii_alphanumeric() => s.push(b.to_ascii_lowercase() as char),
            _ => {}
        }
    }
    if s.is_empty() { "x".to_string() } else { s }
}

/// A name found from context (tokens `l.first..l.end`, skeleton key `key`):
/// its document-local id, kind and first span.
fn local_entity(
    f: &Folded<'_>,
    l: &crate::context::LocalName,
    key: &[u8],
) -> (EntityId, EntityKind, Span) {
    let id = format!("local:{}:{}", kind_word(l.kind), slug(key));
    let span = Span::new(f.tokens[l.first].start(), f.tokens[l.end - 1].end());
    (EntityId::from(id), l.kind, span)
}

// Out of line: inlined in `find_in`, it took registers from the code
// around it.
#[inline(never)]
fn assemble(
    tables: &Tables,
    entry_ids: &[EntityId],
    text: &str,
    f: &Folded<'_>,
    mut spans: Vec<(usize, usize, MentionOf)>,
    locals: &[(EntityId, EntityKind, Span)],
    entity_of: &mut [u32],
) -> Entities {
    spans.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
    // Entities are fewer than mentions; news names a few dozen per
    // article: room for as many, so that the vector seldom grows.
    let entities_room = spans.len().min(64);
    let mut out = Entities {
        entities: Vec::with_capacity(entities_room),
        // At most one mention per span: no regrowth.
        mentions: Vec::with_capacity(spans.len()),
    };
    // Entities by entry (entry ids are unique and never `local:`), in
    // `entity_of` (one per entry, all `NO_ENTITY` on entry and on return:
    // the entries set are in `entries_set`), names from context by their
    // id (two keys may slug to one id): no string hashed or cloned per
    // look-up of an entry, no hash per mention of one.
    let mut entries_set: Vec<u32> = Vec::with_capacity(entities_room);
    let mut by_local_id: FastMap<&str, usize> = FastMap::default();
    // The entity of each mention, and each entity's number of mentions:
    // the mentions go to their entities afterwards, each entity's vector
    // made at its size (pushed one by one, they grew by doubling, a copy
    // each time: 0.36 M instructions over the 1 MiB corpus).
    let mut owners: Vec<u32> = Vec::with_capacity(spans.len());
    let mut counts: Vec<u32> = Vec::with_capacity(entities_room);
    let mut last_end = 0usize;
    for (first, end, of) in spans {
        let span = Span::new(f.tokens[first].start(), f.tokens[end - 1].end());
        if span.start < last_end || span.is_empty() {
            continue;
        }
        last_end = span.end;
        let (id, kind): (&EntityId, EntityKind) = match of {
            MentionOf::Entry(e) => (&entry_ids[e as usize], tables.entries[e as usize].kind),
            MentionOf::Local(ix) => (&locals[ix].0, locals[ix].1),
        };
        let known = match of {
            MentionOf::Entry(e) => entity_of
                .get(e as usize)
                .filter(|&&ix| ix != NO_ENTITY)
                .map(|&ix| ix as usize),
            MentionOf::Local(_) => by_local_id.get(id.as_str()).copied(),
        };
        let ix = match known {
            Some(ix) => ix,
            None => {
                // The name is looked up once per entity, not per mention.
                let name = match of {
                    MentionOf::Entry(e) => tables.entries[e as usize].name.clone(),
                    MentionOf::Local(ix) => {
                        let first_span = locals[ix].2;
                        text.get(first_span.start..first_span.end)
                            .unwrap_or("")
                            .to_string()
                    }
                };
                out.entities.push(Entity {
                    id: id.clone(),
                    kind,
                    name,
                    mentions: Vec::new(),
                });
                counts.push(0);
                let ix = out.entities.len() - 1;
                match of {
                    MentionOf::Entry(e) => {
                        if let Some(slot) = entity_of.get_mut(e as usize) {
                            // Entity indices are below the number of
                            // mentions, itself below `u32::MAX`.
                            *slot = ix as u32;
                            entries_set.push(e);
                        }
                    }
                    MentionOf::Local(_) => {
                        by_local_id.insert(id.as_str(), ix);
                    }
                }
                ix
            }
        };
        if let Some(count) = counts.get_mut(ix) {
            *count += 1;
        }
        // Entity indices are below the number of mentions.
        owners.push(ix as u32);
        out.mentions.push(Mention {
            span,
            id: id.clone(),
            kind,
        });
    }
    for &e in &entries_set {
        if let Some(slot) = entity_of.get_mut(e as usize) {
            *slot = NO_ENTITY;
        }
    }
    for (entity, &count) in out.entities.iter_mut().zip(&counts) {
        entity.mentions = Vec::with_capacity(count as usize);
    }
    for (m, &owner) in out.mentions.iter().zip(&owners) {
        if let Some(entity) = out.entities.get_mut(owner as usize) {
            entity.mentions.push(m.span);
        }
    }
    out
}

/// No name runs across a line break or a bar ("Liban | Sud-Liban", a
/// rubric and its section): whether one stands between tokens `first` and
/// `last`. Other punctuation is a name's own ("George W. Bush"). Asked of
/// the names the walk found only, not at each of its steps.
#[inline(never)]
fn crosses_layout(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    tokens.get(first..last).is_some_and(|between| {
        between.iter().any(|t| matches!(t.sep_after, Sep::Punct))
            && tokens.get(last).is_some_and(|end| {
                text.as_bytes()
                    .get(between[0].end()..end.start())
                    .is_some_and(|gap| gap.iter().any(|&b| matches!(b, b'\n' | b'|')))
            })
    })
}

/// True when `last`, the final word of a match, is `est` in lowercase after
/// a space: the verb *être* (`la Ghouta est assiégée`), which folds like the
/// compass word of `Ghouta-Est` or `Alep Est`. Names end in `Est` written
/// with a capital or joined by a hyphen.
fn ends_with_verb_est(text: &str, last: &Token) -> bool {
    let bytes = text.as_bytes();
    bytes.get(last.start()..last.end()) == Some(b"est".as_slice())
        && last
            .start()
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_some_and(|b| b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entities of a text are the same whether the thread's scratch
    /// (its table of entries' entities among them) served other texts
    /// before or is fresh, and each entity has the mentions of its id.
    #[test]
    fn entities_are_the_same_after_other_texts() {
        let lexicon = crate::Lexicon::embedded();
        let (matcher, tables) = (&lexicon.matcher, &lexicon.tables);
        let texts = [
            "Le Hezbollah a bombardé Alep. À Damas, le régime de Bachar al-Assad \
             dément. Le Hezbollah, présent à Alep et au Liban, répond.",
            "Au Liban, Beyrouth attend. Alep et Damas sont loin ; Idleb aussi. \
             Le Liban et la Syrie, Damas en tête.",
            "Raqqa, Deir Ezzor et Palmyre : l'armée syrienne avance vers Raqqa, \
             selon l'OSDH. Alep reste calme.",
        ];
        let mut kept = Scratch::new(matcher.id, 0);
        let mut found = 0;
        for round in 0..2 {
            for text in texts {
                let fresh =
                    matcher.find_with(tables, text, &mut Scratch::new(matcher.id, text.len()));
                let reused = matcher.find_with(tables, text, &mut kept);
                assert_eq!(reused, fresh, "round {round}: {text}");
                assert!(kept.entity_of.iter().all(|&ix| ix == NO_ENTITY));
                for e in &fresh.entities {
                    let spans: Vec<Span> = fresh
                        .mentions
                        .iter()
                        .filter(|m| m.id == e.id)
                        .map(|m| m.span)
                        .collect();
                    assert_eq!(e.mentions, spans, "{text}");
                }
                found += fresh.entities.len();
            }
        }
        assert!(found >= 16, "{found}");
    }

    /// The span of a name told without `span_first_in_full` (after an
    /// article, from a capital, of one word) is the one it tells.
    #[test]
    fn spans_after_articles_are_those_told_in_full() {
        let matcher = &crate::Lexicon::embedded().matcher;
        assert!(!matcher.rules.article_may_be_descriptor());
        let text = "selon al-Manar, el Bab et as-Safir, Al Qaïm, az-Zor, ad-Dana, \
                    la chaîne al-Mayadeen, l'agence al Hadath et AL-Nour, \
                    la télévision al-Manar, le président Bachar al-Assad, \
                    l'agence officielle SANA, la chaîne de l'Anti-Liban";
        let f = crate::fold::fold(text);
        let mut told = 0;
        for t in 0..f.tokens.len() {
            for last in t..(t + 4).min(f.tokens.len()) {
                assert_eq!(
                    matcher.span_first(&f, t, last),
                    matcher.span_first_in_full(&f, t, last),
                    "tokens {t}..={last}"
                );
            }
            told += usize::from(t > 0 && f.tokens[t - 1].article);
        }
        assert!(told >= 9, "{told}");
    }

    /// An outcome kept for a long span is given back for that span (byte
    /// for byte) and pattern only, whatever the slots' collisions.
    #[test]
    fn kept_long_spans_are_those_of_their_span_and_pattern() {
        // 256 slots, and 16 (fifteen keys: many share a slot or its
        // neighbour).
        for text_len in [1 << 16, 1 << 12] {
            kept_long_spans_in(SpanOutcomes::for_text(text_len));
        }
        // No table, no outcome.
        let none = SpanOutcomes::for_text(0);
        assert!(none.long_slots.is_empty());
        assert_eq!(none.lookup_long(b"Forces democratiques syriennes", 0), None);
    }

    fn kept_long_spans_in(mut outcomes: SpanOutcomes) {
        let spans: [&[u8]; 5] = [
            b"Forces democratiques syriennes",
            b"Forces democratiques syriennez",
            b"forces democratiques syriennes",
            b"Observatoire syrien des droits de l'homme",
            b"Observatoire syrien des droits de l'hommes",
        ];
        // The outcome of a span and pattern: a function of both.
        let outcome = |k: usize, pattern: u32| -> CapitalOutcome {
            (
                Some((k as u32 * 10 + pattern, k.is_multiple_of(2))),
                Some(pattern),
            )
        };
        let mut kept: Vec<(usize, u32)> = Vec::new();
        for round in 0..3 {
            for (k, span) in spans.iter().enumerate() {
                for pattern in [0, 1, 7] {
                    match outcomes.lookup_long(span, pattern) {
                        Some(got) => {
                            assert!(kept.contains(&(k, pattern)), "round {round}, span {k}");
                            assert_eq!(got, outcome(k, pattern), "round {round}, span {k}");
                        }
                        None => {
                            outcomes.store_long(span, pattern, outcome(k, pattern));
                            kept.push((k, pattern));
                        }
                    }
                }
            }
        }
        // Some kept the first time round.
        assert!(kept.len() < 45, "{}", kept.len());
    }

    /// A step kept for a word is given back for that word and state only:
    /// short words by their packed form, words of nine to sixteen bytes
    /// by their sixteen.
    #[test]
    fn kept_steps_are_those_of_their_word_and_state() {
        let mut steps = Steps::for_text(1 << 16);
        let state = |n: usize| StateID::new(n).unwrap_or(StateID::ZERO);
        // The step a walk would make: a function of the word and state.
        let walk = |from: StateID, word: &[u8]| {
            let sum: usize = word.iter().map(|&b| usize::from(b)).sum();
            (state(from.as_usize() * 7 + sum), word.len() as u32)
        };
        let words: [&[u8]; 8] = [
            b"de",
            b"la",
            b"bombarde",
            b"bombardement",
            b"bombardements",
            b"bombardementz",
            b"internationales",
            b"anticonstitutionnellement",
        ];
        for round in 0..3 {
            for (k, word) in words.iter().enumerate() {
                for from in [state(0), state(3), state(40)] {
                    let packed = (round == 1 && word.len() <= 8).then(|| crate::fold::pack(word));
                    let got = steps.get(from, || word, packed, |w| walk(from, w));
                    assert_eq!(got, walk(from, word), "round {round}, word {k}");
                }
            }
        }
        // A table of 64 slots for 400 words and states: most share a slot
        // or its neighbour.
        let mut small = Steps::for_text(1024);
        assert_eq!(small.slots.len(), 64);
        let many: Vec<Vec<u8>> = (0..40)
            .map(|k| format!("m{k}{}", "o".repeat(k % 14)).into_bytes())
            .collect();
        for round in 0..3 {
            for (k, word) in many.iter().enumerate() {
                for from in (0..10).map(|n| state(n * 13 + round)) {
                    let packed = (round == 1 && word.len() <= 8).then(|| crate::fold::pack(word));
                    let got = small.get(from, || word, packed, |w| walk(from, w));
                    assert_eq!(got, walk(from, word), "round {round}, word {k}");
                }
            }
        }
    }
}
