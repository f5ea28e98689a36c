//! Fuzz the French number reader on any UTF-8 text: no panic, quantities
//! sorted, non-overlapping and on character boundaries, bounds consistent.
#![no_main]

use bilan_article::Span;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last_end = 0;
    for q in bilan_claims::quantity::scan(text, Span::new(0, text.len())) {
        assert!(q.span.start >= last_end && q.span.start < q.span.end);
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(q.span.contains(q.number));
        if let (Some(min), Some(max)) = (q.min, q.max) {
            assert!(min <= max);
        }
        last_end = q.span.end;
    }
});
