//! The seed articles of the shared corpus, read at test time from
//! /work/shared/seeds when that directory exists (they are third-party text
//! and not copied into the repository): publication stamps and titles.

use std::path::Path;

const SEEDS: &str = "/work/shared/seeds";

/// (file name prefix, published, first title line)
const EXPECTED: [(&str, Option<&str>, Option<&str>); 5] = [
    (
        "000_",
        Some("2024-04-26T02:19:00+03:00[Asia/Jerusalem]"),
        Some("Hezbollah serre l’étau sur Daesh à Jarajir.. Homs menacée"),
    ),
    (
        "001_",
        Some("2024-11-24T18:25:00+02:00[Asia/Jerusalem]"),
        Some("Qalamoune : En débandade, le Nosra pris en tenaille, entre le Hezbollah et Daesh"),
    ),
    ("002_", None, None),
    (
        "003_",
        Some("2024-03-28T17:02:00+02:00[Asia/Jerusalem]"),
        Some("Syrie : L’armée libère Khanacer de Daesh en moins de 24 heures."),
    ),
    (
        "004_",
        Some("2024-03-28T22:57:00+02:00[Asia/Jerusalem]"),
        Some("Daesh sur le point de perdre Deir Ezzor, et le Nosra d’être délogé de Hama"),
    ),
];

#[test]
fn seeds_published_and_titles() {
    let dir = Path::new(SEEDS);
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("{SEEDS} not found: seed test skipped");
        return;
    };
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for (prefix, published, title) in EXPECTED {
        let name = names
            .iter()
            .find(|n| n.starts_with(prefix))
            .unwrap_or_else(|| panic!("no seed {prefix}*"));
        let bytes = std::fs::read(dir.join(name)).expect("seed readable");
        let text = std::str::from_utf8(&bytes).expect("seed is UTF-8");
        let article = bilan_article::parse_bytes(&bytes).expect("seed parses");
        assert_eq!(
            article.published().map(|z| z.to_string()).as_deref(),
            published,
            "{name}"
        );
        assert_eq!(
            article.title.as_ref().map(|b| b.span.slice(text)),
            title,
            "{name}"
        );
        assert!(
            article.diagnostics.is_empty(),
            "{name}: {:?}",
            article.diagnostics
        );
        if title.is_none() {
            assert!(
                article.headings.is_empty() && article.standfirst.is_none(),
                "{name}"
            );
        }
    }
}
