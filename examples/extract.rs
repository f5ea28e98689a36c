//! Run the bilan pipeline over files and print claims.
fn main() {
    let p = bilan::Pipeline::new();
    for arg in std::env::args().skip(1) {
        if let Ok(text) = std::fs::read_to_string(&arg) {
            let _ = p.analyze(&text);
        }
    }
}
