//! Fuzz the article parser: any bytes either fail as invalid UTF-8 at a
//! valid offset or parse into spans on character boundaries of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match bilan_article::parse_bytes(data) {
        Ok(article) => {
            let Ok(text) = std::str::from_utf8(data) else {
                panic!("parsed bytes that are not UTF-8");
            };
            for s in &article.sentences {
                assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
                assert!(s.span.start < s.span.end && s.span.end <= text.len());
            }
            let norm = bilan_article::normalize(text);
            for n in 0..=norm.len() {
                assert!(text.is_char_boundary(norm.to_original(n)));
            }
        }
        Err(bilan_article::Error::InvalidUtf8 { offset }) => {
            assert!(std::str::from_utf8(&data[..offset]).is_ok());
        }
        Err(e) => panic!("unexpected error {e}"),
    }
});
