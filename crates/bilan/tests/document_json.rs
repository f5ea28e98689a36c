//! The JSON of a `Document` is exactly OUTPUT.md's: key order, integers for
//! whole numbers, RFC 9557 timestamps, and a lossless round trip.

use bilan::Document;
use serde_json::Value;

const KEYS: &str = include_str!("data/output_keys.json");
const DOCUMENTS: &str = include_str!("data/documents.jsonl");

/// The keys of a JSON object, sorted (`Value` does not keep key order; the
/// order is checked by the byte-identical round trip of fixtures written in
/// OUTPUT.md order).
fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

fn expected_in_order(name: &str) -> Vec<String> {
    let spec: Value = serde_json::from_str(KEYS).expect("output_keys.json is JSON");
    serde_json::from_value(spec[name].clone()).expect("a list of keys")
}

fn expected(name: &str) -> Vec<String> {
    let mut keys = expected_in_order(name);
    keys.sort();
    keys
}

fn documents() -> Vec<Document> {
    DOCUMENTS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn fixture_documents_parse() {
    assert_eq!(documents().len(), 3);
}

#[test]
fn serialised_keys_are_exactly_output_md() {
    let mut document_keys = expected_in_order("document");
    document_keys.extend(expected_in_order("extra_document"));
    document_keys.sort();
    for doc in documents() {
        let json = serde_json::to_value(&doc).expect("serialises");
        assert_eq!(keys(&json), document_keys);
        for entity in json["entities"].as_array().expect("entities") {
            assert_eq!(keys(entity), expected("entity"));
            for mention in entity["mentions"].as_array().expect("mentions") {
                assert_eq!(keys(mention), expected("mention"));
            }
        }
        for claim in json["claims"].as_array().expect("claims") {
            assert_eq!(keys(claim), expected("claim"));
        }
    }
}

#[test]
fn fixtures_are_written_in_output_md_key_order() {
    for line in DOCUMENTS.lines() {
        let mut at = 0;
        for key in expected_in_order("document")
            .iter()
            .chain(&expected_in_order("extra_document"))
        {
            let found = line[at..].find(&format!("\"{key}\":"));
            assert!(found.is_some(), "{key} missing or out of order in {line}");
            at += found.unwrap_or(0);
        }
    }
}

#[test]
fn round_trip_is_lossless_and_byte_identical() {
    for (line, doc) in DOCUMENTS.lines().zip(documents()) {
        let text = serde_json::to_string(&doc).expect("serialises");
        assert_eq!(text, line, "serialising the parsed fixture changes it");
        let back: Document = serde_json::from_str(&text).expect("deserialises");
        assert_eq!(back, doc);
    }
}

#[test]
fn whole_numbers_are_integers_and_fractions_stay() {
    let doc = &documents()[1];
    let json = serde_json::to_value(doc).expect("serialises");
    let area = &json["claims"][0];
    assert!(area["value"].is_u64(), "{area}");
    assert_eq!(area["value"], 1000);
    let range = &json["claims"][1];
    assert!(range["value"].is_null());
    assert_eq!(range["min"], 20);
    let share = &json["claims"][3];
    assert_eq!(share["value"].as_f64(), Some(12.5));
    assert!(share["max"].is_null());
}

#[test]
fn published_is_rfc9557_and_date_is_a_day() {
    let doc = &documents()[0];
    let json = serde_json::to_value(doc).expect("serialises");
    assert_eq!(
        json["published"],
        "2024-04-26T02:19:00+03:00[Asia/Jerusalem]"
    );
    assert_eq!(json["claims"][0]["date"], "2024-04-26");
    let published = doc.published.as_ref().expect("published");
    assert_eq!(published.time_zone().iana_name(), Some("Asia/Jerusalem"));
}

#[test]
fn links_resolve_to_entities_of_the_document() {
    let doc = &documents()[0];
    let claim = &doc.claims[0];
    let actor = claim.actor.as_deref().and_then(|id| doc.entity(id));
    assert_eq!(actor.map(|e| e.name.as_str()), Some("Daech"));
    assert_eq!(
        doc.sentence_of(claim),
        None,
        "claim 22..46 lies in no fixture sentence"
    );
}
