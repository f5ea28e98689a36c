//! Character-level helpers: case and apostrophe folding, word boundaries, and
//! matching of short lowercase phrases forwards and backwards from a position.
//! Every function takes byte positions on char boundaries and returns positions
//! on char boundaries; none of them panics on any input.

/// Lowercase, typographic apostrophes as `'`, every space-like char as `' '`.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '`' => '\'',
        c if c.is_whitespace() => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// A letter or digit: what glues tokens together.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char starting at `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// The char ending at `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// Skips spaces (including no-break spaces) forwards, not beyond `end`.
pub(crate) fn skip_space(text: &str, mut pos: usize, end: usize) -> usize {
    while pos < end {
        match char_at(text, pos) {
            Some(c) if c.is_whitespace() => pos += c.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// Skips spaces backwards, not before `floor`.
pub(crate) fn skip_space_back(text: &str, mut pos: usize, floor: usize) -> usize {
    while pos > floor {
        match char_before(text, pos) {
            Some(c) if c.is_whitespace() => pos -= c.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// End of the run of letters starting at `pos` (no digits), not beyond `end`.
pub(crate) fn letters_end(text: &str, mut pos: usize, end: usize) -> usize {
    while pos < end {
        match char_at(text, pos) {
            Some(c) if c.is_alphabetic() => pos += c.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// Start of the run of letters ending at `pos`, not before `floor`.
pub(crate) fn letters_start(text: &str, mut pos: usize, floor: usize) -> usize {
    while pos > floor {
        match char_before(text, pos) {
            Some(c) if c.is_alphabetic() => pos -= c.len_utf8(),
            _ => break,
        }
    }
    pos
}

/// A word folded to lowercase in a fixed buffer, so looking a word up costs no
/// allocation. Words longer than the buffer are not number words anyway.
pub(crate) struct Folded {
    buf: [u8; 48],
    len: usize,
}

impl Folded {
    /// Folds `text[start..end]`; `None` when too long or off char boundaries.
    pub(crate) fn new(text: &str, start: usize, end: usize) -> Option<Folded> {
        let word = text.get(start..end)?;
        let mut folded = Folded {
            buf: [0; 48],
            len: 0,
        };
        for c in word.chars() {
            let c = fold(c);
            let n = c.len_utf8();
            let slot = folded.buf.get_mut(folded.len..folded.len + n)?;
            c.encode_utf8(slot);
            folded.len += n;
        }
        Some(folded)
    }

    /// The folded word.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

/// The folded word starting at `pos` (letters only), with its end.
pub(crate) fn word_at(text: &str, pos: usize, end: usize) -> Option<(Folded, usize)> {
    let word_end = letters_end(text, pos, end);
    if word_end == pos {
        return None;
    }
    Some((Folded::new(text, pos, word_end)?, word_end))
}

/// The folded word ending at `pos` (after skipping spaces back), with its start.
pub(crate) fn word_before(text: &str, pos: usize, floor: usize) -> Option<(Folded, usize)> {
    let word_end = skip_space_back(text, pos, floor);
    let start = letters_start(text, word_end, floor);
    if start == word_end {
        return None;
    }
    Some((Folded::new(text, start, word_end)?, start))
}

/// Matches `phrase` (folded; a space or hyphen in it matches a run of spaces,
/// a hyphen, or both) at `pos`, returning the end. A phrase ending in a letter
/// or digit must end a word.
pub(crate) fn match_forward(text: &str, pos: usize, end: usize, phrase: &str) -> Option<usize> {
    let mut at = pos;
    for p in phrase.chars() {
        if p == ' ' || p == '-' {
            let after_space = skip_space(text, at, end);
            let after_hyphen = match char_at(text, after_space) {
                Some('-') if after_space < end => skip_space(text, after_space + 1, end),
                _ => after_space,
            };
            if after_hyphen == at {
                return None;
            }
            at = after_hyphen;
            continue;
        }
        if at >= end {
            return None;
        }
        let c = char_at(text, at)?;
        if fold(c) != p {
            return None;
        }
        at += c.len_utf8();
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
    let mut at = pos;
    for p in phrase.chars().rev() {
        if p == ' ' || p == '-' {
            let before_space = skip_space_back(text, at, floor);
            let before_hyphen = match char_before(text, before_space) {
                Some('-') if before_space > floor => skip_space_back(text, before_space - 1, floor),
                _ => before_space,
            };
            if before_hyphen == at {
                return None;
            }
            at = before_hyphen;
            continue;
        }
        if at <= floor {
            return None;
        }
        let c = char_before(text, at)?;
        if fold(c) != p {
            return None;
        }
        at -= c.len_utf8();
    }
    let first_is_word = phrase.chars().next().is_some_and(is_word_char);
    if first_is_word && at > floor && char_before(text, at).is_some_and(is_word_char) {
        return None;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn folding_is_case_and_apostrophe_blind() {
        let folded = Folded::new("VINGT’É", 0, "VINGT’É".len());
        assert_eq!(folded.as_ref().map(Folded::as_str), Some("vingt'é"));
    }
}
