//! Context rules: cue words around a mention, and names the lexicon does not
//! know, found from the words that announce them ("le village de X",
//! "Abou X", a given name followed by a family name).
//!
//! Every rule looks at a bounded window of tokens, so the whole pass stays
//! linear in the number of tokens.

use crate::EntityKind;
use crate::data::parse_kind;
use crate::fold::{Folded, Sep, fold};
use crate::hash::{FastMap, FastSet};

/// The context data files, embedded.
pub(crate) const CONTEXT_CUES: &str = include_str!("../data/context_cues.tsv");
pub(crate) const NAME_TRIGGERS: &str = include_str!("../data/name_triggers.tsv");
pub(crate) const NAME_WORDS: &str = include_str!("../data/name_words.tsv");
pub(crate) const FIRST_NAMES: &str = include_str!("../data/first_names.txt");

/// How a cue relates to the mention it is next to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    Before,
    After,
    VetoBefore,
    VetoAfter,
    LowercaseBefore,
    LowercaseAfter,
    ExcludeBefore,
    ExcludeAfter,
}

/// Whom a cue speaks about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Target {
    Id(String),
    Kind(EntityKind),
}

#[derive(Debug, Clone)]
pub(crate) struct Cue {
    relation: Relation,
    words: Vec<Vec<u8>>,
    /// For each word: `Some(accented)` when it is short enough that accents
    /// tell words apart (`à` the preposition, `a` the verb).
    accents: Vec<Option<bool>>,
}

impl Cue {
    /// How many words the cue has (at most 255).
    fn word_count(&self) -> u8 {
        u8::try_from(self.words.len()).unwrap_or(u8::MAX)
    }
}

#[derive(Debug, Clone)]
struct Trigger {
    kind: EntityKind,
    part_of_name: bool,
    /// A landform word (`mont`): the name after it may be a town's name too
    /// (`le mont Al Mossoul` is no city).
    landform: bool,
    /// A place trigger ending in `de`: one adjective of
    /// [`Rules::place_adjectives`] may stand before its `de` (`la localité
    /// frontalière de X`).
    adjective: bool,
    /// The trigger is written with a full stop (`M.`): the stop after its
    /// last word is its own, not the end of a sentence.
    abbreviation: bool,
    words: Vec<Vec<u8>>,
}

impl Trigger {
    /// The most tokens the trigger spans.
    fn max_len(&self) -> usize {
        self.words.len() + usize::from(self.adjective)
    }

    /// How many tokens the trigger spans from token `start`, if it is
    /// there. Token `start` is the trigger's first word (the triggers are
    /// looked up by it): only the next ones are compared.
    fn len_at(&self, f: &Folded<'_>, start: usize, adjectives: &FastSet<Vec<u8>>) -> Option<usize> {
        if rest_starts_at(f, &self.words, start) {
            return Some(self.words.len());
        }
        let (de, noun) = self.words.split_last()?;
        let adjective = start + noun.len();
        (self.adjective
            && adjective + 1 < f.tokens.len()
            && rest_starts_at(f, noun, start)
            && !f.tokens[adjective].capital
            && adjectives.contains(f.basic_of(adjective))
            && f.basic_of(adjective + 1) == de.as_slice())
        .then_some(self.words.len() + 1)
    }
}

/// Cues that precede a mention, by their last word, and cues that follow,
/// by their first word: a mention looks up only the few words around it.
#[derive(Debug, Default)]
struct CueIndex {
    /// By the cue's word next to the mention, the cues grouped by target:
    /// a mention of another kind passes a target's cues in one test (some
    /// twenty cues end with "à").
    before: FastMap<Vec<u8>, Vec<(Target, Vec<Cue>)>>,
    after: FastMap<Vec<u8>, Vec<(Target, Vec<Cue>)>>,
    /// Shapes of the index words, a quick filter before the maps.
    shapes: WordShapes,
}

impl CueIndex {
    fn add(&mut self, key: Vec<u8>, before: bool, target: &Target, cue: &Cue) {
        self.shapes.insert(&key);
        let index = if before {
            &mut self.before
        } else {
            &mut self.after
        };
        let targets = index.entry(key).or_default();
        match targets.iter_mut().find(|(t, _)| t == target) {
            Some((_, cues)) => cues.push(cue.clone()),
            None => targets.push((target.clone(), vec![cue.clone()])),
        }
    }
}

/// The compiled context rules.
#[derive(Debug, Default)]
pub(crate) struct Rules {
    cues_by_id: FastMap<String, Vec<Cue>>,
    cues_by_kind: FastMap<EntityKind, Vec<Cue>>,
    /// Every cue, indexed by the word next to the mention.
    cues: CueIndex,
    /// The `exclude_*` cues alone, indexed the same way: a capitalised
    /// mention of an entity with exclusion cues only needs these.
    exclusions: CueIndex,
    /// Kinds and ids with `exclude_*` cues: their mentions always look around.
    exclusion_kinds: Vec<EntityKind>,
    exclusion_ids: FastSet<String>,
    /// Kinds and ids with `lowercase_*` cues: only their lowercase mentions
    /// are worth a look around.
    lowercase_kinds: Vec<EntityKind>,
    lowercase_ids: FastSet<String>,
    /// Quick filters before the hash tables: for each first byte, a bit per
    /// word length (lengths of 31 and more share the last bit).
    /// `trigger_shapes_longer[g]`: the first words of triggers of more than
    /// `g` words.
    trigger_shapes_longer: Vec<WordShapes>,
    first_name_shapes: WordShapes,
    triggers: FastMap<Vec<u8>, Vec<Trigger>>,
    /// Words of units named by number or rank (`name_triggers.tsv`
    /// positions `number` and `ordinal`).
    unit_words: Vec<UnitWord>,
    /// The unit words as written, lowercase, without their first letter:
    /// units are found from these few words, where they stand, rather
    /// than from every number of the text.
    unit_finder: Option<aho_corasick::AhoCorasick>,
    /// The most words of one trigger.
    max_trigger_words: usize,
    /// Adjectives that may stand before the `de` of a place trigger.
    place_adjectives: FastSet<Vec<u8>>,
    particles: FastSet<Vec<u8>>,
    descriptors: FastSet<Vec<u8>>,
    /// Shapes of `descriptors`: most words are ruled out without hashing.
    descriptor_shapes: WordShapes,
    /// Some article (`al`, `as` …) is a descriptor: a name after an
    /// article must then be told from its descriptor (none is, in the
    /// embedded data).
    article_descriptor: bool,
    stops: FastSet<Vec<u8>>,
    /// French words that fold like a name they are not (`exact_words_fr.txt`):
    /// a one-word name only when spelt exactly as one, but free to stand in
    /// a name found from context ("Jabal Zaouïa").
    exact_words: FastSet<Vec<u8>>,
    first_names: FastSet<Vec<u8>>,
    /// The [`WordFacts`] of the words that have some (trigger first words,
    /// given names), and their shapes: one look-up per word.
    facts: FastMap<Vec<u8>, WordFacts>,
    facts_shapes: WordShapes,
}

/// A phrase ending in `de`, and the same phrase elided before a vowel
/// (`colline de` / `colline d’`), or just the phrase.
fn with_elision(words: Vec<Vec<u8>>) -> Vec<Vec<Vec<u8>>> {
    if words.last().is_some_and(|w| w == b"de") {
        let mut elided = words.clone();
        if let Some(last) = elided.last_mut() {
            *last = b"d".to_vec();
        }
        vec![words, elided]
    } else {
        vec![words]
    }
}

/// For each word of a phrase: does it have a non-ASCII letter.
fn accents_of(phrase: &str) -> Vec<bool> {
    fold(phrase).tokens.iter().map(|t| t.accented).collect()
}

/// Basic forms of the words of a phrase.
fn words_of(phrase: &str) -> Vec<Vec<u8>> {
    let f = fold(phrase);
    (0..f.tokens.len())
        .map(|i| f.basic_of(i).to_vec())
        .collect()
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

impl Rules {
    /// Compile the embedded rule files. Errors name the file and line.
    pub fn embedded() -> Result<Rules, String> {
        let mut r = Rules::default();
        for (n, line) in data_lines(CONTEXT_CUES) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [target, relation, cue] = cols[..] else {
                return Err(format!("context_cues.tsv:{n}: expected 3 columns"));
            };
            let target = match target.strip_prefix("kind:") {
                Some(k) => Target::Kind(
                    parse_kind(k).ok_or(format!("context_cues.tsv:{n}: unknown kind `{k}`"))?,
                ),
                None => Target::Id(target.to_string()),
            };
            let relation = match relation {
                "before" => Relation::Before,
                "after" => Relation::After,
                "veto_before" => Relation::VetoBefore,
                "veto_after" => Relation::VetoAfter,
                "lowercase_before" => Relation::LowercaseBefore,
                "lowercase_after" => Relation::LowercaseAfter,
                "exclude_before" => Relation::ExcludeBefore,
                "exclude_after" => Relation::ExcludeAfter,
                _ => {
                    return Err(format!(
                        "context_cues.tsv:{n}: unknown relation `{relation}`"
                    ));
                }
            };
            let words = words_of(cue);
            if words.is_empty() {
                return Err(format!("context_cues.tsv:{n}: empty cue"));
            }
            for words in with_elision(words) {
                let accents = words
                    .iter()
                    .zip(&accents_of(cue))
                    .map(|(w, &a)| (w.len() <= 2).then_some(a))
                    .collect();
                let cue = Cue {
                    relation,
                    words,
                    accents,
                };
                let before = matches!(
                    relation,
                    Relation::Before
                        | Relation::VetoBefore
                        | Relation::LowercaseBefore
                        | Relation::ExcludeBefore
                );
                let key = if before {
                    cue.words.last()
                } else {
                    cue.words.first()
                }
                .cloned()
                .unwrap_or_default();
                if matches!(relation, Relation::ExcludeBefore | Relation::ExcludeAfter) {
                    r.exclusions.add(key.clone(), before, &target, &cue);
                }
                r.cues.add(key, before, &target, &cue);
                if matches!(
                    relation,
                    Relation::LowercaseBefore | Relation::LowercaseAfter
                ) {
                    match &target {
                        Target::Id(id) => {
                            r.lowercase_ids.insert(id.clone());
                        }
                        Target::Kind(k) => r.lowercase_kinds.push(*k),
                    }
                }
                if matches!(relation, Relation::ExcludeBefore | Relation::ExcludeAfter) {
                    match &target {
                        Target::Id(id) => {
                            r.exclusion_ids.insert(id.clone());
                        }
                        Target::Kind(k) => r.exclusion_kinds.push(*k),
                    }
                }
                match target.clone() {
                    Target::Id(id) => r.cues_by_id.entry(id).or_default().push(cue),
                    Target::Kind(k) => r.cues_by_kind.entry(k).or_default().push(cue),
                }
            }
        }
        for (n, line) in data_lines(NAME_TRIGGERS) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, position, trigger] = cols[..] else {
                return Err(format!("name_triggers.tsv:{n}: expected 3 columns"));
            };
            let kind =
                parse_kind(kind).ok_or(format!("name_triggers.tsv:{n}: unknown kind `{kind}`"))?;
            if let Some(ordinal) = match position {
                "number" => Some(false),
                "ordinal" => Some(true),
                _ => None,
            } {
                let [word] = &words_of(trigger)[..] else {
                    return Err(format!(
                        "name_triggers.tsv:{n}: a unit word is one word, not `{trigger}`"
                    ));
                };
                r.unit_words.push(UnitWord {
                    word: word.clone(),
                    kind,
                    ordinal,
                    written: trigger.to_string(),
                });
                continue;
            }
            let (part_of_name, landform) = match position {
                "before" => (false, false),
                "part" => (true, false),
                "landform" => (false, true),
                _ => {
                    return Err(format!(
                        "name_triggers.tsv:{n}: unknown position `{position}`"
                    ));
                }
            };
            let words = words_of(trigger);
            if words.is_empty() {
                return Err(format!("name_triggers.tsv:{n}: empty trigger"));
            }
            for words in with_elision(words) {
                let Some(first) = words.first().cloned() else {
                    continue;
                };
                // `la localité frontalière de X`: one adjective before the `de`.
                let adjective = kind == EntityKind::Place
                    && !part_of_name
                    && words.len() >= 2
                    && words
                        .last()
                        .is_some_and(|w| matches!(w.as_slice(), b"de" | b"d"));
                let t = Trigger {
                    kind,
                    part_of_name,
                    landform,
                    adjective,
                    abbreviation: trigger.ends_with('.'),
                    words,
                };
                r.max_trigger_words = r.max_trigger_words.max(t.max_len());
                r.triggers.entry(first).or_default().push(t);
            }
        }
        if !r.unit_words.is_empty() {
            // Each word but its first letter, which may be a capital: the
            // rest is searched as written, lowercase, which lets the
            // automaton skip ahead on rare bytes (a few hundred thousand
            // instructions over a MiB, where a case-insensitive search
            // cost sixteen million).
            let mut rests: Vec<String> = Vec::new();
            for u in &r.unit_words {
                let lower = u.written.to_lowercase();
                let mut chars = lower.chars();
                if chars.next().is_none_or(|c| !c.is_ascii()) {
                    return Err(format!(
                        "name_triggers.tsv: a unit word starts with an ASCII letter, not `{}`",
                        u.written
                    ));
                }
                let rest = chars.as_str().to_string();
                if !rests.contains(&rest) {
                    rests.push(rest);
                }
            }
            r.unit_finder = Some(
                aho_corasick::AhoCorasick::builder()
                    .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                    .build(&rests)
                    .map_err(|e| format!("name_triggers.tsv: unit words: {e}"))?,
            );
        }
        for (n, line) in data_lines(NAME_WORDS) {
            let Some((role, word)) = line.split_once('\t') else {
                return Err(format!("name_words.tsv:{n}: expected 2 columns"));
            };
            let set = match role {
                "place_adjective" => &mut r.place_adjectives,
                "particle" => &mut r.particles,
                "descriptor" => &mut r.descriptors,
                "stop" => &mut r.stops,
                _ => return Err(format!("name_words.tsv:{n}: unknown role `{role}`")),
            };
            for w in words_of(word) {
                set.insert(w);
            }
        }
        for w in &r.descriptors {
            r.descriptor_shapes.insert(w);
        }
        r.article_descriptor = crate::fold::article_words().any(|w| r.descriptors.contains(w));
        for (_, line) in data_lines(FIRST_NAMES) {
            for w in words_of(line) {
                r.first_names.insert(w);
            }
        }
        for w in &r.first_names {
            r.first_name_shapes.insert(w);
        }
        // Longest triggers first, so that "point de passage de" beats "passage".
        for list in r.triggers.values_mut() {
            list.sort_by_key(|t| std::cmp::Reverse(t.words.len()));
        }
        r.trigger_shapes_longer = vec![WordShapes::default(); r.max_trigger_words];
        for (first, list) in &r.triggers {
            for t in list {
                for shapes in r.trigger_shapes_longer.iter_mut().take(t.max_len()) {
                    shapes.insert(first);
                }
            }
        }
        let words: Vec<Vec<u8>> = r
            .triggers
            .keys()
            .chain(&r.first_names)
            .cloned()
            .chain([b"et".to_vec(), b"ou".to_vec()])
            .collect();
        for w in words {
            let facts = r.slow_word_facts(&w);
            r.facts_shapes.insert(&w);
            r.facts.insert(w, facts);
        }
        Ok(r)
    }

    /// Add stop words: capitalised words that are never names on their
    /// own (a one-word name only when spelt exactly as one, and never a
    /// word of a name found from context).
    pub fn add_stopwords(&mut self, text: &str) {
        for (_, line) in data_lines(text) {
            for w in words_of(line) {
                self.stops.insert(w);
            }
        }
    }

    /// Add words that fold like a name they are not: a one-word name only
    /// when spelt exactly as one.
    pub fn add_exact_words(&mut self, text: &str) {
        for (_, line) in data_lines(text) {
            for w in words_of(line) {
                self.exact_words.insert(w);
            }
        }
    }

    /// True when some cue about `id` or `kind` excludes every reading, so
    /// that cues must be looked at for every mention.
    pub fn has_exclusions(&self, id: &str, kind: EntityKind) -> bool {
        self.exclusion_kinds.contains(&kind)
            || (!self.exclusion_ids.is_empty() && self.exclusion_ids.contains(id))
    }

    /// True when some cue about `id` or `kind` lets a lowercase mention
    /// through: lowercase mentions of other entities need no look around.
    pub fn has_lowercase_cues(&self, id: &str, kind: EntityKind) -> bool {
        self.lowercase_kinds.contains(&kind)
            || (!self.lowercase_ids.is_empty() && self.lowercase_ids.contains(id))
    }

    /// True for a common noun that may open a lexicon variant
    /// (`télévision` in `télévision al-Manar`).
    pub fn is_descriptor(&self, basic: &[u8]) -> bool {
        self.descriptor_shapes.may_contain(basic) && self.descriptors.contains(basic)
    }

    /// True when some basic form of an article token is a descriptor.
    pub fn article_may_be_descriptor(&self) -> bool {
        self.article_descriptor
    }

    /// True for a French word that is a one-word name only when spelt
    /// exactly as one: a stop word, or a word that folds like a name.
    pub fn needs_exact_spelling(&self, basic: &[u8]) -> bool {
        self.stops.contains(basic) || self.exact_words.contains(basic)
    }

    /// True for the first word of a person's name from context (`Abou`,
    /// a `part` trigger of `name_triggers.tsv`): the word after it is the
    /// name itself, no family name.
    pub fn is_person_part(&self, basic: &[u8]) -> bool {
        self.triggers.get(basic).is_some_and(|ts| {
            ts.iter()
                .any(|t| t.part_of_name && t.kind == EntityKind::Person && t.words.len() == 1)
        })
    }

    /// True for a common given name.
    pub fn is_given_name(&self, basic: &[u8]) -> bool {
        self.first_name_shapes.may_contain(basic) && self.first_names.contains(basic)
    }

    /// The [`WordFacts`] of the word whose basic form is `basic`:
    /// whether it is a given name, and the most tokens a trigger that
    /// starts with it spans (none past [`WordFacts::REACH`]: the words'
    /// facts are then not used, see [`Rules::local_names`]).
    pub(crate) fn word_facts(&self, basic: &[u8]) -> WordFacts {
        // Most words are ruled out by their shape, without hashing.
        if !self.facts_shapes.may_contain(basic) {
            return WordFacts(0);
        }
        self.facts.get(basic).copied().unwrap_or(WordFacts(0))
    }

    /// [`Rules::word_facts`] from the trigger and given-name tables.
    fn slow_word_facts(&self, basic: &[u8]) -> WordFacts {
        let reach = self
            .triggers
            .get(basic)
            .and_then(|list| list.iter().map(Trigger::max_len).max())
            .unwrap_or(0)
            .min(usize::from(WordFacts::REACH)) as u8;
        let given = if self.is_given_name(basic) {
            WordFacts::GIVEN_NAME
        } else {
            0
        };
        let et_or_ou = if matches!(basic, b"et" | b"ou") {
            WordFacts::ET_OR_OU
        } else {
            0
        };
        WordFacts(reach | given | et_or_ou)
    }

    /// What the cues about entity `id` (and about its `kind`) say of a
    /// mention on tokens `first..=last`.
    pub fn cue_hits(
        &self,
        f: &Folded<'_>,
        id: &str,
        kind: EntityKind,
        first: usize,
        last: usize,
    ) -> CueHits {
        let mut hits = CueHits::default();
        self.scan_cues(
            f,
            id,
            kind,
            first,
            last,
            &self.cues,
            |relation, words| match relation {
                Relation::Before | Relation::After => {
                    hits.support_words = hits.support_words.max(words);
                }
                Relation::VetoBefore | Relation::VetoAfter => hits.veto = true,
                Relation::LowercaseBefore | Relation::LowercaseAfter => hits.lowercase = true,
                Relation::ExcludeBefore | Relation::ExcludeAfter => hits.exclude = true,
            },
        );
        // `Al Mayadeen – Sud syrien : …`: an outlet's name opening one of
        // the first lines before a dash is the page's masthead.
        if kind == EntityKind::Media && !hits.support() && masthead(f, first, last) {
            hits.support_words = 1;
        }
        // `les quartiers de Zanjili et de Chifa`: the last name of a list
        // shares the cues before its first one.
        let mut start = first;
        for _ in 0..MAX_LISTED_NAMES {
            if hits.support() {
                break;
            }
            let Some(previous) = listed_before(f, start) else {
                break;
            };
            start = previous;
            self.scan_cues(f, id, kind, start, start, &self.cues, |relation, words| {
                if relation == Relation::Before {
                    hits.support_words = hits.support_words.max(words);
                }
            });
        }
        hits
    }

    /// `cue_hits(…).exclude`, from the exclusion cues alone.
    pub fn excluded(
        &self,
        f: &Folded<'_>,
        id: &str,
        kind: EntityKind,
        first: usize,
        last: usize,
    ) -> bool {
        let mut exclude = false;
        self.scan_cues(f, id, kind, first, last, &self.exclusions, |_, _| {
            exclude = true
        });
        exclude
    }

    /// Call `note` with the relation of each cue of `index` about entity
    /// `id` (or its `kind`) found around a mention on tokens `first..=last`.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn scan_cues(
        &self,
        f: &Folded<'_>,
        id: &str,
        kind: EntityKind,
        first: usize,
        last: usize,
        index: &CueIndex,
        mut note: impl FnMut(Relation, u8),
    ) {
        let CueIndex {
            before,
            after,
            shapes,
        } = index;
        let about = |t: &Target| match t {
            Target::Id(x) => x == id,
            Target::Kind(k) => *k == kind,
        };
        // A cue ends at most two words before the mention. (The exclusion
        // cues all follow a mention: no words to look at before it.)
        for gap in (0..=2).take_while(|_| !before.is_empty()) {
            let Some(end) = first.checked_sub(gap) else {
                break;
            };
            let Some(word_ix) = end.checked_sub(1) else {
                break;
            };
            // Cues do not reach across punctuation (`a démenti. Selon X`).
            if matches!(f.tokens[word_ix].sep_after, Sep::Punct) {
                break;
            }
            let word = f.basic_of(word_ix);
            if !shapes.may_contain(word) {
                continue;
            }
            if let Some(list) = before.get(word) {
                for (_, cues) in list.iter().filter(|(target, _)| about(target)) {
                    for cue in cues.iter().filter(|cue| ends_at(f, cue, end)) {
                        note(cue.relation, cue.word_count());
                    }
                }
            }
        }
        // A cue starts at most one word after the mention.
        for gap in (0..=1).take_while(|_| !after.is_empty()) {
            let start = last + 1 + gap;
            if start >= f.tokens.len() || matches!(f.tokens[start - 1].sep_after, Sep::Punct) {
                break;
            }
            let word = f.basic_of(start);
            if !shapes.may_contain(word) {
                continue;
            }
            if let Some(list) = after.get(word) {
                for (_, cues) in list.iter().filter(|(target, _)| about(target)) {
                    for cue in cues.iter().filter(|cue| starts_at_cue(f, cue, start)) {
                        note(cue.relation, cue.word_count());
                    }
                }
            }
        }
    }
}

/// What the rules for names from context ask of a word that depends on
/// its basic form alone, looked up once per word with the lexicon pass's
/// per-word walk ([`Rules::word_facts`]) and kept per token: the pass over
/// names from context then reads a byte instead of looking the word up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub(crate) struct WordFacts(u8);

impl WordFacts {
    /// Not looked up (articles, words inside lexicon names): ask the word.
    pub(crate) const UNKNOWN: WordFacts = WordFacts(0x80);
    const GIVEN_NAME: u8 = 0x40;
    /// `et` or `ou`, the coordinations before a name.
    const ET_OR_OU: u8 = 0x20;
    /// Not a fact of the word: set on a token's facts for a capitalised
    /// word ([`WordFacts::on_token`]).
    const CAPITAL: u8 = 0x10;
    /// The most tokens a trigger starting with the word spans.
    const REACH: u8 = 0x0f;
    /// The facts of a capitalised word that is no trigger, given name,
    /// `et` or `ou`.
    pub(crate) const CAPITAL_ONLY: WordFacts = WordFacts(WordFacts::CAPITAL);
    /// The facts of a token inside a lexicon name that stays (not
    /// tentative), set by the lexicon pass: it opens nothing, whatever its
    /// word, for no name from context starts on a covered token; names
    /// from context then pass over it in a run.
    pub(crate) const INSIDE_NAME: WordFacts = WordFacts(0);

    fn known(self) -> bool {
        self.0 & 0x80 == 0
    }

    /// The facts of a token whose word has these, capitalised or not.
    #[inline(always)]
    pub(crate) fn on_token(self, capital: bool) -> WordFacts {
        WordFacts(self.0 | (u8::from(capital) * WordFacts::CAPITAL))
    }

    /// Known facts of a lowercase word that is no trigger, given name,
    /// `et` or `ou`: names from context pass over it, whatever its gap
    /// (unless it is an article, whose facts are never known).
    #[inline(always)]
    fn opens_nothing(self) -> bool {
        self.0 == 0
    }
}

/// The first token from `i` on whose facts are not all zero (or the
/// number of tokens): eight facts at a time, as one number, then one by
/// one near the end. Runs of words that open nothing are most of a text.
#[inline(always)]
fn skip_nothing(facts: &[WordFacts], mut i: usize) -> usize {
    while let Some(chunk) = facts.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let x = u64::from_le_bytes(chunk.map(|w| w.0));
        if x != 0 {
            return i + (x.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while facts.get(i).is_some_and(|w| w.opens_nothing()) {
        i += 1;
    }
    i
}

/// How many names of a list a cue before the first one reaches.
const MAX_LISTED_NAMES: usize = 3;

/// How far into a text a masthead may stand, in bytes.
const MASTHEAD_REACH: usize = 300;

/// Whether the name on tokens `first..=last`, within the first
/// `MASTHEAD_REACH` bytes, is written as a masthead or a byline, which
/// only an outlet's name is: opening a line before a dash (– or —) or a
/// bar (`Al Mayadeen – …`, `Al Mayadeen | Français`); alone on its line,
/// or with a note in brackets before a dash (`Libération (avec AFP) — 18
/// mai 2015`); after a byline's dash, ending it or before a comma (`Par
/// X, envoyée spéciale — Libération, 29 août 2017`); or between slashes
/// (`Hama / SANA / Les unités…`). (A place's dateline,
/// `Damas – …`, has the first shape: this is asked only of the outlet
/// reading of a name another entity shares or of one that needs context.)
fn masthead(f: &Folded<'_>, first: usize, last: usize) -> bool {
    let (Some(a), Some(b)) = (f.tokens.get(first), f.tokens.get(last)) else {
        return false;
    };
    let (start, end) = (a.start(), b.end());
    if start >= MASTHEAD_REACH {
        return false;
    }
    // Spaces and tabs, not line breaks: the shapes are of one line.
    fn trim_blanks(rest: &[u8]) -> &[u8] {
        let blanks = rest
            .iter()
            .take_while(|&&c| matches!(c, b' ' | b'\t' | b'\r'))
            .count();
        rest.get(blanks..).unwrap_or_default()
    }
    let line_ends = |rest: &[u8]| rest.is_empty() || rest.starts_with(b"\n");
    let dash_or_bar = |rest: &[u8]| {
        rest.starts_with("–".as_bytes())
            || rest.starts_with("—".as_bytes())
            || rest.starts_with(b"|")
    };
    let text_before = f.text.get(..start).unwrap_or_default();
    let line_before = text_before
        .iter()
        .rposition(|&c| c == b'\n')
        .and_then(|at| text_before.get(at + 1..))
        .unwrap_or(text_before);
    let after = trim_blanks(f.text.get(end..).unwrap_or_default());
    if trim_blanks(line_before).is_empty() {
        // `Libération (avec AFP) — …`: a short note in brackets first.
        let close = after.iter().take(40).position(|&c| c == b')' || c == b'\n');
        let past_note = match close {
            Some(at) if after.starts_with(b"(") && after.get(at) == Some(&b')') => {
                trim_blanks(after.get(at + 1..).unwrap_or_default())
            }
            _ => after,
        };
        return line_ends(past_note) || dash_or_bar(past_note);
    }
    // A byline: words, a dash, the outlet, then a comma or the line's end;
    // or the outlet between slashes (`Hama / SANA / Les unités…`).
    let before = line_before.trim_ascii_end();
    let after_dash = before.ends_with("—".as_bytes()) || before.ends_with("–".as_bytes());
    (after_dash && before.len() > "—".len() && (line_ends(after) || after.starts_with(b",")))
        || (before.ends_with(b"/") && after.starts_with(b"/"))
}

/// When the mention at token `first` is the next name of a list (`X et Y`,
/// `X et de Y`, `X, Y`, `X, d'Y`), the first token of the name before it: a
/// capitalised word with at most two more words (or articles) before it,
/// back to the previous separator.
fn listed_before(f: &Folded<'_>, first: usize) -> Option<usize> {
    let mut k = first.checked_sub(1)?;
    // An elided or full `de` before the name.
    if matches!(f.basic_of(k), b"de" | b"d")
        && !f.tokens[k].capital
        && !matches!(f.tokens[k].sep_after, Sep::Punct)
    {
        k = k.checked_sub(1)?;
    }
    let name_end = if matches!(f.basic_of(k), b"et" | b"ou") && !f.tokens[k].capital {
        if matches!(f.tokens[k].sep_after, Sep::Punct) {
            return None;
        }
        k.checked_sub(1)?
    } else if f.basic_of(k).is_empty() {
        return None;
    } else {
        // `X, Y`: the comma is the separator after the previous name.
        let text_between = f.text.get(f.tokens[k].end()..f.tokens[k + 1].start())?;
        if !text_between.starts_with(b",") {
            return None;
        }
        k
    };
    if !f.tokens[name_end].capital {
        return None;
    }
    let mut start = name_end;
    for _ in 0..2 {
        let Some(before) = start.checked_sub(1) else {
            break;
        };
        let t = &f.tokens[before];
        if matches!(t.sep_after, Sep::Punct) || !(t.capital || t.article) {
            break;
        }
        start = before;
    }
    Some(start)
}

/// A cheap pre-filter for word sets: first byte × length bits.
#[derive(Debug, Clone)]
pub(crate) struct WordShapes([u32; 256]);

impl Default for WordShapes {
    fn default() -> Self {
        WordShapes([0; 256])
    }
}

impl WordShapes {
    pub(crate) fn insert(&mut self, word: &[u8]) {
        if let Some(&b) = word.first() {
            self.0[b as usize] |= 1 << word.len().min(31);
        }
    }

    /// False when the word is surely not in the set.
    pub(crate) fn may_contain(&self, word: &[u8]) -> bool {
        word.first()
            .is_some_and(|&b| self.0[b as usize] & (1 << word.len().min(31)) != 0)
    }
}

/// What the cues around a mention say.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct CueHits {
    /// The words of the longest supporting cue, 0 for none: of two
    /// readings both supported, the one whose cue says more wins ("a
    /// indiqué à Al Jazeera": the outlet's "indiqué à" over the place's
    /// "à").
    pub support_words: u8,
    /// Rules out an ambiguous or lowercase reading.
    pub veto: bool,
    pub lowercase: bool,
    /// Rules out any reading.
    pub exclude: bool,
}

impl CueHits {
    /// A cue supports the reading.
    #[inline(always)]
    pub(crate) fn support(&self) -> bool {
        self.support_words > 0
    }
}

/// The cue words end just before token `end` (exclusive).
fn ends_at(f: &Folded<'_>, cue: &Cue, end: usize) -> bool {
    let n = cue.words.len();
    end >= n && (0..n).all(|k| word_is(f, cue, k, end - n + k))
}

/// The cue's words start at token `start`.
fn starts_at_cue(f: &Folded<'_>, cue: &Cue, start: usize) -> bool {
    start + cue.words.len() <= f.tokens.len()
        && (0..cue.words.len()).all(|k| word_is(f, cue, k, start + k))
}

/// Word `k` of the cue is token `t`.
fn word_is(f: &Folded<'_>, cue: &Cue, k: usize, t: usize) -> bool {
    f.basic_of(t) == cue.words[k].as_slice()
        && cue.accents[k].is_none_or(|a| a == f.tokens[t].accented)
}

/// The words start at token `start`.
fn starts_at(f: &Folded<'_>, words: &[Vec<u8>], start: usize) -> bool {
    start + words.len() <= f.tokens.len()
        && words
            .iter()
            .enumerate()
            .all(|(k, w)| f.basic_of(start + k) == w.as_slice())
}

/// [`starts_at`] when the first word is known to be token `start`.
fn rest_starts_at(f: &Folded<'_>, words: &[Vec<u8>], start: usize) -> bool {
    start + words.len() <= f.tokens.len()
        && words
            .iter()
            .enumerate()
            .skip(1)
            .all(|(k, w)| f.basic_of(start + k) == w.as_slice())
}

/// What the lexicon pass left on a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cover {
    /// No lexicon mention.
    Free,
    /// Inside a lexicon mention.
    Strong,
    /// The last token of a lexicon place mention (a list of places may go on).
    PlaceEnd,
    /// A one-word place (with its article): a longer name found from
    /// context may take it over (`Tal al-Milh`, `Hussein Razzouk al-Hamed`).
    Weak,
    /// A one-word town, village or neighbourhood: also taken over by the
    /// name after a landform word (`le mont Al Mossoul`).
    WeakTown,
}

/// A word of a unit named by number ("Liwa 313") or by rank ("la 7e
/// division").
#[derive(Debug, Clone)]
struct UnitWord {
    /// Basic form.
    word: Vec<u8>,
    kind: EntityKind,
    /// The rank comes before the word (`ordinal`), else the number after it.
    ordinal: bool,
    /// As the data file writes it.
    written: String,
}

/// Whether `basic` is a rank: "7e", "2eme", "1er", "1re", "3ieme".
fn is_rank(basic: &[u8]) -> bool {
    let digits = basic.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=3).contains(&digits)
        && matches!(
            basic.get(digits..),
            Some(b"e" | b"eme" | b"ieme" | b"er" | b"re" | b"ere")
        )
}

/// Whether `basic` is a unit's number: one to four digits.
fn is_unit_number(basic: &[u8]) -> bool {
    (1..=4).contains(&basic.len()) && basic.iter().all(u8::is_ascii_digit)
}

/// A name found from context: tokens `first..end`, of `kind`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LocalName {
    pub first: usize,
    pub end: usize,
    pub kind: EntityKind,
}

/// How far before its comma (in tokens) the title of a name set between
/// commas may be: the title, "de" and a complement of a few words.
const APPOSED_TITLE_REACH: usize = 8;

/// The longest number of name words in one name found from context.
const MAX_NAME_WORDS: usize = 4;

impl Rules {
    fn is_name_word(&self, f: &Folded<'_>, i: usize) -> bool {
        let t = &f.tokens[i];
        t.capital
            && !t.article
            && !self.stops.contains(f.basic_of(i))
            && !f.basic_of(i).iter().all(u8::is_ascii_digit)
    }

    /// Token `i` is a capitalised word that opens a name of `kind`
    /// (`Jabal`, `Tell`, `Kfar`: a `part` trigger). One of another kind
    /// does not: "le village d'Abou Dali" is a village, not a person.
    fn opens_name(&self, f: &Folded<'_>, i: usize, kind: EntityKind) -> bool {
        self.part_len(f, i, |k| k == kind) > 0
    }

    /// The words of a `part` trigger of a kind other than `kind` that
    /// opens a name at token `i` (`Abou` after "le village de"), or 0.
    fn other_part_len(&self, f: &Folded<'_>, i: usize, kind: EntityKind) -> usize {
        self.part_len(f, i, |k| k != kind)
    }

    /// The most words of a `part` trigger of a kind `wanted` that starts
    /// at the capitalised token `i`, or 0.
    fn part_len(&self, f: &Folded<'_>, i: usize, wanted: impl Fn(EntityKind) -> bool) -> usize {
        if !f.tokens[i].capital {
            return 0;
        }
        self.triggers.get(f.basic_of(i)).map_or(0, |list| {
            list.iter()
                .filter(|t| t.part_of_name && wanted(t.kind) && starts_at(f, &t.words, i))
                .map(|t| t.words.len())
                .max()
                .unwrap_or(0)
        })
    }

    /// A run of name words starting at token `start` (after any leading
    /// articles) for a name of `kind`: returns `(first, end)` token indices.
    /// `begun`: the name already started before `start` (`Tal` in `Tal al-Milh`).
    fn name_run(
        &self,
        f: &Folded<'_>,
        start: usize,
        cover: &[Cover],
        kind: EntityKind,
        begun: bool,
        take_town: bool,
    ) -> Option<(usize, usize)> {
        let n = f.tokens.len();
        let mut k = start;
        let mut first = None;
        let mut last = None;
        let mut words = 0;
        while k < n && words < MAX_NAME_WORDS {
            let t = f.tokens[k];
            let after_article = k > start && f.tokens[k - 1].article;
            match cover[k] {
                Cover::Free => {}
                // `Razzouk al-Hamed`: a one-word place after an article
                // inside a name is part of that name.
                Cover::Weak | Cover::WeakTown
                    if (t.article || after_article) && (begun || last.is_some()) => {}
                Cover::WeakTown if take_town => {}
                // `Felipe Dana`: after a given name, a one-word place is the family name.
                Cover::Weak | Cover::WeakTown
                    if kind == EntityKind::Person && begun && t.capital => {}
                // `Tell Hamra`, `Bab Tadmor`: right after a word that opens a
                // place name, a one-word place is the rest of that name.
                Cover::Weak | Cover::WeakTown
                    if kind == EntityKind::Place && begun && k == start && t.capital => {}
                _ => break,
            }
            if t.article {
                // An article belongs to the word after it.
                if matches!(t.sep_after, Sep::Punct | Sep::Apostrophe) {
                    break;
                }
                k += 1;
                continue;
            }
            if kind != EntityKind::Person
                && last.is_some()
                && t.capital
                && self.is_given_name(f.basic_of(k))
                // `Hisham Ibn Abdel Malek`: after `ibn` a given name is the father's.
                && !self.particles.contains(f.basic_of(k - 1))
                && !matches!(t.sep_after, Sep::Punct)
                && f.tokens
                    .get(k + 1)
                    .is_some_and(|next| next.capital || next.article)
            {
                // A given name and a family name after a name start the next
                // name (`à Sarakeb Hussein Razzouk`), unlike `Tallet Moussa`.
                break;
            }
            if last.is_some() && !t.capital && self.particles.contains(f.basic_of(k)) {
                // A particle inside a name (`ibn`, `de`): kept only if a name word follows.
            } else if self.is_name_word(f, k) || (after_article && last.is_some()) {
                if first.is_none() {
                    first = Some(if after_article { k - 1 } else { k });
                }
                last = Some(k);
                words += 1;
            } else {
                break;
            }
            if matches!(t.sep_after, Sep::Punct) {
                break;
            }
            k += 1;
        }
        Some((first?, last? + 1))
    }

    /// [`Rules::name_gaps_into`] into a fresh vector.
    #[cfg(test)]
    pub(crate) fn name_gaps(f: &Folded<'_>, capitals: &mut Vec<u32>) -> Vec<u8> {
        Rules::name_gaps_into(f, capitals, Vec::new())
    }

    /// For each token: how many words (articles aside) stand between it and
    /// the next capitalised word, `u8::MAX` when none does. A name found
    /// from context starts with a capitalised word, and what announces it
    /// (a trigger of `w` words, a given name, `et`) stands right before it,
    /// articles aside: a token whose gap is `g` can only start a trigger of
    /// more than `g` words, and a given name or `et` only when `g` is 0.
    ///
    /// Also appends to `capitals` the indices of the capitalised words
    /// that are not articles, in text order: a pass that looks at those
    /// alone need not read every token.
    ///
    /// The counts go into `gaps`, a vector of an earlier text (cleared
    /// first), which is returned.
    pub(crate) fn name_gaps_into(
        f: &Folded<'_>,
        capitals: &mut Vec<u32>,
        mut gaps: Vec<u8>,
    ) -> Vec<u8> {
        // Every count is written below: no fill first.
        crate::fold::fit(&mut gaps, f.tokens.len(), u8::MAX);
        // `u8::MAX`: no capitalised word follows; counts stop one below.
        let mut gap = u8::MAX;
        let first_capital = capitals.len();
        for (i, (g, t)) in gaps.iter_mut().zip(&f.tokens).enumerate().rev() {
            *g = gap;
            if !t.article {
                gap = if t.capital {
                    // Token indices fit in `u32`: a token has a byte of
                    // a text of at most `u32::MAX` bytes.
                    capitals.push(i as u32);
                    0
                } else if gap < u8::MAX - 1 {
                    gap + 1
                } else {
                    gap
                };
            }
        }
        capitals[first_capital..].reverse();
        gaps
    }

    /// `les quartiers d'al-Kifah, al-Nour et al-Askari`: a name at token `i`
    /// right after a punctuation mark that follows a place, and itself
    /// followed by `et`/`ou` and a capitalised word, is one more place of the
    /// list (the `et` rule then takes the last one). Requiring the closing
    /// `et` keeps a sentence that merely starts after a place out. Else,
    /// after a comma, a titled person's name (`titled_apposition`).
    fn comma_listed_place(
        &self,
        f: &Folded<'_>,
        cover: &[Cover],
        i: usize,
        previous: Option<&LocalName>,
    ) -> Option<LocalName> {
        if !matches!(f.tokens[i - 1].sep_after, Sep::Punct) {
            return None;
        }
        // The titled person's name is looked at here, not in a call of its
        // own in the per-token loop of `local_names`: that cost the loop
        // 0.5 M instructions a MiB, the look itself 0.05 M.
        self.listed_after_comma(f, cover, i, previous)
            .or_else(|| self.titled_apposition(f, cover, i))
    }

    /// The name that a part trigger on tokens `i..after` opens ("Abou",
    /// "Jabal"): the trigger and the run of name words right after it.
    fn part_name(
        &self,
        f: &Folded<'_>,
        cover: &[Cover],
        i: usize,
        after: usize,
        kind: EntityKind,
        landform: bool,
    ) -> Option<LocalName> {
        let (first, end) = self.name_run(f, after, cover, kind, true, landform)?;
        (first == after).then_some(LocalName {
            first: i,
            end,
            kind,
        })
    }

    /// `comma_listed_place` past its punctuation test.
    fn listed_after_comma(
        &self,
        f: &Folded<'_>,
        cover: &[Cover],
        i: usize,
        previous: Option<&LocalName>,
    ) -> Option<LocalName> {
        let n = f.tokens.len();
        let t = &f.tokens[i];
        let place_before = matches!(
            cover[i - 1],
            Cover::PlaceEnd | Cover::Weak | Cover::WeakTown
        ) || previous.is_some_and(|l| l.kind == EntityKind::Place && l.end == i);
        if !place_before
            || !(t.capital || t.article)
            || (!t.article && self.is_given_name(f.basic_of(i)))
        {
            return None;
        }
        let (first, end) = self.name_run(f, i, cover, EntityKind::Place, false, false)?;
        let closed_by_and = end + 1 < n
            && matches!(f.basic_of(end), b"et" | b"ou")
            && !matches!(f.tokens[end - 1].sep_after, Sep::Punct)
            && (f.tokens[end + 1].capital || f.tokens[end + 1].article);
        (first == i && closed_by_and).then_some(LocalName {
            first,
            end,
            kind: EntityKind::Place,
        })
    }

    /// "Le gouverneur d'al-Anbar, Nadhim al-Fahdawi, a estimé", "le maire
    /// de la ville, Shallal Abdul, qui…": a name of two words or more
    /// between commas, after a person's title and its complement, is a
    /// person's. Token `i` opens the name, after a punctuation mark
    /// (`comma_listed_place` has told); the title is within
    /// [`APPOSED_TITLE_REACH`] tokens before its comma.
    fn titled_apposition(&self, f: &Folded<'_>, cover: &[Cover], i: usize) -> Option<LocalName> {
        let comma = i - 1;
        let t = &f.tokens[i];
        if f.text.get(f.tokens[comma].end()) != Some(&b',') || !t.capital || t.article {
            return None;
        }
        // The complement's "de" first (a compare of the word), then a
        // title of up to three words ending right before it.
        let titled = (comma.saturating_sub(APPOSED_TITLE_REACH) + 1..comma)
            .rev()
            .take_while(|&de| !matches!(f.tokens[de].sep_after, Sep::Punct))
            .filter(|&de| matches!(f.basic_of(de), b"de" | b"du" | b"d" | b"des"))
            .any(|de| {
                (de.saturating_sub(3)..de).any(|k| {
                    self.triggers.get(f.basic_of(k)).is_some_and(|triggers| {
                        triggers.iter().any(|trigger| {
                            trigger.kind == EntityKind::Person
                                && !trigger.part_of_name
                                && !trigger.abbreviation
                                && trigger.words.len() == de - k
                                && trigger.words.first().is_some_and(|w| w.as_slice() != b"a")
                                && trigger
                                    .words
                                    .iter()
                                    .zip(k..de)
                                    .all(|(w, j)| w.as_slice() == f.basic_of(j))
                        })
                    })
                })
            });
        if !titled {
            return None;
        }
        let (first, end) = self.name_run(f, i, cover, EntityKind::Person, false, false)?;
        let closed = matches!(f.tokens[end - 1].sep_after, Sep::Punct);
        (first == i && end >= i + 2 && closed).then_some(LocalName {
            first,
            end,
            kind: EntityKind::Person,
        })
    }

    /// Military units that no table names, named by number ("Liwa 313",
    /// "la brigade 26") or by rank ("la 7e division"), on tokens not
    /// covered by a lexicon mention, appended to `out`. The unit words are
    /// found first (`unit_finder`, a few per text at most), then the
    /// number after or the rank before them.
    pub(crate) fn numbered_units(&self, f: &Folded<'_>, cover: &[Cover], out: &mut Vec<LocalName>) {
        let Some(finder) = &self.unit_finder else {
            return;
        };
        let free = |k: usize| cover.get(k) == Some(&Cover::Free);
        let number_at = |k: usize| f.tokens.get(k).and_then(|n| f.text.get(n.start()..n.end()));
        let mut cursor = 0;
        for m in finder.find_iter(f.text) {
            // The token the match ends, whole, one letter before it (not
            // "subdivision", "corpse").
            let Some(start) = m.start().checked_sub(1) else {
                continue;
            };
            // Matches come in text order: a galloping search from the last
            // token found costs the log of the gap, linear time overall,
            // without walking every token between two rare matches.
            let rest = f.tokens.get(cursor..).unwrap_or_default();
            let mut step = 1;
            while rest.get(step - 1).is_some_and(|t| t.start() < start) {
                step *= 2;
            }
            let window = rest.get(..step.min(rest.len())).unwrap_or_default();
            cursor += window.partition_point(|t| t.start() < start);
            let k = cursor;
            let Some(t) = f.tokens.get(k) else { continue };
            if t.start() != start || t.end() != m.end() || !free(k) {
                continue;
            }
            let basic = f.basic_of(k);
            for unit in self.unit_words.iter().filter(|u| u.word == basic) {
                if unit.ordinal {
                    if k > 0 && free(k - 1) && is_rank(f.basic_of(k - 1)) {
                        out.push(LocalName {
                            first: k - 1,
                            end: k + 1,
                            kind: unit.kind,
                        });
                        break;
                    }
                } else if free(k + 1)
                    && number_at(k + 1).is_some_and(is_unit_number)
                    // "7 000 hommes": a figure in groups, not a unit's number.
                    && !number_at(k + 2).is_some_and(|n| n.first().is_some_and(u8::is_ascii_digit))
                {
                    out.push(LocalName {
                        first: k,
                        end: k + 2,
                        kind: unit.kind,
                    });
                    break;
                }
            }
        }
    }

    /// Names announced by a trigger word, a given name or a coordination
    /// with a place (`à Douma et Misraba`), over the tokens not yet covered
    /// by lexicon mentions.
    /// `gaps`: [`Rules::name_gaps_into`] of `f`; `facts`: the [`WordFacts`] of
    /// each token, or [`WordFacts::UNKNOWN`].
    pub fn local_names(
        &self,
        f: &Folded<'_>,
        cover: &[Cover],
        gaps: &[u8],
        facts: &[WordFacts],
    ) -> Vec<LocalName> {
        let n = f.tokens.len();
        let mut out: Vec<LocalName> = Vec::new();
        // Reaches are kept up to `WordFacts::REACH`: beyond, ask the words.
        let facts = if self.max_trigger_words <= usize::from(WordFacts::REACH) {
            facts
        } else {
            &[]
        };
        let facts_of = |i: usize| {
            facts
                .get(i)
                .copied()
                .filter(|w| w.known())
                .unwrap_or_else(|| self.word_facts(f.basic_of(i)))
        };
        // Some trigger starting with token `i` spans more than `gap`
        // tokens: from the facts when known, else a look at the word's
        // shape (which may say yes wrongly; the trigger table then says
        // no).
        let may_trigger = |i: usize, gap: usize| match facts.get(i) {
            Some(w) if w.known() => usize::from(w.0 & WordFacts::REACH) > gap,
            _ => self
                .trigger_shapes_longer
                .get(gap)
                .is_some_and(|shapes| shapes.may_contain(f.basic_of(i))),
        };
        // Token `i` is `et` or `ou`: from its facts when known.
        let et_or_ou = |i: usize| match facts.get(i) {
            Some(w) if w.known() => w.0 & WordFacts::ET_OR_OU != 0,
            _ => f.is_et_or_ou(i),
        };
        let mut i = 0;
        while i < n {
            // Most words, told from their facts alone, in a run.
            if facts.get(i).is_some_and(|w| w.opens_nothing()) {
                i = skip_nothing(facts, i + 1);
                continue;
            }
            // A capitalised word that is no trigger, given name, `et` or
            // `ou` (most capitalised words) can only be the next place of
            // a list after a punctuation mark (`comma_listed_place`): any
            // other is passed over here, its gap and cover unread.
            if facts.get(i) == Some(&WordFacts::CAPITAL_ONLY)
                && i.checked_sub(1)
                    .and_then(|p| f.tokens.get(p))
                    .is_none_or(|p| !matches!(p.sep_after, Sep::Punct))
            {
                i += 1;
                continue;
            }
            let tok = &f.tokens[i];
            let gap = gaps[i] as usize;
            if !tok.capital && gap >= self.max_trigger_words {
                // No capitalised word within reach of a trigger: this token
                // and the next ones up to the first within reach (each word
                // one closer; articles do not count) can open no name.
                if gap == usize::from(u8::MAX) {
                    break;
                }
                i += gap + 1 - self.max_trigger_words;
                continue;
            }
            // A lowercase word (most of them) can only open a name as a
            // trigger or as `et`/`ou` right before a capitalised word: both
            // ruled out here with a look at the word's shape.
            if !tok.capital
                && !tok.article
                && !(gap < self.max_trigger_words
                    && (may_trigger(i, gap) || (gap == 0 && et_or_ou(i))))
            {
                i += 1;
                continue;
            }
            let weak_start = matches!(cover[i], Cover::Weak | Cover::WeakTown);
            if !matches!(cover[i], Cover::Free | Cover::Weak | Cover::WeakTown)
                || !(tok.capital || gap < self.max_trigger_words)
            {
                i += 1;
                continue;
            }
            let mut found = None;
            let mut kunya_after_punctuation = None;
            let maybe_trigger = may_trigger(i, gap);
            // The word is read only for the trigger table.
            if let Some(triggers) = maybe_trigger
                .then(|| self.triggers.get(f.basic_of(i)))
                .flatten()
            {
                let next_word = f.basic_of(i + 1);
                for t in triggers {
                    // Too short to reach the next capitalised word.
                    if t.max_len() <= gap {
                        continue;
                    }
                    // Most tries fail on the second word (`a déclaré`,
                    // `a affirmé` … after `a`): told here, before `len_at`
                    // (which would compare it too, or the adjective form).
                    if !t.adjective && t.words.get(1).is_some_and(|w| w.as_slice() != next_word) {
                        continue;
                    }
                    let Some(len) = t.len_at(f, i, &self.place_adjectives) else {
                        continue;
                    };
                    if len <= gap {
                        continue;
                    }
                    let after = i + len;
                    if t.part_of_name {
                        // `Tal al-Milh`: a trigger word the lexicon knows alone
                        // still starts a longer name.
                        if !f.tokens[i].capital || (i + 1..after).any(|k| cover[k] != Cover::Free) {
                            continue;
                        }
                        // `Tell Mrayjé, Oum Khoutain et Khirbet X`: after
                        // punctuation, a kunya ("Abou", "Oum") may open
                        // one more name of a list of places; the list's
                        // rule below is asked first, the person's reading
                        // after it.
                        if t.kind == EntityKind::Person
                            && i > 0
                            && matches!(f.tokens[i - 1].sep_after, Sep::Punct)
                        {
                            kunya_after_punctuation = Some(after);
                            continue;
                        }
                        if let Some(name) = self.part_name(f, cover, i, after, t.kind, t.landform) {
                            found = Some(name);
                            break;
                        }
                    } else if !weak_start
                        && after < n
                        && !(i..after).any(|k| cover[k] != Cover::Free)
                        // `M. Ibrahim`: the abbreviation's own stop, when it
                        // is written with its capital (not the `m.` of metres
                        // ending a sentence).
                        && ((t.abbreviation && f.tokens[i].capital)
                            || !matches!(f.tokens[after - 1].sep_after, Sep::Punct))
                        // `les hauteurs de Jabal Hayyan`: a name that opens
                        // with its own trigger word is read from there.
                        && !self.opens_name(f, after, t.kind)
                    {
                        // "le village d'Abou Dali": a name opened by the
                        // part trigger of another kind is of this trigger's
                        // kind, read as that trigger reads it (its words may
                        // be known alone: "Dali").
                        let opened = self.other_part_len(f, after, t.kind);
                        if (after..after + opened).any(|k| cover[k] != Cover::Free) {
                            continue;
                        }
                        let start = after + opened;
                        if let Some((first, end)) = self.name_run(
                            f,
                            start,
                            cover,
                            t.kind,
                            t.part_of_name || opened > 0,
                            t.landform,
                        ) {
                            if first == start {
                                found = Some(LocalName {
                                    first: after,
                                    end,
                                    kind: t.kind,
                                });
                                break;
                            }
                        }
                    }
                }
            }
            // A given name the lexicon took for a one-word place (`Rami`)
            // is still a given name when a family name follows.
            if found.is_none()
                && gap == 0
                && f.tokens[i].capital
                && !f.tokens[i].article
                && i + 1 < n
                && facts_of(i).0 & WordFacts::GIVEN_NAME != 0
                && !matches!(f.tokens[i].sep_after, Sep::Punct | Sep::Apostrophe)
            {
                if let Some((first, end)) =
                    self.name_run(f, i + 1, cover, EntityKind::Person, true, false)
                {
                    if first == i + 1 {
                        found = Some(LocalName {
                            first: i,
                            end,
                            kind: EntityKind::Person,
                        });
                    }
                }
            }
            if found.is_none()
                && gap == 0
                && !weak_start
                && i > 0
                && i + 1 < n
                && et_or_ou(i)
                && !matches!(f.tokens[i].sep_after, Sep::Punct)
                && !matches!(f.tokens[i - 1].sep_after, Sep::Punct | Sep::Hyphen)
            {
                let place_before = matches!(
                    cover[i - 1],
                    Cover::PlaceEnd | Cover::Weak | Cover::WeakTown
                ) || out
                    .last()
                    .is_some_and(|l| l.kind == EntityKind::Place && l.end == i);
                let given_name_next = self.is_given_name(f.basic_of(i + 1));
                let next = f.basic_of(i + 1);
                // The shapes of all the triggers' first words, then the table.
                let trigger_next = self
                    .trigger_shapes_longer
                    .first()
                    .is_some_and(|shapes| shapes.may_contain(next))
                    && self.triggers.contains_key(next);
                if place_before && !given_name_next && !trigger_next {
                    if let Some((first, end)) =
                        self.name_run(f, i + 1, cover, EntityKind::Place, false, false)
                    {
                        if first == i + 1 {
                            found = Some(LocalName {
                                first,
                                end,
                                kind: EntityKind::Place,
                            });
                        }
                    }
                }
            }
            if found.is_none() && !weak_start && i > 0 && cover[i] == Cover::Free {
                found = self.comma_listed_place(f, cover, i, out.last());
            }
            if let Some(after) = kunya_after_punctuation.filter(|_| found.is_none()) {
                found = self.part_name(f, cover, i, after, EntityKind::Person, false);
            }
            match found {
                Some(name) => {
                    i = name.end;
                    out.push(name);
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Rules {
        Rules::embedded().unwrap_or_else(|e| panic!("embedded rules: {e}"))
    }

    #[test]
    fn word_facts_are_the_tables() {
        let r = rules();
        let mut words: Vec<Vec<u8>> = r.triggers.keys().chain(&r.first_names).cloned().collect();
        for w in [
            "de", "la", "et", "ou", "village", "hussein", "x", "", "jabaal", "abouu",
        ] {
            words.push(w.as_bytes().to_vec());
        }
        for w in &words {
            let facts = r.word_facts(w);
            assert_eq!(
                facts,
                r.slow_word_facts(w),
                "{}",
                String::from_utf8_lossy(w)
            );
            assert!(facts.known());
            let reach = r
                .triggers
                .get(w.as_slice())
                .map_or(0, |l| l.iter().map(Trigger::max_len).max().unwrap_or(0));
            assert_eq!(usize::from(facts.0 & WordFacts::REACH), reach);
            assert_eq!(facts.0 & WordFacts::GIVEN_NAME != 0, r.is_given_name(w));
        }
        assert!(r.max_trigger_words <= usize::from(WordFacts::REACH));
    }

    /// Runs of facts that open nothing end where a one-by-one loop ends
    /// them, wherever they stop within or across blocks of eight.
    #[test]
    fn runs_of_nothing_end_where_the_facts_say() {
        for len in 0..40 {
            for stop in [
                None,
                Some(0),
                Some(1),
                Some(7),
                Some(8),
                Some(9),
                Some(17),
                Some(39),
            ] {
                let mut facts = vec![WordFacts(0); len];
                if let Some(k) = stop.filter(|&k| k < len) {
                    facts[k] = WordFacts::UNKNOWN;
                }
                for from in 0..=len {
                    let mut want = from;
                    while facts.get(want).is_some_and(|w| w.opens_nothing()) {
                        want += 1;
                    }
                    assert_eq!(skip_nothing(&facts, from), want, "{len} {stop:?} {from}");
                }
            }
        }
    }

    /// Texts dense in names from context: villages and localities, a kunya,
    /// given names, a general, a brigade, a mountain, and capitalised words
    /// after punctuation and elsewhere (lists of places, sentence starts, a
    /// given name after a full stop).
    const NAME_TEXTS: [&str; 3] = [
        "Les combats dans le village de Kfar Zeita et la localité frontalière de \
         Tall Kalakh. Abou Malek al-Talli a déclaré que Khalil Hamdane était à \
         Douma et Misraba, puis dans les quartiers d'al-Kifah, al-Nour et al-Askari.",
        "Le général Issam Zahreddine, la brigade Liwa al-Quds et le mont Al Mossoul ; \
         Hussein Razzouk al-Hamed a affirmé que Jabal Hayyan était tombé.",
        "Les villages de Zabadani, Madaya et Bloudane. Selon lui, Khalil \
         Hamdane, Douma. Rami Abdel Rahmane a dit : Alep, Homs et Hama.",
    ];

    /// The words' facts as the lexicon pass leaves them on the tokens: none
    /// for articles, the capital bit on capitalised words.
    fn facts_as_the_lexicon_pass_leaves_them(r: &Rules, f: &Folded<'_>) -> Vec<WordFacts> {
        f.tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if t.article {
                    WordFacts::UNKNOWN
                } else {
                    r.word_facts(f.basic_of(i)).on_token(t.capital)
                }
            })
            .collect()
    }

    /// Names from context as (first token, end, kind), to compare.
    fn name_spans(names: Vec<LocalName>) -> Vec<(usize, usize, EntityKind)> {
        names.iter().map(|l| (l.first, l.end, l.kind)).collect()
    }

    /// Names from context are the same whether the tokens covered by
    /// lexicon names (strongly, or at a place's end) say they open nothing
    /// or give their words' facts.
    #[test]
    fn local_names_pass_over_covered_tokens_alike() {
        let r = rules();
        for text in NAME_TEXTS {
            let f = fold(text);
            let mut capitals = Vec::new();
            let gaps = Rules::name_gaps(&f, &mut capitals);
            let known = facts_as_the_lexicon_pass_leaves_them(&r, &f);
            // Covers of every shape, at every offset: names of one to
            // three tokens, places ending in `PlaceEnd`, weak ones left.
            let mut differing = 0;
            for (period, offset) in [(3, 0), (4, 1), (5, 2), (7, 3), (2, 1)] {
                let mut cover = vec![Cover::Free; f.tokens.len()];
                for (k, c) in cover.iter_mut().enumerate() {
                    *c = match (k + offset) % period {
                        0 => Cover::Strong,
                        1 if period > 4 => Cover::PlaceEnd,
                        2 if period > 5 => Cover::Weak,
                        _ => Cover::Free,
                    };
                }
                let inside: Vec<WordFacts> = known
                    .iter()
                    .zip(&cover)
                    .map(|(&w, c)| match c {
                        Cover::Strong | Cover::PlaceEnd => WordFacts::INSIDE_NAME,
                        _ => w,
                    })
                    .collect();
                differing += usize::from(inside != known);
                assert_eq!(
                    name_spans(r.local_names(&f, &cover, &gaps, &inside)),
                    name_spans(r.local_names(&f, &cover, &gaps, &known)),
                    "{text} ({period}, {offset})"
                );
            }
            assert!(differing >= 4);
        }
    }

    /// Names from context are the same whether the words' facts come
    /// with the tokens or are asked of the words.
    #[test]
    fn local_names_with_and_without_word_facts() {
        let r = rules();
        for text in NAME_TEXTS {
            let f = fold(text);
            let cover = vec![Cover::Free; f.tokens.len()];
            let mut capitals = Vec::new();
            let gaps = Rules::name_gaps(&f, &mut capitals);
            let unknown = vec![WordFacts::UNKNOWN; f.tokens.len()];
            let known = facts_as_the_lexicon_pass_leaves_them(&r, &f);
            let want = name_spans(r.local_names(&f, &cover, &gaps, &unknown));
            assert!(!want.is_empty());
            assert_eq!(
                name_spans(r.local_names(&f, &cover, &gaps, &known)),
                want,
                "{text}"
            );
        }
    }
}
