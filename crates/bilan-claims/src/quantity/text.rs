//! Character-level helpers: case and apostrophe folding, word boundaries, and
//! matching of short lowercase phrases forwards and backwards from a position.
//! Every function takes byte positions on char boundaries and returns positions
//! on char boundaries; none of them panics on any input.

/// Lowercase, typographic apostrophes as `'`, every space-like char as `' '`.
/// Inlined for ASCII (most chars the scan folds); the rest is `fold_other`.
#[inline]
pub(crate) fn fold(c: char) -> char {
    if c.is_ascii() {
        return if c.is_ascii_whitespace() {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
    }
    fold_other(c)
}

/// `fold` of a char beyond ASCII.
#[inline(never)]
fn fold_other(c: char) -> char {
    // Fast path: the Latin-1 lowercase letters (é, è, à, ç …).
    if ('\u{DF}'..='\u{FF}').contains(&c) && c != '\u{F7}' {
        return c;
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
        c if c.is_whitespace() => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// A letter or digit: what glues tokens together.
pub(crate) fn is_word_char(c: char) -> bool {
    crate::words::is_letter_or_digit(c)
}

/// The char starting at `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    // An ASCII byte is a whole char (and `pos` a char boundary): most
    // chars the scan asks about are, and need no decoding.
    if let Some(&b) = text.as_bytes().get(pos)
        && b.is_ascii()
    {
        return Some(char::from(b));
    }
    text.get(pos..).and_then(|s| s.chars().next())
}

/// The char ending at `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    // As in `char_at`: an ASCII byte before `pos` is the whole char.
    if let Some(&b) = pos.checked_sub(1).and_then(|p| text.as_bytes().get(p))
        && b.is_ascii()
    {
        return Some(char::from(b));
    }
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// Skips spaces (including no-break spaces) forwards, not beyond `end`.
/// Inlined: the scan calls it some 60 000 times, mostly where a printable
/// ASCII char or one space comes first; the rest is `skip_spaces_from`.
#[inline]
pub(crate) fn skip_space(text: &str, pos: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    // The usual cases first: a printable ASCII char there, or one ASCII
    // space before one (or before `end`).
    let printable = |b: &u8| *b > b' ' && *b < 0x80;
    match bytes.get(pos) {
        _ if pos >= end => return pos,
        Some(b) if printable(b) => return pos,
        Some(b' ') if pos + 1 >= end || bytes.get(pos + 1).is_some_and(printable) => {
            return pos + 1;
        }
        _ => {}
    }
    skip_spaces_from(text, pos, end)
}

/// `skip_space` past its usual cases.
#[inline(never)]
fn skip_spaces_from(text: &str, mut pos: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < end {
        match bytes.get(pos) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') => pos += 1,
            // U+00C0-U+00FF (the accented letters) hold no space.
            Some(0xC3) => break,
            Some(b) if *b >= 0x80 => match char_at(text, pos) {
                Some(c) if c.is_whitespace() => pos += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// Skips spaces backwards, not before `floor`. Inlined, as `skip_space`;
/// the rest is `skip_spaces_back_from`.
#[inline]
pub(crate) fn skip_space_back(text: &str, pos: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    // The usual cases first, as in `skip_space`.
    let printable = |b: &u8| *b > b' ' && *b < 0x80;
    match pos.checked_sub(1).and_then(|p| bytes.get(p)) {
        _ if pos <= floor => return pos,
        Some(b) if printable(b) => return pos,
        Some(b' ')
            if pos - 1 <= floor
                || pos
                    .checked_sub(2)
                    .and_then(|p| bytes.get(p))
                    .is_some_and(printable) =>
        {
            return pos - 1;
        }
        _ => {}
    }
    skip_spaces_back_from(text, pos, floor)
}

/// `skip_space_back` past its usual cases.
#[inline(never)]
fn skip_spaces_back_from(text: &str, mut pos: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    while pos > floor {
        match bytes.get(pos - 1) {
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') => pos -= 1,
            // The last byte of U+00C0-U+00FF (the accented letters, which
            // hold no space).
            Some(0x80..=0xBF) if pos >= 2 && bytes.get(pos - 2) == Some(&0xC3) => break,
            Some(b) if *b >= 0x80 => match char_before(text, pos) {
                Some(c) if c.is_whitespace() => pos -= c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// True when `0xC3, b` encodes a Latin-1 letter (À-ÿ but × and ÷): the
/// accented letters of French, tested without decoding.
pub(crate) fn is_latin1_letter(b: u8) -> bool {
    (0x80..=0xBF).contains(&b) && b != 0x97 && b != 0xB7
}

/// True when the bytes are a word that folding leaves unchanged: lowercase
/// ASCII and lowercase Latin-1 letters (the usual French word), checked
/// without decoding. `false` means "maybe not".
///
/// One pass, a lowercase ASCII letter tested first: the scan asks it of
/// the accented words of its tokens ("blessés", "kilomètres"), which a
/// first pass over ASCII letters alone would read twice.
fn surely_folded(bytes: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_lowercase() {
            i += 1;
        } else if b < 0x80 {
            if b.is_ascii_uppercase() || b.is_ascii_whitespace() || b == b'`' {
                return false;
            }
            i += 1;
        } else if b == 0xC3
            && bytes
                .get(i + 1)
                .is_some_and(|&n| (0x9F..=0xBF).contains(&n) && n != 0xB7)
        {
            i += 2;
        } else {
            return false;
        }
    }
    true
}

/// End of the run of letters starting at `pos` (no digits), not beyond `end`.
pub(crate) fn letters_end(text: &str, mut pos: usize, end: usize) -> usize {
    // Runs of ASCII letters eight bytes at a time, the accented letters
    // of French (two bytes from 0xC3) without decoding, other chars
    // decoded.
    let bytes = text.as_bytes();
    // The usual case first: no letter there (an ASCII space or sign).
    if pos >= end
        || bytes
            .get(pos)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphabetic())
    {
        return pos;
    }
    let within = bytes.get(..end).unwrap_or(bytes);
    while pos < end {
        pos += crate::words::ascii_letters(within.get(pos..).unwrap_or_default());
        match within.get(pos) {
            Some(0xC3) if within.get(pos + 1).is_some_and(|&b| is_latin1_letter(b)) => pos += 2,
            Some(b) if *b >= 0x80 => match char_at(text, pos) {
                Some(c) if crate::words::is_letter(c) => pos += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// Start of the run of letters ending at `pos`, not before `floor`.
pub(crate) fn letters_start(text: &str, mut pos: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    // The usual case first: no letter there (an ASCII space or sign).
    if pos <= floor
        || pos
            .checked_sub(1)
            .and_then(|p| bytes.get(p))
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphabetic())
    {
        return pos;
    }
    while pos > floor {
        match bytes.get(pos - 1) {
            Some(b) if b.is_ascii_alphabetic() => pos -= 1,
            Some(&b)
                if pos >= floor + 2 && bytes.get(pos - 2) == Some(&0xC3) && is_latin1_letter(b) =>
            {
                pos -= 2
            }
            Some(b) if *b >= 0x80 => match char_before(text, pos) {
                Some(c) if crate::words::is_letter(c) => pos -= c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    pos
}

/// A word folded to lowercase, so looking a word up costs no allocation:
/// the text itself when it is already folded (the usual case), else a folded
/// copy in a fixed buffer. Words longer than 48 bytes are not number words
/// and are refused.
#[derive(Clone, Copy)]
pub(crate) enum Folded<'t> {
    /// Already folded: the text's own slice.
    Same(&'t str),
    /// A folded copy: bytes and length.
    Buffer([u8; 48], usize),
}

impl<'t> Folded<'t> {
    /// Folds `text[start..end]`; `None` when too long or off char boundaries.
    pub(crate) fn new(text: &'t str, start: usize, end: usize) -> Option<Folded<'t>> {
        let word = text.get(start..end)?;
        let bytes = word.as_bytes();
        if surely_folded(bytes) {
            return Some(Folded::Same(word));
        }
        if bytes.is_ascii() {
            let mut buf = [0; 48];
            buf.get_mut(..bytes.len())?.copy_from_slice(bytes);
            buf.make_ascii_lowercase();
            return Some(Folded::Buffer(buf, bytes.len()));
        }
        if word.chars().all(|c| fold(c) == c) {
            return Some(Folded::Same(word));
        }
        let mut buf = [0; 48];
        let mut len = 0;
        for c in word.chars() {
            let c = fold(c);
            let n = c.len_utf8();
            c.encode_utf8(buf.get_mut(len..len + n)?);
            len += n;
        }
        Some(Folded::Buffer(buf, len))
    }

    /// The folded word.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Folded::Same(word) => word,
            Folded::Buffer(buf, len) => buf
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
        }
    }
}

/// The folded word starting at `pos` (letters only), with its end.
pub(crate) fn word_at(text: &str, pos: usize, end: usize) -> Option<(Folded<'_>, usize)> {
    // The usual word: lowercase ASCII letters ended by an ASCII non-letter
    // (or the end), already folded; no char is decoded.
    let bytes = text.as_bytes();
    let limit = end.min(bytes.len());
    let mut i = pos;
    while i < limit && bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
    }
    if i > pos
        && (i == limit
            || bytes
                .get(i)
                .is_some_and(|&b| b < 0x80 && !b.is_ascii_alphabetic()))
    {
        return text.get(pos..i).map(|word| (Folded::Same(word), i));
    }
    let word_end = letters_end(text, pos, end);
    if word_end == pos {
        return None;
    }
    Some((Folded::new(text, pos, word_end)?, word_end))
}

/// The folded word ending at `pos` (after skipping spaces back), with its start.
pub(crate) fn word_before(text: &str, pos: usize, floor: usize) -> Option<(Folded<'_>, usize)> {
    let word_end = skip_space_back(text, pos, floor);
    // The usual word: lowercase ASCII letters after an ASCII non-letter
    // (or the floor), already folded; no char is decoded.
    let bytes = text.as_bytes();
    let mut i = word_end.min(bytes.len());
    while i > floor && bytes.get(i - 1).is_some_and(u8::is_ascii_lowercase) {
        i -= 1;
    }
    if i < word_end
        && word_end <= bytes.len()
        && (i == floor
            || bytes
                .get(i.wrapping_sub(1))
                .is_some_and(|&b| b < 0x80 && !b.is_ascii_alphabetic()))
    {
        return text.get(i..word_end).map(|word| (Folded::Same(word), i));
    }
    let start = letters_start(text, word_end, floor);
    if start == word_end {
        return None;
    }
    Some((Folded::new(text, start, word_end)?, start))
}

/// Matches `phrase` (folded; a space or hyphen in it matches a run of spaces,
/// a hyphen, or both) at `pos`, returning the end. A phrase ending in a letter
/// or digit must end a word. ASCII is compared byte by byte, the rest by
/// folded chars.
pub(crate) fn match_forward(text: &str, pos: usize, end: usize, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let pattern = phrase.as_bytes();
    let mut at = pos;
    let mut i = 0;
    while let Some(&p) = pattern.get(i) {
        if p == b' ' || p == b'-' {
            let after_space = skip_space(text, at, end);
            let after_hyphen = match bytes.get(after_space) {
                Some(b'-') if after_space < end => skip_space(text, after_space + 1, end),
                _ => after_space,
            };
            if after_hyphen == at {
                return None;
            }
            at = after_hyphen;
            i += 1;
            continue;
        }
        if at >= end {
            return None;
        }
        if p.is_ascii() && p != b'\'' {
            if bytes.get(at)?.to_ascii_lowercase() != p {
                return None;
            }
            at += 1;
            i += 1;
            continue;
        }
        let expected = phrase.get(i..)?.chars().next()?;
        let c = char_at(text, at)?;
        if fold(c) != expected {
            return None;
        }
        at += c.len_utf8();
        i += expected.len_utf8();
    }
    let last_is_word = phrase.chars().next_back().is_some_and(is_word_char);
    if last_is_word && at < end && char_at(text, at).is_some_and(is_word_char) {
        return None;
    }
    Some(at)
}

/// Matches `phrase` ending exactly at `pos`, returning its start. A phrase
/// starting with a letter or digit must start a word.
pub(crate) fn match_backward(text: &str, pos: usize, floor: usize, phrase: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let pattern = phrase.as_bytes();
    let mut at = pos;
    let mut i = pattern.len();
    while i > 0 {
        let p = *pattern.get(i - 1)?;
        if p == b' ' || p == b'-' {
            let before_space = skip_space_back(text, at, floor);
            let before_hyphen = match bytes.get(before_space.wrapping_sub(1)) {
                Some(b'-') if before_space > floor => {
                    skip_space_back(text, before_space - 1, floor)
                }
                _ => before_space,
            };
            if before_hyphen == at {
                return None;
            }
            at = before_hyphen;
            i -= 1;
            continue;
        }
        if at <= floor {
            return None;
        }
        if p.is_ascii() && p != b'\'' {
            if bytes.get(at - 1)?.to_ascii_lowercase() != p {
                return None;
            }
            at -= 1;
            i -= 1;
            continue;
        }
        let expected = phrase.get(..i)?.chars().next_back()?;
        let c = char_before(text, at)?;
        if fold(c) != expected || at - c.len_utf8() < floor {
            return None;
        }
        at -= c.len_utf8();
        i -= expected.len_utf8();
    }
    let first_is_word = phrase.chars().next().is_some_and(is_word_char);
    if first_is_word && at > floor && char_before(text, at).is_some_and(is_word_char) {
        return None;
    }
    Some(at)
}

/// A fast hasher for the short word keys of the tables: eight bytes per
/// multiply (the FxHash step), where FNV-1a costs one multiply per byte and
/// SipHash more than the rest of a lookup. No untrusted keys are inserted.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

/// The multiplier of the FxHash step.
const FX: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(FX);
    }
}

impl std::hash::Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and the tag from the
        // high ones: fold the well-mixed high half down.
        self.0 ^ (self.0 >> 32)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        // The last 1-7 bytes in one step, from two overlapping reads (the
        // length is mixed in, so that the value is fixed by the bytes).
        let rest = chunks.remainder();
        let n = rest.len();
        let word = if n >= 4 {
            let head = rest.get(..4).and_then(|b| <[u8; 4]>::try_from(b).ok());
            let tail = rest.get(n - 4..).and_then(|b| <[u8; 4]>::try_from(b).ok());
            match (head, tail) {
                (Some(head), Some(tail)) => {
                    u64::from(u32::from_le_bytes(head))
                        | (u64::from(u32::from_le_bytes(tail)) << 32)
                }
                _ => 0,
            }
        } else if n > 0 {
            let at = |i: usize| u64::from(rest.get(i).copied().unwrap_or(0));
            at(0) | (at(n / 2) << 8) | (at(n - 1) << 16)
        } else {
            return;
        };
        self.add(word ^ ((n as u64) << 59));
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A map keyed by folded words, looked up by a word's bytes packed into
/// two machine words (up to 16 bytes, the length kept beside them) in an
/// open-addressing table: no byte-wise hash and no `memcmp` call, where a
/// `HashMap<String, _>` lookup cost about a hundred instructions. The
/// tables are looked up a few dozen times per figure of the text. Longer
/// words (rare, and in no table the scan asks often) are found by a plain
/// hash map. Iteration follows insertion order.
#[derive(Debug)]
pub(crate) struct WordMap<V> {
    /// The keys, in insertion order.
    keys: Vec<String>,
    /// The value of each key.
    values: Vec<V>,
    /// (packed key, length, index in `keys` + 1; 0 for an empty slot),
    /// a power of two of them, at most half full.
    slots: Vec<(PackedWord, u32)>,
    /// Index in `keys` of each key longer than 16 bytes.
    long: std::collections::HashMap<String, usize, std::hash::BuildHasherDefault<WordHasher>>,
}

/// A word of at most 16 bytes as two machine words and its length, which
/// together tell the bytes: all of them from 8 bytes on (the first eight
/// and the last eight, overlapping), the first and last four from 4 bytes
/// on, the first, middle and last byte under 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct PackedWord(u64, u64, u32);

impl PackedWord {
    /// `None` when longer than 16 bytes.
    #[inline(always)]
    fn new(word: &[u8]) -> Option<PackedWord> {
        let n = word.len();
        let eight = |at: usize| {
            word.get(at..at + 8)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map_or(0, u64::from_le_bytes)
        };
        let four = |at: usize| {
            word.get(at..at + 4)
                .and_then(|b| <[u8; 4]>::try_from(b).ok())
                .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
        };
        let (low, high) = if n > 16 {
            return None;
        } else if n >= 8 {
            (eight(0), eight(n - 8))
        } else if n >= 4 {
            (four(0) | (four(n - 4) << 32), 0)
        } else if n > 0 {
            let at = |i: usize| u64::from(word.get(i).copied().unwrap_or(0));
            (at(0) | (at(n / 2) << 8) | (at(n - 1) << 16), 0)
        } else {
            (0, 0)
        };
        // `n` <= 16.
        Some(PackedWord(low, high, n as u32))
    }

    /// The first slot to probe in a table of `1 << bits` slots.
    #[inline(always)]
    fn slot(self, bits: u32) -> usize {
        let hash = (self.0 ^ self.1.rotate_left(29) ^ u64::from(self.2))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
        usize::try_from(hash.checked_shr(64 - bits).unwrap_or(0)).unwrap_or(0)
    }
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap {
            keys: Vec::new(),
            values: Vec::new(),
            slots: Vec::new(),
            long: std::collections::HashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    /// Index in `keys` of `word`. Inlined: it is a few instructions for
    /// the usual short word, called for every lookup of the tables.
    #[inline(always)]
    fn index_of(&self, word: &str) -> Option<usize> {
        let Some(packed) = PackedWord::new(word.as_bytes()) else {
            return self.long_index_of(word);
        };
        self.packed_index_of(packed)
    }

    /// `index_of` for a word given as bytes (a token's folded form, taken
    /// without the char boundary checks of a `str`).
    #[inline(always)]
    fn index_of_bytes(&self, word: &[u8]) -> Option<usize> {
        let Some(packed) = PackedWord::new(word) else {
            return self.long_index_of(std::str::from_utf8(word).ok()?);
        };
        self.packed_index_of(packed)
    }

    /// Index in `keys` of the word packed as `packed`.
    #[inline(always)]
    fn packed_index_of(&self, packed: PackedWord) -> Option<usize> {
        let size = self.slots.len();
        let mask = size.wrapping_sub(1);
        let mut at = packed.slot(size.trailing_zeros());
        // The slots are at most half full: a probe meets an empty one.
        loop {
            let &(key, index) = self.slots.get(at)?;
            if index == 0 {
                return None;
            }
            if key == packed {
                return Some(index as usize - 1);
            }
            at = (at + 1) & mask;
        }
    }

    /// `index_of` for a word longer than 16 bytes.
    #[cold]
    #[inline(never)]
    fn long_index_of(&self, word: &str) -> Option<usize> {
        self.long.get(word).copied()
    }

    /// The value of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        self.values.get(self.index_of(word)?)
    }

    /// The value of `word`, given as bytes.
    #[inline]
    pub(crate) fn get_bytes(&self, word: &[u8]) -> Option<&V> {
        self.values.get(self.index_of_bytes(word)?)
    }

    /// Whether `word` is a key.
    #[inline]
    pub(crate) fn contains_key(&self, word: &str) -> bool {
        self.index_of(word).is_some()
    }

    /// Number of keys.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The keys, in insertion order.
    pub(crate) fn keys(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }

    /// Sets the value of `word`, returning the one it replaced.
    pub(crate) fn insert(&mut self, word: String, value: V) -> Option<V> {
        match self.index_of(&word) {
            Some(index) => self
                .values
                .get_mut(index)
                .map(|slot| std::mem::replace(slot, value)),
            None => {
                self.push(word, value);
                None
            }
        }
    }

    /// The entry of `word`, to fill when it has none.
    pub(crate) fn entry(&mut self, word: String) -> WordEntry<'_, V> {
        WordEntry { map: self, word }
    }

    /// Adds a key known to be absent.
    fn push(&mut self, word: String, value: V) -> usize {
        let index = self.keys.len();
        match PackedWord::new(word.as_bytes()) {
            Some(packed) => {
                if (index + 1) * 2 > self.slots.len() {
                    self.grow();
                }
                self.place(packed, index);
            }
            None => {
                self.long.insert(word.clone(), index);
            }
        }
        self.keys.push(word);
        self.values.push(value);
        index
    }

    /// Puts key `index`, packed, in the first free slot of its probe.
    fn place(&mut self, packed: PackedWord, index: usize) {
        let size = self.slots.len();
        let mut at = packed.slot(size.trailing_zeros());
        for _ in 0..size {
            match self.slots.get_mut(at) {
                Some(slot) if slot.1 == 0 => {
                    *slot = (packed, u32::try_from(index + 1).unwrap_or(u32::MAX));
                    return;
                }
                Some(_) => at = (at + 1) & (size - 1),
                None => return,
            }
        }
    }

    /// Doubles the slots (at least 16) and places every short key again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![(PackedWord::default(), 0); size];
        let packed: Vec<(PackedWord, usize)> = self
            .keys
            .iter()
            .enumerate()
            .filter_map(|(index, key)| Some((PackedWord::new(key.as_bytes())?, index)))
            .collect();
        for (key, index) in packed {
            self.place(key, index);
        }
    }
}

/// A key of a `WordMap`, present or not (as `HashMap`'s `entry`).
pub(crate) struct WordEntry<'m, V> {
    map: &'m mut WordMap<V>,
    word: String,
}

impl<'m, V> WordEntry<'m, V> {
    /// The value, `value` put first when the key has none.
    pub(crate) fn or_insert(self, value: V) -> &'m mut V {
        self.or_insert_with(|| value)
    }

    /// The value, `make()` put first when the key has none.
    pub(crate) fn or_insert_with(self, make: impl FnOnce() -> V) -> &'m mut V {
        let WordEntry { map, word } = self;
        let index = match map.index_of(&word) {
            Some(index) => index,
            None => map.push(word, make()),
        };
        // `index` is that of a value just found or pushed: in bounds.
        &mut map.values[index]
    }

    /// The value, the default put first when the key has none.
    pub(crate) fn or_default(self) -> &'m mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<'m, V> IntoIterator for &'m WordMap<V> {
    type Item = (&'m String, &'m V);
    type IntoIter = std::iter::Zip<std::slice::Iter<'m, String>, std::slice::Iter<'m, V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.keys.iter().zip(self.values.iter())
    }
}

/// A set of folded phrases, longest first, matched forwards or backwards.
/// Phrases are indexed by their first and last word (or, when they start or
/// end with a sign, by that char), so probing a position costs one hash
/// lookup of the word there and a full comparison only with the phrases that
/// share it — the scan probes phrases around every number.
/// The phrases ending with one word, and the chars before that word.
#[derive(Debug, Default)]
struct LastWord {
    /// Their positions in `Phrases::items`, longest first.
    positions: Vec<usize>,
    /// The ASCII chars of their `before_last` (one bit each).
    before: [u64; 2],
    /// Whether one of them has no `before_last` (the word alone).
    alone: bool,
}

impl LastWord {
    /// False when no phrase among them may match with `text_before` (the
    /// folded char before the word in the text, `None` at the floor)
    /// right before the word: each has a char of its own there, and an
    /// ASCII one there is none of theirs. Non-ASCII chars are not told.
    fn may_follow(&self, text_before: Option<char>) -> bool {
        if self.alone {
            return true;
        }
        match text_before {
            None => false,
            Some(c) if c.is_ascii() => {
                let b = c as usize;
                self.before
                    .get(b / 64)
                    .is_some_and(|cell| cell & (1 << (b % 64)) != 0)
            }
            Some(_) => true,
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Phrases {
    /// (phrase, index given at build time), longest first.
    items: Vec<(String, usize)>,
    /// Positions in `items` by first word.
    by_first_word: WordMap<Vec<usize>>,
    /// For each item whose first word is followed by one space or hyphen,
    /// the char after it ('c' for "km carrés"); `None` for the others: a
    /// one-char test that rules out most candidates sharing a first word.
    after_first: Vec<Option<char>>,
    /// For each item, the char before its last word, separators skipped
    /// ('s' for "plus de", '\'' for "jusqu'à"), `None` for one word: a
    /// one-char test that rules out most candidates sharing a last word.
    before_last: Vec<Option<char>>,
    /// For each item, the word before its last word, when the phrase has
    /// one right there ("plus" for "plus de", "delà" for "au-delà de"):
    /// the text must have that very word there, a test that rules out the
    /// many phrases sharing a last word ("de") and its letter before.
    before_last_word: Vec<Option<String>>,
    /// For each item with a `before_last_word` parted from its last word
    /// by one space or hyphen, what comes before those two words ("un
    /// peu " for "un peu plus de", "" for "plus de"): once the text has
    /// both words there, the rest of the match starts where they start,
    /// and the two words are not compared again char by char.
    head_before_words: Vec<Option<String>>,
    /// For each item, the length of its first word (0 when it starts with
    /// a sign): once the text has that word, the rest of the phrase is
    /// matched from the word's end.
    first_word_len: Vec<usize>,
    /// Positions in `items` by last word.
    by_last_word: WordMap<LastWord>,
    /// Positions in `items` of phrases starting with a sign, by that sign.
    by_first_sign: Vec<(char, usize)>,
    /// Positions in `items` of phrases ending with a sign, by that sign.
    by_last_sign: Vec<(char, usize)>,
    /// The distinct signs of `by_last_sign`, one or two: a text char that
    /// is none of them ends no phrase, and the list is not walked (most
    /// positions the scan asks end with a letter, after no sign phrase).
    last_signs: Vec<char>,
    /// For each of `by_last_sign`, the letters right before its sign ("d"
    /// for "plus d'") and the word before them, separators skipped
    /// ("plus"), each `None` when the phrase has none there: the text must
    /// have those very words, a test that rules out the many phrases
    /// ending in "d'" before an article ("morts d'un").
    before_last_sign: Vec<(Option<String>, Option<String>)>,
}

/// Whether `text[start..end]` has only chars below U+0100 (its bytes
/// below 0xC4), which fold alike in `Folded` and in `match_forward` and
/// `match_backward` (false when the range is not the text's).
pub(crate) fn below_u0100(text: &str, start: usize, end: usize) -> bool {
    text.as_bytes()
        .get(start..end)
        .is_some_and(|b| b.iter().all(|&b| b < 0xC4))
}

impl Phrases {
    /// The phrases, numbered in the order given; empty phrases are dropped.
    pub(crate) fn new<S: Into<String>>(phrases: impl IntoIterator<Item = S>) -> Phrases {
        let mut items: Vec<(String, usize)> = phrases
            .into_iter()
            .enumerate()
            .map(|(index, phrase)| (phrase.into(), index))
            .filter(|(phrase, _)| !phrase.is_empty())
            .collect();
        items.sort_by_key(|item| std::cmp::Reverse(item.0.len()));
        let mut set = Phrases {
            before_last: items
                .iter()
                .map(|(phrase, _)| {
                    let head = &phrase[..letters_start(phrase, phrase.len(), 0)];
                    head.trim_end_matches([' ', '-']).chars().next_back()
                })
                .collect(),
            ..Phrases::default()
        };
        for (position, (phrase, _)) in items.iter().enumerate() {
            let first_word = &phrase[..letters_end(phrase, 0, phrase.len())];
            let last_word = &phrase[letters_start(phrase, phrase.len(), 0)..];
            match phrase.chars().next() {
                Some(sign) if first_word.is_empty() => set.by_first_sign.push((sign, position)),
                _ => set
                    .by_first_word
                    .entry(first_word.to_owned())
                    .or_default()
                    .push(position),
            }
            match phrase.chars().next_back() {
                Some(sign) if last_word.is_empty() => set.by_last_sign.push((sign, position)),
                _ => {
                    let entry = set.by_last_word.entry(last_word.to_owned()).or_default();
                    entry.positions.push(position);
                    match set.before_last.get(position).copied().flatten() {
                        None => entry.alone = true,
                        Some(c) if c.is_ascii() => {
                            let b = c as usize;
                            if let Some(cell) = entry.before.get_mut(b / 64) {
                                *cell |= 1 << (b % 64);
                            }
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        for &(sign, _) in &set.by_last_sign {
            if !set.last_signs.contains(&sign) {
                set.last_signs.push(sign);
            }
        }
        set.before_last_sign = set
            .by_last_sign
            .iter()
            .map(|&(sign, position)| {
                let phrase = items
                    .get(position)
                    .map_or("", |(phrase, _)| phrase.as_str());
                let head = &phrase[..phrase.len() - sign.len_utf8()];
                let start = letters_start(head, head.len(), 0);
                if start == head.len() {
                    return (None, None);
                }
                let before = head[..start].trim_end_matches([' ', '-']);
                let word_start = letters_start(before, before.len(), 0);
                let separated = before.len() < start;
                (
                    Some(head[start..].to_owned()),
                    (separated && word_start < before.len())
                        .then(|| before[word_start..].to_owned()),
                )
            })
            .collect();
        set.after_first = items
            .iter()
            .map(|(phrase, _)| {
                let rest = &phrase[letters_end(phrase, 0, phrase.len())..];
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(' ' | '-'), Some(next)) if next != ' ' && next != '-' => Some(next),
                    _ => None,
                }
            })
            .collect();
        set.before_last_word = items
            .iter()
            .map(|(phrase, _)| {
                let head = &phrase[..letters_start(phrase, phrase.len(), 0)];
                let head = head.trim_end_matches([' ', '-']);
                let start = letters_start(head, head.len(), 0);
                (start < head.len()).then(|| head[start..].to_owned())
            })
            .collect();
        set.first_word_len = items
            .iter()
            .map(|(phrase, _)| letters_end(phrase, 0, phrase.len()))
            .collect();
        set.head_before_words = items
            .iter()
            .map(|(phrase, _)| {
                let head = &phrase[..letters_start(phrase, phrase.len(), 0)];
                let trimmed = head.trim_end_matches([' ', '-']);
                let start = letters_start(trimmed, trimmed.len(), 0);
                (head.len() == trimmed.len() + 1 && start < trimmed.len())
                    .then(|| trimmed[..start].to_owned())
            })
            .collect();
        set.items = items;
        set
    }

    /// The longest phrase starting exactly at `pos`: (its index, its end).
    pub(crate) fn at(&self, text: &str, pos: usize, end: usize) -> Option<(usize, usize)> {
        self.at_word(text, pos, end, None)
    }

    /// `at`, given what `word_at(text, pos, end)` gave when it found a
    /// word (`known`, its folded form and end): the scan has read the word
    /// after a number already, to look up its facts, and it is not read
    /// and folded again.
    pub(crate) fn at_word(
        &self,
        text: &str,
        pos: usize,
        end: usize,
        known: Option<(Folded<'_>, usize)>,
    ) -> Option<(usize, usize)> {
        let (word_end, known) = match known {
            Some((word, word_end)) => (word_end, Some(word)),
            None => (letters_end(text, pos, end), None),
        };
        let try_at = |position: usize| {
            let (phrase, index) = self.items.get(position)?;
            match_forward(text, pos, end, phrase).map(|e| (*index, e))
        };
        let by_word = if word_end > pos {
            let word = match known {
                Some(word) => word,
                None => Folded::new(text, pos, word_end)?,
            };
            // The char after the word and one run of separators, as
            // `match_forward` skips them (`None`: no separator there).
            let after_separator = || {
                let after_space = skip_space(text, word_end, end);
                let after_hyphen = match text.as_bytes().get(after_space) {
                    Some(b'-') if after_space < end => skip_space(text, after_space + 1, end),
                    _ => after_space,
                };
                (after_hyphen > word_end && after_hyphen < end)
                    .then(|| char_at(text, after_hyphen).map(fold))
                    .flatten()
            };
            let mut found: Option<Option<char>> = None;
            let mut latin1: Option<bool> = None;
            self.by_first_word.get(word.as_str()).and_then(|positions| {
                positions
                    .iter()
                    .filter(|&&p| match self.after_first.get(p) {
                        Some(Some(wanted)) => {
                            *found.get_or_insert_with(after_separator) == Some(*wanted)
                        }
                        _ => true,
                    })
                    .find_map(|&p| {
                        // The word read is the phrase's first word: the
                        // match goes on after it, when the word has only
                        // chars below U+0100 (which fold alike in `Folded`
                        // and in `match_forward`).
                        let plain = *latin1.get_or_insert_with(|| below_u0100(text, pos, word_end));
                        if !plain {
                            return try_at(p);
                        }
                        let (phrase, index) = self.items.get(p)?;
                        let rest = phrase.get(*self.first_word_len.get(p)?..)?;
                        if rest.is_empty() {
                            // A phrase ending with a word ends a word.
                            let glued =
                                word_end < end && char_at(text, word_end).is_some_and(is_word_char);
                            (!glued).then_some((*index, word_end))
                        } else {
                            match_forward(text, word_end, end, rest).map(|e| (*index, e))
                        }
                    })
            })
        } else {
            None
        };
        by_word.or_else(|| {
            let sign = fold(char_at(text, pos)?);
            self.by_first_sign
                .iter()
                .filter(|(c, _)| *c == sign)
                .find_map(|&(_, p)| try_at(p))
        })
    }

    /// The longest phrase ending exactly at `pos`: (its index, its start).
    #[cfg(test)]
    pub(crate) fn ending_at(&self, text: &str, pos: usize, floor: usize) -> Option<(usize, usize)> {
        self.ending_after_word(text, pos, floor, None, |end| word_before(text, end, floor))
    }

    /// `ending_at`, given what `word_before(text, pos, floor)` gave when
    /// it found a word (`known`, its folded form and start; `pos` is past
    /// any space): the scan has read that word already, to look up its
    /// facts, and it is not read and folded again. `word_ending(end)` is
    /// `word_before(text, end, floor)` for an `end` with no space before
    /// it, read as the caller reads words (the scan, from its tokens).
    pub(crate) fn ending_after_word<'t>(
        &self,
        text: &'t str,
        pos: usize,
        floor: usize,
        known: Option<(Folded<'t>, usize)>,
        word_ending: impl Fn(usize) -> Option<(Folded<'t>, usize)>,
    ) -> Option<(usize, usize)> {
        if pos <= floor {
            return None;
        }
        let (word_start, known) = match known {
            Some((word, start)) => (start, Some(word)),
            None => (letters_start(text, pos, floor), None),
        };
        let try_at = |position: usize| {
            let (phrase, index) = self.items.get(position)?;
            match_backward(text, pos, floor, phrase).map(|s| (*index, s))
        };
        let by_word = if word_start < pos {
            let word = match known {
                Some(word) => word,
                None => Folded::new(text, word_start, pos)?,
            };
            let positions = self.by_last_word.get(word.as_str());
            let word_len = word.as_str().len();
            // The char before the word in the text, separators skipped as
            // `match_backward` skips them.
            let before_space = skip_space_back(text, word_start, floor);
            let before_hyphen = match text.as_bytes().get(before_space.wrapping_sub(1)) {
                Some(b'-') if before_space > floor => {
                    skip_space_back(text, before_space - 1, floor)
                }
                _ => before_space,
            };
            let text_before = char_before(text, before_hyphen)
                .filter(|_| before_hyphen > floor)
                .map(fold);
            // The word there and its start, read only when the char
            // before could match (a letter then: the word is not empty).
            let mut word_before: Option<Option<(Folded<'_>, usize)>> = None;
            // Whether the text from that word to `pos` has only chars
            // below U+0100, which fold alike in `Folded` and in
            // `match_backward` (a capital "İ" folds to "i" in the first
            // alone), read once.
            let mut latin1: Option<bool> = None;
            let mut found = None;
            let positions = positions
                .filter(|last| last.may_follow(text_before))
                .map_or(&[][..], |last| last.positions.as_slice());
            for &p in positions {
                if self
                    .before_last
                    .get(p)
                    .is_some_and(|&c| c.is_some() && c != text_before)
                {
                    continue;
                }
                let Some(Some(wanted)) = self.before_last_word.get(p) else {
                    // A phrase of one word ("des", "selon") is the text's
                    // word, found by it: when that word has only chars
                    // below U+0100 (folded alike, as above), the match is
                    // the word unless a letter or digit is glued before it.
                    found = match self.items.get(p) {
                        Some((phrase, index))
                            if phrase.len() == word_len
                                && word_start >= floor
                                && below_u0100(text, word_start, pos) =>
                        {
                            let glued = word_start > floor
                                && char_before(text, word_start).is_some_and(is_word_char);
                            (!glued).then_some((*index, word_start))
                        }
                        _ => try_at(p),
                    };
                    if found.is_some() {
                        break;
                    }
                    continue;
                };
                let word = word_before.get_or_insert_with(|| word_ending(before_hyphen));
                match word {
                    Some((word, _)) if word.as_str() != wanted => continue,
                    // A word too long to fold is left to the full match.
                    None => {}
                    Some((_, start)) => {
                        let start = *start;
                        let plain = *latin1.get_or_insert_with(|| below_u0100(text, start, pos));
                        if let (true, Some(Some(head)), Some((_, index))) =
                            (plain, self.head_before_words.get(p), self.items.get(p))
                        {
                            found = if head.is_empty() {
                                // The phrase starts a word: no letter or
                                // digit may come right before it.
                                let glued = start > floor
                                    && char_before(text, start).is_some_and(is_word_char);
                                (!glued).then_some((*index, start))
                            } else {
                                match_backward(text, start, floor, head).map(|s| (*index, s))
                            };
                            if found.is_some() {
                                break;
                            }
                            continue;
                        }
                    }
                }
                found = try_at(p);
                if found.is_some() {
                    break;
                }
            }
            found
        } else {
            None
        };
        // A phrase ending with a sign ("plus d'") may beat a word match only
        // when longer, which cannot happen: they end at different chars.
        by_word.or_else(|| {
            let written = char_before(text, pos)?;
            let sign = fold(written);
            if !self.last_signs.contains(&sign) {
                return None;
            }
            // The letters before the sign in the text, read once: a
            // phrase matches only when they are its own (a text char
            // folds to a letter only when it is one).
            let sign_start = pos - written.len_utf8();
            // (letters before the sign, their start, the word before them).
            let mut found: Option<(Option<Folded<'_>>, usize, Option<Option<Folded<'_>>>)> = None;
            self.by_last_sign
                .iter()
                .zip(&self.before_last_sign)
                .filter(|((c, _), _)| *c == sign)
                .filter(|(_, (wanted_letters, wanted_word))| {
                    let Some(wanted_letters) = wanted_letters else {
                        return true;
                    };
                    let (letters, letters_at, word) = found.get_or_insert_with(|| {
                        let start = letters_start(text, sign_start, floor);
                        (Folded::new(text, start, sign_start), start, None)
                    });
                    // A run too long to fold is left to the full match.
                    if letters
                        .as_ref()
                        .is_some_and(|w| w.as_str() != wanted_letters)
                    {
                        return false;
                    }
                    let Some(wanted_word) = wanted_word else {
                        return true;
                    };
                    let letters_at = *letters_at;
                    let word = word.get_or_insert_with(|| {
                        // Spaces and hyphens skipped, as `match_backward`
                        // skips the separators of the phrase.
                        let mut end = letters_at;
                        loop {
                            let next = skip_space_back(text, end, floor);
                            match text.as_bytes().get(next.wrapping_sub(1)) {
                                Some(b'-') if next > floor => end = next - 1,
                                _ => {
                                    end = next;
                                    break;
                                }
                            }
                        }
                        if end == letters_at {
                            // No separator: the phrase cannot match.
                            return Folded::new(text, letters_at, letters_at);
                        }
                        Folded::new(text, letters_start(text, end, floor), end)
                    });
                    word.as_ref().is_none_or(|w| w.as_str() == wanted_word)
                })
                .find_map(|(&(_, p), _)| try_at(p))
        })
    }

    /// True when the set has a phrase.
    #[cfg(test)]
    pub(crate) fn contains_any(&self) -> bool {
        !self.items.is_empty()
    }

    /// The last words of the phrases that end with a word.
    pub(crate) fn last_words(&self) -> impl Iterator<Item = &str> {
        self.by_last_word.keys().map(String::as_str)
    }

    /// The last tokens (letters and the sign after them) of the phrases that
    /// end with a sign: "d'" for "plus d'", "n°", "art.".
    pub(crate) fn last_sign_tokens(&self) -> impl Iterator<Item = &str> {
        self.by_last_sign.iter().filter_map(|&(_, position)| {
            let phrase = self.items.get(position)?.0.as_str();
            phrase.rsplit([' ', '-']).next()
        })
    }

    /// The phrases that are one word of letters alone (those `contains`
    /// finds among its words).
    pub(crate) fn whole_words(&self) -> impl Iterator<Item = &str> {
        self.items
            .iter()
            .map(|(phrase, _)| phrase.as_str())
            .filter(|phrase| letters_end(phrase, 0, phrase.len()) == phrase.len())
    }

    /// The phrases that are one word of letters and the only phrase
    /// starting with that word, with their index: `at_word` finds such a
    /// phrase, and no other, at that word (whole, of chars below U+0100,
    /// not glued to a letter or digit).
    pub(crate) fn lone_words(&self) -> impl Iterator<Item = (&str, usize)> {
        self.items
            .iter()
            .filter(|(phrase, _)| {
                !phrase.is_empty()
                    && letters_end(phrase, 0, phrase.len()) == phrase.len()
                    && self
                        .by_first_word
                        .get(phrase)
                        .is_some_and(|positions| positions.len() == 1)
            })
            .map(|(phrase, index)| (phrase.as_str(), *index))
    }

    /// True when the phrases are `phrases`, in any order.
    pub(crate) fn are(&self, phrases: &[&str]) -> bool {
        self.items.len() == phrases.len()
            && self
                .items
                .iter()
                .all(|(phrase, _)| phrases.contains(&phrase.as_str()))
    }

    /// The first words of the phrases that start with a word.
    pub(crate) fn first_words(&self) -> impl Iterator<Item = &str> {
        self.by_first_word.keys().map(String::as_str)
    }

    /// The first chars of the phrases that start with a sign ("%", "$").
    pub(crate) fn first_signs(&self) -> impl Iterator<Item = char> + '_ {
        self.by_first_sign.iter().map(|&(sign, _)| sign)
    }

    /// True when `word` (folded) is one of the phrases.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.by_first_word.get(word).is_some_and(|positions| {
            positions
                .iter()
                .any(|&p| self.items.get(p).is_some_and(|(phrase, _)| phrase == word))
        }) || self
            .by_first_sign
            .iter()
            .any(|&(_, p)| self.items.get(p).is_some_and(|(phrase, _)| phrase == word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_skipped_as_one_char_at_a_time() {
        // The loops of `skip_space` and `skip_space_back` alone, without
        // their fast paths.
        fn forward(text: &str, mut pos: usize, end: usize) -> usize {
            while pos < end {
                match char_at(text, pos) {
                    Some(c) if c.is_whitespace() => pos += c.len_utf8(),
                    _ => break,
                }
            }
            pos
        }
        fn back(text: &str, mut pos: usize, floor: usize) -> usize {
            while pos > floor {
                match char_before(text, pos) {
                    Some(c) if c.is_whitespace() => pos -= c.len_utf8(),
                    _ => break,
                }
            }
            pos
        }
        let samples = [
            "a b  c\td\n\u{a0}e \u{202f}f é à",
            " x ",
            "  ",
            "un\u{3000}deux \u{7f} \u{1}trois",
            "«\u{a0}5\u{a0}» ",
        ];
        for text in samples {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &pos in &bounds {
                for &limit in &bounds {
                    assert_eq!(
                        skip_space(text, pos, limit),
                        forward(text, pos, limit),
                        "{text:?} {pos} {limit}"
                    );
                    assert_eq!(
                        skip_space_back(text, pos, limit),
                        back(text, pos, limit),
                        "{text:?} {pos} {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn word_maps_find_what_hash_maps_find() {
        // Words of every length up to past 16 bytes, sharing first and
        // last bytes, accented ones too.
        let mut words: Vec<String> = Vec::new();
        for len in 0..24 {
            for (a, b) in [('a', 'z'), ('z', 'a'), ('é', 'e'), ('a', 'a')] {
                let word: String = (0..len)
                    .map(|i| if len > 2 && i == len / 2 { b } else { a })
                    .collect();
                words.push(word.clone());
                words.push(format!("{word}{b}"));
            }
        }
        let mut map: WordMap<usize> = WordMap::default();
        let mut expected: std::collections::HashMap<String, usize> = Default::default();
        for (i, word) in words.iter().enumerate().filter(|(i, _)| i % 3 != 0) {
            *map.entry(word.clone()).or_insert(0) += i;
            *expected.entry(word.clone()).or_insert(0) += i;
        }
        assert_eq!(
            map.insert("zz".to_owned(), 7),
            expected.insert("zz".to_owned(), 7)
        );
        for word in words.iter().chain([&String::from("absent")]) {
            assert_eq!(map.get(word), expected.get(word), "{word:?}");
            assert_eq!(
                map.get_bytes(word.as_bytes()),
                expected.get(word),
                "{word:?}"
            );
            assert_eq!(map.contains_key(word), expected.contains_key(word));
        }
        assert_eq!(map.len(), expected.len());
        assert!(map.into_iter().all(|(k, v)| expected.get(k) == Some(v)));
    }

    #[test]
    fn phrases_match_across_spaces_and_hyphens() {
        let text = "au-delà  de 5";
        assert_eq!(match_forward(text, 0, text.len(), "au-delà de"), Some(12));
        assert_eq!(match_backward(text, 12, 0, "au delà de"), Some(0));
        assert_eq!(match_forward("plus d’un", 0, 11, "plus d'"), Some(9));
        assert_eq!(match_forward("environs", 0, 8, "environ"), None);
        assert_eq!(match_backward("xplus de", 8, 0, "plus de"), None);
        assert_eq!(match_backward("xplus de", 8, 1, "plus de"), Some(1));
    }

    #[test]
    fn phrases_starting_with_a_word_need_the_char_after_it() {
        let set = Phrases::new(["km carrés", "km2", "km", "au-delà de"]);
        let at = |text: &str| set.at(text, 0, text.len());
        assert_eq!(at("km carrés"), Some((0, 10)));
        assert_eq!(at("KM - Carrés de"), Some((0, 12)));
        assert_eq!(at("km2 de"), Some((1, 3)));
        assert_eq!(at("km de"), Some((2, 2)));
        assert_eq!(at("km"), Some((2, 2)));
        assert_eq!(at("kmcarrés"), None);
        assert_eq!(at("au delà de 5"), Some((3, 11)));
        assert_eq!(at("au-delà de 5"), Some((3, 11)));
        assert_eq!(at("au  de"), None);
    }

    #[test]
    fn phrases_ending_with_a_sign_need_the_words_before_it() {
        let set = Phrases::new(["plus d'", "au-delà d'", "d'", "n°"]);
        let ends = |text: &str| set.ending_at(text, text.len(), 0);
        assert_eq!(ends("Plus  d’"), Some((0, 0)));
        assert_eq!(ends("au - delà d'"), Some((1, 0)));
        assert_eq!(ends("morts d'"), Some((2, 6)));
        assert_eq!(ends("xd'"), None);
        assert_eq!(ends("le N°"), Some((3, 3)));
    }

    #[test]
    fn chars_at_and_before_agree_with_decoding() {
        let text = "Près de 3\u{a0}000 « morts » à Alep — 日本 ok";
        for pos in 0..=text.len() + 2 {
            assert_eq!(
                char_at(text, pos),
                text.get(pos..).and_then(|s| s.chars().next()),
                "at {pos}"
            );
            assert_eq!(
                char_before(text, pos),
                text.get(..pos).and_then(|s| s.chars().next_back()),
                "before {pos}"
            );
        }
    }

    #[test]
    fn a_known_word_after_gives_what_reading_it_gives() {
        let set = Phrases::new(["km carrés", "km2", "km", "au-delà de", "n°", "d'"]);
        let texts = [
            "km carrés",
            "KM - Carrés de",
            "km2 de",
            "kmcarrés",
            "au delà de 5",
            "Au-Delà",
            "n° 5",
            "d'un",
            "",
            "5 km",
        ];
        for text in texts {
            for end in 0..=text.len() {
                if !text.is_char_boundary(end) {
                    continue;
                }
                let known = word_at(text, 0, end);
                assert_eq!(
                    set.at_word(text, 0, end, known),
                    set.at(text, 0, end),
                    "{text:?} to {end}"
                );
            }
        }
    }

    #[test]
    fn a_known_word_before_gives_what_reading_it_gives() {
        let set = Phrases::new([
            "plus de",
            "un peu plus de",
            "au-delà de",
            "plus d'",
            "d'",
            "près de",
            "jusqu'à",
        ]);
        let texts = [
            "Plus  de",
            "soit un peu plus de",
            "au - delà de",
            "près de",
            "PRÈS DE",
            "jusqu’à",
            "morts d'",
            "de",
            "",
            "12 de",
        ];
        for text in texts {
            for floor in 0..=text.len() {
                if !text.is_char_boundary(floor) {
                    continue;
                }
                let pos = text.len();
                let known = word_before(text, pos, floor);
                assert_eq!(
                    set.ending_after_word(text, pos, floor, known, |end| word_before(
                        text, end, floor
                    )),
                    set.ending_at(text, pos, floor),
                    "{text:?} from {floor}"
                );
            }
        }
    }

    /// `Phrases::ending_at` without its filters and shortcuts: every
    /// phrase whose last word is the text's word (or whose last char is
    /// the text's sign) tried in turn, longest first.
    fn ending_at_by_trying_each(
        set: &Phrases,
        text: &str,
        pos: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        if pos <= floor {
            return None;
        }
        let word_start = letters_start(text, pos, floor);
        let try_each = |keep: &dyn Fn(&str) -> bool| {
            set.items
                .iter()
                .filter(|(phrase, _)| keep(phrase))
                .find_map(|(phrase, index)| {
                    match_backward(text, pos, floor, phrase).map(|s| (*index, s))
                })
        };
        let by_word = if word_start < pos {
            let word = Folded::new(text, word_start, pos)?;
            try_each(&|phrase| {
                let last = &phrase[letters_start(phrase, phrase.len(), 0)..];
                !last.is_empty() && last == word.as_str()
            })
        } else {
            None
        };
        by_word.or_else(|| {
            let sign = fold(char_before(text, pos)?);
            try_each(&|phrase| {
                phrase.chars().next_back().is_some_and(|c| c == sign)
                    && letters_start(phrase, phrase.len(), 0) == phrase.len()
            })
        })
    }

    /// `Phrases::at` without its filters and shortcuts: every phrase whose
    /// first word is the text's word (or whose first char is the text's
    /// sign) tried in turn, longest first.
    fn at_by_trying_each(
        set: &Phrases,
        text: &str,
        pos: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        let word_end = letters_end(text, pos, end);
        let try_each = |keep: &dyn Fn(&str) -> bool| {
            set.items
                .iter()
                .filter(|(phrase, _)| keep(phrase))
                .find_map(|(phrase, index)| {
                    match_forward(text, pos, end, phrase).map(|e| (*index, e))
                })
        };
        let by_word = if word_end > pos {
            let word = Folded::new(text, pos, word_end)?;
            try_each(&|phrase| {
                let first = &phrase[..letters_end(phrase, 0, phrase.len())];
                !first.is_empty() && first == word.as_str()
            })
        } else {
            None
        };
        by_word.or_else(|| {
            let sign = fold(char_at(text, pos)?);
            try_each(&|phrase| {
                phrase.chars().next().is_some_and(|c| c == sign)
                    && letters_end(phrase, 0, phrase.len()) == 0
            })
        })
    }

    /// The phrase sets of the scan, and one of phrases that share words.
    fn phrase_sets() -> Vec<&'static Phrases> {
        use crate::quantity::lexicon::{Cue, LEXICON};
        static OWN: once_cell::sync::Lazy<Phrases> = once_cell::sync::Lazy::new(|| {
            Phrases::new([
                "un peu plus de",
                "plus de",
                "pas plus de",
                "au-delà de",
                "d'au moins",
                "au moins",
                "plus d'",
                "i de",
                "km carrés",
                "km2",
                "km",
                "kilomètres carrés",
                "kilomètres",
            ])
        });
        let mut sets: Vec<&Phrases> = Cue::ALL.iter().map(|&cue| LEXICON.cue(cue)).collect();
        sets.push(&LEXICON.qualifiers_before.0);
        sets.push(&LEXICON.qualifiers_after.0);
        sets.push(&LEXICON.unit_phrases);
        sets.push(&OWN);
        sets
    }

    /// Texts for the phrase tests: the crate's sentences and odd ones.
    fn phrase_texts() -> Vec<String> {
        let mut texts: Vec<String> = include_str!("../../tests/data/sentences.txt")
            .lines()
            .map(str::to_owned)
            .collect();
        texts.extend(
            [
                "un peu plus de 5, Un  Peu-Plus - DE 6, bien plus de 7, pas plus de 8",
                "xplus de 1, 3plus de 2, plus de3, au - delà de 4, au-delà  de 5",
                "d'au moins 6, d’au moins 7, PRÈS DE 8, près\u{a0}de 9, près\u{202f}de 10",
                "İ de 1, I de 2, i de 3, K de 4, \u{212a}m de 5, jusqu'à 6, jusqu’aux 7",
                "moins d'une, plus d'un, n° 5, art. 3, au plus 4, au maximum de 5",
                "5 km carrés, 5 KM2, 5 km-carrés, 5 kmcarrés, 5 Kilomètres, 5 KILOMÈTRES Carrés",
                "5 kilomètres2 5 km² 5 km/h 5 \u{212a}m 5 kİlomètres 10 heures du matin",
                "xkm 5, 3km 6, KM 7, km-Km 8, Kilomètres 9, kilomètres2 10, 11 kİlomètres",
            ]
            .map(str::to_owned),
        );
        texts
    }

    #[test]
    fn phrases_at_a_position_are_those_tried_one_by_one() {
        for set in phrase_sets() {
            for text in &phrase_texts() {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                for &pos in &bounds {
                    for end in [text.len(), (pos + 9).min(text.len())] {
                        let Some(end) = (end..=text.len()).find(|&e| text.is_char_boundary(e))
                        else {
                            continue;
                        };
                        assert_eq!(
                            set.at(text, pos, end),
                            at_by_trying_each(set, text, pos, end),
                            "{text:?} at {pos} to {end}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn phrases_ending_before_a_position_are_those_tried_one_by_one() {
        let texts = phrase_texts();
        for set in phrase_sets() {
            for text in &texts {
                let bounds: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.is_char_boundary(i))
                    .collect();
                for &pos in &bounds {
                    for floor in [0, pos.saturating_sub(9)] {
                        let Some(floor) = (floor..=pos).find(|&f| text.is_char_boundary(f)) else {
                            continue;
                        };
                        assert_eq!(
                            set.ending_at(text, pos, floor),
                            ending_at_by_trying_each(set, text, pos, floor),
                            "{text:?} at {pos} from {floor}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn surely_folded_words_are_those_folding_leaves_unchanged() {
        // `surely_folded` says yes only to words `fold` leaves as they are,
        // and to every lowercase French word.
        let mut words: Vec<String> = ["", "a", "blessés", "kilomètres", "à", "ÿß", "x`y", "a b"]
            .map(str::to_owned)
            .to_vec();
        for c in ('\u{0}'..='\u{17f}').chain(['œ', 'İ', '\u{212a}', '’', '\u{a0}']) {
            words.push(format!("é{c}a"));
            words.push(format!("{c}"));
        }
        for word in &words {
            let unchanged = word.chars().all(|c| fold(c) == c);
            if surely_folded(word.as_bytes()) {
                assert!(unchanged, "{word:?}");
            }
            let french = word
                .chars()
                .all(|c| c.is_ascii_lowercase() || ('\u{e0}'..='\u{ff}').contains(&c) && c != '÷');
            if french {
                assert!(surely_folded(word.as_bytes()), "{word:?}");
            }
        }
    }

    #[test]
    fn folding_is_case_and_apostrophe_blind() {
        let folded = Folded::new("VINGT’É", 0, "VINGT’É".len());
        assert_eq!(folded.as_ref().map(Folded::as_str), Some("vingt'é"));
    }
}
