//! Places named again by a common noun: "Seule la ville de Douma résiste
//! encore. Jusqu'à 40.000 civils pourraient quitter la ville" — the
//! figure's place is Douma, though its sentence names none.
//!
//! The phrases (`data/meaning/place_anaphors.tsv`: "la ville", "ce
//! village"…) are found in one pass over the text: an Aho-Corasick
//! automaton of their nouns, built once, then the determiner before each
//! noun, in any case. A phrase that names a place itself ("la ville de
//! X", "la ville syrienne de X", "la ville X"), or stands in a sentence
//! that names a place, is none. Each other one stands for the place most
//! often named within [`REACH`] bytes before it (the town the article is
//! about; the latest of those on a tie) whose type in the embedded
//! lexicon is one its phrase allows ("la ville": a city or a town, not a
//! country or a governorate); a place recognised from context (a
//! document-local id) has no type and is taken. The phrase then counts,
//! for the claims only, as a mention of that place: it is not an entity
//! mention (ANNOTATION.md: common nouns are not mentions), and the
//! entities the lexicon found are unchanged.
//!
//! The clitic "y" ("30 soldats y ont été tués") is found in the same pass
//! and stands for the first place of the sentence before (`clitic_at`).
//!
//! Places the user adds at run time have no type in the embedded lexicon
//! and are not named again this way.

use aho_corasick::{AhoCorasick, MatchKind};
use bilan_article::Span;
use bilan_lexicon::{EntityKind, Mention};
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::quantity::WordHasher;

/// The embedded phrases and the place types each may stand for.
const PHRASES: &str = include_str!("../data/meaning/place_anaphors.tsv");

/// How far back (in bytes, a few paragraphs) the place a phrase names
/// again may be named.
const REACH: usize = 2_000;

/// How many of the place names within reach are weighed, at most.
const CANDIDATES: usize = 32;

/// An automaton of the phrases' nouns (case-sensitive: a capitalised
/// "Ville" starts a name; a handful of patterns, which its SIMD prefilter
/// skips most bytes for) and, by noun, the determiners that may lead it
/// with the place types each phrase allows.
struct Anaphors {
    automaton: AhoCorasick,
    /// By noun pattern: (determiner, allowed types).
    phrases: Vec<Vec<(String, Vec<String>)>>,
    /// The pattern of the clitic "y " (`clitic_at`), after the nouns: the
    /// same pass over the text finds both.
    clitic: usize,
}

static ANAPHORS: Lazy<Option<Anaphors>> = Lazy::new(|| parse(PHRASES).ok());

/// Builds the phrases' automaton now (`Extractor::new`), not on the first
/// text.
pub(crate) fn prepare() {
    Lazy::force(&ANAPHORS);
}

/// Reads `phrase <TAB> type,type…` lines (`#` comments, blank lines).
///
/// # Errors
/// The line number and what is wrong with it: no tab, an empty phrase or
/// type list; or the automaton's error.
fn parse(data: &str) -> Result<Anaphors, String> {
    let mut nouns: Vec<String> = Vec::new();
    let mut phrases: Vec<Vec<(String, Vec<String>)>> = Vec::new();
    for (index, line) in data.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let number = index + 1;
        let (phrase, listed) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {number}: no tab between phrase and types"))?;
        let listed: Vec<String> = listed
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        if phrase.trim().is_empty() || listed.is_empty() {
            return Err(format!("line {number}: empty phrase or type list"));
        }
        let (determiner, noun) = phrase
            .trim()
            .split_once(' ')
            .ok_or_else(|| format!("line {number}: a phrase is a determiner and a noun"))?;
        let index = match nouns.iter().position(|n| n == noun) {
            Some(index) => index,
            None => {
                nouns.push(noun.to_string());
                phrases.push(Vec::new());
                nouns.len() - 1
            }
        };
        if let Some(list) = phrases.get_mut(index) {
            list.push((determiner.to_lowercase(), listed));
        }
    }
    // The clitic last ("y " overlaps no noun): one pass finds both (a
    // plain substring search for it alone cost 9 instructions a byte).
    let clitic = nouns.len();
    nouns.push("y ".to_string());
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&nouns)
        .map_err(|e| e.to_string())?;
    Ok(Anaphors {
        automaton,
        phrases,
        clitic,
    })
}

/// The mentions of places named again by a common noun or by the clitic
/// "y" in `text` (`clitic_at`), in text order, each with the id of the
/// place it stands for. `sentences` are the spans the extractor reads, in
/// text order; `mentions` are the lexicon's, sorted by start as
/// [`bilan_lexicon::Entities`] keeps them.
pub(crate) fn place_anaphors<'m>(
    text: &str,
    sentences: &[Span],
    mentions: &'m [Mention],
) -> Vec<Mention> {
    let mut found = Vec::new();
    let Some(anaphors) = &*ANAPHORS else {
        return found;
    };
    let mut candidates: Vec<&Mention> = Vec::new();
    // The clitic's antecedent found for the last sentence asked about.
    let mut known = None;
    // The lexicon type of each place weighed, by id: a document names its
    // few places again and again, and the lexicon's map hashes the id with
    // SipHash (some 280 instructions a lookup, against some 100 here).
    let mut known_types: HashMap<&'m str, Option<&'static str>, BuildHasherDefault<WordHasher>> =
        HashMap::default();
    for hit in anaphors.automaton.find_iter(text) {
        if hit.pattern().as_usize() == anaphors.clitic {
            found.extend(clitic_at(
                text,
                hit.start(),
                sentences,
                mentions,
                &mut known,
            ));
            continue;
        }
        let (noun_start, end) = (hit.start(), hit.end());
        // The determiner before the noun, in any case ("La ville", "CE
        // village"), and a space between.
        let Some((start, types)) = anaphors
            .phrases
            .get(hit.pattern().as_usize())
            .into_iter()
            .flatten()
            .find_map(|(determiner, types)| {
                let start = noun_start.checked_sub(determiner.len() + 1)?;
                let written = text.get(start..noun_start - 1)?;
                (written.eq_ignore_ascii_case(determiner)
                    && text.as_bytes().get(noun_start - 1) == Some(&b' '))
                .then_some((start, types))
            })
        else {
            continue;
        };
        let letter_before = text
            .get(..start)
            .and_then(|before| before.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        let letter_after = text
            .get(end..)
            .and_then(|after| after.chars().next())
            .is_some_and(char::is_alphanumeric);
        if letter_before || letter_after || names_itself(text, end) {
            continue;
        }
        // A sentence that names a place speaks of that one ("…ont fui
        // Mossoul-Ouest; dans la ville, …"; "Dans la ville, un obus tombé
        // sur le quartier de X…"): the phrase is a fallback.
        let sentence = sentence_at(sentences, start).map_or(Span::new(start, end), |(_, s)| s);
        // "Située à 45 km au sud-est de Deir ez-Zor, la ville était…":
        // the places of an opening clause that situates the phrase are
        // reference points, not what the sentence speaks of.
        let situated = text
            .get(sentence.start..start)
            .is_some_and(situating_opening);
        if mentions_in(mentions, sentence).any(|m| {
            (m.kind == EntityKind::Place && !(situated && m.span.end <= start))
                || (m.span.start < end && m.span.end > start)
        }) {
            continue;
        }
        let mut allowed = |m: &'m Mention| {
            m.id.as_str().starts_with("local:")
                || known_types
                    .entry(m.id.as_str())
                    .or_insert_with(|| crate::lexicon_type(m))
                    .is_some_and(|t| types.iter().any(|allowed| allowed == t))
        };
        // The place of the kind most often named within reach (the town
        // the article is about), the latest of those on a tie. At most
        // `CANDIDATES` names are weighed: the work per phrase is bounded.
        let before = mentions
            .get(..mentions.partition_point(|m| m.span.start < start))
            .unwrap_or_default();
        candidates.clear();
        candidates.extend(
            before
                .iter()
                .rev()
                .take_while(|m| m.span.end + REACH >= start)
                .filter(|m| m.kind == EntityKind::Place && m.span.end <= start)
                // (Not a reference point of the situating clause, there
                // or named before.)
                .filter(|m| {
                    !(situated
                        && mentions_in(mentions, Span::new(sentence.start, start))
                            .any(|r| r.id == m.id))
                })
                .filter(|&m| allowed(m))
                .take(CANDIDATES),
        );
        let antecedent = candidates
            .iter()
            .enumerate()
            .max_by_key(|&(rank, m)| {
                let named = candidates.iter().filter(|other| other.id == m.id).count();
                (named, std::cmp::Reverse(rank))
            })
            .map(|(_, m)| *m);
        if let Some(place) = antecedent {
            found.push(Mention {
                span: Span::new(start, end),
                id: place.id.clone(),
                kind: EntityKind::Place,
            });
        }
    }
    found
}

/// Whether `opening`, the text of a sentence before a phrase, is a clause
/// that situates it: "Située à une cinquantaine de kilomètres de Bagdad, "
/// (a `situated` participle of `place_verbs.tsv` first, one comma, at its
/// end).
fn situating_opening(opening: &str) -> bool {
    let Some(clause) = opening.trim_end().strip_suffix(',') else {
        return false;
    };
    let participle = clause.split(' ').next().unwrap_or_default();
    !clause.contains(',') && crate::tables::TABLES.is_situating_participle(participle)
}

/// The place the clitic "y" at byte `at` stands for ("A Sinjar, les
/// peshmergas se sont retirés. Plus de 3.000 Yézidis y seraient
/// captifs"): in a sentence that names no place, a "y" before a verb (not "il
/// y a", "il n'y avait", "y compris") is the place the sentence right
/// before names first (its subject or scene, rather than a reference
/// named after it: "Tikrit, à 160 km au nord de Bagdad, …"), the first
/// that is not a country when it names one ("Aïn el-Héloué est le plus
/// grand camp du Liban. 54.000 réfugiés y vivent"). Asked at each "y "
/// of the pass over the text (`at`): binary searches of the sentences
/// and mentions, and one walk of a sentence's mentions (`known`).
fn clitic_at<'m>(
    text: &str,
    at: usize,
    sentences: &[Span],
    mentions: &'m [Mention],
    known: &mut Option<(usize, Option<&'m Mention>)>,
) -> Option<Mention> {
    let bytes = text.as_bytes();
    // A word of its own, or elided ("n'y", "s'y").
    let before = at.checked_sub(1).and_then(|b| bytes.get(b)).copied();
    let elided = matches!(before, Some(b'\'') | Some(0x99));
    if !(before == Some(b' ') || elided) {
        return None;
    }
    let next_word = text
        .get(at + 2..)
        .and_then(|rest| rest.split(|c: char| !c.is_alphabetic()).next())
        .unwrap_or_default();
    if next_word.is_empty() || next_word == "compris" || next_word.starts_with(char::is_uppercase) {
        return None;
    }
    // "il y a", "il n'y avait": no place.
    let mut words_before = text
        .get(at.saturating_sub(12)..at)
        .or_else(|| text.get(..at))
        .unwrap_or_default()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .rev();
    let impersonal = match (words_before.next(), words_before.next()) {
        (Some("n"), Some(il)) if elided => il.eq_ignore_ascii_case("il"),
        (Some(il), _) => il.eq_ignore_ascii_case("il"),
        _ => false,
    };
    if impersonal {
        return None;
    }
    let (index, sentence) = sentence_at(sentences, at)?;
    let previous = *index.checked_sub(1).and_then(|i| sentences.get(i))?;
    let within = |span: Span| mentions_in(mentions, span).filter(|m| m.kind == EntityKind::Place);
    // Each sentence's mentions are walked once however many "y" it holds.
    let antecedent = match *known {
        Some((sentence_index, antecedent)) if sentence_index == index => antecedent,
        _ => {
            let antecedent = if within(sentence).next().is_some() {
                None
            } else {
                within(previous)
                    .find(|m| crate::lexicon_type(m) != Some("country"))
                    .or_else(|| within(previous).next())
            };
            *known = Some((index, antecedent));
            antecedent
        }
    };
    antecedent.map(|place| Mention {
        span: Span::new(at, at + 1),
        id: place.id.clone(),
        kind: EntityKind::Place,
    })
}

/// The sentence holding byte `at`, with its index in `sentences` (spans
/// in text order), found by binary search.
fn sentence_at(sentences: &[Span], at: usize) -> Option<(usize, Span)> {
    let index = sentences.partition_point(|s| s.end <= at);
    sentences
        .get(index)
        .filter(|s| s.start <= at)
        .map(|&s| (index, s))
}

/// The mentions that start inside `span` (`mentions` sorted by start),
/// found by binary search.
fn mentions_in(mentions: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    mentions
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(move |m| m.span.start < span.end)
}

/// Whether the words after a phrase ending at `end` name the place
/// themselves: "de X", "d'X", "du…", a capitalised name, or one word (an
/// adjective) and then one of those ("la ville syrienne de X").
fn names_itself(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let mut words = rest
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty());
    let names = |word: &str| {
        matches!(word, "de" | "d" | "du" | "des")
            || word.chars().next().is_some_and(char::is_uppercase)
    };
    // A sign right after the phrase ends it.
    let is_word = |word: &str| word.chars().next().is_some_and(char::is_alphabetic);
    match words.next() {
        Some(first) if !is_word(first) => false,
        Some(first) if names(first) => true,
        Some(_) => words
            .next()
            .is_some_and(|second| is_word(second) && names(second)),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_phrases_parse() {
        let anaphors = parse(PHRASES).expect("place_anaphors.tsv parses");
        assert!(
            anaphors
                .phrases
                .iter()
                .flatten()
                .all(|(_, t)| !t.is_empty())
        );
    }

    #[test]
    fn a_broken_line_is_an_error_naming_it() {
        let error = parse("# comment\nla ville\tcity\ncette ville\n")
            .err()
            .expect("a line without a tab is an error");
        assert!(error.starts_with("line 3:"), "{error}");
        let error = parse("la ville\t \n").err().expect("no type is an error");
        assert!(error.starts_with("line 1:"), "{error}");
    }

    #[test]
    fn the_clitic_y_stands_for_the_first_place_of_the_sentence_before() {
        let place = |text: &str, name: &str, id: &str| {
            let start = text.find(name).expect("the name is in the text");
            Mention {
                span: Span::new(start, start + name.len()),
                id: id.into(),
                kind: EntityKind::Place,
            }
        };
        let sentences = |text: &str| {
            let cut = text.find(". ").expect("two sentences") + 1;
            vec![Span::new(0, cut), Span::new(cut + 1, text.len())]
        };
        let text =
            "Aïn el-Héloué est le plus grand camp du Liban. Plus de 50.000 réfugiés y vivent.";
        let mentions = [
            place(text, "Aïn el-Héloué", "place:ain-el-helweh"),
            place(text, "Liban", "place:lebanon"),
        ];
        let found = place_anaphors(text, &sentences(text), &mentions);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id.as_str(), "place:ain-el-helweh");
        assert_eq!(found[0].span.slice(text), "y");
        // Impersonal "il y a", "il n'y avait", "y compris": no place.
        for text in [
            "Les combats ont repris à Alep. Il y a 12 morts.",
            "Les combats ont repris à Alep. Il n'y avait que 12 soldats.",
            "Les combats ont repris à Alep. Douze morts, y compris des enfants.",
        ] {
            let mentions = [place(text, "Alep", "place:aleppo")];
            assert!(
                place_anaphors(text, &sentences(text), &mentions).is_empty(),
                "{text}"
            );
        }
        // Elided, and a sentence naming its own place takes none.
        let text = "Les combats ont repris à Alep. Nul n'y est entré depuis lundi.";
        let mentions = [place(text, "Alep", "place:aleppo")];
        assert_eq!(place_anaphors(text, &sentences(text), &mentions).len(), 1);
        let text = "Les combats ont repris à Alep. Douze soldats y sont morts à Homs.";
        let mentions = [
            place(text, "Alep", "place:aleppo"),
            place(text, "Homs", "place:homs"),
        ];
        assert!(place_anaphors(text, &sentences(text), &mentions).is_empty());
    }

    #[test]
    fn a_phrase_naming_its_place_is_no_anaphor() {
        assert!(names_itself(" de Douma résiste", 0));
        assert!(names_itself(" d'Alep", 0));
        assert!(names_itself(" syrienne de Douma", 0));
        assert!(names_itself(" Douma", 0));
        assert!(!names_itself(", 12 civils", 0));
        assert!(!names_itself(" pendant la nuit", 0));
        assert!(!names_itself(".", 0));
    }
}
