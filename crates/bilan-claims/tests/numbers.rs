//! The number and quantity reader against `tests/data/numbers.tsv`, plus
//! properties that must hold on any input.

use bilan_article::Span;
use bilan_claims::quantity::{NumberForm, Quantity, scan};
use proptest::prelude::*;

const CASES: &str = include_str!("data/numbers.tsv");

fn scan_all(text: &str) -> Vec<Quantity> {
    scan(text, Span::new(0, text.len()))
}

/// A serde name ("km2", "more_than", "area"), or "-" for None.
fn name<T: serde::Serialize>(value: Option<T>) -> String {
    match value.map(|v| serde_json::to_value(v)) {
        Some(Ok(serde_json::Value::String(s))) => s,
        Some(other) => format!("{other:?}"),
        None => "-".to_owned(),
    }
}

fn form_name(form: NumberForm) -> &'static str {
    match form {
        NumberForm::Digits => "digits",
        NumberForm::Words => "words",
        NumberForm::Collective => "collective",
        NumberForm::Vague => "vague",
        NumberForm::Article => "article",
        NumberForm::Fraction => "fraction",
    }
}

/// True when `got` is `expected` ("-" = None) to 0.05 % (values are
/// written with two decimals at most in the case file).
fn number_matches(expected: &str, got: Option<f64>) -> bool {
    match (expected, got) {
        ("-", None) => true,
        ("-", Some(_)) => false,
        (written, Some(got)) => written
            .parse::<f64>()
            .is_ok_and(|want| (want - got).abs() <= 5e-4 * want.abs().max(1.0)),
        (_, None) => false,
    }
}

/// Checks one line of the case file; `Err` says what went wrong.
fn check(line: &str) -> Result<(), String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let input = fields[0];
    let found = scan_all(input);
    if fields.get(1) == Some(&"none") && fields.len() == 2 {
        if found.is_empty() {
            return Ok(());
        }
        let spans: Vec<&str> = found.iter().map(|q| q.span.slice(input)).collect();
        return Err(format!("expected nothing, found {spans:?}"));
    }
    let [_, span, value, min, max, unit, qualifier, measure, form] = fields[..] else {
        return Err(format!("malformed line ({} fields)", fields.len()));
    };
    let Some(q) = found.iter().find(|q| q.span.slice(input) == span) else {
        let spans: Vec<&str> = found.iter().map(|q| q.span.slice(input)).collect();
        return Err(format!("no quantity spanning {span:?}; found {spans:?}"));
    };
    let got = (
        name(q.unit),
        name(Some(q.qualifier)),
        name(q.measure),
        form_name(q.form),
    );
    let numbers_ok =
        number_matches(value, q.value) && number_matches(min, q.min) && number_matches(max, q.max);
    if !numbers_ok
        || got
            != (
                unit.to_owned(),
                qualifier.to_owned(),
                measure.to_owned(),
                form,
            )
    {
        return Err(format!(
            "{span:?}: got value {:?} min {:?} max {:?} unit {} qualifier {} measure {} form {}",
            q.value, q.min, q.max, got.0, got.1, got.2, got.3
        ));
    }
    if !q.span.contains(q.number) {
        return Err(format!("{span:?}: number span {:?} outside", q.number));
    }
    Ok(())
}

fn cases() -> impl Iterator<Item = &'static str> {
    CASES
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
}

#[test]
fn every_expression_of_the_case_file_reads_as_annotated() {
    let failures: Vec<String> = cases()
        .filter_map(|line| check(line).err().map(|why| format!("{line}\n    -> {why}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases().count(),
        failures.join("\n")
    );
}

#[test]
fn the_case_file_is_large_and_well_formed() {
    assert!(cases().count() >= 200, "only {} cases", cases().count());
    for line in cases() {
        let fields = line.split('\t').count();
        assert!(fields == 2 || fields == 9, "malformed line: {line}");
    }
}

#[test]
fn within_limits_the_scan() {
    let text = "Il y a 7 morts et 12 blessés.";
    let second_half = Span::new(14, text.len());
    let found = scan(text, second_half);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].span.slice(text), "12");
    // Out-of-range and mid-char bounds are clamped, not a panic.
    assert!(
        scan("été 5", Span::new(1, 99))
            .iter()
            .all(|q| q.span.start >= 2)
    );
    assert!(scan("5 ans", Span::new(4, 2)).is_empty());
}

/// Text made of the pieces the reader reacts to, to reach its corners.
fn french_soup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "1",
        "2.428",
        "1 000",
        "3,5",
        "2014",
        "07",
        "14h05",
        "25kg",
        "%",
        "km2",
        "mille",
        "millions",
        "de",
        "d'",
        "un",
        "une",
        "des",
        "dizaines",
        "centaine",
        "plus",
        "moins",
        "au",
        "à",
        "entre",
        "et",
        "vingt",
        "quatre",
        "-",
        "ans",
        "(",
        ")",
        ",",
        ".",
        "mars",
        "le",
        "la",
        "moitié",
        "quelques",
        "plusieurs",
        "heures",
        "âgé",
        "Liwa",
        "é",
        "’",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\n",
        "€",
        "$",
        "/",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

fn check_invariants(text: &str, start: usize, end: usize) -> Result<(), TestCaseError> {
    let within = Span::new(start, end);
    let found = scan(text, within);
    let again = scan(text, within);
    prop_assert_eq!(&found, &again, "not deterministic");
    let mut previous_end = 0;
    for q in &found {
        prop_assert!(q.span.start >= start && q.span.end <= end.min(text.len()));
        prop_assert!(q.span.start < q.span.end);
        prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        prop_assert!(q.span.contains(q.number));
        prop_assert!(q.span.start >= previous_end, "overlapping or unsorted");
        previous_end = q.span.end;
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_string_scans_without_panic(text in any::<String>(), a in 0usize..200, b in 0usize..200) {
        check_invariants(&text, a.min(b), a.max(b))?;
        check_invariants(&text, 0, text.len())?;
    }

    #[test]
    fn french_like_text_keeps_the_invariants(text in french_soup(), a in 0usize..300, b in 0usize..300) {
        check_invariants(&text, 0, text.len())?;
        check_invariants(&text, a.min(b), a.max(b))?;
    }
}
