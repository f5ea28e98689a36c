//! Which sentences `Extractor::extract` need not read: those whose bytes
//! show that no claim can come from them, told before they are tokenised
//! (most sentences of news hold no figure, and the tokens of a sentence
//! cost some 25 instructions a byte).

use crate::quantity::{self, Cue, LEXICON, Triggers};
use crate::tables::TABLES;
use bilan_article::Span;
use once_cell::sync::Lazy;

/// Whether the sentence `text[span]` may give a claim.
///
/// Invariant: never `false` for a sentence `Extractor::extract` would
/// find a claim in (it may be `true` of one it finds none in).
/// - A sentence with no trigger (no digit, no number word, no article)
///   holds no quantity (`quantity::triggers_in`).
/// - One whose only triggers are the articles "un"/"une" holds only the
///   quantities read from an article. Such a quantity is more than a
///   bare article (a unit, a measure, another number word read with it)
///   only with a unit (a sign: "%", "$", "€"; or words, each a whole
///   token of the sentence), a "derniers", or a cardinal, collective or
///   fraction word in any case and accent ("une MOITIÉ", which is no
///   trigger) right after it. A bare article is a claim only when its
///   reading rests on an `Evidence` (`meaning::Sentence::read`; before
///   it, `sentence_claims` stops early when no outcome can match), and
///   every one is a match of the outcome table on the sentence's own
///   tokens (`cue_before`, `cue_after`, the head noun's cue,
///   `listed_ahead`, `sentence_topic`, or `inherited` from an earlier
///   figure of the same sentence, itself read from one; the casualty of
///   the sentence before names victims only). So such a sentence gives a
///   claim only when one of its tokens, folded, is one of these words
///   (the longest word of each outcome phrase and of each unit), or
///   starts with an outcome stem, or it holds a unit sign: `CountGate`
///   says `true` of every sentence holding one.
pub(crate) fn may_give_claims(text: &str, span: Span) -> bool {
    match quantity::triggers_in(text, span) {
        Triggers::None => false,
        Triggers::Figures => true,
        Triggers::Articles => match (&*COUNT_GATE, text.as_bytes().get(span.start..span.end)) {
            (Some(gate), Some(bytes)) => gate.accepts(bytes),
            _ => true,
        },
    }
}

/// The automaton of `may_give_claims` for the sentences of articles
/// alone; `None` when the words do not fit it (then it is not asked).
pub(crate) static COUNT_GATE: Lazy<Option<CountGate>> = Lazy::new(CountGate::build);

/// An automaton over the bytes of a sentence that accepts when a token of
/// it, folded as the tokeniser folds it (lower case, the accents of
/// Latin-1 dropped, "æ" as "ae"), is one of its words, or starts with one
/// of its stems; or when the sentence holds a sign that starts a unit
/// ("%", "$") or a char it does not know (beyond Latin-1, but the
/// General Punctuation block: "œ", "€", a Greek letter), which it cannot
/// fold.
///
/// States: `BETWEEN` (no word being read), `DEAD` (in a token that none
/// of the words starts like), one per prefix of the words (the letters of
/// a token read from `BETWEEN`), the same after the first byte of a
/// Latin-1 char (0xC3), `SKIP` (the last byte of a char that no letter
/// of the words folds from), `PUNCTUATION` (after 0xE2), and `ACCEPT`. A
/// token starts after no letter: before it the automaton is in `BETWEEN`
/// (or `ACCEPT`), as after any char that is no letter, or whose fold has
/// no ASCII letter (all of 0xC2's and of 0xE2 0x80's, "ß", "ø", "×"):
/// those end the prefixes, and accept after a whole word (the token
/// may have ended there). Its letters then walk the prefixes of its fold,
/// and the char after it accepts. A stem accepts when its last letter is
/// read.
pub(crate) struct CountGate {
    /// The next state at `state << 8 | byte`.
    next: Box<[u16; COUNT_STATES * 256]>,
    /// The states a sentence may end in and be accepted: those of whole
    /// words (and those inside a char, which a `str` never ends in).
    finals: Vec<bool>,
}

/// States of `CountGate` at most.
const COUNT_STATES: usize = 2048;

/// What a byte after 0xC3 (a char of U+00C0..=U+00FF) is to the gate.
#[derive(Clone, Copy)]
enum Latin1 {
    /// A letter folding to these ASCII letters (one or two).
    Letters([u8; 2], usize),
    /// No letter, or one whose fold has no ASCII letter.
    Ends,
}

impl CountGate {
    const BETWEEN: u16 = 0;
    const DEAD: u16 = 1;
    const ACCEPT: u16 = 2;
    const SKIP: u16 = 3;
    const PUNCTUATION: u16 = 4;
    /// The first prefix state.
    const FIRST: usize = 5;

    fn build() -> Option<CountGate> {
        let fold = |word: &str| crate::words::fold(word).into_bytes();
        // (folded word, whether a stem).
        let mut words: Vec<(Vec<u8>, bool)> = TABLES
            .outcomes
            .longest_words()
            .map(|(text, stem)| (text.as_bytes().to_vec(), stem))
            .collect();
        let lexicon = &*LEXICON;
        let mut signs: Vec<u8> = Vec::new();
        for unit in &lexicon.units {
            // The longest run of letters of the phrase: a whole token
            // wherever the phrase matches.
            let runs = unit
                .phrase
                .split(|c: char| !crate::words::is_letter(c))
                .filter(|run| !run.is_empty());
            match runs.rev().max_by_key(|run| run.len()) {
                Some(run) => words.push((fold(run), false)),
                None => match unit.phrase.chars().next()? {
                    c if c.is_ascii() => signs.push(u8::try_from(c).ok()?),
                    // A sign the automaton reads as the end of a word.
                    c if c <= '\u{ff}' || ('\u{2000}'..='\u{203f}').contains(&c) => return None,
                    // Any other char beyond ASCII accepts.
                    _ => {}
                },
            }
        }
        words.extend(
            lexicon
                .cue(Cue::BetweenTime)
                .whole_words()
                .map(|word| (fold(word), false)),
        );
        for (word, &article) in &lexicon.triggers {
            if !article {
                words.push((fold(std::str::from_utf8(word).ok()?), false));
            }
        }
        if words
            .iter()
            .any(|(word, _)| word.is_empty() || !word.iter().all(u8::is_ascii_lowercase))
        {
            return None;
        }
        // The chars U+0080..=U+00BF (0xC2) and U+2000..=U+203F (0xE2
        // 0x80) must fold to no ASCII letter; those of 0xC3 are read.
        let no_ascii = |c: u32| {
            char::from_u32(c)
                .is_some_and(|c| !fold(c.encode_utf8(&mut [0; 4])).iter().any(u8::is_ascii))
        };
        if !(0x80..=0xBF).chain(0x2000..=0x203F).all(no_ascii) {
            return None;
        }
        let mut latin1 = [Latin1::Ends; 64];
        for (k, slot) in latin1.iter_mut().enumerate() {
            let c = char::from_u32(0xC0 + u32::try_from(k).ok()?)?;
            let folded = fold(c.encode_utf8(&mut [0; 4]));
            *slot = match folded.as_slice() {
                [a] if a.is_ascii_lowercase() => Latin1::Letters([*a, 0], 1),
                [a, b] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => {
                    Latin1::Letters([*a, *b], 2)
                }
                bytes if bytes.iter().any(u8::is_ascii) => return None,
                _ => Latin1::Ends,
            };
        }
        // The trie of the words: node 0 is the empty prefix (`BETWEEN`),
        // each other node the prefix of its path; a child index of 0 is
        // none. Node `n` >= 1 is state `FIRST + n - 1`.
        let mut children: Vec<[usize; 26]> = vec![[0; 26]];
        let mut whole = vec![false];
        let mut stem = vec![false];
        for (word, is_stem) in &words {
            let mut node = 0;
            for &b in word {
                let slot = children.get(node)?.get(usize::from(b - b'a'))?;
                node = match *slot {
                    0 => {
                        let child = children.len();
                        children.push([0; 26]);
                        whole.push(false);
                        stem.push(false);
                        *children.get_mut(node)?.get_mut(usize::from(b - b'a'))? = child;
                        child
                    }
                    child => child,
                };
            }
            *if *is_stem {
                stem.get_mut(node)?
            } else {
                whole.get_mut(node)?
            } = true;
        }
        let nodes = children.len() - 1;
        // The regular states: `BETWEEN` (the root), `DEAD`, then the
        // nodes; each with its state after 0xC3.
        let regular = nodes + 2;
        let states = CountGate::FIRST + nodes + regular;
        if states > COUNT_STATES {
            return None;
        }
        let node_of = |r: usize| match r {
            0 => Some(0),
            1 => None,
            _ => Some(r - 1),
        };
        let regular_state = |r: usize| match r {
            0 => CountGate::BETWEEN,
            1 => CountGate::DEAD,
            _ => u16::try_from(CountGate::FIRST + r - 2).unwrap_or(CountGate::ACCEPT),
        };
        let after_c3 =
            |r: usize| u16::try_from(CountGate::FIRST + nodes + r).unwrap_or(CountGate::ACCEPT);
        let is_whole =
            |r: usize| node_of(r).is_some_and(|n| whole.get(n).copied().unwrap_or(false));
        // The state after letter `l` from regular state `r`: `ACCEPT`
        // when a stem is read whole, `DEAD` when no word goes on so.
        let step = |r: usize, l: u8| -> u16 {
            let child = node_of(r)
                .and_then(|n| children.get(n))
                .and_then(|row| row.get(usize::from(l.wrapping_sub(b'a'))))
                .copied()
                .unwrap_or(0);
            match child {
                0 => CountGate::DEAD,
                n if stem.get(n).copied().unwrap_or(false) => CountGate::ACCEPT,
                n => regular_state(n + 1),
            }
        };
        let ends = |r: usize| {
            if is_whole(r) {
                CountGate::ACCEPT
            } else {
                CountGate::BETWEEN
            }
        };
        let mut next: Box<[u16; COUNT_STATES * 256]> = vec![CountGate::ACCEPT; COUNT_STATES * 256]
            .into_boxed_slice()
            .try_into()
            .ok()?;
        // What each byte is, the same from every regular state.
        #[derive(Clone, Copy)]
        enum Byte {
            Letter(u8),
            Accepts,
            Ends,
            LeadC3,
            Lead(u16),
        }
        let mut kinds = [Byte::Accepts; 256];
        for (b, kind) in (0..=255u8).zip(kinds.iter_mut()) {
            *kind = if b.is_ascii_alphabetic() {
                Byte::Letter(b.to_ascii_lowercase())
            } else if signs.contains(&b) {
                Byte::Accepts
            } else if b.is_ascii() {
                Byte::Ends
            } else {
                match b {
                    0xC3 => Byte::LeadC3,
                    0xC2 => Byte::Lead(CountGate::SKIP),
                    0xE2 => Byte::Lead(CountGate::PUNCTUATION),
                    _ => Byte::Accepts,
                }
            };
        }
        for r in 0..regular {
            let state = regular_state(r);
            let end = ends(r);
            let mut by_letter = [CountGate::DEAD; 26];
            for (l, to) in (b'a'..=b'z').zip(by_letter.iter_mut()) {
                *to = step(r, l);
            }
            let base = usize::from(state) << 8;
            let row = next.get_mut(base..base + 256)?;
            for (slot, &kind) in row.iter_mut().zip(kinds.iter()) {
                *slot = match kind {
                    Byte::Letter(l) => *by_letter.get(usize::from(l - b'a'))?,
                    Byte::Accepts => CountGate::ACCEPT,
                    Byte::Ends => end,
                    Byte::LeadC3 => after_c3(r),
                    // A whole word before a char of no ASCII fold.
                    Byte::Lead(_) if end == CountGate::ACCEPT => CountGate::ACCEPT,
                    Byte::Lead(lead) => lead,
                };
            }
            for (k, &kind) in latin1.iter().enumerate() {
                let to = match kind {
                    Latin1::Ends => end,
                    Latin1::Letters(letters, count) => {
                        let mut at = Some(r);
                        let mut to = CountGate::DEAD;
                        for &l in letters.get(..count)? {
                            to = match at {
                                Some(from) => step(from, l),
                                None => CountGate::DEAD,
                            };
                            at = match to {
                                CountGate::ACCEPT | CountGate::DEAD => None,
                                _ => Some(usize::from(to) + 2 - CountGate::FIRST),
                            };
                        }
                        to
                    }
                };
                *next.get_mut(usize::from(after_c3(r)) << 8 | (0x80 + k))? = to;
            }
        }
        for b in 0x80..=0xBFu8 {
            *next.get_mut(usize::from(CountGate::SKIP) << 8 | usize::from(b))? = CountGate::BETWEEN;
        }
        for b in 0x80..=0xBFu8 {
            let to = if b == 0x80 {
                CountGate::SKIP
            } else {
                CountGate::ACCEPT
            };
            *next.get_mut(usize::from(CountGate::PUNCTUATION) << 8 | usize::from(b))? = to;
        }
        let mut finals = vec![true; COUNT_STATES];
        for r in 0..regular {
            *finals.get_mut(usize::from(regular_state(r)))? = is_whole(r);
        }
        Some(CountGate { next, finals })
    }

    /// Whether `bytes` (a `str`'s) hold a token that is one of the words
    /// or starts with one of the stems, or a sign or char that accepts.
    fn accepts(&self, bytes: &[u8]) -> bool {
        // After a space the automaton is in `BETWEEN` (or `ACCEPT`, after
        // a whole word) whatever it read before, and a space after a piece
        // accepts just where the piece's own end would: the pieces of
        // `side_by_side` may be walked so.
        let accept = usize::from(CountGate::ACCEPT);
        let between = usize::from(CountGate::BETWEEN);
        match crate::side_by_side::walk(bytes, between, accept, |state, b| self.step(state, b)) {
            None => true,
            Some(states) => states
                .iter()
                .any(|&state| self.finals.get(state).copied().unwrap_or(true)),
        }
    }

    /// The state after byte `b` from `state`.
    #[inline]
    fn step(&self, state: usize, b: u8) -> usize {
        usize::from(self.next[(state << 8 | usize::from(b)) % (COUNT_STATES * 256)])
    }

    /// `accepts`, walking `bytes` in one piece: what it must say.
    #[cfg(test)]
    fn accepts_in_one_piece(&self, bytes: &[u8]) -> bool {
        let start = usize::from(CountGate::BETWEEN);
        let state = bytes.iter().fold(start, |state, &b| self.step(state, b));
        self.finals.get(state).copied().unwrap_or(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::NumberForm;
    use crate::words::Words;
    use crate::{Claim, Extractor};
    use proptest::prelude::*;

    /// The claims of `text`, read with the gate and without it: they
    /// must be the same. Each sentence the gate skips for holding
    /// articles alone is checked against what the proof says of it: its
    /// quantities are bare articles, and no outcome phrase matches in it.
    /// Returns how many sentences it skipped so.
    fn same_claims(text: &str, entities: &bilan_lexicon::Entities) -> usize {
        let article = bilan_article::parse(text);
        let read = |off: bool| {
            crate::GATE_OFF.with(|gate| gate.set(off));
            let claims: Vec<Claim> = Extractor::new().extract(text, &article, entities);
            crate::GATE_OFF.with(|gate| gate.set(false));
            claims
        };
        assert_eq!(read(false), read(true), "{text:?}");
        let mut skipped = 0;
        let whole = [Span::new(0, text.len())];
        let spans = article.sentences.iter().map(|s| s.span).chain(whole);
        for span in spans.filter(|&s| text.get(s.start..s.end).is_some()) {
            if quantity::triggers_in(text, span) != Triggers::Articles
                || may_give_claims(text, span)
            {
                continue;
            }
            skipped += 1;
            let mut words = Words::default();
            let mut found = Vec::new();
            quantity::scan_into(text, span, &mut words, &mut found);
            for q in &found {
                assert!(
                    q.form == NumberForm::Article && q.measure.is_none(),
                    "{q:?} in {:?}",
                    span.slice(text)
                );
            }
            for i in 0..words.len() {
                assert!(
                    TABLES
                        .outcomes
                        .matches_unchecked(&words, i)
                        .next()
                        .is_none(),
                    "an outcome at {:?} in {:?}",
                    words.norm(i),
                    span.slice(text)
                );
            }
        }
        skipped
    }

    #[test]
    fn the_gate_changes_no_claim_of_the_crate_texts() {
        assert!(COUNT_GATE.is_some(), "the words fit the automaton");
        let lexicon = bilan_lexicon::Lexicon::embedded();
        let mut skipped = 0;
        let mut texts = crate::test_texts();
        texts.extend(
            [
                "Un soldat a été tué. Un autre est à l'hôpital.",
                "Un otage a été LIBÉRÉ. Une femme, blessée, a été évacuée.",
                "Un Œil de verre. Un cœur. Une œuvre. Un \u{212a}elvin. Un ÉTÉ. Un otage \u{212a}IDNAPPÉ.",
                "Une MOITIÉ du village. Un Zéro pointé. Un ZÉRO.",
                "Un an plus tard. Une heure après. Un jour après. Un %.",
                "Une semaine, un mois : un dernier jour. Un $ et un €.",
                "Une attaque a visé un convoi près d'une base.",
                "Un civil a succombé. Un milicien s'est rendu. Un autre s’est rendu.",
                "Parmi les morts figure un enfant. Un photographe a été blessé.",
                "Un enfant de la famille. Un soldat TUÉ. Un soldat tuÉ. Un soldat tue.",
            ]
            .map(str::to_owned),
        );
        for text in &texts {
            skipped += same_claims(text, &lexicon.find(text));
            skipped += same_claims(text, &bilan_lexicon::Entities::default());
        }
        // Not a check of nothing: the gate skips article sentences.
        assert!(skipped > 10, "{skipped}");
    }

    /// Words of sentences for the random texts: articles, outcome words
    /// in all spellings, units, number words, person and other nouns,
    /// verbs, chars the automaton cannot fold, signs and separators.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "un",
            "Un",
            "UN",
            "une",
            "Une",
            "UNE",
            "un",
            "une",
            "l'un",
            "d’une",
            "autre",
            "autres",
            "soldat",
            "civil",
            "enfant",
            "otage",
            "femme",
            "milicien",
            "photographe",
            "convoi",
            "village",
            "famille",
            "a",
            "été",
            "ont",
            "est",
            "sont",
            "s'est",
            "se",
            "tué",
            "tués",
            "TUÉ",
            "Tuée",
            "tue",
            "blessé",
            "Blessés",
            "BLESSÉE",
            "libéré",
            "LIBÉRÉS",
            "exécuté",
            "Exécutés",
            "enlevé",
            "mort",
            "morts",
            "Morts",
            "décédé",
            "rendu",
            "succombé",
            "disparu",
            "victime",
            "victimes",
            "perdu",
            "la",
            "vie",
            "corps",
            "le",
            "de",
            "parmi",
            "les",
            "dont",
            "an",
            "ans",
            "heure",
            "jour",
            "jours",
            "mois",
            "semaine",
            "derniers",
            "dernier",
            "km",
            "kilomètres",
            "KILOMÈTRES",
            "%",
            "$",
            "€",
            "MOITIÉ",
            "Moitié",
            "ZÉRO",
            "Zéro",
            "demi",
            "quart",
            "tiers",
            "deux",
            "7",
            "œuvre",
            "Œil",
            "cœur",
            "ß",
            "ø",
            "æther",
            "Æ",
            "Ωμέγα",
            "×",
            "\u{301}",
            "\u{212a}",
            "\u{212a}idnappé",
            "kidnappé",
            "Ÿ",
            "\u{212b}",
            "İ",
            "à",
            "À",
            "près",
            "Alep",
            ",",
            ".",
            ";",
            "«",
            "»",
            "…",
            "–",
            "-",
            "'",
            "’",
            "(",
            ")",
        ])
    }

    fn joint() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            " ", " ", " ", " ", "", "-", "'", "’", "\u{a0}", "\u{202f}", ", ", ". ", ".\n\n", "é",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn the_gate_changes_no_claim_of_random_texts(
            parts in prop::collection::vec((piece(), joint()), 0..24),
        ) {
            let text: String = parts.iter().flat_map(|(piece, joint)| [*piece, *joint]).collect();
            same_claims(&text, &bilan_lexicon::Entities::default());
        }

        #[test]
        fn the_count_gate_reads_in_pieces_as_in_one(
            parts in prop::collection::vec((piece(), joint()), 0..24),
        ) {
            let text: String = parts.iter().flat_map(|(piece, joint)| [*piece, *joint]).collect();
            let gate = COUNT_GATE.as_ref().expect("the words fit the automaton");
            prop_assert_eq!(gate.accepts(text.as_bytes()), gate.accepts_in_one_piece(text.as_bytes()));
        }
    }

    #[test]
    fn the_gates_read_the_crate_texts_in_pieces_as_in_one() {
        let count = COUNT_GATE.as_ref().expect("the words fit the automaton");
        let triggers = LEXICON.gate.as_ref().expect("the trigger words fit");
        let mut accepted = 0;
        for text in crate::test_texts() {
            let article = bilan_article::parse(&text);
            for sentence in &article.sentences {
                let bytes = text.as_bytes().get(sentence.span.start..sentence.span.end);
                let bytes = bytes.unwrap_or_default();
                assert_eq!(count.accepts(bytes), count.accepts_in_one_piece(bytes));
                assert_eq!(triggers.reads(bytes), triggers.reads_in_one_piece(bytes));
                accepted += usize::from(count.accepts(bytes));
            }
        }
        assert!(accepted > 0);
    }
}
