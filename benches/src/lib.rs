//! The corpus shared by bilan's benchmarks: the sample articles of
//! `examples/articles/`, written for this project, repeated to a fixed size so
//! that throughput figures are comparable across benches.
//!
//! To time the extractors on your own articles, point `BILAN_BENCH_CORPUS`
//! at a directory (its `.txt` files, not those of its subdirectories) or at
//! one `.txt` file; every bench then reads those instead:
//!
//! ```text
//! BILAN_BENCH_CORPUS=~/corpus/orient-le-jour cargo bench -p bilan-bench --bench claims
//! ```

use std::path::{Path, PathBuf};

/// The variable naming a directory (or file) of articles to bench on
/// instead of the sample articles.
pub const CORPUS_VAR: &str = "BILAN_BENCH_CORPUS";

/// Directory of the sample articles.
pub fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/articles")
}

/// Where the benches read their articles: `BILAN_BENCH_CORPUS` when it is
/// set and not empty, else [`articles_dir`].
pub fn corpus_path() -> PathBuf {
    match std::env::var_os(CORPUS_VAR) {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => articles_dir(),
    }
}

/// Every article of [`corpus_path`] (its `.txt` files, or the file itself),
/// as `(file name, text)`, sorted by name. Files that are not UTF-8 are
/// skipped with a note on stderr.
pub fn articles() -> Vec<(String, String)> {
    articles_in(&corpus_path())
}

/// The `.txt` articles of `path` (a directory, or one file), sorted by name.
pub fn articles_in(path: &Path) -> Vec<(String, String)> {
    let files: Vec<PathBuf> = if path.is_file() {
        vec![path.to_path_buf()]
    } else {
        std::fs::read_dir(path)
            .map(|dir| {
                dir.flatten()
                    .map(|entry| entry.path())
                    .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for file in files {
        match std::fs::read_to_string(&file) {
            Ok(text) => {
                let name = file
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                out.push((name, text));
            }
            Err(e) => eprintln!("bilan-bench: skipping {}: {e}", file.display()),
        }
    }
    out.sort();
    out
}

/// The sample articles concatenated (blank line between them) and repeated
/// until the corpus is at least `min_bytes` long.
pub fn corpus(min_bytes: usize) -> String {
    let articles = articles();
    announce(&articles);
    assert!(
        !articles.is_empty(),
        "no .txt articles in {} (set {CORPUS_VAR} to a directory of articles)",
        corpus_path().display()
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

/// Says on stderr which articles a bench reads: criterion's figures mean
/// little without it.
pub fn announce(articles: &[(String, String)]) {
    let bytes: usize = articles.iter().map(|(_, text)| text.len()).sum();
    eprintln!(
        "bilan-bench: {} article(s), {bytes} bytes, from {}",
        articles.len(),
        corpus_path().display()
    );
}
