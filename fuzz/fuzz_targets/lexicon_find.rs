//! Fuzz the entity matcher on any UTF-8 text: no panic, mentions sorted,
//! non-overlapping, on character boundaries, each linked to an entity.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let found = bilan_lexicon::Lexicon::embedded().find(text);
    let mut last_end = 0;
    for m in &found.mentions {
        assert!(m.span.start >= last_end && m.span.start < m.span.end);
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert!(m.span.end <= text.len());
        assert!(found.get(&m.id).is_some());
        last_end = m.span.end;
    }
});
