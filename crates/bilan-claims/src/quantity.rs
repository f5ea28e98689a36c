//! Finding quantity expressions in French text: the number read the French
//! way, its qualifier and its unit. Knows nothing of what is counted.
//!
//! [`scan`] returns every quantity expression of a text, in order and
//! non-overlapping, each with the span of the whole expression and of the
//! number alone. The caller (the claim classifier) decides what it counts.
//!
//! # How French numbers are read
//!
//! - **Digits**: "1.000", "1 000" (also no-break and narrow no-break spaces)
//!   and "2.428" are thousands (a dot or space followed by exactly three
//!   digits); "2,5" is two and a half; "3.5" (one or two digits after a dot)
//!   is read as a decimal too. Multiplier words follow: "40 mille",
//!   "3,5 millions", "1,2 milliard", "trois millions et demi".
//! - **Words**: every cardinal up to the milliards, hyphenated or not
//!   ("vingt-trois", "soixante et onze", "quatre-vingt-dix-sept",
//!   "deux-cent-mille"), with the Belgian/Swiss "septante", "huitante",
//!   "octante", "nonante"; case-insensitive. "neuf" meaning "new" ("un char
//!   neuf", "remis à neuf", "tout neuf") is no number.
//! - **Collectives**: "une dizaine" is 10, "une centaine" 100, "un millier"
//!   1000, all [`Qualifier::About`]; "des dizaines" is 20–99, "des centaines"
//!   200–999, "des milliers" 2000–9999, "des dizaines de milliers"
//!   20 000–99 999 ([`Qualifier::Range`], no value); "une dizaine de
//!   milliers" is about 10 000; "plusieurs" and "quelques" before a noun are
//!   2–9 ("quelques jours" 48–216 h).
//! - **"un"/"une"** alone is a count of 1 with [`NumberForm::Article`]: the
//!   caller decides whether it counts anything. Idioms ("l'un", "un peu",
//!   "un certain", "un à un") are skipped. With a unit ("un an", "une
//!   heure") it is a plain quantity.
//! - **Qualifiers** before the number ("plus de", "au moins", "près de",
//!   "environ", "jusqu'à", "moins de", "quelque" …, `data/numbers/qualifiers.tsv`)
//!   or after it: right after the number or its unit ("20 km environ",
//!   included in the span), or after at most four words of the counted noun
//!   ("5 soldats tués au moins", qualifier set, span not extended), never
//!   across "et", "ou", "dont" or punctuation. "plus que" and "seulement"
//!   are exact ("il ne reste plus que 6,8 %").
//! - **Ranges**: "entre X et Y", "de X à Y", "X à Y" where a number directly
//!   follows "à", and "10-15", when Y > X and the units agree ("10 à 15 km":
//!   both in km). The first number shares the second's multiplier or
//!   thousands when smaller than its leading part: "2 à 3 millions" is
//!   2–3 million, "6 à 7 000" is 6000–7000. "de 3.000 à moins d'un millier"
//!   is two numbers, not a range.
//! - **Units** (`data/numbers/units.tsv`), glued or spaced, are normalised:
//!   area to km² (m² ×1e-6, hectares ×0.01), lengths to metres, durations to
//!   hours (day 24, week 168, month 720, year 8760), masses to kg, shares to
//!   percent; money keeps its currency. "derniers"/"dernières" may stand
//!   between a number and a time unit ("ces trois derniers jours").
//!   Only noun multipliers take "de" before their unit ("3 millions de
//!   dollars"): "300 de ses miliciens" is a count.
//!   After "hauteur de" / "altitude de" a bare number is in metres, after
//!   "délai de" / "ultimatum de" in hours. "et demie" adds half a time unit
//!   ("deux heures et demie" = 2.5 h, "une demi-heure" = 0.5 h); a unit
//!   followed by "/" is a rate ("80 km/h") and is dropped. "un jour" is a
//!   day only next to a word of time ("un jour après", "pendant un jour"),
//!   otherwise it is the storyteller's "one day" and no quantity.
//! - **Fractions**: "la moitié" 50, "le quart" 25, "le tiers" 33.33, "les
//!   trois quarts" 75, "les deux tiers" 66.67, as percentages
//!   ([`NumberForm::Fraction`]); before a unit they are a part of it ("un
//!   quart d'heure" = 0.25 h).
//! - **Ages**: years are an age, not a duration, after "âgé(e)(s) de" /
//!   "l'âge de", between parentheses or commas ("(48 ans)", ", 25 ans,"),
//!   or in "de N ans" after a person noun or demonym ("un enfant de 12 ans",
//!   "un soldat syrien de 25 ans"), or after "à" ("mort à 25 ans", but
//!   "condamné à 2 ans de prison"); "une guerre de 15 ans" is a duration.
//! - **Not quantities**: calendar days ("le 31 mars", "mardi 7", "du 7 au
//!   9 mars", "12 sept. 2014"), years (1900–2100 in four digits after "en",
//!   "depuis", a month … or not followed by a counted noun: "entre 2011 et
//!   2014", "de 2019 a été"; but "2000 soldats", "près de 2000 ont fui"
//!   count), decades ("les années 90"), clock times ("14h05",
//!   "à 10 heures", "6 heures du matin" — but "à 3 heures de route" is a
//!   span), ordinals ("1er", "2e", "deuxième"),
//!   numbers glued to letters ("G20", "F-16", "A4"), numbers after a name
//!   word ("Liwa 313", "résolution 2254", "numéro un", "n° 5") or after a
//!   capitalised word in mid-sentence ("Route 66"; not after an acronym:
//!   "l'OSDH 12 civils" counts), phone and reference numbers ("05 …",
//!   "+961 …", "28/03/2024").
//!
//! The scan tokenises the text once, finds candidate starts among its
//! digits and number words, then looks at a bounded window around each: it
//! is linear in the text and never panics.
//!
//! ```
//! use bilan_article::Span;
//! use bilan_claims::quantity::{scan, NumberForm};
//! use bilan_claims::{ClaimKind, Qualifier, Unit};
//!
//! let text = "L'armée a repris plus de 1.000 km2 et tué une trentaine de miliciens.";
//! let found = scan(text, Span::new(0, text.len()));
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].span.slice(text), "plus de 1.000 km2");
//! assert_eq!(found[0].value, Some(1000.0));
//! assert_eq!(found[0].unit, Some(Unit::Km2));
//! assert_eq!(found[0].measure, Some(ClaimKind::Area));
//! assert_eq!(found[0].qualifier, Qualifier::MoreThan);
//! assert_eq!(found[1].span.slice(text), "une trentaine");
//! assert_eq!(found[1].value, Some(30.0));
//! assert_eq!(found[1].qualifier, Qualifier::About);
//! assert_eq!(found[1].form, NumberForm::Collective);
//! ```

mod digits;
mod lexicon;
mod scanner;
mod text;
mod words;

use crate::model::{ClaimKind, Qualifier, Unit};
use bilan_article::Span;

pub(crate) use lexicon::{Cue, LEXICON};
pub(crate) use scanner::{Triggers, triggers_in};
pub(crate) use text::{WordHasher, WordMap};

/// How a quantity's number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberForm {
    /// Digits: "7", "1.000", "2,5", "1 000".
    Digits,
    /// Cardinal words: "sept", "vingt-trois", "40 mille" (digits + word multiplier too).
    Words,
    /// Singular collective: "une dizaine", "un millier" (qualifier `About`).
    Collective,
    /// Plural collective or vague amount: "des dizaines", "plusieurs", "quelques" (a range).
    Vague,
    /// "un"/"une": a count of 1 only where a claim needs it; the caller decides.
    /// Always `value` 1, `Exact`, no unit, and a span of the word alone. With
    /// a unit ("un an", "une heure") the form is `Words` instead.
    Article,
    /// A fraction word: "la moitié", "le quart", "le tiers", "les trois
    /// quarts": a percentage (measure `Percentage`, unit `Percent`), or a
    /// part of the unit after it ("un quart d'heure" = 0.25 h).
    Fraction,
}

/// A quantity expression found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The whole expression: qualifier before ("plus de"), "entre" of a
    /// range, the article of a collective ("des" dizaines, "la" moitié),
    /// the number, its unit (with "de": "millions de dollars") and a
    /// qualifier right after it ("20 km environ"). A qualifier found a few
    /// words later ("20 soldats tués au moins") sets `qualifier` but is not
    /// in the span.
    pub span: Span,
    /// The number alone; for a range, from the first number to the second.
    pub number: Span,
    /// The value, normalised to `unit`; `None` for ranges ("entre 6 et 10",
    /// "des dizaines", "quelques"), which have `min` and `max` instead.
    pub value: Option<f64>,
    /// Lower bound, normalised to `unit`; set only for ranges.
    pub min: Option<f64>,
    /// Upper bound, normalised to `unit`; set only for ranges.
    pub max: Option<f64>,
    /// Qualifier from the words around the number: `Range` for ranges and
    /// plural collectives, `About` for singular collectives unless a
    /// qualifier before says otherwise ("plus d'une centaine": `MoreThan`).
    pub qualifier: Qualifier,
    /// The normalised unit, when one is written.
    pub unit: Option<Unit>,
    /// What the unit says is measured (area, percentage, length, duration,
    /// mass, money, age); `None` when the number counts something. Ages
    /// ("(48 ans)", "âgé de 12 ans") are `Age` in years, not durations.
    pub measure: Option<ClaimKind>,
    /// How the number was written.
    pub form: NumberForm,
}

/// Every quantity expression in `text[within]`, in text order, non-overlapping.
/// Dates, clock times, years, ordinals and numbers inside names are skipped.
///
/// `within` is clamped to the text and to char boundaries; every span
/// returned lies inside it. Never panics; linear in `within`'s length.
///
/// ```
/// use bilan_article::Span;
/// use bilan_claims::quantity::scan;
/// use bilan_claims::{Qualifier, Unit};
///
/// let text = "Des dizaines de civils ont fui, le 3 mars, à 10 km de la ville.";
/// let found = scan(text, Span::new(0, text.len()));
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].min, found[0].max), (Some(20.0), Some(99.0)));
/// assert_eq!(found[0].qualifier, Qualifier::Range);
/// assert_eq!(found[1].span.slice(text), "10 km");
/// assert_eq!((found[1].value, found[1].unit), (Some(10_000.0), Some(Unit::Metre)));
/// ```
pub fn scan(text: &str, within: Span) -> Vec<Quantity> {
    scanner::scan(text, within)
}

/// [`scan`] into a reused buffer (cleared first), tokenising `within`
/// into `words` on the way (the tokens the claims are then read from).
pub(crate) fn scan_into(
    text: &str,
    within: Span,
    words: &mut crate::words::Words,
    found: &mut Vec<Quantity>,
) {
    scanner::scan_into(text, within, words, found);
}
