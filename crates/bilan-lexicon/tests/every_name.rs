//! Every name and variant of the embedded lexicon, put in a plain French
//! sentence, is found as a mention of its own entity (or of an entity of the
//! same kind sharing that spelling). Catches folding that breaks names and
//! data that shadows itself.

use bilan_lexicon::Lexicon;

#[test]
fn names_are_found_in_a_sentence() {
    let lexicon = Lexicon::embedded();
    let mut tried = 0usize;
    let mut missed = Vec::new();
    for entry in lexicon.entries() {
        for name in std::iter::once(&entry.name).chain(&entry.variants) {
            let starts_upper = name
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric());
            if !starts_upper {
                continue;
            }
            tried += 1;
            let text = format!("Des sources locales affirment que {name} est visé depuis hier.");
            let start = "Des sources locales affirment que ".len();
            let span = bilan_lexicon::Span::new(start, start + name.len());
            let found = lexicon.find(&text);
            let hit = found.mentions.iter().any(|m| {
                m.span.start < span.end
                    && span.start < m.span.end
                    && (m.id == entry.id || m.kind == entry.kind)
            });
            if !hit {
                missed.push(format!("{} `{name}`", entry.id));
            }
        }
    }
    // Ambiguous names (needs_context) may rightly go unmatched without a cue.
    let rate = missed.len() as f64 / tried.max(1) as f64;
    assert!(tried > 100, "too few names tried: {tried}");
    assert!(
        rate < 0.05,
        "{} of {tried} names not found, e.g. {:?}",
        missed.len(),
        &missed[..missed.len().min(40)]
    );
}
