//! What a counted quantity means: casualties or a count; for casualties the
//! outcome, who is counted and the group they belong to; and the claim's span.
//!
//! Everything here works on the folded words of one sentence, in windows of
//! a few words around the quantity, so the cost is linear in the sentence.

use crate::model::{ClaimKind, Outcome, Unit, Victims};
use crate::quantity::{NumberForm, Quantity};
use crate::tables::{
    Applies, DayWord, OutcomeCue, PlaceWord, Side, SpeakerNoun, TABLES, VictimClass,
};
use crate::words::{TokenKind, Words, is_avoir_auxiliary};
use bilan_article::Span;
use bilan_lexicon::{EntityId, EntityKind, Mention};

/// Whether `quantity` counts two or more in French agreement: its verb
/// is plural ("45 000 habitants ont fui", not "une dizaine … a été tuée",
/// whose collective may take the singular).
fn counts_many(quantity: &Quantity) -> bool {
    matches!(
        quantity.form,
        NumberForm::Digits | NumberForm::Words | NumberForm::Vague
    ) && quantity.value.or(quantity.min).is_some_and(|v| v >= 2.0)
}

/// How far (in tokens) an outcome verb may follow the counted noun.
const AFTER_WINDOW: usize = 10;
/// The id in `actor_adjectives.tsv` for a state's forces not named further.
const STATE_FORCES: &str = "state";
/// The id in `actor_adjectives.tsv` for non-state fighters not named further.
const UNNAMED_MILITANTS: &str = "militant";
/// The id in `actor_adjectives.tsv` for forces on a state's side not named
/// further ("forces progouvernementales"): fighters.
const UNNAMED_ALLIES: &str = "allied";
/// The id in `actor_adjectives.tsv` for rebels: men of no state, whose
/// group is only the one the text names (not any jihadist group nearby).
const REBELS: &str = "rebel";
/// How far back (in tokens) "parmi les blessés" / "le nombre de morts" may stand.
const TOPIC_WINDOW: usize = 40;
/// How long (in tokens) a relative clause between commas may be.
const RELATIVE_WINDOW: usize = 20;
/// The tokens left for a verb after a relative clause or an apposition
/// between commas, however far its window had gone.
const VERB_AFTER_CLAUSE: usize = 5;
/// How much farther (in tokens) the verb may stand after a subject
/// relative without commas ("70 jihadistes qui s'étaient retranchés dans
/// le barrage s'étaient rendus").
const RELATIVE_EXTENSION: usize = 8;
/// How far (in tokens) modifiers naming the group may follow the noun.
const MODIFIER_WINDOW: usize = 6;
/// How far (in tokens) after "appartenant à" the group may be named
/// ("à l'organisation terroriste de Jabhat al-Nosra").
const ALLEGIANCE_WINDOW: usize = 7;
/// How long (in tokens) an attribution aside between a verb and its
/// figure may be (", selon son porte-parole Ahmad al-Assadi,").
const ASIDE_WINDOW: usize = 12;
/// How far (in tokens) "dans les rangs de X" / "parmi les X" may follow.
const RANKS_WINDOW: usize = 15;

/// The words that open "parmi les X", "dans les rangs de X", "au sein de
/// X", "ceux de X": the tokeniser flags words of their shapes
/// (`tables::MAY_OPEN_RANKS`).
pub(crate) const RANKS_WORDS: [&str; 5] = ["parmi", "rangs", "sein", "ceux", "celles"];
/// The words that open a topic (`Sentence::sentence_topic`), flagged by
/// their shapes (`tables::MAY_OPEN_TOPIC`).
pub(crate) const TOPIC_WORDS: [&str; 5] = ["parmi", "nombre", "bilan", "chiffre", "sur"];
/// How far back (in bytes) to look for the group counted people belong to.
const ARMY_LOOKBACK: usize = 4000;
/// How far on `named_after` looks for the group of counted people none
/// was named for before them, in bytes.
const FORWARD_LOOKUP: usize = 1500;
/// How far (in bytes) a listed figure may follow a casualty figure and share its outcome.
const LIST_GAP: usize = 100;
/// How far back (in tokens) a subject naming a kind of group may stand.
const SUBJECT_LOOKBACK: usize = 12;

/// One sentence being read: its words, entity mentions and quantities.
pub(crate) struct Sentence<'a> {
    text: &'a str,
    pub(crate) span: Span,
    pub(crate) words: &'a Words,
    pub(crate) mentions: &'a [Mention],
    /// Mentions of the whole document, for looking back past the sentence.
    pub(crate) all_mentions: &'a [Mention],
    /// Mentions of the previous sentence.
    pub(crate) previous_mentions: &'a [Mention],
    pub(crate) quantities: &'a [Quantity],
    /// Token range of each quantity (`token_ranges`).
    ranges: &'a [(usize, usize)],
    /// The last casualty figure of the sentence before, in the same
    /// paragraph: "Onze autres ont été faits prisonniers" counts more of
    /// its people.
    previous_sentence_casualty: Option<&'a Reading>,
    /// The last measure of the sentence before (`PreviousMeasure`): what
    /// a bare number after the pronoun "en" measures ("Elle en a
    /// nécessité 24").
    previous_sentence_measure: Option<PreviousMeasure>,
}

/// A measure of one sentence as the next may refer to it through "en":
/// its kind, its unit, its value (normalised) and where its number is
/// written (the factor of its unit is read from there when asked).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PreviousMeasure {
    kind: ClaimKind,
    unit: Unit,
    value: f64,
    number: Span,
}

impl PreviousMeasure {
    /// The measure a claim of `kind` read from `quantity` gives the next
    /// sentence, if it is one.
    pub(crate) fn of(quantity: &Quantity, kind: ClaimKind) -> Option<PreviousMeasure> {
        if matches!(
            kind,
            ClaimKind::Casualties | ClaimKind::Count | ClaimKind::Age | ClaimKind::Percentage
        ) {
            return None;
        }
        Some(PreviousMeasure {
            kind,
            unit: quantity.unit?,
            value: quantity.value?,
            number: quantity.number,
        })
    }

    /// The factor that normalised the number, when it is written in
    /// digits ("5 jours": 24).
    fn scale(&self, text: &str) -> Option<f64> {
        let written = text
            .get(self.number.start..self.number.end)
            .and_then(read_digits)
            .filter(|&w| w > 0.0)?;
        Some(self.value / written)
    }
}

/// The meaning of one quantity.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    pub(crate) kind: ClaimKind,
    pub(crate) span: Span,
    pub(crate) outcome: Option<Outcome>,
    pub(crate) victims: Option<Victims>,
    pub(crate) actor: Option<EntityId>,
    /// A bare number that shares the unit of the figure it details
    /// ("300 km2, dont 120 dans le jurd"): the unit and the factor that
    /// normalises the number to it.
    pub(crate) shared_unit: Option<(Unit, f64)>,
    /// The victims were named apart from the figure ("dans les rangs de X",
    /// "parmi les miliciens"), so a coordinated figure shares them.
    pub(crate) named_apart: bool,
    /// Only an outcome noun says who is counted ("et sept blessés"): a
    /// figure it is coordinated with may say more.
    pub(crate) unnamed: bool,
    /// "20 miliciens ont au moins péri": a qualifier on the verb.
    pub(crate) at_least: bool,
}

impl Reading {
    /// What a claim says of the people it counts, as a reading: the
    /// antecedent of "N autres" in the next sentence.
    pub(crate) fn antecedent(claim: &crate::Claim) -> Reading {
        Reading {
            kind: claim.kind,
            span: claim.span,
            outcome: claim.outcome,
            victims: claim.victims,
            actor: claim.actor.clone(),
            shared_unit: None,
            named_apart: false,
            unnamed: false,
            at_least: false,
        }
    }
}

/// What follows a number: the counted noun and what names its group.
/// Its groups are borrowed (from the mentions and the tables) while the
/// figure is read, and an id is cloned only for the claim.
#[derive(Debug, Default)]
struct NounPhrase<'a> {
    /// Token of the counted noun.
    head: Option<usize>,
    /// "autres" stood before the noun (or alone): same people as before.
    others: bool,
    /// "ses"/"leurs": the group of the sentence's subject.
    possessive: bool,
    /// A group named right after the number or the noun ("du Hezbollah").
    group: Option<&'a EntityId>,
    /// Adjectives naming a group ("daeshistes", "soldats syriens").
    adjective_groups: Vec<&'a (Applies, String)>,
    /// The people named by "parmi les X" / "dans les rangs de X".
    ranks_noun: Option<usize>,
    ranks_group: Option<&'a EntityId>,
    /// "dans ses rangs", "dans leurs rangs": members of the subject's group.
    own_ranks: bool,
    /// "dans les rangs des forces gouvernementales": ranks of forces named
    /// by their side only, no group.
    ranks_of_unnamed: bool,
    /// "hommes de Saqlawiya": people named by their town or village.
    from_place: bool,
    /// "14 d'entre eux": people named before the figure.
    among_them: bool,
    /// Byte end of the phrase (noun and its modifiers).
    end: usize,
}

/// What "eux" stands for in "14 d'entre eux".
#[derive(Debug, Clone, Copy)]
enum Antecedent<'a> {
    /// A person noun ("des jihadistes …, tuant 14 d'entre eux"), with the
    /// group named after it, and its token.
    People(VictimClass, Option<&'a Mention>, usize),
    /// An armed group ("les positions de Daech, tuant 14 d'entre eux").
    Group(&'a Mention),
}

/// How many tokens back "eux" may find what it stands for.
const ANTECEDENT_WINDOW: usize = 16;

/// Outcome evidence for one quantity.
#[derive(Debug, Clone, Copy)]
struct Evidence {
    outcome: Outcome,
    /// Byte span of the cue.
    span: Span,
    /// The cue was a "perdu"-like verb: the group is the sentence subject.
    loss: bool,
    /// Found next to the number (not inherited from a neighbouring figure).
    own: bool,
    /// An active verb right before the number governs it ("enlevé une enseignante").
    governs: bool,
    /// Found after a list of figures ("3 soldats et 5 civils ont été tués"):
    /// the claim's span stays on its own figure.
    listed: bool,
}

#[cfg(test)]
thread_local! {
    /// Set by a test to read articles without the shortcut of `read`.
    static NO_ARTICLE_SHORTCUT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// An auxiliary before a participle: "a été blessé", "est mort".
fn is_auxiliary(word: &[u8]) -> bool {
    matches!(
        word,
        b"a" | b"est" | b"ete" | b"etait" | b"avait" | b"aurait" | b"serait"
    )
}

/// A quotation mark as folded: « » " “ ” ‹ › (as bytes, the tokens'
/// folded forms compared without char boundary checks).
fn is_quote_mark(word: &[u8]) -> bool {
    matches!(
        word,
        b"\"" | [0xC2, 0xAB | 0xBB] | [0xE2, 0x80, 0x9C | 0x9D | 0xB9 | 0xBA]
    )
}

/// Whether `read` may drop an article before a noun of no known kind as
/// soon as no outcome verb next to it says what happened to it (always,
/// but in the test that checks the full reading gives the same).
fn article_shortcut() -> bool {
    #[cfg(test)]
    if NO_ARTICLE_SHORTCUT.with(std::cell::Cell::get) {
        return false;
    }
    true
}

impl<'a> Sentence<'a> {
    // One borrow per thing read: the buffers are the caller's, reused.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn new(
        text: &'a str,
        span: Span,
        words: &'a Words,
        quantities: &'a [Quantity],
        ranges: &'a [(usize, usize)],
        mentions: &'a [Mention],
        all_mentions: &'a [Mention],
        previous_mentions: &'a [Mention],
    ) -> Sentence<'a> {
        Sentence {
            text,
            span,
            words,
            mentions,
            all_mentions,
            previous_mentions,
            quantities,
            ranges,
            previous_sentence_casualty: None,
            previous_sentence_measure: None,
        }
    }

    /// The sentence, read after one whose last casualty figure is
    /// `casualty` (in the same paragraph) and whose last measure is
    /// `measure`. (Set in place: a builder taking and giving back the
    /// sentence moved its dozen fields twice a sentence.)
    pub(crate) fn set_previous(
        &mut self,
        casualty: Option<&'a Reading>,
        measure: Option<PreviousMeasure>,
    ) {
        self.previous_sentence_casualty = casualty;
        self.previous_sentence_measure = measure;
    }

    /// Read every quantity of the sentence, in order, into `readings`
    /// (cleared first). `None` for an article "un"/"une" that counts nothing.
    pub(crate) fn read_all(&self, readings: &mut Vec<Option<Reading>>) {
        readings.clear();
        for index in 0..self.quantities.len() {
            let reading = self.read(index, readings);
            readings.push(reading);
        }
    }

    /// `norm(i)` as bytes, for comparisons with ASCII words: no char
    /// boundary checks.
    fn norm_bytes(&self, i: usize) -> &[u8] {
        self.words.norm_bytes(i)
    }

    fn token_span(&self, i: usize) -> Span {
        self.words
            .tokens
            .get(i)
            .map_or(Span::new(self.span.end, self.span.end), |t| t.span)
    }

    fn is_word(&self, i: usize) -> bool {
        self.words.kind(i) == Some(TokenKind::Word)
    }

    fn is_quote(&self, i: usize) -> bool {
        self.words.kind(i) == Some(TokenKind::Symbol) && is_quote_mark(self.norm_bytes(i))
    }

    fn is_capitalised(&self, i: usize) -> bool {
        let span = self.token_span(i);
        // An ASCII first byte tells at once.
        match self.text.as_bytes().get(span.start) {
            Some(b) if b.is_ascii() => return span.start < span.end && b.is_ascii_uppercase(),
            _ => {}
        }
        self.text
            .get(span.start..span.end)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn is_function_word(&self, i: usize) -> bool {
        TABLES.function_words.contains_token(self.words, i)
    }

    /// The mention starting inside token `i`.
    fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let token = self.words.tokens.get(i)?;
        self.mentions
            .iter()
            .find(|m| m.span.start >= token.span.start && m.span.start < token.span.end)
    }

    /// Who "eux" stands for in "14 d'entre eux", the figure starting at
    /// token `first`: the nearest plural person noun before it in the
    /// clause (a few words back, no stop between), with the group named
    /// right after it ("les combattants de l'armée Khalid ibn al-Walid,
    /// affiliée à Daech"); else the nearest armed group.
    fn antecedent(&self, first: usize) -> Option<Antecedent<'a>> {
        let floor = first.saturating_sub(ANTECEDENT_WINDOW);
        let mut nearest_group = None;
        let mut k = first;
        while k > floor {
            k -= 1;
            // ("… ont subi de lourdes pertes : 57 d'entre eux ont été
            // tués": a colon opens what explains the clause before it.)
            if self.words.kind(k) == Some(TokenKind::Stop) && self.norm_bytes(k) != b":" {
                break;
            }
            if let Some(m) = self.mention_at(k) {
                // ("Selon les FDS, 1 700 d'entre eux ont été relâchés":
                // who speaks is not who "eux" are.)
                if m.kind == EntityKind::ArmedGroup
                    && nearest_group.is_none()
                    && !crate::links::after_lead(self.words, self.words.index_at(m.span.start))
                {
                    nearest_group = Some(m);
                }
                continue;
            }
            if matches!(self.norm_bytes(k).last(), Some(b's' | b'x'))
                && let Some(&class) = TABLES.victims.token_value(self.words, k)
                && !self.adjective_after_noun(k)
            {
                let group = match self.norm_bytes(k + 1) {
                    b"de" | b"d" | b"des" | b"du" => self.group_at(k + 2),
                    _ => None,
                };
                return Some(Antecedent::People(class, group, k));
            }
        }
        nearest_group.map(Antecedent::Group)
    }

    /// "on en a abattu 20", "ils en ont capturé une dizaine": the figure
    /// starting at token `start` follows "en", an auxiliary and a verb, and
    /// the nearest noun before it, which "en" stands for, counts people.
    /// A noun right before "en" is the verb's subject ("les soldats en ont
    /// abattu trois"), not what "en" stands for.
    fn people_by_en(&self, start: usize) -> bool {
        start >= 3
            && self.norm_bytes(start - 3) == b"en"
            && (is_avoir_auxiliary(self.norm_bytes(start - 2))
                || self.norm_bytes(start - 2) == b"avons")
            && !(start >= 4 && TABLES.victims.token_value(self.words, start - 4).is_some())
            && matches!(self.antecedent(start - 3), Some(Antecedent::People(..)))
    }

    /// Token `k` is an auxiliary of a compound verb: a form of "avoir"
    /// ("ont", "a", "avaient"…), or "sont", "est".
    fn auxiliary_at(&self, k: usize) -> bool {
        let word = self.norm_bytes(k);
        is_avoir_auxiliary(word) || matches!(word, b"sont" | b"est")
    }

    /// Whether the person word at token `k` is an adjective of the plural
    /// noun before it ("contre des points militaires", "des zones
    /// rebelles"), not a noun of people: the word before is a plural noun of
    /// no person, not a determiner or an adjective that comes before nouns
    /// ("des terroristes", "jeunes combattants").
    fn adjective_after_noun(&self, k: usize) -> bool {
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        self.words.kind(before) == Some(TokenKind::Word)
            && matches!(self.norm_bytes(before).last(), Some(b's' | b'x'))
            && !matches!(
                self.norm_bytes(before),
                b"des"
                    | b"les"
                    | b"ces"
                    | b"ses"
                    | b"leurs"
                    | b"nos"
                    | b"vos"
                    | b"mes"
                    | b"aux"
                    | b"plusieurs"
                    | b"quelques"
                    | b"certains"
                    | b"certaines"
                    | b"autres"
                    | b"nombreux"
                    | b"nombreuses"
                    | b"dizaines"
                    | b"centaines"
                    | b"milliers"
                    | b"tous"
                    | b"toutes"
            )
            && !TABLES.victims.contains_token(self.words, before)
            && !TABLES.prenominal.contains_token(self.words, before)
    }

    /// The armed group mention at token `i`, after optional determiners
    /// and the common noun of a group ("de la faction Harakat al-Nujaba",
    /// "de l'organisation terroriste Daech").
    fn group_at(&self, mut i: usize) -> Option<&'a Mention> {
        // "combattants de l'organisation", "membres du groupe jihadiste":
        // a group named again by its kind.
        let mut generic = false;
        for _ in 0..3 {
            if let Some(m) = self.mention_at(i) {
                return (m.kind == EntityKind::ArmedGroup).then_some(m);
            }
            let word = self.norm_bytes(i);
            if !matches!(
                word,
                b"l" | b"le"
                    | b"la"
                    | b"les"
                    | b"groupe"
                    | b"front"
                    | b"faction"
                    | b"milice"
                    | b"mouvement"
                    | b"organisation"
                    | b"terroriste"
                    | b"jihadiste"
                    | b"djihadiste"
            ) {
                break;
            }
            generic |= matches!(word, b"groupe" | b"organisation");
            i += 1;
        }
        (generic && self.phrase_ends_at(i))
            .then(|| self.militant_group_before(i))
            .flatten()
    }

    /// Whether the noun phrase before token `i` ends there: a sign, the end
    /// of the sentence, an auxiliary or a preposition follows ("de
    /// l'organisation ont été tués", "… du groupe dans la ville"), not an
    /// adjective or a name ("l'organisation humanitaire").
    fn phrase_ends_at(&self, i: usize) -> bool {
        let word = self.norm_bytes(i);
        self.words.kind(i) != Some(TokenKind::Word)
            || is_auxiliary(word)
            || is_avoir_auxiliary(word)
            || matches!(
                word,
                b"sont"
                    | b"etaient"
                    | b"seraient"
                    | b"dans"
                    | b"au"
                    | b"aux"
                    | b"en"
                    | b"lors"
                    | b"depuis"
                    | b"pendant"
                    | b"et"
                    | b"sur"
                    | b"pres"
                    | b"qui"
            )
    }

    /// The last non-state armed group named within `ARMY_LOOKBACK` bytes
    /// before token `i`: what "l'organisation" names again.
    fn militant_group_before(&self, i: usize) -> Option<&'a Mention> {
        self.recent_mentions(self.token_span(i).start)
            .iter()
            .rfind(|m| m.kind == EntityKind::ArmedGroup && TABLES.side(&m.id) == Side::Militant)
    }

    /// The armed group that a participle of allegiance at token `j`
    /// ("appartenant à", "affiliés au", "liés à", "loyaux à") ties the
    /// counted people to: the first one named within a few words after it
    /// ("à l'organisation terroriste de Jabhat al-Nosra"), none past a
    /// comma or the end of the clause.
    fn group_of_allegiance(&self, j: usize, limit: usize) -> Option<&'a Mention> {
        if !matches!(
            self.norm_bytes(j),
            b"appartenant"
                | b"affilie"
                | b"affilies"
                | b"affiliee"
                | b"affiliees"
                | b"lies"
                | b"liees"
                | b"loyaux"
                | b"rattaches"
        ) || !matches!(self.norm_bytes(j + 1), b"a" | b"au" | b"aux")
        {
            return None;
        }
        (j + 2..(j + 2 + ALLEGIANCE_WINDOW).min(limit))
            .take_while(|&k| self.is_word(k))
            .find_map(|k| {
                let m = self.mention_at(k)?;
                let led = matches!(
                    self.norm_bytes(k - 1),
                    b"a" | b"au"
                        | b"aux"
                        | b"de"
                        | b"d"
                        | b"du"
                        | b"des"
                        | b"l"
                        | b"la"
                        | b"le"
                        | b"les"
                );
                (led && m.kind == EntityKind::ArmedGroup).then_some(m)
            })
    }

    /// Whether `quantity`, starting at token `start`, is the article "un"/
    /// "une" of a complement of a plural person noun ("trois membres d'une
    /// famille", "des habitants d'un village"): no count of one. A noun of
    /// the event keeps its figure ("la mort d'un soldat", "le corps d'un
    /// soldat": not a person noun, or not plural).
    /// Inlined for its first test, which rules out most quantities.
    #[inline]
    fn complement_article(&self, start: usize, quantity: &Quantity) -> bool {
        quantity.form == NumberForm::Article && self.article_complements(start)
    }

    /// `complement_article` of an article starting at token `start`.
    #[inline(never)]
    fn article_complements(&self, start: usize) -> bool {
        if start < 2 || !matches!(self.norm_bytes(start - 1), b"de" | b"d") {
            return false;
        }
        matches!(self.norm_bytes(start - 2).last(), Some(b's' | b'x'))
            && TABLES.victims.contains_token(self.words, start - 2)
            && TABLES.outcomes.longest_at(self.words, start - 2).is_none()
    }

    /// Token limits of quantity `index`: (start, end, previous end, next start).
    fn limits(&self, index: usize) -> (usize, usize, usize, usize) {
        let (start, end) = self.ranges.get(index).copied().unwrap_or((0, 0));
        let previous_end = index
            .checked_sub(1)
            .and_then(|p| self.ranges.get(p))
            .map_or(0, |r| r.1);
        // A figure introduced by "dont" details this one: look past it,
        // and past the figures its list goes on with ("dont 19 enfants et
        // 12 femmes"). So does an age, which describes the counted noun
        // ("un enfant de 9 ans a été tué").
        let mut detail = false;
        let next_start = self
            .ranges
            .iter()
            .zip(self.quantities)
            .skip(index + 1)
            .filter(|(r, q)| q.measure != Some(ClaimKind::Age) && !self.complement_article(r.0, q))
            .map(|(r, _)| r.0)
            .find(|&s| {
                let Some(p) = s.checked_sub(1) else {
                    return true;
                };
                let introduces = matches!(
                    self.norm_bytes(p),
                    b"dont" | b"lesquels" | b"lesquelles" | b"notamment" | b"compris"
                );
                let goes_on = detail
                    && self.norm_bytes(p) == b"et"
                    && p.checked_sub(1)
                        .is_some_and(|q| self.words.kind(q) != Some(TokenKind::Comma));
                detail = introduces || goes_on;
                !detail
            })
            .unwrap_or(self.words.len());
        (start, end, previous_end, next_start)
    }

    fn read(&self, index: usize, earlier: &[Option<Reading>]) -> Option<Reading> {
        let tables = &*TABLES;
        let quantity = self.quantities.get(index)?;
        if let Some(kind) = quantity.measure {
            return Some(Reading {
                kind,
                span: quantity.span,
                outcome: None,
                victims: None,
                actor: None,
                shared_unit: None,
                named_apart: false,
                unnamed: false,
                at_least: false,
            });
        }
        let (start, end, previous_end, next_start) = self.limits(index);
        // "trois membres d'une famille": the article of a complement
        // counts nothing, and leaves the verb to the plural noun.
        if self.complement_article(start, quantity) {
            return None;
        }
        // "si un autre de ses soldats était blessé": a threat or a
        // condition, not an event ("même si" concedes one).
        if quantity.form == NumberForm::Article
            && start > 0
            && self.norm_bytes(start - 1) == b"si"
            && !(start > 1 && self.norm_bytes(start - 2) == b"meme")
        {
            return None;
        }
        let mut np = NounPhrase::default();
        let after_head = self.noun_head(&mut np, end, next_start);
        let head_cue = np
            .head
            .and_then(|h| tables.outcomes.longest_at(self.words, h))
            .filter(|(_, cue)| {
                cue.noun && !(cue.needs_numeral && quantity.form == NumberForm::Article)
            })
            .map(|(_, cue)| *cue);
        // A noun of one word ("soldats"), or of a noun and its adjective
        // where the pair alone says who ("casques bleus", "casques blancs").
        let (head_class, head_phrase_end) = match np.head {
            Some(h) => match tables.victims.token_value(self.words, h) {
                Some(&class) => (Some(class), None),
                None => match self.victims_phrase_end(h) {
                    Some((end, class)) => (Some(class), Some(end)),
                    None => (None, None),
                },
            },
            None => (None, None),
        };
        let is_thing = head_class.is_none()
            && head_cue.is_none()
            && np
                .head
                .is_some_and(|h| tables.things.contains_token(self.words, h));
        let is_person = head_class.is_some() || head_cue.is_some();
        let bare = np.head.is_none();
        // "les daechistes fuient, on en a abattu une vingtaine": "en" stands
        // for the people named before, whom the verb's figure counts.
        if bare && !np.others && self.people_by_en(start) {
            np.among_them = true;
        }
        // An article "un"/"une" counts only a person a verb right before it
        // governs, or a person noun: spare the rest of the reading otherwise.
        if quantity.form == NumberForm::Article
            && head_class.is_none()
            && (np.head.is_none() || is_thing)
        {
            return None;
        }
        // "une famille a été décimée", "un groupe a été capturé": a group
        // is not one person.
        if quantity.form == NumberForm::Article
            && np
                .head
                .is_some_and(|h| TABLES.collective_nouns.contains_token(self.words, h))
        {
            return None;
        }
        // An article before a noun of no known kind ("un photographe")
        // counts only what an outcome verb next to it says happened to it:
        // a verb right before it that governs it, or one right after its
        // noun ("a été blessé"). The evidence read below comes from those
        // two first; any other (a figure it details, a topic) is not its
        // own or governs nothing, and leaves it counting nothing. So it is
        // looked for here, before the noun's modifiers are read.
        if quantity.form == NumberForm::Article && !is_person && article_shortcut() {
            // A verb after the noun counts only after an auxiliary
            // (`verb_follows`): without one there, it is not looked for.
            let evidence = self
                .cue_before(start, previous_end, np.others, true)
                .or_else(|| {
                    np.head
                        .is_some_and(|h| self.auxiliary_follows(h))
                        .then(|| self.cue_after(np.head.map_or(end, |h| h + 1), next_start, true))
                        .flatten()
                });
            if !evidence.is_some_and(|e| e.own && (e.governs || self.verb_follows(np.head, &e))) {
                return None;
            }
        }
        // The modifiers only now: they change neither the noun nor the above.
        self.noun_modifiers(&mut np, after_head, next_start);

        let previous_casualty = earlier
            .iter()
            .rev()
            .flatten()
            .find(|r| r.kind == ClaimKind::Casualties);
        // "dont …" details the figure right before it (an age aside): when
        // that one counts nothing that happened, neither does the detail.
        let last_is_casualty = earlier
            .iter()
            .rev()
            .flatten()
            .find(|r| r.kind != ClaimKind::Age)
            .is_some_and(|r| r.kind == ClaimKind::Casualties);
        // "… 24 otages ont été libérés. Parmi eux figurent 11 enfants": a
        // detail opening its sentence details the figure that closed the
        // sentence before.
        let (previous_casualty, last_is_casualty) = match self.previous_sentence_casualty {
            Some(before)
                if previous_casualty.is_none()
                    && detail_opening(self.words, start)
                        .is_some_and(|k| self.opens_sentence(k)) =>
            {
                (Some(before), true)
            }
            _ => (previous_casualty, last_is_casualty),
        };

        let mut evidence = None;
        // "Parmi les morts figure un civil": the topic says what happened.
        let mut topical = false;
        let mut listed_article = false;
        if !is_thing {
            // A verb says what happened even to "otages" ("cinq otages libérés").
            let noun_evidence = head_cue.and_then(|cue| Some(self.word_evidence(np.head?, &cue)));
            let unknown_noun = np.head.is_some() && !is_person;
            evidence = self
                .cue_before(
                    start,
                    previous_end,
                    is_person || np.others || np.among_them,
                    unknown_noun,
                )
                // After the noun, a passive verb says what happened to
                // whatever it counts that is not a thing ("des dizaines de
                // familles ont été massacrées").
                .or_else(|| {
                    // Past the group the noun names ("70 miliciens de
                    // l'ASL et du Front al-Nosra ont été tués"): a long
                    // name does not use up the window.
                    let mut from = np.head.map_or(end, |h| h + 1);
                    if np.group.is_some() {
                        from = from.max(self.words.index_at(np.end)).min(next_start);
                    }
                    self.cue_after(from, next_start, true)
                        // "45 000 habitants …, avait été libérée": a verb in
                        // the singular is another subject's, but for the
                        // group they make ("une famille de sept personnes a
                        // été tuée").
                        .filter(|e| {
                            !(counts_many(quantity)
                                && self.after_singular_auxiliary(e)
                                && !self.collective_complement(start))
                        })
                })
                // "quatre autres capturés": the participle read as the
                // head noun says what happened to them.
                .or_else(|| self.participle_head(&np, is_person))
                .or(noun_evidence);
            if evidence.is_none() && head_class.is_some() {
                evidence = self.listed_ahead(index, np.head.map_or(end, |h| h + 1));
            }
            // "… des milliers de morts, et plus de 900.000 personnes ont
            // fui": people who are the subject of a verb of their own that
            // says no outcome share none of the figure before them.
            // ("…à onze morts, des milliers d'habitants fuient le camp":
            // a verb in the present plural too, told by its ending.)
            let own_verb = !np.others
                && np.head.is_some_and(|h| {
                    let next = self.norm_bytes(h + 1);
                    matches!(
                        next,
                        b"ont" | b"sont" | b"avaient" | b"etaient" | b"auraient" | b"seraient"
                    ) || (next.len() > 4 && next.ends_with(b"ent") && !next.ends_with(b"ment"))
                });
            if evidence.is_none()
                && !own_verb
                && (is_person || np.others || np.group.is_some() || bare)
            {
                evidence = self.inherited(
                    start,
                    quantity,
                    previous_casualty,
                    bare && np.group.is_none() && !np.others,
                    last_is_casualty,
                );
                // "deux soldats et une fillette": an article closing a list
                // of people shares the figure's outcome, as a number does,
                // unless a verb of its own follows its noun.
                // ("et d'une femme" after "la mort de deux enfants".)
                let glue = if start > 1 && matches!(self.norm_bytes(start - 1), b"d" | b"de") {
                    start - 2
                } else {
                    start.saturating_sub(1)
                };
                listed_article = evidence.is_some()
                    && quantity.form == NumberForm::Article
                    && start > 0
                    && self.norm_bytes(glue) == b"et"
                    && np.head.is_some_and(|h| !self.auxiliary_follows(h));
            }
            if evidence.is_none() && (is_person || np.group.is_some() || (bare && !np.others)) {
                evidence = self.sentence_topic(start);
                topical = evidence.is_some();
            }
        }

        let evidence = match evidence {
            Some(e) => e,
            None => {
                if quantity.form == NumberForm::Article {
                    return None;
                }
                if bare && np.group.is_none() && !np.others {
                    if let Some(shared) = self
                        .shared_measure(index, start, earlier)
                        .or_else(|| self.measure_by_en(quantity, start))
                    {
                        return Some(shared);
                    }
                }
                return Some(Reading {
                    kind: ClaimKind::Count,
                    span: self.clamp(
                        quantity.span.start,
                        quantity
                            .span
                            .end
                            .max(np.end.min(self.head_end(&np, quantity))),
                    ),
                    outcome: None,
                    victims: None,
                    actor: None,
                    shared_unit: None,
                    named_apart: false,
                    unnamed: false,
                    at_least: false,
                });
            }
        };
        // "Un photographe irakien a été blessé": an unknown noun right
        // before its verb is a person too.
        let verb_follows = self.verb_follows(np.head, &evidence);
        if quantity.form == NumberForm::Article
            && !(evidence.own
                && (head_class.is_some() || head_cue.is_some() || evidence.governs || verb_follows))
            && !((topical || listed_article) && head_class.is_some())
        {
            return None;
        }

        // Who is counted, and their group.
        // "Onze autres ont été faits prisonniers": more of the people of
        // the figure before, in this sentence or else the one before it.
        // "Au moins 80 civils ont été tués. Une trentaine d'entre eux ont
        // péri…": opening its sentence, "eux" are the people of the figure
        // that closed the sentence before.
        let among_those_before = || {
            (np.among_them && head_class.is_none() && self.opens_sentence(start))
                .then_some(self.previous_sentence_casualty)
                .flatten()
        };
        let inherit = if np.others {
            previous_casualty.or(self.previous_sentence_casualty)
        } else if bare && np.group.is_none() && np.ranks_noun.is_none() && np.ranks_group.is_none()
        {
            previous_casualty.or_else(among_those_before)
        } else {
            among_those_before()
        };
        // "… les positions de Daech, tuant 14 d'entre eux": the people or
        // the group named last before the figure.
        let antecedent = if np.among_them && inherit.is_none() && head_class.is_none() {
            self.antecedent(start)
        } else {
            None
        };
        if let Some(Antecedent::Group(m) | Antecedent::People(_, Some(m), _)) = antecedent {
            np.group = Some(&m.id);
        }
        // "les daechistes fuient, on en a abattu une vingtaine": the noun
        // may name their group itself.
        if let Some(Antecedent::People(_, None, k)) = antecedent
            && let Some((_, adjective)) = tables.actor_adjectives.longest_at(self.words, k)
        {
            np.adjective_groups.insert(0, adjective);
        }
        let mut class: VictimClass = if let Some(class) = head_class {
            class
        } else if let Some(previous) = inherit {
            VictimClass::Is(previous.victims.unwrap_or(Victims::People))
        } else if let Some(Antecedent::People(class, _, _)) = antecedent {
            class
        } else if let Some(cue) = head_cue {
            // "les raids ont fait des dizaines de martyrs": the fallen
            // of strikes are whoever was there, not fighters only.
            if cue.victims == Victims::Fighters && self.strikes_named() {
                VictimClass::Is(Victims::People)
            } else {
                VictimClass::Is(cue.victims)
            }
        } else if np.group.is_some() {
            VictimClass::Member
        } else {
            VictimClass::Is(Victims::People)
        };
        // "huit victimes civiles", "12 morts militaires": after a noun
        // that says nothing of who, an adjective does ("12 morts civils
        // et militaires" are of both kinds: people).
        let mut adjective_end = head_phrase_end;
        if class == VictimClass::Is(Victims::People) && inherit.is_none() {
            if let Some(h) = np.head.filter(|&h| self.is_word(h + 1)) {
                if let Some(&VictimClass::Is(v)) = tables.victims.token_value(self.words, h + 1) {
                    let mixed = matches!(self.norm_bytes(h + 2), b"et" | b"ou")
                        && TABLES
                            .victims
                            .token_value(self.words, h + 3)
                            .is_some_and(|other| *other != VictimClass::Is(v));
                    if !mixed {
                        class = VictimClass::Is(v);
                        adjective_end = Some(self.token_span(h + 1).end);
                    }
                }
            }
        }
        // "une famille de neuf personnes": the people of a family are its
        // kind (civilians), when nothing else says who.
        if class == VictimClass::Is(Victims::People)
            && let Some(k) = self.collective_before(start)
            && let Some(&VictimClass::Is(v)) = tables.victims.token_value(self.words, k)
        {
            class = VictimClass::Is(v);
        }
        if let Some(r) = np.ranks_noun {
            // "parmi les hommes armés": a noun of several words first.
            if let Some((_, c)) = self.victims_phrase_end(r) {
                class = c;
            } else if let Some(c) = tables.victims.token_value(self.words, r) {
                class = *c;
            } else if class == VictimClass::Is(Victims::People) && !np.adjective_groups.is_empty() {
                // "dans les rangs des forces gouvernementales": members of
                // forces named by their side.
                class = VictimClass::Member;
            }
        } else if (np.ranks_group.is_some() || np.own_ranks)
            && class == VictimClass::Is(Victims::People)
        {
            class = VictimClass::Member;
        }

        if class == VictimClass::Member
            && np.from_place
            && np.ranks_group.is_none()
            && np.adjective_groups.is_empty()
        {
            class = VictimClass::Is(Victims::Civilians);
        }
        // "800 terroristes tués, parmi lesquels 35 chefs": members of the
        // figure detailed.
        let detailed =
            previous_casualty.filter(|_| last_is_casualty && self.details_previous(start));
        if let (VictimClass::Member, Some(previous), None, None) =
            (class, detailed, &np.group, &np.ranks_group)
        {
            if let Some(v) = previous.victims.filter(|v| *v != Victims::People) {
                class = VictimClass::Is(v);
            }
        }
        // "la perte de 41 soldats, dont deux tués vendredi": a detail named
        // only by what happened to it ("tués", "blessés"), or by a noun
        // that says nothing of sides ("dont quatre ressortissants
        // étrangers", "dont huit Iraniens"), is of the people of the
        // figure it details.
        if let (VictimClass::Is(Victims::People), Some(previous), None, None) =
            (class, detailed, &np.group, &np.ranks_group)
            && head_class.is_none_or(|c| c == VictimClass::Is(Victims::People))
        {
            if let Some(v) = previous.victims.filter(|v| *v != Victims::People) {
                class = VictimClass::Is(v);
            }
        }
        // "huit d'entre eux sont tombés en martyrs": with no noun, the
        // verb may say who fell.
        if bare && inherit.is_none() && evidence.own && class == VictimClass::Is(Victims::People) {
            let cue = self.words.index_at(evidence.span.start);
            if let Some((_, cue)) = tables.outcomes.longest_at(self.words, cue) {
                class = VictimClass::Is(cue.victims);
            }
        }
        let mut actor = np.group.or(np.ranks_group).cloned();
        let provisional = match class {
            VictimClass::Is(v) => v,
            VictimClass::Member => Victims::People,
        };
        if actor.is_none() {
            actor = np.adjective_groups.iter().find_map(|(applies, id)| {
                (id != STATE_FORCES
                    && id != UNNAMED_MILITANTS
                    && id != UNNAMED_ALLIES
                    && id != REBELS
                    && (*applies == Applies::Any || provisional == Victims::Soldiers))
                    .then(|| EntityId::from(id.as_str()))
            });
        }
        // "Côté israélien, dix soldats et huit civils ont été tués": the
        // side the sentence opens with is the soldiers' army.
        if actor.is_none() && provisional == Victims::Soldiers {
            actor = self.side_framed().map(|id| EntityId::from(id.as_str()));
        }
        // "les pertes du Nosra dépassent les 150 tués": the losses' owner,
        // subject of the clause, is whose people they are.
        if actor.is_none()
            && np.group.is_none()
            && class == VictimClass::Is(Victims::People)
            && let Some(m) = self.losses_of(start)
        {
            actor = Some(m.id.clone());
            class = VictimClass::Member;
        }
        if actor.is_none() && (np.possessive || evidence.loss) {
            let cue = self.words.index_at(evidence.span.start);
            let participle = evidence.loss && cue > 0 && self.norm_bytes(cue - 1) == b"ayant";
            actor = self
                .subject_group(start, participle)
                // "… et que le groupe terroriste avait perdu 1.000
                // combattants": a loser named by its kind as a group of no
                // state is not the state's force named before it.
                .filter(|m| {
                    !(evidence.loss
                        && tables.side(&m.id) != Side::Militant
                        && self.militant_subject(start, cue))
                })
                .map(|m| m.id.clone());
        }
        // (Civilians among a group's dead are none of its men: "22
        // martyrs, dont trois enfants".)
        if actor.is_none() && class != VictimClass::Is(Victims::Civilians) {
            if let Some(previous) = inherit.or(detailed) {
                actor = previous.actor.clone();
            }
        }
        // "membres des forces de sécurité": some state's forces, unnamed.
        let state_forces = np.adjective_groups.iter().any(|(_, id)| id == STATE_FORCES);
        let allies = np
            .adjective_groups
            .iter()
            .any(|(_, id)| id == UNNAMED_ALLIES);
        let rebels = np.adjective_groups.iter().any(|(_, id)| id == REBELS);
        let unnamed_militants = rebels
            || np
                .adjective_groups
                .iter()
                .any(|(_, id)| id == UNNAMED_MILITANTS)
            || (actor.is_none()
                && (evidence.loss || np.own_ranks)
                && self.militant_subject(start, self.words.index_at(evidence.span.start)));
        let victims = match (class, actor.as_deref().map(|id| tables.side(id))) {
            (_, Some(Side::Allied)) => Victims::Fighters,
            (VictimClass::Member | VictimClass::Is(Victims::Fighters), Some(Side::State)) => {
                Victims::Soldiers
            }
            (VictimClass::Member | VictimClass::Is(Victims::Fighters), Some(Side::Militant)) => {
                Victims::Militants
            }
            (VictimClass::Member, None) if state_forces => Victims::Soldiers,
            // "miliciens prorégime": whatever word, men on a state's side.
            (
                VictimClass::Member | VictimClass::Is(Victims::Fighters | Victims::Militants),
                None,
            ) if allies => Victims::Fighters,
            // "combattants rebelles", "hommes armés": no state's men.
            (VictimClass::Member | VictimClass::Is(Victims::Fighters), None)
                if unnamed_militants =>
            {
                Victims::Militants
            }
            (VictimClass::Member, None) => Victims::People,
            (VictimClass::Is(v), _) => v,
        };
        // "frappé des positions de Daech, tuant plusieurs commandants":
        // members of no group named are those of the one non-state group
        // the sentence names, when it names no other group.
        let mut victims = victims;
        // Members of a body the text names by a common noun ("onze membres
        // des forces populaires") are not those of a group named nearby.
        let members_of_unnamed = class == VictimClass::Member
            && np.group.is_none()
            && np.ranks_group.is_none()
            && (np.ranks_of_unnamed
                || np.head.is_some_and(|h| {
                    matches!(self.norm_bytes(h + 1), b"de" | b"des" | b"du" | b"d")
                        && self.is_word(self.words.past_articles(h + 2))
                }));
        if class == VictimClass::Member
            && actor.is_none()
            && victims == Victims::People
            && !members_of_unnamed
        {
            let mut groups = self
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::ArmedGroup);
            if let (Some(only), None) = (groups.next(), groups.next()) {
                // Named as an owner ("positions de Daech"), not as the one
                // who acted ("Daech a exécuté 12 hommes", "par Daech").
                let owner = self.words.after_de(self.words.index_at(only.span.start));
                if owner && tables.side(&only.id) == Side::Militant {
                    victims = Victims::Militants;
                    actor = Some(only.id.clone());
                }
            }
        }
        // Rebels, and allies named by their side ("pro-turcs"), belong to
        // the group the text names with them, not to whatever group
        // (Daech…) was named nearby.
        if actor.is_none() && !rebels && !allies && !members_of_unnamed {
            let jihadist_noun = np
                .head
                .is_some_and(|h| tables.jihadist_nouns.contains_token(self.words, h));
            actor = self
                .default_group(start, victims, jihadist_noun)
                .map(|m| m.id.clone());
        }
        if matches!(victims, Victims::Civilians | Victims::People)
            && np.group.is_none()
            && np.ranks_group.is_none()
        {
            actor = None;
        }

        let mut span_start = quantity.span.start;
        let mut span_end = quantity
            .span
            .end
            .max(self.head_end(&np, quantity))
            .max(adjective_end.unwrap_or(0));
        // Tight spans: never across another figure ("18 civils, dont six
        // enfants, ont été tués" keeps "18 civils").
        let across = self.quantities.iter().any(|q| {
            q.span != quantity.span
                && ((q.span.start >= quantity.span.end && q.span.end <= evidence.span.start)
                    || (q.span.start >= evidence.span.end && q.span.end <= quantity.span.start))
                && !self.complement_article(self.words.index_at(q.span.start), q)
        });
        if evidence.own && !evidence.listed && !across {
            span_start = span_start.min(evidence.span.start);
            span_end = span_end.max(evidence.span.end);
        }
        Some(Reading {
            kind: ClaimKind::Casualties,
            span: self.clamp(span_start, span_end),
            outcome: Some(evidence.outcome),
            victims: Some(victims),
            actor,
            shared_unit: None,
            named_apart: np.ranks_noun.is_some() || np.ranks_group.is_some(),
            unnamed: head_class.is_none()
                && inherit.is_none()
                && head_cue.is_some()
                && np.group.is_none()
                && np.ranks_noun.is_none()
                && np.ranks_group.is_none()
                && np.adjective_groups.is_empty()
                && adjective_end.is_none(),
            at_least: evidence.own && self.at_least_between(end, evidence.span.start),
        })
    }

    /// Byte end of the counted noun (or of the quantity when there is none).
    fn head_end(&self, np: &NounPhrase<'_>, quantity: &Quantity) -> usize {
        let head = np
            .head
            .map_or(quantity.span.end, |h| self.token_span(h).end);
        if np.others { head.max(np.end) } else { head }
    }

    /// A span inside the sentence, at most 200 bytes, on token boundaries.
    fn clamp(&self, start: usize, end: usize) -> Span {
        let start = start.max(self.span.start);
        let mut end = end.min(self.span.end).max(start);
        if end - start > crate::MAX_SPAN {
            // Cut back to the last token that still fits.
            end = self
                .words
                .tokens
                .iter()
                .rev()
                .map(|t| t.span.end)
                .find(|&e| e > start && e - start <= crate::MAX_SPAN)
                .unwrap_or(start);
        }
        Span::new(start, end)
    }

    /// The counted noun and its modifiers after the quantity (tokens `i..limit`).
    fn noun_phrase(&self, i: usize, limit: usize) -> NounPhrase<'a> {
        let mut np = NounPhrase::default();
        let after = self.noun_head(&mut np, i, limit);
        self.noun_modifiers(&mut np, after, limit);
        np
    }

    /// The counted noun after the quantity (tokens `i..limit`), with what
    /// stands before it, into `np` (a new one: filled in place, not moved
    /// out); and the token after it, where `noun_modifiers` goes on.
    fn noun_head(&self, np: &mut NounPhrase<'a>, mut i: usize, limit: usize) -> usize {
        let tables = &*TABLES;
        let mut steps = 0;
        while i < limit && steps < 8 {
            steps += 1;
            if self.is_quote(i) {
                i += 1;
                continue;
            }
            if !self.is_word(i) {
                break;
            }
            let word = self.norm_bytes(i);
            match word {
                b"de" | b"d" | b"des" | b"du" => {
                    if matches!(word, b"de" | b"d")
                        && self.norm_bytes(i + 1) == b"entre"
                        && matches!(self.norm_bytes(i + 2), b"eux" | b"elles")
                    {
                        np.among_them = true;
                        np.end = self.token_span(i + 2).end;
                        i += 3;
                        break;
                    }
                    if let Some(m) = self.group_at(i + 1) {
                        np.group = Some(&m.id);
                        np.end = np.end.max(m.span.end);
                        break;
                    }
                    if word == b"du" {
                        break;
                    }
                    i += 1;
                    continue;
                }
                b"ses" | b"leurs" | b"son" | b"sa" | b"leur" => {
                    np.possessive = true;
                    i += 1;
                    continue;
                }
                b"ces" | b"les" | b"nos" => {
                    i += 1;
                    continue;
                }
                // "portant à 71 le nombre de ses membres tombés": the
                // figure counts what "le nombre de" names.
                b"le"
                    if np.head.is_none()
                        && matches!(self.norm_bytes(i + 1), b"nombre" | b"total")
                        && matches!(self.norm_bytes(i + 2), b"de" | b"d" | b"des") =>
                {
                    i += 2;
                    continue;
                }
                // "et environ 160 côté israélien": a side, not a noun
                // (the figure repeats the one before it).
                b"cote" if steps == 1 => break,
                b"autres" | b"autre" => {
                    np.others = true;
                    np.end = self.token_span(i).end;
                    i += 1;
                    continue;
                }
                _ => {}
            }
            // (The next token's place and kind first: the look-up last.)
            if i + 1 < limit
                && self.is_word(i + 1)
                && tables.prenominal.contains_token(self.words, i)
                && !self.is_function_word(i + 1)
            {
                i += 1;
                continue;
            }
            // "trois peshmergas", "deux pasdarans": members named by their
            // group's name in the plural are counted people of that group.
            // The plural first: most nouns counted by "un"/"une" are
            // singular, and the mentions need not be searched for them.
            if self.words.norm_bytes(i).last() == Some(&b's')
                && let Some(m) = self.group_at(i)
                && m.span.start == self.token_span(i).start
            {
                np.group = Some(&m.id);
                np.head = Some(i);
                np.end = m.span.end;
                i = self.words.index_at(m.span.end);
                break;
            }
            // A name is not a counted noun ("dont les 50 de Flita"); a
            // demonym is ("sept Syriens"), and so is a noun with the
            // adjective that says who ("Casques bleus", "casques blancs",
            // which the lexicon may also know as a name).
            if self.is_function_word(i)
                || ((self.mention_at(i).is_some()
                    || (self.is_capitalised(i) && !tables.victims.contains_token(self.words, i)))
                    && self.victims_phrase_end(i).is_none())
            {
                break;
            }
            // Nor is a day: "7 civils lundi et 4 mardi" counts no "mardi"
            // (a word no day phrase may start with is told by its flag).
            if self.words.flags(i) & crate::tables::MAY_DATE != 0
                && matches!(
                    tables.days.longest_at(self.words, i),
                    Some((_, DayWord::Weekday(_) | DayWord::Offset(_)))
                )
            {
                break;
            }
            np.head = Some(i);
            np.end = self.token_span(i).end;
            i += 1;
            break;
        }
        i
    }

    /// Token `i` is a lowercase word that no table knows as a function
    /// word, an outcome or a speech verb: a common noun opening an
    /// apposition ("alliance dominée par…").
    fn bare_noun(&self, i: usize) -> bool {
        self.is_word(i)
            && !self.is_capitalised(i)
            && !self.is_function_word(i)
            && TABLES.outcomes.longest_at(self.words, i).is_none()
            && TABLES.attribution.longest_at(self.words, i).is_none()
    }

    /// The sentence names strikes from the air or from afar
    /// (`strikes.tsv`: "frappes", "raids", "bombardements").
    fn strikes_named(&self) -> bool {
        (0..self.words.len())
            .any(|k| self.is_word(k) && TABLES.strikes.contains_token(self.words, k))
    }

    /// The byte end and the victims of a counted noun of several words
    /// starting at token `i` ("casques bleus": the adjective says who).
    fn victims_phrase_end(&self, i: usize) -> Option<(usize, VictimClass)> {
        // (Every row of `victim_phrases` has two words or more.)
        let (len, &class) = TABLES.victim_phrases.longest_at(self.words, i)?;
        Some((self.token_span(i + len - 1).end, class))
    }

    /// The token of the noun after an article ("la", "l'", "une", "même")
    /// starting at `from`, when the counted noun `head` is a member noun
    /// ("membres") and that noun names people ("famille", "tribus").
    fn member_complement(&self, head: Option<usize>, from: usize, end: usize) -> Option<usize> {
        let head = head?;
        if TABLES.victims.token_value(self.words, head) != Some(&VictimClass::Member) {
            return None;
        }
        let mut k = from;
        while k < end
            && self.is_word(k)
            && matches!(self.norm_bytes(k), b"la" | b"l" | b"une" | b"meme")
        {
            k += 1;
        }
        (k > from && k < end && self.is_word(k) && TABLES.victims.contains_token(self.words, k))
            .then_some(k)
    }

    /// The modifiers of the noun `noun_head` found, from token `i` on:
    /// adjectives, "de/du X" naming the group, "parmi les X", "dans les
    /// rangs de X".
    fn noun_modifiers(&self, np: &mut NounPhrase<'a>, i: usize, limit: usize) {
        let tables = &*TABLES;
        // Modifiers: adjectives and "de/du X" naming the group.
        let mut j = i;
        let modifier_end = (i + MODIFIER_WINDOW).min(limit);
        if np.group.is_none() && (np.head.is_some() || np.others) {
            while j < modifier_end {
                if self.is_quote(j) {
                    j += 1;
                    continue;
                }
                if !self.is_word(j) {
                    break;
                }
                let word = self.norm_bytes(j);
                if matches!(word, b"ses" | b"leurs" | b"son" | b"sa" | b"leur") {
                    np.possessive = true;
                } else if j > 0
                    && matches!(
                        self.norm_bytes(j - 1),
                        b"de" | b"d" | b"des" | b"ses" | b"leurs"
                    )
                    && tables.victims.contains_token(self.words, j)
                {
                    // "25 cadavres de ses miliciens": the people counted.
                    np.ranks_noun = Some(j);
                    if let Some((_, adjective)) = tables.actor_adjectives.longest_at(self.words, j)
                    {
                        np.adjective_groups.push(adjective);
                    }
                } else if let Some((_, adjective)) =
                    tables.actor_adjectives.longest_at(self.words, j)
                {
                    np.adjective_groups.push(adjective);
                } else if matches!(word, b"de" | b"d" | b"du" | b"des") {
                    if let Some(m) = self.group_at(j + 1) {
                        np.group = Some(&m.id);
                        // (A group named again by its kind, "de
                        // l'organisation", was named before: the phrase
                        // ends at its own noun.)
                        np.end = np.end.max(m.span.end);
                        // "70 miliciens de l'ASL et du Front al-Nosra ont
                        // été tués": a second group joined by "et" is part
                        // of the phrase (the first stays its group).
                        let k = self.words.index_at(m.span.end);
                        if self.norm_bytes(k) == b"et"
                            && matches!(self.norm_bytes(k + 1), b"de" | b"d" | b"du" | b"des")
                            && let Some(second) = self.group_at(k + 2)
                        {
                            np.end = np.end.max(second.span.end);
                        }
                        break;
                    }
                    // "huit membres d'une même famille": members are of the
                    // people their complement names, past its article.
                    if let Some(k) = self.member_complement(np.head, j + 1, modifier_end) {
                        np.ranks_noun = Some(k);
                        j = k + 1;
                        continue;
                    }
                    if self
                        .mention_at(j + 1)
                        .is_some_and(|m| m.kind == EntityKind::Place)
                    {
                        np.from_place = true;
                    }
                } else if let Some(m) = self.group_of_allegiance(j, limit) {
                    // "des terroristes appartenant à l'organisation de
                    // Jabhat al-Nosra", "200 hommes affiliés au Hezbollah".
                    np.group = Some(&m.id);
                    np.end = m.span.end;
                    break;
                } else if self.is_function_word(j)
                    || tables.outcomes.longest_at(self.words, j).is_some()
                {
                    break;
                }
                j += 1;
            }
        }
        // The head noun itself may name the group ("daechistes").
        if let Some(h) = np.head {
            if let Some((_, adjective)) = tables.actor_adjectives.longest_at(self.words, h) {
                np.adjective_groups.insert(0, adjective);
            }
        }
        // "parmi les miliciens", "dans les rangs de Jaïch al-Islam", "au sein
        // du Hezbollah", "… et 30 dans ceux de Daech".
        let ranks_end = (i + RANKS_WINDOW).min(limit).min(self.words.len());
        // Only "parmi", "rangs", "sein", "ceux", "celles" open them: the other tokens are
        // passed over by their shape.
        let window = self.words.tokens.get(i..ranks_end).unwrap_or_default();
        for (offset, token) in window.iter().enumerate() {
            if token.kind == TokenKind::Stop {
                break;
            }
            if token.flags & crate::tables::MAY_OPEN_RANKS == 0 {
                continue;
            }
            let k = i + offset;
            let word = self.words.norm_bytes(k);
            if word == b"parmi" {
                let mut n = k + 1;
                if matches!(self.norm_bytes(n), b"les" | b"ses" | b"leurs" | b"des") {
                    n += 1;
                }
                if let Some(m) = self.group_at(n) {
                    np.ranks_group = Some(&m.id);
                } else if self.is_word(n) {
                    np.ranks_noun = Some(n);
                    self.forces_by_side_at(n, np);
                }
                break;
            }
            // "six blessés dans ses rangs": the subject's own.
            if word == b"rangs"
                && k >= 2
                && matches!(self.norm_bytes(k - 1), b"ses" | b"leurs")
                && matches!(self.norm_bytes(k - 2), b"dans" | b"parmi")
            {
                np.possessive = true;
                np.own_ranks = true;
                break;
            }
            let ranks = matches!(word, b"rangs" | b"sein" | b"ceux" | b"celles")
                && matches!(self.norm_bytes(k + 1), b"de" | b"d" | b"du" | b"des");
            if ranks {
                if let Some(m) = self.group_at(k + 2) {
                    np.ranks_group = Some(&m.id);
                } else {
                    // "90 tués dans les rangs des jihadistes": the people
                    // of those ranks.
                    let n = self.words.past_articles(k + 2);
                    if np.ranks_noun.is_none()
                        && (tables.victims.contains_token(self.words, n)
                            // "16 morts dans les rangs des forces
                            // gouvernementales": forces named by their side.
                            || self.forces_by_side_at(n, np))
                    {
                        np.ranks_noun = Some(n);
                    }
                }
                break;
            }
        }
    }

    /// Forces named by their side at token `n` ("les forces
    /// gouvernementales", "les forces de sécurité", after "parmi" or "dans
    /// les rangs de"): their adjective's group is noted in `np`, as the
    /// ranks of no named group. Whether there were such forces.
    fn forces_by_side_at(&self, n: usize, np: &mut NounPhrase<'a>) -> bool {
        let Some((_, adjective)) = TABLES.actor_adjectives.longest_at(self.words, n) else {
            return false;
        };
        np.adjective_groups.push(adjective);
        np.ranks_of_unnamed = true;
        true
    }

    /// "les pertes du Nosra" ending at most four words before token
    /// `start`, in the same clause: the group whose losses are counted.
    fn losses_of(&self, start: usize) -> Option<&'a Mention> {
        let floor = start.saturating_sub(8);
        let mut k = start;
        while k > floor {
            k -= 1;
            if !self.is_word(k) {
                return None;
            }
            if self.norm_bytes(k) == b"pertes"
                && matches!(self.norm_bytes(k + 1), b"de" | b"d" | b"du" | b"des")
            {
                let m = self.group_at(k + 2)?;
                let after = self.words.index_at(m.span.end);
                return (start.saturating_sub(after) <= 4).then_some(m);
            }
        }
        None
    }

    /// The cue of `evidence` follows the noun `head` closely, after an
    /// auxiliary: "un photographe irakien a été blessé".
    fn verb_follows(&self, head: Option<usize>, evidence: &Evidence) -> bool {
        head.is_some_and(|h| {
            let cue = self.words.index_at(evidence.span.start);
            cue > h
                && cue - h <= 5
                && (h + 1..cue).all(|k| self.words.kind(k) == Some(TokenKind::Word))
                && (h + 1..cue).any(|k| is_auxiliary(self.norm_bytes(k)))
        })
    }

    /// Whether `verb_follows(Some(head), …)` may hold for some cue: an
    /// auxiliary among the (at most four) words right after the noun,
    /// with no other token before it.
    fn auxiliary_follows(&self, head: usize) -> bool {
        (head + 1..head + 5)
            .take_while(|&k| self.words.kind(k) == Some(TokenKind::Word))
            .any(|k| is_auxiliary(self.norm_bytes(k)))
    }

    /// An outcome verb standing right before the quantity ("tué deux miliciens").
    fn cue_before(
        &self,
        start: usize,
        previous_end: usize,
        is_person: bool,
        unknown_noun: bool,
    ) -> Option<Evidence> {
        // "la mort d'au moins 50 civils": the figure's phrase may open with
        // the "d'" ending the cue.
        if matches!(self.norm_bytes(start), b"d" | b"de") {
            if let Some((cue_start, cue)) = self.cue_ending_at(start + 1) {
                if cue.before && cue_start >= previous_end && (!cue.needs_person || is_person) {
                    let span =
                        Span::new(self.token_span(cue_start).start, self.token_span(start).end);
                    let mut evidence = self.evidence(cue, span, true);
                    evidence.governs = unknown_noun;
                    return Some(evidence);
                }
            }
        }
        let mut end = start;
        // "tuant ses trois occupants", "a blessé les deux fils": the
        // determiner of the counted people right before their number.
        if is_person
            && end > previous_end + 1
            && matches!(
                end.checked_sub(1).map(|p| self.norm_bytes(p)),
                Some(b"ses" | b"les" | b"leurs" | b"ces" | b"nos")
            )
        {
            end -= 1;
        }
        // "tuant le maire Hassan Berjaoui et 15 autres personnes": the
        // verb governs a person named before the figure, joined by "et"
        // (which no filler, cue or aside below ends with).
        if let Some(evidence) = self.verb_of_named_object(start, previous_end, is_person) {
            return Some(evidence);
        }
        // A few fillers: adverbs, quotation marks around the verb or the
        // figure ("a « neutralisé » 40 combattants"), and the day and time
        // of the event ("ont tué mercredi soir au moins 26 civils", "a
        // arrêté mardi à l'aube onze personnes", "blessant légèrement un
        // berger").
        for _ in 0..6 {
            if end <= previous_end {
                return None;
            }
            if let Some((cue_start, cue)) = self.cue_ending_at(end) {
                if cue.before && cue_start >= previous_end && (!cue.needs_person || is_person) {
                    let span = Span::new(
                        self.token_span(cue_start).start,
                        self.token_span(end - 1).end,
                    );
                    let mut evidence = self.evidence(cue, span, true);
                    evidence.governs = unknown_noun;
                    return Some(evidence);
                }
            }
            // "a perdu, selon son porte-parole, plus de 1.300 combattants":
            // an attribution between commas stands between verb and figure.
            if let Some(open) = self.attribution_aside_ending_at(end, previous_end) {
                end = open;
                continue;
            }
            // "a perdu en Syrie plus de 1 600 hommes", "a arrêté à Saïda
            // quatre personnes": where, between the verb and its figure.
            if end >= previous_end + 3
                && self.is_capitalised(end - 1)
                && matches!(self.norm_bytes(end - 2), b"en" | b"au" | b"aux" | b"a")
            {
                end -= 2;
                continue;
            }
            // "a libéré de son côté 100 détenus", "a perdu pour sa part 12
            // hommes": whose turn it is, between the verb and its figure.
            if end >= previous_end + 4 && self.turn_phrase_ending_at(end) {
                end -= 3;
                continue;
            }
            let filler = end.checked_sub(1).map_or(&b""[..], |p| self.norm_bytes(p));
            // "pour évacuer leurs blessés, estimés à plus de 150": the
            // people the estimate counts, named before it.
            if end >= previous_end + 4
                && filler == b"a"
                && matches!(
                    self.norm_bytes(end - 2),
                    b"estime" | b"estimes" | b"estimee" | b"estimees" | b"evalue" | b"evalues"
                )
                && self.words.kind(end - 3) == Some(TokenKind::Comma)
            {
                end -= 3;
                continue;
            }
            // "avait été tué avec sept autres personnes": the people who
            // shared his fate.
            if is_person && filler == b"avec" {
                end -= 1;
                continue;
            }
            // "le groupe n'avait perdu « qu'une quinzaine de combattants »":
            // the "que" of a negation's restriction.
            if matches!(filler, b"qu" | b"que")
                && (end.saturating_sub(6)..end - 1)
                    .any(|k| matches!(self.norm_bytes(k), b"n" | b"ne"))
            {
                end -= 1;
                continue;
            }
            if !matches!(
                filler,
                b"a" | b"au"
                    | b"aux"
                    | b"en"
                    | b"aussi"
                    | b"egalement"
                    | b"notamment"
                    | b"surtout"
                    | b"meme"
                    | b"encore"
                    | b"ainsi"
                    | b"legerement"
                    | b"grievement"
                    | b"gravement"
                    | b"serieusement"
                    // "a perdu depuis samedi trois de ses hommes": since
                    // when (the day itself is a time of the event).
                    | b"depuis"
                    // "a tué en riposte 51 soldats", "en représailles".
                    | b"riposte"
                    | b"represailles"
                    // "avoir neutralisé au total 3 747 terroristes".
                    | b"total"
                    | [0xC2, 0xAB] // «
                    | [0xC2, 0xBB] // »
                    | [0xE2, 0x80, 0x9C] // “
                    | [0xE2, 0x80, 0x9D] // ”
                    | b"\""
            ) && !end.checked_sub(1).is_some_and(|p| self.time_of_event(p))
            {
                return None;
            }
            end -= 1;
        }
        None
    }

    /// The outcome verb of a figure listed after a person it governs:
    /// "tuant le maire Hassan Berjaoui et 15 autres personnes", "a tué le
    /// président du conseil, X, et quatre de ses collaborateurs". Back
    /// from "et" before token `start`, over a noun phrase of words,
    /// names and commas (no figure, clause word or verb), to a verb that
    /// stands before its people.
    fn verb_of_named_object(
        &self,
        start: usize,
        previous_end: usize,
        is_person: bool,
    ) -> Option<Evidence> {
        if start < 3 || self.norm_bytes(start - 1) != b"et" {
            return None;
        }
        // "… et 15 autres personnes ont fui": a subject of its own verb.
        let own_verb = (start + 1..(start + 8).min(self.words.len()))
            .take_while(|&k| {
                !matches!(
                    self.words.kind(k),
                    Some(TokenKind::Comma | TokenKind::Stop) | None
                )
            })
            .any(|k| self.auxiliary_at(k));
        if own_verb {
            return None;
        }
        let floor = start.saturating_sub(12).max(previous_end);
        let mut k = start - 1;
        let mut named = false;
        while k > floor {
            k -= 1;
            if let Some((cue_start, cue)) = self.cue_ending_at(k + 1) {
                // An active verb: "tuant", "a tué", not the participle of
                // another figure ("… tués dans la région, et …").
                let active = self.norm_bytes(k).ends_with(b"ant")
                    || cue_start
                        .checked_sub(1)
                        .is_some_and(|a| is_avoir_auxiliary(self.norm_bytes(a)));
                if !(cue.before
                    && active
                    && cue_start >= previous_end
                    && named
                    && (is_person || !cue.needs_person))
                {
                    return None;
                }
                let span = Span::new(self.token_span(cue_start).start, self.token_span(k).end);
                return Some(self.evidence(cue, span, true));
            }
            match self.words.kind(k) {
                Some(TokenKind::Comma) => continue,
                Some(TokenKind::Word) => {}
                _ => return None,
            }
            let word = self.norm_bytes(k);
            // A clause or an adjunct ("dans la région selon l'OSDH")
            // is no object's noun phrase.
            if matches!(
                word,
                b"qui"
                    | b"que"
                    | b"qu"
                    | b"dont"
                    | b"ou"
                    | b"et"
                    | b"a"
                    | b"ont"
                    | b"est"
                    | b"sont"
                    | b"selon"
                    | b"dans"
                    | b"en"
                    | b"sur"
                    | b"par"
                    | b"pour"
                    | b"contre"
                    | b"depuis"
                    | b"apres"
                    | b"avant"
            ) {
                return None;
            }
            named |= self.is_capitalised(k);
        }
        None
    }

    /// Whether the three tokens before `end` say whose turn it is: "de son
    /// côté", "de leur côté", "pour sa part", "pour leur part".
    fn turn_phrase_ending_at(&self, end: usize) -> bool {
        let possessive = matches!(
            self.norm_bytes(end - 2),
            b"son" | b"sa" | b"leur" | b"notre" | b"votre"
        );
        possessive
            && matches!(
                (self.norm_bytes(end - 3), self.norm_bytes(end - 1)),
                (b"de" | b"du", b"cote") | (b"pour", b"part")
            )
    }

    /// The comma opening an attribution aside ("selon X", "d'après X")
    /// whose closing comma is the token right before `end`, not below
    /// `floor`: the aside stands between a verb and its figure.
    fn attribution_aside_ending_at(&self, end: usize, floor: usize) -> Option<usize> {
        let close = end.checked_sub(1)?;
        if self.words.kind(close) != Some(TokenKind::Comma) {
            return None;
        }
        (close.saturating_sub(ASIDE_WINDOW).max(floor)..close)
            .rev()
            .take_while(|&k| !matches!(self.words.kind(k), Some(TokenKind::Stop)))
            .find(|&k| self.words.kind(k) == Some(TokenKind::Comma))
            .filter(|&open| {
                self.norm_bytes(open + 1) == b"selon"
                    || (self.norm_bytes(open + 1) == b"d" && self.norm_bytes(open + 2) == b"apres")
            })
    }

    /// Whether token `i` says when the event happened, between a verb and
    /// its figure: a day word of `days.tsv` ("mercredi", "hier",
    /// "dernier"), or a part of the day with its article ("ce matin", "à
    /// l'aube"; not "dans la nuit": "dans" and "la" open too much else).
    fn time_of_event(&self, i: usize) -> bool {
        matches!(
            self.norm_bytes(i),
            b"matin"
                | b"soir"
                | b"aube"
                | b"nuit"
                | b"midi"
                | b"apres"
                | b"avant"
                | b"ce"
                | b"cet"
                | b"cette"
                | b"l"
        ) || ((self.words.kind(i) != Some(TokenKind::Word)
            || self.words.flags(i) & crate::tables::MAY_DATE != 0)
            && TABLES.days.contains_token(self.words, i))
    }

    /// The outcome cue ending right before token `end`; one ending in
    /// "de" may hold an adjective before it ("la mort tragique de").
    #[inline]
    fn cue_ending_at(&self, end: usize) -> Option<(usize, &'a OutcomeCue)> {
        if let Some(found) = TABLES.outcomes.ending_at(self.words, end) {
            return Some(found);
        }
        if end < 3
            || !matches!(self.norm_bytes(end - 1), b"de" | b"d")
            || !TABLES.postnominal.contains_token(self.words, end - 2)
        {
            return None;
        }
        TABLES.outcomes.ending_at_skipping(self.words, end, end - 2)
    }

    /// An outcome verb after the counted noun ("7 miliciens ont été tués").
    fn cue_after(&self, from: usize, limit: usize, is_person: bool) -> Option<Evidence> {
        let tables = &*TABLES;
        let mut end = (from + AFTER_WINDOW).min(limit);
        let mut extended = false;
        let mut i = from;
        while i < end {
            if self.words.kind(i) == Some(TokenKind::Stop) {
                return None;
            }
            // ", qui tentaient de s'infiltrer dans la ville, ont été tués":
            // a relative clause between commas does not use up the window.
            if self.words.kind(i) == Some(TokenKind::Comma)
                && matches!(
                    self.norm_bytes(i + 1),
                    b"qui" | b"que" | b"lesquels" | b"lesquelles" | b"dont"
                )
            {
                // "7 enfants, dont un nourrisson de sept mois, sont morts":
                // an aside detailing the figure may hold figures of its
                // own; past them, an auxiliary must follow it.
                let reach = if self.norm_bytes(i + 1) == b"dont" {
                    self.words.len()
                } else {
                    limit
                };
                let close = (i + 2..(i + 2 + RELATIVE_WINDOW).min(reach))
                    .take_while(|&k| self.words.kind(k) != Some(TokenKind::Stop))
                    .find(|&k| self.words.kind(k) == Some(TokenKind::Comma))
                    .filter(|&close| close < limit || self.auxiliary_at(close + 1));
                if let Some(close) = close {
                    // Past the next figure only when the aside holds it.
                    end = (end + (close - i))
                        .max(close + 1 + VERB_AFTER_CLAUSE)
                        .min(if close < limit { limit } else { reach });
                    i = close + 1;
                    continue;
                }
            }
            // "45 combattants du Hachd, les unités dominées par des milices
            // chiites, ont été tués", "200 d'entre eux, notamment des
            // jeunes hommes, ont été exécutés", "deux enfants, âgés de 7 et
            // 10 ans, ont été blessés": so does an apposition between
            // commas when an auxiliary follows it, or two ("un soldat, le
            // sergent X, 31 ans, a été blessé").
            // "158 combattants des FDS, alliance dominée par …, ont été
            // tués": a bare common noun opens one too.
            if self.words.kind(i) == Some(TokenKind::Comma)
                && (self.bare_noun(i + 1)
                    // "46 personnes, en majorité des policiers, ont péri".
                    || (self.norm_bytes(i + 1) == b"en"
                        && matches!(self.norm_bytes(i + 2), b"majorite" | b"grande"))
                    || matches!(
                        self.norm_bytes(i + 1),
                        b"les"
                            | b"la"
                            | b"le"
                            | b"l"
                            | b"un"
                            | b"une"
                            | b"notamment"
                            | b"surtout"
                            | b"essentiellement"
                            | b"principalement"
                            | b"pour"
                            | b"tous"
                            | b"toutes"
                            | b"age"
                            | b"agee"
                            | b"ages"
                            | b"agees"
                    ))
            {
                // "Onze combattants du Hachd, une coalition de …, ont été
                // tués": the article opening the apposition is the next
                // figure the window stops at; the apposition is looked past.
                // So is an article inside it ("coalition soutenue par une
                // coalition internationale").
                let reach = if limit > i && matches!(self.norm_bytes(limit), b"un" | b"une") {
                    self.words.len()
                } else {
                    limit
                };
                let close = (i + 2..(i + 2 + RELATIVE_WINDOW).min(reach))
                    .take_while(|&k| self.words.kind(k) != Some(TokenKind::Stop))
                    .filter(|&k| self.words.kind(k) == Some(TokenKind::Comma))
                    .take(2)
                    .find(|&k| self.auxiliary_at(k + 1));
                if let Some(close) = close {
                    // Past the article, the window is the one the limit
                    // had cut.
                    let window_end = if reach == limit {
                        end
                    } else {
                        from + AFTER_WINDOW
                    };
                    // At least the few words of a verb after the closing
                    // comma ("ont été tués" after a long name and its
                    // apposition).
                    end = (window_end + (close - i))
                        .max(close + 1 + VERB_AFTER_CLAUSE)
                        .min(reach);
                    i = close + 1;
                    continue;
                }
            }
            // "70 jihadistes qui s'étaient retranchés dans le barrage
            // s'étaient rendus": a subject relative right after the noun
            // is about the same people, and the main verb comes after it.
            if i <= from + 1 && self.norm_bytes(i) == b"qui" && !extended {
                end = (end + RELATIVE_EXTENSION).min(limit);
                extended = true;
            }
            // Most tokens start no outcome phrase: their shape says so.
            if !tables.outcomes.may_start_at(self.words, i) {
                i += 1;
                continue;
            }
            // "neuf pèlerins figurent parmi les victimes", "sont au
            // nombre des morts": any noun of the outcome there says what
            // happened.
            let among = || {
                let word = |k: usize| self.words.norm_bytes(k);
                (i > 1
                    && word(i - 2) == b"parmi"
                    && matches!(word(i - 1), b"les" | b"des" | b"ces"))
                    || (i > 2
                        && word(i - 3) == b"au"
                        && word(i - 2) == b"nombre"
                        && word(i - 1) == b"des")
            };
            if let Some((len, cue)) = TABLES
                .outcomes
                .matches_unchecked(self.words, i)
                .filter(|(_, c)| c.after || (c.noun && among()))
                .max_by_key(|(len, _)| *len)
                .filter(|&(len, _)| !self.outcome_vetoed(i, len))
            {
                // "…évacuer les blessés": a noun of another phrase, unless
                // "parmi les morts". A verb is no noun: "ont décidé de se
                // rendre".
                let determined = cue.noun
                    && i > 0
                    && matches!(
                        self.norm_bytes(i - 1),
                        b"les"
                            | b"des"
                            | b"de"
                            | b"d"
                            | b"du"
                            | b"ses"
                            | b"leurs"
                            | b"aux"
                            | b"au"
                            | b"ces"
                            | b"un"
                            | b"une"
                            | b"la"
                            | b"le"
                            | b"l"
                    )
                    && !(i > 1 && self.norm_bytes(i - 2) == b"parmi")
                    && !among();
                if determined {
                    i += len;
                    continue;
                }
                // "7 miliciens ont tué 3 soldats": with "avoir", a verb that
                // takes an object is active — the counted people did it.
                let mut aux = i;
                while aux > from
                    && matches!(self.norm_bytes(aux - 1), b"deja" | b"aussi" | b"egalement")
                {
                    aux -= 1;
                }
                let active = cue.before
                    && aux > 0
                    && (is_avoir_auxiliary(self.norm_bytes(aux - 1))
                        || matches!(self.norm_bytes(aux - 1), b"ayant" | b"avoir"));
                if active {
                    return None;
                }
                if cue.needs_person && !is_person {
                    return None;
                }
                // "Un chauffeur enlevé la semaine dernière a été libéré
                // dimanche": a participle right after the people says what
                // had happened to them; the passive verb of the clause
                // after it, what happens now.
                let bare_participle = i > 0
                    && !self.auxiliary_at(i - 1)
                    && !matches!(self.norm_bytes(i - 1), b"ete" | b"etait" | b"etaient");
                if let Some(main) = bare_participle
                    .then(|| {
                        self.passive_after(i + len, end.max(i + len + AFTER_WINDOW).min(limit))
                    })
                    .flatten()
                {
                    return Some(main);
                }
                let span = Span::new(self.token_span(i).start, self.token_span(i + len - 1).end);
                return Some(self.evidence(cue, span, true));
            }
            i += 1;
        }
        None
    }

    /// An outcome in the passive ("a été libéré", "ont été tués") from
    /// token `from` to `end`, within the clause (no comma or stop before
    /// it).
    fn passive_after(&self, from: usize, end: usize) -> Option<Evidence> {
        let mut k = from;
        while k < end {
            // Another clause ("… ont péri et 38 autres ont été blessés",
            // "… disparus après avoir été arrêtés") is not theirs.
            if matches!(self.words.kind(k), Some(TokenKind::Stop | TokenKind::Comma))
                || matches!(
                    self.norm_bytes(k),
                    b"et" | b"ou" | b"mais" | b"apres" | b"avant" | b"que" | b"qui" | b"avoir"
                )
            {
                return None;
            }
            if k > from + 1
                && self.norm_bytes(k - 1) == b"ete"
                && is_avoir_auxiliary(self.norm_bytes(k - 2))
                && let Some((len, cue)) = TABLES
                    .outcomes
                    .matches_unchecked(self.words, k)
                    .filter(|(_, c)| c.after)
                    .max_by_key(|(len, _)| *len)
                    .filter(|&(len, _)| !self.outcome_vetoed(k, len))
            {
                let span = Span::new(self.token_span(k).start, self.token_span(k + len - 1).end);
                return Some(self.evidence(cue, span, true));
            }
            k += 1;
        }
        None
    }

    /// The outcome of a past participle standing where the noun phrase's
    /// head noun would ("quatre autres capturés", "trois autres blessés"),
    /// for more of the people counted before (`others`) or persons.
    fn participle_head(&self, np: &NounPhrase<'_>, is_person: bool) -> Option<Evidence> {
        let h = np.head?;
        if !np.others && !is_person {
            return None;
        }
        let (len, cue) = TABLES.outcomes.longest_at(self.words, h)?;
        (cue.after && !cue.noun && !self.outcome_vetoed(h, len)).then(|| self.word_evidence(h, cue))
    }

    /// Whether the word at token `k` carries a list on past its "et",
    /// "ou" or "ainsi" rather than opening a clause: "ainsi que", "et de",
    /// "et d'une" ("la mort de deux enfants et d'une femme"), "et à"
    /// ("coûté la vie à 20 soldats et à 70 insurgés"), "ainsi qu'à".
    fn joins_list(&self, k: usize) -> bool {
        // "… en majorité des combattants, mais aussi au moins 130 civils":
        // "mais aussi" adds to a list, as "et" does.
        if self.norm_bytes(k) == b"mais"
            && matches!(self.norm_bytes(k + 1), b"aussi" | b"egalement")
        {
            return true;
        }
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        let and_or = matches!(self.norm_bytes(before), b"et" | b"ou");
        match self.norm_bytes(k) {
            b"que" | b"qu" => self.norm_bytes(before) == b"ainsi",
            b"de" | b"d" => and_or,
            b"a" => {
                and_or
                    || (matches!(self.norm_bytes(before), b"que" | b"qu")
                        && before > 0
                        && self.norm_bytes(before - 1) == b"ainsi")
            }
            _ => false,
        }
    }

    /// Whether a longer phrase that says no outcome starts at token `at`
    /// where an outcome phrase of `len` tokens does ("ont remis leurs armes
    /// lourdes": heavy weapons handed over, not men surrendering).
    fn outcome_vetoed(&self, at: usize, len: usize) -> bool {
        TABLES
            .outcome_vetoes
            .longest_at(self.words, at)
            .is_some_and(|(veto, _)| veto > len)
    }

    /// The counted people's own outcome, said by the word at token `h`
    /// (their noun, or a participle in its place): never a loss, which
    /// is a verb before them ("perdu 40 soldats").
    fn word_evidence(&self, h: usize, cue: &OutcomeCue) -> Evidence {
        Evidence {
            loss: false,
            ..self.evidence(cue, self.token_span(h), true)
        }
    }

    /// Whether the verb of `evidence` follows an auxiliary in the singular
    /// ("a", "avait", "est", "était", "aurait", "fut", "sera"), perhaps
    /// with "été" between ("avait été libérée").
    fn after_singular_auxiliary(&self, evidence: &Evidence) -> bool {
        let cue = self.words.index_at(evidence.span.start);
        let Some(mut k) = cue.checked_sub(1) else {
            return false;
        };
        if self.norm_bytes(k) == b"ete" {
            let Some(before) = k.checked_sub(1) else {
                return false;
            };
            k = before;
        }
        matches!(
            self.norm_bytes(k),
            b"a" | b"avait" | b"est" | b"etait" | b"aurait" | b"fut" | b"sera" | b"serait"
        )
    }

    /// The figure at token `start` counts the members of a group named
    /// right before it ("une famille de", "un groupe de":
    /// `collective_nouns.tsv`).
    fn collective_complement(&self, start: usize) -> bool {
        self.collective_before(start).is_some()
    }

    /// The token of the group noun whose members the figure at token
    /// `start` counts: "une famille de six personnes", or in apposition
    /// "une famille entière, six personnes au total, a péri".
    fn collective_before(&self, start: usize) -> Option<usize> {
        let collective = |k: usize| TABLES.collective_nouns.contains_token(self.words, k);
        if start >= 2 && matches!(self.norm_bytes(start - 1), b"de" | b"d") {
            return collective(start - 2).then(|| start - 2);
        }
        if start >= 2 && self.words.kind(start - 1) == Some(TokenKind::Comma) {
            // The noun, perhaps with one adjective after it ("entière").
            return (start.saturating_sub(3)..start - 1)
                .rev()
                .find(|&k| collective(k));
        }
        None
    }

    /// "3 soldats et 5 civils ont été tués": a figure listed before others
    /// shares the verb after the list.
    fn listed_ahead(&self, index: usize, from: usize) -> Option<Evidence> {
        let mut from = from;
        // "46 combattants prorégime et 58 jihadistes ont été tués", "42
        // membres des forces du régime et 61 jihadistes ont péri": up to
        // two adjectives of the first noun's, or a complement of four
        // words opened by "de", before the glue.
        let mut skipped = 0;
        let mut complement = false;
        while skipped < if complement { 5 } else { 2 }
            && self.is_word(from)
            && !matches!(self.norm_bytes(from), b"et" | b"ou" | b"ainsi")
            && TABLES.outcomes.longest_at(self.words, from).is_none()
        {
            let word = self.norm_bytes(from);
            if skipped == 0 && matches!(word, b"de" | b"d" | b"du" | b"des") {
                complement = true;
            } else if self.is_function_word(from)
                && !(complement
                    && matches!(
                        word,
                        b"de" | b"d" | b"du" | b"des" | b"la" | b"le" | b"l" | b"les"
                    ))
            {
                break;
            }
            from += 1;
            skipped += 1;
        }
        for next in index + 1..index + 5 {
            let &(next_start, next_end) = self.ranges.get(next)?;
            // "ainsi que" joins a list; "…, et que 12 autres" opens a
            // clause of its own.
            let glue = (from..next_start).all(|k| {
                self.is_quote(k)
                    || matches!(self.norm_bytes(k), b"et" | b"," | b"ou" | b"ainsi")
                    || self.joins_list(k)
                    // "22 rebelles au moins et de neuf membres…".
                    || (self.norm_bytes(k) == b"au" && self.norm_bytes(k + 1) == b"moins")
                    || (self.norm_bytes(k) == b"moins" && k > 0 && self.norm_bytes(k - 1) == b"au")
            });
            if !glue || next_start < from {
                return None;
            }
            let (_, _, _, limit) = self.limits(next);
            let np = self.noun_phrase(next_end, limit);
            let after_noun = np.head.map_or(next_end, |h| h + 1);
            if let Some(mut evidence) = self.cue_after(after_noun, limit, true) {
                evidence.listed = true;
                return Some(evidence);
            }
            from = after_noun;
        }
        None
    }

    /// "au moins" / "pas moins" between the figure, whose tokens end
    /// before token `from`, and its verb, starting at byte `to`.
    fn at_least_between(&self, from: usize, to: usize) -> bool {
        // A verb before the figure: nothing between (no search for `to`).
        if self.token_span(from).start >= to {
            return false;
        }
        let to = self.words.index_at(to);
        (from..to).any(|k| {
            self.norm_bytes(k) == b"moins"
                && k > 0
                && matches!(self.norm_bytes(k - 1), b"au" | b"pas")
        })
    }

    fn evidence(&self, cue: &OutcomeCue, span: Span, own: bool) -> Evidence {
        Evidence {
            outcome: cue.outcome,
            span,
            loss: cue.loss,
            own,
            governs: false,
            listed: false,
        }
    }

    /// The outcome of the casualty figure this one details ("dont six soldats",
    /// "71 civils, 241 soldats et 150 jihadistes").
    fn inherited(
        &self,
        start: usize,
        quantity: &Quantity,
        previous: Option<&Reading>,
        bare_without_group: bool,
        last_is_casualty: bool,
    ) -> Option<Evidence> {
        let previous = previous?;
        let outcome = previous.outcome?;
        let after_dont = last_is_casualty && self.details_previous(start);
        let gap_start = previous.span.end;
        let gap_end = quantity.span.start;
        let close = gap_end >= gap_start && gap_end - gap_start <= LIST_GAP;
        // A new clause in between ("tué 3 civils alors que 50 soldats…")
        // breaks the list.
        let gap_has_stop =
            (self.words.index_at(gap_start)..self.words.index_at(gap_end)).any(|k| {
                let joins = self.joins_list(k);
                // "blessées dans cette ville où vivent 90.000 habitants":
                // "où" (not "ou", folded alike) opens a clause of its own.
                let where_clause = self.words.is_where(k);
                self.words.kind(k) == Some(TokenKind::Stop)
                    || where_clause
                    || !joins
                        && matches!(
                            self.norm_bytes(k),
                            b"alors"
                                | b"que"
                                | b"qu"
                                | b"qui"
                                | b"mais"
                                | b"tandis"
                                | b"lorsque"
                                | b"quand"
                                | b"pendant"
                                | b"apres"
                                | b"avant"
                                | b"si"
                                | b"car"
                                | b"puis"
                                | b"ensuite"
                                | b"a"
                                | b"ont"
                                | b"est"
                                | b"sont"
                                | b"avait"
                                | b"avaient"
                                | b"etait"
                                | b"etaient"
                        )
            });
        // A bare number ("et en ont blessé au moins 40") only shares when
        // listed right after, or when it repeats the figure before it with
        // nothing of its own ("12 morts à Alep et 5 à Idleb").
        let repeats = bare_without_group && close && self.elliptical(start, quantity);
        if after_dont || (close && !gap_has_stop && !bare_without_group) || repeats {
            return Some(Evidence {
                outcome,
                span: quantity.span,
                loss: false,
                own: after_dont,
                governs: false,
                listed: false,
            });
        }
        None
    }

    /// Token `k` is the sentence's first word (past quote marks).
    fn opens_sentence(&self, k: usize) -> bool {
        (0..k).all(|j| self.is_quote(j))
    }

    /// `details_previous` in this sentence.
    fn details_previous(&self, start: usize) -> bool {
        details_previous(self.words, start)
    }

    /// "12 morts à Alep et 5 à Idleb", "20 km2 au nord et 15 au sud": a
    /// bare number right after "et"/"ou" with no word of its own after it (a
    /// preposition, a day or the end of the clause follows) repeats the
    /// figure before it, in another place or on another day.
    fn elliptical(&self, start: usize, quantity: &Quantity) -> bool {
        if start == 0 || !matches!(self.norm_bytes(start - 1), b"et" | b"ou") {
            return false;
        }
        let next = self.words.index_at(quantity.span.end);
        if self.words.kind(next) != Some(TokenKind::Word) {
            return true;
        }
        // A place ("à Idleb", "au sud"; "de" would open a noun of its
        // own: "5 de leurs camarades"), a group ("parmi les civils") or a
        // day ("mardi", "hier") follows.
        let place = TABLES.place_word(self.words, next) == Some(PlaceWord::Preposition)
            && !matches!(self.norm_bytes(next), b"de" | b"d" | b"du" | b"des");
        // "… et environ 160 côté israélien", "et 25 du côté rebelle".
        let side = self.norm_bytes(next) == b"cote"
            || (self.norm_bytes(next) == b"du" && self.norm_bytes(next + 1) == b"cote");
        place
            || side
            || self.norm_bytes(next) == b"parmi"
            || TABLES.days.longest_at(self.words, next).is_some()
    }

    /// "parmi les blessés, deux officiers", "le nombre de martyrs atteint 13".
    fn sentence_topic(&self, start: usize) -> Option<Evidence> {
        let lowest = start.saturating_sub(TOPIC_WINDOW).max(1);
        // A topic opens with one of a few words, two or three tokens
        // before its noun: most windows have none, told by their shapes.
        let opening = self
            .words
            .tokens
            .get(lowest.saturating_sub(3)..start.min(self.words.len()))
            .unwrap_or_default();
        if !opening
            .iter()
            .any(|t| t.flags & crate::tables::MAY_OPEN_TOPIC != 0)
        {
            return None;
        }
        self.topic_between(lowest, start)
    }

    /// `sentence_topic`, its noun looked for at each token of `lowest..start`.
    fn topic_between(&self, lowest: usize, start: usize) -> Option<Evidence> {
        (lowest..start).rev().find_map(|i| {
            let before = self.norm_bytes(i - 1);
            let topic = matches!(before, b"les" | b"des" | b"de" | b"d")
                    && (1..i).rev().take(2).any(|k| {
                        matches!(self.norm_bytes(k - 1), b"parmi" | b"nombre" | b"bilan" | b"chiffre")
                    })
                    // "Sur les 25 blessés, 6 sont dans un état critique."
                    || (i >= 3
                        && before.iter().all(u8::is_ascii_digit)
                        && matches!(self.norm_bytes(i - 2), b"les" | b"des")
                        && matches!(self.norm_bytes(i - 3), b"sur" | b"parmi"));
            if !topic {
                return None;
            }
            let (_, cue) = TABLES.outcomes.longest_at(self.words, i)?;
            cue.noun.then(|| Evidence {
                outcome: cue.outcome,
                span: self.token_span(i),
                loss: false,
                own: false,
                governs: false,
                listed: false,
            })
        })
    }

    /// "Un délai de 48 heures lui avait été donné. Elle en a nécessité
    /// seulement 24": a bare number governed by a verb whose pronoun "en"
    /// stands for the measure of the sentence before measures the same.
    fn measure_by_en(&self, quantity: &Quantity, start: usize) -> Option<Reading> {
        let measure = self.previous_sentence_measure?;
        // "en", then the verb (an auxiliary or one of the verbs of
        // quantity), then at most two words before the number.
        let floor = start.saturating_sub(5);
        let en = (floor..start)
            .rev()
            .find(|&k| self.norm_bytes(k) == b"en")?;
        let verb = is_avoir_auxiliary(self.norm_bytes(en + 1))
            || matches!(
                self.norm_bytes(en + 1),
                b"aura"
                    | b"faut"
                    | b"fallait"
                    | b"faudra"
                    | b"reste"
                    | b"restent"
                    | b"restait"
                    | b"compte"
                    | b"comptent"
                    | b"comptait"
            );
        if !verb || !(en + 1..start).all(|k| self.is_word(k)) {
            return None;
        }
        // "on en a abattu une vingtaine": what was done to them says what
        // "en" counts, people, not the measure before.
        if (en + 1..start).any(|k| TABLES.outcomes.longest_at(self.words, k).is_some()) {
            return None;
        }
        Some(Reading {
            kind: measure.kind,
            span: quantity.span,
            outcome: None,
            victims: None,
            actor: None,
            shared_unit: Some((measure.unit, measure.scale(self.text)?)),
            named_apart: false,
            unnamed: false,
            at_least: false,
        })
    }

    /// "300 km2, dont 120 dans le jurd de Qara": a bare number detailing
    /// the measure just before it shares its unit.
    fn shared_measure(
        &self,
        index: usize,
        start: usize,
        earlier: &[Option<Reading>],
    ) -> Option<Reading> {
        let quantity = self.quantities.get(index)?;
        let mut k = start;
        while k > 0 && matches!(self.norm_bytes(k - 1), b"les" | b"l" | b"le" | b"la") {
            k -= 1;
        }
        if (k == 0 || self.norm_bytes(k - 1) != b"dont") && !self.elliptical(start, quantity) {
            return None;
        }
        let (previous_index, previous) = earlier
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, r)| r.as_ref().map(|r| (i, r)))?;
        if matches!(
            previous.kind,
            ClaimKind::Casualties | ClaimKind::Count | ClaimKind::Age
        ) {
            return None;
        }
        let previous_quantity = self.quantities.get(previous_index)?;
        if quantity
            .span
            .start
            .saturating_sub(previous_quantity.span.end)
            > LIST_GAP
        {
            return None;
        }
        let unit = previous_quantity.unit?;
        let written = self
            .text
            .get(previous_quantity.number.start..previous_quantity.number.end)
            .and_then(read_digits);
        let scale = match (previous_quantity.value, written) {
            (Some(value), Some(written)) if written > 0.0 => value / written,
            _ => 1.0,
        };
        Some(Reading {
            kind: previous.kind,
            span: quantity.span,
            outcome: None,
            victims: None,
            actor: None,
            shared_unit: Some((unit, scale)),
            named_apart: false,
            unnamed: false,
            at_least: false,
        })
    }

    /// The group that is the subject of the sentence: the nearest armed group
    /// before the quantity, else the last of the previous sentence, else the
    /// first after it.
    ///
    /// After a participle opening the sentence ("Ayant perdu …, le Nosra"),
    /// the subject follows.
    fn subject_group(&self, start: usize, participle: bool) -> Option<&'a Mention> {
        let at = self.token_span(start).start;
        let groups = |ms: &'a [Mention]| ms.iter().filter(|m| m.kind == EntityKind::ArmedGroup);
        if participle {
            if let Some(m) = groups(self.mentions).find(|m| m.span.start >= at) {
                return Some(m);
            }
        }
        // "…, tandis que l'armée déplore six blessés dans ses rangs": an
        // army named by a common noun right before the verb is the subject,
        // whatever group the sentence named before it.
        if self.army_noun_before_verb(start) {
            return self.army_named_again(at);
        }
        // "Le Hezbollah, qui dit agir en soutien au Hamas, a perdu 200
        // combattants": a group inside a relative clause between commas is
        // not the subject.
        if let Some(m) = groups(self.mentions).rfind(|m| m.span.end <= at && !self.in_aside(m, at))
        {
            return Some(m);
        }
        // "L'armée a perdu 3 soldats, …": the subject is an army named by a
        // common noun; no group named elsewhere stands for it.
        if self.opens_with_army_noun() {
            return self.army_named_again(at);
        }
        groups(self.previous_mentions)
            .next_back()
            .or_else(|| groups(self.mentions).find(|m| m.span.start >= at))
    }

    /// The army of a sentence opening with a side named by its adjective
    /// ("Côté israélien, …", "Du côté libanais, …"): the id that
    /// `actor_adjectives.tsv` gives the adjective for soldiers.
    fn side_framed(&self) -> Option<String> {
        let cote = match self.norm_bytes(0) {
            b"cote" => 1,
            b"du" if self.norm_bytes(1) == b"cote" => 2,
            _ => return None,
        };
        let (last, (applies, id)) = TABLES.actor_adjectives.longest_at(self.words, cote)?;
        (*applies == Applies::Soldiers && self.words.kind(last + 1) == Some(TokenKind::Comma))
            .then(|| id.clone())
    }

    /// Whether mention `m` lies in an aside between commas that closes
    /// before byte `at`, within `RELATIVE_WINDOW` tokens each way (bounded
    /// work per mention): a relative clause (", qui …,", ", dont …,") or
    /// an apposition describing the group named before it (", la branche
    /// syrienne d'Al-Qaïda,", ", une composante du Hachd al-Chaabi,"). A
    /// group named there is not the one the clause is about.
    fn in_aside(&self, m: &Mention, at: usize) -> bool {
        let first = self.words.index_at(m.span.start);
        let last = self.words.index_at(at);
        let opened = (first.saturating_sub(RELATIVE_WINDOW)..first)
            .rev()
            .find(|&k| matches!(self.words.kind(k), Some(TokenKind::Comma | TokenKind::Stop)));
        let Some(open) = opened else {
            return false;
        };
        let closed = (first..last.min(first + RELATIVE_WINDOW))
            .any(|k| self.words.kind(k) == Some(TokenKind::Comma));
        if self.words.kind(open) != Some(TokenKind::Comma) || !closed {
            return false;
        }
        let opener = self.norm_bytes(open + 1);
        if matches!(opener, b"qui" | b"dont" | b"lequel" | b"laquelle") {
            return true;
        }
        // An apposition: a noun phrase of its own (an article, then words
        // before the name: not ", le Front al-Nosra en tête,") right after
        // another armed group's name.
        let noun_phrase = crate::words::is_article(opener) || matches!(opener, b"un" | b"une");
        let head = self.words.past_articles(open + 1).max(open + 2);
        if !noun_phrase || first <= head || open == 0 {
            return false;
        }
        let comma_at = self.token_span(open).start;
        self.mentions.iter().any(|g| {
            g.kind == EntityKind::ArmedGroup
                && g.span.end <= comma_at
                && (self.words.index_at(g.span.end)..open)
                    .all(|k| self.words.kind(k) == Some(TokenKind::Symbol))
        })
    }

    /// The sentence opens with a common noun for an army ("L'armée",
    /// `speaker` rows of `attribution.tsv`).
    fn opens_with_army_noun(&self) -> bool {
        let first = self.words.past_articles(0);
        first > 0
            && TABLES.speaker_nouns.get_bytes(self.norm_bytes(first)) == Some(&SpeakerNoun::Army)
    }

    /// "L'armée a perdu 12 hommes": a common noun for an army (`speaker`
    /// rows of `attribution.tsv`) as the subject, opening the sentence or
    /// the clause of the figure, names again the last state army named a
    /// few paragraphs back at most (before byte `at`), not the group last
    /// named.
    fn army_named_again(&self, at: usize) -> Option<&'a Mention> {
        self.recent_mentions(at).iter().rfind(|m| {
            m.kind == EntityKind::ArmedGroup
                && TABLES.side(&m.id) == Side::State
                && m.id.ends_with("-army")
        })
    }

    /// "…, tandis que l'armée déplore six blessés dans ses rangs": a common
    /// noun for an army, after its article, opens the clause of the figure
    /// at token `start` as the subject of its verb (one word, or an
    /// auxiliary and a participle).
    fn army_noun_before_verb(&self, start: usize) -> bool {
        (1..=2).any(|verb_len| {
            let Some(noun) = start.checked_sub(verb_len + 1) else {
                return false;
            };
            let Some(article) = noun.checked_sub(1) else {
                return false;
            };
            let verb_word = if verb_len == 1 {
                !self.is_function_word(start - 1)
            } else {
                is_avoir_auxiliary(self.norm_bytes(start - 2))
            };
            verb_word
                && matches!(self.norm_bytes(article), b"l" | b"la" | b"le")
                && (article == 0
                    || self.words.kind(article - 1) == Some(TokenKind::Comma)
                    || matches!(
                        self.norm_bytes(article - 1),
                        b"que" | b"qu" | b"et" | b"mais"
                    ))
                && TABLES.speaker_nouns.get_bytes(self.norm_bytes(noun)) == Some(&SpeakerNoun::Army)
        })
    }

    /// "Le groupe terroriste a perdu 200 combattants", "les terroristes
    /// ont perdu 70 éléments": the subject before the figure is a group of
    /// no state, named only by its kind (or by its members right before
    /// the auxiliary of the loss verb at token `cue`).
    fn militant_subject(&self, start: usize, cue: usize) -> bool {
        let militant = |k: usize| {
            TABLES.victims.token_value(self.words, k) == Some(&VictimClass::Is(Victims::Militants))
        };
        let mut k = cue.min(start);
        while k > 0
            && matches!(
                self.norm_bytes(k - 1),
                b"deja" | b"ainsi" | b"aussi" | b"egalement" | b"encore"
            )
        {
            k -= 1;
        }
        let members = k >= 2 && is_avoir_auxiliary(self.norm_bytes(k - 1)) && militant(k - 2);
        members
            || (start.saturating_sub(SUBJECT_LOOKBACK)..start).any(|k| {
                matches!(self.norm_bytes(k), b"groupe" | b"organisation" | b"milice")
                    && militant(k + 1)
            })
    }

    /// The group counted people belong to when the text only implies it:
    /// the army nearest before for soldiers, the nearest non-state group in
    /// the sentence for militants, the nearest allied force for fighters;
    /// else the nearest of that side in the previous sentence, else a few
    /// paragraphs back, else the first named in the 1.5 kB after (a
    /// headline's figure).
    ///
    /// Men named by a noun this press keeps for jihadists ("terroristes",
    /// `jihadist_noun`) belong to the nearest jihadist group in the same
    /// reach when there is one, before any other militant group: "des
    /// jihadistes abattus" after Daech and a rebel group are named is of
    /// Daech.
    fn default_group(
        &self,
        start: usize,
        victims: Victims,
        jihadist_noun: bool,
    ) -> Option<&'a Mention> {
        if jihadist_noun && victims == Victims::Militants {
            let jihadist = |m: &Mention| crate::lexicon_type(m) == Some("jihadist");
            if let Some(m) = self.group_of_side(start, Side::Militant, &jihadist) {
                return Some(m);
            }
        }
        let wanted = match victims {
            Victims::Soldiers => Side::State,
            Victims::Militants => Side::Militant,
            Victims::Fighters => Side::Allied,
            Victims::Civilians | Victims::People => return None,
        };
        self.group_of_side(start, wanted, &|_| true)
    }

    /// `default_group`'s search: the nearest armed group of side `wanted`
    /// that `also` accepts.
    fn group_of_side(
        &self,
        start: usize,
        wanted: Side,
        also: &dyn Fn(&Mention) -> bool,
    ) -> Option<&'a Mention> {
        let at = self.token_span(start).start;
        let fits = |m: &&Mention| {
            m.kind == EntityKind::ArmedGroup && TABLES.side(&m.id) == wanted && also(m)
        };
        if wanted == Side::State {
            // Soldiers belong to an army rather than an air force or a
            // coalition when both are named.
            let window = self.recent_mentions(at);
            // (The id's ending first: cheaper than its side.)
            let army = |m: &&Mention| m.id.ends_with("-army") && fits(m);
            let this_sentence = |m: &&Mention| m.span.start >= self.span.start;
            return window
                .iter()
                .rev()
                .find(army)
                .filter(this_sentence)
                // "16 soldats tués et 106 blessés dans les rangs de l'armée
                // irakienne": an army the sentence names after the figure
                // before a group named in the sentences before.
                .or_else(|| {
                    self.mentions
                        .iter()
                        .filter(|m| m.span.start >= at)
                        .find(army)
                })
                .or_else(|| window.iter().rev().find(army))
                .or_else(|| window.iter().rev().find(fits))
                .or_else(|| {
                    self.mentions
                        .iter()
                        .filter(|m| m.span.start >= at)
                        .find(fits)
                })
                .or_else(|| self.named_after(at, &fits));
        }
        self.mentions
            .iter()
            .filter(|m| m.span.end <= at && !self.in_aside(m, at))
            .rfind(fits)
            .or_else(|| {
                self.mentions
                    .iter()
                    .filter(|m| m.span.start >= at)
                    .find(fits)
            })
            .or_else(|| self.previous_mentions.iter().rfind(fits))
            // Else the nearest one a few paragraphs back at most.
            .or_else(|| self.recent_mentions(at).iter().rfind(fits))
            .or_else(|| self.named_after(at, &fits))
    }

    /// The mentions of the document that start in the `ARMY_LOOKBACK`
    /// bytes before byte `at`, in text order: how far back a group named
    /// before is looked for (a few paragraphs at most: bounded work per
    /// claim).
    fn recent_mentions(&self, at: usize) -> &'a [Mention] {
        let before = self.all_mentions.partition_point(|m| m.span.start < at);
        let lowest = self
            .all_mentions
            .partition_point(|m| m.span.start + ARMY_LOOKBACK < at);
        self.all_mentions.get(lowest..before).unwrap_or_default()
    }

    /// The first mention after byte `at`, a few paragraphs on at most,
    /// that `fits`: a headline's figure ("23 takfiris tués") is of the
    /// group its article names below it, when none is named before.
    fn named_after(&self, at: usize, fits: &dyn Fn(&&Mention) -> bool) -> Option<&'a Mention> {
        let from = self.all_mentions.partition_point(|m| m.span.start < at);
        let upto = self
            .all_mentions
            .partition_point(|m| m.span.start < at + FORWARD_LOOKUP);
        self.all_mentions.get(from..upto)?.iter().find(|m| fits(m))
    }
}

/// The token range of each quantity in `words`, into `out` (cleared first).
///
/// `index_at` of each start and end, found in one walk over the tokens
/// when the quantities come in text order (as the scan gives them), else
/// by binary search.
pub(crate) fn token_ranges(words: &Words, quantities: &[Quantity], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let tokens = &words.tokens;
    // The number of tokens starting before `offset`, walking on from `k`.
    let count_from = |mut k: usize, offset: usize| {
        while tokens.get(k).is_some_and(|t| t.span.start < offset) {
            k += 1;
        }
        k
    };
    let mut k = 0;
    let mut last = 0;
    for q in quantities {
        let in_order = q.span.start >= last && q.span.end >= q.span.start;
        let (start, end) = if in_order {
            let start = count_from(k, q.span.start);
            let end = count_from(start, q.span.end);
            k = start;
            last = q.span.start;
            (start, end)
        } else {
            (words.index_at(q.span.start), words.index_at(q.span.end))
        };
        out.push((start, end.max(start)));
    }
}

/// The number written in digits, French style ("1.000", "2,5", "1 000").
fn read_digits(written: &str) -> Option<f64> {
    let mut plain = String::with_capacity(written.len());
    for c in written.chars() {
        match c {
            '0'..='9' => plain.push(c),
            ',' => plain.push('.'),
            '.' | ' ' | '\u{a0}' | '\u{202f}' => {}
            _ => return None,
        }
    }
    plain.parse().ok()
}

/// "… et fait état de": a short gap opening with "et", with no clause of
/// its own, between two figures of the same report.
fn same_speech(words: &Words, from: usize, to: usize) -> bool {
    to > from
        && to - from <= 5
        && words.norm_bytes(from) == b"et"
        && (from..to).all(|k| {
            words.kind(k) == Some(TokenKind::Word)
                && !matches!(
                    words.norm_bytes(k),
                    b"que" | b"qu" | b"qui" | b"dont" | b"tandis" | b"alors"
                )
        })
}

/// The figure starting at token `start` details the one before it:
/// "dont six enfants", "parmi lesquels 35 chefs", "parmi eux deux officiers".
pub(crate) fn details_previous(words: &Words, start: usize) -> bool {
    detail_opening(words, start).is_some()
}

/// The token of "dont" or "parmi" that makes the figure starting at token
/// `start` a detail of the one before: right before it, or past a comma
/// or a form of "figurer" ("Parmi eux, 11 enfants", "parmi elles
/// figurent deux femmes").
pub(crate) fn detail_opening(words: &Words, start: usize) -> Option<usize> {
    let mut k = start.checked_sub(1)?;
    if k >= 2
        && (words.kind(k) == Some(TokenKind::Comma)
            || matches!(
                words.norm_bytes(k),
                b"figure" | b"figurent" | b"figurait" | b"figuraient"
            ))
    {
        k -= 1;
    }
    match words.norm_bytes(k) {
        b"dont" if k + 1 == start => Some(k),
        b"lesquels" | b"lesquelles" | b"eux" | b"elles"
            if k >= 1 && words.norm_bytes(k - 1) == b"parmi" =>
        {
            Some(k - 1)
        }
        _ => None,
    }
}

/// The tokens `from..to` between a figure and the next, past a detail of
/// the first, end with ", et" (and "de"/"d'"): the next figure is the
/// first's coordinate, not the detail's. No clause ends in between.
fn comma_and_before(words: &Words, from: usize, to: usize) -> bool {
    let mut k = to;
    while k > from && matches!(words.norm_bytes(k - 1), b"de" | b"d" | b"des") {
        k -= 1;
    }
    k >= from + 2
        && words.norm_bytes(k - 1) == b"et"
        && words.kind(k - 2) == Some(TokenKind::Comma)
        && (from..to).all(|j| words.kind(j) != Some(TokenKind::Stop))
}

/// Coordinated casualty figures share victims named apart: "12 tués et 40
/// blessés dans les rangs de X" — both are X's.
pub(crate) fn share_named_victims(readings: &mut [Option<Reading>], words: &Words) {
    // Each casualty reading with the one before it, found as the loop goes
    // (no list is built: this runs for every sentence with a claim). What
    // the loop changes (victims, actor) never changes which are casualties.
    let mut previous: Option<usize> = None;
    // A detail ("dont un commandant …") read since `previous`.
    let mut detail_since = false;
    for b in 0..readings.len() {
        let casualty = readings
            .get(b)
            .is_some_and(|r| r.as_ref().is_some_and(|r| r.kind == ClaimKind::Casualties));
        if !casualty {
            continue;
        }
        let Some(Some(second)) = readings.get(b) else {
            continue;
        };
        // The first casualty has none before it (nor a detail since).
        if previous.is_none() {
            previous = Some(b);
            continue;
        }
        let to = words.index_at(second.span.start);
        // "32 tués, dont un commandant …, et des dizaines de blessés": the
        // detail is left out of the pairs; the figure after it, joined by
        // ", et", goes with the one detailed.
        if details_previous(words, to) {
            detail_since = true;
            continue;
        }
        let after_detail = std::mem::take(&mut detail_since);
        let Some(a) = previous.replace(b) else {
            continue;
        };
        let Some(Some(first)) = readings.get(a) else {
            continue;
        };
        // What the pair must be for a share below, told before the tokens
        // between them are read.
        let may_share = match (first.named_apart, second.named_apart) {
            (false, true) => first.victims == Some(Victims::People),
            (true, false) => second.victims == Some(Victims::People),
            (false, false) => {
                second.unnamed && !first.unnamed && first.victims != Some(Victims::People)
            }
            (true, true) => false,
        };
        if !may_share {
            continue;
        }
        // Backwards only when joined by "et" or a comma alone; forwards
        // ("… dans les rangs de X, dans le jurd de Y et à 23 morts") across
        // a short gap holding "et".
        let from = words.index_at(first.span.end);
        let joined = if after_detail {
            comma_and_before(words, from, to)
        } else {
            (from..to).all(|k| matches!(words.norm_bytes(k), b"et" | b"," | b"a" | b"de" | b"d"))
                && to > from
        };
        let listed = second.span.start >= first.span.end
            && second.span.start - first.span.end <= LIST_GAP
            && (from..to).any(|k| words.norm_bytes(k) == b"et")
            && (from..to).all(|k| words.kind(k) != Some(TokenKind::Stop));
        let (source, target) = match (first.named_apart, second.named_apart) {
            (false, true) if joined && first.victims == Some(Victims::People) => (b, a),
            (true, false) if listed && second.victims == Some(Victims::People) => (a, b),
            // "Trois soldats ont été tués et sept blessés"; "la mort de 14
            // de ses hommes et fait état de 52 blessés".
            (false, false)
                if (joined || same_speech(words, from, to))
                    && second.unnamed
                    && !first.unnamed
                    && first.victims != Some(Victims::People) =>
            {
                (a, b)
            }
            _ => continue,
        };
        let (victims, actor) = match readings.get(source) {
            Some(Some(r)) => (r.victims, r.actor.clone()),
            _ => continue,
        };
        if let Some(Some(r)) = readings.get_mut(target) {
            r.victims = victims;
            r.actor = actor;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        NO_ARTICLE_SHORTCUT, RANKS_WORDS, Sentence, TOPIC_WINDOW, TOPIC_WORDS, is_quote_mark,
    };
    use crate::Extractor;
    use crate::words::Words;

    #[test]
    fn quote_marks_are_told_by_their_bytes() {
        // The bytes of the marks the tokens' folded forms are compared with.
        for mark in ["«", "»", "\"", "“", "”", "‹", "›"] {
            assert!(is_quote_mark(mark.as_bytes()), "{mark}");
        }
        assert_eq!("«".as_bytes(), [0xC2, 0xAB]);
        for other in ["", "'", "«»", "-", "—", "‘", "’", "„", "a", "\u{ab}x"] {
            assert!(!is_quote_mark(other.as_bytes()), "{other}");
        }
    }

    /// The crate's test sentences and the sample articles.
    fn texts() -> Vec<String> {
        crate::test_texts()
    }

    #[test]
    fn capitals_are_told_by_the_first_byte_as_by_the_first_char() {
        let mut texts = texts();
        texts.push("État Été été Ωμέγα ωμέγα İ x É 3 « A » a Z z @ [ `".to_owned());
        let mut capitals = 0;
        for text in texts {
            let span = bilan_article::Span::new(0, text.len());
            let words = Words::new(&text, span);
            let sentence = Sentence::new(&text, span, &words, &[], &[], &[], &[], &[]);
            for i in 0..=words.len() {
                let t = sentence.token_span(i);
                let by_char = text
                    .get(t.start..t.end)
                    .and_then(|w| w.chars().next())
                    .is_some_and(char::is_uppercase);
                assert_eq!(sentence.is_capitalised(i), by_char, "{i} in {text:?}");
                capitals += usize::from(by_char);
            }
        }
        assert!(capitals > 100, "{capitals}");
    }

    #[test]
    fn words_opening_ranks_and_topics_carry_their_flags() {
        let mut texts = texts();
        texts.push(
            "Parmi eux, dans les RANGS de l'EI, au sein du groupe, ceux de Daech, \
             celles d'Alep, au nombre des morts, le bilan, le chiffre, sur les 3."
                .to_owned(),
        );
        let mut seen = 0;
        for text in texts {
            let words = Words::new(&text, bilan_article::Span::new(0, text.len()));
            for (i, token) in words.tokens.iter().enumerate() {
                let norm = words.norm(i);
                for (list, flag) in [
                    (&RANKS_WORDS, crate::tables::MAY_OPEN_RANKS),
                    (&TOPIC_WORDS, crate::tables::MAY_OPEN_TOPIC),
                ] {
                    if list.contains(&norm) {
                        seen += 1;
                        assert_ne!(token.flags & flag, 0, "{norm:?} in {text:?}");
                    }
                }
            }
        }
        assert!(seen > 10, "{seen}");
    }

    #[test]
    fn topics_are_ruled_out_by_shape_as_by_reading_every_word() {
        let mut topics = 0;
        let mut texts = texts();
        texts.push(
            "Parmi les morts figure un civil. Sur les 25 blessés, 6 sont graves. \
             Au nombre des victimes, le bilan des morts, le chiffre des blessés."
                .to_owned(),
        );
        each_bare_sentence(texts, |text, span, words, sentence| {
            for start in 0..=words.len() + 2 {
                let lowest = start.saturating_sub(TOPIC_WINDOW).max(1);
                let quick = sentence.sentence_topic(start).map(|e| e.span);
                let full = sentence.topic_between(lowest, start).map(|e| e.span);
                assert_eq!(quick, full, "{start} {:?}", span.slice(text));
                topics += usize::from(full.is_some());
            }
        });
        assert!(topics > 0);
    }

    #[test]
    fn at_least_is_found_from_the_figure_token_as_by_searching_both_ends() {
        let mut texts = texts();
        texts
            .push("Au moins 3 tués, 4 blessés au moins, pas moins de 5 morts, moins 6.".to_owned());
        let mut found = 0;
        each_bare_sentence(texts, |text, span, words, sentence| {
            let bounds: Vec<usize> = (0..=words.len())
                .flat_map(|i| {
                    let t = sentence.token_span(i);
                    [t.start, t.end]
                })
                .collect();
            for &figure_end in &bounds {
                let from = words.index_at(figure_end);
                for &to in &bounds {
                    // As it was: both ends searched.
                    let searched = (from..words.index_at(to)).any(|k| {
                        words.norm_bytes(k) == b"moins"
                            && k > 0
                            && matches!(words.norm_bytes(k - 1), b"au" | b"pas")
                    });
                    assert_eq!(
                        sentence.at_least_between(from, to),
                        searched,
                        "{figure_end} {to} {:?}",
                        span.slice(text)
                    );
                    found += usize::from(searched);
                }
            }
        });
        assert!(found > 0);
    }

    /// Calls `check` with each sentence of `texts`, its span, its tokens
    /// and its reading with no quantity and no mention.
    fn each_bare_sentence(
        texts: Vec<String>,
        mut check: impl FnMut(&str, bilan_article::Span, &Words, &Sentence<'_>),
    ) {
        for text in texts {
            let article = bilan_article::parse(&text);
            for sentence in &article.sentences {
                let span = sentence.span;
                let mut words = Words::default();
                words.fill(&text, span);
                let sentence = Sentence::new(&text, span, &words, &[], &[], &[], &[], &[]);
                check(&text, span, &words, &sentence);
            }
        }
    }

    #[test]
    fn articles_are_dropped_early_as_the_full_reading_drops_them() {
        let lexicon = bilan_lexicon::Lexicon::embedded();
        let extractor = Extractor::new();
        let mut claims = 0;
        for text in texts() {
            let article = bilan_article::parse(&text);
            let entities = lexicon.find(&text);
            let quick = extractor.extract(&text, &article, &entities);
            NO_ARTICLE_SHORTCUT.with(|no| no.set(true));
            let full = extractor.extract(&text, &article, &entities);
            NO_ARTICLE_SHORTCUT.with(|no| no.set(false));
            assert_eq!(quick, full, "{text}");
            claims += full.len();
        }
        assert!(claims > 150, "{claims}");
    }
}
