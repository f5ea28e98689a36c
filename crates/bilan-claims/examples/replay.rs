//! Replays the claim extractor on frozen inputs, to check that a change of
//! this crate leaves its output as it was and to profile it.
//!
//! ```text
//! replay freeze OUT.json FILE...   parse and find entities now, save them
//! replay run IN.json [REPEAT]      extract claims from the saved inputs
//! replay time IN.json [REPEAT]     the fastest and the median of REPEAT passes, in MiB/s
//! ```
//!
//! `freeze` keeps each text with its article and entities, so that `run`
//! gives the same claims whatever other crates become; `run` prints one JSON
//! line of claims per text (the last repetition only).

use bilan_article::Article;
use bilan_lexicon::Entities;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Frozen {
    name: String,
    text: String,
    article: Article,
    entities: Entities,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("freeze") => {
            let out = args.get(1).ok_or("freeze OUT.json FILE...")?;
            let lexicon = bilan_lexicon::Lexicon::embedded();
            let mut frozen = Vec::new();
            for path in args.iter().skip(2) {
                let text = std::fs::read_to_string(path)?;
                let article = bilan_article::parse(&text);
                let entities = lexicon.find(&text);
                frozen.push(Frozen {
                    name: path.clone(),
                    text,
                    article,
                    entities,
                });
            }
            std::fs::write(out, serde_json::to_string(&frozen)?)?;
        }
        Some("run") => {
            let input = args.get(1).ok_or("run IN.json [REPEAT]")?;
            let repeat: usize = args.get(2).map_or(Ok(1), |r| r.parse())?;
            let frozen: Vec<Frozen> = serde_json::from_str(&std::fs::read_to_string(input)?)?;
            let extractor = bilan_claims::Extractor::new();
            // Build the scanner's tables before any timing or profiling.
            let _ = bilan_claims::quantity::scan("un", bilan_article::Span::new(0, 2));
            // The embedded lexicon too (`extract` reads place types in it),
            // built by `find` in a pipeline.
            let _ = bilan_lexicon::Lexicon::embedded();
            for round in 0..repeat {
                for f in &frozen {
                    let claims = extractor.extract(&f.text, &f.article, &f.entities);
                    if round + 1 == repeat {
                        println!("{} {}", f.name, serde_json::to_string(&claims)?);
                    }
                }
            }
        }
        Some("time") => {
            // The fastest and the median of REPEAT passes over all the
            // saved texts: on a shared machine the minimum is the figure
            // least disturbed by other work, the median the usual one
            // (criterion's mean is the one reported).
            let input = args.get(1).ok_or("time IN.json [REPEAT]")?;
            let repeat: usize = args.get(2).map_or(Ok(20), |r| r.parse())?;
            let frozen: Vec<Frozen> = serde_json::from_str(&std::fs::read_to_string(input)?)?;
            let extractor = bilan_claims::Extractor::new();
            let _ = bilan_lexicon::Lexicon::embedded();
            let bytes: usize = frozen.iter().map(|f| f.text.len()).sum();
            let mut passes = Vec::with_capacity(repeat.max(1));
            for _ in 0..repeat.max(1) {
                let started = std::time::Instant::now();
                for f in &frozen {
                    std::hint::black_box(extractor.extract(&f.text, &f.article, &f.entities));
                }
                passes.push(started.elapsed().as_secs_f64());
            }
            passes.sort_by(f64::total_cmp);
            let best = passes.first().copied().unwrap_or_default();
            let median = passes.get(passes.len() / 2).copied().unwrap_or_default();
            let mib = bytes as f64 / (1024.0 * 1024.0);
            println!(
                "{bytes} bytes, best of {repeat}: {:.3} ms, {:.1} MiB/s; median {:.3} ms, {:.1} MiB/s",
                best * 1e3,
                mib / best,
                median * 1e3,
                mib / median
            );
        }
        _ => {
            return Err(
                "usage: replay freeze OUT.json FILE... | replay run IN.json [REPEAT] | replay time IN.json [REPEAT]".into(),
            );
        }
    }
    Ok(())
}
