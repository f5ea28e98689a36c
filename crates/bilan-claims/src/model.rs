use bilan_article::Span;
use bilan_lexicon::EntityId;
use serde::{Deserialize, Serialize};

/// What a claim measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// People killed, wounded, captured, surrendered, missing or freed.
    Casualties,
    /// A surface, in km².
    Area,
    /// A share, in percent.
    Percentage,
    /// A distance, length, depth or height, in metres.
    Length,
    /// A span of time, in hours.
    Duration,
    /// A weight, in kilograms.
    Mass,
    /// A sum of money, in its currency.
    Money,
    /// A person's age, in years.
    Age,
    /// Any other counted thing.
    Count,
}

/// How the stated number relates to the true one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// The number as stated.
    #[default]
    Exact,
    /// "près de", "environ", "une trentaine".
    About,
    /// "au moins", "pas moins de".
    AtLeast,
    /// "plus de", "au-delà de".
    MoreThan,
    /// "au plus", "jusqu'à".
    AtMost,
    /// "moins de".
    LessThan,
    /// "entre 10 et 15", "des dizaines".
    Range,
}

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Killed.
    Killed,
    /// Wounded.
    Wounded,
    /// Captured, kidnapped, arrested, taken hostage.
    Captured,
    /// Surrendered.
    Surrendered,
    /// Missing.
    Missing,
    /// Freed, released.
    Freed,
}

/// Who is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Victims {
    /// Members of non-state armed groups.
    Militants,
    /// Members of a state army.
    Soldiers,
    /// Fighters of non-state forces allied to a state, or of unclear side.
    Fighters,
    /// Civilians.
    Civilians,
    /// People, with nothing more said.
    People,
}

/// The normalised unit of a claim's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Square kilometres.
    #[serde(rename = "km2")]
    Km2,
    /// Percent.
    #[serde(rename = "percent")]
    Percent,
    /// Metres.
    #[serde(rename = "m")]
    Metre,
    /// Hours.
    #[serde(rename = "h")]
    Hour,
    /// Kilograms.
    #[serde(rename = "kg")]
    Kilogram,
    /// Years of age.
    #[serde(rename = "years")]
    Year,
    /// US dollars.
    #[serde(rename = "USD")]
    Usd,
    /// Euros.
    #[serde(rename = "EUR")]
    Eur,
    /// Lebanese pounds.
    #[serde(rename = "LBP")]
    Lbp,
    /// Syrian pounds.
    #[serde(rename = "SYP")]
    Syp,
    /// Iraqi dinars.
    #[serde(rename = "IQD")]
    Iqd,
}

/// One quantity stated in the text, with what it measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// What it measures.
    pub kind: ClaimKind,
    /// The claim's own phrase in the input (at most 200 bytes).
    pub span: Span,
    /// The number stated, normalised to `unit`; `None` for ranges.
    pub value: Option<f64>,
    /// Lower bound, `None` when open.
    pub min: Option<f64>,
    /// Upper bound, `None` when open.
    pub max: Option<f64>,
    /// The normalised unit, `None` for people and counts.
    pub unit: Option<Unit>,
    /// How the number relates to the truth.
    pub qualifier: Qualifier,
    /// For casualties: what happened.
    pub outcome: Option<Outcome>,
    /// For casualties: who is counted.
    pub victims: Option<Victims>,
    /// Id of the group the counted people belong to (the lexicon's id,
    /// shared with its mentions: no copy per claim).
    pub actor: Option<EntityId>,
    /// Id of the place the claim is about.
    pub place: Option<EntityId>,
    /// Id of whoever makes the claim.
    pub source: Option<EntityId>,
    /// The event day, resolved against the dateline.
    pub date: Option<jiff::civil::Date>,
}
