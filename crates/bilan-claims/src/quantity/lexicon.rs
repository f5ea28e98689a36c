//! The embedded word tables of the number reader (`data/numbers/*.tsv`),
//! parsed once. A malformed line is a bug in the data, caught by the tests;
//! at run time it is skipped rather than panicking.

use crate::model::{ClaimKind, Qualifier, Unit};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use once_cell::sync::Lazy;
use std::collections::HashMap;

pub(crate) const CARDINALS: &str = include_str!("../../data/numbers/cardinals.tsv");
pub(crate) const COLLECTIVES: &str = include_str!("../../data/numbers/collectives.tsv");
pub(crate) const QUALIFIERS: &str = include_str!("../../data/numbers/qualifiers.tsv");
pub(crate) const UNITS: &str = include_str!("../../data/numbers/units.tsv");
pub(crate) const FRACTIONS: &str = include_str!("../../data/numbers/fractions.tsv");
pub(crate) const CONTEXT: &str = include_str!("../../data/numbers/context.tsv");

/// The grammatical class of a cardinal word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// 0-9.
    Unit,
    /// 10-16.
    Teen,
    /// 20, 30 … 90.
    Tens,
    /// cent(s).
    Hundred,
    /// mille.
    Thousand,
    /// million(s), milliard(s): nouns, "3 millions de dollars".
    Big,
}

/// A unit phrase and how to normalise to it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct UnitEntry {
    pub(crate) phrase: String,
    pub(crate) measure: ClaimKind,
    pub(crate) unit: Unit,
    pub(crate) factor: f64,
}

/// A qualifier phrase.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QualifierEntry {
    pub(crate) phrase: String,
    pub(crate) qualifier: Qualifier,
}

/// Every table, parsed.
pub(crate) struct Lexicon {
    pub(crate) cardinals: HashMap<String, (f64, Class)>,
    /// word → (value, plural)
    pub(crate) collectives: HashMap<String, (f64, bool)>,
    pub(crate) fractions: HashMap<String, f64>,
    /// Longest first.
    pub(crate) qualifiers_before: Vec<QualifierEntry>,
    /// Longest first.
    pub(crate) qualifiers_after: Vec<QualifierEntry>,
    /// Longest first.
    pub(crate) units: Vec<UnitEntry>,
    /// category → phrases, longest first.
    pub(crate) context: HashMap<String, Vec<String>>,
    /// Finds digits and the words that can start a quantity.
    pub(crate) triggers: Option<AhoCorasick>,
}

/// The lexicon, built on first use.
pub(crate) static LEXICON: Lazy<Lexicon> = Lazy::new(Lexicon::build);

/// The data lines of a table: no comments, no blank lines, split on tabs.
pub(crate) fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').collect())
}

pub(crate) fn parse_class(name: &str) -> Option<Class> {
    Some(match name {
        "unit" => Class::Unit,
        "teen" => Class::Teen,
        "tens" => Class::Tens,
        "hundred" => Class::Hundred,
        "thousand" => Class::Thousand,
        "big" => Class::Big,
        _ => return None,
    })
}

pub(crate) fn parse_qualifier(name: &str) -> Option<Qualifier> {
    Some(match name {
        "exact" => Qualifier::Exact,
        "about" => Qualifier::About,
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "at_most" => Qualifier::AtMost,
        "less_than" => Qualifier::LessThan,
        "range" => Qualifier::Range,
        _ => return None,
    })
}

pub(crate) fn parse_measure(name: &str) -> Option<ClaimKind> {
    Some(match name {
        "area" => ClaimKind::Area,
        "percentage" => ClaimKind::Percentage,
        "length" => ClaimKind::Length,
        "duration" => ClaimKind::Duration,
        "mass" => ClaimKind::Mass,
        "money" => ClaimKind::Money,
        "age" => ClaimKind::Age,
        _ => return None,
    })
}

pub(crate) fn parse_unit(name: &str) -> Option<Unit> {
    Some(match name {
        "km2" => Unit::Km2,
        "percent" => Unit::Percent,
        "m" => Unit::Metre,
        "h" => Unit::Hour,
        "kg" => Unit::Kilogram,
        "years" => Unit::Year,
        "USD" => Unit::Usd,
        "EUR" => Unit::Eur,
        "LBP" => Unit::Lbp,
        "SYP" => Unit::Syp,
        "IQD" => Unit::Iqd,
        _ => return None,
    })
}

/// Words that start a quantity besides the cardinals, collectives and fractions.
const VAGUE_TRIGGERS: [&str; 4] = ["plusieurs", "quelques", "quelque", "demi"];

impl Lexicon {
    fn build() -> Lexicon {
        let mut cardinals = HashMap::new();
        for row in rows(CARDINALS) {
            if let [word, value, class] = row[..]
                && let (Ok(value), Some(class)) = (value.parse::<f64>(), parse_class(class))
            {
                cardinals.insert(word.to_owned(), (value, class));
            }
        }
        let mut collectives = HashMap::new();
        for row in rows(COLLECTIVES) {
            if let [word, value, number] = row[..]
                && let Ok(value) = value.parse::<f64>()
            {
                collectives.insert(word.to_owned(), (value, number == "plural"));
            }
        }
        let mut fractions = HashMap::new();
        for row in rows(FRACTIONS) {
            if let [word, value] = row[..]
                && let Ok(value) = value.parse::<f64>()
            {
                fractions.insert(word.to_owned(), value);
            }
        }
        let mut qualifiers_before = Vec::new();
        let mut qualifiers_after = Vec::new();
        for row in rows(QUALIFIERS) {
            if let [phrase, qualifier, position] = row[..]
                && let Some(qualifier) = parse_qualifier(qualifier)
            {
                let entry = QualifierEntry {
                    phrase: phrase.to_owned(),
                    qualifier,
                };
                match position {
                    "before" => qualifiers_before.push(entry),
                    "after" => qualifiers_after.push(entry),
                    _ => {}
                }
            }
        }
        qualifiers_before.sort_by_key(|q| std::cmp::Reverse(q.phrase.len()));
        qualifiers_after.sort_by_key(|q| std::cmp::Reverse(q.phrase.len()));
        let mut units = Vec::new();
        for row in rows(UNITS) {
            if let [phrase, measure, unit, factor] = row[..]
                && let (Some(measure), Some(unit), Ok(factor)) = (
                    parse_measure(measure),
                    parse_unit(unit),
                    factor.parse::<f64>(),
                )
            {
                units.push(UnitEntry {
                    phrase: phrase.to_owned(),
                    measure,
                    unit,
                    factor,
                });
            }
        }
        units.sort_by_key(|u| std::cmp::Reverse(u.phrase.len()));
        let mut context: HashMap<String, Vec<String>> = HashMap::new();
        for row in rows(CONTEXT) {
            if let [category, phrase] = row[..] {
                context
                    .entry(category.to_owned())
                    .or_default()
                    .push(phrase.to_owned());
            }
        }
        for phrases in context.values_mut() {
            phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        let mut patterns: Vec<String> = (0..10).map(|d| d.to_string()).collect();
        patterns.extend(cardinals.keys().cloned());
        patterns.extend(collectives.keys().cloned());
        patterns.extend(fractions.keys().cloned());
        patterns.extend(VAGUE_TRIGGERS.iter().map(|w| (*w).to_owned()));
        let triggers = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .ok();
        Lexicon {
            cardinals,
            collectives,
            fractions,
            qualifiers_before,
            qualifiers_after,
            units,
            context,
            triggers,
        }
    }

    /// The phrases of a context category (empty when unknown).
    pub(crate) fn context(&self, category: &str) -> &[String] {
        self.context.get(category).map_or(&[], Vec::as_slice)
    }

    /// True when `word` (folded) is in the context category.
    pub(crate) fn in_context(&self, category: &str, word: &str) -> bool {
        self.context(category).iter().any(|w| w == word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data row of `table` has `width` fields and passes `valid`.
    fn check_table(name: &str, table: &str, width: usize, valid: impl Fn(&[&str]) -> bool) {
        let mut count = 0;
        for row in rows(table) {
            count += 1;
            assert_eq!(row.len(), width, "{name}: wrong field count in {row:?}");
            assert!(valid(&row), "{name}: invalid row {row:?}");
            let phrase = row[if name == "context" { 1 } else { 0 }];
            let folded: String = phrase.chars().map(super::super::text::fold).collect();
            assert_eq!(
                phrase, folded,
                "{name}: {phrase:?} must be written folded (lowercase, ')"
            );
        }
        assert!(count > 0, "{name} is empty");
    }

    #[test]
    fn every_number_table_is_valid() {
        check_table("cardinals", CARDINALS, 3, |r| {
            r[1].parse::<f64>().is_ok() && parse_class(r[2]).is_some()
        });
        check_table("collectives", COLLECTIVES, 3, |r| {
            r[1].parse::<f64>().is_ok() && matches!(r[2], "singular" | "plural")
        });
        check_table("qualifiers", QUALIFIERS, 3, |r| {
            parse_qualifier(r[1]).is_some() && matches!(r[2], "before" | "after")
        });
        check_table("units", UNITS, 4, |r| {
            parse_measure(r[1]).is_some()
                && parse_unit(r[2]).is_some()
                && r[3].parse::<f64>().is_ok_and(|f| f > 0.0)
        });
        check_table("fractions", FRACTIONS, 2, |r| r[1].parse::<f64>().is_ok());
        let categories = [
            "month",
            "weekday",
            "year_cue",
            "weak_year_cue",
            "name_cue",
            "clock_before",
            "clock_after",
            "age_before",
            "person",
            "implied_length",
            "implied_duration",
            "between_time",
        ];
        check_table("context", CONTEXT, 2, |r| categories.contains(&r[0]));
    }

    #[test]
    fn the_lexicon_builds_with_every_table() {
        let lexicon = &*LEXICON;
        assert!(lexicon.triggers.is_some());
        assert_eq!(
            lexicon.cardinals.get("quatre").copied(),
            Some((4.0, Class::Unit))
        );
        assert_eq!(
            lexicon.collectives.get("milliers").copied(),
            Some((1000.0, true))
        );
        assert!(
            lexicon
                .units
                .iter()
                .any(|u| u.phrase == "km2" && u.unit == Unit::Km2)
        );
        assert!(lexicon.in_context("month", "mars"));
        // Longest phrases first, so "pas moins de" wins over "moins de".
        let position = |p: &str| lexicon.qualifiers_before.iter().position(|q| q.phrase == p);
        assert!(position("pas moins de") < position("moins de"));
    }
}
