//! Properties over arbitrary input: no panic, spans on character boundaries
//! inside the input, sentences ordered and disjoint, deterministic output;
//! the normalised view maps back on boundaries and monotonically.

use bilan_article::{Span, normalize, parse, parse_bytes};
use proptest::prelude::*;

/// Text that looks like articles: French letters, punctuation, quotes,
/// digits, line breaks, NBSPs, the BOM, and dateline-like pieces.
fn articleish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "26-04-2024 02:19 AM Jerusalem Timing",
        "Publié le 28/03/2024 à 17h02",
        "31-02-2024 13:70 PM Atlantide",
        "2024-03-28T17:02:00+02:00",
        "jeudi 7 mai 2015",
        "L’armée",
        "a tué",
        "M.",
        "Mme",
        "J.-C.",
        "A.",
        "1.000",
        "2,5",
        "..",
        "…",
        ".",
        "!",
        "?",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "(",
        ")",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\n",
        "\r\n",
        "\n\n",
        "\u{feff}",
        "Œuvre",
        "ÉTÉ",
        "e\u{301}",
        "ß",
        "İ",
        "Ḥama",
        "—",
        "–",
        "é",
        "x",
        "Homs",
        "12",
        ":",
        "Timing",
        "\t",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

const BOM: char = '\u{feff}';

fn on_boundary(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

fn check_article(text: &str) -> Result<(), TestCaseError> {
    let article = parse(text);
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(article.dateline.iter().map(|d| d.span));
    spans.extend(article.title.iter().map(|b| b.span));
    spans.extend(article.title_repeat.iter().map(|b| b.span));
    spans.extend(article.standfirst.iter().map(|b| b.span));
    spans.extend(article.headings.iter().map(|b| b.span));
    spans.extend(article.paragraphs.iter().map(|b| b.span));
    spans.extend(article.sentences.iter().map(|s| s.span));
    spans.extend(article.diagnostics.iter().map(|d| d.span));
    for span in &spans {
        prop_assert!(on_boundary(text, *span), "bad span {span:?}");
        let s = span.slice(text);
        prop_assert_eq!(s, s.trim(), "span {:?} not trimmed", span);
        prop_assert!(!s.starts_with(BOM), "span {span:?} starts with the BOM");
    }
    // Blocks are disjoint, and each sentence lies inside one of them.
    let mut blocks: Vec<Span> = Vec::new();
    blocks.extend(article.title.iter().map(|b| b.span));
    blocks.extend(article.title_repeat.iter().map(|b| b.span));
    blocks.extend(article.standfirst.iter().map(|b| b.span));
    blocks.extend(article.headings.iter().map(|b| b.span));
    blocks.extend(article.paragraphs.iter().map(|b| b.span));
    blocks.sort();
    for pair in blocks.windows(2) {
        prop_assert!(pair[0].end <= pair[1].start, "blocks overlap: {pair:?}");
    }
    if let Some(d) = &article.dateline {
        prop_assert!(
            blocks
                .iter()
                .all(|b| b.end <= d.span.start || d.span.end <= b.start)
        );
    }
    for s in &article.sentences {
        prop_assert!(
            blocks.iter().any(|b| b.contains(s.span)),
            "sentence {s:?} outside blocks"
        );
    }
    for pair in article.sentences.windows(2) {
        prop_assert!(pair[0].span.end <= pair[1].span.start, "sentences {pair:?}");
    }
    for s in &article.sentences {
        prop_assert!(!s.span.is_empty());
        prop_assert_eq!(article.sentence_at(s.span.start), Some(s));
    }
    prop_assert_eq!(parse(text), article);
    Ok(())
}

fn check_normalized(text: &str) -> Result<(), TestCaseError> {
    let norm = normalize(text);
    let mut previous = 0;
    for n in 0..=norm.len() {
        let orig = norm.to_original(n);
        prop_assert!(orig <= text.len() && text.is_char_boundary(orig));
        prop_assert!(orig >= previous, "map not monotonic at {n}");
        previous = orig;
    }
    prop_assert_eq!(norm.to_original(norm.len()), text.len());
    for (start, c) in norm.as_str().char_indices() {
        let span = norm.span_to_original(start, start + c.len_utf8());
        prop_assert!(on_boundary(text, span), "{span:?}");
        prop_assert!(!span.is_empty(), "empty original for {c:?}");
    }
    Ok(())
}

proptest! {
    // More cases than the default 256: parsing a short string is cheap and
    // the article-like strategy needs many draws to hit header shapes.
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_string_parses(text in any::<String>()) {
        check_article(&text)?;
    }

    #[test]
    fn articleish_text_parses(text in articleish()) {
        check_article(&text)?;
    }

    #[test]
    fn any_bytes_parse_or_report_the_offset(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        match parse_bytes(&bytes) {
            Ok(_) => prop_assert!(std::str::from_utf8(&bytes).is_ok()),
            Err(bilan_article::Error::InvalidUtf8 { offset }) => {
                prop_assert!(std::str::from_utf8(&bytes[..offset]).is_ok());
                prop_assert!(std::str::from_utf8(&bytes).is_err());
            }
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn normalize_maps_back(text in any::<String>()) {
        check_normalized(&text)?;
    }

    #[test]
    fn normalize_maps_back_articleish(text in articleish()) {
        check_normalized(&text)?;
    }
}
