//! The seed articles of the shared corpus: publication stamps and titles.
//!
//! The seeds and their gold annotations are third-party material kept out of
//! the repository; they are read at test time from the `shared/` directory
//! that sits beside the checkout (or from `$BILAN_SHARED`). Without it, the
//! test says so and passes: it checks the user's documents, not our code's
//! own fixtures, which `tests/articles.rs` covers.

use std::path::PathBuf;

fn shared_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("BILAN_SHARED") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    dir.join("gold/seeds.json").is_file().then_some(dir)
}

#[test]
fn seeds_published_and_titles_match_the_gold() {
    let Some(shared) = shared_dir() else {
        eprintln!("shared/ not found beside the checkout: seed test skipped");
        return;
    };
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(shared.join("gold/seeds.json")).expect("gold"))
            .expect("gold is JSON");
    let docs = gold.as_array().expect("gold is a list");
    assert!(!docs.is_empty());
    for doc in docs {
        let name = doc["doc"].as_str().expect("doc name");
        let bytes = std::fs::read(shared.join("seeds").join(name)).expect("seed readable");
        let text = std::str::from_utf8(&bytes).expect("seed is UTF-8");
        let article = bilan_article::parse_bytes(&bytes).expect("seed parses");
        let published = article.published().map(|z| z.to_string());
        assert_eq!(published.as_deref(), doc["published"].as_str(), "{name}");
        let title = article.title.as_ref().map(|b| b.span.slice(text));
        assert_eq!(title, doc["title"].as_str(), "{name}");
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
