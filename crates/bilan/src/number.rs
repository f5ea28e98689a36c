//! Serde for the numbers of a claim: whole numbers are written as JSON
//! integers (`7`, not `7.0`), as OUTPUT.md asks, so that the JSON reads like
//! the text it came from.

use serde::{Deserialize, Deserializer, Serializer};

/// Largest magnitude below which every whole `f64` is exactly an `i64`.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0; // 2^53

pub(crate) fn serialize<S: Serializer>(value: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *value {
        Some(x) if x.fract() == 0.0 && x.abs() < EXACT_INTEGER_LIMIT => {
            // Exact: |x| < 2^53 and whole, so the cast loses nothing.
            s.serialize_some(&(x as i64))
        }
        Some(x) => s.serialize_some(&x),
        None => s.serialize_none(),
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    // serde's f64 accepts JSON integers as well as floats.
    Option::<f64>::deserialize(d)
}
