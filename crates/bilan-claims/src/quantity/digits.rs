//! The French way of writing numbers in digits, as a nom grammar:
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

use nom::{
    IResult, Parser,
    bytes::complete::take_while_m_n,
    character::complete::{char, digit1, one_of, satisfy},
    combinator::{not, opt},
    multi::fold_many0,
    sequence::{preceded, terminated},
};

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

/// Appends digits to an integer value (saturating into f64 infinity).
fn accumulate(mut value: f64, digits: &str) -> f64 {
    for b in digits.bytes() {
        value = value * 10.0 + f64::from(b - b'0');
    }
    value
}

fn fraction_value(digits: &str) -> f64 {
    let mut value = 0.0;
    let mut scale = 0.1;
    for b in digits.bytes().take(12) {
        value += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    value
}

/// Parses a digit number at the start of `input`.
///
/// A run of digits that no separator and digit follow ("7 morts", "2011,")
/// is its own value: read from its bytes, it skips the grammar, which
/// reads every number whose groups or decimals make it French ("1.000",
/// "2,5", "1 000"). The two agree on every input (a test compares them).
pub(crate) fn digit_number(input: &str) -> IResult<&str, DigitNumber> {
    let bytes = input.as_bytes();
    let head = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let continues = match bytes.get(head) {
        Some(b'.' | b',' | b' ') => bytes.get(head + 1).is_some_and(u8::is_ascii_digit),
        // A no-break or narrow no-break space may lead a group.
        Some(0xC2 | 0xE2) => true,
        _ => false,
    };
    if head == 0 || continues {
        return french_digit_number(input);
    }
    let (digits, rest) = input.split_at(head);
    let number = DigitNumber {
        value: accumulate(0.0, digits),
        len: head,
        head_digits: head,
        leading_zero: head > 1 && digits.starts_with('0'),
        grouped: false,
        groups: 0,
        decimal: false,
    };
    Ok((rest, number))
}

/// The French grammar of digit numbers (groups of thousands, decimal
/// comma or dot), as nom parsers.
fn french_digit_number(input: &str) -> IResult<&str, DigitNumber> {
    let (mut rest, head) = digit1(input)?;
    let mut value = accumulate(0.0, head);
    let mut grouped = false;
    let mut group_count = 0;
    let mut decimal = false;
    if head.len() <= 3 {
        // Folded as read: no vector of groups per number.
        let (after, (groups, grouped_value)) = fold_many0(
            group,
            || (0, value),
            |(count, value), digits| (count + 1, accumulate(value, digits)),
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
        value += fraction_value(digits);
    }
    if !decimal {
        let (after, digits) = opt(comma_decimal).parse(rest)?;
        if let Some(digits) = digits {
            rest = after;
            decimal = true;
            value += fraction_value(digits);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(f64, usize)> {
        digit_number(s).ok().map(|(_, n)| (n.value, n.len))
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
        let huge = digit_number("999999999999999999999")
            .ok()
            .map(|(_, n)| n.value);
        assert!(huge.is_some_and(|v| v > 9.9e20));
        let endless = "9".repeat(400);
        assert!(digit_number(&endless).is_ok());
    }

    /// The plain-digits shortcut gives what the grammar gives, on digits
    /// mixed with every separator and other chars.
    #[test]
    fn plain_digits_read_as_the_grammar_reads_them() {
        let parts = [
            "0", "1", "7", "42", "2011", "999", ".", ",", " ", "\u{a0}", "\u{202f}", "\u{2009}",
            "a", "é", "%", "-", "000", "5",
        ];
        // A small deterministic generator (xorshift): no extra dependency.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap_or(0)
        };
        for _ in 0..20_000 {
            let len = 1 + next(7);
            let text: String = (0..len).map(|_| parts[next(parts.len())]).collect();
            let fast = digit_number(&text).map(|(rest, n)| (rest.len(), n));
            let grammar = french_digit_number(&text).map(|(rest, n)| (rest.len(), n));
            assert_eq!(fast.ok(), grammar.ok(), "{text:?}");
        }
    }
}
