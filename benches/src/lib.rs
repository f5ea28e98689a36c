//! The corpus shared by bilan's benchmarks: the sample articles of
//! `examples/articles/`, written for this project, repeated to a fixed size so
//! that throughput figures are comparable across benches.

use std::path::PathBuf;

/// Directory of the sample articles.
pub fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/articles")
}

/// Every sample article, as `(file name, text)`, sorted by name.
pub fn articles() -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Ok(dir) = std::fs::read_dir(articles_dir()) {
        for entry in dir.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "txt")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                out.push((name, text));
            }
        }
    }
    out.sort();
    out
}

/// The sample articles concatenated (blank line between them) and repeated
/// until the corpus is at least `min_bytes` long.
pub fn corpus(min_bytes: usize) -> String {
    let articles = articles();
    assert!(
        !articles.is_empty(),
        "no sample articles in {}",
        articles_dir().display()
    );
    let mut out = String::with_capacity(min_bytes + 16 * 1024);
    while out.len() < min_bytes {
        for (_, text) in &articles {
            out.push_str(text);
            out.push_str("\n\n");
        }
    }
    out
}
