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
}

/// The tokens of one sentence and their folded forms.
#[derive(Debug, Default)]
pub(crate) struct Words {
    pub(crate) tokens: Vec<Token>,
    folded: String,
}

impl Words {
    /// Tokenise `text[within]`. Linear in the span's length.
    pub(crate) fn new(text: &str, within: Span) -> Words {
        let mut words = Words::default();
        let Some(slice) = text.get(within.start..within.end) else {
            return words;
        };
        let mut chars = slice.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let start = within.start + offset;
            if is_letter(c) {
                let norm_start = words.folded.len();
                fold_into(c, &mut words.folded);
                let mut end = start + c.len_utf8();
                while let Some(&(o, n)) = chars.peek() {
                    if !is_letter(n) {
                        break;
                    }
                    fold_into(n, &mut words.folded);
                    end = within.start + o + n.len_utf8();
                    chars.next();
                }
                words.push(start, end, TokenKind::Word, norm_start);
            } else if c.is_ascii_digit() {
                let norm_start = words.folded.len();
                words.folded.push(c);
                let mut end = start + 1;
                // Separators inside a number: "1.000", "2,5", "1 000".
                while let Some(&(o, n)) = chars.peek() {
                    if n.is_ascii_digit() {
                        words.folded.push(n);
                        end = within.start + o + 1;
                        chars.next();
                        continue;
                    }
                    let is_separator = matches!(n, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}');
                    let next_is_digit = slice
                        .get(o + n.len_utf8()..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|d| d.is_ascii_digit());
                    if is_separator && next_is_digit {
                        chars.next();
                        continue;
                    }
                    break;
                }
                words.push(start, end, TokenKind::Number, norm_start);
            } else if c.is_whitespace() || matches!(c, '\'' | '’' | 'ʼ' | '‘' | '-' | '‐') {
                // Apostrophes and hyphens split words ("d’Idleb", "avant-hier");
                // a dash between spaces is a symbol.
                if c == '-' && is_spaced_dash(slice, offset) {
                    let norm_start = words.folded.len();
                    words.folded.push('-');
                    words.push(start, start + 1, TokenKind::Symbol, norm_start);
                }
            } else {
                let kind = match c {
                    '.' | ';' | ':' | '!' | '?' | '…' => TokenKind::Stop,
                    ',' => TokenKind::Comma,
                    _ => TokenKind::Symbol,
                };
                let norm_start = words.folded.len();
                words.folded.push(c);
                words.push(start, start + c.len_utf8(), kind, norm_start);
            }
        }
        words
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, norm_start: usize) {
        self.tokens.push(Token {
            span: Span::new(start, end),
            kind,
            norm: norm_start..self.folded.len(),
        });
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
