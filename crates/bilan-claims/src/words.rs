//! Words of a sentence, folded for matching (lower case, no accents,
//! apostrophes and hyphens split), each with its byte span in the input.

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
#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) span: Span,
    pub(crate) kind: TokenKind,
    norm: Range<usize>,
    /// `crate::tables::shape` of the folded form, computed once here since
    /// every table asks it of every word.
    shape: u16,
}

/// The tokens of one sentence and their folded forms.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub(crate) tokens: Vec<Token>,
    folded: String,
}

impl Words {
    /// Tokenise `text[within]`. Linear in the span's length.
    ///
    /// Reads bytes, decoding a char only where one is not ASCII: French
    /// text is mostly ASCII, and this runs on every sentence with a figure.
    pub(crate) fn new(text: &str, within: Span) -> Words {
        let mut words = Words::default();
        let Some(slice) = text.get(within.start..within.end) else {
            return words;
        };
        words.tokens.reserve(slice.len() / 5 + 1);
        words.folded.reserve(slice.len());
        let bytes = slice.as_bytes();
        let mut pos = 0;
        while let Some(&b) = bytes.get(pos) {
            let start = within.start + pos;
            let c = if b < 0x80 {
                char::from(b)
            } else {
                match slice.get(pos..).and_then(|rest| rest.chars().next()) {
                    Some(c) => c,
                    None => break,
                }
            };
            if is_letter(c) {
                let norm_start = words.folded.len();
                fold_into(c, &mut words.folded);
                pos += c.len_utf8();
                while let Some(&n) = bytes.get(pos) {
                    if n < 0x80 {
                        if !n.is_ascii_alphabetic() {
                            break;
                        }
                        words.folded.push(char::from(n.to_ascii_lowercase()));
                        pos += 1;
                        continue;
                    }
                    let Some(n) = slice.get(pos..).and_then(|rest| rest.chars().next()) else {
                        break;
                    };
                    if !is_letter(n) {
                        break;
                    }
                    fold_into(n, &mut words.folded);
                    pos += n.len_utf8();
                }
                words.push(start, within.start + pos, TokenKind::Word, norm_start);
            } else if b.is_ascii_digit() {
                let norm_start = words.folded.len();
                words.folded.push(c);
                pos += 1;
                let mut end = start + 1;
                // Separators inside a number: "1.000", "2,5", "1 000".
                while let Some(&n) = bytes.get(pos) {
                    if n.is_ascii_digit() {
                        words.folded.push(char::from(n));
                        pos += 1;
                        end = within.start + pos;
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
                        continue;
                    }
                    break;
                }
                words.push(start, end, TokenKind::Number, norm_start);
            } else if c.is_whitespace() || matches!(c, '\'' | '’' | 'ʼ' | '‘' | '-' | '‐') {
                // Apostrophes and hyphens split words ("d’Idleb", "avant-hier");
                // a dash between spaces is a symbol.
                if c == '-' && is_spaced_dash(slice, pos) {
                    let norm_start = words.folded.len();
                    words.folded.push('-');
                    words.push(start, start + 1, TokenKind::Symbol, norm_start);
                }
                pos += c.len_utf8();
            } else {
                let kind = match c {
                    '.' | ';' | ':' | '!' | '?' | '…' => TokenKind::Stop,
                    ',' => TokenKind::Comma,
                    _ => TokenKind::Symbol,
                };
                let norm_start = words.folded.len();
                words.folded.push(c);
                pos += c.len_utf8();
                words.push(start, start + c.len_utf8(), kind, norm_start);
            }
        }
        words
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, norm_start: usize) {
        let shape = crate::tables::shape(self.folded.get(norm_start..).unwrap_or(""));
        self.tokens.push(Token {
            span: Span::new(start, end),
            kind,
            norm: norm_start..self.folded.len(),
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
            .unwrap_or("")
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
}

/// A letter, with a fast path for ASCII.
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

fn is_spaced_dash(slice: &str, offset: usize) -> bool {
    let before = slice.get(..offset).and_then(|s| s.chars().next_back());
    let after = slice.get(offset + 1..).and_then(|s| s.chars().next());
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !(letter(before) && letter(after))
}

/// Lower-case `c` without accents, pushed onto `out`.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
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

/// `text` folded the way tokens are (used for data-file phrases).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_into(c, &mut out);
    }
    out
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
    fn spans_are_on_char_boundaries() {
        let text = "été tués… à Alep";
        let w = Words::new(text, Span::new(0, text.len()));
        for t in &w.tokens {
            assert!(text.get(t.span.start..t.span.end).is_some());
        }
    }
}
