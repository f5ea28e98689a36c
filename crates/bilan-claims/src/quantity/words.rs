//! French cardinal numbers written in words, as a nom grammar over the text.
//!
//! ```text
//! cardinal  = word (gap word)*          gap = spaces | "-" | " et " | "-et-"
//! ```
//!
//! Each word is looked up in `data/numbers/cardinals.tsv`; a small state
//! machine then accepts only sequences that make a French number, and stops
//! before the first word that does not fit ("trois quatre" is 3, then 4):
//!
//! - a unit or teen adds to the current hundred only where a tens word or a
//!   hundred left room: "vingt-trois", "soixante-douze", "cent sept";
//! - "quatre vingt(s)" is 80, and like "soixante" leaves room for 1-19
//!   ("quatre-vingt-dix-sept" = 97, "soixante et onze" = 71);
//! - "cent(s)" multiplies 1-9 before it ("deux cents"), "mille", "million(s)",
//!   "milliard(s)" multiply what came since the last larger multiplier
//!   ("deux cent mille" = 200 000, "trois millions deux cent mille");
//! - "et" only joins "un", "une" or "onze" ("vingt et un", "vingt-et-une");
//! - Belgian and Swiss "septante", "huitante"/"octante", "nonante" are tens.
//!
//! Case-insensitive; the 1990 spelling reform's hyphens everywhere
//! ("deux-cent-mille") read the same as the traditional spaces.

use super::lexicon::{Class, LEXICON};
use super::text::Folded;
use nom::{
    IResult, Parser,
    bytes::complete::take_while1,
    error::{Error, ErrorKind},
};
#[cfg(test)]
use nom::{
    branch::alt,
    bytes::complete::{tag_no_case, take_while},
    character::complete::char,
    combinator::{opt, recognize, value},
};

/// A cardinal read from words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordNumber {
    /// Its value.
    pub(crate) value: f64,
    /// Bytes consumed.
    pub(crate) len: usize,
    /// Number of number words read.
    pub(crate) words: usize,
    /// Class of the first word.
    pub(crate) first: Class,
    /// Class of the last word ("trois millions": `Big`, which takes "de" + unit).
    pub(crate) last: Class,
    /// Value of the last word (1e6 for "trois millions").
    pub(crate) last_value: f64,
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\u{a0}' || c == '\u{202f}' || c == '\t'
}

/// One cardinal word: its value and class.
pub(crate) fn number_word(input: &str) -> IResult<&str, (f64, Class)> {
    let (rest, word) = letters(input)?;
    // An ASCII word folds to its lower case, of the same length and first
    // byte: when no trigger word (the cardinals among them) has that first
    // byte and length, it is no cardinal, and is not folded and hashed.
    // This runs on the word after every number word ("trois soldats").
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        let first = bytes.first().map_or(0, u8::to_ascii_lowercase);
        let shapes = LEXICON
            .trigger_shapes
            .get(usize::from(first))
            .copied()
            .unwrap_or(0);
        if bytes.len() >= 64 || shapes & (1 << bytes.len()) == 0 {
            return Err(nom::Err::Error(Error::new(input, ErrorKind::Tag)));
        }
    }
    let entry = Folded::new(word, 0, word.len())
        .and_then(|folded| LEXICON.cardinals.get(folded.as_str()).copied());
    match entry {
        Some(entry) => Ok((rest, entry)),
        None => Err(nom::Err::Error(Error::new(input, ErrorKind::Tag))),
    }
}

/// Spaces, or a hyphen with optional spaces around it.
/// The leading run of letters (at least one), as `take_while1(char::is_alphabetic)`
/// has it, with a fast path for ASCII letters followed by an ASCII non-letter.
fn letters(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let run = bytes
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len());
    if run > 0
        && bytes.get(run).is_none_or(|&b| b < 0x80)
        && let (Some(word), Some(rest)) = (input.get(..run), input.get(run..))
    {
        return Ok((rest, word));
    }
    take_while1(crate::words::is_letter).parse(input)
}

/// Length in bytes of the leading run of blanks.
fn blanks(input: &str) -> usize {
    input
        .char_indices()
        .find(|&(_, c)| !is_blank(c))
        .map_or(input.len(), |(at, _)| at)
}

/// A gap between number words: blanks, a hyphen with blanks around it, or
/// both (as the `nom` rule `(blank* '-' blank*) | blank+` reads it).
fn gap(input: &str) -> IResult<&str, &str> {
    let before = blanks(input);
    if let Some(after_hyphen) = input.get(before..).and_then(|r| r.strip_prefix('-')) {
        let after = blanks(after_hyphen);
        let end = input.len() - after_hyphen.len() + after;
        if let (Some(gap), Some(rest)) = (input.get(..end), input.get(end..)) {
            return Ok((rest, gap));
        }
    }
    if before > 0
        && let (Some(gap), Some(rest)) = (input.get(..before), input.get(before..))
    {
        return Ok((rest, gap));
    }
    Err(nom::Err::Error(Error::new(input, ErrorKind::TakeWhile1)))
}

#[cfg(test)]
fn nom_gap(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((take_while(is_blank), char('-'), take_while(is_blank))),
        take_while1(is_blank),
    ))
    .parse(input)
}

/// What joins two number words; `true` when it is "et".
fn joint(input: &str) -> IResult<&str, bool> {
    // (gap? "et" gap) | gap, read by hand: it runs after every number word.
    // The gap is read once, for both readings.
    let gapped = gap(input);
    let after_gap = match &gapped {
        Ok((rest, _)) => rest,
        Err(_) => input,
    };
    if after_gap
        .get(..2)
        .is_some_and(|et| et.eq_ignore_ascii_case("et"))
        && let Some(Ok((rest, _))) = after_gap.get(2..).map(gap)
    {
        return Ok((rest, true));
    }
    let (rest, _) = gapped?;
    Ok((rest, false))
}

#[cfg(test)]
fn nom_joint(input: &str) -> IResult<&str, bool> {
    alt((
        value(true, (opt(nom_gap), tag_no_case("et"), nom_gap)),
        value(false, nom_gap),
    ))
    .parse(input)
}

/// The state of the number being read.
struct Reading {
    /// Sum of the parts already multiplied by mille / million / milliard.
    total: f64,
    /// The part below the last multiplier (0-999).
    current: f64,
    /// Largest value a following unit/teen/tens may add.
    room: f64,
    /// Smallest multiplier applied so far: the next one must be smaller.
    last_multiplier: f64,
    last_class: Class,
    last_value: f64,
}

impl Reading {
    fn new() -> Reading {
        Reading {
            total: 0.0,
            current: 0.0,
            room: 999.0,
            last_multiplier: f64::INFINITY,
            last_class: Class::Hundred,
            last_value: 0.0,
        }
    }

    /// Adds a word, or says it does not continue this number.
    fn push(&mut self, value: f64, class: Class) -> bool {
        match class {
            Class::Unit | Class::Teen => {
                if value > self.room {
                    return false;
                }
                self.current += value;
                self.room = if value == 10.0 { 9.0 } else { 0.0 };
            }
            Class::Tens => {
                // "quatre-vingt(s)": only a bare 4 of the current hundred
                // ("deux cent quatre-vingts"), not "quatre-vingt-quatre".
                let after_quatre = self.last_class == Class::Unit
                    && self.last_value == 4.0
                    && self.current % 100.0 == 4.0
                    && value == 20.0;
                if after_quatre {
                    self.current += 76.0;
                    self.room = 19.0;
                } else if self.room >= 99.0 {
                    self.current += value;
                    self.room = if value == 60.0 { 19.0 } else { 9.0 };
                } else {
                    return false;
                }
            }
            Class::Hundred => {
                let multiplies_unit =
                    self.last_class == Class::Unit && (2.0..=9.0).contains(&self.current);
                if self.current == 0.0 && self.room >= 999.0 {
                    self.current = 100.0;
                } else if multiplies_unit {
                    self.current *= 100.0;
                } else {
                    return false;
                }
                self.room = 99.0;
            }
            Class::Thousand | Class::Big => {
                if value >= self.last_multiplier {
                    return false;
                }
                self.total += self.current.max(1.0) * value;
                self.current = 0.0;
                self.room = 999.0;
                self.last_multiplier = value;
            }
        }
        self.last_class = class;
        self.last_value = value;
        true
    }
}

/// What `cardinal_after(input, first_len, first)` reads when no word
/// goes on the number: the first word alone (`None` when even it is no
/// number, which `Reading` refuses of no first word).
pub(crate) fn cardinal_alone(first_len: usize, (value, class): (f64, Class)) -> Option<WordNumber> {
    let mut reading = Reading::new();
    reading.push(value, class).then_some(WordNumber {
        value: reading.total + reading.current,
        len: first_len,
        words: 1,
        first: class,
        last: reading.last_class,
        last_value: reading.last_value,
    })
}

/// Reads a cardinal in words at the start of `input`.
#[cfg(test)]
fn cardinal(input: &str) -> IResult<&str, WordNumber> {
    let (rest, (value, class)) = number_word(input)?;
    cardinal_after(input, input.len() - rest.len(), (value, class))
}

/// Reads a cardinal in words at the start of `input` whose first word,
/// `first_len` bytes long, is already known to be the cardinal word
/// `(value, class)`: the scan has looked it up among all its tables.
pub(crate) fn cardinal_after(
    input: &str,
    first_len: usize,
    (value, class): (f64, Class),
) -> IResult<&str, WordNumber> {
    let Some(mut rest) = input.get(first_len..) else {
        return Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)));
    };
    let mut reading = Reading::new();
    if !reading.push(value, class) {
        return Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)));
    }
    let first = class;
    let mut words = 1;
    while let Ok((after_joint, with_et)) = joint(rest) {
        let Ok((after_word, (value, class))) = number_word(after_joint) else {
            break;
        };
        if with_et && !(value == 1.0 || value == 11.0) {
            break;
        }
        if !reading.push(value, class) {
            break;
        }
        rest = after_word;
        words += 1;
    }
    let number = WordNumber {
        value: reading.total + reading.current,
        len: input.len() - rest.len(),
        words,
        first,
        last: reading.last_class,
        last_value: reading.last_value,
    };
    Ok((rest, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(f64, usize)> {
        cardinal(s).ok().map(|(_, n)| (n.value, n.len))
    }

    fn value(s: &str) -> Option<f64> {
        read(s).map(|(v, _)| v)
    }

    #[test]
    fn hand_read_joints_agree_with_the_nom_rules() {
        let samples = [
            "",
            " ",
            "  ",
            "-",
            " - ",
            "- ",
            " -",
            "\u{a0}-\u{202f}",
            "\t",
            "et",
            "et ",
            " et ",
            " et-",
            "-et-",
            " ET ",
            " Et",
            "etc",
            " etc ",
            "et-un",
            " et\u{a0}un",
            "x",
            "é",
            " é",
            "-é",
            " -- ",
            " \u{a0} ",
            "e",
            " e",
            "t ",
            "\u{a0}et\u{a0}",
            "vingt",
            "Vingt-deux",
            "été",
            "deux\u{e9}",
            "abc1",
            "ABC def",
        ];
        for a in samples {
            for b in ["", "un", " x", "é", "-"] {
                let input = format!("{a}{b}");
                let input = input.as_str();
                assert_eq!(gap(input).ok(), nom_gap(input).ok(), "gap {input:?}");
                assert_eq!(joint(input).ok(), nom_joint(input).ok(), "joint {input:?}");
                let nom_letters = take_while1::<_, _, Error<&str>>(char::is_alphabetic)
                    .parse(input)
                    .ok();
                assert_eq!(letters(input).ok(), nom_letters, "letters {input:?}");
            }
        }
    }

    #[test]
    fn french_cardinals() {
        let cases: &[(&str, f64)] = &[
            ("sept", 7.0),
            ("vingt-trois", 23.0),
            ("vingt trois", 23.0),
            ("vingt et un", 21.0),
            ("vingt-et-une", 21.0),
            ("soixante et onze", 71.0),
            ("soixante-dix-sept", 77.0),
            ("quatre-vingts", 80.0),
            ("quatre-vingt", 80.0),
            ("quatre-vingt-dix-sept", 97.0),
            ("quatre-vingt-un", 81.0),
            ("cent", 100.0),
            ("deux cents", 200.0),
            ("deux-cents", 200.0),
            ("cent sept", 107.0),
            ("trois cent quarante-deux", 342.0),
            ("mille", 1000.0),
            ("deux mille", 2000.0),
            ("deux cent mille", 200_000.0),
            ("deux-cent-mille", 200_000.0),
            ("trois millions", 3_000_000.0),
            ("un million", 1_000_000.0),
            ("trois millions deux cent mille", 3_200_000.0),
            ("deux milliards", 2_000_000_000.0),
            ("septante-cinq", 75.0),
            ("huitante", 80.0),
            ("octante-deux", 82.0),
            ("nonante-neuf", 99.0),
            ("DIX-HUIT", 18.0),
            ("Quarante", 40.0),
            ("dix-sept mille cinq cents", 17_500.0),
            ("deux cent quatre-vingts", 280.0),
            ("mille quatre-vingt-quatre", 1084.0),
        ];
        for (text, expected) in cases {
            assert_eq!(value(text), Some(*expected), "{text}");
        }
    }

    #[test]
    fn stops_where_the_number_stops() {
        assert_eq!(read("trois quatre"), Some((3.0, 5)));
        assert_eq!(read("deux et trois"), Some((2.0, 4)));
        assert_eq!(read("vingt-douze"), Some((20.0, 5)));
        assert_eq!(read("cinq soldats"), Some((5.0, 4)));
        assert_eq!(read("mille mille"), Some((1000.0, 5)));
        assert_eq!(read("quatre-vingt-quatre-vingts"), Some((84.0, 19)));
        assert_eq!(read("deuxième"), None);
        assert_eq!(read("soldats"), None);
    }
}
