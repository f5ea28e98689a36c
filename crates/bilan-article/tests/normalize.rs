//! Data-driven tests of the normalised view: each case of
//! `tests/data/normalize.json` gives a text, its folded form, and a piece of
//! the folded text whose original span must read `original`.

use bilan_article::normalize;
use serde_json::Value;

#[test]
fn normalize_data_file() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("data/normalize.json")).expect("normalize.json is JSON");
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        let field = |name: &str| case[name].as_str().unwrap_or_default();
        let (text, folded, find, original) = (
            field("text"),
            field("folded"),
            field("find"),
            field("original"),
        );
        let norm = normalize(text);
        if norm.as_str() != folded {
            failures.push(format!(
                "{text:?}: folded {:?}, want {folded:?}",
                norm.as_str()
            ));
            continue;
        }
        let Some(start) = norm.as_str().find(find) else {
            failures.push(format!("{text:?}: {find:?} not in the folded text"));
            continue;
        };
        let got = norm.span_to_original(start, start + find.len()).slice(text);
        if got != original {
            failures.push(format!(
                "{text:?}: {find:?} maps to {got:?}, want {original:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
