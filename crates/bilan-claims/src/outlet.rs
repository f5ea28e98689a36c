//! The outlet that publishes the article, for "selon notre correspondant",
//! "a indiqué notre envoyé spécial": the publisher's own reporter speaks for
//! it, and the claim is the outlet's.
//!
//! The outlet is whatever the article itself says it is, first found of:
//!
//! 1. the outlet it names as its own anywhere ("selon notre chaîne
//!    al-Manar": a media mention right after "notre" and a noun of
//!    `outlets.tsv`'s `own` rows);
//! 2. its masthead: a media mention in the first lines followed by a dash
//!    ("Al Mayadeen – Sud syrien : …", "Damas, SANA –"), between slashes
//!    ("Idleb / SANA / Les unités…"), or alone on its
//!    line but for separators and `edition` words ("Rudaw", "Al Mayadeen
//!    | Français", "PressTV Français");
//! 3. the signature of its site's time stamp on the dateline's line
//!    (`signature` rows: "Jerusalem Timing" is al-Manar's), when the
//!    article names that outlet somewhere (every link is to an entity the
//!    document mentions, its evidence).
//!
//! None of these: no outlet, and "notre correspondant" credits nobody, as
//! before. Invariant: one pass over the mentions and a bounded look at the
//! bytes before each media mention and after the masthead's: linear time.

use crate::tables::TABLES;
use crate::words::fold;
use bilan_article::Article;
use bilan_lexicon::{EntityKind, Mention};

/// How far into the text a masthead may stand, in bytes.
const MASTHEAD_REACH: usize = 300;
/// How many bytes before a media mention "notre chaîne " is looked for.
const OWN_REACH: usize = 40;

/// The article's outlet, as the module doc says: one of its mentions.
pub(crate) fn document_outlet(
    text: &str,
    article: &Article,
    mentions: &[Mention],
) -> Option<Mention> {
    let media = || mentions.iter().filter(|m| m.kind == EntityKind::Media);
    if let Some(own) = media().find(|m| named_as_own(text, m)) {
        return Some(own.clone());
    }
    if let Some(masthead) = media()
        .take_while(|m| m.span.start < MASTHEAD_REACH)
        .find(|m| {
            dash_after(text, m.span.end) || between_slashes(text, m) || alone_on_its_line(text, m)
        })
    {
        return Some(masthead.clone());
    }
    let dateline = article.dateline.as_ref()?;
    let line_end = text
        .get(dateline.span.start..)?
        .find('\n')
        .map_or(text.len(), |n| dateline.span.start + n);
    let line = text.get(dateline.span.start..line_end)?;
    let (_, id) = TABLES
        .outlet_signatures
        .iter()
        .find(|(words, _)| line.contains(words.as_str()))?;
    // Every link names an entity of the document: the signature's outlet
    // counts only where the article names it too ("a expliqué à al-Manar
    // un expert").
    media().find(|m| m.id.as_str() == id).cloned()
}

/// "notre chaîne al-Manar": the words right before the mention are
/// "notre" and an `own` noun.
fn named_as_own(text: &str, m: &Mention) -> bool {
    let from = m.span.start.saturating_sub(OWN_REACH);
    let Some(before) = (from..m.span.start)
        .find(|&at| text.is_char_boundary(at))
        .and_then(|at| text.get(at..m.span.start))
    else {
        return false;
    };
    // (Most mentions follow an apostrophe or a word glued to them: no
    // words are split for those.)
    if !before.ends_with(char::is_whitespace) {
        return false;
    }
    let mut words = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let (Some(noun), Some(notre)) = (words.next(), words.next()) else {
        return false;
    };
    fold(notre) == "notre" && TABLES.own_media_nouns.contains_key(&fold(noun))
}

/// Whether media mention `m` stands alone on its line, but for separators
/// and `edition` words of `outlets.tsv` ("Rudaw", "Al Mayadeen  |
/// Français", "PressTV Français"): a masthead.
fn alone_on_its_line(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.span.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let after = text.get(m.span.end..).unwrap_or("");
    let rest = &after[..after.find('\n').unwrap_or(after.len())];
    before[line_start..].trim().is_empty()
        && rest
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | ':' | '·' | '•'))
            .filter(|w| !w.is_empty())
            .all(|w| TABLES.masthead_words.contains_key(&fold(w)))
}

/// "Idleb / SANA / Les unités…": an agency's dateline between slashes
/// (not a photo credit, "Photo AFP / X", with no slash before it).
fn between_slashes(text: &str, m: &Mention) -> bool {
    let after = text.get(m.span.end..).map(str::trim_start);
    let before = text.get(..m.span.start).map(str::trim_end);
    after.is_some_and(|rest| rest.starts_with('/')) && before.is_some_and(|b| b.ends_with('/'))
}

/// A dash after the masthead's name ("Al Mayadeen – ", "SANA -").
fn dash_after(text: &str, end: usize) -> bool {
    text.get(end..)
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with(['–', '—', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    use bilan_article::Span;
    use bilan_lexicon::EntityId;

    fn outlet_of(text: &str, named: &[(&str, &str)]) -> Option<String> {
        let article = bilan_article::parse(text);
        let mut mentions: Vec<Mention> = named
            .iter()
            .map(|(name, id)| {
                let start = text.find(name).expect("the name is in the text");
                Mention {
                    span: Span::new(start, start + name.len()),
                    id: EntityId::from(*id),
                    kind: EntityKind::Media,
                }
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        document_outlet(text, &article, &mentions).map(|m| m.id.as_str().to_owned())
    }

    #[test]
    fn the_outlet_named_as_its_own_comes_first() {
        let text = "Beyrouth, ANI –\n\nSelon notre chaîne Al-Manar, les combats ont repris.";
        assert_eq!(
            outlet_of(
                text,
                &[("ANI", "media:ani"), ("Al-Manar", "media:al-manar")]
            )
            .as_deref(),
            Some("media:al-manar")
        );
    }

    #[test]
    fn a_masthead_followed_by_a_dash_names_the_outlet() {
        let text = "Al Mayadeen – Sud : l'armée avance\n\nL'armée est entrée dans la ville.";
        assert_eq!(
            outlet_of(text, &[("Al Mayadeen", "media:al-mayadeen")]).as_deref(),
            Some("media:al-mayadeen")
        );
        // An outlet named in the body, told or quoted, is not the publisher.
        let text = "L'armée avance\n\nUne source a indiqué à Al Mayadeen que l'armée avance.";
        assert_eq!(
            outlet_of(text, &[("Al Mayadeen", "media:al-mayadeen")]),
            None
        );
    }

    #[test]
    fn an_agency_between_slashes_names_the_outlet() {
        let text =
            "L'armée avance\n\nHama / SANA / Les unités de l'armée ont repris deux villages.";
        assert_eq!(
            outlet_of(text, &[("SANA", "media:sana")]).as_deref(),
            Some("media:sana")
        );
        // A photo credit has no slash before the agency.
        let text =
            "L'armée avance\n\nPhoto AFP / Omar Haj Kadour\n\nL'armée est entrée dans la ville.";
        assert_eq!(outlet_of(text, &[("AFP", "media:afp")]), None);
    }

    #[test]
    fn a_masthead_alone_on_its_line_names_the_outlet() {
        for text in [
            "Rudaw\nKurdistan | Irak\n\nL'armée avance\n\nLe photographe de Rudaw a été blessé.",
            "PressTV Français\n\nLiban\n\nL'armée avance dans la vallée.",
            "Al Mayadeen  |  Français\nSyrie\n\nL'armée avance dans la vallée.",
        ] {
            let name = text.split([' ', '\n']).next().expect("a first word");
            let (name, id) = match name {
                "Rudaw" => ("Rudaw", "media:rudaw"),
                "PressTV" => ("PressTV", "media:presstv"),
                _ => ("Al Mayadeen", "media:al-mayadeen"),
            };
            assert_eq!(
                outlet_of(text, &[(name, id)]).as_deref(),
                Some(id),
                "{text}"
            );
        }
        // A name with other words on its line is no masthead.
        let text = "Rudaw rapporte des combats\n\nL'armée avance.";
        assert_eq!(outlet_of(text, &[("Rudaw", "media:rudaw")]), None);
    }

    #[test]
    fn a_time_stamp_signature_names_the_outlet() {
        let text = "12-03-2019 09:40 PM Jerusalem Timing\n\nL'armée avance\n\nSelon notre correspondant, l'armée avance, a dit à Al-Manar un officier.";
        assert_eq!(
            outlet_of(text, &[("Al-Manar", "media:al-manar")]).as_deref(),
            Some("media:al-manar")
        );
        // The outlet is no entity of the document: no link to it.
        let text = "12-03-2019 09:40 PM Jerusalem Timing\n\nL'armée avance\n\nSelon notre correspondant, l'armée avance.";
        assert_eq!(outlet_of(text, &[]), None);
        let text = "Publié le 12/03/2019 à 21h40\n\nL'armée avance.";
        assert_eq!(outlet_of(text, &[]), None);
    }
}
