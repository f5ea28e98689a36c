//! Extract claims and entities from French conflict news.
//!
//! ```text
//! cargo run --release --example extract -- [--format pretty|jsonl] [FILE|DIR|-]...
//! ```
//!
//! With no input, analyses the sample article embedded in this example. A
//! directory means its `*.txt` files, in name order; `-` is standard input.
//! `jsonl` prints one JSON object per document (the format of OUTPUT.md);
//! `pretty` (the default on a terminal) prints a report for reading, with
//! every claim shown in its sentence.
//!
//! Exit status: 0 when every input was analysed, 1 when some input could not
//! be read or is not UTF-8 (the others are still processed), 2 on a usage
//! error.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bilan::{Claim, Document, Pipeline};

/// The sample article shown when no input is given.
const SAMPLE: &str = include_str!("articles/sample.txt");
const SAMPLE_NAME: &str = "sample.txt";

const USAGE: &str = "\
Usage: extract [--format pretty|jsonl] [FILE|DIR|-]...

Extract quantified claims and named entities from French-language conflict
news, each with the byte span of its evidence.

Inputs:
  FILE       a UTF-8 text file (one article)
  DIR        every *.txt file in DIR, in name order
  -          standard input
  (none)     the embedded sample article

Options:
  -f, --format pretty|jsonl   pretty: a report for reading (default on a
                              terminal); jsonl: one JSON object per line
                              (default otherwise)
  -h, --help                  print this help

Exit status: 0 all inputs analysed, 1 some input failed, 2 usage error.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Pretty,
    Jsonl,
}

/// One input to analyse.
#[derive(Debug)]
enum Input {
    Sample,
    Stdin,
    File(PathBuf),
}

struct Options {
    format: Format,
    inputs: Vec<String>,
}

enum Parsed {
    Run(Options),
    Help,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut format = None;
    let mut inputs = Vec::new();
    let mut only_inputs = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if only_inputs || arg == "-" || !arg.starts_with('-') {
            inputs.push(arg);
            continue;
        }
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
            None => (arg.clone(), None),
        };
        match flag.as_str() {
            "--" => only_inputs = true,
            "-h" | "--help" => return Ok(Parsed::Help),
            "-f" | "--format" => {
                let value = match inline_value.or_else(|| args.next()) {
                    Some(v) => v,
                    None => return Err(format!("{flag} needs a value: pretty or jsonl")),
                };
                format = Some(match value.as_str() {
                    "pretty" => Format::Pretty,
                    "jsonl" | "json" => Format::Jsonl,
                    other => return Err(format!("unknown format '{other}': pretty or jsonl")),
                });
            }
            _ => return Err(format!("unknown option '{arg}'")),
        }
    }
    let format = format.unwrap_or(if io::stdout().is_terminal() {
        Format::Pretty
    } else {
        Format::Jsonl
    });
    Ok(Parsed::Run(Options { format, inputs }))
}

/// Expands the command-line inputs into documents to analyse. Directories
/// that cannot be listed are reported and counted as failures.
fn expand(inputs: &[String], failed: &mut bool) -> Vec<Input> {
    if inputs.is_empty() {
        return vec![Input::Sample];
    }
    let mut out = Vec::new();
    for arg in inputs {
        if arg == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            match text_files(&path) {
                Ok(files) if files.is_empty() => {
                    eprintln!("extract: {}: no *.txt files", path.display());
                }
                Ok(files) => out.extend(files.into_iter().map(Input::File)),
                Err(e) => {
                    eprintln!("extract: {}: {e}", path.display());
                    *failed = true;
                }
            }
        } else {
            out.push(Input::File(path));
        }
    }
    out
}

/// The `*.txt` files of `dir`, sorted by name.
fn text_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The document name used in the output: the file's base name, as the
/// evaluation keys documents on it.
fn doc_name(input: &Input) -> String {
    match input {
        Input::Sample => SAMPLE_NAME.to_owned(),
        Input::Stdin => "-".to_owned(),
        Input::File(path) => path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string()),
    }
}

/// The name shown in error messages: the path as given.
fn display_name(input: &Input) -> String {
    match input {
        Input::Sample => format!("{SAMPLE_NAME} (embedded)"),
        Input::Stdin => "<stdin>".to_owned(),
        Input::File(path) => path.display().to_string(),
    }
}

fn read(input: &Input) -> io::Result<Vec<u8>> {
    match input {
        Input::Sample => Ok(SAMPLE.as_bytes().to_vec()),
        Input::Stdin => {
            let mut bytes = Vec::new();
            io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
        Input::File(path) => std::fs::read(path),
    }
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Parsed::Run(options)) => options,
        Ok(Parsed::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("extract: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    let inputs = expand(&options.inputs, &mut failed);
    let pipeline = Pipeline::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for input in &inputs {
        let bytes = match read(input) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("extract: {}: {e}", display_name(input));
                failed = true;
                continue;
            }
        };
        let mut doc = match pipeline.analyze_bytes(&bytes) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!("extract: {}: {e}", display_name(input));
                failed = true;
                continue;
            }
        };
        doc.doc = doc_name(input);
        // analyze_bytes succeeded, so the bytes are UTF-8.
        let text = String::from_utf8_lossy(&bytes);
        let written = match options.format {
            Format::Jsonl => write_jsonl(&mut out, &doc),
            Format::Pretty => write_pretty(&mut out, &doc, &text),
        };
        if let Err(e) = written.and_then(|()| out.flush()) {
            // A closed pipe (`extract | head`) is not worth a message.
            if e.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("extract: writing output: {e}");
                return ExitCode::FAILURE;
            }
            return if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn write_jsonl(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    serde_json::to_writer(&mut *out, doc).map_err(io::Error::other)?;
    writeln!(out)
}

fn write_pretty(out: &mut impl Write, doc: &Document, text: &str) -> io::Result<()> {
    let rule = "═".repeat(72);
    writeln!(out, "{rule}")?;
    writeln!(out, "file:      {}", doc.doc)?;
    match (&doc.published, doc.article.date) {
        (Some(published), _) => writeln!(out, "published: {published}")?,
        (None, Some(day)) => writeln!(out, "published: {day} (no time or zone)")?,
        (None, None) => writeln!(out, "published: (no dateline)")?,
    }
    writeln!(
        out,
        "title:     {}",
        doc.title.as_deref().unwrap_or("(none)")
    )?;
    for diagnostic in &doc.article.diagnostics {
        writeln!(
            out,
            "note:      {} (bytes {}..{})",
            diagnostic.message, diagnostic.span.start, diagnostic.span.end
        )?;
    }

    writeln!(out, "\nclaims ({}):", doc.claims.len())?;
    for (i, claim) in doc.claims.iter().enumerate() {
        writeln!(out, "\n{:>3}. {}", i + 1, headline(claim))?;
        writeln!(out, "     « {} »", one_line(&claim.text))?;
        writeln!(out, "     in: {}", in_context(doc, claim, text))?;
        let mut links = Vec::new();
        for (label, id) in [
            ("actor", &claim.actor),
            ("place", &claim.place),
            ("source", &claim.source),
        ] {
            if let Some(id) = id {
                let name = doc.entity(id).map_or(id.as_str(), |e| e.name.as_str());
                links.push(format!("{label}: {name}"));
            }
        }
        if let Some(date) = claim.date {
            links.push(format!("date: {date}"));
        }
        if !links.is_empty() {
            writeln!(out, "     {}", links.join(" · "))?;
        }
        writeln!(out, "     bytes {}..{}", claim.start, claim.end)?;
    }

    writeln!(out, "\nentities ({}):", doc.entities.len())?;
    for entity in &doc.entities {
        let mut spellings: Vec<&str> = Vec::new();
        for mention in &entity.mentions {
            if !spellings.contains(&mention.text.as_str()) {
                spellings.push(&mention.text);
            }
        }
        writeln!(
            out,
            "  {:<13} {} [{}] ×{}: {}",
            label(&entity.kind),
            entity.name,
            entity.id,
            entity.mentions.len(),
            spellings.join(", ")
        )?;
    }
    writeln!(out)
}

/// "casualties: at least 12 · killed · militants" and the like.
fn headline(claim: &Claim) -> String {
    let mut parts = vec![format!("{}: {}", label(&claim.kind), number(claim))];
    if let Some(outcome) = claim.outcome {
        parts.push(label(&outcome));
    }
    if let Some(victims) = claim.victims {
        parts.push(label(&victims));
    }
    parts.join(" · ")
}

/// The number with its qualifier and unit, e.g. "about 60 km2", "20–99".
fn number(claim: &Claim) -> String {
    let unit = claim
        .unit
        .map(|u| format!(" {}", label(&u)))
        .unwrap_or_default();
    let qualifier = match claim.qualifier {
        bilan::Qualifier::Exact | bilan::Qualifier::Range => String::new(),
        q => format!("{} ", label(&q).replace('_', " ")),
    };
    match (claim.value, claim.min, claim.max) {
        (Some(v), _, _) => format!("{qualifier}{}{unit}", show(v)),
        (None, min, max) => {
            let bound = |b: Option<f64>| b.map_or_else(|| "?".to_owned(), show);
            format!("{qualifier}{}–{}{unit}", bound(min), bound(max))
        }
    }
}

fn show(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The serde name of a vocabulary value (`at_least`, `km2`, `armed_group`).
fn label<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => "?".to_owned(),
    }
}

/// The claim's sentence (or a window around it) with the claim marked » «.
fn in_context(doc: &Document, claim: &Claim, text: &str) -> String {
    const WINDOW: usize = 80;
    let (start, end) = match doc.sentence_of(claim) {
        Some(s) if s.end >= claim.end => (s.start, s.end),
        _ => (
            floor_boundary(text, claim.start.saturating_sub(WINDOW)),
            ceil_boundary(text, claim.end.saturating_add(WINDOW)),
        ),
    };
    let piece = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    format!(
        "{}»{}«{}",
        one_line(piece(start, claim.start)),
        one_line(piece(claim.start, claim.end)),
        one_line(piece(claim.end, end))
    )
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Folds runs of white space (line breaks included) into single spaces.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    // Keep a single edge space where the input had one, so the marks sit
    // next to their words as in the text.
    if s.starts_with(char::is_whitespace) && !out.is_empty() {
        out.insert(0, ' ');
    }
    if s.ends_with(char::is_whitespace) && !out.is_empty() {
        out.push(' ');
    }
    out
}
