//! Bad and odd inputs: invalid UTF-8 is an error with its offset, anything
//! valid gives a document, and inputs over the limit are refused.

use bilan::{DEFAULT_MAX_INPUT_BYTES, ErrorKind, Pipeline};
use serde_json::Value;

const CASES: &str = include_str!("data/bad_input.json");

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex digits"))
        .collect()
}

#[test]
fn bad_input_cases() {
    let spec: Value = serde_json::from_str(CASES).expect("bad_input.json is JSON");
    let cases = spec["cases"].as_array().expect("cases");
    assert!(cases.len() >= 10);
    let pipeline = Pipeline::new();
    for case in cases {
        let name = case["name"].as_str().expect("name");
        let bytes = hex(case["hex"].as_str().expect("hex"));
        let got = pipeline.analyze_bytes(&bytes);
        match case["error"].as_str() {
            None => {
                let doc = got.unwrap_or_else(|e| panic!("{name}: unexpected error {e}"));
                let text = std::str::from_utf8(&bytes).expect("valid case");
                for claim in &doc.claims {
                    assert_eq!(text.get(claim.start..claim.end), Some(claim.text.as_str()));
                }
            }
            Some("invalid_utf8") => {
                let offset = case["offset"].as_u64().expect("offset") as usize;
                let err = got.expect_err(name);
                assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { offset }, "{name}");
                assert!(
                    err.to_string().contains(&format!("offset {offset}")),
                    "{name}: {err}"
                );
                assert_eq!(
                    std::str::from_utf8(&bytes).map_err(|e| e.valid_up_to()),
                    Err(offset)
                );
            }
            Some(other) => panic!("{name}: unknown error kind {other}"),
        }
    }
}

#[test]
fn empty_text_gives_an_empty_document() {
    let doc = Pipeline::new().analyze("").expect("empty is fine");
    assert_eq!(doc.doc, "-");
    assert_eq!(doc.published, None);
    assert_eq!(doc.title, None);
    assert!(doc.claims.is_empty());
    assert!(doc.entities.is_empty());
}

#[test]
fn input_over_a_configured_limit_is_too_large() {
    let pipeline = Pipeline::builder()
        .max_input_bytes(16)
        .build()
        .expect("builds");
    assert_eq!(pipeline.max_input_bytes(), 16);
    assert!(
        pipeline.analyze("seize octets ici").is_ok(),
        "exactly at the limit is fine"
    );
    let err = pipeline.analyze("dix-sept octets !").expect_err("17 bytes");
    assert_eq!(err.kind(), &ErrorKind::TooLarge { len: 17, limit: 16 });
    // The limit is checked before UTF-8 validation.
    let err = pipeline.analyze_bytes(&[0xFF; 17]).expect_err("17 bytes");
    assert!(matches!(err.kind(), ErrorKind::TooLarge { .. }));
}

#[test]
fn input_over_the_default_limit_is_too_large() {
    let pipeline = Pipeline::new();
    assert_eq!(pipeline.max_input_bytes(), DEFAULT_MAX_INPUT_BYTES);
    let huge = vec![b'a'; DEFAULT_MAX_INPUT_BYTES + 1];
    let err = pipeline.analyze_bytes(&huge).expect_err("over 64 MiB");
    assert_eq!(
        err.kind(),
        &ErrorKind::TooLarge {
            len: DEFAULT_MAX_INPUT_BYTES + 1,
            limit: DEFAULT_MAX_INPUT_BYTES
        }
    );
}

#[test]
fn batch_keeps_order_and_reports_each_failure() {
    let pipeline = Pipeline::new();
    let inputs = [
        ("a.txt", b"Deux soldats tu\xc3\xa9s.".to_vec()),
        ("b.txt", b"\xff".to_vec()),
        ("c.txt", Vec::new()),
    ];
    let docs = pipeline.analyze_many(&inputs);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].as_ref().map(|d| d.doc.as_str()), Ok("a.txt"));
    assert_eq!(
        docs[1].as_ref().map_err(|e| e.kind().clone()),
        Err(ErrorKind::InvalidUtf8 { offset: 0 })
    );
    assert_eq!(docs[2].as_ref().map(|d| d.doc.as_str()), Ok("c.txt"));
    let texts = ["Un soldat tué.", ""];
    let batch = pipeline.analyze_batch(&texts);
    assert_eq!(batch.len(), 2);
    for (text, doc) in texts.iter().zip(&batch) {
        assert_eq!(doc.as_ref().ok(), pipeline.analyze(text).as_ref().ok());
    }
}
