//! The zone of a publication stamp that gives a time but no zone.
//!
//! French outlets print "Publié le 17/10/2016 à 10h52" in their own local
//! time and never say which. The outlet is named on the page: its masthead
//! or byline before the stamp ("Le Monde avec AFP"), or a credit on the
//! stamp's line ("Publié le 03/05/2017 à 14h12 | AFP"). Its country, in
//! the lexicon's data, gives the zone ([`ZONES`]). No outlet named there,
//! or one whose country spans several zones: no zone, never a guess.

use bilan_article::Dateline;
use bilan_lexicon::{Entities, EntityKind, Lexicon};

/// Country code → IANA zone, one per line (see the file's header).
const ZONES: &str = include_str!("../data/zones.tsv");

/// How far before the stamp the outlet's masthead or byline may stand.
const HEADER_REACH: usize = 1500;
/// How far after the stamp's start a credit on its line may stand.
const CREDIT_REACH: usize = 160;

/// The stamp's day and time in the zone of the outlet named around it.
pub(crate) fn outlet_zoned(
    dateline: &Dateline,
    entities: &Entities,
    lexicon: &Lexicon,
) -> Option<jiff::Zoned> {
    let time = dateline.time?;
    let stamp = dateline.span.start;
    let mut media = entities
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Media);
    let outlet = media
        .clone()
        .find(|m| m.span.end <= stamp && stamp - m.span.start <= HEADER_REACH)
        .or_else(|| {
            media.find(|m| m.span.start >= stamp && m.span.start - stamp <= CREDIT_REACH)
        })?;
    let country = lexicon.entry(&outlet.id)?.country.as_deref()?;
    let zone = zone_of(country)?;
    let tz = jiff::tz::TimeZone::get(zone).ok()?;
    dateline.date.to_datetime(time).to_zoned(tz).ok()
}

/// The zone of `country` in [`ZONES`].
fn zone_of(country: &str) -> Option<&'static str> {
    ZONES
        .lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| line.split_once('\t').filter(|(cc, _)| *cc == country))
        .map(|(_, zone)| zone.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_of_the_table_is_known() {
        let mut count = 0;
        for line in ZONES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (cc, zone) = line.split_once('\t').expect("two columns");
            assert_eq!(cc.len(), 2, "{line}");
            assert!(jiff::tz::TimeZone::get(zone).is_ok(), "unknown zone {zone}");
            count += 1;
        }
        assert!(count >= 20);
        assert_eq!(zone_of("FR"), Some("Europe/Paris"));
        assert_eq!(zone_of("US"), None);
    }

    fn published(text: &str) -> Option<String> {
        let lexicon = Lexicon::embedded();
        let article = bilan_article::parse(text);
        let entities = lexicon.find(text);
        let dateline = article.dateline.as_ref()?;
        outlet_zoned(dateline, &entities, lexicon).map(|z| z.to_string())
    }

    #[test]
    fn a_stamp_takes_the_zone_of_the_outlet_named_above_it() {
        let page = "Le Figaro\nMenu   Rechercher\n\nSyrie : des frappes font 12 morts à Idleb\n\n\
                    Par Le Figaro avec AFP\nPublié le 21/12/2015 à 11:08 , Mis à jour le 21/12/2015 à 13:55\n\n\
                    Des frappes ont tué douze civils dimanche.\n";
        assert_eq!(
            published(page).as_deref(),
            Some("2015-12-21T11:08:00+01:00[Europe/Paris]")
        );
        let olj = "L'Orient-Le Jour\n\nLiban : trois blessés à Tripoli\n\n\
                   Publié le 02/07/2019 à 18h40\n\nTrois personnes ont été blessées.\n";
        assert_eq!(
            published(olj).as_deref(),
            Some("2019-07-02T18:40:00+03:00[Asia/Beirut]")
        );
    }

    #[test]
    fn no_outlet_named_no_zone() {
        let page = "Syrie : des frappes font 12 morts\n\nPublié le 21/12/2015 à 11:08\n\n\
                    Des frappes ont tué douze civils dimanche.\n";
        assert_eq!(published(page), None);
    }
}
