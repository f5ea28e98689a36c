//! End-to-end and property tests of `Extractor::extract`: a short article
//! written for this crate, run through the real article parser and lexicon;
//! and random French-like texts, which must never panic and must give claims
//! whose spans lie inside their sentence, on character boundaries, and are at
//! most 200 bytes long.

use bilan_article::Span;
use bilan_claims::{Claim, ClaimKind, Extractor, Outcome, Victims};
use bilan_lexicon::{Entities, EntityKind, Mention};
use proptest::prelude::*;

/// An article written for this test (not taken from any outlet).
const ARTICLE: &str = "Alep : douze civils tués dans un bombardement\n\
\n\
Vendredi 3 mai 2024 à 18h20\n\
\n\
Selon l'OSDH, douze civils ont été tués vendredi à Alep, et 30 autres blessés.\n\
\n\
L'armée syrienne a repris 40 km2 au nord de la ville. Un soldat a été tué.\n";

fn check_invariants(text: &str, article: &bilan_article::Article, entities: &Entities) {
    let claims = Extractor::new().extract(text, article, entities);
    let sentences: Vec<Span> = if article.sentences.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        article.sentences.iter().map(|s| s.span).collect()
    };
    for claim in &claims {
        assert!(claim.span.end - claim.span.start <= 200, "{claim:?}");
        assert!(
            text.get(claim.span.start..claim.span.end).is_some(),
            "{claim:?}"
        );
        assert!(
            sentences.iter().any(|s| s.contains(claim.span)),
            "claim {:?} outside every sentence",
            claim.span.slice(text)
        );
        for link in [&claim.actor, &claim.place, &claim.source]
            .into_iter()
            .flatten()
        {
            assert!(!link.is_empty());
        }
    }
}

#[test]
fn a_short_article_reads_end_to_end() {
    let article = bilan_article::parse(ARTICLE);
    let entities = bilan_lexicon::Lexicon::embedded().find(ARTICLE);
    let claims = Extractor::new().extract(ARTICLE, &article, &entities);
    check_invariants(ARTICLE, &article, &entities);
    let killed: Vec<_> = claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Casualties && c.outcome == Some(Outcome::Killed))
        .collect();
    // Title and body both state the twelve dead; the soldier is the third.
    assert_eq!(killed.len(), 3, "{claims:#?}");
    assert!(
        killed
            .iter()
            .take(2)
            .all(|c| c.value == Some(12.0) && c.victims == Some(Victims::Civilians))
    );
    let wounded = claims
        .iter()
        .find(|c| c.outcome == Some(Outcome::Wounded))
        .expect("30 autres blessés");
    assert_eq!(wounded.value, Some(30.0));
    assert_eq!(wounded.victims, Some(Victims::Civilians));
    let area = claims
        .iter()
        .find(|c| c.kind == ClaimKind::Area)
        .expect("40 km2");
    assert_eq!(area.value, Some(40.0));
    let soldier = killed.get(2).expect("un soldat");
    assert_eq!(soldier.value, Some(1.0));
    assert_eq!(soldier.victims, Some(Victims::Soldiers));
    // Links are ids of the document's entities.
    for claim in &claims {
        for id in [&claim.place, &claim.source].into_iter().flatten() {
            assert!(entities.mentions.iter().any(|m| &m.id == id), "{id}");
        }
    }
}

#[test]
fn the_day_is_resolved_against_the_dateline_or_left_empty() {
    let article = bilan_article::parse(ARTICLE);
    let entities = bilan_lexicon::Lexicon::embedded().find(ARTICLE);
    let claims = Extractor::new().extract(ARTICLE, &article, &entities);
    let dateline = article
        .dateline
        .as_ref()
        .expect("the parser reads the dateline");
    let body = claims
        .iter()
        .find(|c| c.span.slice(ARTICLE).starts_with("douze civils ont"))
        .expect("the body's twelve dead");
    assert_eq!(
        body.date,
        Some(dateline.date),
        "'vendredi' on a Friday dateline"
    );
    let area = claims
        .iter()
        .find(|c| c.kind == ClaimKind::Area)
        .expect("40 km2");
    assert_eq!(area.date, None, "no day named, no date");
}

#[test]
fn others_count_more_of_the_last_casualties_of_the_sentence_before_a_paragraph_break() {
    let victims = |text: &str, start: &str| {
        let article = bilan_article::parse(text);
        let entities = bilan_lexicon::Lexicon::embedded().find(text);
        let claims = Extractor::new().extract(text, &article, &entities);
        claims
            .iter()
            .find(|c| c.span.slice(text).starts_with(start))
            .unwrap_or_else(|| panic!("a claim on {start:?}: {claims:?}"))
            .victims
    };
    let text = "Au moins 12 soldats ont été tués dans l'attaque. Sept autres ont été blessés.\n\n\
                Cinq autres ont été enlevés dans la nuit.";
    assert_eq!(
        victims(text, "Sept autres"),
        Some(Victims::Soldiers),
        "same paragraph"
    );
    assert_eq!(
        victims(text, "Cinq autres"),
        Some(Victims::Soldiers),
        "the sentence right before the break"
    );
    let text = "Au moins 12 soldats ont été tués dans l'attaque. Le calme est revenu.\n\n\
                Cinq autres ont été enlevés dans la nuit.";
    assert_eq!(
        victims(text, "Cinq autres"),
        Some(Victims::People),
        "a sentence without figures, then a new paragraph: the soldiers are forgotten"
    );
}

#[test]
fn an_article_without_sentences_is_read_whole() {
    let text = "Trois miliciens ont été tués.";
    let mut article = bilan_article::parse(text);
    article.sentences.clear();
    let claims = Extractor::new().extract(text, &article, &Entities::default());
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].outcome, Some(Outcome::Killed));
}

const WORDS: &[&str] = &[
    "7",
    "1.000",
    "2,5",
    "un",
    "une",
    "deux",
    "trois",
    "dizaines",
    "des",
    "plusieurs",
    "au",
    "moins",
    "plus",
    "de",
    "d'",
    "l'",
    "km2",
    "%",
    "heures",
    "jours",
    "miliciens",
    "soldats",
    "civils",
    "combattants",
    "autres",
    "ont",
    "été",
    "tués",
    "blessés",
    "morts",
    "dont",
    "selon",
    "a",
    "déclaré",
    "à",
    "dans",
    "la",
    "province",
    "Alep",
    "Daesh",
    "Hezbollah",
    "OSDH",
    "vendredi",
    "hier",
    "dernier",
    "mai",
    "tuant",
    "perdu",
    "ses",
    "parmi",
    "les",
    "rangs",
    ",",
    ".",
    ":",
    "«",
    "»",
    "\u{a0}",
    "é",
    "😀",
    "\n",
    "-",
    "’",
];

fn french_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..80).prop_map(|w| w.join(" "))
}

/// Mentions on word boundaries of `text`, sorted and not overlapping.
fn mentions_of(text: &str, picks: &[(usize, u8)]) -> Entities {
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| c != ' ' && (i == 0 || text[..i].ends_with(' ')))
        .map(|(i, _)| i)
        .collect();
    let mut mentions = Vec::new();
    let mut last_end = 0;
    for &(pick, kind) in picks {
        let Some(&start) = starts.get(pick % starts.len().max(1)) else {
            continue;
        };
        let end = text[start..].find(' ').map_or(text.len(), |e| start + e);
        if start < last_end || start == end {
            continue;
        }
        let kind = match kind % 5 {
            0 => EntityKind::Place,
            1 => EntityKind::ArmedGroup,
            2 => EntityKind::Organization,
            3 => EntityKind::Media,
            _ => EntityKind::Person,
        };
        mentions.push(Mention {
            span: Span::new(start, end),
            id: format!("x:{start}").into(),
            kind,
        });
        last_end = end;
    }
    mentions.sort_by_key(|m| m.span.start);
    Entities {
        entities: vec![],
        mentions,
    }
}

proptest! {
    #[test]
    fn random_texts_never_panic_and_keep_spans_in_their_sentence(
        text in french_like(),
        picks in prop::collection::vec((0usize..200, any::<u8>()), 0..12),
    ) {
        let article = bilan_article::parse(&text);
        let entities = mentions_of(&text, &picks);
        check_invariants(&text, &article, &entities);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        let article = bilan_article::parse(&text);
        check_invariants(&text, &article, &Entities::default());
    }
}

#[test]
fn an_overlong_sentence_is_read_in_pieces_inside_it() {
    // No full stop anywhere: one "sentence" of some 60 kB.
    let text = "douze miliciens ont été tués à Alep et ".repeat(1500);
    let article = bilan_article::parse(&text);
    check_invariants(&text, &article, &Entities::default());
    let claims = Extractor::new().extract(&text, &article, &Entities::default());
    assert!(claims.len() >= 1400, "{}", claims.len());
    // Only figures cut from their verb at a piece boundary lose it.
    let killed = claims
        .iter()
        .filter(|c| c.outcome == Some(Outcome::Killed))
        .count();
    assert!(killed + 20 >= claims.len(), "{killed} of {}", claims.len());
}

#[test]
fn a_pronoun_speaker_is_the_one_named_just_before() {
    let text = "Le porte-parole Karim Haddad a visité le front hier. \
                Selon lui, 40 jihadistes ont été tués. \
                Douze autres se sont rendus, a-t-il ajouté.";
    let article = bilan_article::parse(text);
    assert!(article.sentences.len() >= 3, "{:?}", article.sentences);
    let at = text.find("Karim Haddad").unwrap_or_default();
    let entities = Entities {
        entities: vec![],
        mentions: vec![Mention {
            span: Span::new(at, at + "Karim Haddad".len()),
            id: "person:karim-haddad".into(),
            kind: EntityKind::Person,
        }],
    };
    let claims = Extractor::new().extract(text, &article, &entities);
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert_eq!(claims[0].source.as_deref(), Some("person:karim-haddad"));
    // Two sentences on, no speaker is named just before.
    assert_eq!(claims[1].source, None);
}

/// The article of the headline tests, under `furniture`: a title whose
/// figure names no army, a body that tells it with "syriens", and the
/// coalition named further down (not whose soldiers they were).
fn headline_page(furniture: &str) -> String {
    format!(
        "{furniture}\n\n\
         Syrie : au moins 14 soldats tués dans une embuscade près de Palmyre\n\n\
         Publié le 12/03/2023 à 16:05\n\n\
         Au moins 14 soldats syriens ont été tués jeudi dans une embuscade de Daech près de Palmyre.\n\n\
         Les forces kurdes, appuyées par la coalition internationale, ont arrêté dix jihadistes. \
         L'armée syrienne a envoyé des renforts dans la région.\n"
    )
}

/// Reads `text` (a `headline_page`), checks its title and that both
/// tellings of the 14 soldiers are the Syrian army's; gives the article
/// and its claims.
fn headline_soldiers_are_the_body_army(text: &str) -> (bilan_article::Article, Vec<Claim>) {
    let article = bilan_article::parse(text);
    let title = article.title.as_ref().map(|b| b.span.slice(text));
    assert_eq!(
        title,
        Some("Syrie : au moins 14 soldats tués dans une embuscade près de Palmyre")
    );
    let entities = bilan_lexicon::Lexicon::embedded().find(text);
    let claims = Extractor::new().extract(text, &article, &entities);
    let soldiers: Vec<_> = claims
        .iter()
        .filter(|c| c.value == Some(14.0) && c.victims == Some(Victims::Soldiers))
        .collect();
    assert_eq!(soldiers.len(), 2, "{claims:#?}");
    assert!(
        soldiers
            .iter()
            .all(|c| c.actor.as_deref() == Some("group:syrian-army")),
        "{soldiers:#?}"
    );
    (article, claims)
}

#[test]
fn a_headline_figure_takes_the_actor_the_body_tells() {
    headline_soldiers_are_the_body_army(&headline_page("Rubrique"));
}

#[test]
fn a_headline_below_page_furniture_with_a_figure_still_takes_the_body_actor() {
    // A figure above the title (a comment count in the page's furniture)
    // does not hide the title's figures from the body's telling.
    let text = headline_page("Le Courrier du Levant\n\nMonde   Syrie   Liban   12 commentaires");
    let (article, claims) = headline_soldiers_are_the_body_army(&text);
    assert!(
        claims
            .first()
            .is_some_and(|c| c.span.start < article.title.as_ref().map_or(0, |t| t.span.start)),
        "a figure stands before the title: {claims:#?}"
    );
}
