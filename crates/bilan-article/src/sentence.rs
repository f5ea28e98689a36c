//! Sentence splitting inside one block, following French typography.
//!
//! A sentence ends at `.`, `!`, `?`, `…` or `..` (an ellipsis) followed by
//! whitespace and a sentence start (a capital, a digit, an opening quote or
//! a dash), with these exceptions:
//! - a period after an abbreviation of `data/abbreviations.txt` ("M.",
//!   "Mme.", "cf.", "av. J.-C.") or after an initial ("A. B. Dupont");
//! - a terminator inside guillemets « … », curly quotes “ … ” or
//!   parentheses, when they close later in the block: the sentence then
//!   ends after the closing mark if the quote itself ends with a terminator;
//! - a period between digits ("1.000", "2.428") is never followed by
//!   whitespace, so it never splits.
//!
//! "Jarajir.. Homs menacée": ".." is read as an ellipsis, so a capital after
//! it starts a new sentence, as after "…".

use crate::Span;
use std::sync::LazyLock;

/// Words after which a period does not end a sentence, sorted for binary
/// search (a lookup happens at most sentence ends, so no hashing), with the
/// length of the longest, which rejects most words before any comparison.
static ABBREVIATIONS: LazyLock<(Vec<&'static str>, usize)> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = include_str!("../data/abbreviations.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    words.sort_unstable();
    words.dedup();
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    (words, longest)
});

fn is_listed_abbreviation(word: &str) -> bool {
    let (words, longest) = &*ABBREVIATIONS;
    word.len() <= *longest && words.binary_search(&word).is_ok()
}

/// Longest abbreviation looked at, in bytes: bounds the backward scan.
const MAX_ABBREVIATION_BYTES: usize = 16;

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Marks that may close a quote or a parenthesis right after a terminator.
fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '’' | '\'' | ')' | ']')
}

/// Characters that may start a sentence.
fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '«' | '"' | '“' | '‘' | '\'' | '—' | '–' | '-' | '•' | '¿'
        )
}

/// Spaces inside a block; line breaks here are wrapped lines.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Bytes that start a character the splitter looks at: `.`, `!`, `?`, `(`,
/// `)`, and the lead bytes of « » (0xC2) and … “ ” (0xE2). Lead bytes are
/// never continuation bytes, so a match is always a character boundary.
const SENTENCE_TRIGGER: [bool; 256] = {
    let mut table = [false; 256];
    let triggers = [b'.', b'!', b'?', b'(', b')', 0xC2, 0xE2];
    let mut i = 0;
    while i < triggers.len() {
        table[triggers[i] as usize] = true;
        i += 1;
    }
    table
};

/// The character at byte `pos` of `s` (a boundary), if any.
fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|rest| rest.chars().next())
}

/// Split `block` (a span of `text`, trimmed) into sentence spans, in order,
/// non-overlapping, each trimmed. Appends to `out`.
pub(crate) fn split(text: &str, block: Span, out: &mut Vec<Span>) {
    let Some(body) = text.get(block.start..block.end) else {
        return;
    };
    let bytes = body.as_bytes();
    // An opening mark only suspends splitting if it closes later in the
    // block; where the last closing mark is, is looked up on first need.
    let mut last_guillemet = None;
    let mut last_curly = None;
    let mut last_paren = None;
    let opens = |pos: usize, closer: char, cache: &mut Option<Option<usize>>| {
        cache
            .get_or_insert_with(|| body.rfind(closer))
            .is_some_and(|last| pos < last)
    };

    // Which of « », “ ” and ( ) is open. None of them nests with itself
    // (French puts “ ” inside « »), so one stray opener cannot suspend
    // splitting for the rest of the block.
    let mut in_guillemets = false;
    let mut in_curly = false;
    let mut in_parenthesis = false;
    let mut sentence_start = 0usize;
    let mut pos = 0usize;
    while pos < bytes.len() {
        // Fast skip to the next byte that can start a character handled
        // below (0xC2: « »; 0xE2: … “ ”).
        match bytes[pos..]
            .iter()
            .position(|&b| SENTENCE_TRIGGER[usize::from(b)])
        {
            Some(skip) => pos += skip,
            None => break,
        }
        let Some(c) = char_at(body, pos) else {
            break;
        };
        let after = pos + c.len_utf8();
        match c {
            '«' if !in_guillemets && opens(pos, '»', &mut last_guillemet) => in_guillemets = true,
            '“' if !in_curly && opens(pos, '”', &mut last_curly) => in_curly = true,
            '(' if !in_parenthesis && opens(pos, ')', &mut last_paren) => in_parenthesis = true,
            '»' | '”' | ')'
                if (c == '»' && in_guillemets)
                    || (c == '”' && in_curly)
                    || (c == ')' && in_parenthesis) =>
            {
                match c {
                    '»' => in_guillemets = false,
                    '”' => in_curly = false,
                    _ => in_parenthesis = false,
                }
                // « … a gagné. » Le ministre : the quote ended a sentence.
                let ended_by_quote = !(in_guillemets || in_curly || in_parenthesis)
                    && body
                        .get(..pos)
                        .unwrap_or("")
                        .chars()
                        .rev()
                        .find(|&p| !is_space(p))
                        .is_some_and(is_terminator);
                if ended_by_quote {
                    let end = skip_closers(body, after);
                    if let Some(next) = next_sentence_start(body, end) {
                        push(out, block.start, body, sentence_start, end);
                        sentence_start = next;
                        pos = next;
                        continue;
                    }
                }
            }
            c if is_terminator(c) && !(in_guillemets || in_curly || in_parenthesis) => {
                let mut end = after;
                while let Some(t) = char_at(body, end).filter(|&t| is_terminator(t)) {
                    end += t.len_utf8();
                }
                let single_period = c == '.' && end == after;
                let closed = skip_closers(body, end);
                // The abbreviation test comes last: most periods (1.000,
                // al-Manar.com) are not followed by a sentence start at all.
                let next = next_sentence_start(body, closed)
                    .filter(|_| !(single_period && is_abbreviation(body, pos)));
                if let Some(next) = next {
                    push(out, block.start, body, sentence_start, closed);
                    sentence_start = next;
                    pos = next;
                } else {
                    pos = end;
                }
                continue;
            }
            _ => {}
        }
        pos = after;
    }
    push(out, block.start, body, sentence_start, body.len());
}

/// After a terminator at byte `pos`: closing quotes and parentheses belong
/// to the sentence (with the space French puts before » and ”).
fn skip_closers(body: &str, mut pos: usize) -> usize {
    loop {
        match char_at(body, pos) {
            Some(c) if is_closer(c) => pos += c.len_utf8(),
            Some(c) if is_space(c) => {
                let rest = body.get(pos..).unwrap_or("");
                let spaces = rest.len() - rest.trim_start_matches(is_space).len();
                match char_at(body, pos + spaces) {
                    Some(q @ ('»' | '”')) => pos += spaces + q.len_utf8(),
                    _ => return pos,
                }
            }
            _ => return pos,
        }
    }
}

/// When whitespace at byte `pos` is followed by a sentence start, its byte
/// offset.
fn next_sentence_start(body: &str, pos: usize) -> Option<usize> {
    let rest = body.get(pos..)?;
    let spaces = rest.len() - rest.trim_start_matches(is_space).len();
    let next = pos + spaces;
    (spaces > 0 && char_at(body, next).is_some_and(starts_sentence)).then_some(next)
}

/// True when the period at byte `dot` of `body` follows an abbreviation or
/// an initial.
fn is_abbreviation(body: &str, dot: usize) -> bool {
    let before = body.get(..dot).unwrap_or("");
    // The word before the period, scanning back at most one byte past the
    // longest abbreviation: a longer word is none.
    let mut word_start = dot;
    for (p, c) in before.char_indices().rev() {
        if is_space(c) || matches!(c, '(' | '«' | '"' | '“' | '[') {
            break;
        }
        if dot - p > MAX_ABBREVIATION_BYTES {
            return false;
        }
        word_start = p;
    }
    let word = before.get(word_start..).unwrap_or("");
    let mut chars = word.chars();
    let Some(last) = chars.next_back() else {
        return false;
    };
    // "A." in "A. B. Dupont".
    let initial = last.is_uppercase() && chars.as_str().is_empty();
    // "J.-C." and "A.B." style: the last letter of a dotted run.
    let dotted_initial = last.is_uppercase() && chars.as_str().ends_with(['.', '-']);
    initial || dotted_initial || is_listed_abbreviation(word)
}

/// Push the trimmed sentence `start..end` of `body` (offset by `base`).
fn push(out: &mut Vec<Span>, base: usize, body: &str, start: usize, end: usize) {
    let Some(piece) = body.get(start..end) else {
        return;
    };
    let trimmed_start = piece.len() - piece.trim_start_matches(is_space).len();
    let trimmed = piece.trim_matches(is_space);
    if !trimmed.is_empty() {
        let s = base + start + trimmed_start;
        out.push(Span::new(s, s + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_data_file_is_well_formed() {
        let data = include_str!("../data/abbreviations.txt");
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            assert!(!line.contains(char::is_whitespace), "{line:?} has a space");
            assert!(
                !line.ends_with('.'),
                "{line:?}: write it without the period"
            );
            assert!(line.len() <= MAX_ABBREVIATION_BYTES, "{line:?} too long");
        }
        assert!(is_listed_abbreviation("Mme") && is_listed_abbreviation("cf"));
        assert!(!is_listed_abbreviation("Alep"));
    }

    #[test]
    fn splits_and_keeps() {
        assert_eq!(
            sentences("M. Dupont est arrivé. Il a parlé."),
            ["M. Dupont est arrivé.", "Il a parlé."]
        );
        assert_eq!(
            sentences("Il a dit : « Nous avons gagné. Ils ont fui. » Puis il est parti."),
            [
                "Il a dit : « Nous avons gagné. Ils ont fui. »",
                "Puis il est parti."
            ]
        );
        assert_eq!(
            sentences("Environ 1.000 km2. 2,5 tonnes."),
            ["Environ 1.000 km2.", "2,5 tonnes."]
        );
        // A stray opener before a later pair does not swallow the block.
        assert_eq!(
            sentences("« Il a fui. Puis « rien » dit-il. Fin du récit. Autre."),
            [
                "« Il a fui. Puis « rien » dit-il.",
                "Fin du récit.",
                "Autre."
            ]
        );
        assert_eq!(
            sentences("Trois morts (selon l'OSDH. Le bilan monte. Photo (AFP). Fin."),
            [
                "Trois morts (selon l'OSDH. Le bilan monte. Photo (AFP).",
                "Fin."
            ]
        );
        assert_eq!(
            sentences("Alep tombe.. Homs menacée"),
            ["Alep tombe..", "Homs menacée"]
        );
    }
}
