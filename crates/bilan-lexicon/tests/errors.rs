//! Malformed data gives typed errors naming the file, line and reason.

use bilan_lexicon::{ErrorKind, Lexicon};

const HEADER: &str =
    "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags";

fn load(body: &str) -> Result<Lexicon, bilan_lexicon::Error> {
    Lexicon::builder()
        .embedded(false)
        .add_str("places.tsv", format!("# comment\n{HEADER}\n{body}"))
        .build()
}

#[test]
fn malformed_lines_are_reported() {
    let cases = [
        (
            "place:x\tplace\tX\tcity\t\tSY\t91.5\t36\t\t\t\t",
            ErrorKind::Value,
            "places.tsv:3: column lat: `91.5` out of range -90..=90",
        ),
        (
            "place:x\tplace\tX\tcity\t\tSY\t35\t181\t\t\t\t",
            ErrorKind::Value,
            "places.tsv:3: column lon",
        ),
        (
            "place:x\tplace\tX",
            ErrorKind::Columns,
            "places.tsv:3: expected 12",
        ),
        (
            "place:x\tcity\tX\t\t\t\t\t\t\t\t\t",
            ErrorKind::Value,
            "places.tsv:3: column kind",
        ),
        (
            "group:x\tplace\tX\t\t\t\t\t\t\t\t\t",
            ErrorKind::Value,
            "places.tsv:3: column kind",
        ),
        (
            "Place:X\tplace\tX\t\t\t\t\t\t\t\t\t",
            ErrorKind::Value,
            "places.tsv:3: column id",
        ),
        (
            "place:x\tplace\tX\t\tplace:nowhere\t\t\t\t\t\t\t",
            ErrorKind::UnknownParent,
            "places.tsv:3: column parent",
        ),
        (
            "place:x\tplace\tX\t\t\tsyria\t\t\t\t\t\t",
            ErrorKind::Value,
            "places.tsv:3: column country",
        ),
        (
            "place:x\tplace\tX\t\t\t\t\t\tabc\t\t\t",
            ErrorKind::Value,
            "places.tsv:3: column geonames",
        ),
        (
            "place:x\tplace\tX\t\t\t\t\t\t\t\t\tloud",
            ErrorKind::Value,
            "places.tsv:3: column flags",
        ),
        (
            "place:x\tplace\tX\t\t\t\t\t\t\t\t\t\nplace:x\tplace\tY\t\t\t\t\t\t\t\t\t",
            ErrorKind::Conflict,
            "places.tsv:4:",
        ),
    ];
    for (body, kind, message) in cases {
        let e = load(body)
            .err()
            .unwrap_or_else(|| panic!("accepted: {body}"));
        assert_eq!(e.kind(), kind, "{body}");
        assert!(
            e.to_string().starts_with(message),
            "{e} does not start with {message}"
        );
    }
}

#[test]
fn missing_header_is_an_error() {
    let e = Lexicon::builder()
        .embedded(false)
        .add_str("bad.tsv", "place:x\tplace\tX\n")
        .build()
        .err();
    assert_eq!(e.map(|e| e.kind()), Some(ErrorKind::Header));
}

#[test]
fn unreadable_file_names_the_file() {
    let e = Lexicon::builder()
        .embedded(false)
        .add_file("/nonexistent/extra.tsv")
        .build()
        .err();
    let e = e.expect("error");
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.to_string().contains("/nonexistent/extra.tsv"));
}

#[test]
fn variants_only_lines_extend_entities() {
    let lexicon =
        load("place:x\tplace\tX\tcity\t\t\t\t\t\t\t\t\nplace:x\t\t\t\t\t\t\t\t\t\tIks|Ex\t")
            .expect("loads");
    assert_eq!(lexicon.len(), 1);
    assert_eq!(
        lexicon.entry("place:x").map(|e| e.variants.clone()),
        Some(vec!["Iks".to_string(), "Ex".to_string()])
    );
}
