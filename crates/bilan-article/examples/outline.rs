//! Print how bilan-article reads the files given on the command line: one
//! line per block or sentence, for eyeballing the parser on real articles.
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let article = bilan_article::parse(&text);
        println!("=== {path}");
        if let Some(d) = &article.dateline {
            println!(
                "dateline {} {:?} {:?}",
                d.date,
                d.time,
                d.zoned.as_ref().map(|z| z.to_string())
            );
        }
        for d in &article.diagnostics {
            println!("diagnostic {:?}: {}", d.kind, d.message);
        }
        for s in &article.sentences {
            println!("{:?}\t{}", s.kind, s.span.slice(&text));
        }
    }
    status
}
