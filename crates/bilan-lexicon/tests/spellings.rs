//! Transliteration folding, pair by pair from `tests/data/spellings.tsv`:
//! each listed spelling is the only name of a one-entity lexicon, and the
//! written spelling must (or must not) be found as that entity.

use bilan_lexicon::Lexicon;

const HEADER: &str =
    "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags";

#[test]
fn spellings_meet_or_stay_apart() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in include_str!("data/spellings.tsv").lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        count += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let [relation, listed, written] = cols[..] else {
            panic!("spellings.tsv:{}: 3 columns", n + 1)
        };
        let data = format!("{HEADER}\nplace:x\tplace\t{listed}\t\t\t\t\t\t\t\t\t\n");
        let lexicon = Lexicon::builder()
            .embedded(false)
            .add_str("x.tsv", data)
            .build()
            .expect("loads");
        let text = format!("Les combats ont repris à {written} hier soir.");
        let found = lexicon.find(&text);
        let hit = found.mentions.iter().any(|m| {
            m.id == "place:x"
                && m.span
                    .slice(&text)
                    .contains(written.trim_start_matches("Al "))
        });
        let want = relation == "same";
        if hit != want {
            failures.push(format!(
                "spellings.tsv:{}: {relation} `{listed}` / `{written}`",
                n + 1
            ));
        }
    }
    assert!(count >= 30, "the spelling file lost its pairs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
