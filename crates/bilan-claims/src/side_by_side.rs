//! Byte automata walked over a sentence in a few pieces at once.
//!
//! An automaton walked byte by byte is a chain of dependent table
//! lookups, one a byte, each waiting on the last, which the processor
//! cannot overlap (the trigger gate so walked took 0.81 ms over the 1 MiB
//! bench corpus, 0.37 ms in pieces). The gates' automata are between
//! words after any space, whatever they read before it, so a sentence
//! cut after spaces can be walked in pieces side by side, each from the
//! state between words: four chains of lookups that overlap, over a
//! quarter of the bytes each. The walk stays linear: at most four steps
//! a byte (when one piece holds most of the bytes), and eight more.

/// How many pieces are walked side by side (four measured fastest on
/// the gates: eight left the pieces of a sentence too short).
const PIECES: usize = 4;

/// The states the automaton `step` is in after each of `PIECES` pieces
/// of `bytes`, each walked from `start`; `None` as soon as one reaches
/// `accept`, which no byte leaves.
///
/// The pieces are cut after spaces, and the shorter ones walked on over
/// spaces to the length of the longest. So the automaton must be in
/// `start` (or `accept`) after a space whatever it read before, and a
/// space read after a piece must change nothing its caller reads of the
/// piece's state.
pub(crate) fn walk(
    bytes: &[u8],
    start: usize,
    accept: usize,
    step: impl Fn(usize, u8) -> usize,
) -> Option<[usize; PIECES]> {
    let pieces = cut_after_spaces(bytes);
    let mut states = [start; PIECES];
    let longest = pieces.iter().map(|p| p.len()).max().unwrap_or(0);
    let mut at = 0;
    while at < longest {
        for j in at..at + 8 {
            for (state, piece) in states.iter_mut().zip(&pieces) {
                *state = step(*state, piece.get(j).copied().unwrap_or(b' '));
            }
        }
        if states.contains(&accept) {
            return None;
        }
        at += 8;
    }
    Some(states)
}

/// `bytes` in `PIECES` pieces of about the same length, each ending
/// with a space but where no space is left to cut after (the pieces
/// after it are then empty).
fn cut_after_spaces(bytes: &[u8]) -> [&[u8]; PIECES] {
    let mut pieces: [&[u8]; PIECES] = [&[]; PIECES];
    let mut rest = bytes;
    for (k, piece) in pieces.iter_mut().enumerate() {
        let left = PIECES - k;
        let cut = if left == 1 {
            rest.len()
        } else {
            let from = rest.len() / left;
            rest.get(from..)
                .and_then(|tail| tail.iter().position(|&b| b == b' '))
                .map_or(rest.len(), |at| from + at + 1)
        };
        let (head, tail) = rest.split_at(cut.min(rest.len()));
        *piece = head;
        rest = tail;
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_pieces_are_the_bytes_cut_after_spaces(text in "[a b\u{e9}]{0,80}") {
            let bytes = text.as_bytes();
            let pieces = cut_after_spaces(bytes);
            prop_assert_eq!(pieces.concat(), bytes.to_vec());
            // Each ends with a space, or no bytes are left after it.
            for (k, piece) in pieces.iter().enumerate() {
                let rest_empty = pieces.get(k + 1..).unwrap_or_default().iter().all(|p| p.is_empty());
                prop_assert!(piece.last() == Some(&b' ') || rest_empty, "{:?}", pieces);
            }
        }
    }
}
