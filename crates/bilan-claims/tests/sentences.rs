//! Data-driven test of claim meaning: `tests/data/sentences.txt` holds short
//! French sentences (written for this crate) with the claims they must give.
//!
//! Format, one case per block:
//! - `> text` — the sentence (or sentences, split after ". " and a
//!   capital); `[surface](id)` marks an entity mention, whose
//!   kind follows the id prefix (`place:`, `group:`, `org:`, `media:`, `person:`);
//! - `@ YYYY-MM-DD` — optional dateline;
//! - `= kind number key=value…` — one expected claim, in text order. `number`
//!   is a value (`7`, `2.5`) or a range (`20-99`). Keys: `q` (a piece of text
//!   the claim's span must overlap), `qual` (default `exact`), `outcome` and
//!   `victims` (checked always, absent means none), `actor`, `place`,
//!   `source`, `date` (checked when given, `-` means none).
//!
//! The number of claims must match exactly.

use bilan_article::{Article, Span};
use bilan_claims::{Claim, Extractor};
use bilan_lexicon::{Entities, EntityKind, Mention};

const CASES: &str = include_str!("data/sentences.txt");

struct Case {
    line: usize,
    text: String,
    mentions: Vec<Mention>,
    dateline: Option<jiff::civil::Date>,
    claims: Vec<(usize, String)>,
}

fn kind_of(id: &str) -> EntityKind {
    match id.split(':').next() {
        Some("place") => EntityKind::Place,
        Some("group") => EntityKind::ArmedGroup,
        Some("org") => EntityKind::Organization,
        Some("media") => EntityKind::Media,
        Some("person") => EntityKind::Person,
        other => panic!("unknown id prefix {other:?} in {id}"),
    }
}

/// Strip `[surface](id)` markup, returning the text and its mentions.
fn strip(marked: &str) -> (String, Vec<Mention>) {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find("](").expect("] after [");
        let end = after[close..].find(')').expect(") after ](") + close;
        let surface = &after[..close];
        let id = &after[close + 2..end];
        let start = text.len();
        text.push_str(surface);
        mentions.push(Mention {
            span: Span::new(start, text.len()),
            id: id.into(),
            kind: kind_of(id),
        });
        rest = &after[end + 1..];
    }
    text.push_str(rest);
    (text, mentions)
}

fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (n, line) in CASES.lines().enumerate() {
        let line_no = n + 1;
        if let Some(marked) = line.strip_prefix("> ") {
            let (text, mentions) = strip(marked);
            cases.push(Case {
                line: line_no,
                text,
                mentions,
                dateline: None,
                claims: vec![],
            });
        } else if let Some(date) = line.strip_prefix("@ ") {
            let case = cases.last_mut().expect("@ after >");
            case.dateline = Some(date.trim().parse().expect("dateline"));
        } else if let Some(claim) = line.strip_prefix("= ") {
            cases
                .last_mut()
                .expect("= after >")
                .claims
                .push((line_no, claim.to_owned()));
        } else if !(line.trim().is_empty() || line.starts_with('#')) {
            panic!("sentences.txt:{line_no}: cannot read {line:?}");
        }
    }
    cases
}

/// The case's sentences: its text split after each ". " followed by a
/// capital, so that a case can test what a sentence takes from the one
/// before ("Selon le ministère, …").
fn sentence_spans(text: &str) -> Vec<serde_json::Value> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(". ") {
        let next = text[at + 2..].chars().next();
        if next.is_some_and(char::is_uppercase) {
            spans.push(serde_json::json!({"span": {"start": start, "end": at + 1}}));
            start = at + 2;
        }
    }
    spans.push(serde_json::json!({"span": {"start": start, "end": text.len()}}));
    spans
}

/// An article of the case's sentences (built through serde so that fields
/// the parser adds later take their defaults).
fn article(case: &Case) -> Article {
    let dateline = case.dateline.map(|date| {
        serde_json::json!({"span": {"start": 0, "end": 0}, "date": date.to_string(), "zoned": null})
    });
    serde_json::from_value(serde_json::json!({
        "dateline": dateline,
        "title": null,
        "standfirst": null,
        "headings": [],
        "paragraphs": [],
        "sentences": sentence_spans(&case.text),
        "diagnostics": [],
    }))
    .expect("an article")
}

fn entities(mentions: &[Mention]) -> Entities {
    Entities {
        entities: vec![],
        mentions: mentions.to_vec(),
    }
}

fn as_json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .map(|v| v.as_str().map_or(v.to_string(), str::to_owned))
        .unwrap_or_default()
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs()) + 1e-9
}

/// Differences between a predicted claim and its expectation.
fn check(text: &str, got: &Claim, expected: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut parts = expected.split_whitespace();
    let kind = parts.next().unwrap_or_default();
    if as_json(&got.kind) != kind {
        problems.push(format!("kind {} != {kind}", as_json(&got.kind)));
    }
    let number = parts.next().unwrap_or_default();
    let numbers_ok = match number.split_once('-') {
        Some((lo, hi)) => {
            let (lo, hi): (f64, f64) = (lo.parse().expect("min"), hi.parse().expect("max"));
            got.value.is_none()
                && got.min.is_some_and(|m| near(m, lo))
                && got.max.is_some_and(|m| near(m, hi))
        }
        None => got
            .value
            .is_some_and(|v| near(v, number.parse().expect("value"))),
    };
    if !numbers_ok {
        problems.push(format!(
            "number {:?}/{:?}/{:?} != {number}",
            got.value, got.min, got.max
        ));
    }
    let mut rest = String::new();
    for part in parts {
        if part.contains('=') {
            rest.push('\u{1}');
        } else {
            rest.push(' ');
        }
        rest.push_str(part);
    }
    let mut fields: Vec<(&str, String)> = rest
        .split('\u{1}')
        .filter(|s| !s.trim().is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("key=value");
            (k.trim(), v.trim().to_owned())
        })
        .collect();
    for always in ["qual", "outcome", "victims"] {
        if !fields.iter().any(|(k, _)| *k == always) {
            fields.push((
                always,
                if always == "qual" {
                    "exact".into()
                } else {
                    "-".into()
                },
            ));
        }
    }
    let opt = |o: Option<String>| o.unwrap_or_else(|| "-".to_owned());
    for (key, want) in fields {
        let have = match key {
            "q" => {
                let at = text
                    .find(want.as_str())
                    .unwrap_or_else(|| panic!("q {want:?} not in text"));
                let overlaps = got.span.start < at + want.len() && at < got.span.end;
                if !overlaps {
                    problems.push(format!("span {:?} misses {want:?}", got.span.slice(text)));
                }
                continue;
            }
            "qual" => as_json(&got.qualifier),
            "outcome" => opt(got.outcome.map(|o| as_json(&o))),
            "victims" => opt(got.victims.map(|v| as_json(&v))),
            "actor" => opt(got.actor.as_deref().map(str::to_owned)),
            "place" => opt(got.place.as_deref().map(str::to_owned)),
            "source" => opt(got.source.as_deref().map(str::to_owned)),
            "date" => opt(got.date.map(|d| d.to_string())),
            other => panic!("unknown key {other}"),
        };
        if have != want {
            problems.push(format!("{key} {have} != {want}"));
        }
    }
    problems
}

#[test]
fn sentences_give_their_claims() {
    let extractor = Extractor::new();
    let cases = cases();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let got = extractor.extract(&case.text, &article(case), &entities(&case.mentions));
        for claim in &got {
            assert!(claim.span.end - claim.span.start <= 200 && claim.span.end <= case.text.len());
        }
        if got.len() != case.claims.len() {
            let spans: Vec<_> = got
                .iter()
                .map(|c| (as_json(&c.kind), c.span.slice(&case.text)))
                .collect();
            failures.push(format!(
                "line {}: {} claims, expected {}: {spans:?}\n    {}",
                case.line,
                got.len(),
                case.claims.len(),
                case.text
            ));
            continue;
        }
        for (claim, (line, expected)) in got.iter().zip(&case.claims) {
            let problems = check(&case.text, claim, expected);
            if !problems.is_empty() {
                failures.push(format!(
                    "line {line}: {}\n    {}",
                    problems.join("; "),
                    case.text
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
