//! The tokeniser as it was before accented words were folded in place
//! (`Words::fill` up to the ninth speed round), kept for the tests: the
//! tokens of both must be the same, and so must their folded forms.

use crate::words::{
    BYTE_CLASS, LATIN1_FOLDS, LETTER, SPACE, TokenKind, ascii_letters, is_letter, is_spaced_dash,
    starts_letter,
};
use bilan_article::Span;
use std::ops::Range;

/// One token of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct OldToken {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
    norm: Range<usize>,
    /// `crate::tables::shape` of the folded form.
    pub(crate) shape: u16,
}

/// The tokens of one sentence and their folded forms.
#[derive(Debug, Default)]
pub(crate) struct OldWords {
    pub(crate) tokens: Vec<OldToken>,
    folded: String,
    /// The length of the lowered copy of the sentence that starts
    /// `folded`: a token whose folded form lies within it is its own
    /// bytes lowered (plain ASCII), which the scan reads as they are.
    in_place: usize,
}

impl OldWords {
    /// Tokenise `text[within]`. Linear in the span's length.
    pub(crate) fn new(text: &str, within: Span) -> OldWords {
        let mut words = OldWords::default();
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
        self.folded.clear();
        self.in_place = 0;
        let Some(slice) = text.get(within.start..within.end) else {
            return;
        };
        self.tokens.reserve(slice.len() / 4 + 1);
        // `folded` starts with the whole slice, ASCII lowered: the folded
        // form of most tokens (ASCII words, signs) is then the same bytes,
        // at the same offsets, and costs no copy. Tokens that fold to other
        // bytes (accented words, "1.000") are appended after it.
        self.folded.reserve(slice.len() + slice.len() / 8 + 16);
        self.folded.push_str(slice);
        self.folded.make_ascii_lowercase();
        self.in_place = slice.len();
        let bytes = slice.as_bytes();
        let base = within.start;
        let mut pos = 0;
        while let Some(&b) = bytes.get(pos) {
            let class = BYTE_CLASS[usize::from(b)];
            if class == SPACE {
                pos += 1;
                continue;
            }
            if class == LETTER {
                let end = pos + ascii_letters(bytes.get(pos..).unwrap_or_default());
                if bytes.get(end).is_some_and(|&n| n >= 0x80) && starts_letter(slice, end) {
                    // An accented letter goes on the word: fold it apart.
                    let norm_start = self.folded.len();
                    let word_end = self.fold_word(slice, pos, end);
                    self.push(base + pos, base + word_end, TokenKind::Word, norm_start);
                    pos = word_end;
                } else {
                    // ASCII letters alone: the folded form is the lowered
                    // bytes in place, and its shape comes from the text's
                    // bytes (letters: `| 0x20` lowers them).
                    let letter = |at: usize| bytes.get(at).map_or(0, |&b| b | 0x20);
                    let second = if end - pos > 1 { letter(pos + 1) } else { 0 };
                    let shape = crate::tables::shape_of_parts(
                        end - pos,
                        letter(pos),
                        second,
                        letter(end.wrapping_sub(1)),
                    );
                    self.tokens.push(OldToken {
                        span: Span::new(base + pos, base + end),
                        kind: TokenKind::Word,
                        norm: pos..end,
                        shape: u16::try_from(shape).unwrap_or(u16::MAX),
                    });
                    pos = end;
                }
                // The space after a word, the usual separator, is stepped
                // over here rather than in a turn of the loop.
                if bytes.get(pos) == Some(&b' ') {
                    pos += 1;
                }
                continue;
            }
            pos = self.other_token(slice, base, pos, b);
        }
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
                        self.folded.push(char::from(d));
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
        // the copy cannot panic).
        if from < pos
            && pos <= bytes.len()
            && self.folded.is_char_boundary(from)
            && self.folded.is_char_boundary(pos)
        {
            self.folded.extend_from_within(from..pos);
        }
        let latin1: &[u8; 64] = &LATIN1_FOLDS;
        while let Some(&n) = bytes.get(pos) {
            if n.is_ascii_alphabetic() {
                self.folded.push(char::from(n.to_ascii_lowercase()));
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
                self.folded.push(char::from(folded));
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
    fn push_norm(&mut self, start: usize, end: usize, kind: TokenKind, norm: Range<usize>) {
        let folded = self.folded.as_bytes().get(norm.clone()).unwrap_or_default();
        let shape = crate::tables::shape_of_bytes(folded);
        self.tokens.push(OldToken {
            span: Span::new(start, end),
            kind,
            norm,
            shape: u16::try_from(shape).unwrap_or(u16::MAX),
        });
    }

    /// The folded form of token `i` ("" past the end).
    pub(crate) fn norm(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .and_then(|t| self.folded.get(t.norm.clone()))
            .unwrap_or("")
    }

    /// The folded form of token `i` when it is the token's own bytes,
    /// ASCII lowered (a word of ASCII letters), else `None`: for such a
    /// word the scan's form (lower case, accents kept) is the same.
    pub(crate) fn lowered_in_place(&self, i: usize) -> Option<&str> {
        let token = self.tokens.get(i)?;
        if token.norm.end > self.in_place {
            return None;
        }
        self.folded.get(token.norm.clone())
    }
}

/// Lower-case `c` without accents, pushed onto `out`.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
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

/// A lower-case letter without its accent, pushed onto `out`.
fn fold_lower(l: char, out: &mut String) {
    match l {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => out.push('a'),
        'é' | 'è' | 'ê' | 'ë' => out.push('e'),
        'î' | 'ï' | 'í' | 'ì' => out.push('i'),
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => out.push('o'),
        'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
        'ç' => out.push('c'),
        'ÿ' => out.push('y'),
        'ñ' => out.push('n'),
        'œ' => out.push_str("oe"),
        'æ' => out.push_str("ae"),
        other => out.push(other),
    }
}
