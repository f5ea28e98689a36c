//! Every embedded data file parses and keeps the format contract.

use bilan_lexicon::{EMBEDDED_FILES, EntityKind, Lexicon};
use std::collections::HashSet;

const HEADER: &str =
    "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags";

/// The name of `kind` in the data files.
fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Place => "place",
        EntityKind::ArmedGroup => "armed_group",
        EntityKind::Organization => "organization",
        EntityKind::Media => "media",
        EntityKind::Person => "person",
    }
}

/// Every `(kind, type)` an entity may have (`data/entity_types.tsv`,
/// which `scripts/check_data.py` reads too), read once.
fn allowed_types() -> HashSet<(&'static str, &'static str)> {
    include_str!("../data/entity_types.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .collect()
}

#[test]
fn every_embedded_file_starts_with_the_header() {
    for (name, text) in EMBEDDED_FILES {
        let first = text
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .find(|l| !l.trim().is_empty() && !l.starts_with('#'));
        assert_eq!(first, Some(HEADER), "{name}: header line");
    }
}

#[test]
fn embedded_data_loads_and_keeps_the_contract() {
    // Loading checks columns, ids, kinds, coordinates, flags and parents.
    let lexicon = Lexicon::builder()
        .build()
        .unwrap_or_else(|e| panic!("embedded data: {e}"));
    assert_eq!(lexicon.len(), lexicon.entries().count());
    let allowed = allowed_types();
    let mut seen = HashSet::new();
    for e in lexicon.entries() {
        assert!(seen.insert(e.id.clone()), "duplicate id {}", e.id);
        if let Some(t) = &e.entity_type {
            assert!(
                allowed.contains(&(kind_name(e.kind), t.as_str())),
                "{}: type `{t}` is not a {:?} type",
                e.id,
                e.kind
            );
        }
        if let Some(p) = &e.parent {
            assert!(lexicon.entry(p).is_some(), "{}: parent {p} missing", e.id);
            assert_ne!(p, &e.id, "{} is its own parent", e.id);
        }
        if let Some((lat, lon)) = e.coordinates {
            assert!(
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                "{}",
                e.id
            );
        }
        assert!(!e.name.trim().is_empty(), "{}: empty name", e.id);
    }
}

#[test]
fn context_cues_name_known_entities() {
    let lexicon = Lexicon::builder()
        .build()
        .unwrap_or_else(|e| panic!("embedded data: {e}"));
    let cues = include_str!("../data/context_cues.tsv");
    for (n, line) in cues.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let target = line.split('\t').next().unwrap_or("");
        if !target.starts_with("kind:") {
            assert!(
                lexicon.entry(target).is_some(),
                "context_cues.tsv:{}: unknown id {target}",
                n + 1
            );
        }
    }
}

#[test]
fn rule_files_are_well_formed() {
    for (name, text, columns) in [
        (
            "context_cues.tsv",
            include_str!("../data/context_cues.tsv"),
            3,
        ),
        (
            "name_triggers.tsv",
            include_str!("../data/name_triggers.tsv"),
            3,
        ),
        ("name_words.tsv", include_str!("../data/name_words.tsv"), 2),
        (
            "first_names.txt",
            include_str!("../data/first_names.txt"),
            1,
        ),
        (
            "exact_words_fr.txt",
            include_str!("../data/exact_words_fr.txt"),
            1,
        ),
        (
            "share_bar_words.txt",
            include_str!("../data/share_bar_words.txt"),
            1,
        ),
    ] {
        let mut lines = 0;
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            lines += 1;
            assert_eq!(
                line.split('\t').count(),
                columns,
                "{name}:{}: `{line}`",
                n + 1
            );
            assert_eq!(line.trim(), line, "{name}:{}: stray spaces", n + 1);
        }
        assert!(lines > 0, "{name} is empty");
    }
}
