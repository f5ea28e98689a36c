//! Data-driven matching cases: `tests/data/cases.tsv` against the test lexicon
//! `tests/data/lexicon.tsv`.

use bilan_lexicon::{EntityKind, Lexicon};

fn test_lexicon() -> Lexicon {
    Lexicon::builder()
        .embedded(false)
        .add_file(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/lexicon.tsv"
        ))
        .build()
        .expect("the test lexicon loads")
}

#[test]
fn cases_from_data_file() {
    let lexicon = test_lexicon();
    let cases = include_str!("data/cases.tsv");
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in cases.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        count += 1;
        let (text, expected) = line.split_once('\t').unwrap_or((line, ""));
        // `\n` in a case stands for a line break (mastheads, bylines).
        let text = &text.replace("\\n", "\n");
        let expected: Vec<String> = expected
            .split(" ; ")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let found = lexicon.find(text);
        let got: Vec<String> = found
            .mentions
            .iter()
            .map(|m| format!("{}={}", m.span.slice(text), m.id))
            .collect();
        if got != expected {
            failures.push(format!(
                "cases.tsv:{}: {text}\n  expected {expected:?}\n  got      {got:?}",
                n + 1
            ));
        }
    }
    assert!(count >= 20, "the case file lost its cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn entities_group_mentions_in_first_mention_order() {
    let lexicon = test_lexicon();
    let text = "Ersal, puis Homs, puis Aarsal.";
    let found = lexicon.find(text);
    let ids: Vec<&str> = found.entities.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["place:aarsal", "place:homs"]);
    assert_eq!(found.entities[0].name, "Aarsal");
    assert_eq!(found.entities[0].mentions.len(), 2);
    let mentions = found.mentions_in(bilan_lexicon::Span::new(0, 6));
    assert_eq!(mentions.len(), 1);
}

#[test]
fn user_file_adds_variants_to_an_embedded_entity() {
    let extra = "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags\n\
                 place:homs\t\t\t\t\t\t\t\t\t\tEmesa\t\n";
    let lexicon = Lexicon::builder()
        .embedded(false)
        .add_file(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/lexicon.tsv"
        ))
        .add_str("extra.tsv", extra)
        .build()
        .expect("loads");
    let found = lexicon.find("Les ruines d’Emesa.");
    assert_eq!(found.mentions.len(), 1);
    assert_eq!(found.mentions[0].id, "place:homs");
    assert!(
        lexicon
            .entry("place:homs")
            .is_some_and(|e| e.variants.iter().any(|v| v == "Emesa"))
    );
}

#[test]
fn entry_facts() {
    let lexicon = test_lexicon();
    let e = lexicon.entry("place:aarsal").expect("present");
    assert_eq!(e.name, "Aarsal");
    assert_eq!(e.parent.as_deref(), Some("place:lebanon"));
    assert_eq!(e.country.as_deref(), Some("LB"));
    assert_eq!(e.coordinates, Some((34.18, 36.42)));
    assert_eq!(e.variants, ["Ersal"]);
    assert!(lexicon.entry("place:nowhere").is_none());
    assert_eq!(lexicon.len(), lexicon.entries().count());
}

/// The embedded lexicon finds exactly `expected` in `text`, as (text, id).
fn assert_mentions(text: &str, expected: &[(&str, &str)]) {
    let found = Lexicon::embedded().find(text);
    let got: Vec<(&str, &str)> = found
        .mentions
        .iter()
        .map(|m| (m.span.slice(text), m.id.as_str()))
        .collect();
    assert_eq!(got, expected);
}

/// A UN body followed by `de l'ONU` is two mentions: the body, then the UN
/// (the complement names an entity of its own).
#[test]
fn un_bodies_leave_their_complement_to_the_un() {
    let text = "Le Conseil de sécurité de l’ONU se réunit ; le Conseil des droits de l'homme des Nations unies aussi.";
    assert_mentions(
        text,
        &[
            ("Conseil de sécurité", "org:un-security-council"),
            ("ONU", "org:un"),
            (
                "Conseil des droits de l'homme",
                "org:un-human-rights-council",
            ),
            ("Nations unies", "org:un"),
        ],
    );
}

/// A spelling shared by a place and a person goes where its cue points
/// (`près de Baghdadi` the Anbar town, `le calife al-Baghdadi` the man); a
/// river named alone needs its own cue (`sur le Tigre`).
#[test]
fn shared_spellings_follow_their_cues() {
    let text = "Un pont sur le Tigre a été détruit près de Baghdadi. \
                Le calife Abou Bakr al-Baghdadi est apparu ; Baghdadi a parlé.";
    assert_mentions(
        text,
        &[
            ("Tigre", "place:tigris"),
            ("Baghdadi", "place:al-baghdadi"),
            ("Abou Bakr al-Baghdadi", "person:abu-bakr-al-baghdadi"),
            ("Baghdadi", "person:abu-bakr-al-baghdadi"),
        ],
    );
}

/// A river is also named alone by the distance to it or a bank of it
/// (`à 900 mètres du Tigre`, `à l'est du Tigre`); the Iraqi
/// counter-terrorism service by its French acronym.
#[test]
fn rivers_by_distance_and_bank_and_the_french_acronym_of_the_cts() {
    let text = "Les unités du SCT sont à 900 mètres du Tigre. \
                À l'est du Tigre, le calme est revenu.";
    assert_mentions(
        text,
        &[
            ("SCT", "group:iraqi-cts"),
            ("Tigre", "place:tigris"),
            ("Tigre", "place:tigris"),
        ],
    );
}

/// A family name alone is the person the document named in full, even
/// when the lexicon knows another person by it.
#[test]
fn a_family_name_is_the_person_named_in_full() {
    let text = "Mohammed Allouche, chef de Jaïch al-Islam, a démenti. Allouche a ajouté.";
    assert_mentions(
        text,
        &[
            ("Mohammed Allouche", "person:mohammad-alloush"),
            ("Jaïch al-Islam", "group:jaish-al-islam"),
            ("Allouche", "person:mohammad-alloush"),
        ],
    );
}

/// Tripoli alone is Lebanon's; Libya's where the text says so.
#[test]
fn tripoli_of_libya_where_the_text_says_so() {
    let text = "Des heurts à Tripoli, dans le nord. La capitale libyenne Tripoli est calme. \
                Le gouvernement libyen de Tripoli a protesté.";
    assert_mentions(
        text,
        &[
            ("Tripoli", "place:tripoli-lebanon"),
            ("Tripoli", "place:tripoli-libya"),
            ("Tripoli", "place:tripoli-libya"),
        ],
    );
}

/// The next names of a list share the cue before the first one: `Chifa`,
/// a quarter whose name needs a cue, after `les quartiers de Zanjili et de`.
#[test]
fn listed_names_share_the_cue_before_the_list() {
    let text = "Les secours fouillent les quartiers de Zanjili et de Chifa.";
    let found = Lexicon::embedded().find(text);
    let got: Vec<&str> = found.mentions.iter().map(|m| m.span.slice(text)).collect();
    assert_eq!(got, ["Zanjili", "Chifa"]);
    let alone = "Les secours fouillent Chifa.";
    assert!(Lexicon::embedded().find(alone).mentions.is_empty());
}

/// The ministries of Syria, Iraq and Lebanon by topic: named with their
/// country, or bare and resolved to the country of the document's places;
/// a general staff named by its country is that country's army.
#[test]
fn ministries_by_topic_and_general_staffs() {
    let text = "Le ministère irakien de l'Électricité a réparé la ligne de Mossoul. \
                Selon le ministère des Migrations et des Déplacés, les familles rentrent à Ramadi.";
    assert_mentions(
        text,
        &[
            (
                "ministère irakien de l'Électricité",
                "org:iraqi-electricity-ministry",
            ),
            ("Mossoul", "place:mosul"),
            (
                "ministère des Migrations et des Déplacés",
                "org:iraqi-migration-ministry",
            ),
            ("Ramadi", "place:ramadi"),
        ],
    );
    let text = "L'état-major turc dit avoir frappé des positions près d'Afrin.";
    assert_mentions(
        text,
        &[
            ("état-major turc", "group:turkish-army"),
            ("Afrin", "place:afrin"),
        ],
    );
}

/// "La coalition" alone is the international coalition; a coalition of
/// something else ("la coalition de l'opposition") is not.
#[test]
fn the_coalition_alone_is_the_international_one() {
    assert_mentions(
        "La coalition a mené douze frappes sur Raqqa.",
        &[
            ("coalition", "group:international-coalition"),
            ("Raqqa", "place:raqqa"),
        ],
    );
    assert_mentions("La coalition de l'opposition a protesté.", &[]);
}

/// The UN force in south Lebanon is an armed force: its peacekeepers are
/// soldiers, counted as its members.
#[test]
fn the_un_force_in_lebanon_is_an_armed_group() {
    assert_mentions(
        "La Force intérimaire des Nations unies au Liban (Finul) a dénoncé des tirs près de Naqoura.",
        &[
            (
                "Force intérimaire des Nations unies au Liban",
                "group:unifil",
            ),
            ("Finul", "group:unifil"),
            ("Naqoura", "place:naqoura"),
        ],
    );
}

/// The monitor's name in the wording of "human rights" some outlets use.
#[test]
fn the_monitor_is_named_by_human_rights_too() {
    assert_mentions(
        "L'Observatoire syrien des droits humains a compté 12 morts à Deraa.",
        &[
            ("Observatoire syrien des droits humains", "org:osdh"),
            ("Deraa", "place:daraa"),
        ],
    );
}

/// A person's family name that is also a given name (`Ibrahim`) names him
/// again after a title (`M. Ibrahim`), and only there.
#[test]
fn a_titled_family_name_names_the_person_again() {
    assert_mentions(
        "Le général Abbas Ibrahim a mené les négociations, a indiqué M. Ibrahim.",
        &[
            ("Abbas Ibrahim", "person:abbas-ibrahim"),
            ("Ibrahim", "person:abbas-ibrahim"),
        ],
    );
}

/// A capitalised demonym is no name, even when it folds like a village
/// ("Syrien" like Sirrin, "Arabe" like Arrabah).
#[test]
fn demonyms_are_no_places() {
    assert_mentions(
        "Parmi eux figurent un Syrien, une Syrienne et un Arabe de Homs.",
        &[("Homs", "place:homs")],
    );
}

/// A capitalised French word that folds like a place ("Série" like Syrie,
/// "Tonnes" like Tunis, "Guerre" like the village of Gwer) is no name; the
/// place spelt as listed still is.
#[test]
fn french_words_that_fold_like_places_are_no_names() {
    assert_mentions(
        "Guerre en Syrie : série noire. Série d'attentats à Tunis. Tonnes de vivres livrées.",
        &[("Syrie", "place:syria"), ("Tunis", "place:tunis")],
    );
}

/// Fallujah's al-Jolan quarter is not the Golan (al-Jawlan).
#[test]
fn al_jolan_is_a_quarter_of_fallujah() {
    assert_mentions(
        "Les combats touchent al-Jolan, à Fallouja, loin du Golan.",
        &[
            ("al-Jolan", "place:al-jolan-fallujah"),
            ("Fallouja", "place:fallujah"),
            ("Golan", "place:golan"),
        ],
    );
}

/// A web page's share bar names networks that are buttons, not mentions;
/// the same network named in the article stays one, and furniture words
/// that fold like names ("Tweeter", "Cookies") name nothing.
#[test]
fn share_bars_and_cookie_notices_name_nothing() {
    let text = "Partager sur Facebook   Partager sur Twitter   Envoyer par mail\n\
                Le ministre a annoncé sa démission sur Twitter.\n\
                Partager   Tweeter   WhatsApp\n\
                Cookies : ce site en utilise.";
    assert_mentions(text, &[("Twitter", "media:twitter")]);
    // A long text with no line break: each look for the line stays bounded.
    let long = "Facebook ".repeat(20_000);
    let found = Lexicon::embedded().find(&long);
    assert_eq!(found.mentions.len(), 20_000);
}

/// The civil defences are named in lowercase as often as not, after a
/// speech verb ("a précisé la défense civile syrienne"): the spellings
/// with their country are flagged `lowercase_ok`.
#[test]
fn civil_defences_in_lowercase() {
    assert_mentions(
        "Les frappes ont détruit six maisons, a précisé la défense civile syrienne.",
        &[("défense civile syrienne", "org:white-helmets")],
    );
    assert_mentions(
        "Selon la défense civile libanaise, deux secouristes ont été blessés.",
        &[("défense civile libanaise", "org:lebanese-civil-defense")],
    );
}

/// A name never runs across a line break or a bar: "Liban | Sud-Liban"
/// is a rubric and its section, not "Liban Sud"; the dots of a name are
/// its own ("George W. Bush").
#[test]
fn names_stop_at_line_breaks_and_bars() {
    assert_mentions(
        "Liban | Sud-Liban\n\nSud-Liban\nSud : deux obus.",
        &[
            ("Liban", "place:lebanon"),
            ("Sud-Liban", "place:south-lebanon-governorate"),
            ("Sud-Liban", "place:south-lebanon-governorate"),
        ],
    );
    assert_mentions(
        "Selon George W. Bush, la guerre est finie.",
        &[("George W. Bush", "person:george-w-bush")],
    );
}

/// An elite unit named with its qualifier: "l'unité d'élite Radwan".
#[test]
fn elite_units_are_named_with_their_qualifier() {
    assert_mentions(
        "Trois membres de l'unité d'élite Radwan ont été tués.",
        &[("unité d'élite Radwan", "group:radwan-force")],
    );
}

/// Given names of the officials, officers and journalists of Turkish,
/// Persian, Hebrew and French news open a person's name with an unknown
/// family name.
#[test]
fn given_names_of_other_languages_open_persons() {
    let text = "Le gouverneur de Hatay, Erdal Kaya, a parlé. Par Jeanine Moreau, le 3 mai.";
    let found = Lexicon::embedded().find(text);
    let persons: Vec<&str> = found
        .mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.span.slice(text))
        .collect();
    assert_eq!(persons, ["Erdal Kaya", "Jeanine Moreau"]);
}

/// Between two entities whose names fold alike, the one spelt as written
/// weighs as much as a cue: "Al-Jazeera" is the channel, "al-Jazira" the
/// region; a cue still outweighs the spelling: "la ville d'al-Mayadeen"
/// is the town, spelt as the channel is.
#[test]
fn names_spelt_as_written_win_between_entities_that_fold_alike() {
    assert_mentions(
        "Les chaînes du Golfe, Al-Jazeera et Al-Arabiya en tête, ont parlé.",
        &[
            ("Al-Jazeera", "media:al-jazeera"),
            ("Al-Arabiya", "media:al-arabiya"),
        ],
    );
    assert_mentions(
        "Des combats ont lieu dans la ville d'al-Mayadeen.",
        &[("al-Mayadeen", "place:mayadin")],
    );
}

/// Bodies named by their short or official French names: the Russian
/// reconciliation centre as "le Centre de réconciliation", the Iraqi human
/// rights commission, the English edition of L'Orient-Le Jour.
#[test]
fn short_and_official_names_of_bodies_and_outlets() {
    assert_mentions(
        "Selon le Centre de réconciliation et la Commission gouvernementale des droits de l'homme, cités par L'Orient Today.",
        &[
            (
                "Centre de réconciliation",
                "org:russian-reconciliation-center",
            ),
            (
                "Commission gouvernementale des droits de l'homme",
                "org:iraqi-hchr",
            ),
            ("L'Orient Today", "media:lorient-today"),
        ],
    );
}

/// A city's name in "-iyeh" is no short mention of a man whose family name
/// ends in "-i": Souleimaniyeh is the Kurdish city, Soleimani the general.
#[test]
fn a_city_in_iyeh_is_not_a_family_name_in_i() {
    assert_mentions(
        "Des milliers de familles ont fui vers Erbil et Souleimaniyeh, où le général Soleimani s'était rendu.",
        &[
            ("Erbil", "place:erbil"),
            ("Souleimaniyeh", "place:sulaymaniyah"),
            ("Soleimani", "person:qassem-soleimani"),
        ],
    );
}

/// Bodies, people and landmarks of the southern Lebanon and Mosul
/// coverage: the Council of the South, the Iraqi security media cell, the
/// IRC, the UNHCR's short French name, Nawaf Salam, the al-Nouri mosque.
#[test]
fn relief_bodies_and_landmarks() {
    assert_mentions(
        "Le Conseil du Sud et le Haut-Commissariat pour les réfugiés ont chiffré les dégâts, selon Nawaf Salam.",
        &[
            ("Conseil du Sud", "org:council-of-the-south"),
            ("Haut-Commissariat pour les réfugiés", "org:unhcr"),
            ("Nawaf Salam", "person:nawaf-salam"),
        ],
    );
    assert_mentions(
        "La Cellule des médias sécuritaires et le Comité international de secours (IRC) ont parlé près de la mosquée al-Nouri.",
        &[
            (
                "Cellule des médias sécuritaires",
                "org:iraqi-joint-command-media",
            ),
            ("Comité international de secours", "org:irc"),
            ("IRC", "org:irc"),
            ("mosquée al-Nouri", "place:al-nouri-mosque"),
        ],
    );
}

/// A name of two words or more set between commas after a person's title
/// and its complement is a person's, known or not ("Le maire de la ville,
/// X Y, a déclaré"); a general "de brigade" is a rank, not a unit.
#[test]
fn names_apposed_to_a_titled_complement_are_persons() {
    assert_mentions(
        "Le maire de la ville, Daham Qattous, a appelé au calme à Tyr.",
        &[
            ("Daham Qattous", "local:person:daham-katus"),
            ("Tyr", "place:tyre"),
        ],
    );
    assert_mentions(
        "Selon le général de brigade Zaal Jabbar, porte-parole du commandement, la ville est tombée.",
        &[("Zaal Jabbar", "local:person:zal-jabar")],
    );
    // One word alone, or no title before the complement, is no person.
    assert_mentions(
        "Le maire de la ville, Qattous, a appelé au calme. Les habitants de la ville, Daham Qattous en tête, sont partis.",
        &[],
    );
}

/// The name after a witness's verb closing a quote is a person's ("»,
/// raconte Oum Firas", "», soupire Nazih"), one word or more.
#[test]
fn witnesses_named_after_their_words_are_persons() {
    assert_mentions(
        "« Nous avons tout perdu », raconte Oum Firas, 47 ans, à Tyr.",
        &[
            ("Oum Firas", "local:person:um-firas"),
            ("Tyr", "place:tyre"),
        ],
    );
    assert_mentions(
        "« Il n'y a plus d'eau », soupire Joumana, une enseignante du port.",
        &[("Joumana", "local:person:jumana")],
    );
}

/// An ambiguous name that ends inside a hyphenated word is no name: "La
/// Croix" (the daily, which needs context) does not hide "Croix-Rouge
/// libanaise" opening a sentence.
#[test]
fn ambiguous_names_do_not_end_inside_a_compound() {
    assert_mentions(
        "La Croix-Rouge libanaise a évacué des blessés de Tyr.",
        &[
            ("Croix-Rouge libanaise", "org:lebanese-red-cross"),
            ("Tyr", "place:tyre"),
        ],
    );
}

/// Places GeoNames' cities500 lacks, curated: a road, a camp, a town and
/// a village.
#[test]
fn curated_small_places_are_found() {
    assert_mentions(
        "Des tirs sur la route du Castello, à Jobas et dans le camp de Beddaoui.",
        &[
            ("route du Castello", "place:castello-road"),
            ("Jobas", "place:jobas"),
            ("Beddaoui", "place:beddawi"),
        ],
    );
}

/// The Israeli police and Lebanon's reconstruction council, by name and
/// acronym.
#[test]
fn the_israeli_police_and_the_cdr_are_found() {
    assert_mentions(
        "Selon la police israélienne, 40 roquettes sont tombées. Le Conseil du développement et de la reconstruction (CDR) chiffre les dégâts.",
        &[
            ("police israélienne", "group:israeli-police"),
            (
                "Conseil du développement et de la reconstruction",
                "org:lebanese-cdr",
            ),
            ("CDR", "org:lebanese-cdr"),
        ],
    );
}

/// "Oum" (the mother's kunya) opens a person's name as "Abou" does,
/// wherever the witness stands ("a confié à l'AFP Oum Samir, 52 ans");
/// in a list of places after a comma, the name is one more place.
#[test]
fn a_mothers_kunya_opens_a_persons_name_outside_lists_of_places() {
    assert_mentions(
        "Nous avons dormi dehors, a confié à l'AFP Oum Samir, 52 ans.",
        &[("AFP", "media:afp"), ("Oum Samir", "local:person:um-samir")],
    );
    assert_mentions(
        "Les soldats ont repris les villages de Tell Maghas, Oum Tawil et Khirbet Fares.",
        &[
            ("Tell Maghas", "local:place:til-magas"),
            ("Oum Tawil", "local:place:um-tauil"),
            ("Khirbet Fares", "local:place:hirbit-faris"),
        ],
    );
}

/// The air forces as the press writes them in lowercase: "l'aviation
/// syrienne", "l'aviation turque" (an entity of its own, under the
/// Turkish army).
#[test]
fn lowercase_air_forces_are_found() {
    assert_mentions(
        "Des raids de l'aviation syrienne puis de l'aviation turque ont visé la ville.",
        &[
            ("aviation syrienne", "group:syrian-air-force"),
            ("aviation turque", "group:turkish-air-force"),
        ],
    );
}
