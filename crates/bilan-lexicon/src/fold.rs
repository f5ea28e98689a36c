//! Tokenising and folding: the text is cut into words, each word gets a
//! *basic* form (lowercase, accents stripped) and a *skeleton* (the basic form
//! with transliteration differences folded away). Patterns and texts go
//! through exactly the same code, so that they meet whatever the spelling.
//!
//! Everything here is one forward pass over the input with bounded look-ahead:
//! linear in the input length.

/// What separates a token from the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// Whitespace (or nothing: end of text).
    Space,
    /// A hyphen: `Qalamoun-ouest`, `al-Nosra`.
    Hyphen,
    /// An apostrophe after an elided word: `d’Idleb`.
    Apostrophe,
    /// Nothing at all: the glued article of `alMaliki`.
    Glued,
    /// Any other punctuation.
    Punct,
}

/// One word of the original text. Offsets are `u32` (texts are folded in
/// pieces of at most `u32::MAX` bytes, see [`MAX_FOLDED_TEXT`]): at 24
/// bytes instead of 40, the token array of a long text streams through the
/// cache in each of the matcher's passes at little more than half the cost.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Byte offset in the original text: [`Token::start`].
    start: u32,
    /// Exclusive end in the original text: [`Token::end`].
    end: u32,
    /// The basic form itself, zero-padded, when it has at most eight bytes
    /// and folding kept it here (`inline` is then its length): most words,
    /// whose look-ups then read the word packed ([`Token::packed`]) with
    /// one load, and whose basic form needs no copy. Else, for a word
    /// copied to [`Folded::basic`], its range there (start in the low
    /// four bytes, end in the high ones); else (a plain word read from the
    /// text) zeros.
    basic: [u8; 8],
    /// The length of the basic form kept in `basic`, or 0.
    inline: u8,
    /// The word's bytes are its basic form (lowercase ASCII letters and
    /// digits, most words): it is read from the text, not copied.
    pub in_text: bool,
    /// First character is an uppercase letter or a digit.
    pub capital: bool,
    /// An Arabic article (`al`, `el`, `as-` …) left out of the skeleton view.
    pub article: bool,
    /// Has a non-ASCII letter (tells `à` from `a`, `où` from `ou`).
    pub accented: bool,
    /// What follows the token.
    pub sep_after: Sep,
}

/// The longest text [`fold`] takes: token offsets are `u32`.
pub(crate) const MAX_FOLDED_TEXT: usize = u32::MAX as usize;

impl Token {
    /// The word packed by [`pack`], when the plain-word reader kept it
    /// (most words): the lexicon pass's per-word look-up then needs
    /// neither the word's bytes nor their packing. A packed word is never
    /// zero (a word has a nonzero first byte).
    #[inline(always)]
    pub(crate) fn packed(&self) -> Option<u64> {
        (self.inline != 0).then(|| u64::from_le_bytes(self.basic))
    }

    /// Byte offset of the word in the original text.
    #[inline(always)]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Exclusive end of the word in the original text.
    #[inline(always)]
    pub fn end(&self) -> usize {
        self.end as usize
    }
}

/// A folded text: its tokens and their basic forms. Skeletons are made
/// on demand ([`Folded::skeleton_into`], [`SkeletonCache`]): most words
/// never need one.
#[derive(Debug)]
pub(crate) struct Folded<'t> {
    /// The original text.
    pub text: &'t [u8],
    pub tokens: Vec<Token>,
    /// Basic forms of the tokens not `in_text`, concatenated.
    pub basic: Vec<u8>,
}

/// Skeletons of words of up to eight bytes, by their basic form: news text
/// repeats a few thousand words, and a look-up is cheaper than folding
/// letter by letter. Direct-mapped: a slot holds the last word hashed to it.
/// Empty (no look-ups) for short texts, where it would not pay.
#[derive(Debug, Default)]
pub(crate) struct SkeletonCache {
    /// `(basic form, skeleton)`, each as eight bytes padded with zeros
    /// (neither has a zero byte; a zero key is an empty slot).
    slots: Vec<(u64, u64)>,
    /// The same for words of nine to sixteen bytes, kept apart so that
    /// short words keep their cheaper eight-byte keys.
    long_slots: Vec<(u128, u128)>,
}

/// Bits of a slot index: at most `1 << CACHE_BITS` slots.
const CACHE_BITS: u32 = 14;
/// Texts shorter than this go without a cache.
const CACHE_MIN_TEXT: usize = 256;

/// Slots of a cache for a text of `len` bytes: a power of two, one per
/// sixteen bytes (about three words) from 64 to `1 << CACHE_BITS` (a
/// quarter of a megabyte of text, some thousands of distinct words), so
/// that an article of a few kilobytes does not clear and allocate the
/// table a megabyte needs; none below [`CACHE_MIN_TEXT`].
pub(crate) fn cache_slots(len: usize) -> usize {
    if len < CACHE_MIN_TEXT {
        0
    } else {
        (len / 16).next_power_of_two().clamp(64, 1 << CACHE_BITS)
    }
}

/// The slot of a key's `slot()` in a table of `len` slots (a power of two;
/// an empty table has none).
#[inline(always)]
fn slot_in(slot: usize, len: usize) -> usize {
    slot & len.wrapping_sub(1)
}

/// Eight bytes of a word padded with zeros, as one number.
/// Two overlapping loads (the overlap ORs a byte with itself), not a copy
/// into a buffer: that one compiles to a call to memcpy.
#[inline(always)]
pub(crate) fn pack(word: &[u8]) -> u64 {
    let n = word.len();
    match (word.first_chunk::<4>(), word.last_chunk::<4>()) {
        (Some(lo), Some(hi)) if n <= 8 => {
            u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << (8 * (n - 4))
        }
        _ => match (word.first_chunk::<2>(), word.last_chunk::<2>()) {
            (Some(lo), Some(hi)) if n <= 3 => {
                u64::from(u16::from_le_bytes(*lo))
                    | u64::from(u16::from_le_bytes(*hi)) << (8 * (n - 2))
            }
            _ => match word {
                [c] => u64::from(*c),
                _ => word
                    .iter()
                    .take(8)
                    .enumerate()
                    .fold(0, |k, (i, &c)| k | u64::from(c) << (8 * i)),
            },
        },
    }
}

/// Nine to sixteen bytes of a word padded with zeros, as one number (two
/// overlapping eight-byte loads); shorter words go through [`pack`].
#[inline(always)]
pub(crate) fn pack16(word: &[u8]) -> u128 {
    let n = word.len();
    match (word.first_chunk::<8>(), word.last_chunk::<8>()) {
        (Some(lo), Some(hi)) if n > 8 && n <= 16 => {
            u128::from(u64::from_le_bytes(*lo))
                | u128::from(u64::from_le_bytes(*hi)) << (8 * (n - 8))
        }
        _ => u128::from(pack(word)),
    }
}

/// A word packed into one number by [`pack`] or [`pack16`]: the two key
/// widths of [`SkeletonCache`].
trait Packed: Copy + Eq {
    /// The key of an empty slot (no word packs to it).
    const EMPTY: Self;
    /// Bytes a key holds.
    const BYTES: usize;
    fn pack(word: &[u8]) -> Self;
    fn slot(self) -> usize;
    /// Length of the packed word: symbols are never zero, so it ends where
    /// the zero padding starts.
    fn len(self) -> usize;
    fn append(self, len: usize, out: &mut Vec<u8>);
}

impl Packed for u64 {
    const EMPTY: u64 = 0;
    const BYTES: usize = 8;
    #[inline(always)]
    fn pack(word: &[u8]) -> u64 {
        pack(word)
    }
    #[inline(always)]
    fn slot(self) -> usize {
        (self.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CACHE_BITS)) as usize
    }
    #[inline(always)]
    fn len(self) -> usize {
        8 - (self.leading_zeros() / 8) as usize
    }
    #[inline(always)]
    fn append(self, len: usize, out: &mut Vec<u8>) {
        let keep = out.len() + len;
        out.extend_from_slice(&self.to_le_bytes());
        out.truncate(keep);
    }
}

impl Packed for u128 {
    const EMPTY: u128 = 0;
    const BYTES: usize = 16;
    #[inline(always)]
    fn pack(word: &[u8]) -> u128 {
        pack16(word)
    }
    #[inline(always)]
    fn slot(self) -> usize {
        ((self as u64) ^ ((self >> 64) as u64).rotate_left(31)).slot()
    }
    #[inline(always)]
    fn len(self) -> usize {
        16 - (self.leading_zeros() / 8) as usize
    }
    #[inline(always)]
    fn append(self, len: usize, out: &mut Vec<u8>) {
        let keep = out.len() + len;
        out.extend_from_slice(&self.to_le_bytes());
        out.truncate(keep);
    }
}

/// Append the skeleton of `basic` (at most `K::BYTES` bytes) to `out`, from
/// `slots` when the word was seen last in its slot, else computed and kept.
#[inline(always)]
fn push_cached<K: Packed>(slots: &mut [(K, K)], basic: &[u8], out: &mut Vec<u8>) {
    let key = K::pack(basic);
    let ix = slot_in(key.slot(), slots.len());
    if let Some(&(k, sk)) = slots.get(ix)
        && k == key
    {
        sk.append(sk.len(), out);
        return;
    }
    let start = out.len();
    skeleton_of(basic, out);
    let sk = out.get(start..).unwrap_or_default();
    if let Some(slot) = slots.get_mut(ix) {
        *slot = (key, K::pack(sk));
    }
}

impl SkeletonCache {
    /// A cache sized for a text of `len` bytes (none for short texts).
    pub(crate) fn for_text(len: usize) -> SkeletonCache {
        let n = cache_slots(len);
        // Skeletons are asked of capitalised words and the words after
        // them (the walks of the lexicon pass have caches of their own), a
        // few thousand words even in a long text: a quarter of the slots
        // of the word caches. Cleared memory is paid by the first call of
        // each thread: over the 1 MiB corpus, -0.62 M instructions for the
        // first call, +0.02 M for the next (a few collisions more).
        SkeletonCache {
            slots: vec![(0, 0); n / 4],
            long_slots: vec![(0, 0); n / 4],
        }
    }

    /// Append the skeleton of `basic` to `out`, from the cache when it can.
    #[inline(always)]
    pub(crate) fn push_skeleton(&mut self, basic: &[u8], out: &mut Vec<u8>) {
        let n = basic.len();
        if n <= u64::BYTES && !self.slots.is_empty() {
            push_cached(&mut self.slots, basic, out);
        } else if n <= u128::BYTES && !self.long_slots.is_empty() {
            push_cached(&mut self.long_slots, basic, out);
        } else {
            skeleton_of(basic, out);
        }
    }
}

/// [`WordCache::get`] in one table of slots.
#[inline(always)]
fn get_in<K: Packed, V: Copy>(
    slots: &mut [(K, V)],
    word: &[u8],
    compute: impl FnOnce(&[u8]) -> V,
) -> V {
    let key = K::pack(word);
    let ix = slot_in(key.slot(), slots.len());
    match slots.get(ix) {
        Some(slot) if slot.0 == key => slot.1,
        Some(_) => get_after_miss(slots, ix, key, || compute(word)),
        None => compute(word),
    }
}

/// A key missed in its slot `ix`: looked for in the slot's neighbour
/// (`ix ^ 1`), else computed and kept (by [`insert_at`]). Two slots per
/// word, so that two words of a text that share a slot do not put each
/// other out at each meeting; a word is never in both.
#[inline(always)]
fn get_after_miss<K: Packed, V: Copy>(
    slots: &mut [(K, V)],
    ix: usize,
    key: K,
    compute: impl FnOnce() -> V,
) -> V {
    if let Some(other) = slots.get(ix ^ 1).filter(|other| other.0 == key) {
        return other.1;
    }
    let value = compute();
    insert_at(slots, ix, key, value);
    value
}

/// Keep `(key, value)` in slot `ix`, or in its neighbour when that one is
/// empty and slot `ix` is not (no other word put out).
#[inline(always)]
fn insert_at<K: Packed, V: Copy>(slots: &mut [(K, V)], ix: usize, key: K, value: V) {
    let empty = |at: usize, slots: &[(K, V)]| slots.get(at).is_some_and(|s| s.0 == K::EMPTY);
    let at = if !empty(ix, slots) && empty(ix ^ 1, slots) {
        ix ^ 1
    } else {
        ix
    };
    if let Some(slot) = slots.get_mut(at) {
        *slot = (key, value);
    }
}

/// [`WordCache::lookup`] in one table of slots.
#[inline(always)]
fn lookup_in<K: Packed, V: Copy>(slots: &[(K, V)], word: &[u8]) -> Option<V> {
    let key = K::pack(word);
    let ix = slot_in(key.slot(), slots.len());
    slots
        .get(ix)
        .filter(|slot| slot.0 == key)
        .or_else(|| slots.get(ix ^ 1).filter(|slot| slot.0 == key))
        .map(|slot| slot.1)
}

/// [`WordCache::store`] in one table of slots: over the word's value
/// where it is kept, else as a new word.
#[inline(always)]
fn store_in<K: Packed, V: Copy>(slots: &mut [(K, V)], word: &[u8], value: V) {
    let key = K::pack(word);
    let ix = slot_in(key.slot(), slots.len());
    for at in [ix, ix ^ 1] {
        if let Some(slot) = slots.get_mut(at).filter(|slot| slot.0 == key) {
            slot.1 = value;
            return;
        }
    }
    insert_at(slots, ix, key, value);
}

/// Any per-word value (`V`) by the word's basic form, for words of up to
/// sixteen bytes: the same direct-mapped slots as [`SkeletonCache`], for
/// what a caller derives from a word alone. Empty (no look-ups) for short
/// texts.
#[derive(Debug, Default)]
pub(crate) struct WordCache<V> {
    slots: Vec<(u64, V)>,
    long_slots: Vec<(u128, V)>,
}

impl<V: Copy + Default> WordCache<V> {
    /// A cache sized for a text of `len` bytes (none for short texts).
    pub(crate) fn for_text(len: usize) -> WordCache<V> {
        let mut c = WordCache {
            slots: Vec::new(),
            long_slots: Vec::new(),
        };
        let n = cache_slots(len);
        if n > 0 {
            c.slots = vec![(0, V::default()); n];
            c.long_slots = vec![(0, V::default()); n];
        }
        c
    }

    /// The value of `word`: cached when the word was seen last in its
    /// slot, else `compute(word)`, kept.
    #[inline(always)]
    pub(crate) fn get(&mut self, word: &[u8], compute: impl FnOnce(&[u8]) -> V) -> V {
        // Empty words would hit empty slots (key 0).
        match word.len() {
            0 => compute(word),
            n if n <= u64::BYTES => get_in(&mut self.slots, word, compute),
            n if n <= u128::BYTES => get_in(&mut self.long_slots, word, compute),
            _ => compute(word),
        }
    }

    /// [`WordCache::get`] for a word of one to eight bytes already
    /// packed by [`pack`] (`key`); `word` gives its bytes, read only to
    /// compute its value.
    #[inline(always)]
    pub(crate) fn get_packed<'w>(
        &mut self,
        key: u64,
        word: impl FnOnce() -> &'w [u8],
        compute: impl FnOnce(&[u8]) -> V,
    ) -> V {
        let ix = slot_in(key.slot(), self.slots.len());
        match self.slots.get_mut(ix) {
            Some(slot) => {
                if slot.0 == key {
                    return slot.1;
                }
            }
            None => return compute(word()),
        }
        get_after_miss(&mut self.slots, ix, key, || compute(word()))
    }

    /// The value kept for `word`, if its slot holds it.
    #[inline(always)]
    pub(crate) fn lookup(&self, word: &[u8]) -> Option<V> {
        match word.len() {
            0 => None,
            n if n <= u64::BYTES => lookup_in(&self.slots, word),
            n if n <= u128::BYTES => lookup_in(&self.long_slots, word),
            _ => None,
        }
    }

    /// Keep `value` for `word` (words of up to sixteen bytes).
    #[inline(always)]
    pub(crate) fn store(&mut self, word: &[u8], value: V) {
        match word.len() {
            0 => {}
            n if n <= u64::BYTES => store_in(&mut self.slots, word, value),
            n if n <= u128::BYTES => store_in(&mut self.long_slots, word, value),
            _ => {}
        }
    }
}

impl Folded<'_> {
    /// Basic form of token `i`.
    #[inline]
    pub fn basic_of(&self, i: usize) -> &[u8] {
        match self.tokens.get(i) {
            Some(t) => self.basic_of_token(t),
            None => &[],
        }
    }

    /// The basic form of token `i` is `et` or `ou` (the coordinations
    /// before a name): from the packed word when folding kept it, without
    /// reading the word.
    #[inline(always)]
    pub(crate) fn is_et_or_ou(&self, i: usize) -> bool {
        const ET: u64 = u16::from_le_bytes(*b"et") as u64;
        const OU: u64 = u16::from_le_bytes(*b"ou") as u64;
        match self.tokens.get(i).and_then(Token::packed) {
            Some(key) => key == ET || key == OU,
            None => matches!(self.basic_of(i), b"et" | b"ou"),
        }
    }

    /// Basic form of `t`, a token of this text (for a caller that holds
    /// it already).
    #[inline(always)]
    pub fn basic_of_token<'a>(&'a self, t: &'a Token) -> &'a [u8] {
        if t.inline != 0 {
            t.basic.get(..usize::from(t.inline)).unwrap_or_default()
        } else if t.in_text {
            self.text.get(t.start()..t.end()).unwrap_or_default()
        } else {
            let range = u64::from_le_bytes(t.basic);
            self.basic
                .get(range as u32 as usize..(range >> 32) as usize)
                .unwrap_or_default()
        }
    }

    /// Append the skeleton of token `i` to `out`.
    pub fn skeleton_into(&self, i: usize, out: &mut Vec<u8>) {
        skeleton_of(self.basic_of(i), out);
    }

    /// The skeleton view of tokens `first..end`: the skeletons of the
    /// words that are not articles, space-joined, appended to `out`.
    pub fn skeleton_view_into(&self, first: usize, end: usize, out: &mut Vec<u8>) {
        let mut sep = false;
        for i in first..end.min(self.tokens.len()) {
            if self.tokens[i].article {
                continue;
            }
            if sep {
                out.push(b' ');
            }
            sep = true;
            self.skeleton_into(i, out);
        }
    }
}

/// Elided French words: an apostrophe after them separates words.
const ELISIONS: [&[u8]; 14] = [
    b"l", b"d", b"j", b"m", b"n", b"s", b"t", b"c", b"qu", b"jusqu", b"lorsqu", b"puisqu",
    b"quoiqu", b"presqu",
];

/// Assimilated forms of the article, dropped only when hyphenated
/// (`as-Safir`, `Deir ez-Zor`) because several are French words too.
const SUN_ARTICLES: [&[u8]; 19] = [
    b"as", b"ad", b"an", b"ash", b"ach", b"at", b"az", b"ar", b"es", b"ed", b"en", b"et", b"ez",
    b"er", b"ech", b"esh", b"ath", b"adh", b"ul",
];

/// Every basic form of a token marked `article`: `al`, `el` and the
/// assimilated forms.
pub(crate) fn article_words() -> impl Iterator<Item = &'static [u8]> {
    [&b"al"[..], b"el"].into_iter().chain(SUN_ARTICLES)
}

/// `al` or `el`: Arabic articles always dropped from the skeleton view when
/// followed by a word (hyphen, space or glued). Runs per word, so no slice
/// comparison.
fn is_article(word: &[u8]) -> bool {
    matches!(word, [b'a' | b'e', b'l'])
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`' | '´' | 'ʿ' | 'ʾ' | '′')
}

/// Spaces and quotation marks: they separate words but do not end a phrase.
fn is_space_like(c: char) -> bool {
    c.is_whitespace() && c != '\u{2029}' || matches!(c, '«' | '»' | '“' | '”' | '„' | '‹' | '›')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Push the basic form of a non-ASCII alphanumeric character.
fn push_basic_char(c: char, out: &mut Vec<u8>) {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā' => {
            "a"
        }
        'ç' | 'Ç' => "s",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' | 'Ī' | 'ı' | 'İ' => "i",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'ø' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        'ḥ' | 'Ḥ' => "h",
        'ṣ' | 'Ṣ' | 'š' | 'Š' => "s",
        'ṭ' | 'Ṭ' => "t",
        'ḍ' | 'Ḍ' => "d",
        'ẓ' | 'Ẓ' | 'ž' | 'Ž' => "z",
        'ğ' | 'Ğ' => "g",
        _ => {
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
            return;
        }
    };
    // One or two bytes: pushed one by one (a copy of variable length
    // compiles to a call to memcpy).
    for &b in folded.as_bytes() {
        out.push(b);
    }
}

// Byte classes for the ASCII fast path.
const C_OTHER: u8 = 0;
const C_LOWER: u8 = 1;
const C_UPPER: u8 = 2;
const C_DIGIT: u8 = 3;
const C_SPACE: u8 = 4;
const C_HYPHEN: u8 = 5;
const C_APOSTROPHE: u8 = 6;
const C_NEWLINE: u8 = 7;
const C_HIGH: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut t = [C_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' => C_LOWER,
            b'A'..=b'Z' => C_UPPER,
            b'0'..=b'9' => C_DIGIT,
            // Quotes do not end a phrase: `la région « al-Barij »`.
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c | b'"' => C_SPACE,
            b'-' => C_HYPHEN,
            b'\'' | b'`' => C_APOSTROPHE,
            b'\n' => C_NEWLINE,
            0x80..=0xff => C_HIGH,
            _ => C_OTHER,
        };
        b += 1;
    }
    t
}

static CLASS: [u8; 256] = byte_classes();

/// The char at byte `i` of `text` and its length (`i` is a char boundary).
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c) => (c, c.len_utf8()),
        None => ('\u{fffd}', 1),
    }
}

fn is_word_char(c: char) -> bool {
    // Latin-1 and Latin Extended-A letters (é, ï, œ…) without the Unicode
    // table lookup: they are most of the non-ASCII text.
    match c {
        '\u{c0}'..='\u{17f}' => c != '×' && c != '÷',
        _ => c.is_alphanumeric() && !matches!(c, 'ʿ' | 'ʾ'),
    }
}

/// Uppercase test with a fast path for Latin-1 and Latin Extended-A.
fn is_upper(c: char) -> bool {
    match c {
        '\u{c0}'..='\u{de}' => c != '×',
        '\u{df}'..='\u{ff}' => false,
        _ => c.is_uppercase(),
    }
}

/// True when a word character starts at byte `i`.
fn word_starts_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(&b) => match CLASS[b as usize] {
            C_LOWER | C_UPPER | C_DIGIT => true,
            C_HIGH => is_word_char(char_at(text, i).0),
            _ => false,
        },
    }
}

/// `v` made `n` copies of `x`, in the memory it has: the part it keeps is
/// filled (one memset), only a missing tail is appended. Memory too small
/// is replaced rather than grown (growing copies the old entries).
pub(crate) fn refill<T: Copy>(v: &mut Vec<T>, n: usize, x: T) {
    if v.capacity() < n {
        *v = vec![x; n];
        return;
    }
    v.truncate(n);
    v.fill(x);
    v.resize(n, x);
}

/// `v` made `n` long, for a caller that writes every entry before it
/// reads it: [`refill`] without the fill of the entries kept (a store per
/// entry, for nothing).
pub(crate) fn fit<T: Copy>(v: &mut Vec<T>, n: usize, x: T) {
    if v.capacity() < n {
        *v = vec![x; n];
        return;
    }
    v.truncate(n);
    v.resize(n, x);
}

/// Fold `text` into tokens and basic forms.
pub(crate) fn fold(text: &str) -> Folded<'_> {
    fold_into(text, Vec::new(), Vec::new())
}

/// [`fold`] into the vectors of an earlier [`Folded`] (cleared first):
/// no allocation, nor the kernel's zeroing of fresh pages, for each text.
pub(crate) fn fold_into(text: &str, mut tokens: Vec<Token>, mut basic: Vec<u8>) -> Folded<'_> {
    tokens.clear();
    basic.clear();
    // French news runs at five to six bytes per word and separator: a
    // quarter of the length leaves room, so the vector never grows (a
    // regrowth copies it whole). Only words with capitals, accents or
    // inner apostrophes are copied. A kept vector too small for this
    // text is replaced, not grown: growing it copies its old bytes.
    let room = text.len() / 4 + 8;
    if tokens.capacity() < room {
        tokens = Vec::with_capacity(room);
    }
    if basic.capacity() < room + 8 {
        basic = Vec::with_capacity(room + 8);
    }
    let mut f = Folded {
        text: text.as_bytes(),
        tokens,
        basic,
    };
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        // Most words and separators: the lean loop of `read_common`, which
        // leaves the rest to `read_one` below.
        i = read_common(&mut f, text, i);
        if i < n {
            i = read_one(&mut f, text, i);
        }
    }
    f
}

/// Read the word or separator at byte `i` (not the end of the text) with
/// the readers below; returns the byte after it. Out of line: called
/// from [`read_common`] at the words it leaves, and near the end of the
/// text.
#[inline(never)]
fn read_one(f: &mut Folded<'_>, text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let Some(&b) = bytes.get(i) else {
        return i + 1;
    };
    if b == b' ' {
        return i + 1;
    }
    match CLASS[b as usize] {
        C_LOWER | C_DIGIT => read_plain_token(f, text, i),
        C_UPPER => read_capitalised(f, text, i),
        C_SPACE | C_HYPHEN | C_APOSTROPHE => i + 1,
        C_HIGH
            if b == 0xc3
                && bytes
                    .get(i + 1)
                    .is_some_and(|&c| LATIN1_LOWER[c as usize] != 0) =>
        {
            // `à`, `été`: a lowercase word (as `read_token` finds).
            read_accented_inline(f, text, i, false, 0, 0, i)
        }
        C_HIGH => read_high(f, text, i),
        _ => {
            // Punctuation or a line break between words still ends a
            // phrase (`Mazzé ».`).
            mark_phrase_end(f);
            i + 1
        }
    }
}

/// A char outside ASCII at byte `i`: a word read by the general reader,
/// or a separator stepped over (a sign other than a space, hyphen or
/// apostrophe ends a phrase). Returns the byte after what was read.
fn read_high(f: &mut Folded<'_>, text: &str, i: usize) -> usize {
    let (c, len) = char_at(text, i);
    if is_word_char(c) {
        return read_token(f, text, i);
    }
    if !(is_space_like(c) || is_hyphen(c) || is_apostrophe(c)) {
        mark_phrase_end(f);
    }
    i + len
}

/// For the second byte of a two-byte UTF-8 sequence that starts with
/// `0xC3`: the basic form of the lowercase Latin-1 letter it encodes, when
/// that is one ASCII letter (`é` → `e`, `ç` → `s`), else 0 (capitals, `æ`,
/// `ð`, `þ`, `ß`, `÷`: left to the general path). Checked against
/// [`push_basic_char`] by a test.
const LATIN1_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let from: &[u8; 32] = b"aaaaaa\0seeeeiiii\0nooooo\0ouuuuy\0y";
    let mut k = 0;
    while k < 32 {
        t[0xa0 + k] = from[k];
        k += 1;
    }
    t
};

/// Read a word that starts with an ASCII capital. Most are one capital
/// and a run of lowercase ASCII letters and digits ended by an ASCII space
/// or punctuation mark (`Hezbollah`, `Le`): their basic form is the word
/// with its first letter lowered, copied in one go. Any other word goes
/// through [`read_token`] (which gives the same for these).
#[inline(always)]
fn read_capitalised(f: &mut Folded<'_>, text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let run_start = start + 1;
    let end = if bytes
        .get(run_start)
        .is_some_and(|&b| matches!(CLASS[b as usize], C_LOWER | C_DIGIT))
    {
        lower_run_end(bytes, run_start)
    } else {
        run_start
    };
    let sep = ascii_sep_at(bytes, end);
    if sep.is_none() && !latin1_lower_at(bytes, end) {
        // `EI`, `OSDH`, `SANA`: a word of capitals and digits, of up to
        // eight bytes, ended by an ASCII separator, is its lowered bytes
        // (as `read_token` reads it: no lowercase letter, so no glued
        // article). Anything else goes to the general reader.
        let caps = bytes
            .get(run_start..)
            .unwrap_or_default()
            .iter()
            .take(8)
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            .count();
        let caps_end = run_start + caps;
        if caps > 0
            && caps_end - start <= 8
            && let Some((sep_after, next)) = ascii_sep_at(bytes, caps_end)
            && let Some(chunk) = bytes.get(start..start + 8)
            && let Ok(chunk) = <[u8; 8]>::try_from(chunk)
        {
            let len = caps_end - start;
            // Letters lowered; digits already have the bit.
            let lowered = u64::from_le_bytes(chunk) | 0x2020_2020_2020_2020;
            let basic = (lowered & (u64::MAX >> (64 - 8 * len))).to_le_bytes();
            f.tokens.push(Token {
                start: start as u32,
                end: caps_end as u32,
                basic,
                inline: len as u8,
                in_text: false,
                capital: true,
                article: is_article_before(basic.get(..len).unwrap_or_default(), sep_after),
                accented: false,
                sep_after,
            });
            return next;
        }
        return read_token(f, text, start);
    }
    // Most capitalised words: one to eight bytes, their eight bytes at
    // hand. The basic form (the first letter lowered) goes on the token
    // from a register, without a copy.
    if let Some(chunk) = bytes.get(start..start + 8)
        && let Ok(chunk) = <[u8; 8]>::try_from(chunk)
        && end - start <= 8
    {
        let len = end - start;
        let packed = (u64::from_le_bytes(chunk) | 0x20) & (u64::MAX >> (64 - 8 * len));
        let Some((sep_after, next)) = sep else {
            // `Défense`: on in the accented reader, from the register.
            return read_accented_inline(f, text, start, true, packed, len, end);
        };
        let basic = packed.to_le_bytes();
        f.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            basic,
            inline: len as u8,
            in_text: false,
            capital: true,
            article: is_article_before(basic.get(..len).unwrap_or_default(), sep_after),
            accented: false,
            sep_after,
        });
        return next;
    }
    let (Some(&first), Some(_)) = (bytes.get(start), bytes.get(run_start..end)) else {
        return read_token(f, text, start);
    };
    let basic_start = f.basic.len();
    f.basic.push(first | 0x20);
    push_run(&mut f.basic, bytes, run_start, end);
    let word = Word {
        start,
        basic_start,
        capital: true,
    };
    match sep {
        Some((sep_after, next)) => {
            finish(f, word, end, false, sep_after);
            next
        }
        // `Défense`: on in the accented reader.
        None => read_accented(f, text, word, end),
    }
}

/// A lowercase Latin-1 letter that [`LATIN1_LOWER`] folds starts at `i`.
#[inline(always)]
fn latin1_lower_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&0xc3)
        && bytes
            .get(i + 1)
            .is_some_and(|&c| LATIN1_LOWER[c as usize] != 0)
}

/// Append the bytes `run_start..run_end` of `bytes` to `basic`. An
/// eight-byte block appended whole, then cut to length, beats a call to
/// memcpy for the usual short run.
#[inline(always)]
fn push_run(basic: &mut Vec<u8>, bytes: &[u8], run_start: usize, run_end: usize) {
    let run = bytes.get(run_start..run_end).unwrap_or_default();
    match bytes.get(run_start..run_start + 8) {
        Some(block) if run.len() <= 8 => {
            let keep = basic.len() + run.len();
            basic.extend_from_slice(block);
            basic.truncate(keep);
        }
        _ => basic.extend_from_slice(run),
    }
}

/// Go on reading `word`, whose basic form so far is in `f.basic`, at byte
/// `i`: runs of lowercase ASCII letters and digits and lowercase Latin-1
/// letters (`armée`, `Défense`, `à`), up to a separator of one ASCII byte
/// or the end of the text, as [`read_token`] reads them (no capital, no
/// apostrophe, no other letter inside: those words are given back to
/// [`read_token`], which reads them from their start). Most French words
/// with accents are read here, without decoding a char.
#[inline(always)]
fn read_accented(f: &mut Folded<'_>, text: &str, word: Word, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i..i + 2) {
            Some(&[0xc3, c]) if LATIN1_LOWER[c as usize] != 0 => {
                f.basic.push(LATIN1_LOWER[c as usize]);
                i += 2;
            }
            _ => {
                let Some((sep_after, next)) = ascii_sep_at(bytes, i) else {
                    f.basic.truncate(word.basic_start);
                    return read_token(f, text, word.start);
                };
                finish(f, word, i, true, sep_after);
                return next;
            }
        }
        if bytes
            .get(i)
            .is_some_and(|&b| matches!(CLASS[b as usize], C_LOWER | C_DIGIT))
        {
            let end = lower_run_end(bytes, i);
            push_run(&mut f.basic, bytes, i, end);
            i = end;
        }
    }
}

/// [`read_accented`] for a word whose basic form so far, `acc` (the
/// bytes packed, `len` of them), is at most eight bytes long and kept in a
/// register rather than in `f.basic` (`capital`: the word's first
/// character is a capital or a digit): most accented words (`à`, `été`,
/// `armée`) end within eight bytes and go on their token from here
/// without a copy. A longer one goes on in [`read_accented`].
#[inline(always)]
fn read_accented_inline(
    f: &mut Folded<'_>,
    text: &str,
    start: usize,
    capital: bool,
    mut acc: u64,
    mut len: usize,
    mut i: usize,
) -> usize {
    let bytes = text.as_bytes();
    // The basic form so far goes to `f.basic`, for the general reader.
    let spill = |f: &mut Folded<'_>, acc: u64, len: usize| {
        let basic_start = f.basic.len();
        f.basic
            .extend_from_slice(acc.to_le_bytes().get(..len).unwrap_or_default());
        Word {
            start,
            basic_start,
            capital,
        }
    };
    loop {
        match bytes.get(i..i + 2) {
            Some(&[0xc3, c]) if LATIN1_LOWER[c as usize] != 0 => {
                if len >= 8 {
                    let word = spill(f, acc, len);
                    return read_accented(f, text, word, i);
                }
                acc |= u64::from(LATIN1_LOWER[c as usize]) << (8 * len);
                len += 1;
                i += 2;
            }
            _ => {
                let Some((sep_after, next)) = ascii_sep_at(bytes, i) else {
                    return read_token(f, text, start);
                };
                f.tokens
                    .push(accented_token(start, i, (acc, len), capital, sep_after));
                return next;
            }
        }
        if bytes
            .get(i)
            .is_some_and(|&b| matches!(CLASS[b as usize], C_LOWER | C_DIGIT))
        {
            let (end, chunk) = lower_run_end_packed(bytes, i);
            let run = end - i;
            if len + run > 8 || chunk == 0 {
                let word = spill(f, acc, len);
                push_run(&mut f.basic, bytes, i, end);
                return read_accented(f, text, word, end);
            }
            // `len` is below eight here, `run` one to eight: the shifts
            // are below 64.
            acc |= (chunk & (u64::MAX >> (64 - 8 * run))) << (8 * len);
            len += run;
            i = end;
        }
    }
}

/// The separator at `end`, right after a word, and where the next word may
/// start, when it is a single ASCII byte (or the end of the text); `None`
/// when the word goes on in a letter the fast readers leave to
/// [`read_token`].
#[inline(always)]
fn ascii_sep_at(bytes: &[u8], end: usize) -> Option<(Sep, usize)> {
    match bytes.get(end) {
        None => Some((Sep::Space, end)),
        Some(b' ') => Some((Sep::Space, end + 1)),
        Some(&b) => match CLASS[b as usize] {
            C_SPACE => Some((Sep::Space, end + 1)),
            C_HYPHEN => Some((Sep::Hyphen, end + 1)),
            C_NEWLINE | C_OTHER => Some((Sep::Punct, end + 1)),
            _ => None,
        },
    }
}

/// The length of the apostrophe at `i` that [`read_token`] reads in its
/// fast cases: an ASCII one (`'`, `` ` ``) or the typographic `’`.
#[inline(always)]
fn apostrophe_len_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..i + 3) {
        Some([0xe2, 0x80, 0x99]) => Some(3),
        _ => match bytes.get(i) {
            Some(&b) if CLASS[b as usize] == C_APOSTROPHE => Some(1),
            _ => None,
        },
    }
}

/// [`ELISIONS`] as one match: no slice comparisons.
#[inline(always)]
fn is_elision(word: &[u8]) -> bool {
    matches!(
        word,
        [b'l' | b'd' | b'j' | b'm' | b'n' | b's' | b't' | b'c']
            | b"qu"
            | b"jusqu"
            | b"lorsqu"
            | b"puisqu"
            | b"quoiqu"
            | b"presqu"
    )
}

/// The words most of a text is made of, and the separators between them,
/// from byte `i`, in a loop of its own (the readers below, inlined in
/// [`fold_into`] with the general one, hold more state than a register
/// file: their loop spilled at every word). Read here, as those readers
/// read them: a plain word (`tirs`, `frappes`; `d’` before an apostrophe;
/// any length), a capitalised word of up to eight bytes (`Alep`; `L’`
/// before an apostrophe), a word of
/// lowercase ASCII and Latin-1 letters (`été`, `armée`, `Défense`; one
/// whose basic form outgrows eight bytes goes on in `f.basic`, out of
/// line), each ended by a one-byte ASCII separator; spaces, hyphens, apostrophes and ASCII punctuation between
/// words. Any other word it leaves whole (no token, nothing in `f.basic`)
/// to [`read_one`], which reads it from its start with the readers below,
/// out of line; eight bytes before the end of the text it returns.
#[inline(never)]
fn read_common(f: &mut Folded<'_>, text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    'words: loop {
        let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) else {
            return i;
        };
        let x = u64::from_le_bytes(*chunk);
        let b = x as u8;
        let start = i;
        // The run of lowercase ASCII letters and digits at `start` ends at
        // the first of these bits (a plain word when it is not the first
        // byte's): no class look-up for most words.
        let stop = lower_run_stops(x);
        // A word with an accented letter goes on below from here: whether
        // its first letter is a capital or a digit, its basic form so far
        // (`acc`, `len` bytes) and where it goes on.
        let (capital, mut acc, mut len, mut at) = 'word: {
            if stop & 0x80 == 0 {
                let end = if stop != 0 {
                    start + (stop.trailing_zeros() / 8) as usize
                } else {
                    lower_run_end(bytes, start + 8)
                };
                let len = end - start;
                let (sep_after, next) = match bytes.get(end) {
                    Some(b' ') => (Sep::Space, end + 1),
                    None => (Sep::Space, end),
                    Some(&c) => match CLASS[c as usize] {
                        C_SPACE => (Sep::Space, end + 1),
                        C_HYPHEN => (Sep::Hyphen, end + 1),
                        // `, ` and `. `: the space after the mark too.
                        C_NEWLINE | C_OTHER if bytes.get(end + 1) == Some(&b' ') => {
                            (Sep::Punct, end + 2)
                        }
                        C_NEWLINE | C_OTHER => (Sep::Punct, end + 1),
                        C_HIGH if len <= 8 && latin1_lower_at(bytes, end) => {
                            // `armée`: on below, the run so far packed.
                            let acc = x & (u64::MAX >> (64 - 8 * len));
                            break 'word (b.is_ascii_digit(), acc, len, end);
                        }
                        C_HIGH if latin1_lower_at(bytes, end) => {
                            // `bombardés`: a basic form longer than eight
                            // bytes, in `f.basic`.
                            let word = Word {
                                start,
                                basic_start: 0,
                                capital: b.is_ascii_digit(),
                            };
                            i = read_accented_spilled(f, text, word, (0, 0), (start, end));
                            continue 'words;
                        }
                        // `d’Idleb`, `l'armée`: an elided word.
                        _ => match apostrophe_len_at(bytes, end) {
                            Some(n) if is_elision(bytes.get(start..end).unwrap_or_default()) => {
                                (Sep::Apostrophe, end + n)
                            }
                            _ => {
                                i = read_one(f, text, start);
                                continue 'words;
                            }
                        },
                    },
                };
                // Zero for a word of more than eight bytes.
                let packed = if len <= 8 {
                    x & (u64::MAX >> (64 - 8 * len))
                } else {
                    0
                };
                let article = match sep_after {
                    // Only `al` and `el` are this (no length test).
                    Sep::Space => packed | 0x04 == AL_OR_EL,
                    Sep::Hyphen => len <= 3 && hyphen_article(packed, len),
                    _ => false,
                };
                f.tokens.push(Token {
                    start: start as u32,
                    end: end as u32,
                    basic: packed.to_le_bytes(),
                    inline: if len <= 8 { len as u8 } else { 0 },
                    in_text: true,
                    capital: b.is_ascii_digit(),
                    article,
                    accented: false,
                    sep_after,
                });
                i = next;
                continue 'words;
            }
            if b == b' ' {
                i += 1;
                continue 'words;
            }
            match CLASS[b as usize] {
                C_UPPER => {
                    // The run after the capital: its first byte is a stop.
                    let stop = stop & !0x80;
                    if stop == 0 {
                        i = read_one(f, text, start);
                        continue 'words;
                    }
                    let len = (stop.trailing_zeros() / 8) as usize;
                    let end = start + len;
                    let packed = (x | 0x20) & (u64::MAX >> (64 - 8 * len));
                    let Some((sep_after, next)) = ascii_sep_at(bytes, end) else {
                        if latin1_lower_at(bytes, end) {
                            // `Défense`.
                            break 'word (true, packed, len, end);
                        }
                        i = match apostrophe_len_at(bytes, end) {
                            // `L’armée`, `D'après`: an elided word, as the
                            // general reader reads it.
                            Some(n)
                                if is_elision(
                                    packed.to_le_bytes().get(..len).unwrap_or_default(),
                                ) =>
                            {
                                f.tokens.push(Token {
                                    start: start as u32,
                                    end: end as u32,
                                    basic: packed.to_le_bytes(),
                                    inline: len as u8,
                                    in_text: false,
                                    capital: true,
                                    article: false,
                                    accented: false,
                                    sep_after: Sep::Apostrophe,
                                });
                                end + n
                            }
                            _ => read_one(f, text, start),
                        };
                        continue 'words;
                    };
                    f.tokens.push(Token {
                        start: start as u32,
                        end: end as u32,
                        basic: packed.to_le_bytes(),
                        inline: len as u8,
                        in_text: false,
                        capital: true,
                        article: len <= 3
                            && match sep_after {
                                Sep::Space => packed | 0x04 == AL_OR_EL,
                                Sep::Hyphen => hyphen_article(packed, len),
                                _ => false,
                            },
                        accented: false,
                        sep_after,
                    });
                    i = next;
                    continue 'words;
                }
                C_SPACE | C_HYPHEN | C_APOSTROPHE => {
                    i += 1;
                    continue 'words;
                }
                C_NEWLINE | C_OTHER => {
                    // Punctuation or a line break between words ends a phrase.
                    if let Some(last) = f.tokens.last_mut() {
                        last.sep_after = Sep::Punct;
                    }
                    i += 1;
                    continue 'words;
                }
                // `à`, `été`.
                C_HIGH if b == 0xc3 && LATIN1_LOWER[usize::from((x >> 8) as u8)] != 0 => {
                    (false, 0, 0, start)
                }
                // `«`, `»` and the no-break space: spaces (`read_high`).
                C_HIGH if b == 0xc2 && matches!((x >> 8) as u8, 0xa0 | 0xab | 0xbb) => {
                    i += 2;
                    continue 'words;
                }
                _ => {
                    i = read_one(f, text, start);
                    continue 'words;
                }
            }
        };
        // Runs of lowercase ASCII letters and digits and lowercase Latin-1
        // letters, as `read_accented_inline` reads them; a word it would
        // give to the general reader is left whole.
        loop {
            match bytes.get(at..at + 2) {
                Some(&[0xc3, c]) if LATIN1_LOWER[c as usize] != 0 => {
                    if len >= 8 {
                        // On in `f.basic`.
                        let word = Word {
                            start,
                            basic_start: 0,
                            capital,
                        };
                        i = read_accented_spilled(f, text, word, (acc, len), (at, at));
                        continue 'words;
                    }
                    acc |= u64::from(LATIN1_LOWER[c as usize]) << (8 * len);
                    len += 1;
                    at += 2;
                }
                _ => {
                    let Some((sep_after, next)) = ascii_sep_at(bytes, at) else {
                        i = read_one(f, text, start);
                        continue 'words;
                    };
                    f.tokens
                        .push(accented_token(start, at, (acc, len), capital, sep_after));
                    i = next;
                    continue 'words;
                }
            }
            if bytes
                .get(at)
                .is_some_and(|&c| matches!(CLASS[c as usize], C_LOWER | C_DIGIT))
            {
                let (end, chunk) = lower_run_end_packed(bytes, at);
                let run = end - at;
                if len + run > 8 || chunk == 0 {
                    // On in `f.basic`, this run too.
                    let word = Word {
                        start,
                        basic_start: 0,
                        capital,
                    };
                    i = read_accented_spilled(f, text, word, (acc, len), (at, end));
                    continue 'words;
                }
                // `len` is below eight here, `run` one to eight: the
                // shifts are below 64.
                acc |= (chunk & (u64::MAX >> (64 - 8 * run))) << (8 * len);
                len += run;
                at = end;
            }
        }
    }
}

/// A word of lowercase ASCII and Latin-1 letters (`word`: its start and
/// whether its first letter is a capital or a digit) whose basic form
/// outgrows eight bytes, on in [`read_accented`] as
/// [`read_accented_inline`] and [`read_plain_token`] hand it over: the
/// basic form so far (`acc`, `len` bytes packed), then the text's bytes
/// `run_start..run_end` go to `f.basic`, and the word goes on at
/// `run_end`. Out of line: one word in thirty.
#[inline(never)]
fn read_accented_spilled(
    f: &mut Folded<'_>,
    text: &str,
    word: Word,
    (acc, len): (u64, usize),
    (run_start, run_end): (usize, usize),
) -> usize {
    let bytes = text.as_bytes();
    let basic_start = f.basic.len();
    f.basic
        .extend_from_slice(acc.to_le_bytes().get(..len).unwrap_or_default());
    if run_end > run_start {
        push_run(&mut f.basic, bytes, run_start, run_end);
    }
    let word = Word {
        basic_start,
        ..word
    };
    read_accented(f, text, word, run_end)
}

/// The token of a word `start..end` with an accented letter whose basic
/// form, of one to eight bytes, is packed in a register (`acc`, `len`
/// bytes), followed by `sep_after`: [`read_accented_inline`] and
/// [`read_common`] end such words alike.
#[inline(always)]
fn accented_token(
    start: usize,
    end: usize,
    (acc, len): (u64, usize),
    capital: bool,
    sep_after: Sep,
) -> Token {
    Token {
        start: start as u32,
        end: end as u32,
        basic: acc.to_le_bytes(),
        // One to eight bytes: an accented letter was read.
        inline: len as u8,
        in_text: false,
        capital,
        // `is_article_before`, from the packed form.
        article: len <= 3
            && match sep_after {
                Sep::Space | Sep::Glued => acc | 0x04 == AL_OR_EL,
                Sep::Hyphen => hyphen_article(acc, len),
                Sep::Apostrophe | Sep::Punct => false,
            },
        accented: true,
        sep_after,
    }
}

/// [`is_article_before`] a hyphen, for a basic form of `len` bytes packed
/// (`al-`, `as-`, `ez-`).
#[inline(never)]
fn hyphen_article(packed: u64, len: usize) -> bool {
    let basic = packed.to_le_bytes();
    is_article_before(basic.get(..len).unwrap_or_default(), Sep::Hyphen)
}

/// Read a word that starts with a lowercase ASCII letter or a digit. Most
/// words are one run of those ended by an ASCII space or punctuation mark:
/// their bytes are their basic form, and the token points into the text.
/// The others go through [`read_token`].
#[inline(always)]
fn read_plain_token(f: &mut Folded<'_>, text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let first = bytes.get(start).map(|&b| CLASS[b as usize]);
    {
        let (end, chunk) = lower_run_end_packed(bytes, start);
        let (sep_after, next) = match ascii_sep_at(bytes, end) {
            // `, ` and `. `: the space after the mark is stepped over here
            // rather than by one more turn of the loop.
            Some((Sep::Punct, next)) if bytes.get(next) == Some(&b' ') => (Sep::Punct, next + 1),
            Some(sep) => sep,
            None if latin1_lower_at(bytes, end) => {
                // `armée`: on in the accented reader, the run so far in a
                // register when it has its eight bytes and no more.
                let len = end - start;
                if chunk != 0 && len <= 8 {
                    let acc = chunk & (u64::MAX >> (64 - 8 * len));
                    let capital = bytes.get(start).is_some_and(u8::is_ascii_digit);
                    return read_accented_inline(f, text, start, capital, acc, len, end);
                }
                let basic_start = f.basic.len();
                push_run(&mut f.basic, bytes, start, end);
                let word = Word {
                    start,
                    basic_start,
                    capital: CLASS[bytes[start] as usize] == C_DIGIT,
                };
                return read_accented(f, text, word, end);
            }
            // `d’Idleb`, `l'armée`: an elided word is a word of its own,
            // whatever follows (as `read_token` reads it). Tested after
            // the accents, which are more frequent.
            None => match apostrophe_len_at(bytes, end) {
                Some(len) if is_elision(bytes.get(start..end).unwrap_or_default()) => {
                    (Sep::Apostrophe, end + len)
                }
                _ => return read_token(f, text, start),
            },
        };
        // One to eight bytes here: the shift is below 64; `chunk` is 0
        // near the end of the text, and so the packed word.
        let len = end - start;
        let packed = if len <= 8 {
            chunk & (u64::MAX >> (64 - 8 * len))
        } else {
            0
        };
        let word = || bytes.get(start..end).unwrap_or_default();
        let article = len <= 3
            && match sep_after {
                // `al`, `el`: from the packed word when there is one.
                Sep::Space if packed != 0 => packed | 0x04 == AL_OR_EL,
                Sep::Space => is_article(word()),
                Sep::Hyphen => is_article(word()) || SUN_ARTICLES.contains(&word()),
                _ => false,
            };
        f.tokens.push(Token {
            start: start as u32,
            end: end as u32,
            basic: packed.to_le_bytes(),
            // The packed word is 0 only when it was not loaded.
            inline: if packed != 0 { len as u8 } else { 0 },
            in_text: true,
            // The run starts with a lowercase letter or a digit: its
            // class, read above, tells which.
            capital: first == Some(C_DIGIT),
            article,
            accented: false,
            sep_after,
        });
        next
    }
}

/// `el` packed: `al` and `el` packed, with the bit that tells `a` from
/// `e` in the first byte set, are this number (no other two bytes are).
const AL_OR_EL: u64 = u16::from_le_bytes(*b"el") as u64;

fn mark_phrase_end(f: &mut Folded<'_>) {
    if let Some(last) = f.tokens.last_mut() {
        last.sep_after = Sep::Punct;
    }
}

/// [`lower_run_end`], and the eight bytes at `i` as one number when there
/// are eight (else 0): they are in a register already, and the run's own
/// bytes of them are the run packed by [`pack`] when it is no longer.
#[inline(always)]
fn lower_run_end_packed(bytes: &[u8], i: usize) -> (usize, u64) {
    if let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*chunk);
        let stop = lower_run_stops(x);
        if stop != 0 {
            return (i + (stop.trailing_zeros() / 8) as usize, x);
        }
        return (lower_run_end(bytes, i + 8), x);
    }
    (lower_run_end(bytes, i), 0)
}

/// The high bit of each byte of `x` (eight bytes of text, the first in
/// the low byte) that is not a lowercase ASCII letter or a digit.
#[inline(always)]
fn lower_run_stops(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Low seven bits of each byte: the sums below never carry into the
    // next byte, and each byte's high bit tells whether it reaches a bound.
    let y = x & !HIGH;
    let at_least = |lo: u8| y + u64::from(0x80 - lo) * ONES;
    // The bounds are in order, so a byte reaches a first few of them: it
    // is a digit or a lowercase letter when that number is odd (one: a
    // digit, three: a letter), which one exclusive or of the four tells.
    // Fewer operations and constants than two range tests.
    let odd = at_least(b'0') ^ at_least(b'9' + 1) ^ at_least(b'a') ^ at_least(b'z' + 1);
    (!odd | x) & HIGH
}

/// The end of the run of lowercase ASCII letters and digits starting at
/// `i`: eight bytes per step (a per-byte range test on one `u64`), then
/// byte by byte near the end of the text.
#[inline(always)]
fn lower_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let stop = lower_run_stops(u64::from_le_bytes(*chunk));
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if matches!(CLASS[b as usize], C_LOWER | C_DIGIT) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Read the word starting at `start`; returns the index after its separator.
fn read_token(f: &mut Folded<'_>, text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let basic_start = f.basic.len();
    let mut i = start;
    let mut prev_lower = false;
    // A non-ASCII byte inside the word (`à`, `Ra’s`).
    let mut accented = false;
    let capital = match CLASS[bytes[i] as usize] {
        C_UPPER | C_DIGIT => true,
        C_HIGH => {
            let c = char_at(text, i).0;
            // No letter of Latin-1 and Latin Extended-A is numeric: the
            // Unicode table look-up only for the others.
            is_upper(c) || (!matches!(c, '\u{c0}'..='\u{17f}') && c.is_numeric())
        }
        _ => false,
    };
    let word = Word {
        start,
        basic_start,
        capital,
    };
    loop {
        // Runs of lowercase ASCII letters and digits, most of any text, are
        // their own basic form: copied in one go.
        let run_start = i;
        // (The run is often empty: a capital, an accent, the word's end.)
        if bytes
            .get(i)
            .is_some_and(|&b| matches!(CLASS[b as usize], C_LOWER | C_DIGIT))
        {
            i = lower_run_end(bytes, i);
        }
        if i > run_start {
            // Runs of up to eight bytes (most words): an eight-byte block
            // appended whole, then cut to length, beats a call to memcpy.
            match bytes.get(run_start..run_start + 8) {
                Some(block) if i - run_start <= 8 => {
                    let keep = f.basic.len() + (i - run_start);
                    f.basic.extend_from_slice(block);
                    f.basic.truncate(keep);
                }
                _ => f.basic.extend_from_slice(&bytes[run_start..i]),
            }
            prev_lower = CLASS[bytes[i - 1] as usize] == C_LOWER;
        }
        let Some(&b) = bytes.get(i) else {
            finish(f, word, n, accented, Sep::Space);
            return n;
        };
        match CLASS[b as usize] {
            C_UPPER => {
                if prev_lower && is_article(&f.basic[basic_start..]) {
                    // `alMaliki`: a glued article before a capitalised name.
                    finish(f, word, i, accented, Sep::Glued);
                    return i;
                }
                f.basic.push(b | 0x20);
                prev_lower = false;
                i += 1;
            }
            C_HIGH
                if b == 0xc3
                    && bytes
                        .get(i + 1)
                        .is_some_and(|&c| LATIN1_LOWER[c as usize] != 0) =>
            {
                // A lowercase Latin-1 letter (`é`, `à`, `ç` …), most
                // accented letters: its basic form from a table.
                if let Some(&c) = bytes.get(i + 1) {
                    f.basic.push(LATIN1_LOWER[c as usize]);
                }
                prev_lower = true;
                accented = true;
                i += 2;
            }
            C_HIGH if bytes.get(i..i + 3) == Some("’".as_bytes()) => {
                // The typographic apostrophe of French text, as below.
                if word_starts_at(text, i + 3) && !ELISIONS.contains(&&f.basic[basic_start..]) {
                    accented = true;
                    i += 3;
                    continue;
                }
                finish(f, word, i, accented, Sep::Apostrophe);
                return i + 3;
            }
            C_HIGH => {
                let (c, len) = char_at(text, i);
                if is_word_char(c) {
                    let upper = is_upper(c);
                    if upper && prev_lower && is_article(&f.basic[basic_start..]) {
                        finish(f, word, i, accented, Sep::Glued);
                        return i;
                    }
                    push_basic_char(c, &mut f.basic);
                    prev_lower = !upper && (matches!(c, '\u{df}'..='\u{17f}') || c.is_lowercase());
                    accented = true;
                    i += len;
                } else if is_apostrophe(c) {
                    if word_starts_at(text, i + len) && !ELISIONS.contains(&&f.basic[basic_start..])
                    {
                        accented = true;
                        i += len;
                        continue;
                    }
                    finish(f, word, i, accented, Sep::Apostrophe);
                    return i + len;
                } else {
                    let sep = if is_hyphen(c) {
                        Sep::Hyphen
                    } else if is_space_like(c) {
                        Sep::Space
                    } else {
                        Sep::Punct
                    };
                    finish(f, word, i, accented, sep);
                    return i + len;
                }
            }
            C_APOSTROPHE => {
                // `Ra’s`, `Ma'arat`: an apostrophe inside a name is dropped;
                // after an elided French word it separates.
                if word_starts_at(text, i + 1) && !ELISIONS.contains(&&f.basic[basic_start..]) {
                    i += 1;
                    continue;
                }
                finish(f, word, i, accented, Sep::Apostrophe);
                return i + 1;
            }
            class => {
                let sep = match class {
                    C_SPACE => Sep::Space,
                    C_HYPHEN => Sep::Hyphen,
                    _ => Sep::Punct,
                };
                finish(f, word, i, accented, sep);
                return i + 1;
            }
        }
    }
}

/// Where the word being read began.
#[derive(Clone, Copy)]
struct Word {
    start: usize,
    basic_start: usize,
    capital: bool,
}

/// Inlined: it runs once per word, and the call (five arguments, the
/// folded state through a pointer) cost as much as the work.
#[inline(always)]
fn finish(f: &mut Folded<'_>, word: Word, end: usize, accented: bool, sep_after: Sep) {
    let basic_start = word.basic_start;
    let basic = f.basic.get(basic_start..).unwrap_or_default();
    let article = is_article_before(basic, sep_after);
    // A basic form of up to eight bytes goes on the token, not in
    // `f.basic`.
    let (basic, inline) = match basic.len() {
        n @ 1..=8 => (pack(basic).to_le_bytes(), n as u8),
        _ => (
            (u64::from(basic_start as u32) | u64::from(f.basic.len() as u32) << 32).to_le_bytes(),
            0,
        ),
    };
    if inline != 0 {
        f.basic.truncate(basic_start);
    }
    f.tokens.push(Token {
        // `fold` takes at most `MAX_FOLDED_TEXT` bytes: no offset is cut.
        start: word.start as u32,
        end: end as u32,
        basic,
        inline,
        in_text: false,
        capital: word.capital,
        article,
        accented,
        sep_after,
    });
}

/// A word whose basic form is `basic`, followed by `sep_after`, is an
/// Arabic article left out of the skeleton view.
#[inline(always)]
fn is_article_before(basic: &[u8], sep_after: Sep) -> bool {
    match sep_after {
        Sep::Hyphen => is_article(basic) || (basic.len() <= 3 && SUN_ARTICLES.contains(&basic)),
        Sep::Space | Sep::Glued => is_article(basic),
        Sep::Apostrophe | Sep::Punct => false,
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Append the skeleton of one basic word to `out`.
///
/// The rules, in order: drop a final `-e`/`-eh` and the `h` of a final `-ah`
/// (words longer than three letters); drop a glued assimilated article
/// (`Assafir` → `safir`, `Ezzor` → `zor`); then `ch`/`sh` → one sound, `kh` → `h`, `gh` → `g`,
/// `dj` → `j`, `dh` → `d`, `th` → `t`, `ph` → `f`, `q`/`ck`/hard `c` → `k`,
/// soft `c` → `s`, `e`/`y` → `i` (except a word-initial `y`), `o`/`w` → `u`;
/// a word-initial `a`/`e`/`i` is one class; doubled letters collapse.
pub(crate) fn skeleton_of(word: &[u8], out: &mut Vec<u8>) {
    skeleton_long(strip_ends(word), out);
}

/// Feed the skeleton symbols of `word`, in order, to `step` until it
/// returns false: a walk that dies inside a word needs no more of it.
pub(crate) fn skeleton_until(word: &[u8], step: impl FnMut(u8) -> bool) {
    skeleton_letters(strip_ends(word), step);
}

/// The first rules of [`skeleton_of`]: a final `-e`/`-eh`/`-ah` and a glued
/// assimilated article off.
#[inline(always)]
fn strip_ends(word: &[u8]) -> &[u8] {
    let mut w = word;
    if w.len() > 3 {
        if w.ends_with(b"eh") {
            w = &w[..w.len() - 2];
        } else if w.ends_with(b"e") || w.ends_with(b"ah") {
            w = &w[..w.len() - 1];
        }
    }
    if w.len() >= 5
        && matches!(w[0], b'a' | b'e')
        && w[1] == w[2]
        && matches!(w[1], b's' | b'd' | b'n' | b't' | b'z' | b'r')
    {
        w = &w[2..];
    }
    w
}

/// The letter-by-letter part of [`skeleton_of`]; a word's skeleton is never
/// longer than the word. Words of up to eight letters (most of them) are
/// folded into an eight-byte block appended whole, then cut to length:
/// cheaper than one push per letter.
#[inline(always)]
fn skeleton_long(w: &[u8], out: &mut Vec<u8>) {
    if w.len() <= 8 {
        let mut block = [0u8; 8];
        let mut len = 0;
        skeleton_letters(w, |sym| {
            if let Some(slot) = block.get_mut(len) {
                *slot = sym;
                len += 1;
            }
            true
        });
        let keep = out.len() + len;
        out.extend_from_slice(&block);
        out.truncate(keep);
        return;
    }
    out.reserve(w.len());
    skeleton_letters(w, |sym| {
        out.push(sym);
        true
    });
}

/// Emit the skeleton symbols of `w`, in order.
#[inline(always)]
fn skeleton_letters(w: &[u8], mut emit: impl FnMut(u8) -> bool) {
    let mut prev = 0u8;
    let mut i = 0;
    while i < w.len() {
        let simple = SIMPLE_LETTER[w[i] as usize];
        let (sym, step) = if simple != 0 {
            (simple, 1)
        } else {
            map_letter(w, i, prev == 0)
        };
        // A word-initial a/e/i is one class.
        let sym = if prev == 0 && sym == b'i' { b'a' } else { sym };
        if sym != prev {
            if !emit(sym) {
                return;
            }
            prev = sym;
        }
        i += step;
    }
}

/// The skeleton symbol of the letter at `w[i]` and how many letters it takes.
#[inline(always)]
fn map_letter(w: &[u8], i: usize, word_start: bool) -> (u8, usize) {
    let c = w[i];
    let next = w.get(i + 1).copied().unwrap_or(0);
    match c {
        b'c' => match next {
            b'h' => (b'S', 2),
            b'k' => (b'k', 2),
            b'e' | b'i' | b'y' => (b's', 1),
            _ => (b'k', 1),
        },
        b's' if next == b'h' => (b'S', 2),
        b'k' if next == b'h' => (b'h', 2),
        b'g' if next == b'h' => (b'g', 2),
        b'd' if next == b'j' => (b'j', 2),
        b'd' if next == b'h' => (b'd', 2),
        b't' if next == b'h' => (b't', 2),
        b'p' if next == b'h' => (b'f', 2),
        b'q' => {
            if next == b'u' && matches!(w.get(i + 2), Some(b'e' | b'i')) {
                (b'k', 2)
            } else {
                (b'k', 1)
            }
        }
        b'e' => (b'i', 1),
        b'y' => {
            if word_start && is_vowel(next) {
                (b'y', 1)
            } else {
                (b'i', 1)
            }
        }
        b'o' | b'w' => (b'u', 1),
        _ => (c, 1),
    }
}

/// The skeleton symbol of each byte that maps alone, whatever follows it;
/// 0 for the letters that need a look at the next one (`c`, `s`, `k`, `g`,
/// `d`, `t`, `p`, `q`, `y`).
const SIMPLE_LETTER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'c' | b's' | b'k' | b'g' | b'd' | b't' | b'p' | b'q' | b'y' => 0,
            b'e' => b'i',
            b'o' | b'w' => b'u',
            x => x,
        };
        b += 1;
    }
    t
};

/// The skeleton view of a pattern (`" sk1 sk2"`), or `None` if it has no word.
pub(crate) fn pattern_skeleton(name: &str) -> Option<Vec<u8>> {
    let f = fold(name);
    let mut out = Vec::new();
    for (i, t) in f.tokens.iter().enumerate() {
        if !t.article {
            out.push(b' ');
            f.skeleton_into(i, &mut out);
        }
    }
    if out.is_empty() { None } else { Some(out) }
}

/// The basic forms of the non-article words of `name`, space-joined.
pub(crate) fn basic_key(name: &str) -> Vec<u8> {
    let f = fold(name);
    let mut out = Vec::new();
    for (i, t) in f.tokens.iter().enumerate() {
        if t.article {
            continue;
        }
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(f.basic_of(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sk(s: &str) -> String {
        String::from_utf8_lossy(&pattern_skeleton(s).unwrap_or_default()).into_owned()
    }

    #[test]
    fn spellings_meet() {
        let pairs = [
            ("Aarsale", "Arsal"),
            ("Aarsal", "Ersal"),
            ("Khanacer", "Khanasser"),
            ("Sarakeb", "Saraqib"),
            ("Jisr al-Choghour", "Jisr ash-Shughur"),
            ("Qalamoun", "Qalamoune"),
            ("Qalamoun", "Kalamoun"),
            ("Idleb", "Idlib"),
            ("Daech", "Daesh"),
            ("Assafir", "as-Safir"),
            ("al-Mayadeene", "Mayadin"),
            ("Beyrouth", "Beirut"),
            ("Al Jarajir", "Jarajir"),
            ("alMaliki", "al-Maliki"),
            ("Hezbollah", "Hizbullah"),
            ("Al-Qaïda", "al-Qaeda"),
            ("Dakhaniyé", "Dakhaniyyé"),
            ("Ra’s al-Maara", "Ras Maara"),
            ("Deir Ezzor", "Deir ez-Zor"),
        ];
        for (a, b) in pairs {
            assert_eq!(sk(a), sk(b), "{a} vs {b}");
        }
    }

    #[test]
    fn different_names_stay_apart() {
        for (a, b) in [
            ("Homs", "Hamas"),
            ("Hama", "Homs"),
            ("Liban", "Libye"),
            ("Irak", "Iran"),
            ("Damas", "Douma"),
        ] {
            assert_ne!(sk(a), sk(b), "{a} vs {b}");
        }
    }

    #[test]
    fn pack_keeps_every_byte_in_place() {
        let word = b"abcdefghi";
        for n in 0..=8 {
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(&word[..n]);
            assert_eq!(pack(&word[..n]), u64::from_le_bytes(b), "{n} bytes");
        }
        let word = b"abcdefghijklmnopq";
        for n in 0..=16 {
            let mut b = [0u8; 16];
            b[..n].copy_from_slice(&word[..n]);
            assert_eq!(pack16(&word[..n]), u128::from_le_bytes(b), "{n} bytes");
        }
    }

    proptest::proptest! {
        /// A word cache gives back, for a word, its computed value or the
        /// last one stored for it, never another word's, whatever the
        /// words sharing slots (64 slots, for a few dozen words).
        #[test]
        fn word_caches_give_each_word_its_own_value(
            ops in proptest::collection::vec((0usize..40, 0u8..4, 0u32..1000), 0..400)
        ) {
            // Words of one to sixteen bytes: both tables.
            let word = |w: usize| format!("w{}{}", w, "x".repeat(w % 13)).into_bytes();
            let computed = |bytes: &[u8]| bytes.iter().map(|&b| u32::from(b)).sum::<u32>() * 7;
            let mut cache: WordCache<u32> = WordCache::for_text(1024);
            proptest::prop_assert_eq!(cache.slots.len(), 64);
            let mut stored: std::collections::HashMap<usize, u32> = Default::default();
            for (w, op, value) in ops {
                let bytes = word(w);
                let allowed = |v: u32| v == computed(&bytes) || stored.get(&w) == Some(&v);
                match op {
                    0 => {
                        let v = cache.get(&bytes, computed);
                        proptest::prop_assert!(allowed(v), "get {w}: {v}");
                    }
                    1 if bytes.len() <= 8 => {
                        let v = cache.get_packed(pack(&bytes), || bytes.as_slice(), computed);
                        proptest::prop_assert!(allowed(v), "get_packed {w}: {v}");
                    }
                    2 => {
                        if let Some(v) = cache.lookup(&bytes) {
                            proptest::prop_assert!(allowed(v), "lookup {w}: {v}");
                        }
                    }
                    _ => {
                        cache.store(&bytes, value);
                        stored.insert(w, value);
                        proptest::prop_assert_eq!(cache.lookup(&bytes), Some(value));
                    }
                }
            }
        }
    }

    #[test]
    fn cached_skeletons_are_the_folded_ones() {
        // Long enough for the cache, and every word seen twice.
        let words = "Aarsale de la Qalamoune et Daech, Idleb Homs Hama Beyrouth œuvre \
                     bombardements internationalement Deir ez-Zor anticonstitutionnellement ";
        let text = words.repeat(CACHE_MIN_TEXT / words.len() + 1);
        let f = fold(&text);
        let mut cache = SkeletonCache::for_text(text.len());
        assert!(!cache.slots.is_empty());
        let (mut cached, mut plain) = (Vec::new(), Vec::new());
        for i in 0..f.tokens.len() {
            cache.push_skeleton(f.basic_of(i), &mut cached);
            f.skeleton_into(i, &mut plain);
            cached.push(b' ');
            plain.push(b' ');
        }
        assert_eq!(cached, plain);
    }

    #[test]
    fn latin1_table_is_push_basic_char() {
        for b in 0x80..=0xbfu8 {
            let Ok(s) = std::str::from_utf8(&[0xc3, b]).map(str::to_owned) else {
                continue;
            };
            let c = s.chars().next().unwrap_or(' ');
            let mut want = Vec::new();
            push_basic_char(c, &mut want);
            let got = LATIN1_LOWER[b as usize];
            if got != 0 {
                assert_eq!(want, [got], "{c}");
                assert!(is_word_char(c) && !is_upper(c), "{c}");
                assert!(matches!(c, '\u{df}'..='\u{17f}'), "{c}");
            }
        }
    }

    #[test]
    fn no_latin_letter_is_numeric() {
        assert!(('\u{c0}'..='\u{17f}').all(|c| !c.is_numeric()));
    }

    #[test]
    fn plain_words_are_their_basic_form() {
        let text = "des tirs à al-Bab, 12 morts; qu'un d’Idleb Ra'sa x";
        let f = fold(text);
        let basics: Vec<&[u8]> = (0..f.tokens.len()).map(|i| f.basic_of(i)).collect();
        let want: [&[u8]; 13] = [
            b"des", b"tirs", b"a", b"al", b"bab", b"12", b"morts", b"qu", b"un", b"d", b"idleb",
            b"rasa", b"x",
        ];
        assert_eq!(basics, want);
        assert!(f.tokens[3].article && f.tokens[3].in_text);
        assert!(f.tokens[5].capital);
    }

    #[test]
    fn lowercase_runs_end_where_the_bytes_say() {
        for b in 0..=255u8 {
            let mut text = b"abcdefgh09".to_vec();
            text.insert(3, b);
            text.extend_from_slice(b"xyzxyzxyz");
            let want = if matches!(CLASS[b as usize], C_LOWER | C_DIGIT) {
                text.len()
            } else {
                3
            };
            assert_eq!(lower_run_end(&text, 0), want, "byte {b:#x}");
            assert_eq!(lower_run_end(&text[..5], 0), want.min(5), "byte {b:#x}");
        }
    }

    /// [`fold`] with every word read by the general reader, [`read_token`]:
    /// what the fast readers must give.
    fn fold_by_read_token(text: &str) -> Folded<'_> {
        let mut f = Folded {
            text: text.as_bytes(),
            tokens: Vec::new(),
            basic: Vec::new(),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match CLASS[bytes[i] as usize] {
                C_LOWER | C_DIGIT | C_UPPER => i = read_token(&mut f, text, i),
                C_SPACE | C_HYPHEN | C_APOSTROPHE => i += 1,
                C_HIGH => i = read_high(&mut f, text, i),
                _ => {
                    mark_phrase_end(&mut f);
                    i += 1;
                }
            }
        }
        f
    }

    /// A token's fields, with its basic form read through
    /// [`Folded::basic_of`] wherever it is kept.
    type Word = (usize, usize, Vec<u8>, bool, bool, bool, Sep);

    fn folded_words(f: &Folded<'_>) -> Vec<Word> {
        (0..f.tokens.len())
            .map(|i| {
                let t = &f.tokens[i];
                let basic = f.basic_of(i).to_vec();
                (
                    t.start(),
                    t.end(),
                    basic,
                    t.capital,
                    t.article,
                    t.accented,
                    t.sep_after,
                )
            })
            .collect()
    }

    #[test]
    fn run_stops_are_the_bytes_not_lowercase_or_digits() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"az09mq5k";
                chunk[at] = b;
                let want = if matches!(CLASS[b as usize], C_LOWER | C_DIGIT) {
                    0
                } else {
                    0x80 << (8 * at)
                };
                assert_eq!(
                    lower_run_stops(u64::from_le_bytes(chunk)),
                    want,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn fitted_vectors_have_the_length_asked() {
        for (had, n) in [(0, 5), (3, 5), (5, 5), (9, 5), (4, 0)] {
            let mut v: Vec<u8> = vec![7; had];
            fit(&mut v, n, 7);
            assert_eq!(v, vec![7u8; n], "{had} -> {n}");
        }
    }

    #[test]
    fn refilled_vectors_are_fresh_ones() {
        for (had, n) in [(0, 5), (3, 5), (5, 5), (9, 5), (4, 0)] {
            let mut v: Vec<u8> = (0..had).map(|k| k as u8).collect();
            refill(&mut v, n, 7);
            assert_eq!(v, vec![7u8; n], "{had} -> {n}");
        }
    }

    #[test]
    fn packed_articles_are_al_and_el() {
        let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789";
        let mut words: Vec<Vec<u8>> = Vec::new();
        for &a in alphabet {
            words.push(vec![a]);
            for &b in alphabet {
                words.push(vec![a, b]);
                for c in [b'a', b'e', b'h', b'l', b'9'] {
                    words.push(vec![a, b, c]);
                }
            }
        }
        for w in &words {
            assert_eq!(pack(w) | 0x04 == AL_OR_EL, is_article(w), "{w:?}");
        }
    }

    #[test]
    fn et_and_ou_are_told_as_written() {
        let text = "Douma et Misraba ou Saqba, été ET Ou eté etc ou";
        let f = fold(text);
        for i in 0..f.tokens.len() {
            assert_eq!(
                f.is_et_or_ou(i),
                matches!(f.basic_of(i), b"et" | b"ou"),
                "{i}"
            );
        }
        assert_eq!((0..f.tokens.len()).filter(|&i| f.is_et_or_ou(i)).count(), 5);
    }

    #[test]
    fn tokens_stay_small() {
        assert_eq!(std::mem::size_of::<Token>(), 24);
    }

    #[test]
    fn elisions_are_the_listed_ones() {
        for word in ELISIONS {
            assert!(is_elision(word));
        }
        for word in [
            &b""[..],
            b"a",
            b"de",
            b"q",
            b"qui",
            b"jusq",
            b"lorsque",
            b"ll",
        ] {
            assert!(!is_elision(word));
        }
    }

    #[test]
    fn fast_readers_read_as_the_general_one() {
        let texts = [
            "L’armée a été déployée à Alep-Est, près d’Idleb; Défense, Sécurité.",
            "armée2 été à é àb éA alMaliki élMaliki Ra’s d’été qu’à Qalamoune-ouest",
            "Émirats, Œuvre, naïveté, ÉTÉ, Été, étéÀ, ça, garçon», «déjà» où ù",
            "x é",
            "é",
            "Dé",
            "2é",
            "aé-b",
            "Aé’s",
            "éé’",
            "ab\u{e9}\u{301}c",
            // Basic forms of eight bytes and more, inline then copied.
            "déstabilisé armééééééé Défenseurs éàéàéàéàéà abcdefgé abcdefghé Abcdefgé",
            "ééééééé1 éééééééé abcdefgh éé é1234567 Dé1234567",
            // Words in capitals: lowered in a register, or to the general
            // reader when lowercase, accents or more than eight bytes follow.
            "EI, OSDH SANA-ONU AL Bab AL-Bab A1B2 ABCDEFGH ABCDEFGHI EIx EIé ÉI E’I EI’s 1A2",
            "d’Idleb l'armée jusqu’à qu’ s’ t`a d’ 1’a aujourd’hui d’’a l’«a»",
        ];
        for text in texts {
            assert_eq!(
                folded_words(&fold(text)),
                folded_words(&fold_by_read_token(text)),
                "{text}"
            );
            assert!(packed_words_agree(&fold(text)), "{text}");
        }
        let long = "des tirs ont visé les positions de l'armée près de la ville";
        let f = fold(long);
        assert!(packed_words_agree(&f));
        assert!(f.tokens.iter().filter(|t| t.packed().is_some()).count() >= 8);
    }

    /// Each word packed by the plain-word reader is its basic form packed.
    fn packed_words_agree(f: &Folded<'_>) -> bool {
        (0..f.tokens.len()).all(|i| {
            f.tokens[i]
                .packed()
                .is_none_or(|key| key == pack(f.basic_of(i)) && f.basic_of(i).len() <= 8)
        })
    }

    proptest::proptest! {
        #[test]
        fn fast_readers_read_as_the_general_one_on_any_mix(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "e", "l", "al", "de", "z", "d", "qu", "jusqu", "s", "x", "Q", "A", "E", "L", "é", "è", "à",
                    "ç", "ï", "ô", "É", "À", "Œ", "œ", "æ", "ß", "ḥ", "ı", "’", "'", "-",
                    " ", "  ", ",", ".", "\n", "«", "»", "1", "9", "\u{301}", "ب", "×",
                    // Words and separators as `read_common` reads them.
                    "tirs ", "frappes, ", "bombardement ", "Alep ", "Hezbollah ", "Ab ",
                    "Al-", "al-", "as-", "Défense ", "armée. ", "d'", "l’", "EI ", ". ", "\"",
                    "L’", "D'", "Qu’", "O'", "\u{a0}", "\u{a1}", "\u{ba}",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.concat();
            proptest::prop_assert_eq!(
                folded_words(&fold(&text)),
                folded_words(&fold_by_read_token(&text))
            );
            proptest::prop_assert!(packed_words_agree(&fold(&text)));
        }
    }

    #[test]
    fn offsets_are_original_bytes() {
        let text = "À l’est d’Idleb, «Qalamoun-ouest».";
        let f = fold(text);
        let words: Vec<&str> = f.tokens.iter().map(|t| &text[t.start()..t.end()]).collect();
        assert_eq!(words, ["À", "l", "est", "d", "Idleb", "Qalamoun", "ouest"]);
        assert!(f.tokens[4].capital);
        assert_eq!(f.tokens[5].sep_after, Sep::Hyphen);
    }
}
