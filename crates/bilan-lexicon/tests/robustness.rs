//! Any input is matched without panic; spans are sorted, non-overlapping, on
//! char boundaries, and the result is deterministic.

use bilan_lexicon::{Entities, Lexicon};
use proptest::prelude::*;

fn check(text: &str, found: &Entities) {
    let mut last_end = 0;
    for m in &found.mentions {
        assert!(m.span.start < m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(
            m.span.start >= last_end,
            "overlap or unsorted at {}",
            m.span.start
        );
        last_end = m.span.end;
        assert!(
            found
                .get(&m.id)
                .is_some_and(|e| e.mentions.contains(&m.span) && e.kind == m.kind)
        );
    }
    let total: usize = found.entities.iter().map(|e| e.mentions.len()).sum();
    assert_eq!(total, found.mentions.len());
    // One entity per id, in order of first mention.
    let ids: std::collections::HashSet<&str> =
        found.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), found.entities.len());
    let firsts: Vec<usize> = found
        .entities
        .iter()
        .map(|e| e.mentions.first().map_or(usize::MAX, |s| s.start))
        .collect();
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
}

fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Aarsale",
        "al-",
        "Al ",
        "d’",
        "l'",
        "Abou ",
        "village de ",
        "Jabal ",
        " ",
        "-",
        "’",
        "\n",
        ".",
        "«",
        "EI",
        "Hezbollah",
        "résistance",
        "selon ",
        "Qalamoun",
        "é",
        "ß",
        "İ",
        "ﷺ",
        "\u{0}",
        "\u{202f}",
        "مرحبا",
        "ΑΒΓ",
        "alMaliki",
        "Assafir",
        "ee",
        "yy",
        "Khanacer",
        "M. ",
        "1",
        "Kfar ",
        "Mohammad ",
        "Sayyed ",
        "mont ",
        " et ",
        "a ajouté ",
        "Tal ",
        "Hussein ",
        "Assad",
        "banlieue d’",
        "Timing",
        "Al Mayadeen",
        "télévision ",
        "connu sous le nom d’",
        "SIPA",
        "Daech",
        ",",
        "Abou Malek al-Talli",
        "Talli",
        // Bare institution names, resolved by the document's places.
        "le ministère de la Santé",
        "ministère libanais de la Santé",
        "commandement de l'armée",
        "l'armée libanaise",
        "Tyr",
        "Homs",
        "Saïda",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn any_string_is_safe(text in any::<String>()) {
        let lexicon = Lexicon::embedded();
        let found = lexicon.find(&text);
        check(&text, &found);
        prop_assert_eq!(found, lexicon.find(&text));
    }

    #[test]
    fn name_like_strings_are_safe(text in tricky()) {
        let lexicon = Lexicon::embedded();
        let found = lexicon.find(&text);
        check(&text, &found);
        prop_assert_eq!(found, lexicon.find(&text));
    }
}

#[test]
fn pathological_inputs() {
    let lexicon = Lexicon::embedded();
    for text in [
        "A".repeat(1 << 20),
        "Aarsal".repeat(50_000),
        "al-".repeat(100_000),
        "Abou ".repeat(100_000),
        "village de ".repeat(50_000),
        "é’".repeat(100_000),
        String::new(),
    ] {
        check(&text, &lexicon.find(&text));
    }
}
