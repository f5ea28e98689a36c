//! Data-driven structure tests: every case of `tests/data/articles.json`
//! states the expected reading of a short French text; fields left out of a
//! case are not checked.

use bilan_article::{Article, parse};
use serde_json::Value;

fn texts(text: &str, spans: impl Iterator<Item = bilan_article::Span>) -> Vec<&str> {
    spans.map(|s| s.slice(text)).collect()
}

fn check(case: &Value) -> Result<(), String> {
    let text = case["text"].as_str().ok_or("case without text")?;
    let article: Article = parse(text);
    let mut errors = Vec::new();
    let mut expect = |field: &str, got: Value| {
        if let Some(want) = case.get(field) {
            if *want != got {
                errors.push(format!("{field}: want {want}, got {got}"));
            }
        }
    };
    expect(
        "published",
        article
            .published()
            .map_or(Value::Null, |z| z.to_string().into()),
    );
    expect(
        "date",
        article
            .dateline
            .as_ref()
            .map_or(Value::Null, |d| d.date.to_string().into()),
    );
    let block_text = |b: &Option<bilan_article::Block>| {
        b.as_ref()
            .map_or(Value::Null, |b| b.span.slice(text).to_owned().into())
    };
    expect("title", block_text(&article.title));
    expect("title_repeat", article.title_repeat.is_some().into());
    expect("standfirst", block_text(&article.standfirst));
    expect(
        "headings",
        texts(text, article.headings.iter().map(|b| b.span)).into(),
    );
    expect("paragraphs", article.paragraphs.len().into());
    expect(
        "sentences",
        texts(text, article.sentences.iter().map(|s| s.span)).into(),
    );
    expect(
        "diagnostics",
        article
            .diagnostics
            .iter()
            .map(|d| serde_json::to_value(d.kind).unwrap_or(Value::Null))
            .collect::<Vec<_>>()
            .into(),
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n    "))
    }
}

#[test]
fn articles_data_file() {
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("data/articles.json")).expect("articles.json is JSON");
    assert!(cases.len() >= 30, "at least 30 cases");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            check(case)
                .err()
                .map(|e| format!("{}:\n    {e}", case["name"].as_str().unwrap_or("(unnamed)")))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn serde_round_trip() {
    let text = "26-04-2024 02:19 AM Jerusalem Timing\n\nUn titre\n\nUn chapô. Deux phrases.";
    let article = parse(text);
    let json = serde_json::to_string(&article).expect("serialises");
    let back: Article = serde_json::from_str(&json).expect("deserialises");
    assert_eq!(back, article);
}

/// JSON written before `title_repeat`, `Dateline::time` and `Sentence::kind`
/// existed still reads: those fields take their defaults (other crates
/// build test articles this way).
#[test]
fn json_without_added_fields_deserialises() {
    let json = serde_json::json!({
        "dateline": {"span": {"start": 0, "end": 0}, "date": "2024-03-28", "zoned": null},
        "title": null,
        "standfirst": null,
        "headings": [],
        "paragraphs": [],
        "sentences": [{"span": {"start": 0, "end": 5}}],
        "diagnostics": [],
    });
    let article: Article = serde_json::from_value(json).expect("reads");
    assert_eq!(article.title_repeat, None);
    assert_eq!(article.dateline.and_then(|d| d.time), None);
    assert_eq!(
        article.sentences[0].kind,
        bilan_article::BlockKind::Paragraph
    );
}
