//! Words of a sentence, folded for matching (lower case, no accents,
//! apostrophes and hyphens split), each with its byte span in the input.

use crate::tables::{MAY_TRIGGER, NUMBER, SHAPE_BITS, START_FLAGS};
use bilan_article::Span;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters.
    Word,
    /// Digits, with their French separators ("1.000", "2,5").
    Number,
    /// Punctuation that ends a clause: . ; : ! ? …
    Stop,
    /// A comma.
    Comma,
    /// Any other symbol: quotes, brackets, dashes, %.
    Symbol,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
    /// `tables::START_FLAGS` of a word's shape (0 for other tokens): what
    /// it may start among the things looked for across whole sentences,
    /// and which tables may know it.
    pub(crate) flags: u8,
    norm: Range<usize>,
    /// `crate::tables::shape` of the folded form, computed once here since
    /// every table asks it of every word.
    pub(crate) shape: u16,
}

/// The tokens of one sentence and their folded forms.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub(crate) tokens: Vec<Token>,
    /// The sentence, ASCII lowered: the form the scan reads of a token
    /// that is its own bytes lowered (`lowered_in_place`).
    lowered: String,
    /// The folded forms, as bytes (each token's is UTF-8). It starts with
    /// a copy of `lowered`, over which the words of ASCII letters and
    /// accented Latin-1 letters are folded in place (one byte for each
    /// two-byte accented letter, so a fold never outgrows its word);
    /// tokens that fold otherwise ("1.000", "œ") are appended after it.
    folded: Vec<u8>,
    /// The word tokens whose shape may be a trigger of the scan for
    /// figures (flag `tables::MAY_TRIGGER` in `tables::START_FLAGS`), and
    /// the number tokens (flag `tables::NUMBER`), in order, as (token
    /// index, flags): the scan reads these, most tokens being neither.
    marked: Vec<(usize, u8)>,
    /// The length of `lowered` (and of the copy starting `folded`): a
    /// token whose folded form lies within it and is as long as the token
    /// is its own bytes lowered (plain ASCII), which the scan reads as
    /// they are.
    in_place: usize,
}

impl Words {
    /// Tokenise `text[within]`. Linear in the span's length.
    #[cfg(test)]
    pub(crate) fn new(text: &str, within: Span) -> Words {
        let mut words = Words::default();
        words.fill(text, within);
        words
    }

    /// Tokenise `text[within]` into this buffer, replacing what it held
    /// (its allocations are reused from one sentence to the next). Linear
    /// in the span's length.
    ///
    /// Reads bytes, decoding a char only where one is not ASCII: French
    /// text is mostly ASCII, and this runs on every sentence (the scan for
    /// figures reads the tokens).
    pub(crate) fn fill(&mut self, text: &str, within: Span) {
        self.tokens.clear();
        self.lowered.clear();
        self.folded.clear();
        self.marked.clear();
        self.in_place = 0;
        let Some(slice) = text.get(within.start..within.end) else {
            return;
        };
        self.tokens.reserve(slice.len() / 4 + 1);
        // `folded` starts with the whole slice, ASCII lowered: the folded
        // form of most tokens (ASCII words, signs) is then the same bytes,
        // at the same offsets, and costs no copy; accented words are folded
        // over their own bytes. Tokens that fold to other bytes ("1.000",
        // "œ") are appended after it.
        self.lowered.push_str(slice);
        self.lowered.make_ascii_lowercase();
        self.folded.reserve(slice.len() + slice.len() / 8 + 16);
        self.folded.extend_from_slice(self.lowered.as_bytes());
        self.in_place = slice.len();
        let bytes = slice.as_bytes();
        let base = within.start;
        let start_flags: &[u8; SHAPE_BITS] = &START_FLAGS;
        let mut pos = 0;
        while let Some(&b) = bytes.get(pos) {
            let class = BYTE_CLASS[usize::from(b)];
            if class == SPACE {
                pos += 1;
                continue;
            }
            if class == LETTER {
                let rest = bytes.get(pos..).unwrap_or_default();
                // The word's first eight bytes (zeros past the slice): most
                // words end within them, and their length, first, second
                // and last letters and the byte after them are read there.
                let x = first_eight(rest);
                let stops = not_letters(x);
                let (len, last, next) = if stops != 0 {
                    // At least 1: the first byte is a letter.
                    let len = (stops.trailing_zeros() / 8) as usize;
                    (len, byte_of(x, len.wrapping_sub(1)), byte_of(x, len))
                } else {
                    let len = 8 + ascii_letters(rest.get(8..).unwrap_or_default());
                    // A long word (`len` at least 8): its last letter
                    // and the byte after it read from the slice.
                    let at = |i: usize| rest.get(i).copied().unwrap_or(0);
                    (len, at(len - 1), at(len))
                };
                let end = pos + len;
                if next >= 0x80
                    && ((next == 0xC3 && folds_latin1(bytes.get(end + 1)) != 0)
                        || starts_letter(slice, end))
                {
                    // An accented letter goes on the word: fold it apart.
                    pos = self.accented_word(slice, base, pos, end);
                    // The space after a word, the usual separator, is
                    // stepped over here rather than in a turn of the loop.
                    if bytes.get(pos) == Some(&b' ') {
                        pos += 1;
                    }
                } else {
                    // ASCII letters alone: the folded form is the lowered
                    // bytes in place, and its shape comes from the text's
                    // bytes (letters: `| 0x20` lowers them).
                    let second = if len > 1 { byte_of(x, 1) | 0x20 } else { 0 };
                    let shape = crate::tables::shape_of_parts(
                        len,
                        byte_of(x, 0) | 0x20,
                        second,
                        last | 0x20,
                    );
                    let flags = start_flags[shape % SHAPE_BITS];
                    if flags & MAY_TRIGGER != 0 {
                        self.marked.push((self.tokens.len(), flags));
                    }
                    self.tokens.push(Token {
                        span: Span::new(base + pos, base + end),
                        kind: TokenKind::Word,
                        flags,
                        norm: pos..end,
                        shape: u16::try_from(shape).unwrap_or(u16::MAX),
                    });
                    // A space or an apostrophe after the word (a
                    // separator only) is stepped over too.
                    pos = end + usize::from(SKIPPED_AFTER_WORD[usize::from(next)]);
                }
                continue;
            }
            if class == OTHER {
                // An ASCII sign (no letter, digit or space): its own folded
                // form, in place.
                pos = self.ascii_sign(slice, base, pos, b);
                continue;
            }
            if b == 0xC3 && folds_latin1(bytes.get(pos + 1)) != 0 {
                // A word starting with an accented letter ("à", "État").
                pos = self.accented_word(slice, base, pos, pos);
                continue;
            }
            pos = self.other_token(slice, base, pos, b);
        }
    }

    /// Reads the word whose ASCII letters `slice[start..at]` were read and
    /// which goes on at `at` (a letter that is not ASCII, or `at == start`
    /// and an accented Latin-1 letter), pushing its token and returning
    /// where it ends.
    ///
    /// ASCII letters and the accented letters of French (two bytes each)
    /// fold to one ASCII byte each, written over the word's own bytes in
    /// `folded` (the write never passes the read); a word with another
    /// letter ("œ", "İ", which may fold longer) is folded apart by
    /// `fold_word` instead, as all were before.
    fn accented_word(&mut self, slice: &str, base: usize, start: usize, at: usize) -> usize {
        let bytes = slice.as_bytes();
        let mut read = at;
        let mut write = at;
        while let Some(&n) = bytes.get(read) {
            let folded = if n < 0x80 {
                if !n.is_ascii_alphabetic() {
                    break;
                }
                read += 1;
                n | 0x20
            } else {
                let folded = if n == 0xC3 {
                    folds_latin1(bytes.get(read + 1))
                } else {
                    0
                };
                if folded == 0 {
                    if starts_letter(slice, read) {
                        let norm_start = self.folded.len();
                        let end = self.fold_word(slice, start, at);
                        self.push(base + start, base + end, TokenKind::Word, norm_start);
                        return end;
                    }
                    break;
                }
                read += 2;
                folded
            };
            if let Some(slot) = self.folded.get_mut(write) {
                *slot = folded;
            }
            write += 1;
        }
        self.push_norm(base + start, base + read, TokenKind::Word, start..write);
        read
    }

    /// Reads the ASCII sign `b` at `pos` (class `OTHER`), as `other_token`
    /// would, returning where the next token may start: an apostrophe
    /// separates, a hyphen too unless spaced, any other sign is a token
    /// (a space after it is skipped).
    #[inline]
    fn ascii_sign(&mut self, slice: &str, base: usize, pos: usize, b: u8) -> usize {
        let kind = match b {
            b'\'' => return pos + 1,
            b'-' => {
                let bytes = slice.as_bytes();
                let ascii_alphanumeric = |at: Option<usize>| {
                    at.and_then(|at| bytes.get(at))
                        .map(|&n| (n < 0x80).then_some(n.is_ascii_alphanumeric()))
                };
                // Between two ASCII chars the bytes tell; else the chars.
                let spaced = match (
                    ascii_alphanumeric(pos.checked_sub(1)),
                    ascii_alphanumeric(Some(pos + 1)),
                ) {
                    (Some(Some(before)), Some(Some(after))) => !(before && after),
                    (None, _) | (_, None) => true,
                    _ => is_spaced_dash(slice, pos),
                };
                if !spaced {
                    return pos + 1;
                }
                TokenKind::Symbol
            }
            b'.' | b';' | b':' | b'!' | b'?' => TokenKind::Stop,
            b',' => TokenKind::Comma,
            _ => TokenKind::Symbol,
        };
        // Not a letter: lowering left it as it is.
        let shape = crate::tables::shape_of_parts(1, b, 0, b);
        self.tokens.push(Token {
            span: Span::new(base + pos, base + pos + 1),
            kind,
            flags: 0,
            norm: pos..pos + 1,
            shape: u16::try_from(shape).unwrap_or(u16::MAX),
        });
        // The space after a sign (", ", ". ") is stepped over here rather
        // than in a turn of the loop.
        pos + 1 + usize::from(slice.as_bytes().get(pos + 1) == Some(&b' '))
    }

    /// Reads the token (or separator) at `pos`, which is no ASCII letter
    /// or space, returning where the next one may start.
    fn other_token(&mut self, slice: &str, base: usize, mut pos: usize, b: u8) -> usize {
        let bytes = slice.as_bytes();
        let start = base + pos;
        let c = if b < 0x80 {
            char::from(b)
        } else {
            match slice.get(pos..).and_then(|rest| rest.chars().next()) {
                Some(c) => c,
                None => return bytes.len(),
            }
        };
        if is_letter(c) {
            let norm_start = self.folded.len();
            fold_into(c, &mut self.folded);
            pos = self.fold_word(slice, pos + c.len_utf8(), pos + c.len_utf8());
            self.push(start, base + pos, TokenKind::Word, norm_start);
        } else if b.is_ascii_digit() {
            let first = pos;
            pos += 1;
            let mut end = pos;
            let mut separated = false;
            // Separators inside a number: "1.000", "2,5", "1 000".
            while let Some(&n) = bytes.get(pos) {
                if n.is_ascii_digit() {
                    pos += 1;
                    end = pos;
                    continue;
                }
                let width = match n {
                    b'.' | b',' | b' ' => 1,
                    0xC2 if bytes.get(pos + 1) == Some(&0xA0) => 2,
                    0xE2 if bytes.get(pos + 1..pos + 3) == Some(&[0x80, 0xAF][..]) => 3,
                    _ => 0,
                };
                let next_is_digit = bytes.get(pos + width).is_some_and(u8::is_ascii_digit);
                if width > 0 && next_is_digit {
                    pos += width;
                    separated = true;
                    continue;
                }
                break;
            }
            if separated {
                // The digits alone: "1.000" is "1000".
                let norm_start = self.folded.len();
                for &d in bytes.get(first..end).unwrap_or_default() {
                    if d.is_ascii_digit() {
                        self.folded.push(d);
                    }
                }
                self.push(start, base + end, TokenKind::Number, norm_start);
            } else {
                self.push_norm(start, base + end, TokenKind::Number, first..end);
            }
            // A digit run ends where the next token may start: at `end`
            // when the separator after it led nowhere.
            pos = end;
        } else if c.is_whitespace() || matches!(c, '\'' | '’' | 'ʼ' | '‘' | '-' | '‐') {
            // Apostrophes and hyphens split words ("d’Idleb", "avant-hier");
            // a dash between spaces is a symbol.
            if c == '-' && is_spaced_dash(slice, pos) {
                self.push_norm(start, start + 1, TokenKind::Symbol, pos..pos + 1);
            }
            pos += c.len_utf8();
        } else {
            let kind = match c {
                '.' | ';' | ':' | '!' | '?' | '…' => TokenKind::Stop,
                ',' => TokenKind::Comma,
                _ => TokenKind::Symbol,
            };
            // Not a letter: lowering left it as it is.
            let width = c.len_utf8();
            self.push_norm(start, start + width, kind, pos..pos + width);
            pos += width;
        }
        pos
    }

    /// Folds the word whose ASCII letters `slice[from..pos]` were read and
    /// which goes on at `pos` (ASCII or not) onto `folded`, returning
    /// where the word ends.
    ///
    /// ASCII letters and the accented letters of French fold to one ASCII
    /// byte each, pushed one by one: cheaper than copying each run of
    /// ASCII letters and lowering it in place (a call for a few bytes).
    fn fold_word(&mut self, slice: &str, from: usize, mut pos: usize) -> usize {
        let bytes = slice.as_bytes();
        // The ASCII letters read are already lowered in place, at the same
        // offsets, at the start of `folded` (the bounds checked so that
        // the copy cannot panic; `accented_word` wrote no byte before
        // `pos`).
        if from < pos && pos <= self.in_place {
            self.folded.extend_from_within(from..pos);
        }
        let latin1: &[u8; 64] = &LATIN1_FOLDS;
        while let Some(&n) = bytes.get(pos) {
            if n.is_ascii_alphabetic() {
                self.folded.push(n.to_ascii_lowercase());
                pos += 1;
                continue;
            }
            if n < 0x80 {
                break;
            }
            // The accented letters of French (U+00C0-U+00FF, two bytes
            // from 0xC3) fold to one ASCII letter read from a table.
            if n == 0xC3
                && let Some(&second) = bytes.get(pos + 1)
                && let Some(&folded) = latin1.get(usize::from(second.wrapping_sub(0x80)))
                && folded != 0
            {
                self.folded.push(folded);
                pos += 2;
                continue;
            }
            let Some(n) = slice.get(pos..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if !is_letter(n) {
                break;
            }
            fold_into(n, &mut self.folded);
            pos += n.len_utf8();
        }
        pos
    }

    /// Pushes a token whose folded form was just appended from `norm_start`.
    fn push(&mut self, start: usize, end: usize, kind: TokenKind, norm_start: usize) {
        self.push_norm(start, end, kind, norm_start..self.folded.len());
    }

    /// Pushes a token whose folded form is `folded[norm]`.
    #[inline]
    fn push_norm(&mut self, start: usize, end: usize, kind: TokenKind, norm: Range<usize>) {
        let folded = self.folded.get(norm.clone()).unwrap_or_default();
        let shape = crate::tables::shape_of_bytes(folded);
        let flags = match kind {
            TokenKind::Word => START_FLAGS.get(shape).copied().unwrap_or(u8::MAX),
            _ => 0,
        };
        if flags & MAY_TRIGGER != 0 || kind == TokenKind::Number {
            let marks = if kind == TokenKind::Number {
                NUMBER
            } else {
                flags
            };
            self.marked.push((self.tokens.len(), marks));
        }
        self.tokens.push(Token {
            span: Span::new(start, end),
            kind,
            flags,
            norm,
            shape: u16::try_from(shape).unwrap_or(u16::MAX),
        });
    }

    /// `crate::tables::shape` of the folded form of token `i` (that of ""
    /// past the end).
    pub(crate) fn shape(&self, i: usize) -> usize {
        self.tokens
            .get(i)
            .map_or_else(|| crate::tables::shape(""), |t| usize::from(t.shape))
    }

    /// The folded form of token `i` ("" past the end).
    pub(crate) fn norm(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.folded.get(t.norm.clone()))
            .and_then(|norm| std::str::from_utf8(norm).ok())
            .unwrap_or("")
    }

    /// The bytes of `norm(i)`, without the char-boundary checks of a `str`
    /// slice (token ranges always lie on char boundaries): for the hot
    /// comparisons with ASCII words.
    /// `Token::flags` of token `i` (0 past the end).
    #[inline]
    pub(crate) fn flags(&self, i: usize) -> u8 {
        self.tokens.get(i).map_or(0, |t| t.flags)
    }

    /// Token `i` is "où" (where), not "ou" (or): both fold to "ou", and
    /// "où" is a byte longer as written.
    pub(crate) fn is_where(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.span.len() == 3) && self.norm_bytes(i) == b"ou"
    }

    pub(crate) fn norm_bytes(&self, i: usize) -> &[u8] {
        self.tokens
            .get(i)
            .and_then(|t| self.folded.get(t.norm.clone()))
            .unwrap_or_default()
    }

    /// The folded form of token `i` when it is the token's own bytes,
    /// ASCII lowered (a word of ASCII letters), else `None`: for such a
    /// word the scan's form (lower case, accents kept) is the same.
    pub(crate) fn lowered_in_place(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        // Accented words folded in place are shorter than their bytes.
        if token.norm.end > self.in_place || token.norm.len() != token.span.len() {
            return None;
        }
        self.lowered.get(token.norm.clone())
    }

    /// Whether token `i`'s folded form was written over its own bytes: a
    /// word of ASCII and accented Latin-1 letters only (or a sign), whose
    /// scan form (lower case, accents kept) is as long as it is written.
    pub(crate) fn folded_in_place(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.norm.end <= self.in_place)
    }

    /// The marked tokens (see `marked`), as (token index, flags).
    pub(crate) fn marked(&self) -> &[(usize, u8)] {
        &self.marked
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Kind of token `i`, if any.
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Index of the first token starting at or after byte `offset`.
    pub(crate) fn index_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// The first token at or after `i` that is not a definite article
    /// ("l'", "le", "la", "les").
    pub(crate) fn past_articles(&self, mut i: usize) -> usize {
        while is_article(self.norm_bytes(i)) {
            i += 1;
        }
        i
    }

    /// Token `i` is governed by "de" (or "d'", "du", "des"), articles
    /// aside: "positions de l'EI", "le directeur de l'OSDH".
    pub(crate) fn after_de(&self, i: usize) -> bool {
        let k = self.articles_before(i, 0);
        k > 0 && matches!(self.norm_bytes(k - 1), b"de" | b"d" | b"du" | b"des")
    }

    /// The first of the definite articles right before token `i`, not
    /// going below `floor` (`i` itself when none precedes it).
    pub(crate) fn articles_before(&self, mut i: usize, floor: usize) -> usize {
        while i > floor && is_article(self.norm_bytes(i - 1)) {
            i -= 1;
        }
        i
    }
}

/// Classes of bytes for the tokeniser's fast paths: an ASCII letter (0,
/// the most frequent class, tested first at no cost).
pub(crate) const LETTER: u8 = 0;
/// An ASCII char that is no letter, digit or white space.
const OTHER: u8 = 1;
/// An ASCII digit.
pub(crate) const DIGIT: u8 = 2;
/// A byte of a non-ASCII char.
pub(crate) const NOT_ASCII: u8 = 3;
/// ASCII white space (as `char::is_whitespace` has it).
pub(crate) const SPACE: u8 = 4;

/// The class of every byte.
pub(crate) static BYTE_CLASS: [u8; 256] = {
    let mut classes = [OTHER; 256];
    let mut b: u8 = 0;
    loop {
        let class = if b.is_ascii_alphabetic() {
            LETTER
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b >= 0x80 {
            NOT_ASCII
        } else if matches!(b, b' ' | b'\t'..=b'\r') {
            SPACE
        } else {
            OTHER
        };
        classes[b as usize] = class;
        if b == u8::MAX {
            break;
        }
        b += 1;
    }
    classes
};

/// 1 for the bytes that only separate tokens, stepped over after a word
/// without a turn of the tokeniser's loop: ASCII white space and the ASCII
/// apostrophe ("l'armée"); 0 for the others.
static SKIPPED_AFTER_WORD: [u8; 256] = {
    let mut skipped = [0; 256];
    let mut b = 0;
    while b < 256 {
        if BYTE_CLASS[b] == SPACE || b == b'\'' as usize {
            skipped[b] = 1;
        }
        b += 1;
    }
    skipped
};

/// For each char U+00C0 + i (i < 64, encoded 0xC3, 0x80 + i): the ASCII
/// letter `fold_into` turns it into when it is a letter folding to one
/// ASCII letter ("é" to "e", "À" to "a"), else 0 (the general path: "æ",
/// "ð", "×", "ø", "ý", "þ", "ß"). A test checks it against `fold_into`.
pub(crate) const LATIN1_FOLDS: [u8; 64] =
    *b"aaaaaa\0ceeeeiiii\0nooooo\0\0uuuu\0\0\0aaaaaa\0ceeeeiiii\0nooooo\0\0uuuu\0\0y";

/// The first eight bytes of `bytes`, little-endian, zeros past its end.
#[inline(always)]
fn first_eight(bytes: &[u8]) -> u64 {
    match bytes.first_chunk::<8>() {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => bytes
            .iter()
            .rev()
            .fold(0, |eight, &b| (eight << 8) | u64::from(b)),
    }
}

/// Byte `i` (of eight, wrapped) of `x`, little-endian.
#[inline(always)]
fn byte_of(x: u64, i: usize) -> u8 {
    (x >> (i.wrapping_mul(8) & 63)) as u8
}

/// The high bit of each byte of `x` (eight bytes, little-endian) that is
/// no ASCII letter.
#[inline(always)]
fn not_letters(x: u64) -> u64 {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Each byte, case folded, on 7 bits: letters are 0x61..=0x7A.
    let y = (x | 0x2020_2020_2020_2020) & !HIGH;
    let at_least_a = (y + (0x80 - 0x61) * LOW) & HIGH;
    let past_z = (y + (0x80 - 0x7B) * LOW) & HIGH;
    (at_least_a & !past_z & !x & HIGH) ^ HIGH
}

/// The length of the run of ASCII letters at the start of `bytes`: eight
/// bytes at a time (French words are a few letters long, so most runs end
/// within the first word read), the tail byte by byte.
pub(crate) fn ascii_letters(bytes: &[u8]) -> usize {
    let mut run = 0;
    while let Some(chunk) = bytes.get(run..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = not_letters(u64::from_le_bytes(*chunk));
        if stops != 0 {
            // The first byte (lowest) that is no letter.
            return run + (stops.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    run + bytes
        .get(run..)
        .unwrap_or_default()
        .iter()
        .position(|&b| BYTE_CLASS.get(usize::from(b)) != Some(&LETTER))
        .unwrap_or(bytes.len() - run)
}

/// Whether a letter starts at `pos` in `slice`.
pub(crate) fn starts_letter(slice: &str, pos: usize) -> bool {
    slice
        .get(pos..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(is_letter)
}

/// A letter (`char::is_alphabetic`), with fast paths for the chars of
/// news text: ASCII, Latin-1 (NBSP, « », à, é …), Latin Extended-A (œ),
/// and the General Punctuation and currency blocks (’ – — … €), which
/// hold no letter. Other chars go to `char::is_alphabetic`'s tables, some
/// 300 instructions each (`is_letter_is_char_is_alphabetic` compares
/// the two on every char).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if c <= '\u{ff}' {
        // Latin-1 letters (à, é, ç …): all from U+00C0 but × and ÷, and
        // below it the ordinal indicators and the micro sign.
        if c >= '\u{c0}' {
            c != '\u{d7}' && c != '\u{f7}'
        } else {
            matches!(c, '\u{aa}' | '\u{b5}' | '\u{ba}')
        }
    } else if c <= '\u{17f}' {
        // Latin Extended-A (œ, ł, ş …): letters all.
        true
    } else if ('\u{2000}'..='\u{206f}').contains(&c) || ('\u{20a0}'..='\u{20cf}').contains(&c) {
        // General Punctuation and Currency Symbols: no letter.
        false
    } else {
        c.is_alphabetic()
    }
}

/// A letter or digit (`char::is_alphanumeric`), with `is_letter`'s fast
/// paths: of the chars it answers without the tables, the ASCII digits
/// and Latin-1's superscripts and fractions (² ³ ¹ ¼ ½ ¾) are the digits.
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_letter(c) {
        true
    } else if c <= '\u{17f}' {
        matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}')
    } else if ('\u{2000}'..='\u{206f}').contains(&c) || ('\u{20a0}'..='\u{20cf}').contains(&c) {
        false
    } else {
        c.is_numeric()
    }
}

pub(crate) fn is_spaced_dash(slice: &str, offset: usize) -> bool {
    let before = slice.get(..offset).and_then(|s| s.chars().next_back());
    let after = slice.get(offset + 1..).and_then(|s| s.chars().next());
    let letter = |c: Option<char>| c.is_some_and(is_letter_or_digit);
    !(letter(before) && letter(after))
}

/// Pushes `c`, UTF-8 encoded, onto `out`.
fn push_char(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

/// The ASCII letter the two-byte char starting with 0xC3 whose second
/// byte is `second` folds to (`LATIN1_FOLDS`), 0 when it is none.
#[inline]
fn folds_latin1(second: Option<&u8>) -> u8 {
    second
        .and_then(|&b| LATIN1_FOLDS.get(usize::from(b.wrapping_sub(0x80))))
        .copied()
        .unwrap_or(0)
}

/// Lower-case `c` without accents, pushed onto `out` as UTF-8.
fn fold_into(c: char, out: &mut Vec<u8>) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase() as u8);
        return;
    }
    // Lower-case Latin-1 letters (à … ÿ), the usual accented ones, need no
    // case table.
    if ('\u{e0}'..='\u{ff}').contains(&c) && c != '\u{f7}' {
        fold_lower(c, out);
        return;
    }
    // Lower-case letters (most of them) need no case mapping.
    if !c.is_uppercase() {
        fold_lower(c, out);
        return;
    }
    for l in c.to_lowercase() {
        fold_lower(l, out);
    }
}

/// A lower-case letter without its accent, pushed onto `out` as UTF-8.
fn fold_lower(l: char, out: &mut Vec<u8>) {
    match l {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push(b'a'),
        'é' | 'è' | 'ê' | 'ë' => out.push(b'e'),
        'î' | 'ï' | 'í' | 'ì' => out.push(b'i'),
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push(b'o'),
        'ù' | 'û' | 'ü' | 'ú' => out.push(b'u'),
        'ç' => out.push(b'c'),
        'ÿ' => out.push(b'y'),
        'ñ' => out.push(b'n'),
        'œ' => out.extend_from_slice(b"oe"),
        'æ' => out.extend_from_slice(b"ae"),
        other => push_char(out, other),
    }
}

/// `text` folded the way tokens are (used for data-file phrases).
pub(crate) fn fold(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    // Every char was pushed whole, UTF-8 encoded.
    String::from_utf8(out).unwrap_or_default()
}

/// The forms of "avoir" that make a compound past of a verb ("a tué",
/// "auraient annoncé"), folded.
pub(crate) fn is_avoir_auxiliary(word: &[u8]) -> bool {
    matches!(
        word,
        b"a" | b"ont" | b"avait" | b"avaient" | b"aurait" | b"auraient"
    )
}

/// A definite article, as folded (bytes: no char boundary checks).
pub(crate) fn is_article(word: &[u8]) -> bool {
    matches!(word, b"l" | b"le" | b"la" | b"les")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        let w = Words::new(text, Span::new(0, text.len()));
        (0..w.len()).map(|i| w.norm(i).to_owned()).collect()
    }

    #[test]
    fn folds_accents_and_splits_apostrophes() {
        assert_eq!(
            norms("d’Idleb, a coûté 1.000 Km2"),
            ["d", "idleb", ",", "a", "coute", "1000", "km", "2"]
        );
        assert_eq!(
            norms("avant-hier -- «Œuvre»"),
            ["avant", "hier", "-", "-", "«", "oeuvre", "»"]
        );
    }

    #[test]
    fn is_letter_is_char_is_alphabetic() {
        for c in (0..=0x3000).filter_map(char::from_u32) {
            assert_eq!(
                is_letter(c),
                c.is_alphabetic(),
                "{c:?} (U+{:04X})",
                u32::from(c)
            );
        }
        for c in ['\u{1f600}', '\u{10ffff}', '\u{4e2d}', '\u{ff21}'] {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
        for c in (0..=0x3000).filter_map(char::from_u32) {
            assert_eq!(
                is_letter_or_digit(c),
                c.is_alphanumeric(),
                "{c:?} (U+{:04X})",
                u32::from(c)
            );
        }
    }

    #[test]
    fn eight_bytes_are_read_as_one_by_one() {
        for b in 0..=255u8 {
            for i in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[i] = b;
                let x = first_eight(&bytes);
                for (j, &expected) in bytes.iter().enumerate() {
                    assert_eq!(byte_of(x, j), expected);
                    let stop = not_letters(x) >> (8 * j) & 0x80 != 0;
                    assert_eq!(stop, !expected.is_ascii_alphabetic(), "{b} at {i}");
                }
                // A shorter slice reads as zeros past its end.
                let short = first_eight(&bytes[..i]);
                for j in 0..8 {
                    let expected = bytes.get(..i).and_then(|b| b.get(j)).copied();
                    assert_eq!(byte_of(short, j), expected.unwrap_or(0));
                }
            }
        }
    }

    #[test]
    fn letter_runs_are_counted_eight_bytes_at_a_time_as_one_by_one() {
        let samples: [&[u8]; 8] = [
            b"",
            b"abc",
            b"abcdefgh",
            b"abcdefghijKLMNOPqrstuvwxyz",
            b"AZaz@[`{ ",
            "été à".as_bytes(),
            b"abcdefgh\x80ijk",
            b"@@@@@@@@@",
        ];
        for sample in samples {
            for start in 0..sample.len() {
                let bytes = sample.get(start..).unwrap_or_default();
                let expected = bytes
                    .iter()
                    .position(|b| !b.is_ascii_alphabetic())
                    .unwrap_or(bytes.len());
                assert_eq!(ascii_letters(bytes), expected, "{bytes:?}");
            }
        }
        for b in 0..=255u8 {
            let mut bytes = [b'a'; 12];
            for i in 0..12 {
                bytes[i] = b;
                let expected = if b.is_ascii_alphabetic() { 12 } else { i };
                assert_eq!(ascii_letters(&bytes), expected, "{b} at {i}");
                bytes[i] = b'a';
            }
        }
    }

    /// Sentences and odd texts for the comparisons with the tokeniser as
    /// it was: accents in every case and place, apostrophes, hyphens,
    /// spaces inside numbers, letters that fold longer, control chars.
    fn samples() -> Vec<String> {
        let mut texts: Vec<String> = [
            "d’Idleb, a coûté 1.000 Km2 à l’État",
            "Élevé, ÉTÉ, été, Œuvre, cœur, Ægée, İstanbul, straße, ﬁn, ǅemal",
            "Trois soldats ont été tués à Alep; 1 000 blessés, 2,5 %… «Œuvre»",
            "l'armée, l’armée, lʼarmée, l‘armée, avant-hier, avant‐hier -- x - y",
            "12\u{a0}000 morts, 3\u{202f}500 déplacés, 4 000, 5.6.7, 8,",
            "à â ä á ã å é è ê ë î ï í ì ô ö ó ò õ ù û ü ú ç ÿ ñ × ÷ Ø ø Þ þ ß",
            "abcdefghé ABCDEFGHIJÉ aé Aé éa Éa aÉb a×b a÷b a\u{301}b ÀÉÎÕÜ",
            "\u{7}tab\tnew\nline\r\u{b}x\u{c}y\u{0}z é\u{7}é",
            "Αθήνα, Москва, 北京, ﻣﺮﺣﺒﺎ, x̃y, Ǆ, ǈ, İİ, ẞ, ΐ",
            "-x x- é-x x-é 1-2 a -b c- d é-é ß-1 2-Œ -- - (x) [y] {z} %/+*#@~^`|<>=&$\\\"",
            "Bilan : 3 morts ; pourquoi ? Assez ! 4.5, 6,7 8:30 x.y x,y",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        // Pseudo-random texts over pieces of those.
        let pieces = [
            "a",
            "Z",
            "é",
            "É",
            "à",
            "À",
            "œ",
            "Œ",
            "İ",
            "ß",
            "ł",
            "ñ",
            "ç",
            "ÿ",
            "Ÿ",
            "×",
            "÷",
            "’",
            "'",
            "ʼ",
            "‘",
            "-",
            "‐",
            " ",
            " ",
            " ",
            "\u{a0}",
            "\u{202f}",
            "1",
            "0",
            ".",
            ",",
            "\t",
            "\n",
            "\u{7}",
            "«",
            "»",
            "…",
            ":",
            ";",
            "!",
            "?",
            "(",
            "%",
            "Α",
            "ﬁ",
            "ǅ",
            "\u{301}",
            "de",
            "mort",
            "tués",
            "État",
            "blessés",
            "Aarsal",
            "abcdefgh",
            "ABCDEFGHIJ",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(state % 24) {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let k = usize::try_from(state >> 33).unwrap_or(0) % pieces.len();
                text.push_str(pieces.get(k).copied().unwrap_or(""));
            }
            texts.push(text);
        }
        texts
    }

    #[test]
    fn tokens_are_those_of_the_tokeniser_as_it_was() {
        for text in samples() {
            for (start, end) in [(0, text.len()), (1, text.len()), (0, text.len() / 2)] {
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) || start > end {
                    continue;
                }
                let within = Span::new(start, end);
                let new = Words::new(&text, within);
                let old = crate::words_reference::OldWords::new(&text, within);
                assert_eq!(new.len(), old.tokens.len(), "{text:?}");
                for (i, (t, o)) in new.tokens.iter().zip(&old.tokens).enumerate() {
                    assert_eq!(
                        (t.span, t.kind, t.shape),
                        (o.span, o.kind, o.shape),
                        "{text:?} {i}"
                    );
                    assert_eq!(new.norm(i), old.norm(i), "{text:?} {i}");
                    assert_eq!(new.norm_bytes(i), old.norm(i).as_bytes(), "{text:?} {i}");
                    assert_eq!(
                        new.lowered_in_place(i),
                        old.lowered_in_place(i),
                        "{text:?} {i}"
                    );
                    assert_eq!(
                        new.shape(i),
                        crate::tables::shape(new.norm(i)),
                        "{text:?} {i}"
                    );
                }
            }
        }
    }

    #[test]
    fn marked_tokens_are_the_flagged_words_and_the_numbers() {
        for text in samples() {
            let words = Words::new(&text, Span::new(0, text.len()));
            let expected: Vec<(usize, u8)> = words
                .tokens
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    let flags = START_FLAGS[usize::from(t.shape)];
                    match t.kind {
                        TokenKind::Word => assert_eq!(t.flags, flags, "{text:?} {i}"),
                        _ => assert_eq!(t.flags, 0, "{text:?} {i}"),
                    }
                    match t.kind {
                        TokenKind::Word => (flags & MAY_TRIGGER != 0).then_some((i, flags)),
                        TokenKind::Number => Some((i, NUMBER)),
                        _ => None,
                    }
                })
                .collect();
            assert_eq!(words.marked(), expected.as_slice(), "{text:?}");
        }
        // Every trigger word is marked.
        let text = "un une deux trois dizaines Milliers plusieurs quelques moitié vingt-trois";
        let words = Words::new(text, Span::new(0, text.len()));
        assert_eq!(words.len(), 11);
        assert_eq!(words.marked().len(), words.len());
    }

    #[test]
    fn latin1_folds_are_those_of_fold_into() {
        for (i, &folded) in LATIN1_FOLDS.iter().enumerate() {
            let c = u32::try_from(0xC0 + i).ok().and_then(char::from_u32);
            let mut bytes = Vec::new();
            if let Some(c) = c {
                fold_into(c, &mut bytes);
            }
            let expected = match (c, bytes.as_slice()) {
                (Some(c), [b]) if is_letter(c) && b.is_ascii() => *b,
                _ => 0,
            };
            assert_eq!(folded, expected, "{c:?}");
        }
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text = "été tués… à Alep";
        let w = Words::new(text, Span::new(0, text.len()));
        for t in &w.tokens {
            assert!(text.get(t.span.start..t.span.end).is_some());
        }
    }
}
