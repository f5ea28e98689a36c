//! `find` keeps per-word caches per thread from one document to the next:
//! they must never change an answer, whatever was matched before and with
//! whichever lexicon.

use bilan_lexicon::{Entities, Lexicon};

const TEXTS: [&str; 7] = [
    "Les combattants ont repris Arsal, puis le jurd d’Aarsale et enfin Ersal.",
    "Selon l’OSDH, des raids ont visé Idleb et Homs ; Daech a reculé vers Palmyre.",
    "Le Qalamoun occidental, Homs et le village de Kfar Zeita ont été bombardés.",
    // The same capitalised words with and without an exclusion cue after
    // them, in other documents: what is kept of a capitalised word must
    // not carry one document's cues into another.
    "Jerusalem Timing 10:00. Homs Time. Beyrouth, Homs et Jerusalem.",
    "Homs, Jerusalem et Beyrouth ; Jerusalem Time, Beyrouth Timing.",
    // One-word names of the trie, kept by the word as written: a form
    // spelt as listed (`EI`, not `ei`), a lowercase reading a cue allows
    // or vetoes, a word no form allows (`au`).
    "L’EI et l’ei, au sud ; la résistance acharnée, puis la Résistance au Liban. \
     Selon assafir, l’EI recule ; Assafir et la résistance.",
    // Names of several words, kept by their span as written: with and
    // without an exclusion cue, in capitals, at a verb `est`.
    "L’armée syrienne et l’Armée syrienne ; Deir Ezzor Time, puis Deir Ezzor. \
     DEIR EZZOR : Alep est tombée, Alep Est tient ; le Front al-Nosra.",
];

fn test_lexicon() -> Lexicon {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lexicon.tsv");
    Lexicon::builder()
        .embedded(false)
        .add_file(path)
        .build()
        .unwrap_or_else(|e| panic!("test lexicon: {e}"))
}

/// What each lexicon finds in each text on a thread of its own, so with
/// empty caches.
fn fresh(lexicon: &'static Lexicon) -> Vec<Entities> {
    TEXTS
        .iter()
        .map(|text| {
            let text = text.to_string();
            std::thread::spawn(move || lexicon.find(&text))
                .join()
                .expect("thread")
        })
        .collect()
}

#[test]
fn caches_kept_between_documents_and_lexicons_change_nothing() {
    let small: &'static Lexicon = Box::leak(Box::new(test_lexicon()));
    let embedded = Lexicon::embedded();
    let want_small = fresh(small);
    let want_embedded = fresh(embedded);
    // On this thread, alternate lexicons and texts, twice over.
    for _ in 0..2 {
        for (i, text) in TEXTS.iter().enumerate() {
            assert_eq!(embedded.find(text), want_embedded[i], "embedded, text {i}");
            assert_eq!(small.find(text), want_small[i], "test lexicon, text {i}");
        }
        for (i, text) in TEXTS.iter().enumerate().rev() {
            assert_eq!(small.find(text), want_small[i], "test lexicon, text {i}");
            assert_eq!(embedded.find(text), want_embedded[i], "embedded, text {i}");
        }
    }
}

/// The caches grow for a long text (up to 16384 slots from 256 KiB) and
/// the token vectors are kept: neither changes what the next, shorter
/// documents give.
#[test]
fn caches_grown_for_a_long_text_change_nothing() {
    let embedded = Lexicon::embedded();
    let want = fresh(embedded);
    let long = TEXTS
        .join("\n")
        .repeat((300 << 10) / TEXTS.join("\n").len() + 1);
    let long_want = {
        let text = long.clone();
        std::thread::spawn(move || Lexicon::embedded().find(&text))
            .join()
            .expect("thread")
    };
    for (i, text) in TEXTS.iter().enumerate() {
        assert_eq!(embedded.find(text), want[i], "before, text {i}");
    }
    assert_eq!(embedded.find(&long), long_want, "long text");
    for (i, text) in TEXTS.iter().enumerate() {
        assert_eq!(embedded.find(text), want[i], "after, text {i}");
    }
    assert_eq!(embedded.find(&long), long_want, "long text again");
}
