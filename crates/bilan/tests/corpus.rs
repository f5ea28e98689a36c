//! Regression floor on the corpora written for this project by annotators
//! who never saw the code (`tests/corpus/blind-*`, see its README): the
//! pipeline's claims are scored against the gold exactly as the annotation
//! guide's scorer does (span overlap, same kind, numbers within 0.5 %), and
//! the F1 must stay above a floor set a little under today's figure.

use std::path::{Path, PathBuf};

use serde_json::Value;

struct Score {
    matched: usize,
    gold: usize,
    predicted: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 0.005 * a.abs().max(b.abs()) + 1e-9,
        (None, None) => true,
        _ => false,
    }
}

fn numbers_agree(gold: &Value, claim: &bilan::Claim) -> bool {
    match gold["value"].as_f64() {
        Some(v) => close(Some(v), claim.value),
        None => close(gold["min"].as_f64(), claim.min) && close(gold["max"].as_f64(), claim.max),
    }
}

/// Byte span of the `nth` occurrence of `quote` in `text` (occurrences may
/// overlap: the search goes on one character after the last one found, as
/// the scorer's does).
fn quote_span(text: &str, quote: &str, nth: usize) -> (usize, usize) {
    let mut from = 0;
    for _ in 0..nth {
        from += text[from..].find(quote).expect("quote in text");
        from += text[from..].chars().next().map_or(1, char::len_utf8);
    }
    let start = from + text[from..].find(quote).expect("quote in text");
    (start, start + quote.len())
}

fn score(dir: &Path) -> Score {
    let pipeline = bilan::Pipeline::new();
    let gold: Value =
        serde_json::from_slice(&std::fs::read(dir.join("gold.json")).expect("gold")).expect("json");
    let mut total = Score {
        matched: 0,
        gold: 0,
        predicted: 0,
    };
    for doc in gold.as_array().expect("a list of documents") {
        let name = doc["doc"].as_str().expect("doc");
        let text = std::fs::read_to_string(dir.join(name)).expect("text");
        let found = pipeline.analyze(&text).expect("analysed");
        let mut used = vec![false; found.claims.len()];
        let mut optional_hits = 0;
        for g in doc["claims"].as_array().expect("claims") {
            let nth = g["nth"].as_u64().unwrap_or(0) as usize;
            let (start, end) = quote_span(&text, g["q"].as_str().expect("q"), nth);
            let kind = g["kind"].as_str().expect("kind");
            let optional = g["optional"].as_bool().unwrap_or(false);
            let hit = found.claims.iter().enumerate().position(|(i, c)| {
                !used[i]
                    && c.start < end
                    && start < c.end
                    && serde_json::to_value(c.kind)
                        .ok()
                        .as_ref()
                        .and_then(Value::as_str)
                        == Some(kind)
                    && numbers_agree(g, c)
            });
            if let Some(i) = hit {
                used[i] = true;
            }
            match (optional, hit.is_some()) {
                (true, true) => optional_hits += 1,
                (true, false) => {}
                (false, hit) => {
                    total.gold += 1;
                    total.matched += usize::from(hit);
                }
            }
        }
        total.predicted += found.claims.len() - optional_hits;
    }
    total
}

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// Each blind corpus, with the gold claims it must have more than (so that
/// a corpus left unread fails) and the floor under its claims F1: some
/// points under the F1 measured when its floor was set, so that a rule that
/// costs a corpus a few claims is noticed.
const FLOORS: [(&str, usize, f64); 25] = [
    ("blind-a", 200, 0.95),
    ("blind-b", 150, 0.90),
    ("blind-c", 180, 0.95),
    ("blind-d", 200, 0.92),
    ("blind-e", 200, 0.95),
    ("blind-f", 200, 0.93),
    ("blind-g", 190, 0.94),
    ("blind-h", 80, 0.94),
    ("blind-i", 85, 0.94),
    ("blind-j", 130, 0.94),
    ("blind-k", 45, 0.92),
    ("blind-l", 190, 0.95),
    ("blind-m", 65, 0.92),
    ("blind-n", 75, 0.93),
    ("blind-o", 200, 0.94),
    ("blind-p", 200, 0.94),
    ("blind-q", 210, 0.93),
    ("blind-r", 200, 0.93),
    ("blind-s", 180, 0.95),
    ("blind-t", 200, 0.94),
    ("blind-u", 200, 0.95),
    ("blind-v", 190, 0.94),
    ("blind-w", 205, 0.95),
    ("blind-x", 160, 0.95),
    ("blind-y", 190, 0.92),
];

#[test]
fn blind_corpora_claims_stay_above_their_floors() {
    let mut failures = Vec::new();
    for (name, min_gold, floor) in FLOORS {
        let s = score(&corpus(name));
        if s.gold <= min_gold {
            failures.push(format!(
                "{name}: {} gold claims read, more than {min_gold} expected",
                s.gold
            ));
        } else if s.f1() < floor {
            failures.push(format!(
                "{name}: claims F1 {:.3} under {floor} ({}/{} gold, {} predicted)",
                s.f1(),
                s.matched,
                s.gold,
                s.predicted
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
