//! The French way of writing numbers in digits:
//!
//! ```text
//! number   = head (group* | dot-decimal) comma-decimal?
//! head     = digit+                  (1-3 digits when groups follow)
//! group    = sep digit{3} !digit     sep = "." | " " | U+00A0 | U+202F
//! decimal  = "," digit+              "2,5"
//! dot-dec  = "." digit{1,2} !digit   "3.5", the agencies' English habit
//! ```
//!
//! So "1.000", "1 000", "95.000" and "2.428" are thousands, "2,5" is two and a
//! half. Values are f64: huge inputs become large or infinite numbers, which
//! the scanner rejects, never a panic.
//!
//! `digit_number` reads the grammar byte by byte (a number is read for
//! every figure in digits); the same grammar written with nom, as it was
//! read before, is kept in the tests, which compare the two.

/// A number written in digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DigitNumber {
    /// Its value.
    pub(crate) value: f64,
    /// Bytes consumed.
    pub(crate) len: usize,
    /// Digits before any separator ("2014" → 4), to tell years and phone numbers.
    pub(crate) head_digits: usize,
    /// Starts with "0" followed by another digit ("05", "01 23"): not a quantity.
    pub(crate) leading_zero: bool,
    /// Written with thousands separators.
    pub(crate) grouped: bool,
    /// How many thousands groups follow the head ("7 000 000" → 2).
    pub(crate) groups: usize,
    /// Has a decimal part.
    pub(crate) decimal: bool,
}

/// Appends digits to an integer value (saturating into f64 infinity).
fn accumulate(mut value: f64, digits: &[u8]) -> f64 {
    for &b in digits {
        value = value * 10.0 + f64::from(b - b'0');
    }
    value
}

fn fraction_value(digits: &[u8]) -> f64 {
    let mut value = 0.0;
    let mut scale = 0.1;
    for &b in digits.iter().take(12) {
        value += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    value
}

/// The length of the run of ASCII digits at the start of `bytes`.
fn digits_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(bytes.len())
}

/// The length of the thousands separator at the start of `bytes` (".",
/// " ", U+00A0, U+202F), 0 for none.
fn separator_len(bytes: &[u8]) -> usize {
    match bytes {
        [b'.' | b' ', ..] => 1,
        [0xC2, 0xA0, ..] => 2,
        [0xE2, 0x80, 0xAF, ..] => 3,
        _ => 0,
    }
}

/// Parses a digit number at the start of `input` (`None` when it does
/// not start with a digit).
pub(crate) fn digit_number(input: &str) -> Option<DigitNumber> {
    let bytes = input.as_bytes();
    let head_len = digits_len(bytes);
    let head = bytes.get(..head_len).filter(|head| !head.is_empty())?;
    let mut value = accumulate(0.0, head);
    let mut pos = head_len;
    let mut grouped = false;
    let mut group_count = 0;
    let mut decimal = false;
    if head_len <= 3 {
        // Groups: a separator, then exactly three digits.
        loop {
            let digits_at = pos + separator_len(bytes.get(pos..).unwrap_or_default());
            if digits_at == pos {
                break;
            }
            match bytes.get(digits_at..digits_at + 3) {
                Some(three)
                    if three.iter().all(u8::is_ascii_digit)
                        && !bytes.get(digits_at + 3).is_some_and(u8::is_ascii_digit) =>
                {
                    value = accumulate(value, three);
                    group_count += 1;
                    pos = digits_at + 3;
                }
                _ => break,
            }
        }
        grouped = group_count > 0;
    }
    // A dot decimal: one or two digits, then no digit and no dot.
    if !grouped && bytes.get(pos) == Some(&b'.') {
        let from = pos + 1;
        let len = digits_len(bytes.get(from..).unwrap_or_default()).min(2);
        if len > 0
            && !bytes
                .get(from + len)
                .is_some_and(|&b| b.is_ascii_digit() || b == b'.')
        {
            value += fraction_value(bytes.get(from..from + len).unwrap_or_default());
            pos = from + len;
            decimal = true;
        }
    }
    // A comma decimal: all the digits after it.
    if !decimal && bytes.get(pos) == Some(&b',') {
        let from = pos + 1;
        let len = digits_len(bytes.get(from..).unwrap_or_default());
        if len > 0 {
            value += fraction_value(bytes.get(from..from + len).unwrap_or_default());
            pos = from + len;
            decimal = true;
        }
    }
    Some(DigitNumber {
        value,
        len: pos,
        head_digits: head_len,
        leading_zero: head_len > 1 && head.first() == Some(&b'0'),
        grouped,
        groups: group_count,
        decimal,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::{
        IResult, Parser,
        bytes::complete::take_while_m_n,
        character::complete::{char, digit1, one_of, satisfy},
        combinator::{not, opt},
        multi::fold_many0,
        sequence::{preceded, terminated},
    };

    fn read(s: &str) -> Option<(f64, usize)> {
        digit_number(s).map(|n| (n.value, n.len))
    }

    // The grammar as nom read it before `digit_number` read bytes.

    fn is_digit(c: char) -> bool {
        c.is_ascii_digit()
    }

    /// A thousands group: a separator then exactly three digits.
    fn group(input: &str) -> IResult<&str, &str> {
        preceded(
            one_of(".\u{a0}\u{202f} "),
            terminated(take_while_m_n(3, 3, is_digit), not(satisfy(is_digit))),
        )
        .parse(input)
    }

    fn comma_decimal(input: &str) -> IResult<&str, &str> {
        preceded(char(','), digit1).parse(input)
    }

    fn dot_decimal(input: &str) -> IResult<&str, &str> {
        preceded(
            char('.'),
            terminated(
                take_while_m_n(1, 2, is_digit),
                not(satisfy(|c| is_digit(c) || c == '.')),
            ),
        )
        .parse(input)
    }

    /// `digit_number` as nom read it.
    fn digit_number_nom(input: &str) -> IResult<&str, DigitNumber> {
        let (mut rest, head) = digit1(input)?;
        let mut value = accumulate(0.0, head.as_bytes());
        let mut grouped = false;
        let mut group_count = 0;
        let mut decimal = false;
        if head.len() <= 3 {
            let (after, (groups, grouped_value)) = fold_many0(
                group,
                || (0, value),
                |(count, value), digits: &str| (count + 1, accumulate(value, digits.as_bytes())),
            )
            .parse(rest)?;
            if groups > 0 {
                grouped = true;
                group_count = groups;
                rest = after;
                value = grouped_value;
            }
        }
        if !grouped && let Ok((after, digits)) = dot_decimal(rest) {
            rest = after;
            decimal = true;
            value += fraction_value(digits.as_bytes());
        }
        if !decimal {
            let (after, digits) = opt(comma_decimal).parse(rest)?;
            if let Some(digits) = digits {
                rest = after;
                decimal = true;
                value += fraction_value(digits.as_bytes());
            }
        }
        let number = DigitNumber {
            value,
            len: input.len() - rest.len(),
            head_digits: head.len(),
            leading_zero: head.len() > 1 && head.starts_with('0'),
            grouped,
            groups: group_count,
            decimal,
        };
        Ok((rest, number))
    }

    #[test]
    fn bytes_read_as_the_nom_grammar_read() {
        let pieces = [
            "0", "1", "5", "9", "12", "123", "1234", ".", ",", " ", "\u{a0}", "\u{202f}",
            "\u{2009}", "000", "500", "x", "é", "-", "..", ",,", "km",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut texts: Vec<String> = vec![
            "1.000".into(),
            "1 000 000".into(),
            "1\u{a0}000,5".into(),
            "2.5.".into(),
            "2.55".into(),
            "2.555".into(),
            "3,".into(),
            "3,14159265358979323".into(),
            "07 12".into(),
            "0,5".into(),
            "1.000.000,25".into(),
            "12.5".into(),
            "123 4567".into(),
            "1 000.5".into(),
            "".into(),
        ];
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut s = state;
            for _ in 0..(s % 9) {
                s /= 9;
                let k = usize::try_from(s % 21).unwrap_or(0);
                s /= 21;
                text.push_str(pieces.get(k).copied().unwrap_or(""));
            }
            texts.push(text);
        }
        for text in &texts {
            let by_bytes = digit_number(text);
            let by_nom = digit_number_nom(text).ok().map(|(_, n)| n);
            assert_eq!(by_bytes, by_nom, "{text:?}");
            if let Some(n) = by_bytes {
                assert!(text.is_char_boundary(n.len), "{text:?}");
            }
        }
    }

    #[test]
    fn french_digit_grammar() {
        assert_eq!(read("7 morts"), Some((7.0, 1)));
        assert_eq!(read("1.000 km"), Some((1000.0, 5)));
        assert_eq!(read("1 000"), Some((1000.0, 5)));
        assert_eq!(read("1\u{a0}000"), Some((1000.0, 6)));
        assert_eq!(read("1\u{202f}250\u{202f}000"), Some((1_250_000.0, 13)));
        assert_eq!(read("2.428 m"), Some((2428.0, 5)));
        assert_eq!(read("95.000"), Some((95000.0, 6)));
        assert_eq!(read("2,5 km"), Some((2.5, 3)));
        assert_eq!(read("6,8 %"), Some((6.8, 3)));
        assert_eq!(read("1.500,75"), Some((1500.75, 8)));
        assert_eq!(read("3.5 millions"), Some((3.5, 3)));
        assert_eq!(read("2014 200"), Some((2014.0, 4)));
        assert_eq!(read("12 3456"), Some((12.0, 2)));
        assert_eq!(read("x"), None);
        let huge = digit_number("999999999999999999999").map(|n| n.value);
        assert!(huge.is_some_and(|v| v > 9.9e20));
        let endless = "9".repeat(400);
        assert!(digit_number(&endless).is_some());
    }
}
