//! Bare names of institutions that every state has — "le ministère de la
//! Santé", "le commandement de l'armée" — resolved per document.
//!
//! The news often names a ministry without its country when the country goes
//! without saying: a Lebanese outlet's "selon le ministère de la Santé" is the
//! Lebanese one. The lexicon has an entry for each bare name (a *generic*
//! entity, `org:health-ministry`) and `data/generic_names.tsv` lists the
//! specific entities it may stand for. After matching, each generic mention
//! takes the id of
//!
//! 1. the one specific entity of its list that the document names
//!    ("le ministère libanais de la Santé … le ministère a ajouté"), else
//! 2. the specific entity of the document's country, the country of a strict
//!    majority of its place mentions (two at least), else
//! 3. keeps its generic id: still an organisation, never a guess between two
//!    named ministries.
//!
//! This is the only step of [`Lexicon::find`](crate::Lexicon::find) that
//! looks at the whole document; it runs only when a generic entity was found.

use crate::data::Tables;
use crate::error::{Error, ErrorKind};
use crate::hash::FastMap;
use crate::{Entities, Entity, EntityId};

/// The embedded table: generic id, then the specific ids it may stand for.
pub(crate) const GENERIC_NAMES: &str = include_str!("../data/generic_names.tsv");

/// Generic entity ids and, for each, the specific entities it may name.
#[derive(Debug, Default)]
pub(crate) struct Generics {
    specifics: FastMap<String, Vec<String>>,
}

impl Generics {
    /// Reads `text` (`generic <TAB> specific|specific…`, `#` comments).
    /// Every id must be an entry of `tables`.
    ///
    /// # Errors
    /// A line without two columns, an empty list or an unknown id, named
    /// by file and line (skipped instead when `tables.lenient`).
    pub(crate) fn parse(file: &str, text: &str, tables: &Tables) -> Result<Generics, Error> {
        let mut specifics: FastMap<String, Vec<String>> = FastMap::default();
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let parsed = Self::parse_line(line, tables);
            // A specific entity stands under one generic name only, so that
            // two generic entities never become one id twice.
            let parsed = parsed.and_then(|(generic, list)| {
                match list
                    .iter()
                    .find(|id| specifics.values().flatten().any(|seen| seen == *id))
                {
                    Some(twice) => Err(format!("{twice:?} is listed under two generic names")),
                    None => Ok((generic, list)),
                }
            });
            match parsed {
                Ok((generic, list)) => {
                    specifics.insert(generic, list);
                }
                Err(reason) if !tables.lenient => {
                    return Err(Error::new(
                        ErrorKind::Value,
                        format!("{file}:{line_no}: {reason}"),
                    ));
                }
                Err(_) => {}
            }
        }
        Ok(Generics { specifics })
    }

    fn parse_line(line: &str, tables: &Tables) -> Result<(String, Vec<String>), String> {
        let mut columns = line.split('\t');
        let (Some(generic), Some(list), None) = (columns.next(), columns.next(), columns.next())
        else {
            return Err("expected two tab-separated columns: generic id, specific ids".into());
        };
        let known = |id: &str| tables.by_id.contains_key(id);
        let generic = generic.trim();
        if !known(generic) {
            return Err(format!("unknown generic id {generic:?}"));
        }
        let list: Vec<String> = list
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        if list.is_empty() {
            return Err(format!("no specific id for {generic:?}"));
        }
        if let Some(unknown) = list.iter().find(|id| !known(id)) {
            return Err(format!("unknown specific id {unknown:?}"));
        }
        Ok((generic.to_owned(), list))
    }

    /// Gives each generic mention of `found` the specific id the document
    /// points to (see the module docs), merging it into that entity.
    ///
    /// Works on the document's entities (a few dozen), touching only the
    /// mentions of the generic ones: the matcher's bench corpus names an
    /// army command among 20 000 mentions.
    pub(crate) fn resolve(&self, tables: &Tables, found: &mut Entities) {
        if self.specifics.is_empty()
            || !found
                .entities
                .iter()
                .any(|e| self.specifics.contains_key(e.id.as_str()))
        {
            return;
        }
        let country = dominant_country(tables, &found.entities);
        // (index of the generic entity, index of the named target entity
        // or the target's id when only generic mentions name it).
        let mut decisions: Vec<(usize, Result<usize, &str>)> = Vec::new();
        for (ix, entity) in found.entities.iter().enumerate() {
            let Some(list) = self.specifics.get(entity.id.as_str()) else {
                continue;
            };
            let position = |id: &str| found.entities.iter().position(|e| e.id.as_str() == id);
            let named: Vec<usize> = list.iter().filter_map(|id| position(id)).collect();
            let target = match named.as_slice() {
                [one] => Some(Ok(*one)),
                [] => country.and_then(|country| {
                    let mut of_country = list.iter().filter(|id| {
                        entry_of(tables, id).and_then(|e| e.country.as_deref()) == Some(country)
                    });
                    match (of_country.next(), of_country.next()) {
                        (Some(one), None) => Some(Err(one.as_str())),
                        _ => None,
                    }
                }),
                _ => None,
            };
            if let Some(target) = target {
                decisions.push((ix, target));
            }
        }
        if decisions.is_empty() {
            return;
        }
        let mut merged_away = vec![false; found.entities.len()];
        for (generic, target) in decisions {
            let spans = found
                .entities
                .get(generic)
                .map(|e| e.mentions.clone())
                .unwrap_or_default();
            let (id, kind) = match target {
                Ok(ix) => match found.entities.get_mut(ix) {
                    Some(entity) => {
                        entity.mentions.extend_from_slice(&spans);
                        entity.mentions.sort_by_key(|s| s.start);
                        if let Some(flag) = merged_away.get_mut(generic) {
                            *flag = true;
                        }
                        (entity.id.clone(), entity.kind)
                    }
                    None => continue,
                },
                Err(id) => {
                    let (Some(entry), Some(entity)) =
                        (entry_of(tables, id), found.entities.get_mut(generic))
                    else {
                        continue;
                    };
                    entity.id = EntityId::from(id);
                    entity.kind = entry.kind;
                    entity.name = entry.name.clone();
                    (entity.id.clone(), entity.kind)
                }
            };
            // Mentions are sorted by start and never overlap.
            for span in spans {
                let at = found
                    .mentions
                    .partition_point(|m| m.span.start < span.start);
                if let Some(mention) = found.mentions.get_mut(at).filter(|m| m.span == span) {
                    mention.id = id.clone();
                    mention.kind = kind;
                }
            }
        }
        let mut flags = merged_away.into_iter();
        found.entities.retain(|_| !flags.next().unwrap_or(false));
        // In order of first mention, as `find` gives them.
        found
            .entities
            .sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |s| s.start));
    }
}

fn entry_of<'t>(tables: &'t Tables, id: &str) -> Option<&'t crate::data::Entry> {
    let &ix = tables.by_id.get(id)?;
    tables.entries.get(ix as usize)
}

/// The country of a strict majority of the document's place mentions
/// (counting those whose entry has a country), when there are two or more.
fn dominant_country<'t>(tables: &'t Tables, entities: &[Entity]) -> Option<&'t str> {
    let mut counts: FastMap<&str, usize> = FastMap::default();
    let mut total = 0;
    for entity in entities {
        if entity.kind != crate::EntityKind::Place {
            continue;
        }
        if let Some(country) = entry_of(tables, &entity.id).and_then(|e| e.country.as_deref()) {
            *counts.entry(country).or_default() += entity.mentions.len();
            total += entity.mentions.len();
        }
    }
    let (country, count) = counts.into_iter().max_by_key(|&(c, n)| (n, c))?;
    (total >= 2 && count * 2 > total).then_some(country)
}

#[cfg(test)]
mod tests {
    use crate::Lexicon;

    fn ids_of(text: &str, needle: &str) -> Vec<String> {
        let found = Lexicon::embedded().find(text);
        found
            .mentions
            .iter()
            .filter(|m| m.span.slice(text).contains(needle))
            .map(|m| m.id.to_string())
            .collect()
    }

    #[test]
    fn a_bare_ministry_takes_the_one_the_document_names() {
        let text = "Le ministère libanais de la Santé a publié un bilan. \
                    Le ministère de la Santé a ajouté que deux blessés étaient à Beyrouth.";
        assert_eq!(
            ids_of(text, "Santé"),
            [
                "org:lebanese-health-ministry",
                "org:lebanese-health-ministry"
            ]
        );
        let found = Lexicon::embedded().find(text);
        let ministry = found.get("org:lebanese-health-ministry");
        assert_eq!(ministry.map(|e| e.mentions.len()), Some(2));
        assert!(found.get("org:health-ministry").is_none());
    }

    #[test]
    fn a_bare_ministry_takes_the_country_of_the_places() {
        let text = "Des frappes ont visé Nabatiyé et Tyr, puis Saïda. \
                    Selon le ministère de la Santé, trois civils ont été tués.";
        assert_eq!(ids_of(text, "Santé"), ["org:lebanese-health-ministry"]);
    }

    #[test]
    fn a_bare_ministry_stays_generic_when_nothing_decides() {
        // Two health ministries named: no guess.
        let text = "Le ministère syrien de la Santé et le ministère libanais de la Santé \
                    se sont réunis. Le ministère de la Santé a publié un communiqué.";
        assert_eq!(
            ids_of(text, "Santé"),
            [
                "org:syrian-health-ministry",
                "org:lebanese-health-ministry",
                "org:health-ministry"
            ]
        );
        // No place, no named ministry.
        assert_eq!(
            ids_of("Le ministère de la Santé a publié un bilan.", "Santé"),
            ["org:health-ministry"]
        );
        // Places of two countries, none a majority.
        let text = "Des combats à Homs et à Tyr. Le ministère de la Santé a publié un bilan.";
        assert_eq!(ids_of(text, "Santé"), ["org:health-ministry"]);
    }

    #[test]
    fn entities_stay_one_per_id_in_order_of_first_mention() {
        let text = "Le ministère de la Santé a parlé. Le Hezbollah a tiré sur Metoula. \
                    Le ministère libanais de la Santé a compté 3 morts à Tyr et à Saïda.";
        let found = Lexicon::embedded().find(text);
        let first_mentions: Vec<usize> = found
            .entities
            .iter()
            .map(|e| e.mentions.first().map_or(usize::MAX, |s| s.start))
            .collect();
        assert!(first_mentions.windows(2).all(|w| w[0] < w[1]));
        for entity in &found.entities {
            let own = found.mentions.iter().filter(|m| m.id == entity.id).count();
            assert_eq!(own, entity.mentions.len(), "{}", entity.id);
        }
        assert_eq!(
            ids_of(text, "Santé"),
            [
                "org:lebanese-health-ministry",
                "org:lebanese-health-ministry"
            ]
        );
    }

    #[test]
    fn a_broken_line_names_its_file_and_line() {
        let lexicon = Lexicon::embedded();
        let tables = &lexicon.tables;
        let err = super::Generics::parse("g.tsv", "# c\norg:health-ministry\n", tables)
            .expect_err("one column");
        assert!(err.to_string().contains("g.tsv:2"), "{err}");
        let err = super::Generics::parse("g.tsv", "org:health-ministry\torg:nope\n", tables)
            .expect_err("unknown id");
        assert!(err.to_string().contains("org:nope"), "{err}");
        let twice = "org:health-ministry\torg:syrian-health-ministry\n\
                     org:defense-ministry\torg:syrian-health-ministry\n";
        let err = super::Generics::parse("g.tsv", twice, tables).expect_err("listed twice");
        assert!(err.to_string().contains("g.tsv:2"), "{err}");
        let ok = super::Generics::parse("g.tsv", super::GENERIC_NAMES, tables);
        assert!(ok.is_ok(), "{ok:?}");
    }
}
