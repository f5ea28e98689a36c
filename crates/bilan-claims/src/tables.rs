//! The rule tables of `data/meaning/`, parsed once per process.

use crate::model::{Outcome, Victims};
use crate::words::{TokenKind, Words, fold};
use bilan_lexicon::EntityKind;
use once_cell::sync::Lazy;

/// A map keyed by words, with the fast word hasher.
pub(crate) type WordMap<V> = crate::quantity::WordMap<V>;

/// A problem in an embedded data file (caught by the crate's tests).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {kind}")]
pub struct DataError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub kind: DataErrorKind,
}

/// What is wrong with a data line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// Fewer tab-separated fields than the file needs.
    #[error("missing field")]
    MissingField,
    /// A field whose value is not one the file allows.
    #[error("unknown value {0:?}")]
    UnknownValue(String),
    /// A phrase that is not in folded form (lower case, no accents).
    #[error("phrase {0:?} is not folded")]
    NotFolded(String),
}

/// One word of a phrase: exact, or a prefix when written with a final `*`.
#[derive(Debug, Clone)]
struct Pattern {
    text: String,
    prefix: bool,
}

impl Pattern {
    fn matches_bytes(&self, word: &[u8]) -> bool {
        if self.prefix {
            word.starts_with(self.text.as_bytes())
        } else {
            word == self.text.as_bytes()
        }
    }
}

/// A set of phrases, each with a value, matched on folded tokens.
#[derive(Debug)]
pub(crate) struct PhraseSet<T> {
    entries: Vec<(Vec<Pattern>, T)>,
    by_first_word: WordMap<Vec<usize>>,
    /// The first entry of each phrase that is one exact word: what
    /// `word_value` finds for that word, with one lookup.
    single_exact: WordMap<usize>,
    /// Entries whose first word is a prefix, by a hash of the prefix's
    /// first `stem_len` bytes: a word is compared with the few stems that
    /// share its first bytes, not with all those sharing its first letter.
    stem_buckets: Vec<Vec<usize>>,
    /// A quick reject for `by_first_word`: one bit per (length, first
    /// byte, last byte) of its words, so that most words of a sentence,
    /// which start no phrase, cost no hash lookup.
    exact_shapes: Box<Bitmap>,
    /// The same for prefix patterns ("tue*"): the length of the shortest
    /// stem (`None` without any), and one bit per hash of the first that
    /// many bytes of each stem.
    stem_len: Option<usize>,
    stem_bits: Box<Bitmap>,
    /// The first bytes of the stems (one bit each), tested before the
    /// stem's hash: a word starting with another byte starts no stem, and
    /// most words of a sentence are ruled out without hashing.
    stem_first_bytes: [u64; 4],
    /// The first two bytes of the stems (`prefix_pair_bit`), tested next:
    /// most words starting with a stem's first byte ("de", "les", "a")
    /// share no stem's second byte, and are not hashed either.
    stem_pairs: Box<Bitmap>,
    /// Shapes of the first words of one-word phrases, and of the second
    /// words of longer ones: a frequent first word ("a", "de") that starts
    /// only longer phrases is ruled out by the shape of the word after it.
    single_shapes: Box<Bitmap>,
    second_shapes: Box<Bitmap>,
    /// The pairs of shapes (`pair_bit`) of the exact first and second
    /// words of the phrases longer than one word: a first word followed
    /// by a word that is the second of some other phrase ("a" + "la") is
    /// ruled out too, as `second_shapes` alone does not.
    pair_shapes: Box<Bitmap>,
    /// Shapes of the first words whose second word is a prefix
    /// ("mortellement bless*"): those may start a phrase whatever word
    /// follows.
    prefix_second: Box<Bitmap>,
    /// Shapes of the last words of the phrases, and the length of the
    /// shortest that is a prefix ("bless*"): a token no phrase can end
    /// with is ruled out at once in `ending_at`.
    last_shapes: Box<Bitmap>,
    last_prefix_len: usize,
    /// The first two bytes of the last-word prefixes of two bytes or more
    /// (`prefix_pair_bit`), and the first bytes of the shorter ones: a word
    /// is one of those prefixes' only when its first two bytes, or its
    /// first byte, are there ("d*" ends any "d…" word, "martyr*" only
    /// "ma…" words).
    last_prefix_pairs: Box<Bitmap>,
    last_short_prefix_bytes: [u64; 4],
    /// The (shape of the exact first word, number of words) of each
    /// phrase (`length_bit`): `ending_at` tries a start only when some
    /// phrase of the length that would end there starts with its shape
    /// (or with a stem).
    length_shapes: Box<Bitmap>,
    /// For the phrases of two words or more whose first word is a prefix:
    /// the shapes of their exact last words, the first two bytes of their
    /// prefix last words (`prefix_pair_bit`), and whether one of those is
    /// shorter. `ending_at` tests the stems of the words before a token
    /// only when it may end one of them, as few tokens may.
    stem_phrase_last_shapes: Box<Bitmap>,
    stem_phrase_last_pairs: Box<Bitmap>,
    stem_phrase_short_last: bool,
    longest: usize,
    /// The flag of `START_FLAGS` (`Token::flags`) that words this set's
    /// phrases may start with carry, for the sets read across whole
    /// sentences (`next_longest`); 0 for the others.
    start_flag: u8,
}

/// Buckets of `PhraseSet::stem_buckets`.
const STEM_BUCKETS: usize = 256;

/// Bits of `PhraseSet::exact_shapes`.
pub(crate) const SHAPE_BITS: usize = 1 << 14;

/// Words of a bitmap of `SHAPE_BITS` bits.
pub(crate) const SHAPE_WORDS: usize = SHAPE_BITS / 64;

/// A bitmap of `SHAPE_BITS` bits: a fixed size, so that the word of a
/// bit (taken modulo the size) needs no bounds check.
pub(crate) type Bitmap = [u64; SHAPE_WORDS];

/// Sets `bit` in a bitmap.
pub(crate) fn set_bit(bits: &mut Bitmap, bit: usize) {
    if let Some(cell) = bits.get_mut(bit / 64 % SHAPE_WORDS) {
        *cell |= 1 << (bit % 64);
    }
}

/// Whether `bit` (below `SHAPE_BITS`) is set in a bitmap.
#[inline]
pub(crate) fn has_bit(bits: &Bitmap, bit: usize) -> bool {
    bits.get(bit / 64 % SHAPE_WORDS)
        .is_some_and(|cell| cell & (1 << (bit % 64)) != 0)
}

/// The bit of a phrase's first two words among `SHAPE_BITS`, from their
/// shapes (each below `SHAPE_BITS`).
#[inline]
fn pair_bit(first: usize, second: usize) -> usize {
    let key = u64::try_from(first << 14 | second).unwrap_or(0);
    // The high bits of the product mix all of the key's.
    usize::try_from(key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 50).unwrap_or(0) % SHAPE_BITS
}

/// The bit of the first two bytes of a word among `SHAPE_BITS`.
#[inline]
fn prefix_pair_bit(first: u8, second: u8) -> usize {
    (usize::from(first) << 6 ^ usize::from(second)) % SHAPE_BITS
}

/// The bit of a phrase's first word's shape and number of words among
/// `SHAPE_BITS`.
#[inline]
fn length_bit(first: usize, len: usize) -> usize {
    (first ^ len.wrapping_mul(0x2c9b)) % SHAPE_BITS
}

/// The bit of the first bytes of a word among `SHAPE_BITS`.
fn stem_bit(head: &[u8]) -> usize {
    let hash = head.iter().fold(0x811c_9dc5_u32, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    usize::try_from(hash).unwrap_or(0) % SHAPE_BITS
}

/// The bit of a word's shape in `PhraseSet::exact_shapes`: its length,
/// first, second and last bytes.
pub(crate) fn shape(word: &str) -> usize {
    shape_of_bytes(word.as_bytes())
}

/// `shape` of a word's bytes.
pub(crate) fn shape_of_bytes(bytes: &[u8]) -> usize {
    shape_of_parts(
        bytes.len(),
        bytes.first().copied().unwrap_or(0),
        bytes.get(1).copied().unwrap_or(0),
        bytes.last().copied().unwrap_or(0),
    )
}

/// `shape_of_bytes` of a word of `len` bytes, from its first, second (0
/// for none) and last bytes. Words sharing their length, first and last
/// letters ("syrienne", "souligne") are told apart by the second.
#[inline]
pub(crate) fn shape_of_parts(len: usize, first: u8, second: u8, last: u8) -> usize {
    let (first, second, last) = (usize::from(first), usize::from(second), usize::from(last));
    let len = len.min(31);
    ((len << 9) ^ (first << 4) ^ last.wrapping_mul(0x9e) ^ second.wrapping_mul(0x1d3)) % SHAPE_BITS
}

impl<T> PhraseSet<T> {
    fn new() -> PhraseSet<T> {
        PhraseSet {
            entries: Vec::new(),
            by_first_word: WordMap::default(),
            single_exact: WordMap::default(),
            stem_buckets: vec![Vec::new(); STEM_BUCKETS],
            exact_shapes: Box::new([0; SHAPE_WORDS]),
            stem_len: None,
            stem_bits: Box::new([0; SHAPE_WORDS]),
            stem_first_bytes: [0; 4],
            stem_pairs: Box::new([0; SHAPE_WORDS]),
            single_shapes: Box::new([0; SHAPE_WORDS]),
            second_shapes: Box::new([0; SHAPE_WORDS]),
            pair_shapes: Box::new([0; SHAPE_WORDS]),
            prefix_second: Box::new([0; SHAPE_WORDS]),
            last_shapes: Box::new([0; SHAPE_WORDS]),
            length_shapes: Box::new([0; SHAPE_WORDS]),
            stem_phrase_last_shapes: Box::new([0; SHAPE_WORDS]),
            stem_phrase_last_pairs: Box::new([0; SHAPE_WORDS]),
            stem_phrase_short_last: false,
            last_prefix_len: usize::MAX,
            last_prefix_pairs: Box::new([0; SHAPE_WORDS]),
            last_short_prefix_bytes: [0; 4],
            longest: 0,
            start_flag: 0,
        }
    }

    fn insert(&mut self, phrase: &str, value: T) {
        let patterns: Vec<Pattern> = phrase
            .split_whitespace()
            .map(|w| match w.strip_suffix('*') {
                Some(stem) => Pattern {
                    text: stem.to_owned(),
                    prefix: true,
                },
                None => Pattern {
                    text: w.to_owned(),
                    prefix: false,
                },
            })
            .collect();
        let Some(first) = patterns.first() else {
            return;
        };
        let index = self.entries.len();
        if first.prefix {
            self.add_stem(&first.text);
            if let Some(bucket) = self
                .stem_slot(&first.text)
                .and_then(|slot| self.stem_buckets.get_mut(slot))
            {
                bucket.push(index);
            }
        } else {
            let bit = shape(&first.text);
            set_bit(&mut self.exact_shapes, bit);
            set_bit(&mut self.length_shapes, length_bit(bit, patterns.len()));
            match patterns.get(1) {
                None => {
                    set_bit(&mut self.single_shapes, bit);
                    self.single_exact.entry(first.text.clone()).or_insert(index);
                }
                Some(second) if second.prefix => set_bit(&mut self.prefix_second, bit),
                Some(second) => {
                    set_bit(&mut self.second_shapes, shape(&second.text));
                    set_bit(&mut self.pair_shapes, pair_bit(bit, shape(&second.text)));
                }
            }
            self.by_first_word
                .entry(first.text.clone())
                .or_default()
                .push(index);
        }
        if let Some(last) = patterns.last() {
            if last.prefix {
                // An empty prefix ends every word: every first byte.
                match *last.text.as_bytes() {
                    [first, second, ..] => {
                        set_bit(&mut self.last_prefix_pairs, prefix_pair_bit(first, second));
                    }
                    [first] => {
                        if let Some(cell) = self
                            .last_short_prefix_bytes
                            .get_mut(usize::from(first / 64))
                        {
                            *cell |= 1 << (first % 64);
                        }
                    }
                    [] => self.last_short_prefix_bytes = [u64::MAX; 4],
                }
                self.last_prefix_len = self.last_prefix_len.min(last.text.len());
            } else {
                set_bit(&mut self.last_shapes, shape(&last.text));
            }
            if first.prefix && patterns.len() > 1 {
                match *last.text.as_bytes() {
                    [a, b, ..] if last.prefix => {
                        set_bit(&mut self.stem_phrase_last_pairs, prefix_pair_bit(a, b));
                    }
                    _ if last.prefix => self.stem_phrase_short_last = true,
                    _ => set_bit(&mut self.stem_phrase_last_shapes, shape(&last.text)),
                }
            }
        }
        self.longest = self.longest.max(patterns.len());
        self.entries.push((patterns, value));
    }

    /// Records a stem in the stem filter; when it is the shortest yet, the
    /// filter is rebuilt from the stems already in (a few dozen at most).
    fn add_stem(&mut self, stem: &str) {
        let len = stem.len();
        if self.stem_len.is_none_or(|k| len < k) {
            self.stem_len = Some(len);
            self.stem_bits.iter_mut().for_each(|cell| *cell = 0);
            self.stem_buckets.iter_mut().for_each(Vec::clear);
            // The stems already in, in entry order (so that each bucket
            // keeps the order in which its phrases were listed).
            let stems: Vec<(usize, String)> = self
                .entries
                .iter()
                .enumerate()
                .filter_map(|(index, (patterns, _))| {
                    patterns
                        .first()
                        .filter(|p| p.prefix)
                        .map(|p| (index, p.text.clone()))
                })
                .collect();
            for (index, other) in stems {
                self.set_stem_bit(&other);
                if let Some(bucket) = self
                    .stem_slot(&other)
                    .and_then(|slot| self.stem_buckets.get_mut(slot))
                {
                    bucket.push(index);
                }
            }
        }
        self.set_stem_bit(stem);
    }

    fn set_stem_bit(&mut self, stem: &str) {
        match stem.as_bytes().first() {
            Some(&first) => {
                if let Some(cell) = self.stem_first_bytes.get_mut(usize::from(first / 64)) {
                    *cell |= 1 << (first % 64);
                }
            }
            // An empty stem starts every word.
            None => self.stem_first_bytes = [u64::MAX; 4],
        }
        if let [first, second, ..] = *stem.as_bytes() {
            set_bit(&mut self.stem_pairs, prefix_pair_bit(first, second));
        }
        let Some(head) = self.stem_len.and_then(|k| stem.as_bytes().get(..k)) else {
            return;
        };
        let bit = stem_bit(head);
        set_bit(&mut self.stem_bits, bit);
    }

    /// The bucket of `stem_buckets` for a stem or a word: by its first
    /// `stem_len` bytes (`None` when shorter).
    fn stem_slot(&self, word: &str) -> Option<usize> {
        let head = self.stem_len.and_then(|k| word.as_bytes().get(..k))?;
        Some(stem_bit(head) % STEM_BUCKETS)
    }

    /// False when no stem of a prefix pattern can start `word`.
    fn stem_may_match_bytes(&self, word: &[u8]) -> bool {
        self.stem_hit(word).is_some()
    }

    /// Entries whose first word may match `word`, whose `shape` is known
    /// (a token's, computed when it was read). Each comes with
    /// whether its first word is known to match (an exact first word,
    /// found by `word` itself), which then need not be compared again.
    fn candidates_shaped<'s>(
        &'s self,
        word: &[u8],
        word_shape: usize,
        may_start: bool,
    ) -> impl Iterator<Item = (usize, bool)> + 's {
        let exact = may_start && has_bit(&self.exact_shapes, word_shape);
        let stem = if may_start { self.stem_hit(word) } else { None };
        self.candidates_from(word, exact, stem)
    }

    /// The stem bit of `word` when the stem filter has it (as
    /// `stem_may_match_bytes`), computed once for the filter and the bucket.
    fn stem_hit(&self, word: &[u8]) -> Option<usize> {
        let head = self.stem_len.and_then(|k| word.get(..k))?;
        if let Some(&first) = head.first()
            && self
                .stem_first_bytes
                .get(usize::from(first / 64))
                .is_none_or(|cell| cell & (1 << (first % 64)) == 0)
        {
            return None;
        }
        // (A stem shorter than two bytes makes `head` shorter too.)
        if let [first, second, ..] = *head
            && !has_bit(&self.stem_pairs, prefix_pair_bit(first, second))
        {
            return None;
        }
        let bit = stem_bit(head);
        has_bit(&self.stem_bits, bit).then_some(bit)
    }

    /// Entries whose first word may match `word`: those of its exact first
    /// word when `exact`, and the stems of its bucket when `stem` is its
    /// stem bit.
    fn candidates_from<'s>(
        &'s self,
        word: &[u8],
        exact: bool,
        stem: Option<usize>,
    ) -> impl Iterator<Item = (usize, bool)> + 's {
        let exact = if exact {
            self.by_first_word
                .get_bytes(word)
                .map(Vec::as_slice)
                .unwrap_or(&[])
        } else {
            &[]
        };
        // The stems sharing the word's first bytes (a superset of those
        // that start it), in the order they were listed.
        let prefixed = stem
            .and_then(|bit| self.stem_buckets.get(bit % STEM_BUCKETS))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        exact
            .iter()
            .map(|&index| (index, true))
            .chain(prefixed.iter().map(|&index| (index, false)))
    }

    /// Whether a phrase may start at token `i`, from its shape (and stem)
    /// alone: most words start none, and their shape says so before any
    /// lookup. `matches_unchecked` finds none where it is false.
    pub(crate) fn may_start_at(&self, words: &Words, i: usize) -> bool {
        self.token_may_start(words, i)
    }

    /// Every phrase matching at token `i`, as (length in tokens, value),
    /// without the shape test of `may_start_at` (the caller's, first: an
    /// iterator costs more to set up than that test).
    pub(crate) fn matches_unchecked<'s>(
        &'s self,
        words: &'s Words,
        i: usize,
    ) -> impl Iterator<Item = (usize, &'s T)> + 's {
        self.matches_if(words, i, true)
    }

    /// The phrases matching at token `i` when `may_start`, else none.
    fn matches_if<'s>(
        &'s self,
        words: &'s Words,
        i: usize,
        may_start: bool,
    ) -> impl Iterator<Item = (usize, &'s T)> + 's {
        let word = if may_start { words.norm_bytes(i) } else { b"" };
        // The token's shape is that of its folded form (of "" past the end).
        self.candidates_shaped(word, words.shape(i), may_start)
            .filter_map(move |(index, first_matches)| {
                let (patterns, value) = self.entries.get(index)?;
                // An exact first word was found by the token's own form.
                let skip = usize::from(first_matches && i < words.len());
                let all =
                    patterns.iter().enumerate().skip(skip).all(|(k, p)| {
                        i + k < words.len() && p.matches_bytes(words.norm_bytes(i + k))
                    });
                all.then_some((patterns.len(), value))
            })
    }

    /// The longest phrase matching at token `i` (the last listed of the
    /// longest ones).
    #[inline]
    pub(crate) fn longest_at<'s>(&'s self, words: &'s Words, i: usize) -> Option<(usize, &'s T)> {
        if !self.token_may_start(words, i) {
            return None;
        }
        self.longest_matching_at(words, i)
    }

    /// Whether a phrase longer than one word may start with exact words
    /// of shapes `first` and `second`: the second word's shape alone rules
    /// most pairs out, the pair's the rest.
    #[inline(always)]
    fn pair_may_start(&self, first: usize, second: usize) -> bool {
        has_bit(&self.second_shapes, second) && has_bit(&self.pair_shapes, pair_bit(first, second))
    }

    /// Whether a phrase may start at token `i`, from its shape alone.
    #[inline(always)]
    fn token_may_start(&self, words: &Words, i: usize) -> bool {
        let bit = words.shape(i);
        // Most words start no phrase: their shape says so at once.
        let exact = has_bit(&self.exact_shapes, bit) && self.exact_may_start(words, i);
        // The folded word is read only for tables with prefix patterns.
        exact || (self.stem_len.is_some() && self.stem_may_match_bytes(words.norm_bytes(i)))
    }

    /// The tests of `token_may_start` after the first word's shape is
    /// found among the exact first words' (`exact_shapes`): a phrase of
    /// one word, a prefix second word, or a known pair with the next.
    #[inline(always)]
    fn exact_may_start(&self, words: &Words, i: usize) -> bool {
        let bit = words.shape(i);
        has_bit(&self.single_shapes, bit)
            || has_bit(&self.prefix_second, bit)
            || self.pair_may_start(bit, words.shape(i + 1))
    }

    /// Whether a word of shape `shape` may start one of the phrases, as
    /// the first test of `next_start_by_shape` has it: an exact first word
    /// of its shape, or any word when some first word is a prefix.
    fn may_start_shape(&self, shape: usize) -> bool {
        has_bit(&self.exact_shapes, shape) || self.stem_len.is_some()
    }

    /// The first word token at or after `from` where a phrase may start
    /// (as `token_may_start` has it), for the tables read across whole
    /// sentences (attribution, days): a tight pass over the tokens' flags
    /// when the set has one (set on word tokens whose shape passes
    /// `may_start_shape`) and no stems, else over their shapes.
    fn next_start(&self, words: &Words, from: usize) -> Option<usize> {
        if self.start_flag == 0 || self.stem_len.is_some() {
            return self.next_start_by_shape(words, from);
        }
        // Without stems a word has the flag exactly when its shape is that
        // of an exact first word: the tests after that one remain, and no
        // folded word is read.
        let flag = self.start_flag;
        let tokens = &words.tokens;
        let mut i = from;
        while let Some(token) = tokens.get(i) {
            if token.flags & flag != 0 && self.exact_may_start(words, i) {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// `next_start` by the tokens' shapes and kinds. (Out of line: the
    /// flag walk's setup stays small.)
    #[inline(never)]
    fn next_start_by_shape(&self, words: &Words, from: usize) -> Option<usize> {
        let tokens = words.tokens.get(from..)?;
        let stems = self.stem_len.is_some();
        for (k, token) in tokens.iter().enumerate() {
            // The shape first: most tokens fail it, and then their kind
            // need not be read.
            let bit = usize::from(token.shape);
            if (has_bit(&self.exact_shapes, bit) || stems) && token.kind == TokenKind::Word {
                let i = from + k;
                if self.token_may_start(words, i) {
                    return Some(i);
                }
            }
        }
        None
    }

    /// False when no phrase can match anywhere in `words`: no token has the
    /// shape of a first word followed by the shape of a second word of a
    /// phrase starting with it (next token, or the one after it, which
    /// `ending_at_skipping` may reach), nor the stem of a prefix pattern. Then none of `longest_at`,
    /// `matches_unchecked`, `ending_at`, `ending_at_skipping` and `next_longest`
    /// finds anything in the sentence.
    pub(crate) fn may_match_in(&self, words: &Words) -> bool {
        (0..words.len()).any(|i| {
            let bit = words.shape(i);
            let exact = has_bit(&self.exact_shapes, bit)
                && (has_bit(&self.single_shapes, bit)
                    || has_bit(&self.prefix_second, bit)
                    || self.pair_may_start(bit, words.shape(i + 1))
                    || self.pair_may_start(bit, words.shape(i + 2)));
            exact || (self.stem_len.is_some() && self.stem_may_match_bytes(words.norm_bytes(i)))
        })
    }

    /// The longest phrase starting at each word token from `from` on, as
    /// `longest_at` finds it: the first token where one starts, with its
    /// length and value.
    pub(crate) fn next_longest<'s>(
        &'s self,
        words: &'s Words,
        mut from: usize,
    ) -> Option<(usize, usize, &'s T)> {
        loop {
            let i = self.next_start(words, from)?;
            if let Some((len, value)) = self.longest_matching_at(words, i) {
                return Some((i, len, value));
            }
            from = i + 1;
        }
    }

    // Out of line: inlined into `next_longest` and `longest_at`, the
    // whole pass ran some 60 000 more instructions on the samples.
    #[inline(never)]
    fn longest_matching_at<'s>(&'s self, words: &'s Words, i: usize) -> Option<(usize, &'s T)> {
        if self.stem_len.is_none() {
            return self.longest_exact_at(words, i);
        }
        let mut best: Option<(usize, &'s T)> = None;
        for found in self.matches_unchecked(words, i) {
            if best.is_none_or(|(len, _)| found.0 >= len) {
                best = Some(found);
            }
        }
        best
    }

    /// `longest_matching_at` in a set without stems: only the entries of
    /// the token's own word (an exact first word) may match, and no
    /// iterator over the stems' candidates is built.
    #[inline(always)]
    fn longest_exact_at<'s>(&'s self, words: &'s Words, i: usize) -> Option<(usize, &'s T)> {
        if !has_bit(&self.exact_shapes, words.shape(i)) {
            return None;
        }
        let indices = self.by_first_word.get_bytes(words.norm_bytes(i))?;
        // The first word is the token's own; past the end there is none.
        let skip = usize::from(i < words.len());
        let mut best: Option<(usize, &'s T)> = None;
        for (patterns, value) in indices.iter().filter_map(|&index| self.entries.get(index)) {
            let all = patterns
                .iter()
                .enumerate()
                .skip(skip)
                .all(|(k, p)| i + k < words.len() && p.matches_bytes(words.norm_bytes(i + k)));
            if all && best.is_none_or(|(len, _)| patterns.len() >= len) {
                best = Some((patterns.len(), value));
            }
        }
        best
    }

    /// The longest phrase ending right before token `end`, as (start token, value).
    pub(crate) fn ending_at<'s>(&'s self, words: &'s Words, end: usize) -> Option<(usize, &'s T)> {
        // The last word of a match is token `end - 1`.
        let last = end.checked_sub(1)?;
        if !self.token_may_end(words, last) {
            return None;
        }
        // Stems start a phrase of two words or more here only if its last
        // word may be token `last`: tested once rather than at each start.
        let long_stems = self.stem_len.is_some() && self.may_end_stem_phrase(words, last);
        let lowest = end.saturating_sub(self.longest);
        (lowest..end).find_map(|start| {
            let stems = long_stems || start == last;
            if !self.may_start_of_length(words, start, end - start, stems) {
                return None;
            }
            self.matches_unchecked(words, start)
                .find(|(len, _)| start + len == end)
                .map(|(_, v)| (start, v))
        })
    }

    /// Whether token `i` may be the last word of a phrase of two words or
    /// more starting with a stem (`stem_phrase_last_shapes`).
    #[inline]
    fn may_end_stem_phrase(&self, words: &Words, i: usize) -> bool {
        self.stem_phrase_short_last
            || has_bit(&self.stem_phrase_last_shapes, words.shape(i))
            || matches!(*words.norm_bytes(i), [a, b, ..]
                if has_bit(&self.stem_phrase_last_pairs, prefix_pair_bit(a, b)))
    }

    /// Whether a phrase of `len` words may start at token `i`: as
    /// `token_may_start`, with an exact first word of its shape starting
    /// a phrase of that length; phrases starting with a stem only when
    /// `stems` (false when none of that length may end where it would).
    #[inline]
    fn may_start_of_length(&self, words: &Words, i: usize, len: usize, stems: bool) -> bool {
        let bit = words.shape(i);
        let exact = has_bit(&self.length_shapes, length_bit(bit, len))
            && has_bit(&self.exact_shapes, bit)
            && self.exact_may_start(words, i);
        exact
            || (stems && self.stem_len.is_some() && self.stem_may_match_bytes(words.norm_bytes(i)))
    }

    /// Whether a phrase may end with token `i`: an exact last word of its
    /// shape, or a prefix last word its first byte and length allow.
    #[inline]
    fn token_may_end(&self, words: &Words, i: usize) -> bool {
        if has_bit(&self.last_shapes, words.shape(i)) {
            return true;
        }
        let word = words.norm_bytes(i);
        if word.len() < self.last_prefix_len {
            return false;
        }
        let has_byte = |bytes: &[u64; 4], b: u8| {
            bytes
                .get(usize::from(b / 64))
                .is_some_and(|cell| cell & (1 << (b % 64)) != 0)
        };
        match *word {
            [first, second, ..] => {
                has_byte(&self.last_short_prefix_bytes, first)
                    || has_bit(&self.last_prefix_pairs, prefix_pair_bit(first, second))
            }
            [first] => has_byte(&self.last_short_prefix_bytes, first),
            // Only an empty prefix ends an empty word.
            [] => self.last_short_prefix_bytes == [u64::MAX; 4],
        }
    }

    /// The longest phrase ending right before token `end` when token
    /// `skip` (inside it, not its first token) is left out, as (start
    /// token, value): "la mort" + "tragique" + "de" is "la mort de".
    pub(crate) fn ending_at_skipping<'s>(
        &'s self,
        words: &'s Words,
        end: usize,
        skip: usize,
    ) -> Option<(usize, &'s T)> {
        if skip >= end {
            return None;
        }
        let lowest = end.saturating_sub(self.longest + 1);
        (lowest..skip).find_map(|start| {
            let word = words.norm_bytes(start);
            self.candidates_shaped(word, words.shape(start), true)
                .find_map(|(index, _)| {
                    let (patterns, value) = self.entries.get(index)?;
                    let fits = start + patterns.len() + 1 == end
                        && patterns.iter().enumerate().all(|(k, p)| {
                            let at = start + k + usize::from(start + k >= skip);
                            p.matches_bytes(words.norm_bytes(at))
                        });
                    fits.then_some((start, value))
                })
        })
    }

    /// Whether a single word is in the set.
    pub(crate) fn contains_word(&self, word: &str) -> bool {
        self.word_value(word).is_some()
    }

    /// The value of a single word: that of its first exact one-word
    /// phrase, else of the first one-word stem starting it (as
    /// `word_value_by_candidates` finds it, going through the candidates).
    pub(crate) fn word_value(&self, word: &str) -> Option<&T> {
        self.word_value_shaped(word.as_bytes(), shape(word))
    }

    /// `word_value` of the folded form of token `i` ("" past the end),
    /// with the shape the token carries: the meaning layer asks it of
    /// every counted noun and of the words around it.
    pub(crate) fn token_value(&self, words: &Words, i: usize) -> Option<&T> {
        self.word_value_shaped(words.norm_bytes(i), words.shape(i))
    }

    /// Whether the folded form of token `i` is in the set (`token_value`).
    pub(crate) fn contains_token(&self, words: &Words, i: usize) -> bool {
        self.token_value(words, i).is_some()
    }

    /// `word_value` of a word whose shape is `word_shape`.
    #[inline]
    fn word_value_shaped(&self, word: &[u8], word_shape: usize) -> Option<&T> {
        if has_bit(&self.single_shapes, word_shape)
            && let Some(&index) = self.single_exact.get_bytes(word)
        {
            return self.entries.get(index).map(|(_, v)| v);
        }
        // No exact one-word phrase is the word: only a stem may be.
        let stem = self.stem_hit(word)?;
        self.candidates_from(word, false, Some(stem))
            .find_map(|(index, _)| {
                let (p, v) = self.entries.get(index)?;
                (p.len() == 1 && p.first().is_some_and(|first| first.matches_bytes(word)))
                    .then_some(v)
            })
    }

    /// `word_value` as it was: the candidates of the word's shape and
    /// stem, in turn.
    #[cfg(test)]
    pub(crate) fn word_value_by_candidates(&self, word: &str) -> Option<&T> {
        let bit = shape(word);
        let stem = self.stem_hit(word.as_bytes());
        if !(has_bit(&self.single_shapes, bit) || stem.is_some()) {
            return None;
        }
        let exact = has_bit(&self.exact_shapes, bit);
        let word = word.as_bytes();
        self.candidates_from(word, exact, stem)
            .find_map(|(index, _)| {
                let (p, v) = self.entries.get(index)?;
                (p.len() == 1 && p.first().is_some_and(|first| first.matches_bytes(word)))
                    .then_some(v)
            })
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The longest word of each phrase, as (its text, whether it is a
    /// prefix): a phrase matches only where a token matches that word.
    pub(crate) fn longest_words(&self) -> impl Iterator<Item = (&str, bool)> {
        self.entries.iter().filter_map(|(patterns, _)| {
            patterns
                .iter()
                .max_by_key(|p| p.text.len())
                .map(|p| (p.text.as_str(), p.prefix))
        })
    }
}

/// What an outcome word says and where it may stand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OutcomeCue {
    pub(crate) outcome: Outcome,
    pub(crate) noun: bool,
    pub(crate) after: bool,
    pub(crate) before: bool,
    pub(crate) needs_person: bool,
    /// A loss: the counted people are the subject's own ("a perdu"), not
    /// those its subject killed ("a éliminé", "abattant").
    pub(crate) loss: bool,
    /// A noun that counts people only after a figure, never after the
    /// article "un"/"une" ("45 corps", not "un corps d'homme").
    pub(crate) needs_numeral: bool,
    pub(crate) victims: Victims,
}

/// Who a counted noun is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VictimClass {
    Is(Victims),
    Member,
}

/// When an actor adjective applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Applies {
    Any,
    Soldiers,
}

/// The side a listed id has, by its exact line or its suffix in
/// `forces.tsv`.
fn listed_side(exact: &WordMap<Side>, suffixes: &[(String, Side)], id: &str) -> Option<Side> {
    exact.get(id).copied().or_else(|| suffix_side(suffixes, id))
}

/// How many parents up `lexicon_sides` looks (the lexicon's chains are
/// two or three deep; the bound keeps a cycle in user data harmless).
const PARENT_DEPTH: usize = 8;

/// The side of every armed group of the embedded lexicon: its
/// `forces.tsv` line by id, else that of its nearest listed parent (exact
/// line first, then suffix), else its own suffix line's, else militant.
fn lexicon_sides(exact: &WordMap<Side>, suffixes: &[(String, Side)]) -> WordMap<Side> {
    let lexicon = bilan_lexicon::Lexicon::embedded();
    let mut found = WordMap::default();
    for entry in lexicon.entries() {
        if entry.kind != EntityKind::ArmedGroup {
            continue;
        }
        let inherited = || {
            let mut parent = entry.parent.as_deref();
            for _ in 0..PARENT_DEPTH {
                let id = parent?;
                if let Some(side) = listed_side(exact, suffixes, id) {
                    return Some(side);
                }
                parent = lexicon.entry(id).and_then(|e| e.parent.as_deref());
            }
            None
        };
        // (An id listed twice takes the side its last entry inherits.)
        match exact.get(&entry.id).copied().or_else(inherited) {
            Some(side) => {
                found.insert(entry.id.clone(), side);
            }
            None => {
                let own = suffix_side(suffixes, &entry.id).unwrap_or(Side::Militant);
                found.entry(entry.id.clone()).or_insert(own);
            }
        }
    }
    found
}

/// The side of an armed group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    State,
    Allied,
    Militant,
}

/// Roles of attribution phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attribution {
    Lead,
    Verb,
}

/// What a common noun naming a speaker again stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerNoun {
    /// An entity of this kind ("le ministère": an organisation).
    Kind(EntityKind),
    /// A state's army ("l'armée"), not any armed group.
    Army,
    /// Only an entity of this kind whose name starts with the noun ("le
    /// Centre" after "Centre russe pour la réconciliation"), never merely
    /// the last of its kind (`by_name` rows: the noun is too common).
    Named(EntityKind),
    /// A person named before with this noun in his title ("le gouverneur"
    /// after "le gouverneur de Hama, Karim Salloum"; `person` rows).
    Title,
}

/// Roles of words around place names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceWord {
    Preposition,
    Noun,
    Determiner,
}

/// What a participle says of the place name next to it (`place_verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceVerb {
    /// "basée à X": X is a seat, not where a figure is.
    Seat,
    /// "des frappes attribuées à X": X acted, which says nothing of
    /// where the figure is.
    Agent,
    /// "X, située à …": what follows describes X.
    Situated,
    /// "X comptait 20.000 habitants": a place opening the sentence as
    /// this verb's subject holds the figures after it.
    Holds,
}

/// Day words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DayWord {
    Weekday(i8),
    Offset(i8),
    Strictly,
    Month(i8),
}

/// All the tables.
#[derive(Debug)]
pub(crate) struct Tables {
    pub(crate) outcomes: PhraseSet<OutcomeCue>,
    /// Longer phrases that an outcome phrase starts but that say no
    /// outcome (`none` rows of `outcomes.tsv`: "remis leurs armes lourdes").
    pub(crate) outcome_vetoes: PhraseSet<()>,
    pub(crate) victims: PhraseSet<VictimClass>,
    /// The rows of `victims.tsv` of several words ("casques bleus"), apart:
    /// looked up only where the one-word table misses, among few stems.
    pub(crate) victim_phrases: PhraseSet<VictimClass>,
    /// The nouns of `victims.tsv` marked `jihadist` ("terroristes",
    /// "takfiris"): their men belong to a jihadist group by default.
    pub(crate) jihadist_nouns: PhraseSet<()>,
    pub(crate) things: PhraseSet<()>,
    pub(crate) prenominal: PhraseSet<()>,
    /// Adjectives between a noun of the event and its "de" ("la mort
    /// tragique de").
    pub(crate) postnominal: PhraseSet<()>,
    /// Words naming strikes ("frappes", "raids").
    pub(crate) strikes: PhraseSet<()>,
    /// Nouns of a group whose number follows "de" ("une famille de sept
    /// personnes"): the verb agrees with the group.
    pub(crate) collective_nouns: PhraseSet<()>,
    pub(crate) function_words: PhraseSet<()>,
    pub(crate) actor_adjectives: PhraseSet<(Applies, String)>,
    forces_exact: WordMap<Side>,
    forces_suffix: Vec<(String, Side)>,
    /// The side of each armed group of the embedded lexicon
    /// (`lexicon_sides`): most ids asked are theirs, found with one lookup.
    lexicon_sides: once_cell::sync::OnceCell<WordMap<Side>>,
    /// Nouns that, after "notre", name the publisher itself ("notre
    /// chaîne"), folded (`outlets.tsv`).
    pub(crate) own_media_nouns: WordMap<()>,
    /// Nouns that, after "notre"/"nos", are the publisher's reporters
    /// ("notre correspondant"), folded; `true` for a person, who is one
    /// after "le" too (`staff` rows).
    pub(crate) reporter_nouns: WordMap<bool>,
    /// (words of a dateline's line, the id of the one outlet printing them).
    pub(crate) outlet_signatures: Vec<(String, String)>,
    /// Words that may follow an outlet's name on its masthead line
    /// ("Al Mayadeen | Français"), folded.
    pub(crate) masthead_words: WordMap<()>,
    pub(crate) attribution: PhraseSet<Attribution>,
    /// Common nouns that name again a speaker already named ("le
    /// ministère", "la chaîne"), with the kind of entity they stand for.
    pub(crate) speaker_nouns: WordMap<SpeakerNoun>,
    /// Nouns of men who speak for themselves ("X, un combattant de la
    /// brigade 14"), not for the group named after them.
    pub(crate) private_speakers: PhraseSet<()>,
    /// Honorifics that stand without an article between an apposition's
    /// comma and a name ("le chef du Hezbollah, sayyed Hassan Nasrallah").
    pub(crate) honorifics: WordMap<()>,
    /// Nouns of speakers who are not named ("une source", "un
    /// responsable"), each with a number of its own.
    pub(crate) anonymous_speakers: WordMap<u16>,
    /// Words between an auxiliary and its speech verb ("a pour sa part
    /// annoncé", "ont par ailleurs affirmé").
    pub(crate) verb_inserts: PhraseSet<()>,
    places: WordMap<PlaceWord>,
    /// The shapes of the words of `places`: most tokens are ruled out
    /// before any lookup.
    place_shapes: Box<Bitmap>,
    place_verbs: WordMap<PlaceVerb>,
    /// The same for the words of `place_verbs`, asked of a clause's first
    /// word and of the word after each place.
    place_verb_shapes: Box<Bitmap>,
    /// Abbreviated titles ("M.", "Dr"), whose stop ends no sentence.
    pub(crate) titles: PhraseSet<()>,
    pub(crate) days: PhraseSet<DayWord>,
}

impl Tables {
    /// What token `i` is to a place name before it (`places.tsv`), if anything.
    pub(crate) fn place_word(&self, words: &Words, i: usize) -> Option<PlaceWord> {
        if i >= words.len() || !has_bit(&self.place_shapes, words.shape(i)) {
            return None;
        }
        self.places.get_bytes(words.norm_bytes(i)).copied()
    }

    /// What the word of token `i` says of a place name next to it
    /// (`place_verbs.tsv`), if anything.
    pub(crate) fn place_verb(&self, words: &Words, i: usize) -> Option<PlaceVerb> {
        if i >= words.len() || !has_bit(&self.place_verb_shapes, words.shape(i)) {
            return None;
        }
        self.place_verbs.get_bytes(words.norm_bytes(i)).copied()
    }

    /// Whether `word`, as written ("Située"), is a `situated` participle
    /// of `place_verbs.tsv`.
    pub(crate) fn is_situating_participle(&self, word: &str) -> bool {
        self.place_verbs
            .get_bytes(crate::words::fold(word).as_bytes())
            == Some(&PlaceVerb::Situated)
    }

    /// The side of an armed group id (unlisted groups are militant).
    pub(crate) fn side(&self, id: &str) -> Side {
        // A unit the lexicon files under a listed force ("104e brigade"
        // under the Republican Guard, the councils under the SDF) is on its
        // side. The lexicon's groups are resolved once per process, on the
        // first call (the embedded lexicon, which has made the ids, is
        // built by then); other ids are read from `forces.tsv`.
        if let Some(side) = self
            .lexicon_sides
            .get_or_init(|| lexicon_sides(&self.forces_exact, &self.forces_suffix))
            .get(id)
        {
            return *side;
        }
        if let Some(side) = self.forces_exact.get(id) {
            return *side;
        }
        suffix_side(&self.forces_suffix, id).unwrap_or(Side::Militant)
    }
}

/// The side `forces.tsv` gives `id` by a `*suffix` line, if any.
fn suffix_side(suffixes: &[(String, Side)], id: &str) -> Option<Side> {
    // Most ids are of no listed group and end with none of the suffixes:
    // their last bytes rule most out without a `memcmp`.
    let last = id.as_bytes().last();
    suffixes
        .iter()
        .find(|(suffix, _)| {
            let tail = suffix.as_bytes().last();
            (tail.is_none() || tail == last) && id.ends_with(suffix.as_str())
        })
        .map(|(_, side)| *side)
}

const OUTCOMES: &str = include_str!("../data/meaning/outcomes.tsv");
const VICTIMS: &str = include_str!("../data/meaning/victims.tsv");
const THINGS: &str = include_str!("../data/meaning/things.tsv");
const PRENOMINAL: &str = include_str!("../data/meaning/prenominal.tsv");
const POSTNOMINAL: &str = include_str!("../data/meaning/postnominal.tsv");
const STRIKES: &str = include_str!("../data/meaning/strikes.tsv");
const COLLECTIVE_NOUNS: &str = include_str!("../data/meaning/collective_nouns.tsv");
const FUNCTION_WORDS: &str = include_str!("../data/meaning/function_words.tsv");
const ACTOR_ADJECTIVES: &str = include_str!("../data/meaning/actor_adjectives.tsv");
const FORCES: &str = include_str!("../data/meaning/forces.tsv");
const ATTRIBUTION: &str = include_str!("../data/meaning/attribution.tsv");
const PLACES: &str = include_str!("../data/meaning/places.tsv");
const DAYS: &str = include_str!("../data/meaning/days.tsv");
const PLACE_VERBS: &str = include_str!("../data/meaning/place_verbs.tsv");
const TITLES: &str = include_str!("../data/meaning/titles.tsv");
const OUTLETS: &str = include_str!("../data/meaning/outlets.tsv");

/// The embedded tables, parsed on first use.
pub(crate) static TABLES: Lazy<Tables> =
    Lazy::new(|| Tables::parse().expect("embedded data files are validated by the crate's tests"));

/// Flags of `START_FLAGS`: a word of the shape may be a trigger of the
/// scan for figures (`Lexicon::may_be_trigger`).
pub(crate) const MAY_TRIGGER: u8 = 1;
/// Not a word's flag: a number token (`Words::marked` has them all).
pub(crate) const NUMBER: u8 = 2;
/// …may start an attribution phrase (`PhraseSet::may_start_shape`).
pub(crate) const MAY_ATTRIBUTE: u8 = 4;
/// …may start a day phrase.
pub(crate) const MAY_DATE: u8 = 8;
/// …may be a word after an article "un"/"une" that changes it
/// (`Lexicon::after_article`).
pub(crate) const MAY_CHANGE_ARTICLE: u8 = 16;
/// …may end a qualifier, name or idiom that changes an article after it.
pub(crate) const MAY_END_ARTICLE_CONTEXT: u8 = 32;
/// …may open the group a noun belongs to ("parmi", "rangs",
/// `meaning::RANKS_WORDS`) or a topic ("parmi", "sur",
/// `meaning::TOPIC_WORDS`): one flag for both, their words being rare.
pub(crate) const MAY_OPEN_RANKS: u8 = 64;
/// The same flag, read for topics.
pub(crate) const MAY_OPEN_TOPIC: u8 = MAY_OPEN_RANKS;
/// …may be a word the scan's number tables know (`Lexicon::facts`).
pub(crate) const MAY_HAVE_FACTS: u8 = 128;

/// For each token shape, what a word of that shape may be: the start of
/// one of the things looked for across whole sentences, a word next to an
/// article that changes it, an opener of ranks or topics, a word the
/// number tables know. The tokeniser gives each word its flags
/// (`Token::flags`) and lists the possible triggers of the scan for
/// figures (`Words::marked`), which the scan reads instead of every
/// token; the attribution and day phrases are looked for at the words
/// with their flag, and a word without a flag is no such word (its
/// lookup is spared). A word matches a table's word only if both have
/// the same shape once folded, so a clear flag is a sure answer.
pub(crate) static START_FLAGS: Lazy<Box<[u8; SHAPE_BITS]>> = Lazy::new(|| {
    let lexicon = &*crate::quantity::LEXICON;
    let mut flags = Box::new([0; SHAPE_BITS]);
    let tables = &*TABLES;
    for (shape, cell) in flags.iter_mut().enumerate() {
        if lexicon.may_be_trigger(shape) {
            *cell |= MAY_TRIGGER;
        }
        if tables.attribution.may_start_shape(shape) {
            *cell |= MAY_ATTRIBUTE;
        }
        if tables.days.may_start_shape(shape) {
            *cell |= MAY_DATE;
        }
    }
    // A word matches a table's word only if both fold alike, to one shape.
    for (word, before) in lexicon.article_neighbours() {
        let flag = if before {
            MAY_END_ARTICLE_CONTEXT
        } else {
            MAY_CHANGE_ARTICLE
        };
        if let Some(cell) = flags.get_mut(shape(&crate::words::fold(word))) {
            *cell |= flag;
        }
    }
    for word in lexicon.fact_words() {
        if let Some(cell) = flags.get_mut(shape(&crate::words::fold(word))) {
            *cell |= MAY_HAVE_FACTS;
        }
    }
    let opening = [
        (&crate::meaning::RANKS_WORDS, MAY_OPEN_RANKS),
        (&crate::meaning::TOPIC_WORDS, MAY_OPEN_TOPIC),
    ];
    for (words, flag) in opening {
        for word in words {
            if let Some(cell) = flags.get_mut(shape(word)) {
                *cell |= flag;
            }
        }
    }
    flags
});

/// The non-comment lines of a data file, split on tabs, with line numbers.
fn lines(
    file: &'static str,
    text: &'static str,
) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    let _ = file;
    text.lines().enumerate().filter_map(|(n, line)| {
        let line = line.trim_end();
        (!line.is_empty() && !line.starts_with('#')).then(|| (n + 1, line.split('\t').collect()))
    })
}

fn field<'a>(
    file: &'static str,
    line: usize,
    fields: &[&'a str],
    i: usize,
) -> Result<&'a str, DataError> {
    fields
        .get(i)
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .ok_or(DataError {
            file,
            line,
            kind: DataErrorKind::MissingField,
        })
}

fn phrase(file: &'static str, line: usize, text: &str) -> Result<String, DataError> {
    if fold(text) != text {
        return Err(DataError {
            file,
            line,
            kind: DataErrorKind::NotFolded(text.to_owned()),
        });
    }
    Ok(text.to_owned())
}

/// A file of `word <TAB> role` lines, each role one of `roles`.
fn word_roles<T: Copy>(
    file: &'static str,
    text: &'static str,
    roles: &[(&str, T)],
) -> Result<WordMap<T>, DataError> {
    let mut map = WordMap::default();
    for (n, f) in lines(file, text) {
        let word = phrase(file, n, field(file, n, &f, 0)?)?;
        let role = field(file, n, &f, 1)?;
        let &(_, value) = roles
            .iter()
            .find(|(name, _)| *name == role)
            .ok_or_else(|| unknown(file, n, role))?;
        map.insert(word, value);
    }
    Ok(map)
}

fn unknown(file: &'static str, line: usize, value: &str) -> DataError {
    DataError {
        file,
        line,
        kind: DataErrorKind::UnknownValue(value.to_owned()),
    }
}

fn victims_named(name: &str) -> Option<Victims> {
    Some(match name {
        "militants" => Victims::Militants,
        "soldiers" => Victims::Soldiers,
        "fighters" => Victims::Fighters,
        "civilians" => Victims::Civilians,
        "people" => Victims::People,
        _ => return None,
    })
}

impl Tables {
    /// Parse every embedded file.
    pub(crate) fn parse() -> Result<Tables, DataError> {
        let mut outcomes = PhraseSet::new();
        let mut outcome_vetoes = PhraseSet::new();
        let file = "outcomes.tsv";
        for (n, f) in lines(file, OUTCOMES) {
            let text = phrase(file, n, field(file, n, &f, 0)?)?;
            let outcome_name = field(file, n, &f, 1)?;
            let outcome = match outcome_name {
                "none" => {
                    outcome_vetoes.insert(&text, ());
                    continue;
                }
                "killed" => Outcome::Killed,
                "wounded" => Outcome::Wounded,
                "captured" => Outcome::Captured,
                "surrendered" => Outcome::Surrendered,
                "missing" => Outcome::Missing,
                "freed" => Outcome::Freed,
                other => return Err(unknown(file, n, other)),
            };
            let mut cue = OutcomeCue {
                outcome,
                noun: false,
                after: false,
                before: false,
                needs_person: false,
                loss: false,
                needs_numeral: false,
                victims: Victims::People,
            };
            for role in field(file, n, &f, 2)?.split(',') {
                match role.trim() {
                    "noun" => cue.noun = true,
                    "after" => cue.after = true,
                    "before" => cue.before = true,
                    "person" => cue.needs_person = true,
                    "loss" => cue.loss = true,
                    "numeral" => cue.needs_numeral = true,
                    other => return Err(unknown(file, n, other)),
                }
            }
            if let Ok(name) = field(file, n, &f, 3) {
                cue.victims = victims_named(name).ok_or_else(|| unknown(file, n, name))?;
            }
            outcomes.insert(&text, cue);
        }

        let mut victims = PhraseSet::new();
        let mut victim_phrases = PhraseSet::new();
        let mut jihadist_nouns = PhraseSet::new();
        let file = "victims.tsv";
        for (n, f) in lines(file, VICTIMS) {
            let text = phrase(file, n, field(file, n, &f, 0)?)?;
            let name = field(file, n, &f, 1)?;
            let class = match name {
                "member" => VictimClass::Member,
                other => {
                    VictimClass::Is(victims_named(other).ok_or_else(|| unknown(file, n, other))?)
                }
            };
            match field(file, n, &f, 2) {
                Ok("jihadist") => jihadist_nouns.insert(&text, ()),
                Ok(other) => return Err(unknown(file, n, other)),
                Err(_) => {}
            }
            if text.split_whitespace().nth(1).is_some() {
                victim_phrases.insert(&text, class);
            } else {
                victims.insert(&text, class);
            }
        }

        let word_list =
            |file: &'static str, text: &'static str| -> Result<PhraseSet<()>, DataError> {
                let mut set = PhraseSet::new();
                for (n, f) in lines(file, text) {
                    set.insert(&phrase(file, n, field(file, n, &f, 0)?)?, ());
                }
                Ok(set)
            };
        let things = word_list("things.tsv", THINGS)?;
        let prenominal = word_list("prenominal.tsv", PRENOMINAL)?;
        let postnominal = word_list("postnominal.tsv", POSTNOMINAL)?;
        let strikes = word_list("strikes.tsv", STRIKES)?;
        let collective_nouns = word_list("collective_nouns.tsv", COLLECTIVE_NOUNS)?;
        let function_words = word_list("function_words.tsv", FUNCTION_WORDS)?;
        let titles = word_list("titles.tsv", TITLES)?;

        let mut own_media_nouns = WordMap::default();
        let mut reporter_nouns = WordMap::default();
        let mut outlet_signatures = Vec::new();
        let mut masthead_words = WordMap::default();
        let file = "outlets.tsv";
        for (n, f) in lines(file, OUTLETS) {
            let text = field(file, n, &f, 1)?;
            match field(file, n, &f, 0)? {
                "own" => {
                    own_media_nouns.insert(fold(text), ());
                }
                "reporter" => {
                    reporter_nouns.insert(fold(text), false);
                }
                "staff" => {
                    reporter_nouns.insert(fold(text), true);
                }
                "edition" => {
                    masthead_words.insert(fold(text), ());
                }
                "signature" => {
                    let id = field(file, n, &f, 2)?;
                    if !id.starts_with("media:") {
                        return Err(unknown(file, n, id));
                    }
                    outlet_signatures.push((text.to_owned(), id.to_owned()));
                }
                other => return Err(unknown(file, n, other)),
            }
        }

        let mut actor_adjectives = PhraseSet::new();
        let file = "actor_adjectives.tsv";
        for (n, f) in lines(file, ACTOR_ADJECTIVES) {
            let text = phrase(file, n, field(file, n, &f, 0)?)?;
            let applies = match field(file, n, &f, 1)? {
                "any" => Applies::Any,
                "soldiers" => Applies::Soldiers,
                other => return Err(unknown(file, n, other)),
            };
            let id = field(file, n, &f, 2)?.to_owned();
            actor_adjectives.insert(&text, (applies, id));
        }

        let mut forces_exact = WordMap::default();
        let mut forces_suffix = Vec::new();
        let file = "forces.tsv";
        for (n, f) in lines(file, FORCES) {
            let id = field(file, n, &f, 0)?;
            let side = match field(file, n, &f, 1)? {
                "state" => Side::State,
                "allied" => Side::Allied,
                "militant" => Side::Militant,
                other => return Err(unknown(file, n, other)),
            };
            match id.strip_prefix('*') {
                Some(suffix) => forces_suffix.push((suffix.to_owned(), side)),
                None => {
                    forces_exact.insert(id.to_owned(), side);
                }
            }
        }

        let mut attribution = PhraseSet::new();
        let mut speaker_nouns = WordMap::default();
        let mut honorifics = WordMap::default();
        let mut private_speakers = PhraseSet::new();
        let mut anonymous_speakers = WordMap::default();
        let mut verb_inserts = PhraseSet::new();
        let file = "attribution.tsv";
        for (n, f) in lines(file, ATTRIBUTION) {
            let text = phrase(file, n, field(file, n, &f, 0)?)?;
            let role = match field(file, n, &f, 1)? {
                "lead" => Attribution::Lead,
                "verb" => Attribution::Verb,
                "speaker" => {
                    let kind = match field(file, n, &f, 2)? {
                        "organization" => SpeakerNoun::Kind(EntityKind::Organization),
                        "media" => SpeakerNoun::Kind(EntityKind::Media),
                        "armed_group" => SpeakerNoun::Kind(EntityKind::ArmedGroup),
                        "army" => SpeakerNoun::Army,
                        "person" => SpeakerNoun::Title,
                        other => return Err(unknown(file, n, other)),
                    };
                    let kind = match (field(file, n, &f, 3), kind) {
                        (Err(_), kind) => kind,
                        (Ok("by_name"), SpeakerNoun::Kind(kind)) => SpeakerNoun::Named(kind),
                        (Ok(other), _) => return Err(unknown(file, n, other)),
                    };
                    speaker_nouns.insert(text, kind);
                    continue;
                }
                "honorific" => {
                    honorifics.insert(text, ());
                    continue;
                }
                "private" => {
                    private_speakers.insert(&text, ());
                    continue;
                }
                "anonymous" => {
                    let next = u16::try_from(anonymous_speakers.keys().len()).unwrap_or(u16::MAX);
                    anonymous_speakers.insert(text, next);
                    continue;
                }
                "insert" => {
                    verb_inserts.insert(&text, ());
                    continue;
                }
                other => return Err(unknown(file, n, other)),
            };
            attribution.insert(&text, role);
        }

        let places = word_roles(
            "places.tsv",
            PLACES,
            &[
                ("prep", PlaceWord::Preposition),
                ("noun", PlaceWord::Noun),
                ("det", PlaceWord::Determiner),
            ],
        )?;
        let mut place_shapes = Box::new([0; SHAPE_WORDS]);
        for word in places.keys() {
            set_bit(&mut place_shapes, shape(word));
        }

        let place_verbs = word_roles(
            "place_verbs.tsv",
            PLACE_VERBS,
            &[
                ("seat", PlaceVerb::Seat),
                ("agent", PlaceVerb::Agent),
                ("situated", PlaceVerb::Situated),
                ("holds", PlaceVerb::Holds),
            ],
        )?;
        let mut place_verb_shapes = Box::new([0; SHAPE_WORDS]);
        for word in place_verbs.keys() {
            set_bit(&mut place_verb_shapes, shape(word));
        }

        let mut days = PhraseSet::new();
        let file = "days.tsv";
        for (n, f) in lines(file, DAYS) {
            let text = phrase(file, n, field(file, n, &f, 0)?)?;
            let meaning = field(file, n, &f, 1)?;
            let number = |s: &str| s.parse::<i8>().map_err(|_| unknown(file, n, meaning));
            let word = if meaning == "strictly" {
                DayWord::Strictly
            } else if let Some(d) = meaning.strip_prefix("weekday:") {
                DayWord::Weekday(number(d)?)
            } else if let Some(d) = meaning.strip_prefix("offset:") {
                DayWord::Offset(number(d)?)
            } else if let Some(d) = meaning.strip_prefix("month:") {
                DayWord::Month(number(d)?)
            } else {
                return Err(unknown(file, n, meaning));
            };
            days.insert(&text, word);
        }

        attribution.start_flag = MAY_ATTRIBUTE;
        days.start_flag = MAY_DATE;
        Ok(Tables {
            outcomes,
            outcome_vetoes,
            victims,
            victim_phrases,
            jihadist_nouns,
            things,
            prenominal,
            postnominal,
            strikes,
            collective_nouns,
            function_words,
            actor_adjectives,
            forces_exact,
            forces_suffix,
            lexicon_sides: once_cell::sync::OnceCell::new(),
            own_media_nouns,
            reporter_nouns,
            outlet_signatures,
            masthead_words,
            attribution,
            speaker_nouns,
            honorifics,
            private_speakers,
            anonymous_speakers,
            verb_inserts,
            places,
            place_shapes,
            place_verbs,
            place_verb_shapes,
            titles,
            days,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bilan_article::Span;
    use std::cell::Cell;

    /// Texts full of the tables' phrases: the test sentences and the
    /// phrase files themselves.
    const PHRASE_TEXTS: [&str; 12] = [
        include_str!("../tests/data/sentences.txt"),
        include_str!("../data/meaning/attribution.tsv"),
        include_str!("../data/meaning/days.tsv"),
        include_str!("../data/meaning/outcomes.tsv"),
        include_str!("../data/meaning/victims.tsv"),
        include_str!("../data/meaning/things.tsv"),
        include_str!("../data/meaning/prenominal.tsv"),
        include_str!("../data/meaning/postnominal.tsv"),
        include_str!("../data/meaning/strikes.tsv"),
        include_str!("../data/meaning/collective_nouns.tsv"),
        include_str!("../data/meaning/actor_adjectives.tsv"),
        include_str!("../data/meaning/titles.tsv"),
    ];

    /// `$check(&table, $arg)` for every phrase table of `TABLES` (their
    /// value types differ, so a macro rather than a loop).
    macro_rules! every_table {
        ($check:ident, $arg:expr) => {{
            let tables = &*TABLES;
            $check(&tables.outcomes, $arg);
            $check(&tables.outcome_vetoes, $arg);
            $check(&tables.victims, $arg);
            $check(&tables.victim_phrases, $arg);
            $check(&tables.things, $arg);
            $check(&tables.prenominal, $arg);
            $check(&tables.postnominal, $arg);
            $check(&tables.strikes, $arg);
            $check(&tables.collective_nouns, $arg);
            $check(&tables.function_words, $arg);
            $check(&tables.actor_adjectives, $arg);
            $check(&tables.attribution, $arg);
            $check(&tables.verb_inserts, $arg);
            $check(&tables.titles, $arg);
            $check(&tables.days, $arg);
        }};
    }

    /// Every word of the data files, with shorter and longer forms.
    fn table_words() -> Vec<String> {
        let files = [
            include_str!("../data/meaning/actor_adjectives.tsv"),
            include_str!("../data/meaning/attribution.tsv"),
            include_str!("../data/meaning/days.tsv"),
            include_str!("../data/meaning/function_words.tsv"),
            include_str!("../data/meaning/outcomes.tsv"),
            include_str!("../data/meaning/place_verbs.tsv"),
            include_str!("../data/meaning/postnominal.tsv"),
            include_str!("../data/meaning/prenominal.tsv"),
            include_str!("../data/meaning/strikes.tsv"),
            include_str!("../data/meaning/collective_nouns.tsv"),
            include_str!("../data/meaning/things.tsv"),
            include_str!("../data/meaning/titles.tsv"),
            include_str!("../data/meaning/victims.tsv"),
        ];
        let mut words = vec![String::new(), "x".to_owned()];
        for file in files {
            for word in file.split(|c: char| !c.is_alphanumeric()) {
                if word.is_empty() {
                    continue;
                }
                let word = crate::words::fold(word);
                let cut: String = word.chars().take(word.chars().count() - 1).collect();
                words.extend([format!("{word}s"), format!("{word}ment"), cut, word]);
            }
        }
        words
    }

    #[test]
    fn one_word_lookups_find_what_the_candidates_give() {
        fn check<T>(set: &PhraseSet<T>, words: &[String]) {
            for word in words {
                let fast = set.word_value(word).map(std::ptr::from_ref);
                let slow = set.word_value_by_candidates(word).map(std::ptr::from_ref);
                assert_eq!(fast, slow, "{word:?}");
            }
        }
        let words = table_words();
        every_table!(check, &words);
    }

    #[test]
    fn phrase_matches_are_those_of_every_entry_tried_in_turn() {
        // `matches_unchecked` leaves out comparing an exact first word,
        // found by the token's own form: it must find what comparing every
        // word of every entry finds, at every token of the crate's
        // sentences and of the data files (where every phrase stands).
        fn check<T>(set: &PhraseSet<T>, words: &Words) {
            for i in 0..=words.len() {
                let mut fast: Vec<(usize, *const T)> = set
                    .matches_unchecked(words, i)
                    .map(|(len, v)| (len, std::ptr::from_ref(v)))
                    .collect();
                let mut slow: Vec<(usize, *const T)> = set
                    .entries
                    .iter()
                    .filter(|(patterns, _)| {
                        patterns.iter().enumerate().all(|(k, p)| {
                            i + k < words.len() && p.matches_bytes(words.norm_bytes(i + k))
                        })
                    })
                    .map(|(patterns, v)| (patterns.len(), std::ptr::from_ref(v)))
                    .collect();
                fast.sort_unstable();
                slow.sort_unstable();
                assert_eq!(fast, slow, "token {i} ({:?})", words.norm(i));
            }
        }
        for text in PHRASE_TEXTS {
            let words = Words::new(text, Span::new(0, text.len()));
            every_table!(check, &words);
        }
    }

    #[test]
    fn a_word_without_the_flag_starts_no_day_or_attribution_phrase() {
        // `noun_head`, `time_of_event` and `in_speaker_title` skip the
        // day and attribution look-ups of a word whose flags lack
        // `MAY_DATE` or `MAY_ATTRIBUTE`.
        let mut flagged = [0; 2];
        for text in PHRASE_TEXTS {
            let words = Words::new(text, Span::new(0, text.len()));
            for i in 0..words.len() {
                if words.kind(i) != Some(TokenKind::Word) {
                    continue;
                }
                let flags = words.flags(i);
                let day = TABLES.days.longest_at(&words, i).is_some()
                    || TABLES.days.contains_token(&words, i);
                let attribution = TABLES.attribution.longest_at(&words, i).is_some();
                assert!(!day || flags & MAY_DATE != 0, "{:?}", words.norm(i));
                assert!(
                    !attribution || flags & MAY_ATTRIBUTE != 0,
                    "{:?}",
                    words.norm(i)
                );
                flagged[0] += usize::from(day);
                flagged[1] += usize::from(attribution);
            }
        }
        assert!(flagged.iter().all(|&n| n > 20), "{flagged:?}");
    }

    #[test]
    fn flag_walk_finds_the_starts_the_shape_walk_finds() {
        // `next_start` walks the day and attribution sets (flagged, no
        // stems) by their flag and the tests after the first word's shape,
        // `next_start_by_shape` by every test: each start from every token.
        fn check<T>(set: &PhraseSet<T>, words: &Words) -> usize {
            assert!(set.start_flag != 0 && set.stem_len.is_none());
            let mut starts = 0;
            for from in 0..=words.len() {
                let fast = set.next_start(words, from);
                assert_eq!(fast, set.next_start_by_shape(words, from), "from {from}");
                starts += usize::from(fast == Some(from));
            }
            starts
        }
        let mut starts = [0; 2];
        for text in crate::test_texts()
            .iter()
            .map(String::as_str)
            .chain(PHRASE_TEXTS)
        {
            let words = Words::new(text, Span::new(0, text.len()));
            starts[0] += check(&TABLES.attribution, &words);
            starts[1] += check(&TABLES.days, &words);
        }
        assert!(starts.iter().all(|&n| n > 100), "{starts:?}");
    }

    #[test]
    fn exact_longest_is_the_longest_of_the_matches() {
        // `longest_matching_at` in a set without stems reads the entries
        // of the token's word only: each must find the last longest of
        // `matches_unchecked`, at every token of the test texts.
        fn check<T>(set: &PhraseSet<T>, (words, found): (&Words, &Cell<usize>)) {
            if set.stem_len.is_some() {
                return;
            }
            for i in 0..=words.len() {
                let fast = set
                    .longest_exact_at(words, i)
                    .map(|(len, v)| (len, std::ptr::from_ref(v)));
                let slow = set.matches_unchecked(words, i).fold(
                    None,
                    |best: Option<(usize, *const T)>, (len, v)| {
                        if best.is_none_or(|(longest, _)| len >= longest) {
                            Some((len, std::ptr::from_ref(v)))
                        } else {
                            best
                        }
                    },
                );
                assert_eq!(fast, slow, "at {i} ({:?})", words.norm(i));
                found.set(found.get() + usize::from(fast.is_some_and(|(len, _)| len > 1)));
            }
        }
        let found = Cell::new(0);
        for text in crate::test_texts()
            .iter()
            .map(String::as_str)
            .chain(PHRASE_TEXTS)
        {
            let words = Words::new(text, Span::new(0, text.len()));
            every_table!(check, (&words, &found));
        }
        let found = found.get();
        assert!(found > 100, "{found}");
    }

    #[test]
    fn shape_filters_and_flags_rule_out_no_match() {
        // `longest_at`, `next_longest` and `ending_at` test the tokens'
        // shapes (first word, pair of first words, last word) and flags
        // before matching: each must find what matching at every token
        // finds.
        fn check<T>(set: &PhraseSet<T>, words: &Words) {
            let longest = |i: usize| {
                set.longest_matching_at(words, i)
                    .map(|(len, v)| (len, std::ptr::from_ref(v)))
            };
            for i in 0..=words.len() {
                let fast = set
                    .longest_at(words, i)
                    .map(|(len, v)| (len, std::ptr::from_ref(v)));
                assert_eq!(fast, longest(i), "longest at {i} ({:?})", words.norm(i));
                let fast = set
                    .next_longest(words, i)
                    .map(|(k, len, v)| (k, len, std::ptr::from_ref(v)));
                let slow = (i..words.len())
                    .filter(|&k| words.kind(k) == Some(TokenKind::Word))
                    .find_map(|k| longest(k).map(|(len, v)| (k, len, v)));
                assert_eq!(fast, slow, "next from {i} ({:?})", words.norm(i));
                let fast = set
                    .ending_at(words, i)
                    .map(|(start, v)| (start, std::ptr::from_ref(v)));
                let slow = (i.saturating_sub(set.longest)..i).find_map(|start| {
                    set.matches_unchecked(words, start)
                        .find(|(len, _)| start + len == i)
                        .map(|(_, v)| (start, std::ptr::from_ref(v)))
                });
                assert_eq!(fast, slow, "ending at {i} ({:?})", words.norm(i));
            }
        }
        let extra =
            "selon l'OSDH, a annoncé l'armée; de même source, la veille, ce matin, hier soir";
        for text in PHRASE_TEXTS.into_iter().chain([extra]) {
            let words = Words::new(text, Span::new(0, text.len()));
            every_table!(check, &words);
        }
        // A sentence where `may_match_in` finds nothing has no match at
        // all, even skipping a token.
        fn check_none<T>(set: &PhraseSet<T>, words: &Words) {
            if set.may_match_in(words) {
                return;
            }
            for i in 0..=words.len() {
                assert!(set.matches_unchecked(words, i).next().is_none(), "at {i}");
                for skip in 0..i {
                    assert!(
                        set.ending_at_skipping(words, i, skip).is_none(),
                        "{i} {skip}"
                    );
                }
            }
        }
        let mut unmatched = 0;
        let skipped = "le massacre brutal de trois civils\nlors du rapt audacieux de deux soldats";
        for line in include_str!("../tests/data/sentences.txt")
            .lines()
            .chain(skipped.lines())
        {
            for (k, _) in line.match_indices(' ').step_by(3) {
                let piece = line.get(k..).unwrap_or_default();
                let words = Words::new(piece, Span::new(0, piece.len()));
                unmatched += usize::from(!TABLES.outcomes.may_match_in(&words));
                every_table!(check_none, &words);
            }
        }
        assert!(unmatched > 0);
    }

    #[test]
    fn token_lookups_find_what_the_folded_word_finds() {
        // `token_value` takes the shape the token carries, not that of
        // its folded form hashed again: the two must agree everywhere.
        fn check<T>(set: &PhraseSet<T>, words: &Words) {
            for i in 0..=words.len() + 1 {
                let fast = set.token_value(words, i).map(std::ptr::from_ref);
                let slow = set.word_value(words.norm(i)).map(std::ptr::from_ref);
                assert_eq!(fast, slow, "token {i} ({:?})", words.norm(i));
                assert_eq!(set.contains_token(words, i), slow.is_some());
            }
        }
        let texts = [
            include_str!("../tests/data/sentences.txt"),
            include_str!("../data/meaning/victims.tsv"),
            include_str!("../data/meaning/things.tsv"),
            include_str!("../data/meaning/prenominal.tsv"),
            include_str!("../data/meaning/postnominal.tsv"),
            include_str!("../data/meaning/function_words.tsv"),
            "État, Œuvre, İstanbul, 1.000 Km2, d’Idleb, coûté -- «x»",
        ];
        for text in texts {
            let words = Words::new(text, Span::new(0, text.len()));
            // What every lookup by a token's shape rests on.
            for i in 0..=words.len() {
                assert_eq!(words.shape(i), shape(words.norm(i)), "{:?}", words.norm(i));
            }
            every_table!(check, &words);
        }
    }

    #[test]
    fn place_words_and_verbs_ruled_out_by_shape_are_in_no_table() {
        let tables = &*TABLES;
        let texts = [
            include_str!("../tests/data/sentences.txt"),
            include_str!("../data/meaning/places.tsv"),
            include_str!("../data/meaning/place_verbs.tsv"),
            "Située, SITUÉE, situé, État, Œuvre, İstanbul, 1.000 Km2, d’Idleb -- «x»",
        ];
        let mut found = 0;
        for text in texts {
            let words = Words::new(text, Span::new(0, text.len()));
            for i in 0..=words.len() + 1 {
                let word = if i < words.len() {
                    words.norm_bytes(i)
                } else {
                    b""
                };
                let listed = (i < words.len())
                    .then(|| tables.places.get_bytes(word).copied())
                    .flatten();
                assert_eq!(tables.place_word(&words, i), listed, "{:?}", words.norm(i));
                let listed = (i < words.len())
                    .then(|| tables.place_verbs.get_bytes(word).copied())
                    .flatten();
                assert_eq!(tables.place_verb(&words, i), listed, "{:?}", words.norm(i));
                found += usize::from(listed.is_some());
            }
        }
        assert!(found > 20, "{found}");
    }

    #[test]
    fn sides_are_those_of_every_suffix_tried_in_turn() {
        // `side` rules suffixes out by their last byte first.
        let tables = &*TABLES;
        let slow = |id: &str| {
            tables.forces_exact.get(id).copied().unwrap_or_else(|| {
                tables
                    .forces_suffix
                    .iter()
                    .find(|(suffix, _)| id.ends_with(suffix.as_str()))
                    .map_or(Side::Militant, |(_, side)| *side)
            })
        };
        let mut ids: Vec<String> = ["", "y", "group:", "group:daesh", "x-army", "army", "é"]
            .into_iter()
            .map(str::to_owned)
            .collect();
        for (_, fields) in lines("forces.tsv", FORCES) {
            let id = fields.first().copied().unwrap_or_default();
            let bare = id.trim_start_matches('*');
            ids.extend([
                id.to_owned(),
                bare.to_owned(),
                format!("group:syrian{bare}"),
                format!("{bare}s"),
            ]);
        }
        for id in &ids {
            assert_eq!(tables.side(id), slow(id), "{id:?}");
        }
    }

    #[test]
    fn sides_of_the_lexicon_groups_are_those_read_in_turn() {
        // `side` finds the lexicon's groups in one map built once: each
        // must have the side read in order (its own line, its parents'
        // lines, its suffix), as must ids the lexicon lacks.
        let tables = &*TABLES;
        let lexicon = bilan_lexicon::Lexicon::embedded();
        let listed = |id: &str| listed_side(&tables.forces_exact, &tables.forces_suffix, id);
        let slow = |id: &str| {
            let entries = lexicon
                .entries()
                .filter(|e| e.id == id && e.kind == EntityKind::ArmedGroup);
            let inherited = entries
                .filter_map(|e| {
                    let mut parent = e.parent.as_deref();
                    (0..PARENT_DEPTH).find_map(|_| {
                        let p = parent?;
                        parent = lexicon.entry(p).and_then(|e| e.parent.as_deref());
                        listed(p)
                    })
                })
                .last();
            tables
                .forces_exact
                .get(id)
                .copied()
                .or(inherited)
                .or_else(|| suffix_side(&tables.forces_suffix, id))
                .unwrap_or(Side::Militant)
        };
        let mut ids: Vec<&str> = lexicon.entries().map(|e| e.id.as_str()).collect();
        ids.extend(["", "group:nowhere", "x-army"]);
        for id in ids {
            assert_eq!(tables.side(id), slow(id), "{id:?}");
        }
    }

    #[test]
    fn losses_are_deaths_of_people_before_their_figure() {
        let mut losses = 0;
        for (_, fields) in lines("outcomes.tsv", OUTCOMES) {
            let roles = fields.get(2).copied().unwrap_or_default();
            if roles.split(',').any(|r| r == "loss") {
                losses += 1;
                assert_eq!(fields.get(1), Some(&"killed"), "{fields:?}");
                assert!(
                    roles.contains("before") && roles.contains("person"),
                    "{fields:?}"
                );
            }
        }
        assert!(losses >= 5);
    }

    #[test]
    fn suffix_sides_are_for_state_forces_and_units_take_their_parents_side() {
        let tables = &*TABLES;
        let lexicon = bilan_lexicon::Lexicon::embedded();
        let mut state_types = 0;
        for entry in lexicon.entries() {
            if entry.kind != EntityKind::ArmedGroup {
                continue;
            }
            let listed = |id: &str| tables.forces_exact.contains_key(id);
            let parent = entry
                .parent
                .as_deref()
                .filter(|p| lexicon.entry(p).is_some());
            if listed(&entry.id) {
                continue;
            }
            if let Some(parent) = parent.filter(|p| listed(p)) {
                assert_eq!(tables.side(&entry.id), tables.side(parent), "{}", entry.id);
            }
            let by_suffix = suffix_side(&tables.forces_suffix, &entry.id).is_some();
            if by_suffix && parent.is_none() {
                let kind = entry.entity_type.as_deref().unwrap_or_default();
                assert!(
                    matches!(
                        kind,
                        "army" | "air_force" | "navy" | "police" | "intelligence"
                    ),
                    "{} ({kind}) takes a state's side from its suffix: list it in forces.tsv",
                    entry.id
                );
                state_types += 1;
            }
        }
        assert!(state_types > 10);
        // Two levels down: a brigade of a division of the Syrian army.
        assert_eq!(tables.side("group:syrian-137th-brigade"), Side::State);
        assert_eq!(
            tables.side("group:syrian-republican-guard-104"),
            Side::State
        );
        assert_eq!(tables.side("group:manbij-military-council"), Side::Allied);
        assert_eq!(tables.side("group:south-lebanon-army"), Side::Allied);
        assert_eq!(tables.side("group:daesh"), Side::Militant);
    }

    #[test]
    fn every_data_file_parses_and_is_not_empty() {
        let tables = Tables::parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(tables.outcomes.len() > 50);
        assert!(tables.victims.len() > 30);
        assert!(tables.things.len() > 30);
        assert!(tables.prenominal.len() > 10);
        assert!(tables.postnominal.len() > 10);
        assert!(tables.function_words.len() > 50);
        assert!(tables.actor_adjectives.len() > 5);
        assert!(tables.attribution.len() > 20);
        assert_eq!(
            tables.speaker_nouns.get("ministere"),
            Some(&SpeakerNoun::Kind(EntityKind::Organization))
        );
        assert!(tables.places.len() > 20);
        assert!(tables.days.len() > 20);
        assert_eq!(tables.side("group:hezbollah"), Side::Allied);
        assert_eq!(tables.side("group:syrian-army"), Side::State);
        assert_eq!(tables.side("group:daesh"), Side::Militant);
    }

    #[test]
    fn phrases_match_folded_words() {
        let text = "ont coûté la vie à 8 civils";
        let words = Words::new(text, Span::new(0, text.len()));
        let (start, cue) = TABLES
            .outcomes
            .ending_at(&words, 5)
            .expect("a cue ends before 8");
        assert_eq!(start, 1);
        assert_eq!(cue.outcome, Outcome::Killed);
        assert!(TABLES.victims.contains_word("civils"));
        assert!(!TABLES.things.contains_word("civils"));
    }

    #[test]
    fn a_phrase_may_hold_an_adjective_left_out() {
        let text = "la mort tragique de 8 civils";
        let words = Words::new(text, Span::new(0, text.len()));
        assert!(TABLES.outcomes.ending_at(&words, 4).is_none());
        let (start, cue) = TABLES
            .outcomes
            .ending_at_skipping(&words, 4, 2)
            .expect("'la mort de' around 'tragique'");
        assert_eq!(start, 0);
        assert_eq!(cue.outcome, Outcome::Killed);
        assert!(TABLES.outcomes.ending_at_skipping(&words, 4, 4).is_none());
        assert!(TABLES.postnominal.contains_word("tragique"));
    }

    #[test]
    fn an_unfolded_phrase_is_an_error() {
        assert!(matches!(
            phrase("x", 1, "Tués"),
            Err(DataError {
                kind: DataErrorKind::NotFolded(_),
                ..
            })
        ));
    }
}
