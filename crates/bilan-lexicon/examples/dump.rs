//! Print the entities of each file as JSONL, in the shape `eval/score.py` reads:
//! `cargo run -p bilan-lexicon --example dump -- FILES… > out.jsonl`
//! An optional `--lexicon FILE` adds a user lexicon file; `--no-embedded`
//! leaves the embedded data out.

use bilan_lexicon::Lexicon;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut builder = Lexicon::builder();
    if let Some(i) = args.iter().position(|a| a == "--no-embedded") {
        args.remove(i);
        builder = builder.embedded(false);
    }
    while let Some(i) = args.iter().position(|a| a == "--lexicon") {
        if i + 1 >= args.len() {
            eprintln!("--lexicon needs a file");
            return ExitCode::FAILURE;
        }
        builder = builder.add_file(args.remove(i + 1));
        args.remove(i);
    }
    let lexicon = match builder.clone().build() {
        Ok(l) => l,
        Err(e) if e.kind() != bilan_lexicon::ErrorKind::Io => {
            eprintln!("lexicon: {e}; skipping malformed lines");
            match builder.lenient().build() {
                Ok(l) => l,
                Err(e) => {
                    eprintln!("lexicon: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
        Err(e) => {
            eprintln!("lexicon: {e}");
            return ExitCode::FAILURE;
        }
    };
    for path in &args {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let found = lexicon.find(&text);
        let entities: Vec<serde_json::Value> = found
            .entities
            .iter()
            .map(|e| {
                let mentions: Vec<serde_json::Value> = e
                    .mentions
                    .iter()
                    .map(|s| serde_json::json!({"start": s.start, "end": s.end, "text": s.slice(&text)}))
                    .collect();
                serde_json::json!({"id": e.id, "kind": e.kind, "name": e.name, "mentions": mentions})
            })
            .collect();
        let doc = std::path::Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let line = serde_json::json!({"doc": doc, "published": null, "title": null, "entities": entities, "claims": []});
        println!("{line}");
    }
    ExitCode::SUCCESS
}
