//! The whole pipeline on the sample articles of `examples/articles/`:
//! dateline, title, expected claims and entities, span invariants, and the
//! exact JSON keys of OUTPUT.md.

use std::path::PathBuf;

use bilan::{Document, Pipeline};
use serde_json::Value;

const EXPECTED: &str = include_str!("data/articles.json");
const KEYS: &str = include_str!("data/output_keys.json");

fn articles() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/articles");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("examples/articles exists") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("UTF-8 article");
            out.push((name, text));
        }
    }
    out.sort();
    assert!(out.len() >= 4, "sample articles missing");
    out
}

fn analyze(name: &str, text: &str) -> Document {
    let mut doc = Pipeline::new().analyze(text).expect("analyses");
    doc.doc = name.to_owned();
    doc
}

fn sorted_keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().expect("object").keys().cloned().collect();
    keys.sort();
    keys
}

fn spec_keys(name: &str) -> Vec<String> {
    let spec: Value = serde_json::from_str(KEYS).expect("output_keys.json");
    let mut keys: Vec<String> = serde_json::from_value(spec[name].clone()).expect("key list");
    keys.sort();
    keys
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * b.abs().max(1.0)
}

#[test]
fn every_sample_article_has_expectations() {
    let expected: Value = serde_json::from_str(EXPECTED).expect("articles.json");
    for (name, _) in articles() {
        assert!(
            expected["articles"][&name].is_object(),
            "{name} missing from articles.json"
        );
    }
}

#[test]
fn dateline_title_and_structure() {
    let expected: Value = serde_json::from_str(EXPECTED).expect("articles.json");
    for (name, text) in articles() {
        let want = &expected["articles"][&name];
        let doc = analyze(&name, &text);
        let json = serde_json::to_value(&doc).expect("serialises");
        assert_eq!(json["published"], want["published"], "{name}: published");
        assert_eq!(json["article"]["date"], want["date"], "{name}: date");
        assert_eq!(json["title"], want["title"], "{name}: title");
        assert!(!doc.article.sentences.is_empty(), "{name}: no sentences");
        // Diagnostics are the parser's business (a zone-less "Publié le"
        // may earn one); only invalid dates would mean a bad sample.
        assert!(
            doc.article
                .diagnostics
                .iter()
                .all(|d| d.kind != bilan::DiagnosticKind::InvalidDate),
            "{name}: {:?}",
            doc.article.diagnostics
        );
    }
}

#[test]
fn spans_are_the_evidence_and_links_resolve() {
    for (name, text) in articles() {
        let doc = analyze(&name, &text);
        for claim in &doc.claims {
            assert_eq!(&text[claim.start..claim.end], claim.text, "{name}");
            assert!(
                claim.end - claim.start <= 200,
                "{name}: claim too long: {}",
                claim.text
            );
            for id in [&claim.actor, &claim.place, &claim.source]
                .into_iter()
                .flatten()
            {
                assert!(doc.entity(id).is_some(), "{name}: link {id} is no entity");
            }
        }
        for entity in &doc.entities {
            assert!(
                !entity.mentions.is_empty(),
                "{name}: {} has no mention",
                entity.id
            );
            for mention in &entity.mentions {
                assert_eq!(&text[mention.start..mention.end], mention.text, "{name}");
            }
        }
    }
}

#[test]
fn json_objects_have_exactly_the_output_md_keys() {
    let mut document_keys = spec_keys("document");
    document_keys.extend(spec_keys("extra_document"));
    document_keys.sort();
    for (name, text) in articles() {
        let doc = analyze(&name, &text);
        let json = serde_json::to_value(&doc).expect("serialises");
        assert_eq!(sorted_keys(&json), document_keys, "{name}");
        for entity in json["entities"].as_array().expect("entities") {
            assert_eq!(sorted_keys(entity), spec_keys("entity"), "{name}");
            for mention in entity["mentions"].as_array().expect("mentions") {
                assert_eq!(sorted_keys(mention), spec_keys("mention"), "{name}");
            }
        }
        for claim in json["claims"].as_array().expect("claims") {
            assert_eq!(sorted_keys(claim), spec_keys("claim"), "{name}");
            for number in ["value", "min", "max"] {
                if let Some(x) = claim[number].as_f64() {
                    assert!(
                        x.fract() != 0.0 || !claim[number].is_f64(),
                        "{name}: {claim}"
                    );
                }
            }
        }
        let back: Document = serde_json::from_value(json).expect("deserialises");
        assert_eq!(back, doc, "{name}: JSON round trip");
    }
}

#[test]
fn expected_claims_and_entities_are_found() {
    let expected: Value = serde_json::from_str(EXPECTED).expect("articles.json");
    for (name, text) in articles() {
        let want = &expected["articles"][&name];
        let doc = analyze(&name, &text);
        for claim in want["claims"].as_array().expect("claims list") {
            let kind = claim["kind"].as_str().expect("kind");
            let within = claim["in"].as_str().expect("in");
            let found = doc.claims.iter().any(|c| {
                let json = serde_json::to_value(c).expect("serialises");
                json["kind"] == kind
                    && c.text.contains(within)
                    && ["value", "min", "max"]
                        .iter()
                        .all(|k| match claim[*k].as_f64() {
                            Some(w) => json[*k].as_f64().is_some_and(|g| close(g, w)),
                            None => true,
                        })
                    && ["qualifier", "outcome", "victims", "unit"]
                        .iter()
                        .all(|k| claim[*k].is_null() || claim[*k] == json[*k])
            });
            assert!(
                found,
                "{name}: no claim like {claim}; got {:#?}",
                doc.claims
            );
        }
        for entity in want["entities"].as_array().expect("entities list") {
            let kind = entity["kind"].as_str().expect("kind");
            let mention = entity["text"].as_str().expect("text");
            let found = doc.entities.iter().any(|e| {
                serde_json::to_value(e.kind).expect("kind") == kind
                    && e.mentions.iter().any(|m| m.text == mention)
            });
            assert!(found, "{name}: no {kind} mention {mention:?}");
        }
        for pair in want["same_entity"].as_array().expect("same_entity list") {
            let id_of = |mention: &Value| {
                let mention = mention.as_str().expect("mention text");
                doc.entities
                    .iter()
                    .find(|e| e.mentions.iter().any(|m| m.text == mention))
                    .map(|e| e.id.clone())
            };
            let (a, b) = (id_of(&pair[0]), id_of(&pair[1]));
            assert!(
                a.is_some() && a == b,
                "{name}: {pair} not one entity ({a:?}, {b:?})"
            );
        }
    }
}

/// A toll credited to a ministry named without its country: the source is
/// the ministry of the country the article is about.
#[test]
fn a_bare_ministry_is_the_source_of_its_country() {
    let text = "Des frappes ont visé Nabatiyé et Tyr dans la nuit.\n\n\
                Selon le ministère de la Santé, trois civils ont été tués à Tyr.\n";
    let doc = bilan::Pipeline::new().analyze(text).expect("valid UTF-8");
    let toll = doc
        .claims
        .iter()
        .find(|c| c.value == Some(3.0))
        .expect("the toll");
    assert_eq!(toll.source.as_deref(), Some("org:lebanese-health-ministry"));
    let ministry = doc
        .entities
        .iter()
        .find(|e| e.id == "org:lebanese-health-ministry")
        .expect("the ministry");
    assert_eq!(ministry.mentions[0].text, "ministère de la Santé");
}
