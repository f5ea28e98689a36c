//! Links of a claim to entities of its sentence: who makes it (`source`) and
//! where (`place`); and the day it happened (`date`).
//!
//! Sources come from attribution cues (`attribution.tsv`): a lead and the
//! name after it, a speech verb and its subject before or after it. A
//! spokesman speaks for his organisation, named or named again by a common
//! noun ("le porte-parole de l'armée, le général X"), then and in later
//! sentences; an outlet told by a speaker it does not name is the source;
//! pronouns ("selon lui", "Il a déclaré") and "de même source" stand for a
//! speaker found before. With no cue, an organisation or titled person
//! opening the sentence states its own act, and a source in brackets
//! closing a title is credited. A state speaks by its capital or its name
//! after a lead ("selon Moscou"), and that name is then no place. A speech
//! verb whose subject names no entity keeps its figures from other
//! speakers.
//!
//! Places come from the figure's own words ("80% du Qalamoun"), a relative
//! "où" or a clause "X, située à …", else the nearest governed place. A
//! place situated by another (an apposition "X, dans la province de Y",
//! "X, à 100 km de Y", a description "X, localité … au nord de Y") gives
//! way to the more specific one; places in lists share no figure; an
//! organisation's seat, a speaker's title and a destination ("vers") are
//! not places of figures; a place inside an aside that describes a noun
//! (", dont l'appui fut décisif à Mossoul,") is far from the figures after
//! the aside.

use crate::tables::{Attribution, DayWord, PlaceVerb, PlaceWord, Side, SpeakerNoun, TABLES};
use crate::words::{TokenKind, Words, is_article, is_avoir_auxiliary};
use bilan_article::Span;
use bilan_lexicon::{EntityId, EntityKind, Mention};
use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

/// How far (in tokens) a source may stand from its attribution cue.
const SOURCE_WINDOW: usize = 6;
/// How far (in tokens) a speaker may stand before its speech verb
/// ("le site Baladi, qui a fait état").
const SUBJECT_WINDOW: usize = 4;
/// How many more tokens a participle and its agent may add between a
/// speaker and its verb ("emmenée par les Etats-Unis").
const AGENT_WINDOW: usize = 5;
/// How many of the names before a sentence are searched for one whose
/// first word is a speaker noun ("ce commandement").
const HEAD_WORD_REACH: usize = 24;
/// How many of the names before a sentence are searched for the entity a
/// common noun names again ("l'ONG", "l'armée"): enough for the
/// paragraphs of an article, and a bound on the work per sentence in a
/// long document.
const NAMED_AGAIN_REACH: usize = 96;
/// How many pairs of names before a sentence are searched for the one
/// where a spokesman was named with his organisation.
const SPOKESMAN_REACH: usize = 256;
/// How far (in tokens) "depuis" may stand before the written date that
/// ends its phrase ("depuis le début de l'offensive le 30 septembre").
const PERIOD_WINDOW: usize = 8;
/// How far (in tokens) the comma before a speaker's name may follow a
/// lead ("selon le gouverneur de la province de Homs, X").
const APPOSITION_WINDOW: usize = 10;
/// The longest title (in tokens) before a person's name opening a sentence.
const PERSON_TITLE: usize = 6;
/// The most words of a title before a person's name, from its noun ("le
/// porte-parole du Commandement des opérations conjointes, le général").
const TITLE_WORDS: usize = 12;
/// The longest aside (in tokens) between a speaker and its verb.
const ASIDE_WINDOW: usize = 10;

/// How far back (in tokens) a preposition may govern a place name.
const PLACE_WINDOW: usize = 4;

/// An attribution found in a sentence: where its cue is, and who.
#[derive(Debug, Clone)]
pub(crate) struct Attributed<'a> {
    cue: Span,
    /// `None` for a speech verb whose subject names no entity ("L'armée
    /// affirme…" with no army named before): the figures nearest to it are
    /// its, and no other speaker's.
    source: Option<&'a Mention>,
}

/// A speaker who is not named ("une source militaire"), by the number of
/// its noun in `attribution.tsv`, with what its claims were credited to
/// (the outlet it spoke to, or nobody): "selon la source" names it again.
#[derive(Clone, Copy)]
pub(crate) struct AnonymousSpeaker<'a> {
    noun: u16,
    source: Option<&'a Mention>,
}

/// What the document's speakers so far leave for the sentences after
/// them, kept from one sentence with figures to the next.
#[derive(Default)]
pub(crate) struct Speakers<'a> {
    /// The unnamed speakers, for "selon la source".
    anonymous: Vec<AnonymousSpeaker<'a>>,
    /// The speaker credited last, for "selon la même source" after a
    /// sentence whose figures nobody claimed ("… a précisé le général X.
    /// Les unités ont détruit neuf voitures piégées. Deux soldats ont été
    /// tués, selon la même source.").
    credited_last: Option<&'a Mention>,
}

/// An unnamed speaker's phrase at token `at`: an article, maybe "haut",
/// and a noun of the `anonymous` rows; its noun's number and whether the
/// article is definite ("la source") rather than indefinite ("une
/// source").
fn anonymous_at(words: &Words, at: usize) -> Option<(u16, bool)> {
    let definite = match words.norm_bytes(at) {
        b"le" | b"la" | b"l" => true,
        b"un" | b"une" => false,
        _ => return None,
    };
    let noun = at + 1 + usize::from(words.norm_bytes(at + 1) == b"haut");
    let &number = TABLES
        .anonymous_speakers
        .get_bytes(words.norm_bytes(noun))?;
    Some((number, definite))
}

/// The unnamed speaker of a subject ending at token `verb` ("Une source
/// militaire a indiqué"): its phrase starts at most four words before.
fn anonymous_subject(words: &Words, verb: usize) -> Option<(u16, bool)> {
    (verb.saturating_sub(4)..verb).find_map(|j| {
        anonymous_at(words, j)
            .filter(|_| (j + 1..verb).all(|w| words.kind(w) == Some(TokenKind::Word)))
    })
}

fn can_be_source(m: &Mention) -> bool {
    matches!(
        m.kind,
        EntityKind::Media | EntityKind::Organization | EntityKind::ArmedGroup | EntityKind::Person
    )
}

fn token_of(words: &Words, offset: usize) -> usize {
    words.index_at(offset)
}

/// `token_of(words, offset) == k`, without the search: the tokens before
/// `k` start before `offset`, token `k` (if any) at or after it.
fn is_token_of(words: &Words, offset: usize, k: usize) -> bool {
    let before = k == 0
        || words
            .tokens
            .get(k - 1)
            .is_some_and(|t| t.span.start < offset);
    let at = words.tokens.get(k).is_none_or(|t| offset <= t.span.start);
    before && at && k <= words.len()
}

/// What `attributions` knows of the document around a sentence.
#[derive(Clone, Copy)]
pub(crate) struct Around<'a> {
    /// The mentions of the sentence before.
    pub(crate) previous: &'a [Mention],
    /// Where the sentence before starts.
    pub(crate) previous_start: usize,
    /// Those of the few paragraphs before the sentence.
    pub(crate) earlier: &'a [Mention],
    /// The article's publisher (`outlet::document_outlet`).
    pub(crate) publisher: Option<&'a Mention>,
}

/// Every attribution of the sentence, in text order.
///
/// A pronoun for the speaker ("selon lui", "a-t-il précisé") stands for the
/// last speaker named in the previous sentence (`previous`).
/// They go into `found` (cleared first); `sources` is a buffer for the
/// mentions that may speak, reused from one sentence to the next.
pub(crate) fn attributions<'a>(
    text: &str,
    words: &Words,
    mentions: &'a [Mention],
    around: Around<'a>,
    sources: &mut Vec<(usize, usize, &'a Mention)>,
    found: &mut Vec<Attributed<'a>>,
    speakers: &mut Speakers<'a>,
) {
    let Around {
        previous,
        previous_start,
        earlier,
        publisher,
    } = around;
    let tables = &*TABLES;
    // The speaker found last in the previous sentence, when it had figures
    // (its attributions are still in `found`): "selon lui" is that one, an
    // organisation too when a spokesman spoke for it.
    let sentence_start = words.tokens.first().map_or(0, |t| t.span.start);
    // "de même source", "selon la même source": the last speaker found.
    let last_speaker = speakers.credited_last;
    let last_found = found.iter().rfind(|a| a.source.is_some());
    // (Found in the sentence right before, whose cue may open it before
    // any name: "Selon le porte-parole du commandement, le général X, …".
    // A sentence naming nobody carries no speaker on: a pronoun two
    // sentences on from its speaker's name stands for nobody.)
    let carried = last_found
        .filter(|a| {
            a.cue.end <= sentence_start && a.cue.start >= previous_start && !previous.is_empty()
        })
        .and_then(|a| a.source);
    found.clear();
    sources.clear();
    // The first and last tokens of each, found walking on over the tokens
    // when the mentions come in text order (a binary search else).
    let tokens = &words.tokens;
    let count_from = |mut k: usize, offset: usize| {
        while tokens.get(k).is_some_and(|t| t.span.start < offset) {
            k += 1;
        }
        k
    };
    let mut walked = (0, 0);
    sources.extend(mentions.iter().filter(|m| can_be_source(m)).map(|m| {
        let (from, last) = walked;
        if m.span.start >= last && m.span.end >= m.span.start {
            let start = count_from(from, m.span.start);
            // A mention is a few tokens long; a longer one (or many on the
            // same tokens) is searched, so the work stays linear.
            let end = if tokens
                .get(start + 16)
                .is_some_and(|t| t.span.start < m.span.end)
            {
                token_of(words, m.span.end)
            } else {
                count_from(start, m.span.end)
            };
            walked = (start, m.span.start);
            (start, end, m)
        } else {
            (
                token_of(words, m.span.start),
                token_of(words, m.span.end),
                m,
            )
        }
    }));
    let sources: &[(usize, usize, &'a Mention)] = sources;
    // The name opening the sentence, its subject: what a common noun
    // ("l'armée") names again first.
    let subject = sources
        .first()
        .filter(|&&(start, _, _)| start == words.past_articles(0))
        .map(|&(_, _, m)| m);
    // The subject of the sentence before, for a subject pronoun: its
    // speaker, else the first person or speaker it names. (Looked for
    // only when a pronoun asks: most sentences have none.)
    let earlier_subject = || {
        carried.or_else(|| {
            previous
                .iter()
                .find(|m| m.kind == EntityKind::Person)
                .or_else(|| previous.iter().find(|m| can_be_source(m)))
        })
    };
    let earlier_speaker = || {
        carried.or_else(|| {
            previous
                .iter()
                .rev()
                .find(|m| m.kind == EntityKind::Person)
                .or_else(|| previous.iter().rev().find(|m| can_be_source(m)))
        })
    };
    if sources.is_empty()
        && earlier_speaker().is_none()
        && earlier.is_empty()
        && !mentions.iter().any(|m| m.kind == EntityKind::Place)
    {
        return;
    }
    let mut from = 0;
    while let Some((i, len, role)) = tables.attribution.next_longest(words, from) {
        let cue = Span::new(
            words.tokens.get(i).map_or(0, |t| t.span.start),
            words.tokens.get(i + len - 1).map_or(0, |t| t.span.end),
        );
        let after = i + len;
        // Inside a name ("Observatoire syrien…" is not a cue, but a cue word
        // may be part of a mention): skip cues inside mentions.
        let inside = sources.iter().any(|&(s, e, _)| s <= i && i < e);
        // The source named by a lead stays inside its phrase: "selon le
        // journal X, citant des sources, Y…" is X's.
        let following = sources
            .iter()
            .filter(|&&(s, _, _)| s >= after && s <= after + SOURCE_WINDOW)
            .filter(|&&(s, _, _)| !clause_between(words, after, s))
            // "selon X, directeur de l'OSDH": the organisation speaks.
            .map(|&(s, e, m)| (s, organisation_after(text, words, sources, e, m, earlier)));
        // "…", assure X / , a indiqué X: the speaker follows the verb.
        // "a pour sa part annoncé": words between the auxiliary and the
        // verb are stepped over too.
        let mut k = i;
        // Inserts are a few words long: no lookup unless an auxiliary
        // stands just before them.
        let auxiliary_near = *role == Attribution::Verb
            && (i.saturating_sub(4)..i.saturating_sub(1))
                .any(|j| is_speech_auxiliary(words.norm_bytes(j)));
        if auxiliary_near
            && let Some((start, _)) = tables.verb_inserts.ending_at(words, k)
            && start > 0
            && is_speech_auxiliary(words.norm_bytes(start - 1))
        {
            k = start;
        }
        while k > 0 && is_speech_auxiliary(words.norm_bytes(k - 1)) {
            k -= 1;
        }
        // A name right after the verb is its subject ("…, a indiqué l'armée
        // syrienne"); else a name right before the comma is ("Rami Abdel
        // Rahmane, a affirmé que…").
        let next = words.past_articles(after);
        // …or a title and a name ("…, a annoncé le Premier ministre X").
        // "a précisé à l'AFP le directeur de l'OSDH": the outlet told is a
        // relay, the speaker follows it.
        let spoken_from = relayed_to(words, sources, after).unwrap_or(after);
        let named_after = sources.iter().any(|&(s, _, _)| (after..=next).contains(&s))
            // "…, a indiqué à l'AFP un officier": a noun phrase after the
            // outlet told is the subject.
            || (spoken_from != after
                && matches!(
                    words.norm_bytes(spoken_from),
                    b"un" | b"une" | b"le" | b"la" | b"l" | b"les" | b"des" | b"son" | b"sa" | b"ses"
                ))
            || sources.iter().any(|&(s, _, m)| {
                m.kind == EntityKind::Person
                    && s > after
                    && s <= after + SUBJECT_WINDOW
                    && !clause_between(words, after, s)
            })
            // "…exécutés par Daech, a rapporté l'agence officielle SANA":
            // a name after the verb past words alone (not "à l'AFP", told;
            // not past "que", said) is the subject, whatever ends before
            // the comma.
            || sources.iter().any(|&(s, _, m)| {
                s > next
                    && s <= after + SOURCE_WINDOW
                    && (after..s).all(|j| {
                        words.kind(j) == Some(TokenKind::Word)
                            && !matches!(words.norm_bytes(j), b"que" | b"qu")
                    })
                    && !(m.kind == EntityKind::Media && addressed(words, s))
            });
        // What is said, not who says it, comes right after the verb.
        let says_next = || {
            words.kind(spoken_from) != Some(TokenKind::Word)
                || matches!(
                    words.norm_bytes(spoken_from),
                    b"que" | b"qu" | b"avoir" | b"etre"
                )
        };
        // (Not after the bracket closing an acronym: "Human Rights Watch
        // (HRW) a accusé"; nor after a name and its acronym closing an
        // aside when what is said follows the verb: "…, un commandant du
        // Service du contre-terrorisme (CTS), a affirmé que…"; but "…
        // (ex-Nosra), a précisé la même source".)
        // "…, a fait état de 120 km2 repris à Daech": what is reported
        // follows "fait état de", never who reports it.
        let reports_next = words.norm_bytes(i) == b"fait"
            && matches!(words.norm_bytes(after), b"de" | b"d" | b"du" | b"des");
        let inverted = k > 0
            && matches!(
                words.kind(k - 1),
                Some(TokenKind::Comma | TokenKind::Symbol)
            )
            && words.norm_bytes(k - 1) != b")"
            && (named_after
                || !sources.iter().any(|&(_, e, _)| {
                    e + 1 == k || (e + 2 == k && words.norm_bytes(e) == b")" && says_next())
                }));
        let after_verb = || {
            if reports_next {
                return None;
            }
            sources
                .iter()
                .filter(|&&(s, _, _)| s >= spoken_from && s <= spoken_from + SOURCE_WINDOW)
                .filter(|&&(s, _, _)| !clause_between(words, spoken_from, s))
                // "a indiqué à RFI qu'une quarantaine de combattants de
                // Daesh…": what follows "que" is what was said.
                .filter(|&&(s, _, _)| {
                    !(spoken_from..s).any(|j| matches!(words.norm_bytes(j), b"que" | b"qu"))
                })
                // "a indiqué l'OSDH", not "a indiqué à l'AFP X".
                .filter(|&&(s, _, m)| !(m.kind == EntityKind::Media && addressed(words, s)))
                .map(|&(_, e, m)| {
                    // "a rapporté l'agence ANHA, citant le commandement
                    // des FDS": the outlet only relays whom it cites.
                    cited_after(words, sources, e)
                        .unwrap_or_else(|| organisation_after(text, words, sources, e, m, earlier))
                })
                .next()
                // "a déclaré le porte-parole de l'armée, le général X": the
                // organisation of the title speaks.
                // "a ajouté l'ONG": the organisation named before.
                .or_else(|| named_again_in(text, words, spoken_from, earlier, subject))
                .or_else(|| {
                    // "a déclaré lors d'une conférence de presse le
                    // porte-parole…": past an adverbial phrase.
                    (spoken_from..spoken_from + APPOSITION_WINDOW)
                        .take_while(|&j| words.kind(j) == Some(TokenKind::Word))
                        .find_map(|j| titled_after(text, words, sources, j, earlier))
                })
        };
        let pronoun_after = matches!(
            words.norm_bytes(after),
            b"lui" | b"elle" | b"eux" | b"elles"
        );
        let pronoun_before = i >= 2
            && matches!(words.norm_bytes(i - 1), b"il" | b"elle" | b"ils" | b"elles")
            && words.norm_bytes(i - 2) == b"t";
        // "Il a déclaré à l'AFP que…", "Elles affirment contrôler…" opening
        // a clause: the subject of the sentence before.
        let pronoun_subject = k >= 1
            && matches!(words.norm_bytes(k - 1), b"il" | b"elle" | b"ils" | b"elles")
            && (k == 1
                || words.kind(k - 2) == Some(TokenKind::Comma)
                || matches!(words.norm_bytes(k - 2), b"et" | b"mais" | b"puis"));
        // "…, affirmant que…": a participle shares the subject of the
        // clause it hangs on, the speaker found just before.
        let participle = words.norm_bytes(after - 1).ends_with(b"ant");
        // "X a fait état de…, et affirmé avoir…": a verb joined by "et"
        // without its own auxiliary shares the subject of the one before.
        let coordinated = k == i && k > 0 && words.norm_bytes(k - 1) == b"et";
        let spoken_before = found
            .last()
            .filter(|_| {
                coordinated
                    || (participle && words.kind(i.saturating_sub(1)) == Some(TokenKind::Comma))
            })
            .and_then(|a| a.source);
        // "a indiqué à l'AFP un responsable": an outlet told by a speaker it
        // does not name is the only one named to make the claim.
        let outlet = (spoken_from != after)
            .then(|| {
                sources
                    .iter()
                    .find(|&&(_, e, _)| e == spoken_from)
                    .map(|&(_, _, m)| m)
            })
            .flatten();
        let same_source = (words.norm_bytes(i) == b"source"
            && i > 0
            && matches!(words.norm_bytes(i - 1), b"meme" | b"memes"))
            // "selon la même organisation", "selon la même ONG": the
            // speaker credited last, when of the noun's kind.
            || (*role == Attribution::Lead
                && matches!(words.norm_bytes(after), b"la" | b"le" | b"l")
                && words.norm_bytes(after + 1) == b"meme"
                && TABLES
                    .speaker_nouns
                    .get_bytes(words.norm_bytes(after + 2))
                    .zip(last_speaker)
                    .is_some_and(|(noun, m)| {
                        *noun != SpeakerNoun::Title && fits_speaker(noun, m)
                    }));
        // "selon le même communiqué", "selon le texte", "d'après ce
        // document": the statement named before, by whoever issued it,
        // else the speaker found last.
        let statement = (*role == Attribution::Lead)
            .then(|| statement_named_again(words, after))
            .flatten()
            .and_then(|noun| {
                statement_author(text, noun, sentence_start, earlier).or(last_speaker)
            });
        // "selon notre correspondant", "a indiqué notre envoyé spécial":
        // the publisher's reporter, after the cue or as the subject before
        // the verb ("Notre correspondant a rapporté…").
        let own_reporter = publisher.is_some()
            && (publishers_reporter(words, after)
                || (*role == Attribution::Verb && k >= 2 && publishers_reporter(words, k - 2)));
        let chosen = match role {
            _ if inside => None,
            _ if own_reporter => publisher,
            _ if same_source => last_speaker,
            _ if statement.is_some() => statement,
            Attribution::Verb if spoken_before.is_some() => spoken_before,
            // "Le ministère … a adressé deux lettres au Conseil de
            // sécurité, affirmant que…": with no speaker before it, a
            // participle after a comma shares the subject opening the
            // sentence, not the name nearest before it.
            Attribution::Verb
                if participle
                    && words.kind(i.saturating_sub(1)) == Some(TokenKind::Comma)
                    && subject.is_some_and(|m| m.span.end <= cue.start) =>
            {
                subject
            }
            // "Le gouverneur, X, a estimé …, détruite à 80 % selon lui":
            // a person who spoke before in the sentence, else the speaker
            // of the sentence before.
            Attribution::Lead if pronoun_after => found
                .iter()
                .rev()
                .filter_map(|a| a.source)
                .find(|m| m.kind == EntityKind::Person)
                .or_else(earlier_speaker),
            Attribution::Verb if pronoun_before => earlier_speaker(),
            Attribution::Verb if pronoun_subject => earlier_subject(),
            // "d'après ses informations", "selon leur bilan": the subject
            // of the sentence, when it opens the sentence before the lead
            // ("Le Hachd a perdu, selon son porte-parole, …"); else the
            // subject of the sentence before.
            Attribution::Lead
                if matches!(
                    words.norm_bytes(after),
                    b"ses" | b"son" | b"sa" | b"leur" | b"leurs"
                ) =>
            {
                subject
                    .filter(|m| m.span.end <= cue.start)
                    .or_else(earlier_subject)
            }
            // "Un responsable de l'ONU, cité par Reuters": the outlet only
            // relays the speaker named before the comma.
            Attribution::Lead if relays(words, i) => i
                .checked_sub(1)
                .filter(|&comma| words.kind(comma) == Some(TokenKind::Comma))
                .and_then(|comma| speaker_ending_at(text, words, sources, comma, earlier))
                .or_else(|| following.clone().map(|(_, m)| m).next()),
            Attribution::Lead => following
                .clone()
                .map(|(_, m)| m)
                .next()
                // "selon Moscou", "d'après la Turquie": a state speaks by
                // its capital or its name.
                .or_else(|| spoken_by_place(words, mentions, after))
                .or_else(|| named_again_in(text, words, after, earlier, subject))
                .or_else(|| apposed(text, words, sources, after, earlier))
                .or_else(|| agent_of_lead(words, sources, after))
                // "selon un décompte de l'ONG": its complement names again.
                .or_else(|| {
                    (after..after + SOURCE_WINDOW)
                        .take_while(|&j| words.kind(j) == Some(TokenKind::Word))
                        .find(|&j| matches!(words.norm_bytes(j), b"de" | b"d" | b"du"))
                        .and_then(|de| {
                            let at = if words.norm_bytes(de) == b"du" {
                                de
                            } else {
                                de + 1
                            };
                            named_again_in(text, words, at, earlier, subject)
                        })
                }),
            Attribution::Verb if inverted => after_verb()
                .or_else(|| subject_before_aside(words, sources, k))
                .or_else(|| opening_subject(words, sources, k))
                .or_else(|| opening_country(words, mentions, k))
                .or(outlet)
                .or_else(|| told_after_speaker(words, sources, after)),
            Attribution::Verb => {
                let before = sources
                    .iter()
                    .filter(|&&(_, e, _)| e <= k && e + SUBJECT_WINDOW >= k)
                    .filter(|&&(_, e, _)| !quote_between(words, e, i))
                    .map(|&(s, _, m)| (s, m))
                    .next_back()
                    // "La coalition emmenée par les Etats-Unis affirme": the
                    // subject before a participle and its agent.
                    .or_else(|| {
                        sources
                            .iter()
                            .filter(|&&(_, e, _)| {
                                e < k
                                    && e + SUBJECT_WINDOW + AGENT_WINDOW >= k
                                    && participle_by_at(words, e)
                                    && (e..k).all(|j| {
                                        !matches!(
                                            words.kind(j),
                                            Some(TokenKind::Comma | TokenKind::Stop)
                                        )
                                    })
                                    && !quote_between(words, e, i)
                            })
                            .map(|&(s, _, m)| (s, m))
                            .next_back()
                    });
                // "Les Etats-Unis estiment que…": a country speaks for its
                // government, and "que" opens what is said, not who says it.
                let country = || {
                    mentions
                        .iter()
                        .filter(|m| m.kind == EntityKind::Place)
                        .map(|m| (token_of(words, m.span.end), m))
                        .filter(|&(e, _)| e <= i && e + SUBJECT_WINDOW >= i)
                        .filter(|&(e, _)| !quote_between(words, e, i))
                        .map(|(_, m)| m)
                        .next_back()
                };
                let says_that = matches!(words.norm_bytes(after), b"que" | b"qu");
                // "Les FDS, alliance dominée par les YPG, ont annoncé": a
                // name inside an aside is not the subject; the name that
                // opens the sentence is.
                let opening = (k > 0 && words.kind(k - 1) == Some(TokenKind::Comma))
                    .then(|| opening_subject(words, sources, k))
                    .flatten()
                    .filter(|o| before.is_some_and(|(s, _)| token_of(words, o.span.end) < s));
                // "…contesté par Damas qui l'estime à…": the antecedent of
                // "qui" is the subject.
                let relative = relative_subject(words, mentions, k);
                // "X, cité par Reuters, estime…": the speaker before the
                // aside, not the outlet inside it.
                let relayed = relay_aside(words, k)
                    .and_then(|open| speaker_ending_at(text, words, sources, open, earlier));
                // "L'agence X, citant le ministère, fait état de…": the
                // name cited in the aside is the source, X only relays it.
                let cited = citing_aside(words, k).and_then(|open| {
                    before
                        .filter(|&(s, _)| s > open + 1)
                        .map(|(s, m)| organisation_of(text, words, sources, s, m, earlier))
                });
                // "…, et affirmé avoir capturé trois rebelles de l'ASL": what
                // follows "avoir" is what is said, not who says it.
                let content_follows = matches!(words.norm_bytes(after), b"avoir" | b"etre");
                match before {
                    _ if relayed.is_some() => relayed,
                    _ if cited.is_some() => cited,
                    _ if opening.is_some() => opening,
                    // "le porte-parole du Hachd, X, qui fait état de…":
                    // the organisation of his title speaks.
                    _ if relative.is_some() => relative.map(|m| {
                        organisation_of(
                            text,
                            words,
                            sources,
                            token_of(words, m.span.start),
                            m,
                            earlier,
                        )
                    }),
                    Some((s, m)) => Some(organisation_of(text, words, sources, s, m, earlier)),
                    None if says_that => country().or_else(|| {
                        subject_article(words, k)
                            .and_then(|d| named_again_in(text, words, d, earlier, subject))
                    }),
                    None => (!content_follows)
                        .then(after_verb)
                        .flatten()
                        .or_else(|| {
                            subject_article(words, k)
                                .and_then(|d| named_again_in(text, words, d, earlier, subject))
                        })
                        .or(outlet)
                        // "Moscou affirme avoir tué…": a capital or a
                        // country opening the sentence (or the clause after
                        // a rubric or a fronted phrase: "Syrie : la Turquie
                        // dit…", "En Syrie, la Turquie dit…") right before
                        // its verb speaks for its government.
                        .or_else(|| {
                            country().filter(|m| {
                                let open = words.articles_before(token_of(words, m.span.start), 0);
                                let opens_clause = open == 0
                                    || words.kind(open - 1) == Some(TokenKind::Comma)
                                    || words.norm_bytes(open - 1) == b":";
                                opens_clause && token_of(words, m.span.end) == k
                            })
                        }),
                }
            }
        };
        // "L'armée affirme avoir tué 50 jihadistes, mais l'OSDH…": a
        // speech verb whose subject is a common noun keeps its figures
        // from the other speakers of the sentence.
        let unnamed_subject = *role == Attribution::Verb
            && !inside
            && !participle
            // A verb of a clause: after its auxiliary, or before what is
            // said ("affirme que", "affirme avoir"), not a participle
            // ("un accord conclu lundi").
            && (k < i || matches!(words.norm_bytes(after), b"que" | b"qu" | b"avoir" | b"etre"))
            && (k.saturating_sub(5)..k.saturating_sub(1))
                .rev()
                .take_while(|&j| {
                    matches!(words.kind(j + 1), Some(TokenKind::Word)) || words.norm_bytes(j + 1) == b"-"
                })
                .any(|j| {
                    matches!(
                        words.norm_bytes(j),
                        b"l" | b"le" | b"la" | b"les" | b"un" | b"une" | b"des" | b"ce" | b"cette"
                    )
                    // The subject of a clause, not a noun phrase after a
                    // preposition ("dans un accord conclu").
                    && (j == 0
                        || matches!(words.kind(j - 1), Some(TokenKind::Comma | TokenKind::Stop))
                        || matches!(words.norm_bytes(j - 1), b"mais" | b"et" | b"que" | b"qu"))
                });
        // "D'après al-Assadi" after "le porte-parole du Hachd, Ahmad
        // al-Assadi": a spokesman named again speaks for his organisation.
        let chosen = chosen.map(|m| {
            if possessive_title(text, m) {
                // Annotators credit the group of "a précisé son directeur,
                // X" but split on "Leur porte-parole, X, affirme" (the
                // person, or his group): a sentence before is looked at
                // after an inverted verb only.
                let looked_back = (*role == Attribution::Verb && inverted).then_some(previous);
                possessive_owner(words, m, mentions, looked_back, last_speaker).unwrap_or(m)
            } else {
                spokesman_of(text, m, earlier)
            }
        });
        // "Selon un communiqué du commandement…. Le communiqué fait état
        // de six soldats…": a statement named again as the verb's subject
        // is its author's, as "selon le même communiqué" is.
        let chosen = chosen.or_else(|| {
            (*role == Attribution::Verb && !inside && !inverted)
                .then(|| subject_article(words, k))
                .flatten()
                .and_then(|article| statement_named_again(words, article))
                .and_then(|noun| {
                    statement_author(text, noun, sentence_start, earlier).or(last_speaker)
                })
        });
        // "Une source militaire a indiqué au correspondant de SANA…", then
        // "Selon la source, …": the unnamed speaker named again is credited
        // as it was first.
        let unnamed = match role {
            _ if inside => None,
            Attribution::Lead => anonymous_at(words, after),
            Attribution::Verb if inverted => {
                anonymous_at(words, spoken_from).or_else(|| anonymous_at(words, after))
            }
            Attribution::Verb => anonymous_subject(words, k),
        };
        let chosen = match unnamed {
            Some((noun, true)) if chosen.is_none() => speakers
                .anonymous
                .iter()
                .rfind(|s| s.noun == noun)
                .and_then(|s| s.source),
            Some((noun, false)) => {
                speakers.anonymous.push(AnonymousSpeaker {
                    noun,
                    source: chosen,
                });
                chosen
            }
            _ => chosen,
        };
        if chosen.is_some() || unnamed_subject {
            found.push(Attributed {
                cue,
                source: chosen,
            });
        }
        // "selon la même source" after "selon une source sécuritaire" is
        // that source, credited to nobody (or to the outlet it spoke to).
        if chosen.is_some() || matches!(unnamed, Some((_, false))) {
            speakers.credited_last = chosen;
        }
        from = i + len.max(1);
    }
    // With no cue, the sentence's own speaker, if any, is credited (and
    // kept as the speaker credited last).
    if found.is_empty() {
        found.extend(
            opening_pour(words, sources)
                .or_else(|| acting_organisation(words, sources))
                .or_else(|| bracketed_source(words, sources)),
        );
        if let Some(source) = found.last().and_then(|a| a.source) {
            speakers.credited_last = Some(source);
        }
    }
}

/// The article of a one-noun subject right before the verb at token
/// `verb`: "le ministère a indiqué", "le même observatoire recense".
fn subject_article(words: &Words, verb: usize) -> Option<usize> {
    let article = verb.checked_sub(2)?;
    if words.norm_bytes(article) == b"meme" {
        article.checked_sub(1)
    } else {
        Some(article)
    }
}

/// "Pour le député Hassan Fadlallah, « … »", "Pour l'expert militaire
/// Amine Hoteit, …": a sentence opening with "Pour" and a speaker (a
/// person, an organisation or an outlet) before its first comma gives
/// that speaker's view. Not "Pour la première fois", "Pour Téhéran"
/// (no speaker named), nor "Pour sa part".
fn opening_pour<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
) -> Option<Attributed<'a>> {
    if words.norm_bytes(0) != b"pour" {
        return None;
    }
    let comma = (1..words.len().min(12)).find(|&k| words.kind(k) != Some(TokenKind::Word))?;
    if words.kind(comma) != Some(TokenKind::Comma) {
        return None;
    }
    let &(_, _, speaker) = sources
        .iter()
        .rev()
        .find(|&&(s, e, m)| s >= 1 && e <= comma && m.kind != EntityKind::ArmedGroup)?;
    Some(Attributed {
        cue: Span::new(
            words.tokens.first().map_or(0, |t| t.span.start),
            words.tokens.get(comma).map_or(0, |t| t.span.end),
        ),
        source: Some(speaker),
    })
}

/// "notre correspondant", "nos envoyés" at token `at`: the publisher's
/// own reporter (`reporter` rows of `outlets.tsv`).
fn publishers_reporter(words: &Words, at: usize) -> bool {
    let person = TABLES.reporter_nouns.get_bytes(words.norm_bytes(at + 1));
    match words.norm_bytes(at) {
        b"notre" | b"nos" => person.is_some(),
        // "Selon le correspondant, …" with no outlet named after him: the
        // publisher's, named again ("Le correspondant de SANA a indiqué…
        // Selon le correspondant, …").
        b"le" | b"l" => {
            person == Some(&true)
                && !matches!(
                    words.norm_bytes(at + 2),
                    b"de" | b"d" | b"du" | b"des" | b"-" | b"special"
                )
        }
        _ => false,
    }
}

/// The noun (folded) of a statement named again after a lead ending at
/// token `after`: "le communiqué", "ce texte", "le document", and with
/// "même" also "le même rapport/bilan/déclaration".
fn statement_named_again(words: &Words, after: usize) -> Option<&[u8]> {
    let determiner = words.norm_bytes(after);
    let same = matches!(words.norm_bytes(after + 1), b"meme" | b"memes");
    let noun = words.norm_bytes(after + 1 + usize::from(same));
    let named = matches!(
        determiner,
        b"le" | b"la" | b"les" | b"ce" | b"cet" | b"cette" | b"ces"
    ) && (matches!(
        noun,
        b"communique" | b"communiques" | b"texte" | b"document"
    ) || (same && matches!(noun, b"rapport" | b"bilan" | b"declaration")));
    named.then_some(noun)
}

/// How far back (in bytes) a statement named again ("le même communiqué")
/// is looked for.
const STATEMENT_REACH: usize = 2_000;

/// Who issued the statement that `noun` (folded: "communique", "texte")
/// names again in a sentence starting at `before`: the speaker named
/// nearest to the noun's last use in the text before, within a few words
/// ("Dans un communiqué, le Hezbollah a affirmé…"), among `earlier`.
fn statement_author<'a>(
    text: &str,
    noun: &[u8],
    before: usize,
    earlier: &'a [Mention],
) -> Option<&'a Mention> {
    // The noun's letters as written up to its first accent ("communiqu"
    // for "communiqué"; "claration" for "déclaration").
    let stem: &[u8] = match noun {
        b"communique" | b"communiques" => b"communiqu",
        b"declaration" => b"claration",
        _ => noun,
    };
    let low = before.saturating_sub(STATEMENT_REACH);
    let window = text.as_bytes().get(low..before)?;
    let at = low
        + window
            .windows(stem.len())
            .rposition(|w| w.eq_ignore_ascii_case(stem))?;
    earlier
        .iter()
        .rev()
        .take_while(|m| m.span.end + STATEMENT_REACH >= at)
        .filter(|m| can_be_source(m))
        .map(|m| (distance(Span::new(at, at + stem.len()), m.span), m))
        .filter(|&(d, _)| d <= 80)
        .min_by_key(|&(d, _)| d)
        .map(|(_, m)| m)
}

/// The auxiliary of a speech verb in the past ("a", "ont" annoncé); not
/// `meaning`'s auxiliaries of a passive ("a été tué").
fn is_speech_auxiliary(word: &[u8]) -> bool {
    matches!(word, b"a" | b"ont" | b"avait" | b"aurait")
}

/// A lead at token `i` that names an outlet relaying a speaker: "cité par",
/// "citée par", "cités par", "citées par".
fn relays(words: &Words, i: usize) -> bool {
    words.norm_bytes(i).starts_with(b"cite") && words.norm_bytes(i + 1) == b"par"
}

/// The opening comma of an aside between commas that closes right before
/// token `verb` (at most `ASIDE_WINDOW` tokens long).
fn aside_before(words: &Words, verb: usize) -> Option<usize> {
    let close = verb.checked_sub(1)?;
    if words.kind(close) != Some(TokenKind::Comma) {
        return None;
    }
    (close.saturating_sub(ASIDE_WINDOW)..close)
        .rev()
        .find(|&j| words.kind(j) == Some(TokenKind::Comma))
}

/// The opening comma of an aside "cité par X" that closes right before
/// token `verb`: "Un responsable de l'ONU, cité par Reuters, estime…".
fn relay_aside(words: &Words, verb: usize) -> Option<usize> {
    aside_before(words, verb).filter(|&open| relays(words, open + 1))
}

/// The opening comma of an aside "citant X" that closes right before token
/// `verb`: "L'agence X, citant le ministère de la Défense, fait état de…"
/// reports what the ministry said.
fn citing_aside(words: &Words, verb: usize) -> Option<usize> {
    aside_before(words, verb).filter(|&open| words.norm_bytes(open + 1) == b"citant")
}

/// The speaker whose name ends at token `comma`: the organisation of a
/// spokesman in apposition ("le directeur de l'OSDH, X"), else the name.
fn speaker_ending_at<'a>(
    text: &str,
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    comma: usize,
    earlier: &'a [Mention],
) -> Option<&'a Mention> {
    sources
        .iter()
        .rfind(|&&(_, e, _)| e == comma)
        .map(|&(s, _, m)| organisation_of(text, words, sources, s, m, earlier))
}

/// "Syrie : 25 civils tués dans des raids (OSDH)": a source in brackets
/// closing a sentence or a title, not an acronym after its name ("l'État
/// islamique (EI)").
fn bracketed_source<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
) -> Option<Attributed<'a>> {
    let &(start, end, source) = sources.last()?;
    let open = start.checked_sub(1)?;
    let closes = words.norm_bytes(open) == b"("
        && words.norm_bytes(end) == b")"
        && (end + 1..words.len()).all(|k| words.kind(k) == Some(TokenKind::Stop));
    let acronym = open > 0 && sources.iter().any(|&(_, e, _)| e == open);
    (closes && !acronym).then_some(Attributed {
        cue: source.span,
        source: Some(source),
    })
}

/// "L'ONU a lancé un appel de 17 millions de dollars", "Le Croissant-Rouge
/// a évacué 300 blessés": with no speech in the sentence, an organisation
/// (not an armed group, a person or an outlet) that opens it as the subject
/// of a verb states what it does itself.
fn acting_organisation<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
) -> Option<Attributed<'a>> {
    let first = words.past_articles(0);
    // Or a person after his title ("Le député de Tripoli X a appelé à une
    // trêve de 72 heures"): the first speaker of the sentence, with only
    // words before him.
    let titled_person = || {
        sources
            .first()
            .filter(|&&(s, _, m)| {
                m.kind == EntityKind::Person
                    && s > first
                    && s <= first + PERSON_TITLE
                    && (0..s).all(|k| words.kind(k) == Some(TokenKind::Word))
            })
            .copied()
    };
    let &(_, end, subject) = sources
        .iter()
        .find(|&&(s, _, m)| s == first && m.kind == EntityKind::Organization)
        .or(titled_person().as_ref())?;
    let acts = words.kind(end) == Some(TokenKind::Word)
        && matches!(
            words.norm_bytes(end),
            b"a" | b"ont" | b"avait" | b"avaient" | b"va" | b"vont" | b"vient" | b"viennent" | b"s"
        )
        // Not what was done to it ("X a été tué avec 3 gardes").
        && !matches!(words.norm_bytes(end + 1), b"ete" | b"perdu");
    acts.then_some(Attributed {
        cue: subject.span,
        source: Some(subject),
    })
}

/// "…, a déclaré un officier à Reuters": an outlet told after a speaker it
/// does not name, in the phrase after the verb at token `after`.
fn told_after_speaker<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    after: usize,
) -> Option<&'a Mention> {
    sources
        .iter()
        .filter(|&&(s, _, m)| {
            m.kind == EntityKind::Media && s > after && s <= after + SOURCE_WINDOW + 2
        })
        .filter(|&&(s, _, _)| !clause_between(words, after, s))
        .find(|&&(s, _, _)| {
            let k = words.articles_before(s, after);
            k > after && words.norm_bytes(k - 1) == b"a"
        })
        .map(|&(_, _, m)| m)
}

/// "L'agence X, citant des sources locales, fait état de…": a speech verb
/// right after an aside between commas has for subject the name that ends
/// just before the aside. `verb` is the verb's first token (its auxiliary),
/// right after the closing comma.
fn subject_before_aside<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    verb: usize,
) -> Option<&'a Mention> {
    let close = verb.checked_sub(1)?;
    let open = (close.saturating_sub(ASIDE_WINDOW)..close)
        .rev()
        .find(|&j| words.kind(j) == Some(TokenKind::Comma))?;
    if (open + 1..close).any(|j| words.kind(j) != Some(TokenKind::Word)) {
        return None;
    }
    sources
        .iter()
        .find(|&&(_, e, _)| e == open)
        .map(|&(_, _, m)| m)
}

/// The source cited after a speaker that ends at token `end` (", citant
/// le commandement des FDS", ", citant l'OSDH"): the first name within
/// `SOURCE_WINDOW` tokens of "citant", in the same clause.
fn cited_after<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    end: usize,
) -> Option<&'a Mention> {
    if words.kind(end) != Some(TokenKind::Comma) || words.norm_bytes(end + 1) != b"citant" {
        return None;
    }
    let from = end + 2;
    sources
        .iter()
        .find(|&&(s, _, _)| s >= from && s <= from + SOURCE_WINDOW)
        .filter(|&&(s, _, _)| !clause_between(words, from, s))
        .map(|&(_, _, m)| m)
}

/// "selon un bilan communiqué dans la soirée par le ministère X": the
/// agent after "par", further in the lead's phrase than a name right
/// after the lead.
fn agent_of_lead<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    after: usize,
) -> Option<&'a Mention> {
    let by = (after..after + APPOSITION_WINDOW)
        .take_while(|&k| words.kind(k) == Some(TokenKind::Word))
        .find(|&k| words.norm_bytes(k) == b"par")?;
    let name = words.past_articles(by + 1);
    sources
        .iter()
        .find(|&&(s, _, _)| s == name)
        .map(|&(_, _, m)| m)
}

/// Whether `before`, the text before a name, ends with "de", "du", "des",
/// "d'", "de la" or "de l'": the name completes a noun ("le porte-parole
/// du Hachd", "directeur de l'OSDH").
fn ends_with_de(before: &str) -> bool {
    let before = before.trim_end();
    [
        " de", " du", " des", "d'", "d’", " de la", " de l'", " de l’",
    ]
    .iter()
    .any(|de| before.ends_with(de))
}

/// Whether `gap`, between a person's name and an organisation, is a title
/// of his in it: ", directeur de l'", ", porte-parole du" — after a comma,
/// ending in a "de" — not a verb ("a déclaré à").
fn title_between(gap: &str) -> bool {
    let gap = gap.trim();
    gap.starts_with(',')
        && ends_with_de(gap)
        // "X, un combattant de la brigade 14" belongs to it, and speaks
        // for himself.
        && !crate::words::fold(gap)
            .split(' ')
            .any(|word| TABLES.private_speakers.contains_word(word))
}

/// A person named earlier right after an organisation ("le porte-parole du
/// Hachd, Ahmad al-Assadi") or followed by his title in one ("Rami Abdel
/// Rahmane, directeur de l'OSDH") speaks for it when named again alone:
/// the organisation, else the person. `earlier` holds the mentions of the
/// few paragraphs before the sentence, `text` the document. A title after
/// the name is one ([`title_between`]): "X, a déclaré à SANA" makes SANA
/// no organisation of X's.
fn spokesman_of<'a>(text: &str, person: &'a Mention, earlier: &'a [Mention]) -> &'a Mention {
    /// Bytes between an organisation and its spokesman's name: ", ".
    const BEFORE_GAP: usize = 3;
    /// Bytes between a name and his organisation: ", directeur de l'".
    const AFTER_GAP: usize = 30;
    if person.kind != EntityKind::Person {
        return person;
    }
    let organisation = |m: &Mention| can_be_source(m) && m.kind != EntityKind::Person;
    // `second` follows `first` at most `gap` bytes after it.
    let within = |first: &Mention, second: &Mention, gap: usize| {
        first.span.end <= second.span.start && second.span.start - first.span.end <= gap
    };
    earlier
        .windows(2)
        .rev()
        // Bounded, like the other searches among earlier names: linear
        // time on any document.
        .take(SPOKESMAN_REACH)
        .find_map(|pair| match pair {
            // "du Hachd, Ahmad", not "a raconté à l'AFP Haïdar": the
            // organisation is the complement of a title.
            [org, named]
                if named.id == person.id
                    && organisation(org)
                    && within(org, named, BEFORE_GAP)
                    && text.get(..org.span.start).is_some_and(ends_with_de) =>
            {
                Some(org)
            }
            [named, org]
                if named.id == person.id
                    && organisation(org)
                    && within(named, org, AFTER_GAP)
                    && text
                        .get(named.span.end..org.span.start)
                        .is_some_and(title_between) =>
            {
                Some(org)
            }
            _ => None,
        })
        .unwrap_or(person)
}

/// Whether the mention starting at token `s` is governed by "à" (past an
/// article) or "au"/"aux": whom something was said to ("a déclaré à
/// l'AFP"), not who said it.
fn addressed(words: &Words, s: usize) -> bool {
    let Some(mut k) = s.checked_sub(1) else {
        return false;
    };
    if matches!(words.norm_bytes(k), b"l" | b"le" | b"la" | b"les") && k > 0 {
        k -= 1;
    }
    matches!(words.norm_bytes(k), b"a" | b"au" | b"aux")
}

/// Whether the person `person` is named after a possessive title ("leur
/// porte-parole X", "son directeur, X").
fn possessive_title(text: &str, person: &Mention) -> bool {
    if person.kind != EntityKind::Person {
        return false;
    }
    let Some(before) = text.get(..person.span.start) else {
        return false;
    };
    let before = before.trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    POSSESSIVE_TITLES
        .iter()
        .find_map(|title| before.strip_suffix(title))
        .and_then(|title| title.trim_end().rsplit(' ').next())
        .is_some_and(|possessive| {
            matches!(possessive, "son" | "sa" | "leur" | "Son" | "Sa" | "Leur")
        })
}

/// "Les FDS contrôlent 90 % de la ville, a affirmé leur porte-parole X":
/// an official named with a possessive title speaks for the organisation
/// that owns it: the last organisation or group the sentence (`mentions`)
/// names before him, one he did not speak to ("a déclaré à l'AFP son
/// directeur, X" is not the AFP's); else, when `previous` is given (the
/// mentions of the sentence before), the last organisation it names
/// ("L'OSDH dénonce les raids. Vingt civils ont été blessés, a précisé
/// son directeur, X"); else the last organisation that spoke
/// (`last_speaker`, "selon l'ONG").
fn possessive_owner<'a>(
    words: &Words,
    person: &Mention,
    mentions: &'a [Mention],
    previous: Option<&'a [Mention]>,
    last_speaker: Option<&'a Mention>,
) -> Option<&'a Mention> {
    let organisation = |m: &&Mention| can_be_source(m) && m.kind != EntityKind::Person;
    let in_sentence = mentions
        .iter()
        .rev()
        .filter(|m| m.span.end <= person.span.start)
        .filter(organisation)
        .find(|m| !addressed(words, token_of(words, m.span.start)));
    in_sentence.or_else(|| {
        let previous = previous?;
        previous
            .iter()
            .rev()
            .find(organisation)
            .or(last_speaker.filter(organisation))
    })
}

/// Titles of an official that a possessive may lead ("son directeur").
const POSSESSIVE_TITLES: [&str; 9] = [
    "porte-parole",
    "directeur",
    "directrice",
    "président",
    "commandant",
    "chef",
    "représentant",
    "secrétaire général",
    "ministre",
];

/// "un chiffre contesté par Damas qui l'estime à…", "l'OSDH, qui a fait
/// état de…": "qui" (and its clitics) before the verb at token `verb`
/// stands for the name right before it, a place too (a capital speaks for
/// its government).
fn relative_subject<'a>(
    words: &Words,
    mentions: &'a [Mention],
    verb: usize,
) -> Option<&'a Mention> {
    let mut k = verb;
    while k > 0
        && matches!(
            words.norm_bytes(k - 1),
            b"l" | b"le" | b"la" | b"les" | b"en" | b"y" | b"se" | b"s"
        )
    {
        k -= 1;
    }
    let qui = k
        .checked_sub(1)
        .filter(|&q| words.norm_bytes(q) == b"qui")?;
    let before = if qui > 0 && words.kind(qui - 1) == Some(TokenKind::Comma) {
        qui - 1
    } else {
        qui
    };
    // A place only right before "qui", with no comma ("à Alep, qui…" is
    // more often a town described than a government speaking).
    let speaker = mentions
        .iter()
        .filter(|m| can_be_source(m) || (m.kind == EntityKind::Place && before == qui))
        .find(|m| token_of(words, m.span.end) == before);
    if speaker.is_some() || before == qui {
        return speaker;
    }
    // "La coalition dirigée par Washington, qui affirme avoir mené 46
    // frappes": the speaker is named before the participle and its agent.
    let agent = mentions
        .iter()
        .find(|m| token_of(words, m.span.end) == before)?;
    let participle = words
        .articles_before(token_of(words, agent.span.start), 0)
        .checked_sub(2)?;
    if !participle_by_at(words, participle) {
        return None;
    }
    mentions
        .iter()
        .filter(|m| can_be_source(m))
        .find(|m| token_of(words, m.span.end) == participle)
}

/// Whether a folded word may be a past participle ("dirigée", "soutenus",
/// "conduit", "appuyées"): by its ending only, for a participle before
/// "par" and its agent.
fn may_be_participle(word: &[u8]) -> bool {
    let stem = word.strip_suffix(b"s").unwrap_or(word);
    let stem = stem
        .strip_suffix(b"e")
        .filter(|s| !s.is_empty())
        .unwrap_or(stem);
    word.len() >= 4 && matches!(stem.last(), Some(b'e' | b'i' | b'u' | b't' | b's'))
}

/// Token `k` is a participle followed by "par", which opens its agent
/// ("dirigée par Washington", "emmenée par les Etats-Unis"): the name
/// before it is described, the agent is no speaker.
fn participle_by_at(words: &Words, k: usize) -> bool {
    words.kind(k) == Some(TokenKind::Word)
        && may_be_participle(words.norm_bytes(k))
        && words.norm_bytes(k + 1) == b"par"
}

/// "Les États-Unis, qui ont acheminé des munitions, ont annoncé une aide
/// de 30 millions de dollars": a country opening the sentence, followed by
/// a comma, speaks for its government through a verb after the aside
/// (`verb` is the verb's first token, right after the aside's comma).
fn opening_country<'a>(words: &Words, mentions: &'a [Mention], verb: usize) -> Option<&'a Mention> {
    if verb == 0 || words.kind(verb - 1) != Some(TokenKind::Comma) {
        return None;
    }
    let opening = words.past_articles(0);
    mentions.iter().find(|m| {
        m.kind == EntityKind::Place
            && token_of(words, m.span.start) == opening
            && words.kind(token_of(words, m.span.end)) == Some(TokenKind::Comma)
            && crate::lexicon_type(m) == Some("country")
    })
}

/// "L'OSDH, une ONG basée au Royaume-Uni qui dispose d'un réseau de
/// sources, a affirmé que…": the name that opens the sentence, followed by
/// a comma (after its acronym in brackets), is the subject of a speech
/// verb after a longer aside. `verb` is the verb's first token, right after
/// the aside's closing comma.
fn opening_subject<'a>(
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    verb: usize,
) -> Option<&'a Mention> {
    let mut first = words.past_articles(0);
    // "L'agence Amaq, proche de l'EI, a affirmé": the name after a noun
    // that says what it is (the `speaker` nouns of `attribution.tsv`; not
    // a person's title: "Le général X, commandant de la brigade Y, a
    // déclaré" speaks for the unit of the aside).
    if !sources.iter().any(|&(s, _, _)| s == first)
        && TABLES
            .speaker_nouns
            .get_bytes(words.norm_bytes(first))
            .is_some_and(|noun| *noun != SpeakerNoun::Title)
    {
        first += 1;
    }
    let &(_, end, subject) = sources.iter().find(|&&(s, _, _)| s == first)?;
    // "L'Observatoire … (OSDH), …": the acronym stays with the name.
    let mut comma = end;
    if words.norm_bytes(comma) == b"(" {
        comma = (comma + 1..comma + 6).find(|&k| words.norm_bytes(k) == b")")? + 1;
    }
    // "La coalition dirigée par les Etats-Unis, …": a participle and its
    // agent stay with the name, as the acronym does.
    if participle_by_at(words, comma) {
        comma = (comma + 2..comma + 2 + AGENT_WINDOW)
            .find(|&k| words.kind(k) != Some(TokenKind::Word))
            .filter(|&k| k < verb)?;
    }
    let aside = comma + 1..verb.checked_sub(1)?;
    (words.kind(comma) == Some(TokenKind::Comma)
        && !aside.is_empty()
        && !aside
            .clone()
            .any(|k| words.kind(k) == Some(TokenKind::Stop))
        // A person named in the aside may be the speaker ("Le Hezbollah,
        // par la voix de son chef X, a annoncé"), unless the aside is a
        // relative clause of its own ("HTC, dont le chef X avait juré…,
        // a reconnu").
        && (matches!(words.norm_bytes(comma + 1), b"dont" | b"qui")
            || !sources
                .iter()
                .any(|&(s, _, m)| aside.contains(&s) && m.kind == EntityKind::Person))
        // "L'armée, appuyée par l'aviation russe, a repris trois collines,
        // a rapporté notre correspondant": the subject's own verb comes
        // first; the speech verb after it has a speaker of its own.
        && !aside.clone().any(|k| {
            words.kind(k) == Some(TokenKind::Comma) && is_avoir_auxiliary(words.norm_bytes(k + 1))
        }))
    .then_some(subject)
}

/// "le directeur de l'OSDH, Rami Abdel Rahmane", "le porte-parole de
/// l'armée, le général X": the organisation speaks.
fn organisation_of<'a>(
    text: &str,
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    start: usize,
    person: &'a Mention,
    earlier: &'a [Mention],
) -> &'a Mention {
    if person.kind != EntityKind::Person {
        return person;
    }
    // Only an organisation the person belongs to: "de l'OSDH, Rami…", not
    // "selon le quotidien X, Y a dit".
    let Some(comma) = comma_before_name(words, start) else {
        return person;
    };
    // "du Parti arabe démocrate (PAD), Ali Fedda": an acronym in brackets
    // may stand between the organisation and the comma.
    let bracketed = comma
        .checked_sub(1)
        .filter(|&close| words.norm_bytes(close) == b")")
        .and_then(|close| {
            (close.saturating_sub(4)..close)
                .rev()
                .find(|&k| words.norm_bytes(k) == b"(")
        });
    sources
        .iter()
        .rfind(|&&(_, e, m)| m.kind != EntityKind::Person && (e == comma || Some(e) == bracketed))
        .filter(|&&(s, _, _)| words.after_de(s) && !posted_to(words, s))
        .map(|&(_, _, m)| m)
        .or_else(|| organisation_named_again(text, words, comma, earlier))
        .unwrap_or(person)
}

/// "le représentant syrien auprès des Nations unies": the body a person
/// is posted to is not the one he speaks for.
fn posted_to(words: &Words, s: usize) -> bool {
    let k = words.articles_before(s, 0);
    k >= 2 && words.norm_bytes(k - 2) == b"aupres"
}

/// The comma before a person's name at token `start`, with his title
/// between ("…, le général X", "…, X"): the name is in apposition.
fn comma_before_name(words: &Words, start: usize) -> Option<usize> {
    let comma = (start.saturating_sub(4)..start)
        .rev()
        .find(|&k| words.kind(k) == Some(TokenKind::Comma))?;
    let title = comma + 1..start;
    let plain = title.is_empty()
        || (matches!(words.norm_bytes(comma + 1), b"le" | b"la" | b"l")
            && title
                .clone()
                .all(|k| words.kind(k) == Some(TokenKind::Word)))
        // "…, sayyed Hassan Nasrallah", "…, cheikh X": an honorific alone.
        || title
            .clone()
            .all(|k| TABLES.honorifics.get_bytes(words.norm_bytes(k)).is_some());
    plain.then_some(comma)
}

/// "de l'armée", "du ministère" ending at token `end` (exclusive): a
/// title's organisation named again by a common noun.
fn organisation_named_again<'a>(
    text: &str,
    words: &Words,
    end: usize,
    earlier: &'a [Mention],
) -> Option<&'a Mention> {
    let noun = end.checked_sub(1)?;
    let article = noun.checked_sub(1)?;
    match words.norm_bytes(article) {
        b"l" | b"le" | b"la"
            if article > 0 && matches!(words.norm_bytes(article - 1), b"de" | b"d") =>
        {
            named_again_in(text, words, article, earlier, None)
        }
        // "le porte-parole des Unités, X": a plural name named again.
        b"du" | b"des" => named_again_in(text, words, article, earlier, None),
        _ => None,
    }
}

/// "le porte-parole de l'armée, le général X" from token `from` on: the
/// organisation of a speaker's title, named again by a common noun.
fn titled_after<'a>(
    text: &str,
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    from: usize,
    earlier: &'a [Mention],
) -> Option<&'a Mention> {
    // "son directeur, X": a possessive title too (`possessive_owner` then
    // finds whose).
    if !matches!(
        words.norm_bytes(from),
        b"le" | b"la" | b"l" | b"un" | b"une" | b"son" | b"sa" | b"leur"
    ) {
        return None;
    }
    let comma = (from + 1..from + APPOSITION_WINDOW)
        .take_while(|&k| {
            matches!(words.kind(k), Some(TokenKind::Word | TokenKind::Comma))
                || words.norm_bytes(k) == b"-"
        })
        .find(|&k| words.kind(k) == Some(TokenKind::Comma))?;
    // A person named after the comma: the title is his ("a indiqué un
    // porte-parole, X"), and the organisation of the title speaks.
    let (start, end, person) = *sources.iter().find(|&&(s, _, m)| {
        m.kind == EntityKind::Person && comma_before_name(words, s) == Some(comma)
    })?;
    // The organisation of the title, named ("de l'armée libanaise, le
    // général X") or named again ("de l'armée, …"), else one after him.
    let organisation = organisation_of(text, words, sources, start, person, earlier);
    Some(if organisation.kind == EntityKind::Person {
        organisation_after(text, words, sources, end, person, earlier)
    } else {
        organisation
    })
}

/// The token of the noun that says who speaks after the article at token
/// `at`: the noun itself ("le ministère", "la même ONG"), or the speaker
/// noun of its complement ("le commandement général de l'armée": whose
/// command it is).
fn speaker_noun_after(words: &Words, at: usize) -> usize {
    let noun = if words.norm_bytes(at + 1) == b"meme" {
        at + 2
    } else {
        at + 1
    };
    (noun + 1..noun + 4)
        .take_while(|&k| words.kind(k) == Some(TokenKind::Word))
        .find(|&k| matches!(words.norm_bytes(k), b"de" | b"d" | b"du"))
        .map(|de| {
            if words.norm_bytes(de) == b"du" {
                de + 1
            } else {
                words.past_articles(de + 1)
            }
        })
        .filter(|&k| {
            TABLES
                .speaker_nouns
                .get_bytes(words.norm_bytes(k))
                .is_some()
        })
        .unwrap_or(noun)
}

/// The speaker a common noun after the article at token `at` names again:
/// the sentence's subject when it fits; else the last earlier name whose
/// first word is that noun ("ce commandement" after "le Commandement des
/// opérations conjointes", even where an army was named since); else the
/// last entity of its kind named before the sentence (`earlier`, a few
/// paragraphs at most).
fn named_again_in<'a>(
    text: &str,
    words: &Words,
    at: usize,
    earlier: &'a [Mention],
    subject: Option<&'a Mention>,
) -> Option<&'a Mention> {
    let (noun, speaker) = speaker_named_at(words, at)?;
    if *speaker == SpeakerNoun::Title {
        return titled_person(text, words, noun, earlier);
    }
    subject_named_again(speaker, subject)
        // (Of the speaker's kind: "l'armée" is no rebel "Armée …".)
        .or_else(|| {
            by_head_word(text, words.norm_bytes(noun), earlier).filter(|m| fits_speaker(speaker, m))
        })
        .or_else(|| named_again_by_kind(speaker, earlier))
}

/// Whether mention `m` is of the kind of speaker a common noun names.
fn fits_speaker(speaker: &SpeakerNoun, m: &Mention) -> bool {
    match speaker {
        SpeakerNoun::Kind(kind) | SpeakerNoun::Named(kind) => m.kind == *kind,
        SpeakerNoun::Army => m.kind == EntityKind::ArmedGroup && TABLES.side(&m.id) == Side::State,
        SpeakerNoun::Title => m.kind == EntityKind::Person,
    }
}

/// "L'armée israélienne a visé des positions de l'armée syrienne, a
/// indiqué l'armée": the sentence's subject, when it fits, before any name
/// of the paragraphs before. An army or its command speaks for an army,
/// not for the air force it sends.
fn subject_named_again<'a>(
    speaker: &SpeakerNoun,
    subject: Option<&'a Mention>,
) -> Option<&'a Mention> {
    subject.filter(|m| {
        !matches!(speaker, SpeakerNoun::Named(_))
            && fits_speaker(speaker, m)
            && !["-air-force", "-navy", "-police", "-intelligence"]
                .iter()
                .any(|branch| m.id.ends_with(branch))
    })
}

/// The last of `earlier` of the kind a common noun names ("l'ONG", "le
/// ministère"); for "le commandement", an army rather than an air force or
/// a jihadist group, when one was named.
fn named_again_by_kind<'a>(speaker: &SpeakerNoun, earlier: &'a [Mention]) -> Option<&'a Mention> {
    if matches!(speaker, SpeakerNoun::Named(_) | SpeakerNoun::Title) {
        return None;
    }
    if *speaker == SpeakerNoun::Kind(EntityKind::ArmedGroup) {
        let army = |m: &&Mention| {
            m.kind == EntityKind::ArmedGroup
                && TABLES.side(&m.id) == Side::State
                && m.id.ends_with("-army")
        };
        if let Some(m) = earlier.iter().rev().take(NAMED_AGAIN_REACH).find(army) {
            return Some(m);
        }
    }
    earlier
        .iter()
        .rev()
        .take(NAMED_AGAIN_REACH)
        .find(|m| fits_speaker(speaker, m))
}

/// The noun of a speaker named again by a common noun after the article
/// or demonstrative at token `at` ("le ministère", "ce commandement"), and
/// the kind of speaker it names.
fn speaker_named_at(words: &Words, at: usize) -> Option<(usize, &'static SpeakerNoun)> {
    if !matches!(
        words.norm_bytes(at),
        b"le" | b"la" | b"l" | b"du" | b"des" | b"ce" | b"cet" | b"cette"
    ) {
        return None;
    }
    let noun = speaker_noun_after(words, at);
    let speaker = TABLES.speaker_nouns.get_bytes(words.norm_bytes(noun))?;
    Some((noun, speaker))
}

/// "Le gouverneur a ajouté", "selon le ministre de la Santé", "selon le
/// porte-parole": the last person of `earlier` whose title held the noun
/// at token `noun` (and its complement, when one follows it), written
/// before his name ("le gouverneur de Hama, X", "le général X") or after
/// it ("X, ministre de la Santé"). Where that title named an organisation
/// before his name ("le porte-parole du Commandement des opérations
/// conjointes, le général X"), the organisation speaks, as when he is
/// named. A title that names nobody before names nobody (a wrong speaker
/// is worse than none), and a title with a name of its own in apposition
/// ("selon le gouverneur de Homs, X") is left to that name.
fn titled_person<'a>(
    text: &str,
    words: &Words,
    noun: usize,
    earlier: &'a [Mention],
) -> Option<&'a Mention> {
    let title = std::str::from_utf8(words.norm_bytes(noun)).ok()?;
    // "porte-parole": its complement follows its second word.
    let title_end = if words.norm_bytes(noun + 1) == b"-" && words.norm_bytes(noun + 2) == b"parole"
    {
        noun + 2
    } else {
        noun
    };
    // "selon le gouverneur de la province, X": named here.
    let apposition = (title_end + 1..title_end + APPOSITION_WINDOW)
        .take_while(|&k| words.kind(k) != Some(TokenKind::Stop))
        .find(|&k| words.kind(k) == Some(TokenKind::Comma))
        .and_then(|comma| words.tokens.get(comma + 1))
        .and_then(|next| text.get(next.span.start..))
        .and_then(|next| next.chars().next())
        .is_some_and(char::is_uppercase);
    if apposition {
        return None;
    }
    // "le ministre de la Défense": the complement's first word.
    let complement = matches!(
        words.norm_bytes(title_end + 1),
        b"de" | b"d" | b"du" | b"des"
    )
    .then(|| words.past_articles(title_end + 2))
    .filter(|&k| words.kind(k) == Some(TokenKind::Word))
    .and_then(|k| std::str::from_utf8(words.norm_bytes(k)).ok());
    let holds = |title_words: &[String]| {
        title_words.first().is_some_and(|w| w == title)
            && complement.is_none_or(|c| title_words.iter().any(|w| w == c))
    };
    earlier
        .iter()
        .rev()
        .take(NAMED_AGAIN_REACH)
        .filter(|m| m.kind == EntityKind::Person)
        .find_map(|m| {
            if let Some((from, title_words)) = title_before(text, m, title) {
                if holds(&title_words) {
                    // The organisation of his title, named before him.
                    let organisation = earlier.iter().rev().take(NAMED_AGAIN_REACH).find(|o| {
                        o.span.start >= from
                            && o.span.end <= m.span.start
                            && can_be_source(o)
                            && o.kind != EntityKind::Person
                    });
                    // "le porte-parole du ministère, X": the organisation
                    // named again in his title.
                    let named_again = || {
                        let complement = title_words.iter().skip(1).find(|w| {
                            !matches!(
                                w.as_str(),
                                "parole" | "de" | "du" | "des" | "d" | "l" | "la" | "le" | "les"
                            )
                        })?;
                        let speaker = TABLES.speaker_nouns.get(complement)?;
                        let before = &earlier[..earlier.partition_point(|o| o.span.end <= from)];
                        named_again_by_kind(speaker, before)
                    };
                    return Some(organisation.or_else(named_again).unwrap_or(m));
                }
            }
            title_after(text, m).is_some_and(|t| holds(&t)).then_some(m)
        })
}

/// The words of the title written right before the person `m` ("le
/// gouverneur de Hama, X": "gouverneur de hama"), folded, from its noun on,
/// and the byte where the noun starts: the last words before the name in
/// its sentence, from the last that is `noun` (folded), with no verb or
/// clause word between it and the name.
fn title_before(text: &str, m: &Mention, noun: &str) -> Option<(usize, Vec<String>)> {
    /// The longest title written before a name, in bytes.
    const REACH: usize = 80;
    let mut from = m.span.start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..m.span.start)?;
    // Past the last stop, whose char may be two bytes ("»").
    let start = window
        .char_indices()
        .rfind(|&(_, c)| {
            matches!(
                c,
                '.' | ';' | ':' | '!' | '?' | '\n' | '«' | '»' | '(' | ')'
            )
        })
        .map_or(0, |(at, c)| at + c.len_utf8());
    let words = folded_words(&window[start..], from + start);
    let noun = words.iter().rposition(|(_, w)| w == noun)?;
    let title = &words[noun..];
    (title.len() <= TITLE_WORDS
        && !title[1..].iter().any(|(_, w)| {
            matches!(
                w.as_str(),
                "a" | "ont"
                    | "est"
                    | "sont"
                    | "que"
                    | "qu"
                    | "qui"
                    | "dont"
                    | "selon"
                    | "par"
                    | "avec"
                    | "pour"
                    | "et"
            )
        }))
    .then(|| (title[0].0, title.iter().map(|(_, w)| w.clone()).collect()))
}

/// The folded words of the title apposed right after the person `m`, up
/// to the next comma ("X, ministre de la Santé, …": "ministre de la
/// sante"), past an article ("X, le gouverneur de Hama").
fn title_after(text: &str, m: &Mention) -> Option<Vec<String>> {
    /// The longest title written after a name, in bytes.
    const REACH: usize = 60;
    let mut to = (m.span.end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let after = text.get(m.span.end..to)?.strip_prefix(',')?;
    let after = after
        .find([',', '.', ';', ':', '!', '?', '\n', '«', '»', '('])
        .map_or(after, |stop| &after[..stop]);
    Some(
        folded_words(after, 0)
            .into_iter()
            .map(|(_, w)| w)
            .skip_while(|w| matches!(w.as_str(), "le" | "la" | "l" | "un" | "une" | "son" | "sa"))
            .collect(),
    )
}

/// The words (runs of letters and digits) of `window`, folded, each with
/// the byte where it starts, `offset` being the window's own.
fn folded_words(window: &str, offset: usize) -> Vec<(usize, String)> {
    let mut words = Vec::new();
    let mut word_start = None;
    for (at, c) in window.char_indices().chain([(window.len(), ' ')]) {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(s)) => {
                words.push((offset + s, crate::words::fold(&window[s..at])));
                word_start = None;
            }
            _ => {}
        }
    }
    words
}

/// The last of `earlier` whose first word is `head`, a speaker noun in
/// folded spelling ("ce commandement", "le ministère").
fn by_head_word<'a>(text: &str, head: &[u8], earlier: &'a [Mention]) -> Option<&'a Mention> {
    // The names of the last paragraphs only: the work per sentence stays
    // bounded however long the document.
    let initial = *head.first()?;
    let bytes = text.as_bytes();
    earlier.iter().rev().take(HEAD_WORD_REACH).find(|m| {
        // Most names start with another letter: one byte tells (an
        // accented capital is folded below).
        let first_byte = bytes.get(m.span.start).copied().unwrap_or(0);
        if first_byte < 0x80 && first_byte.to_ascii_lowercase() != initial {
            return false;
        }
        text.get(m.span.start..m.span.end)
            .and_then(|name| name.split([' ', '\'', '’', '-']).next())
            .is_some_and(|first| {
                // Most names are ASCII: compared without folding.
                if first.is_ascii() {
                    first.as_bytes().eq_ignore_ascii_case(head)
                } else {
                    first.len() >= head.len() && crate::words::fold(first).as_bytes() == head
                }
            })
    })
}

/// "selon le commandant de l'opération, le général X", "selon le
/// gouverneur de la province, X.": the speaker's title, then his name
/// after one comma — after a title of his own, or alone and ending the
/// clause (not "…, X a été tué").
fn apposed<'a>(
    text: &str,
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    after: usize,
    earlier: &'a [Mention],
) -> Option<&'a Mention> {
    let comma = (after..after + APPOSITION_WINDOW).find(|&k| {
        matches!(
            words.kind(k),
            Some(TokenKind::Comma | TokenKind::Stop | TokenKind::Symbol)
        ) || words.kind(k).is_none()
    })?;
    if words.kind(comma) != Some(TokenKind::Comma) {
        return None;
    }
    let titled = matches!(words.norm_bytes(comma + 1), b"le" | b"la" | b"l");
    sources
        .iter()
        .filter(|&&(_, _, m)| m.kind == EntityKind::Person)
        .find(|&&(s, e, _)| {
            if titled {
                s > comma + 1 && s <= comma + 4
            } else {
                s == comma + 1
                    && matches!(
                        words.kind(e),
                        None | Some(TokenKind::Comma | TokenKind::Stop | TokenKind::Symbol)
                    )
            }
        })
        .map(|&(_, _, m)| {
            // "selon le porte-parole des Unités, X": the organisation
            // his title names again speaks.
            organisation_named_again(text, words, comma, earlier).unwrap_or(m)
        })
}

/// "à l'AFP", "auprès de Reuters" right after a speech verb: the token
/// after the outlet told, which only relays the speaker.
fn relayed_to(words: &Words, sources: &[(usize, usize, &Mention)], after: usize) -> Option<usize> {
    let k = words.past_articles(match words.norm_bytes(after) {
        // "a écrit sur Twitter le porte-parole": a platform relays too.
        b"a" | b"sur" => after + 1,
        b"aupres" if matches!(words.norm_bytes(after + 1), b"de" | b"d" | b"du" | b"des") => {
            after + 2
        }
        _ => return None,
    });
    // The outlet's name may hold its article ("à L'Orient-Le Jour").
    sources
        .iter()
        .find(|&&(s, _, m)| after < s && s <= k && m.kind == EntityKind::Media)
        .map(|&(_, e, _)| e)
}

/// "Rami Abdel Rahmane, le directeur de l'OSDH": a person named first and
/// then placed in an organisation speaks for it.
fn organisation_after<'a>(
    text: &str,
    words: &Words,
    sources: &[(usize, usize, &'a Mention)],
    end: usize,
    person: &'a Mention,
    earlier: &'a [Mention],
) -> &'a Mention {
    if person.kind != EntityKind::Person || words.kind(end) != Some(TokenKind::Comma) {
        return person;
    }
    sources
        .iter()
        .find(|&&(s, _, m)| m.kind != EntityKind::Person && s > end && s <= end + 5)
        .filter(|&&(s, _, _)| {
            !clause_between(words, end + 1, s)
                && words.after_de(s)
                // "X, un combattant de la brigade 14" speaks for himself.
                && !(end + 1..s).any(|k| TABLES.private_speakers.contains_token(words, k))
        })
        .map(|&(_, _, m)| m)
        // "X, porte-parole de l'armée": the organisation named again.
        .or_else(|| {
            // The end of the title: the next comma, stop or the sentence's end.
            let title_end = (end + 2..end + 7).find(|&k| {
                matches!(
                    words.kind(k),
                    None | Some(TokenKind::Comma | TokenKind::Stop)
                )
            })?;
            organisation_named_again(text, words, title_end, earlier)
        })
        .unwrap_or(person)
}

/// A clause ends between tokens `from` and `to` (full stop or comma; not
/// the stop of a title: "M. Abadi").
fn clause_between(words: &Words, from: usize, to: usize) -> bool {
    (from..to).any(|k| match words.kind(k) {
        Some(TokenKind::Comma) => true,
        Some(TokenKind::Stop) => !(k > from && is_title_abbreviation(words.norm(k - 1))),
        _ => false,
    })
}

/// "M.", "Mme", "Dr": a title whose stop does not end a sentence.
fn is_title_abbreviation(word: &str) -> bool {
    TABLES.titles.contains_word(word)
}

/// A full stop or a quotation mark stands between tokens `from` and `to`.
fn quote_between(words: &Words, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        words.kind(k) == Some(TokenKind::Stop)
            || matches!(words.norm(k), "«" | "»" | "\"" | "“" | "”")
    })
}

/// Whether a cue is cut off from the claim by a new clause: before the
/// claim, by ", et", ", mais", ", tandis" or ";" (a "selon X" closing the
/// clause before); after it, by ";" ("…pénétrait de 40 mètres ; la FINUL a
/// confirmé"), since "12 morts, et 30 blessés, a affirmé X" is one
/// statement.
fn clause_break_between(text: &str, cue: Span, claim: Span) -> bool {
    if cue.start >= claim.end {
        return Span::new(claim.end, cue.start).slice(text).contains(';');
    }
    if cue.end > claim.start {
        return false;
    }
    let gap = Span::new(cue.end, claim.start).slice(text);
    gap.contains(';')
        || [", et ", ", mais ", ", tandis "]
            .iter()
            .any(|joint| gap.contains(joint))
}

fn distance(a: Span, b: Span) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The source nearest to the claim, among those of the claim's own clause
/// first: "900 civils tués selon l'OSDH, et 400.000 déplacés selon l'ONU"
/// credits the second figure to the UN, though the OSDH's cue is nearer.
pub(crate) fn source_for(
    text: &str,
    claim: Span,
    attributed: &[Attributed<'_>],
) -> Option<EntityId> {
    let chosen = match attributed {
        // One cue (most sentences): no clause to weigh.
        [only] => Some(only),
        _ => attributed.iter().min_by_key(|a| {
            (
                clause_break_between(text, a.cue, claim),
                distance(claim, a.cue),
            )
        }),
    };
    chosen.and_then(|a| a.source).map(|m| m.id.clone())
}

/// The place that opens the sentence as the subject of a verb that holds
/// what is counted after it ("Deir Hafer, bourgade kurde, comptait 20.000
/// habitants", "La région d'Afrin abrite 300.000 déplacés"; `holds` rows
/// of `place_verbs.tsv`), with the byte where that verb ends: the figures
/// after it are that place's, whatever place the rest of the sentence
/// names ("… venus d'Irak", "… ayant fui la Syrie").
///
/// The name may follow determiners and a place noun ("la région de"),
/// asides between commas may stand before the verb, and auxiliaries,
/// a reflexive "s'" and a few adverbs before it.
pub(crate) fn holder<'a>(
    words: &Words,
    places: &[(&'a Mention, bool)],
) -> Option<(&'a Mention, usize)> {
    // "Située à 45 km de Deir ez-Zor, la ville comptait…": after an
    // opening clause that situates it, the subject opens the main clause.
    let floor = if TABLES.place_verb(words, 0) == Some(PlaceVerb::Situated) {
        situating_clause_end(words, 1)? + 1
    } else {
        0
    };
    let floor_byte = words.tokens.get(floor)?.span.start;
    let &(m, _) = places.iter().find(|(m, _)| m.span.start >= floor_byte)?;
    // Only determiners, place nouns and the "de" after a place noun before
    // the name, back to the sentence's (or main clause's) start: a few
    // words at most ("la petite ville de X"), so that one comparison rules
    // out the places further on.
    if words
        .tokens
        .get(floor + PLACE_WINDOW + 1)
        .is_some_and(|t| t.span.start <= m.span.start)
    {
        return None;
    }
    let mut k = token_of(words, m.span.start);
    while let Some(previous) = k.checked_sub(1).filter(|&p| p >= floor) {
        k = match TABLES.place_word(words, previous) {
            Some(PlaceWord::Determiner | PlaceWord::Noun) => previous,
            Some(PlaceWord::Preposition)
                if matches!(words.norm_bytes(previous), b"de" | b"d" | b"du")
                    && previous.checked_sub(1).is_some_and(|noun| {
                        TABLES.place_word(words, noun) == Some(PlaceWord::Noun)
                    }) =>
            {
                previous
            }
            _ => return None,
        };
    }
    let mut k = token_of(words, m.span.end);
    // Asides between commas ("Tal Afar, ville turkmène, était peuplée").
    for _ in 0..2 {
        if words.kind(k) != Some(TokenKind::Comma) {
            break;
        }
        let close = (k + 1..words.len().min(k + 1 + ASIDE_WINDOW * 2))
            .find(|&c| matches!(words.kind(c), Some(TokenKind::Comma | TokenKind::Stop)))?;
        if words.kind(close) != Some(TokenKind::Comma) {
            return None;
        }
        k = close + 1;
    }
    for _ in 0..4 {
        let word = words.norm_bytes(k);
        if !(is_avoir_auxiliary(word)
            || matches!(
                word,
                b"est"
                    | b"etait"
                    | b"sont"
                    | b"etaient"
                    | b"serait"
                    | b"seraient"
                    | b"ete"
                    | b"s"
                    | b"encore"
                    | b"toujours"
                    | b"deja"
                    | b"desormais"
                    | b"actuellement"
            ))
        {
            break;
        }
        k += 1;
    }
    (words.kind(k) == Some(TokenKind::Word)
        && TABLES.place_verb(words, k) == Some(PlaceVerb::Holds))
    .then(|| (m, words.tokens[k].span.end))
}

/// Places followed by a description between commas ("Mossoul, reprise
/// par…", "Tal Afar, une ville…"), not by another name of a list, each
/// with its description: from the comma to the next comma or clause end.
pub(crate) fn described<'a>(
    words: &Words,
    places: &[(&'a Mention, bool)],
    out: &mut Vec<(&'a Mention, Span)>,
) {
    out.clear();
    let found = places.iter().map(|&(m, _)| m).filter_map(|m| {
        let next = token_of(words, m.span.end);
        let opens = words.kind(next) == Some(TokenKind::Comma)
            && words.kind(next + 1) == Some(TokenKind::Word)
            && !matches!(words.norm_bytes(next + 1), b"et" | b"ou")
            && !places
                .iter()
                .any(|(o, _)| token_of(words, o.span.start) == next + 1);
        if !opens {
            return None;
        }
        let close = (next + 1..words.len())
            .find(|&k| matches!(words.kind(k), Some(TokenKind::Comma | TokenKind::Stop)))
            .unwrap_or(words.len());
        let start = words.tokens.get(next).map_or(m.span.end, |t| t.span.end);
        // A place that completes another noun ("le poste de Nassib avec la
        // Jordanie, fermé…") is not what the description is of.
        let first = words.articles_before(token_of(words, m.span.start), 0);
        let complement = first > 0
            && matches!(
                words.norm_bytes(first - 1),
                b"avec"
                    | b"contre"
                    | b"entre"
                    | b"vers"
                    | b"et"
                    | b"ou"
                    | b"sans"
                    | b"pour"
                    | b"par"
            );
        if complement {
            return Some((m, Span::new(start, start)));
        }
        // Up to the closing comma or stop, else to the sentence's end.
        let end = match words.tokens.get(close) {
            Some(t) => t.span.start,
            None => words.tokens.last().map_or(start, |t| t.span.end),
        };
        Some((m, Span::new(start, end.max(start))))
    });
    out.extend(found);
}

/// The asides between commas that name a place and describe the noun
/// before them: a relative clause, a participle or an adjective opens
/// them (", dont l'appui fut décisif à Mossoul,", ", décisive à
/// Raqqa,", ", située près de Homs,"), not a preposition, an article, an
/// adverb or a name (", à Khiam," situates the clause; ", Hama," lists;
/// "Depuis, Daech a perdu Ramadi," is the main clause). From the opening
/// comma's end to the closing comma's start; the figures of the clause
/// after it are not in its places.
pub(crate) fn descriptive_asides(
    words: &Words,
    mentions: &[Mention],
    places: &[(&Mention, bool)],
    out: &mut Vec<Span>,
) {
    out.clear();
    // Weights matter between places only.
    if places.len() < 2 {
        return;
    }
    for &(m, _) in places {
        if out
            .iter()
            .any(|a| a.start <= m.span.start && m.span.end <= a.end)
        {
            continue;
        }
        let first = token_of(words, m.span.start);
        let Some(open) = (first.saturating_sub(ASIDE_WINDOW)..first)
            .rev()
            .find(|&k| !matches!(words.kind(k), Some(TokenKind::Word | TokenKind::Number)))
        else {
            continue;
        };
        let opener = open + 1;
        if words.kind(open) != Some(TokenKind::Comma) || opener >= first {
            continue;
        }
        let word = words.norm_bytes(opener);
        let describing = matches!(
            word,
            b"dont" | b"qui" | b"lequel" | b"laquelle" | b"lesquels" | b"lesquelles"
        ) || [&b"ee"[..], b"ees", b"ive", b"ives", b"ique", b"iques"]
            .iter()
            .any(|ending| word.ends_with(ending));
        if !describing {
            continue;
        }
        let last = token_of(words, m.span.end);
        let Some(close) = (last..words.len().min(last + ASIDE_WINDOW))
            .find(|&k| !matches!(words.kind(k), Some(TokenKind::Word | TokenKind::Number)))
        else {
            continue;
        };
        let descriptive = words.kind(close) == Some(TokenKind::Comma)
            && words.kind(opener) == Some(TokenKind::Word)
            && TABLES.place_word(words, opener).is_none()
            && !is_article(word)
            && !mentions
                .iter()
                .any(|m| is_token_of(words, m.span.start, opener));
        if descriptive {
            let start = words.tokens.get(open).map_or(0, |t| t.span.end);
            let end = words.tokens.get(close).map_or(start, |t| t.span.start);
            out.push(Span::new(start, end.max(start)));
        }
    }
}

/// Place mentions of the sentence, with whether a preposition governs them.
pub(crate) fn places<'a>(
    words: &Words,
    mentions: &'a [Mention],
    out: &mut Vec<(&'a Mention, bool)>,
) {
    out.clear();
    // Each place's first token, searched once.
    let found = mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .map(|m| (m, token_of(words, m.span.start)))
        .filter(|&(_, i)| !seat(words, i))
        .filter(|&(_, i)| !in_speaker_title(words, mentions, i))
        .filter(|&(_, i)| !origin(words, i))
        .filter(|&(_, i)| !after_lead(words, i))
        .map(|(m, first)| (m, first, governed(words, first)))
        .filter(|&(m, first, governed)| {
            !by_agent(words, first)
                && !striking_state(words, mentions, first, m)
                && (governed || !acting(words, first, m))
        })
        .map(|(m, _, governed)| (m, governed));
    out.extend(found);
}

/// The place named right after the lead ending at token `after`
/// ("selon Damas", "d'après la Turquie"): a state speaking by its capital
/// or its name.
fn spoken_by_place<'a>(
    words: &Words,
    mentions: &'a [Mention],
    after: usize,
) -> Option<&'a Mention> {
    let name = words.past_articles(after);
    mentions
        .iter()
        .find(|m| m.kind == EntityKind::Place && is_token_of(words, m.span.start, name))
}

/// Whether the name whose first token is `first` is named right after a
/// lead ("selon Damas", "d'après les FDS"): a speaker, not where the
/// figures are nor whom they count.
pub(crate) fn after_lead(words: &Words, first: usize) -> bool {
    let opening = words.articles_before(first, 0);
    // Most places follow a preposition: ruled out before the table, by the
    // last word of the leads a name may follow ("selon", "d'après",
    // "citant", "de source(s)", "à en croire"; after "par" a place is an
    // agent already).
    let last = opening
        .checked_sub(1)
        .map_or(&b""[..], |k| words.norm_bytes(k));
    if !matches!(
        last,
        b"selon" | b"apres" | b"citant" | b"source" | b"sources" | b"croire"
    ) {
        return false;
    }
    TABLES
        .attribution
        .ending_at(words, opening)
        .is_some_and(|(_, role)| *role == Attribution::Lead)
}

/// "des frappes menées par la Russie", "la coalition emmenée par les
/// Etats-Unis": a place after "par" is the agent of what is told.
fn by_agent(words: &Words, first: usize) -> bool {
    let opening = words.articles_before(first, 0);
    opening > 0 && words.norm_bytes(opening - 1) == b"par"
}

/// "des frappes aériennes de la Russie", "des raids du régime syrien et
/// de la Russie": a country after "de" that follows a word of strikes
/// (`strikes.tsv`, an adjective between) or is joined by "et" to a group
/// or organisation named just before is who strikes, not where. Countries
/// only (their type in the embedded lexicon): "le bombardement de Homs"
/// names the town struck.
fn striking_state(words: &Words, mentions: &[Mention], first: usize, place: &Mention) -> bool {
    let opening = words.articles_before(first, 0);
    let Some(de) = opening.checked_sub(1) else {
        return false;
    };
    if !matches!(words.norm_bytes(de), b"de" | b"d" | b"du" | b"des") || de == 0 {
        return false;
    }
    let before = de - 1;
    let strikes = |k: usize| TABLES.strikes.longest_at(words, k).is_some();
    let after_strikes = strikes(before) || (before > 0 && strikes(before - 1));
    let joined = words.norm_bytes(before) == b"et"
        && mentions
            .iter()
            .any(|m| m.kind != EntityKind::Place && is_token_of(words, m.span.end, before));
    (after_strikes || joined) && crate::lexicon_type(place) == Some("country")
}

/// "Israël a tué 3 civils", "la Turquie affirme avoir neutralisé 12
/// terroristes", "Damas accuse Israël d'avoir tué 4 soldats": a country or
/// city that no preposition governs, as the subject of a verb that does
/// something to the people counted, as the one accused, or as a speaker
/// ("Moscou a annoncé"), acted; it is not where the figure happened.
/// ("Damas a perdu 3 soldats" keeps its place: the loser of a loss is its
/// side.)
fn acting(words: &Words, first: usize, m: &Mention) -> bool {
    let opening = words.articles_before(first, 0);
    if opening > 0 && words.norm_bytes(opening - 1).starts_with(b"accus") {
        return true;
    }
    let mut k = words.index_at(m.span.end);
    let verb = k;
    // Auxiliaries and adverbs up to the verb ("a également tué"); a speech
    // verb ends the walk, and says enough below.
    for _ in 0..4 {
        let word = words.norm_bytes(k);
        if !is_avoir_auxiliary(word)
            && !matches!(word, b"avoir" | b"egalement" | b"deja" | b"encore")
        {
            break;
        }
        k += 1;
    }
    // "Damas accuse", "Moscou a annoncé", "la Turquie affirme avoir
    // neutralisé": the state speaks (or claims what it did).
    if words.norm_bytes(k).starts_with(b"accus")
        || matches!(
            TABLES.attribution.longest_at(words, k),
            Some((_, Attribution::Verb))
        )
    {
        return true;
    }
    // An auxiliary first: "Mossoul libérée" is a participle of the
    // place, passive.
    k > verb
        && TABLES
            .outcomes
            .longest_at(words, k)
            .is_some_and(|(_, cue)| cue.before && !cue.loss)
}

/// "deux roquettes tirées depuis le jurd syrien du Qalamoun se sont
/// abattues sur le Hermel": a place in a phrase opened by "depuis" names
/// where something came from, not where its figure is. Back from the
/// place over the words of its phrase (no sign, no other preposition than
/// "de") to "depuis".
fn origin(words: &Words, i: usize) -> bool {
    let tables = &*TABLES;
    // "des étrangers venus de Libye", "originaires d'Alep", "en
    // provenance de Turquie": where people come from.
    if i >= 2
        && matches!(words.norm_bytes(i - 1), b"de" | b"d" | b"du" | b"des")
        && matches!(
            words.norm_bytes(i - 2),
            b"venu"
                | b"venus"
                | b"venue"
                | b"venues"
                | b"originaire"
                | b"originaires"
                | b"provenance"
        )
    {
        return true;
    }
    // Most places have no "depuis" before them: ruled out with no lookup,
    // the tokens' shapes compared first.
    let lowest = i.saturating_sub(PLACE_WINDOW + 2);
    let depuis = crate::tables::shape("depuis");
    let window = words
        .tokens
        .get(lowest..i.min(words.len()))
        .unwrap_or_default();
    if !window.iter().enumerate().any(|(offset, t)| {
        usize::from(t.shape) == depuis && words.norm_bytes(lowest + offset) == b"depuis"
    }) {
        return false;
    }
    let mut k = i;
    for _ in 0..PLACE_WINDOW + 2 {
        let Some(previous) = k.checked_sub(1) else {
            return false;
        };
        if words.kind(previous) != Some(TokenKind::Word) {
            return false;
        }
        match words.norm_bytes(previous) {
            // "infiltré depuis Hawija, à 55 km, où l'EI contrôle une
            // poche de 2 000 km2": a place a relative "où" describes is
            // also where that clause's figures are.
            b"depuis" => return !described_by_where(words, i),
            b"de" | b"d" | b"du" | b"des" => {}
            _ if tables.place_word(words, previous) == Some(PlaceWord::Preposition) => {
                return false;
            }
            _ => {}
        }
        k = previous;
    }
    false
}

/// The place starting at token `i` is followed, in its clause or past one
/// aside between commas, by a relative "où" ("Hawija, à 55 km, où…").
fn described_by_where(words: &Words, i: usize) -> bool {
    let mut commas = 0;
    for k in i + 1..(i + 1 + RELATIVE_WINDOW).min(words.len()) {
        match words.kind(k) {
            Some(TokenKind::Stop) | None => return false,
            Some(TokenKind::Comma) => {
                commas += 1;
                if commas > 2 {
                    return false;
                }
            }
            _ if words.is_where(k) => return true,
            _ => {}
        }
    }
    false
}

/// "selon le gouverneur de Deir Ezzor, X", "…, a indiqué le directeur de
/// l'hôpital de Rastan": a place in the title of a speaker, after a lead or
/// an inverted speech verb and before the end of the phrase, says who
/// speaks, not where the figures are.
fn in_speaker_title(words: &Words, mentions: &[Mention], i: usize) -> bool {
    let tables = &*TABLES;
    if i == 0 || !words.after_de(i) {
        return false;
    }
    // Back over the title to the cue: words only, a few of them.
    let lowest = i.saturating_sub(SOURCE_WINDOW + 1);
    let mut floor = i;
    while floor > lowest && words.kind(floor - 1) == Some(TokenKind::Word) {
        floor -= 1;
    }
    if floor == i {
        return false;
    }
    // The last cue of the title's words, if any: most places have none
    // before them, and then the mentions need not be read.
    let Some((k, len, role)) = (floor..i).rev().find_map(|k| {
        // (Words all: one no cue may start with is told by its flag.)
        if words.flags(k) & crate::tables::MAY_ATTRIBUTE == 0 {
            return None;
        }
        let (len, role) = tables.attribution.longest_at(words, k)?;
        Some((k, len, *role))
    }) else {
        return false;
    };
    // The title's noun is a common noun, not another name: the walk
    // stops at the last of its tokens where a mention other than a place
    // starts (`is_token_of`), found in one pass over the mentions; the
    // cue counts only above that one.
    let start_of = |k: usize| words.tokens.get(k).map_or(usize::MAX, |t| t.span.start);
    let above = floor.checked_sub(1).map(start_of);
    let top = start_of(i - 1);
    let named = mentions
        .iter()
        .filter(|m| m.kind != EntityKind::Place)
        .map(|m| m.span.start)
        .filter(|&offset| above.is_none_or(|above| above < offset) && offset <= top)
        .max();
    let mut bottom = floor;
    if let Some(offset) = named {
        // Its token: the first from `floor` starting at or after it.
        let mut k = i - 1;
        while k > floor && start_of(k - 1) >= offset {
            k -= 1;
        }
        bottom = k + 1;
    }
    k >= bottom && opens_speaker_title(words, k, len, role, i)
}

/// The attribution cue of `len` tokens at `k` (a lead, or a speech verb
/// after a comma and its auxiliary) opens a speaker's title, an article
/// and a noun right after it, before token `i`.
fn opens_speaker_title(words: &Words, k: usize, len: usize, role: Attribution, i: usize) -> bool {
    let after = k + len;
    let inverted = {
        let mut a = k;
        while a > 0
            && matches!(
                words.norm_bytes(a - 1),
                b"a" | b"ont" | b"avait" | b"aurait"
            )
        {
            a -= 1;
        }
        a > 0 && words.kind(a - 1) == Some(TokenKind::Comma)
    };
    let speaker_phrase = match role {
        Attribution::Lead => true,
        Attribution::Verb => inverted,
    };
    speaker_phrase
        && after < i
        && matches!(
            words.norm_bytes(after),
            b"le" | b"la" | b"l" | b"un" | b"une"
        )
}

/// `in_speaker_title` as it was, the mentions searched at each token of
/// the title: the tests check that both agree.
#[cfg(test)]
fn in_speaker_title_walked(words: &Words, mentions: &[Mention], i: usize) -> bool {
    if i == 0 || !words.after_de(i) {
        return false;
    }
    // Back over the title to the cue: words only, a few of them.
    let mut k = i;
    let lowest = i.saturating_sub(SOURCE_WINDOW + 1);
    while k > lowest && words.kind(k - 1) == Some(TokenKind::Word) {
        k -= 1;
        // The title's noun is a common noun, not another name.
        if mentions
            .iter()
            .any(|m| m.kind != EntityKind::Place && is_token_of(words, m.span.start, k))
        {
            return false;
        }
        let Some((len, role)) = TABLES.attribution.longest_at(words, k) else {
            continue;
        };
        return opens_speaker_title(words, k, len, *role, i);
    }
    false
}

/// "une ONG basée au Royaume-Uni", "basé à Londres": the seat of an
/// organisation, not a place where anything counted happened; nor is
/// the one an attack is blamed on ("des frappes attribuées à Israël").
fn seat(words: &Words, i: usize) -> bool {
    let Some(preposition) = i.checked_sub(1) else {
        return false;
    };
    let preposition = if matches!(words.norm_bytes(preposition), b"l" | b"la" | b"le" | b"les") {
        preposition.saturating_sub(1)
    } else {
        preposition
    };
    let Some(verb) = preposition.checked_sub(1) else {
        return false;
    };
    // "a enterré dimanche à Hermel": a one-word day between.
    let verb = if verb > 0
        && TABLES
            .days
            .longest_at(words, verb)
            .is_some_and(|(len, _)| len == 1)
    {
        verb - 1
    } else {
        verb
    };
    matches!(words.norm_bytes(preposition), b"a" | b"au" | b"aux" | b"en")
        && matches!(
            TABLES.place_verb(words, verb),
            Some(PlaceVerb::Seat | PlaceVerb::Agent)
        )
}

/// A preposition stands before token `i`, with only determiners and place
/// nouns between ("dans la province nord d'Idleb").
fn governed(words: &Words, i: usize) -> bool {
    let mut k = i;
    for _ in 0..PLACE_WINDOW + 1 {
        let Some(previous) = k.checked_sub(1) else {
            return false;
        };
        match TABLES.place_word(words, previous) {
            Some(PlaceWord::Preposition) => return true,
            Some(PlaceWord::Determiner | PlaceWord::Noun) => k = previous,
            None => return false,
        }
    }
    false
}

/// How two place names that follow each other are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    /// "et"/"ou" (or a comma of such a list): the names share a figure.
    List,
    /// A comma and a preposition: the second situates the first ("Kfar
    /// Kila, au Liban-Sud"; "Deraa, dans le sud de la Syrie").
    Apposition,
    /// A comma alone (a list, when an "et"/"ou" closes it further on).
    Comma,
}

/// How the place mention `b` is joined to `a` before it: only commas,
/// "et"/"ou", prepositions, determiners and place nouns stand between.
fn joint(words: &Words, a: &Mention, b: &Mention) -> Option<Joint> {
    let (from, to) = (words.index_at(a.span.end), words.index_at(b.span.start));
    if to <= from || to - from > PLACE_WINDOW * 3 {
        return None;
    }
    // "de Homs jusqu'à Hama": a stretch between two places, as spread as a
    // list of them ("entre Alep et Idleb" is one by its "et"). A bare "de
    // X à Y" is left out: "l'ambassade de Palestine à Beyrouth".
    let first = words.index_at(a.span.start);
    let stretch = first > 0
        && matches!(words.norm(first - 1), "de" | "d" | "depuis")
        && to - from == 2
        && words.norm(from) == "jusqu"
        && words.norm(from + 1) == "a";
    if stretch {
        return Some(Joint::List);
    }
    let (mut comma, mut and, mut preposition) = (false, false, false);
    // "Hermel et ses environs, dans le nord de la Bekaa": the surroundings
    // of the place before are part of it, no second name of a list.
    let surroundings = |i: usize| {
        words.norm_bytes(i) == b"et"
            && matches!(words.norm_bytes(i + 1), b"ses" | b"sa" | b"son")
            && matches!(
                words.norm_bytes(i + 2),
                b"environs" | b"alentours" | b"abords" | b"peripherie" | b"banlieue" | b"region"
            )
    };
    let mut i = from;
    while i < to {
        if words.kind(i) == Some(TokenKind::Comma) {
            comma = true;
            i += 1;
            continue;
        }
        if i == from && surroundings(i) {
            i += 3;
            continue;
        }
        let k = i;
        i += 1;
        match words.norm_bytes(k) {
            b"et" | b"ou" => and = true,
            _ => match TABLES.place_word(words, k)? {
                PlaceWord::Preposition => preposition = true,
                PlaceWord::Determiner | PlaceWord::Noun => {}
            },
        }
    }
    match (comma, and, preposition) {
        (_, true, _) => Some(Joint::List),
        (true, false, true) => Some(Joint::Apposition),
        (true, false, false) => Some(Joint::Comma),
        (false, false, _) => None,
    }
}

/// "Tal Rifaat, localité tenue par les rebelles au nord d'Alep", "X, une
/// ville à majorité turkmène près de Y": `b` is named in a description of
/// `a` that opens with a place noun ("localité", "ville", "fief", with or
/// without an article) after the comma that follows `a`, before the
/// description ends.
fn describes(words: &Words, a: &Mention, b: &Mention) -> bool {
    let comma = words.index_at(a.span.end);
    let start = words.index_at(b.span.start);
    if words.kind(comma) != Some(TokenKind::Comma) || start <= comma + 1 {
        return false;
    }
    // "la plus haute colline du Hauran": a few adjectives may come first.
    let first = if matches!(
        words.norm_bytes(comma + 1),
        b"un" | b"une" | b"le" | b"la" | b"l"
    ) {
        comma + 2
    } else {
        comma + 1
    };
    let Some(noun) = (first..first + 3)
        .take_while(|&k| words.kind(k) == Some(TokenKind::Word))
        .find(|&k| TABLES.place_word(words, k) == Some(PlaceWord::Noun))
    else {
        return false;
    };
    start > noun
        && start - noun <= RELATIVE_WINDOW
        && !(noun..start).any(|k| matches!(words.kind(k), Some(TokenKind::Comma | TokenKind::Stop)))
        && governed(words, start)
}

/// "Qaryatayn, à 100 km au sud-est de Homs": the second name situates
/// the first by a distance from it.
/// "Al-Dour, sur la rive orientale du Tigre, à 20 km au sud de Tikrit"
/// too: one aside of words may come first (see `distance_comma`).
fn at_distance(words: &Words, a: &Mention, b: &Mention) -> Option<Joint> {
    let (from, _) = distance_comma(words, a)?;
    let to = words.index_at(b.span.start);
    if to <= from + 3 || to - from > PLACE_WINDOW * 3 || words.norm_bytes(from + 1) != b"a" {
        return None;
    }
    // "X, a frappé 12 cibles dans la province de Y": "a" with no accent is
    // the verb, unless a number follows it at once (a text typed without
    // accents: "X, a 100 km de Y").
    let unaccented = words
        .tokens
        .get(from + 1)
        .is_some_and(|t| t.span.len() == 1);
    if unaccented && words.kind(from + 2) != Some(TokenKind::Number) {
        return None;
    }
    let number = (from + 2..to).any(|k| {
        words.kind(k) == Some(TokenKind::Number) || words.norm_bytes(k).ends_with(b"aine")
    });
    let plain =
        (from + 2..to).all(|k| matches!(words.kind(k), Some(TokenKind::Word | TokenKind::Number)));
    (number && plain && words.after_de(to)).then_some(Joint::Apposition)
}

/// The comma before the "à" of a distance that situates `a`: the comma
/// right after it, or the one closing an aside of words that follows it
/// ("Al-Dour, sur la rive orientale du Tigre, à 20 km…"); with whether
/// there was such an aside.
fn distance_comma(words: &Words, a: &Mention) -> Option<(usize, bool)> {
    let comma = words.index_at(a.span.end);
    if words.kind(comma) != Some(TokenKind::Comma) {
        return None;
    }
    if words.norm_bytes(comma + 1) == b"a" {
        return Some((comma, false));
    }
    let close = (comma + 1..comma + 1 + ASIDE_WINDOW)
        .find(|&k| words.kind(k) != Some(TokenKind::Word))
        .filter(|&k| k > comma + 1 && words.kind(k) == Some(TokenKind::Comma))?;
    Some((close, true))
}

/// Places named in a list ("à Tripoli et à Saïda", "Homs, Hama et Alep"):
/// a figure they share is spread over several places. And places that an
/// apposition situates, with the more specific name they follow:
/// `(broader, specific)`.
pub(crate) fn lists_and_appositions<'a>(
    words: &Words,
    places: &[(&'a Mention, bool)],
    listed: &mut Vec<&'a Mention>,
    situating: &mut Vec<(&'a Mention, &'a Mention)>,
) {
    listed.clear();
    situating.clear();
    // The run of names joined by commas that an "et"/"ou" may close.
    let mut run_start = 0;
    for k in 1..places.len() {
        let (a, b) = (places[k - 1].0, places[k].0);
        let joined = joint(words, a, b).or_else(|| at_distance(words, a, b));
        match joined {
            Some(Joint::List) => {
                for (m, _) in &places[run_start..=k] {
                    if !listed.iter().any(|l| l.span == m.span) {
                        listed.push(m);
                    }
                }
                run_start = k;
            }
            Some(Joint::Comma) => {}
            Some(Joint::Apposition) => {
                // "Dans le sud du Liban, à Khiam", "Au Liban, à Khiam": a
                // name right after "à" is a town, situated by the area
                // named first; else the second name situates the first
                // ("Kfar Kila, au Liban-Sud").
                let after_a = |m: &Mention| {
                    let i = words.index_at(m.span.start);
                    i > 0 && words.norm_bytes(i - 1) == b"a"
                };
                // A country named first is the broader of the two
                // whatever comes after it ("du centre de la Syrie, dans le
                // nord de la province de Homs").
                let country_first = || {
                    crate::lexicon_type(a) == Some("country")
                        && crate::lexicon_type(b) != Some("country")
                };
                if a.id != b.id {
                    if (after_a(b) && !after_a(a)) || country_first() {
                        situating.push((a, b));
                    } else {
                        situating.push((b, a));
                    }
                }
                run_start = k;
            }
            None => run_start = k,
        }
    }
    // "Al-Dour, sur la rive orientale du Tigre, à 20 km au sud de
    // Tikrit": a distance past an aside that names a place (the river)
    // situates the name before the aside, not the river.
    for k in 2..places.len() {
        let (a, river, c) = (places[k - 2].0, places[k - 1].0, places[k].0);
        if a.id != c.id
            && distance_comma(words, a).is_some_and(|(_, aside)| aside)
            && at_distance(words, a, c).is_some()
            && !situating
                .iter()
                .any(|(_, specific)| specific.span == a.span)
        {
            situating
                .retain(|(broad, specific)| !(broad.span == c.span && specific.span == river.span));
            situating.push((c, a));
        }
    }
    // "Tal Rifaat, localité tenue par les rebelles au nord d'Alep": a
    // place named in the description of another, between commas,
    // situates it.
    for k in 1..places.len() {
        let (a, b) = (places[k - 1].0, places[k].0);
        if a.id != b.id
            && describes(words, a, b)
            && !situating.iter().any(|(broad, _)| broad.span == b.span)
        {
            situating.push((b, a));
        }
    }
    // "Au Liban voisin, l'armée a arrêté 9 personnes près d'Aarsal": a
    // country or region opening the sentence after "en"/"au"/"aux" sets
    // the scene for the one other place it names, more specific.
    let Some(&(opening, true)) = places.first() else {
        return;
    };
    let first = words.index_at(opening.span.start);
    let end = words.index_at(opening.span.end);
    let regional = |i: usize| i > 0 && matches!(words.norm_bytes(i - 1), b"en" | b"au" | b"aux");
    // "Dans la province voisine de Hama, trois soldats ont été tués … à
    // Mhardé", "Dans le caza de Tyr, …": an area named by its noun after
    // an opening "dans" sets the scene too (one word that is no place
    // word may qualify the noun).
    let area_opening = || {
        words.norm_bytes(0) == b"dans"
            && first <= 7
            && (1..first).any(|k| TABLES.place_word(words, k) == Some(PlaceWord::Noun))
            && (1..first)
                .filter(|&k| TABLES.place_word(words, k).is_none())
                .count()
                <= 1
            && (1..first).all(|k| words.kind(k) == Some(TokenKind::Word))
    };
    let fronted = ((first == 1 && regional(first)) || area_opening())
        && (words.kind(end) == Some(TokenKind::Comma)
            || (words.kind(end) == Some(TokenKind::Word)
                && words.kind(end + 1) == Some(TokenKind::Comma)));
    if !fronted {
        return;
    }
    let mut others = places[1..]
        .iter()
        .filter(|(m, governed)| *governed && m.id != opening.id)
        .map(|&(m, _)| m);
    if let (Some(other), None) = (others.next(), others.next()) {
        let peer = regional(words.index_at(other.span.start));
        let taken = listed.iter().any(|l| l.span == other.span)
            || situating
                .iter()
                .any(|(broad, _)| broad.span == opening.span);
        if !peer && !taken && places[1..].iter().all(|(m, _)| m.id != opening.id) {
            situating.push((opening, other));
        }
    }
}

/// The more specific place that an apposition situates by `m`, else `m`
/// ("Dans le sud du Liban, à Khiam" is Khiam; see
/// [`lists_and_appositions`]).
pub(crate) fn specific_of<'a>(
    situating: &[(&'a Mention, &'a Mention)],
    m: &'a Mention,
) -> &'a Mention {
    situating
        .iter()
        .find(|(broad, _)| broad.span == m.span)
        .map_or(m, |&(_, specific)| specific)
}

/// Places written as a rubric before a colon ("Syrie : …"): they head
/// the sentence rather than locate its figures.
pub(crate) fn rubrics<'a>(
    words: &Words,
    places: &[(&'a Mention, bool)],
    out: &mut Vec<&'a Mention>,
) {
    out.clear();
    let found = places
        .iter()
        .filter(|(m, governed)| {
            let next = words.index_at(m.span.end);
            !*governed && matches!(words.norm(next), ":" | "•" | "-")
        })
        .map(|(m, _)| *m);
    out.extend(found);
}

/// The place a figure's own words lead to: from the end of its phrase, over
/// prepositions, determiners and place nouns only ("80% du Qalamoun",
/// "19 morts dans le jurd de Qara", "à 10 km de Baalbek").
pub(crate) fn attached<'a>(
    words: &Words,
    places: &[(&'a Mention, bool)],
    from: usize,
) -> Option<&'a Mention> {
    // Every way `attached_to_one` takes leads to one of `places`: without
    // any (a claim's sentence often names none) it is not read.
    if places.is_empty() {
        return None;
    }
    attached_to_one(words, places, from)
}

/// `attached`, the words read whether or not there are places.
fn attached_to_one<'a>(
    words: &Words,
    places: &[(&'a Mention, bool)],
    from: usize,
) -> Option<&'a Mention> {
    let tables = &*TABLES;
    let first = words.index_at(from);
    for i in first..first + PLACE_WINDOW * 2 {
        let Some(token) = words.tokens.get(i) else {
            break;
        };
        let start = token.span.start;
        if let Some((m, _)) = places.iter().find(|(m, _)| m.span.start == start) {
            // "Tikrit … se trouve à 160 km au nord de Bagdad": a distance
            // from a place situates the place the sentence opens with.
            // "Boukamal, située à 8 km de la frontière et à 130 km de
            // Mayadine": a distance in a situating clause describes the
            // place it situates.
            return Some(
                located(words, places, first)
                    .or_else(|| situated(words, places, first))
                    .unwrap_or(m),
            );
        }
        if tables.place_word(words, i).is_none() {
            break;
        }
    }
    where_relative(words, places, first)
        .or_else(|| situated(words, places, first))
        .or_else(|| located(words, places, first))
}

/// The place a sentence opens with (its subject: "Tikrit, ville natale de
/// X, se trouve à 160 km au nord de Bagdad"), when the figure ending before
/// token `end` is a distance "à N …" from another place.
fn located<'a>(words: &Words, places: &[(&'a Mention, bool)], end: usize) -> Option<&'a Mention> {
    // A collective ("à une quinzaine de kilomètres") only after a verb
    // that locates ("se trouve à"): "son offensive à Manbij, à une
    // centaine de kilomètres" is no distance from the sentence's subject.
    let at = distance_at(words, end)?;
    let verb = at.checked_sub(1)?;
    if words.kind(at + 1) != Some(TokenKind::Number)
        && !matches!(words.norm_bytes(verb), b"trouve" | b"trouvait")
        && TABLES.place_verb(words, verb) != Some(PlaceVerb::Situated)
    {
        return None;
    }
    let opening = words.past_articles(0);
    places
        .iter()
        .find(|(m, governed)| !governed && is_token_of(words, m.span.start, opening))
        .map(|&(m, _)| m)
}

/// The "à" opening a distance that ends before token `end`: "à 15 km",
/// "à une quinzaine de kilomètres" (a collective after its article).
fn distance_at(words: &Words, end: usize) -> Option<usize> {
    let number = (end.saturating_sub(4)..end).rev().find(|&k| {
        words.kind(k) == Some(TokenKind::Number) || words.norm_bytes(k).ends_with(b"aine")
    })?;
    let at = if words.kind(number) == Some(TokenKind::Number) {
        number.checked_sub(1)?
    } else if matches!(words.norm_bytes(number.checked_sub(1)?), b"une" | b"un") {
        number.checked_sub(2)?
    } else {
        return None;
    };
    (words.norm_bytes(at) == b"a").then_some(at)
}

/// "…et le village d'al-Ayadiya, à 11 km au nord-ouest": a distance set
/// after a place's comma, with no place of its own, situates that place,
/// even the last of a list. `end` is the token after the figure.
/// The place may be one no figure is in ("depuis Madaya, à 2 km au
/// sud"): `mentions` are all the sentence's.
pub(crate) fn apposed_distance<'a>(
    words: &Words,
    mentions: &'a [Mention],
    end: usize,
) -> Option<&'a Mention> {
    let at = distance_at(words, end)?;
    let comma = at.checked_sub(1)?;
    if words.kind(comma) != Some(TokenKind::Comma) {
        return None;
    }
    mentions
        .iter()
        .find(|m| m.kind == EntityKind::Place && words.index_at(m.span.end) == comma)
}

/// "Tallet X, située à une hauteur de 2.428", "Boukamal, située à 8 km de
/// la frontière et à 130 km de Mayadine": a figure in a clause that
/// situates a place named just before its comma describes that place;
/// "Située à 35 km de Homs, Qousseir commande…": a sentence opening with
/// such a clause describes the place named right after its comma. `end`
/// is the token after the figure.
fn situated<'a>(words: &Words, places: &[(&'a Mention, bool)], end: usize) -> Option<&'a Mention> {
    let comma = (end.saturating_sub(SITUATED_WINDOW)..end)
        .rev()
        .find(|&k| matches!(words.kind(k), Some(TokenKind::Comma | TokenKind::Stop)));
    match comma {
        Some(comma)
            if words.kind(comma) == Some(TokenKind::Comma)
                && TABLES.place_verb(words, comma + 1) == Some(PlaceVerb::Situated) =>
        {
            places
                .iter()
                .find(|(m, _)| words.index_at(m.span.end) == comma)
                .map(|&(m, _)| m)
        }
        Some(_) => None,
        None if end <= SITUATED_WINDOW
            && TABLES.place_verb(words, 0) == Some(PlaceVerb::Situated) =>
        {
            let comma = situating_clause_end(words, end)?;
            let subject = words.past_articles(comma + 1);
            // (A place named again, "la ville", starts at its article.)
            places
                .iter()
                .find(|(m, _)| {
                    is_token_of(words, m.span.start, subject)
                        || is_token_of(words, m.span.start, comma + 1)
                })
                .map(|&(m, _)| m)
        }
        None => None,
    }
}

/// The comma closing a sentence's opening situating clause ("Située à 35
/// km de Homs, …"), looked for from token `from` (inside the clause),
/// within [`SITUATED_WINDOW`] tokens and before any full stop.
fn situating_clause_end(words: &Words, from: usize) -> Option<usize> {
    (from..from + SITUATED_WINDOW)
        .take_while(|&k| words.kind(k) != Some(TokenKind::Stop))
        .find(|&k| words.kind(k) == Some(TokenKind::Comma))
}

/// The longest situating clause (in tokens) before the end of a figure it
/// holds ("située à 8 km de la frontière irakienne et à 130 km").
const SITUATED_WINDOW: usize = 20;

/// The longest clause (in tokens) from "où" to the end of a figure.
const RELATIVE_WINDOW: usize = 12;

/// "à Manbij, à 100 km plus à l'est, où sont stationnés 2.000 soldats": a
/// figure in a clause opened by "où" is in the place "où" stands for, the
/// name before it or before an aside between commas. `end` is the token
/// after the figure.
fn where_relative<'a>(
    words: &Words,
    places: &[(&'a Mention, bool)],
    end: usize,
) -> Option<&'a Mention> {
    // "où" is looked for back from the figure to the clause's comma, a
    // pass over the tokens themselves (one per figure of the text).
    let low = end.saturating_sub(RELATIVE_WINDOW);
    let window = words.tokens.get(low..end.min(words.len()))?;
    let mut relative = None;
    for (offset, token) in window.iter().enumerate().rev() {
        if matches!(token.kind, TokenKind::Comma | TokenKind::Stop) {
            break;
        }
        if words.is_where(low + offset) {
            relative = Some(low + offset);
            break;
        }
    }
    let relative = relative?;
    // "où 5 civils ont été tués dans le quartier de X": a place of the
    // clause itself is more specific.
    let clause_end = (end..words.len())
        .find(|&k| matches!(words.kind(k), Some(TokenKind::Comma | TokenKind::Stop)))
        .map_or(usize::MAX, |k| {
            words.tokens.get(k).map_or(usize::MAX, |t| t.span.start)
        });
    let clause_start = words.tokens.get(relative).map_or(0, |t| t.span.end);
    if places
        .iter()
        .any(|(m, _)| m.span.start >= clause_start && m.span.start < clause_end)
    {
        return None;
    }
    let ending_at = |k: usize| {
        places
            .iter()
            .find(|(m, _)| words.index_at(m.span.end) == k)
            .map(|&(m, _)| m)
    };
    // "d'où", "par où": the preposition stays with "où".
    let mut before = relative.checked_sub(1)?;
    if matches!(words.norm_bytes(before), b"d" | b"par") {
        before = before.checked_sub(1)?;
    }
    if let Some(m) = ending_at(before + 1) {
        return Some(m);
    }
    if words.kind(before) != Some(TokenKind::Comma) {
        return None;
    }
    if let Some(m) = ending_at(before) {
        return Some(m);
    }
    // An aside between commas after the name.
    let open = (before.saturating_sub(RELATIVE_WINDOW)..before)
        .rev()
        .find(|&k| matches!(words.kind(k), Some(TokenKind::Comma | TokenKind::Stop)))?;
    if words.kind(open) != Some(TokenKind::Comma) {
        return None;
    }
    ending_at(open)
}

/// What a sentence says of its places, for [`place_for`]: its place
/// mentions (governed by a preposition or not), its other figures with the
/// place their words lead to, rubrics, described places, places in lists,
/// and appositions `(broader, specific)`.
#[derive(Clone, Copy)]
pub(crate) struct PlaceContext<'s, 'a> {
    pub places: &'s [(&'a Mention, bool)],
    pub figures: &'s [(Span, Option<&'a Mention>)],
    pub rubric: &'s [&'a Mention],
    pub described: &'s [(&'a Mention, Span)],
    /// Asides between commas that describe a noun before them and name a
    /// place ([`descriptive_asides`]).
    pub asides: &'s [Span],
    pub listed: &'s [&'a Mention],
    pub situating: &'s [(&'a Mention, &'a Mention)],
    /// The sentence's subject place and where its holding verb ends
    /// ([`holder`]).
    pub holder: Option<(&'a Mention, usize)>,
}

/// The place a claim is about: the place its own words lead to; else the
/// nearest governed place mention that no other figure stands closer to;
/// else the only place of the sentence.
///
/// `figures` are the other claims of the sentence, with their attached place.
pub(crate) fn place_for<'a>(
    claim: Span,
    own: Option<&Mention>,
    context: &PlaceContext<'_, 'a>,
) -> Option<EntityId> {
    let PlaceContext {
        places,
        figures,
        rubric,
        described,
        asides,
        listed,
        situating,
        holder,
    } = *context;
    // A figure spread over a list of places is in none of them; one in a
    // place that an apposition situates is in the more specific place.
    let settle = |m: &Mention| -> Option<EntityId> {
        if listed.iter().any(|l| l.span == m.span) {
            return None;
        }
        Some(specific_of(situating, m).id.clone())
    };
    if let Some(m) = own {
        return settle(m);
    }
    if let Some((m, _)) = holder.filter(|&(_, verb_end)| claim.start >= verb_end) {
        return settle(m);
    }
    let taken = |m: &Mention| {
        figures
            .iter()
            .any(|(f, attached)| *f != claim && attached.is_some_and(|a| a.span == m.span))
    };
    // A place before this figure with another figure in between belongs to
    // that one; a place after a list of figures is shared by the list
    // ("3 soldats tués et 5 civils blessés à Homs").
    let figure_between = |from: usize, to: usize| {
        figures
            .iter()
            .any(|(f, _)| f.start >= from && f.end <= to && *f != claim)
    };
    let separated =
        |m: &Mention| m.span.end <= claim.start && figure_between(m.span.end, claim.start);
    // A place after the figure is closer in meaning than one before it:
    // distances before count double.
    // A place another figure's words lead to counts four times further.
    // A place inside an aside that describes a noun before it ("La
    // coalition, dont l'appui fut décisif à Mossoul, a frappé 16 cibles
    // autour de Tal Afar") is far from the figures after the aside ("12
    // collines, dont celle de X," keeps X near its figure).
    let aside_only = |m: &Mention| {
        asides
            .iter()
            .any(|a| a.start <= m.span.start && m.span.end <= a.end && a.end <= claim.start)
    };
    let weighted = |m: &Mention| {
        let d = distance(claim, m.span);
        let d = if m.span.end <= claim.start { d * 2 } else { d };
        let d = if aside_only(m) { d * 4 } else { d };
        if taken(m) { d * 4 } else { d }
    };
    // "Fallouja, qui comptait 300.000 habitants avant la guerre, avait été
    // la première ville d'Irak": a figure inside the description of a
    // place is that place's, unless the description governs a place of
    // its own, or the place only completes another noun ("le poste de
    // Nassib avec la Jordanie, fermé depuis trois ans": [`described`]
    // gives such a place no description).
    // The description's own figures do not part it from its place ("La
    // poche d'Idleb, qui s'étend sur 6 000 km2 et abrite 3,5 millions
    // d'habitants, …": both are Idleb's).
    if let Some((m, _)) = described
        .iter()
        .filter(|(m, d)| {
            d.start <= claim.start
                && claim.end <= d.end
                && !figure_between(m.span.end, d.start.min(claim.start))
        })
        .filter(|(_, d)| {
            !places
                .iter()
                .any(|(p, governed)| *governed && d.start <= p.span.start && p.span.end <= d.end)
        })
        .max_by_key(|(m, _)| m.span.end)
    {
        return settle(m);
    }
    if let Some((m, _)) = places
        .iter()
        .filter(|(m, governed)| *governed && !separated(m))
        .min_by_key(|(m, _)| weighted(m))
    {
        return settle(m);
    }
    // Else the place a phrase between commas describes, when the figure is
    // in that description ("Tal Afar, une ville qui comptait 200.000
    // habitants, …").
    if let Some((m, _)) = described
        .iter()
        .filter(|(m, _)| m.span.end <= claim.start && !separated(m))
        .max_by_key(|(m, _)| m.span.end)
    {
        return Some(m.id.clone());
    }
    // Else the only place of the sentence, rubrics aside ("Syrie : l'armée
    // reprend Maaloula") unless there is nothing else ("Alep : 7 tués").
    // A place that an apposition situates counts as the specific one
    // ("Dans le sud du Liban, à Khiam" is one place).
    let not_rubric = |m: &&Mention| !rubric.iter().any(|r| r.span == m.span);
    let specific = |m: &'a Mention| specific_of(situating, m);
    if places.iter().map(|(m, _)| m).any(not_rubric) {
        only_place(
            places
                .iter()
                .map(|(m, _)| *m)
                .filter(not_rubric)
                .map(specific),
        )
    } else {
        only_place(places.iter().map(|(m, _)| specific(m)))
    }
}

/// The id of the places named, when they are all the same place.
fn only_place<'m>(mut names: impl Iterator<Item = &'m Mention>) -> Option<EntityId> {
    let first = names.next()?;
    names.all(|m| m.id == first.id).then(|| first.id.clone())
}

/// A day expression in a sentence, resolved against the dateline.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DayMention {
    span: Span,
    date: Date,
}

/// Every day the sentence names, resolved against `dateline`.
#[cfg(test)]
pub(crate) fn days(words: &Words, dateline: Date) -> Vec<DayMention> {
    let mut found = Vec::new();
    days_into(words, dateline, &mut found);
    found
}

/// `days` into `found` (cleared first), a buffer reused across sentences.
pub(crate) fn days_into(words: &Words, dateline: Date, found: &mut Vec<DayMention>) {
    let tables = &*TABLES;
    found.clear();
    let mut from = 0;
    while let Some((i, len, word)) = tables.days.next_longest(words, from) {
        let start = words.tokens.get(i).map_or(0, |t| t.span.start);
        let mut end = words.tokens.get(i + len - 1).map_or(start, |t| t.span.end);
        let mut next = i + len;
        let date = match *word {
            DayWord::Offset(days) => dateline.checked_add(i64::from(days).days()).ok(),
            DayWord::Weekday(n) => {
                // "samedi 7 mai": the written date wins.
                let explicit = explicit_date(words, next, dateline);
                if let Some((date, after)) = explicit {
                    end = words.tokens.get(after - 1).map_or(end, |t| t.span.end);
                    next = after;
                    Some(date)
                } else {
                    let strictly = TABLES
                        .days
                        .longest_at(words, next)
                        .is_some_and(|(_, w)| *w == DayWord::Strictly)
                        || (matches!(words.norm_bytes(next), b"matin" | b"soir" | b"apres")
                            && TABLES
                                .days
                                .longest_at(words, next + 1)
                                .is_some_and(|(_, w)| *w == DayWord::Strictly));
                    weekday_on_or_before(dateline, n, strictly)
                }
            }
            DayWord::Month(_) => {
                // "le 7 mai": the number stands before the month.
                i.checked_sub(1)
                    .and_then(|p| explicit_date(words, p, dateline))
                    .map(|(date, _)| date)
            }
            DayWord::Strictly => None,
        };
        // "depuis le 8 octobre" starts a period: it is not the day of a figure.
        let mut k = i;
        while k > 0
            && (matches!(words.norm_bytes(k - 1), b"le" | b"ce" | b"l")
                || words.kind(k - 1) == Some(TokenKind::Number))
        {
            k -= 1;
        }
        let period = (k > 0 && matches!(words.norm_bytes(k - 1), b"depuis" | b"des"))
            // "depuis le début de l'intervention russe le 30 septembre": a
            // written date at the end of the phrase "depuis" opens.
            || (matches!(word, DayWord::Month(_))
                && (k.saturating_sub(PERIOD_WINDOW)..k)
                    .rev()
                    .take_while(|&j| {
                        !matches!(words.kind(j), Some(TokenKind::Comma | TokenKind::Stop))
                    })
                    .any(|j| matches!(words.norm_bytes(j), b"depuis")));
        if let Some(date) = date.filter(|_| !period) {
            found.push(DayMention {
                span: Span::new(start, end),
                date,
            });
        }
        from = next.max(i + 1);
    }
}

/// "il y a deux jours", "il y a 3 jours", "il y a une semaine": a span of
/// whole days, read by the scan as a duration, right after "il y a" dates
/// the sentence that many days before the dateline; appended to `found`.
/// Longer spans ("il y a huit mois") more often date the start of a period
/// ("depuis le lancement de l'offensive, il y a huit mois") than an event.
pub(crate) fn days_ago_into(
    words: &Words,
    quantities: &[crate::quantity::Quantity],
    dateline: Date,
    found: &mut Vec<DayMention>,
) {
    /// A week at most.
    const MAX_DAYS: f64 = 7.0;
    for q in quantities {
        let (Some(crate::model::Unit::Hour), Some(hours)) = (q.unit, q.value) else {
            continue;
        };
        let days = hours / 24.0;
        if q.qualifier != crate::model::Qualifier::Exact
            || days.fract() != 0.0
            || !(1.0..=MAX_DAYS).contains(&days)
        {
            continue;
        }
        let first = words.index_at(q.span.start);
        let ago = first >= 3
            && words.norm_bytes(first - 3) == b"il"
            && words.norm_bytes(first - 2) == b"y"
            && words.norm_bytes(first - 1) == b"a";
        // `days` is a whole number of at most a week.
        if let Some(date) = ago
            .then(|| dateline.checked_sub((days as i64).days()).ok())
            .flatten()
        {
            let start = words
                .tokens
                .get(first - 3)
                .map_or(q.span.start, |t| t.span.start);
            found.push(DayMention {
                span: Span::new(start, q.span.end),
                date,
            });
        }
    }
}

/// "7 mai" at token `i`: the date, in the dateline's year or the one before
/// when that would be after the dateline; with the token after it.
fn explicit_date(words: &Words, i: usize, dateline: Date) -> Option<(Date, usize)> {
    if words.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let day: i8 = words
        .norm(i)
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    let (_, month) = TABLES.days.longest_at(words, i + 1)?;
    let DayWord::Month(month) = *month else {
        return None;
    };
    let date = Date::new(dateline.year(), month, day).ok()?;
    let date = if date > dateline {
        Date::new(dateline.year() - 1, month, day).ok()?
    } else {
        date
    };
    Some((date, i + 2))
}

fn weekday_on_or_before(dateline: Date, n: i8, strictly: bool) -> Option<Date> {
    let wanted = Weekday::from_monday_one_offset(n).ok()?;
    let mut back =
        (dateline.weekday().to_monday_one_offset() - wanted.to_monday_one_offset()).rem_euclid(7);
    if back == 0 && strictly {
        back = 7;
    }
    dateline.checked_sub(i64::from(back).days()).ok()
}

/// The day nearest to the claim.
pub(crate) fn date_for(claim: Span, days: &[DayMention]) -> Option<Date> {
    days.iter()
        .min_by_key(|d| distance(claim, d.span))
        .map(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_in_a_speaker_title_is_told_as_by_searching_each_token() {
        // The sample articles, the test sentences and titles made for it,
        // with the lexicon's mentions and with a name put at each offset.
        let mut texts = crate::test_texts();
        texts.extend(
            [
                "Selon le gouverneur de Deir Ezzor, 12 civils ont été tués.",
                "12 morts, a indiqué le directeur de l'hôpital de Rastan.",
                "Selon le chef du Hezbollah de Baalbek, 3 combattants sont morts.",
                "a affirmé le porte-parole de l'armée de Damas à Alep.",
            ]
            .map(str::to_owned),
        );
        let lexicon = bilan_lexicon::Lexicon::embedded();
        let mut told = 0;
        for text in &texts {
            let words = Words::new(text, Span::new(0, text.len()));
            let found = lexicon.find(text).mentions;
            let name = |start: usize| Mention {
                span: Span::new(start, start + 1),
                id: "org:x".into(),
                kind: EntityKind::Organization,
            };
            let mut sets = vec![found.clone()];
            for offset in (0..text.len()).step_by(3) {
                let mut with_name = found.clone();
                with_name.push(name(offset));
                sets.push(with_name);
            }
            for mentions in &sets {
                for i in 0..=words.len() + 1 {
                    let quick = in_speaker_title(&words, mentions, i);
                    assert_eq!(
                        quick,
                        in_speaker_title_walked(&words, mentions, i),
                        "{i} {text}"
                    );
                    told += usize::from(quick);
                }
            }
        }
        assert!(told > 10, "{told}");
    }

    #[test]
    fn a_token_is_told_without_searching_as_by_searching() {
        let text = "Selon l'OSDH, 12 civils — dont 3 enfants — ont été tués à Alep.";
        let words = Words::new(text, Span::new(0, text.len()));
        for offset in 0..=text.len() + 2 {
            for k in 0..=words.len() + 1 {
                assert_eq!(
                    is_token_of(&words, offset, k),
                    token_of(&words, offset) == k,
                    "{offset} {k}"
                );
            }
        }
    }

    #[test]
    fn a_speaker_named_again_is_found_as_by_testing_every_mention() {
        let mention = |start: usize, id: &str, kind: EntityKind| Mention {
            span: Span::new(start, start + 3),
            id: id.into(),
            kind,
        };
        let earlier = [
            mention(0, "org:osdh", EntityKind::Organization),
            mention(10, "media:afp", EntityKind::Media),
            mention(20, "group:syrian-army", EntityKind::ArmedGroup),
            mention(30, "group:is", EntityKind::ArmedGroup),
            mention(40, "place:alep", EntityKind::Place),
        ];
        let texts = [
            "selon le ministère, selon la même ONG, selon l'agence, selon le journal",
            "selon le commandement général de l'armée, selon le commandement militaire",
            "selon le porte-parole, selon la ville, selon le bilan, selon cette chaîne",
            "selon l'observatoire, selon du quotidien, selon le même site, selon le",
        ];
        // The lookup before it was hoisted: each mention asks the table.
        let by_mention = |words: &Words, at: usize, earlier: &[Mention]| {
            let found = speaker_named_at(words, at)
                .and_then(|(_, speaker)| named_again_by_kind(speaker, earlier))
                .is_some();
            let noun = speaker_noun_after(words, at);
            let named = matches!(
                words.norm_bytes(at),
                b"le" | b"la" | b"l" | b"du" | b"des" | b"ce" | b"cet" | b"cette"
            );
            let any_fits = earlier.iter().any(|m| {
                match TABLES.speaker_nouns.get_bytes(words.norm_bytes(noun)) {
                    Some(SpeakerNoun::Kind(kind)) => m.kind == *kind,
                    Some(SpeakerNoun::Named(_) | SpeakerNoun::Title) => false,
                    Some(SpeakerNoun::Army) => {
                        m.kind == EntityKind::ArmedGroup && TABLES.side(&m.id) == Side::State
                    }
                    None => false,
                }
            });
            (found, named && any_fits)
        };
        let mut named = 0;
        for text in texts {
            let words = Words::new(text, Span::new(0, text.len()));
            for at in 0..=words.len() {
                for count in [0, 2, earlier.len()] {
                    let some = earlier.get(..count).unwrap_or_default();
                    let (found, fits) = by_mention(&words, at, some);
                    // A mention is found exactly when one fits the noun.
                    assert_eq!(found, fits, "{text} {at} {count}");
                    named += usize::from(found);
                }
            }
        }
        assert!(named > 0);
    }

    #[test]
    fn a_figure_is_attached_to_no_place_when_there_is_none() {
        // Figures near the words each way of `attached_to_one` reads: "où",
        // a distance "à N km", a clause that situates, place nouns.
        let texts = [
            "à Manbij, à 100 km plus à l'est, où sont stationnés 2.000 soldats",
            "Tikrit se trouve à 160 km au nord de Bagdad, 3 morts",
            "Tallet X, située à une hauteur de 2.428 mètres, 5 tués",
            "19 morts dans le jurd de Qara et 80% du Qalamoun à 10 km de Baalbek",
            "où 5 civils ont été tués dans le quartier de X, à 3 km",
        ];
        for text in texts {
            let words = Words::new(text, Span::new(0, text.len()));
            for from in 0..=text.len() + 1 {
                assert!(
                    attached_to_one(&words, &[], from).is_none(),
                    "{text} {from}"
                );
                assert!(attached(&words, &[], from).is_none(), "{text} {from}");
            }
        }
    }

    fn day(text: &str, dateline: Date) -> Option<Date> {
        let words = Words::new(text, Span::new(0, text.len()));
        days(&words, dateline).first().map(|d| d.date)
    }

    #[test]
    fn the_stop_of_a_title_does_not_end_a_clause() {
        let text = "a déclaré M. Abadi. Puis";
        let words = Words::new(text, Span::new(0, text.len()));
        let name = words.index_at(text.find("Abadi").unwrap_or(0));
        assert!(!clause_between(&words, 0, name));
        assert!(clause_between(&words, 0, words.len()));
    }

    #[test]
    fn weekdays_resolve_on_or_before_the_dateline() {
        let friday = Date::new(2024, 4, 26).unwrap_or_default();
        assert_eq!(day("ce vendredi", friday), Some(friday));
        assert_eq!(day("vendredi dernier", friday), Date::new(2024, 4, 19).ok());
        assert_eq!(day("lundi", friday), Date::new(2024, 4, 22).ok());
        assert_eq!(day("mardi matin", friday), Date::new(2024, 4, 23).ok());
        assert_eq!(day("samedi", friday), Date::new(2024, 4, 20).ok());
        assert_eq!(day("hier", friday), Date::new(2024, 4, 25).ok());
        assert_eq!(day("avant-hier", friday), Date::new(2024, 4, 24).ok());
        assert_eq!(day("le 7 mai", friday), Date::new(2023, 5, 7).ok());
        assert_eq!(day("samedi 20 avril", friday), Date::new(2024, 4, 20).ok());
        assert_eq!(day("en mai", friday), None);
    }
}
