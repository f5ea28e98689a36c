//! Properties of the pipeline on any input: no panic, spans on character
//! boundaries inside the input with the right text, links to entities of the
//! document, the same output twice, and a JSON round trip.

use bilan::{Document, Pipeline};
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(Pipeline::new);

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = PIPELINE
        .analyze(text)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    for claim in &doc.claims {
        prop_assert_eq!(text.get(claim.start..claim.end), Some(claim.text.as_str()));
        for id in [&claim.actor, &claim.place, &claim.source]
            .into_iter()
            .flatten()
        {
            prop_assert!(doc.entity(id).is_some(), "link {} is not an entity", id);
        }
    }
    for entity in &doc.entities {
        for mention in &entity.mentions {
            prop_assert_eq!(
                text.get(mention.start..mention.end),
                Some(mention.text.as_str())
            );
        }
    }
    let structure = &doc.article;
    let spans = structure
        .dateline
        .iter()
        .chain(&structure.title)
        .chain(&structure.standfirst)
        .chain(&structure.headings)
        .chain(&structure.paragraphs)
        .chain(&structure.sentences)
        .chain(structure.diagnostics.iter().map(|d| &d.span));
    for span in spans {
        prop_assert!(
            text.get(span.start..span.end).is_some(),
            "bad span {:?}",
            span
        );
    }
    let again = PIPELINE
        .analyze(text)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&again, &doc);
    let json = serde_json::to_string(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: Document =
        serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let json_again =
        serde_json::to_string(&back).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(json_again, json);
    Ok(())
}

/// Words that steer the stages into their interesting paths: datelines,
/// numbers written every French way, units, casualty words, names, cues.
const WORDS: &[&str] = &[
    "14-05-2024",
    "09:40",
    "PM",
    "AM",
    "Jerusalem",
    "Beirut",
    "Timing",
    "Publié",
    "le",
    "28/03/2024",
    "à",
    "17h02",
    "\n",
    "\n\n",
    "\n\n\n",
    ".",
    ",",
    ":",
    "«",
    "»",
    "(",
    ")",
    "%",
    "7",
    "1.000",
    "1 000",
    "2,5",
    "40",
    "mille",
    "vingt-trois",
    "une",
    "trentaine",
    "des",
    "dizaines",
    "de",
    "milliers",
    "au",
    "moins",
    "près",
    "plus",
    "entre",
    "et",
    "km2",
    "Km2",
    "kilomètres",
    "carrés",
    "hectares",
    "mètres",
    "km",
    "heures",
    "jours",
    "ans",
    "kg",
    "dollars",
    "livres",
    "miliciens",
    "soldats",
    "civils",
    "combattants",
    "tués",
    "blessés",
    "ont",
    "été",
    "capturés",
    "se",
    "sont",
    "rendus",
    "tuant",
    "un",
    "civil",
    "Daech",
    "EI",
    "Hezbollah",
    "Front",
    "al-Nosra",
    "armée",
    "syrienne",
    "libanaise",
    "Qalamoun",
    "Aarsal",
    "Ersal",
    "Idleb",
    "Alep",
    "Deir",
    "Ezzor",
    "Homs",
    "selon",
    "al-Manar",
    "d'après",
    "l'OSDH",
    "ce",
    "vendredi",
    "lundi",
    "dernier",
    "é",
    "’",
    "\u{a0}",
    "\u{202f}",
];

fn french_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..80).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn french_like_text(text in french_like()) {
        check(&text)?;
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        match (std::str::from_utf8(&bytes), PIPELINE.analyze_bytes(&bytes)) {
            (Ok(text), Ok(doc)) => {
                prop_assert_eq!(Some(doc), PIPELINE.analyze(text).ok());
                check(text)?;
            }
            (Err(utf8), Err(err)) => {
                let offset = utf8.valid_up_to();
                prop_assert_eq!(err.kind(), &bilan::ErrorKind::InvalidUtf8 { offset });
            }
            (utf8, got) => prop_assert!(false, "{:?} vs {:?}", utf8.map(|_| ()), got.map(|_| ())),
        }
    }

    #[test]
    fn sample_article_cut_anywhere(cut in 0usize..4096, len in 0usize..4096) {
        let sample = include_str!("../../../examples/articles/sample.txt");
        let start = (0..=cut.min(sample.len())).rev().find(|&i| sample.is_char_boundary(i)).unwrap_or(0);
        let end = (start..=(start + len).min(sample.len())).rev().find(|&i| sample.is_char_boundary(i)).unwrap_or(start);
        check(&sample[start..end])?;
    }
}
