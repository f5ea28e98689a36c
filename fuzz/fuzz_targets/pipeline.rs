//! Fuzz the whole pipeline from raw bytes: no panic, and every entity
//! mention and claim points at exactly the text it quotes, on character
//! boundaries, with claim spans no longer than 200 bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use once_cell::sync::Lazy;

static PIPELINE: Lazy<bilan::Pipeline> = Lazy::new(bilan::Pipeline::new);

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = PIPELINE.analyze_bytes(data) else {
        // Only invalid UTF-8 (or an input over the size limit) is refused.
        assert!(std::str::from_utf8(data).is_err() || data.len() > 64 << 20);
        return;
    };
    let text = std::str::from_utf8(data).expect("accepted input is UTF-8");
    for entity in &doc.entities {
        for m in &entity.mentions {
            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
    for claim in &doc.claims {
        assert_eq!(text.get(claim.start..claim.end), Some(claim.text.as_str()));
        assert!(claim.end - claim.start <= 200);
    }
});
