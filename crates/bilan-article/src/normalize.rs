//! A folded copy of the text for matching, with a map back to the original.
//!
//! Folding: ASCII letters are lowercased; accented Latin letters lose their
//! accents and ligatures are spelled out (é→e, ç→c, œ→oe, ß→ss, see
//! `data/fold.txt`); other letters are lowercased; apostrophes become `'`,
//! hyphens and dashes `-`, double quotes and guillemets `"`; every whitespace
//! character (space, tab, CR, LF, NBSP, narrow NBSP …) becomes one `' '`
//! (runs are not collapsed); zero-width characters, the BOM, soft hyphens and
//! combining accents are dropped.
//!
//! The map is kept as runs rather than one entry per byte: a run of ASCII
//! bytes copied one for one is a single "linear" segment, and every other
//! character gets a "constant" segment whose bytes all map to the start of
//! the original character. Building is linear; a lookup is a binary search.

use crate::Span;
use std::sync::LazyLock;

/// The fold table read from `data/fold.txt`: sorted by source character.
static FOLD_TABLE: LazyLock<Vec<(char, &'static str)>> =
    LazyLock::new(|| parse_fold_table(include_str!("../data/fold.txt")));

/// What folding does to one non-ASCII character.
fn parse_fold_table(data: &'static str) -> Vec<(char, &'static str)> {
    let mut table = Vec::new();
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((target, sources)) = line.split_once(" = ") else {
            continue;
        };
        let target = if target == "drop" { "" } else { target };
        for source in sources.split_whitespace() {
            if let Some(c) = parse_source_char(source) {
                table.push((c, target));
            }
        }
    }
    table.sort_by_key(|&(c, _)| c);
    table.dedup_by_key(|&mut (c, _)| c);
    table
}

/// A source token of the fold table: one literal character or `U+XXXX`.
fn parse_source_char(token: &str) -> Option<char> {
    if let Some(hex) = token.strip_prefix("U+") {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    let mut chars = token.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// One run of the offset map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// First normalised byte of the run.
    norm_start: usize,
    /// Original byte that `norm_start` comes from.
    orig_start: usize,
    /// True when every byte of the run maps to `orig_start` (one original
    /// character folded); false when bytes map one for one (ASCII copy).
    constant: bool,
    /// Length in bytes of the folded original character (constant runs).
    char_len: u8,
}

/// A folded copy of a text with a map back to the original byte offsets.
///
/// ```
/// use bilan_article::normalize;
///
/// let text = "L’Armée  a tué";
/// let norm = normalize(text);
/// assert_eq!(norm.as_str(), "l'armee  a tue");
/// // "armee" in the view is "Armée" in the original.
/// let start = norm.as_str().find("armee").unwrap();
/// let span = norm.span_to_original(start, start + "armee".len());
/// assert_eq!(span.slice(text), "Armée");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    segments: Vec<Segment>,
    original_len: usize,
}

impl Normalized {
    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the folded text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when the folded text is empty.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The original byte offset that normalised byte `norm_offset` comes
    /// from: always a character boundary of the original. Offsets at or past
    /// the end map to the end of the original.
    pub fn to_original(&self, norm_offset: usize) -> usize {
        if norm_offset >= self.text.len() {
            return self.original_len;
        }
        let index = self
            .segments
            .partition_point(|s| s.norm_start <= norm_offset)
            .saturating_sub(1);
        match self.segments.get(index) {
            Some(seg) if seg.constant => seg.orig_start,
            Some(seg) => seg.orig_start + (norm_offset - seg.norm_start),
            None => 0,
        }
    }

    /// The original span of normalised bytes `start..end`: from the start of
    /// the character `start` comes from to the end of the character `end - 1`
    /// comes from (dropped characters around it, such as a zero-width space,
    /// are left out). An empty or reversed range gives an empty span.
    pub fn span_to_original(&self, start: usize, end: usize) -> Span {
        let orig_start = self.to_original(start);
        if end <= start || start >= self.text.len() {
            return Span::new(orig_start, orig_start);
        }
        let last = end.min(self.text.len()) - 1;
        let index = self
            .segments
            .partition_point(|s| s.norm_start <= last)
            .saturating_sub(1);
        let orig_end = match self.segments.get(index) {
            // An ASCII byte copied one for one: its character is one byte.
            Some(seg) if !seg.constant => seg.orig_start + (last - seg.norm_start) + 1,
            Some(seg) => seg.orig_start + usize::from(seg.char_len),
            None => self.original_len,
        };
        Span::new(orig_start, orig_end.max(orig_start))
    }
}

/// Folded forms of the code points of the two ranges where French text
/// spends its non-ASCII characters, computed once: Latin-1 Supplement and
/// Latin Extended-A/B (U+0080–U+024F: é, à, ç, œ, NBSP …) and General
/// Punctuation (U+2000–U+206F: ’, –, —, “, ”, …, narrow NBSP).
static DENSE_LATIN: LazyLock<Vec<String>> = LazyLock::new(|| dense(0x80..0x250));
static DENSE_PUNCTUATION: LazyLock<Vec<String>> = LazyLock::new(|| dense(0x2000..0x2070));

fn dense(range: std::ops::Range<u32>) -> Vec<String> {
    range
        .map(|cp| {
            let mut out = Vec::new();
            if let Some(c) = char::from_u32(cp) {
                fold_char(c, &mut out);
            }
            String::from_utf8(out).unwrap_or_default()
        })
        .collect()
}

/// Fold `text` for matching: lowercase, accents stripped, apostrophes,
/// dashes, quotes and whitespace unified, one output character per input
/// character except ligatures (œ → oe) and dropped zero-width characters.
/// Linear time, with a fast path for ASCII runs.
///
/// ```
/// let norm = bilan_article::normalize("Jabal\u{a0}Abyad – Qalamoûn");
/// assert_eq!(norm.as_str(), "jabal abyad - qalamoun");
/// assert_eq!(norm.to_original(6), 7); // after the two-byte NBSP
/// ```
pub fn normalize(text: &str) -> Normalized {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut segments = Vec::new();
    let latin = &*DENSE_LATIN;
    let punctuation = &*DENSE_PUNCTUATION;
    let mut pos = 0;
    while pos < bytes.len() {
        // ASCII fast path: copy the run, then fold it in place with
        // arithmetic the compiler can vectorise.
        let run_len = bytes[pos..]
            .iter()
            .position(|&b| b >= 0x80)
            .unwrap_or(bytes.len() - pos);
        if run_len > 0 {
            segments.push(Segment {
                norm_start: out.len(),
                orig_start: pos,
                constant: false,
                char_len: 1,
            });
            let from = out.len();
            out.extend_from_slice(&bytes[pos..pos + run_len]);
            for b in &mut out[from..] {
                *b = fold_ascii(*b);
            }
            pos += run_len;
            continue;
        }
        // One non-ASCII character.
        let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let norm_start = out.len();
        let cp = u32::from(c);
        let cached = match cp {
            0x80..0x250 => latin.get((cp - 0x80) as usize),
            0x2000..0x2070 => punctuation.get((cp - 0x2000) as usize),
            _ => None,
        };
        match cached {
            Some(folded) => out.extend_from_slice(folded.as_bytes()),
            None => fold_char(c, &mut out),
        }
        if out.len() > norm_start {
            segments.push(Segment {
                norm_start,
                orig_start: pos,
                constant: true,
                // A char is at most 4 bytes long.
                char_len: c.len_utf8() as u8,
            });
        }
        pos += c.len_utf8();
    }
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Normalized {
        text,
        segments,
        original_len: bytes.len(),
    }
}

/// The ASCII part of folding, branch-free: lowercase letters, whitespace
/// controls (tab, LF, VT, FF, CR) to space, backtick to apostrophe.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    let upper = u8::from(b.wrapping_sub(b'A') < 26);
    let space = u8::from(b.wrapping_sub(b'\t') < 5);
    let backtick = u8::from(b == b'`');
    let lowered = b | (upper << 5);
    // Select: space → ' ', backtick → '\'', else the lowered byte.
    let mask_space = space.wrapping_neg();
    let mask_tick = backtick.wrapping_neg();
    (lowered & !mask_space & !mask_tick) | (b' ' & mask_space) | (b'\'' & mask_tick)
}

/// Append the folded form of non-ASCII `c` to `out`.
fn fold_char(c: char, out: &mut Vec<u8>) {
    if c.is_whitespace() {
        out.push(b' ');
        return;
    }
    // Combining diacritical marks: the accent of a decomposed letter.
    if ('\u{0300}'..='\u{036F}').contains(&c) {
        return;
    }
    let table = &*FOLD_TABLE;
    if let Ok(i) = table.binary_search_by_key(&c, |&(k, _)| k) {
        out.extend_from_slice(table[i].1.as_bytes());
        return;
    }
    let mut buf = [0u8; 4];
    for lower in c.to_lowercase() {
        if ('\u{0300}'..='\u{036F}').contains(&lower) {
            continue;
        }
        match table.binary_search_by_key(&lower, |&(k, _)| k) {
            Ok(i) => out.extend_from_slice(table[i].1.as_bytes()),
            Err(_) if lower.is_ascii() => out.push(fold_ascii(lower as u8)),
            Err(_) => out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes()),
        }
    }
}

/// The fold table, for the data test.
#[cfg(test)]
pub(crate) fn fold_table() -> &'static [(char, &'static str)] {
    &FOLD_TABLE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_data_file_is_well_formed() {
        let data = include_str!("../data/fold.txt");
        let mut seen = std::collections::HashSet::new();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (target, sources) = line
                .split_once(" = ")
                .unwrap_or_else(|| panic!("line without ` = `: {line}"));
            assert!(
                target == "drop" || target.is_ascii(),
                "non-ASCII target in {line}"
            );
            for source in sources.split_whitespace() {
                let c = parse_source_char(source)
                    .unwrap_or_else(|| panic!("bad source {source:?} in {line}"));
                assert!(!c.is_ascii(), "ASCII source {c:?} is folded in code");
                assert!(seen.insert(c), "{c:?} listed twice");
            }
        }
        assert!(fold_table().len() > 200);
    }

    #[test]
    fn ascii_fold_matches_the_rules() {
        for b in 0u8..128 {
            let want = match b {
                b'A'..=b'Z' => b.to_ascii_lowercase(),
                b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => b' ',
                b'`' => b'\'',
                _ => b,
            };
            assert_eq!(fold_ascii(b), want, "byte {b}");
        }
    }

    #[test]
    fn dense_tables_agree_with_fold_char() {
        for cp in (0x80..0x250).chain(0x2000..0x2070) {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut direct = Vec::new();
            fold_char(c, &mut direct);
            let mut s = [0u8; 4];
            assert_eq!(
                normalize(c.encode_utf8(&mut s)).as_str().as_bytes(),
                &direct[..]
            );
        }
    }

    #[test]
    fn folds_french() {
        assert_eq!(normalize("Œuvre ÇA Île ß").as_str(), "oeuvre ca ile ss");
        assert_eq!(normalize("a\u{a0}b\u{202f}c\r\nd").as_str(), "a b c  d");
        assert_eq!(normalize("l’Etat «x» — y").as_str(), "l'etat \"x\" - y");
        // Decomposed é: the combining accent is dropped.
        assert_eq!(normalize("e\u{301}te\u{301}").as_str(), "ete");
    }

    #[test]
    fn maps_back() {
        let text = "Œil\u{feff} de Ḥama";
        let norm = normalize(text);
        assert_eq!(norm.as_str(), "oeil de hama");
        assert_eq!(norm.to_original(1), 0);
        assert_eq!(norm.to_original(2), 2);
        let start = norm.as_str().find("hama").unwrap_or(0);
        assert_eq!(norm.span_to_original(start, start + 4).slice(text), "Ḥama");
        assert_eq!(norm.span_to_original(0, 2).slice(text), "Œ");
        assert_eq!(norm.to_original(norm.len()), text.len());
    }
}
