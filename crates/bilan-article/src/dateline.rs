//! Dateline grammar (nom) and its resolution to a calendar date and a zoned
//! timestamp (jiff).
//!
//! Read forms, each optionally after "Publié le", "Mis à jour le", "Le",
//! "Date :":
//! - `26-04-2024 02:19 AM Jerusalem Timing` (day first, `-`, `/` or `.`;
//!   12-hour clock with AM/PM or 24-hour clock; a city from
//!   `data/zones.txt`);
//! - `28/03/2024 à 17h02`, `jeudi 7 mai 2015 - 14:05`, `1er mars 2024`;
//! - ISO 8601 / RFC 9557: `2024-03-28`, `2024-03-28T17:02:00+02:00`,
//!   `2024-03-28T15:02:00Z`, `2024-03-28T17:02:00+02:00[Asia/Jerusalem]`.
//!
//! A line is a dateline only when the date starts it and what follows is
//! short and not prose (no comma or sentence punctuation, at most six words,
//! or a separator such as `|` or `-` first).

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_till1, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char as one_char, one_of};
use nom::combinator::opt;
use nom::{IResult, Parser};
use std::collections::HashMap;
use std::sync::LazyLock;

type Res<'a, T> = IResult<&'a str, T>;

/// City (folded) → IANA zone name, from `data/zones.txt`.
static ZONES: LazyLock<HashMap<String, &'static str>> =
    LazyLock::new(|| parse_zones(include_str!("../data/zones.txt")));

/// Month names and weekday names, from `data/calendar.txt`.
static CALENDAR: LazyLock<Calendar> =
    LazyLock::new(|| parse_calendar(include_str!("../data/calendar.txt")));

struct Calendar {
    months: HashMap<&'static str, u32>,
    weekdays: Vec<&'static str>,
}

fn parse_zones(data: &'static str) -> HashMap<String, &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(" = "))
        .map(|(city, zone)| (fold(city.trim()), zone.trim()))
        .collect()
}

fn parse_calendar(data: &'static str) -> Calendar {
    let mut months = HashMap::new();
    let mut weekdays = Vec::new();
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((head, names)) = line.split_once(" = ") else {
            continue;
        };
        if let Some(n) = head.strip_prefix("month ") {
            if let Ok(n) = n.trim().parse::<u32>() {
                for name in names.split_whitespace() {
                    months.insert(name, n);
                }
            }
        } else if head == "weekday" {
            weekdays.extend(names.split_whitespace());
        }
    }
    Calendar { months, weekdays }
}

/// Fold a word the way the data files are written: the normalised view.
fn fold(word: &str) -> String {
    crate::normalize::normalize(word).as_str().to_owned()
}

/// Morning or afternoon on a 12-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    Am,
    Pm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RawTime {
    hour: u32,
    minute: u32,
    second: u32,
    meridiem: Option<Meridiem>,
}

/// The zone a dateline gives, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ZoneSpec {
    None,
    /// A city from the zone table: its IANA name.
    Named(&'static str),
    /// A capitalised word after a 12-hour time that is not in the table.
    Unknown(String),
    /// A UTC offset in seconds, with the bracketed IANA name if any.
    Offset(i32, Option<String>),
}

/// What the grammar read from a line, before any validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawDateline {
    year: u32,
    month: u32,
    day: u32,
    time: Option<RawTime>,
    zone: ZoneSpec,
}

/// Why a syntactically read dateline gives no timestamp or no zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    InvalidDate(String),
    UnknownZone(String),
}

/// A resolved dateline: the date, the time if given, the zoned timestamp if
/// a zone is known, and a problem to report if any.
pub(crate) struct Resolved {
    pub date: jiff::civil::Date,
    pub time: Option<jiff::civil::Time>,
    pub zoned: Option<jiff::Zoned>,
    pub problem: Option<Problem>,
}

impl Resolved {
    /// The article's dateline, read on the line at `span`.
    pub(crate) fn dateline(self, span: crate::Span) -> crate::Dateline {
        crate::Dateline {
            span,
            date: self.date,
            time: self.time,
            zoned: self.zoned,
        }
    }
}

fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

/// Between `min` and `max` ASCII digits, not followed by another digit.
fn number(i: &str, min: usize, max: usize) -> Res<'_, u32> {
    let (rest, digits) = take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse(i)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    match digits.parse() {
        Ok(n) => Ok((rest, n)),
        Err(_) => fail(i),
    }
}

fn spaces(i: &str) -> Res<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

fn spaces1(i: &str) -> Res<'_, &str> {
    take_while1(char::is_whitespace).parse(i)
}

fn word(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_alphabetic()).parse(i)
}

/// What may come before the date: source credits ("OLJ / AFP / "), then
/// "Publié le", "Mis à jour le :", "Date :", "Le" …; or nothing.
fn prefix(mut i: &str) -> Res<'_, ()> {
    for _ in 0..3 {
        match credit(i) {
            Ok((rest, ())) => i = rest,
            Err(_) => break,
        }
    }
    let verb = alt((
        publication_verb,
        tag_no_case("mis à jour"),
        tag_no_case("mise à jour"),
        tag_no_case("mis en ligne"),
        tag_no_case("actualisé"),
        tag_no_case("modifié"),
        tag_no_case("date de publication"),
        tag_no_case("date"),
    ));
    let mut stamped = (
        verb,
        opt((spaces1, tag_no_case("le"))),
        opt((spaces, one_char(':'))),
        spaces1,
    );
    if let Ok((rest, _)) = stamped.parse(i) {
        return Ok((rest, ()));
    }
    if let Ok((rest, ())) = byline_then_le(i) {
        return Ok((rest, ()));
    }
    match (tag_no_case("le"), spaces1).parse(i) {
        Ok((rest, _)) => Ok((rest, ())),
        Err(_) => Ok((i, ())),
    }
}

/// "Par Karim Haddad, le ": a byline of one to five capitalised words,
/// a comma, then "le" and the date (L'Orient-Le Jour's "OLJ / Par …, le 19
/// août 2017 à 18h30").
fn byline_then_le(i: &str) -> Res<'_, ()> {
    let (rest, _) = (tag("Par"), spaces1).parse(i)?;
    let (rest, name) = take_till1(|c: char| c == ',').parse(rest)?;
    let words = name.split_whitespace().count();
    let capitalised = name
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "de" | "el" | "al" | "et"));
    if !(1..=5).contains(&words) || !capitalised || name.contains(char::is_numeric) {
        return fail(i);
    }
    let (rest, _) = (one_char(','), spaces1, tag_no_case("le"), spaces1).parse(rest)?;
    Ok((rest, ()))
}

/// One credit before a dateline: a short run without digits, then ` / ` or
/// ` | ` ("OLJ / AFP / ", "L'Orient-Le Jour | Par Karim Nassif | ").
fn credit(i: &str) -> Res<'_, ()> {
    let (rest, name) = take_till1(|c: char| c == '/' || c == '|' || c.is_ascii_digit()).parse(i)?;
    if name.len() > 40 || name.trim().is_empty() {
        return credit_before_stamp(i);
    }
    match (one_of("/|"), spaces1).parse(rest) {
        Ok((rest, _)) => Ok((rest, ())),
        Err(_) => credit_before_stamp(i),
    }
}

/// "Ouest-France avec AFP. " before "Publié le": a credit ended by a full
/// stop, only when the publication stamp follows it.
fn credit_before_stamp(i: &str) -> Res<'_, ()> {
    let (rest, name) = take_till1(|c: char| c == '.' || c.is_ascii_digit()).parse(i)?;
    if name.len() > 40 || name.trim().is_empty() {
        return fail(i);
    }
    let (rest, _) = (one_char('.'), spaces1).parse(rest)?;
    match publication_verb(rest) {
        Ok(_) => Ok((rest, ())),
        Err(_) => fail(i),
    }
}

/// "Publié", "publie", "PUBLIÉ": the verb of a publication stamp.
fn publication_verb(i: &str) -> Res<'_, &str> {
    alt((tag_no_case("publié"), tag_no_case("publie"))).parse(i)
}

/// Whether `line` opens with the verb of a publication stamp ("Publié le
/// 17/10/2016 à 10h52"): the structure looks for such a line inside a web
/// page's blocks.
pub(crate) fn opens_with_stamp(line: &str) -> bool {
    publication_verb(line).is_ok()
}

/// `2024-03-28`.
fn iso_date(i: &str) -> Res<'_, (u32, u32, u32)> {
    let (i, year) = number(i, 4, 4)?;
    let (i, _) = one_char('-').parse(i)?;
    let (i, month) = number(i, 2, 2)?;
    let (i, _) = one_char('-').parse(i)?;
    let (i, day) = number(i, 2, 2)?;
    Ok((i, (year, month, day)))
}

/// `28-03-2024`, `28/03/2024`, `28.03.2024` (one separator throughout).
fn numeric_date(i: &str) -> Res<'_, (u32, u32, u32)> {
    let (i, day) = number(i, 1, 2)?;
    let (i, sep) = one_of("-/.").parse(i)?;
    let (i, month) = number(i, 1, 2)?;
    let (i, _) = one_char(sep).parse(i)?;
    let (i, year) = alt((|i| number(i, 4, 4), |i| number(i, 2, 2))).parse(i)?;
    // Two-digit years ("07/10/14") are this century's up to 69.
    let year = match year {
        0..=69 => 2000 + year,
        70..=99 => 1900 + year,
        _ => year,
    };
    Ok((i, (year, month, day)))
}

/// An optional weekday name ("jeudi", "Jeudi,") before a date.
fn weekday(i: &str) -> Res<'_, ()> {
    let (rest, w) = word(i)?;
    if CALENDAR.weekdays.contains(&fold(w).as_str()) {
        let (rest, _) = (opt(one_char(',')), spaces).parse(rest)?;
        Ok((rest, ()))
    } else {
        fail(i)
    }
}

/// `jeudi 7 mai 2015`, `1er mars 2024`, `7 mai, 2015`.
fn text_date(i: &str) -> Res<'_, (u32, u32, u32)> {
    let (i, day) = number(i, 1, 2)?;
    let (i, _) = opt(alt((tag("er"), tag("ᵉʳ")))).parse(i)?;
    let (i, _) = spaces1(i)?;
    let (i, name) = word(i)?;
    let Some(&month) = CALENDAR.months.get(fold(name).as_str()) else {
        return fail(i);
    };
    let (i, _) = (opt(one_char('.')), opt(one_char(',')), spaces1).parse(i)?;
    let (i, year) = number(i, 4, 4)?;
    Ok((i, (year, month, day)))
}

/// `septembre 6, 2017`, `janv. 01, 2020`: the month first, as the English
/// templates of some outlets' French sites print it (SANA, Pars Today).
/// The comma before the year is required: it tells this form from prose.
fn month_first_date(i: &str) -> Res<'_, (u32, u32, u32)> {
    let (i, name) = word(i)?;
    let Some(&month) = CALENDAR.months.get(fold(name).as_str()) else {
        return fail(i);
    };
    let (i, _) = (opt(one_char('.')), spaces1).parse(i)?;
    let (i, day) = number(i, 1, 2)?;
    let (i, _) = (one_char(','), spaces1).parse(i)?;
    let (i, year) = number(i, 4, 4)?;
    Ok((i, (year, month, day)))
}

/// `02:19 AM`, `17h02`, `17h`, `17:02:00`, `17:02:00.123`.
fn clock(i: &str) -> Res<'_, RawTime> {
    let (i, hour) = number(i, 1, 2)?;
    let (i, sep) = one_of(":hH").parse(i)?;
    let (i, minute) = if sep == ':' {
        number(i, 2, 2)?
    } else {
        let (i, m) = opt(|i| number(i, 2, 2)).parse(i)?;
        (i, m.unwrap_or(0))
    };
    let (i, second) = opt(|i| {
        let (i, _) = one_char(':').parse(i)?;
        number(i, 2, 2)
    })
    .parse(i)?;
    let (i, _) = opt((one_char('.'), take_while1(|c: char| c.is_ascii_digit()))).parse(i)?;
    let (i, meridiem) = opt(meridiem).parse(i)?;
    Ok((
        i,
        RawTime {
            hour,
            minute,
            second: second.unwrap_or(0),
            meridiem,
        },
    ))
}

/// ` AM`, `pm`, ` a.m.` as a whole word.
fn meridiem(i: &str) -> Res<'_, Meridiem> {
    let (rest, _) = spaces(i)?;
    let (rest, m) = alt((
        tag_no_case("a.m."),
        tag_no_case("p.m."),
        tag_no_case("am"),
        tag_no_case("pm"),
    ))
    .parse(rest)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return fail(i);
    }
    let meridiem = if m.starts_with(['a', 'A']) {
        Meridiem::Am
    } else {
        Meridiem::Pm
    };
    Ok((rest, meridiem))
}

/// What may stand between a date and its time: spaces, "à", "-", ",", "|".
fn date_time_separator(i: &str) -> Res<'_, ()> {
    let (i, _) = spaces(i)?;
    let (i, _) = opt((
        alt((
            tag_no_case("à"),
            tag("a"),
            tag("-"),
            tag("–"),
            tag("—"),
            tag(","),
            tag("|"),
        )),
        spaces1,
    ))
    .parse(i)?;
    Ok((i, ()))
}

/// `Z`, `+02:00`, `+0200`, `-05`, then an optional `[Zone/Name]`.
fn utc_offset(i: &str) -> Res<'_, ZoneSpec> {
    let (i, seconds) = alt((
        |i| one_char('Z').parse(i).map(|(i, _)| (i, 0)),
        |i| {
            let (i, sign) = one_of("+-").parse(i)?;
            let (i, hours) = number(i, 2, 2)?;
            let (i, minutes) = opt(|i| {
                let (i, _) = opt(one_char(':')).parse(i)?;
                number(i, 2, 2)
            })
            .parse(i)?;
            let magnitude = i32::try_from(hours * 3600 + minutes.unwrap_or(0) * 60).unwrap_or(0);
            Ok((i, if sign == '-' { -magnitude } else { magnitude }))
        },
    ))
    .parse(i)?;
    let (i, name) = opt(zone_annotation).parse(i)?;
    Ok((i, ZoneSpec::Offset(seconds, name.map(str::to_owned))))
}

/// `[Asia/Jerusalem]` after an ISO offset.
fn zone_annotation(i: &str) -> Res<'_, &str> {
    let (i, _) = one_char('[').parse(i)?;
    let (i, name) = take_till1(|c: char| c == ']' || c.is_whitespace()).parse(i)?;
    let (i, _) = one_char(']').parse(i)?;
    Ok((i, name))
}

/// A word of a city name: letters and hyphens.
fn name_word(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_alphabetic() || c == '-').parse(i)
}

/// A city or zone word after the time: the longest known name of up to three
/// words; an unknown capitalised word only counts after a 12-hour time.
fn zone_words(i: &str, after_meridiem: bool) -> Res<'_, ZoneSpec> {
    let (start, _) = spaces(i)?;
    if let Ok(found) = gmt_offset(start) {
        return Ok(found);
    }
    if let Ok(found) = local_time_of(start) {
        return Ok(found);
    }
    let (ends, found) = known_city(start);
    if let Some(found) = found {
        return Ok(found);
    }
    match ends.first() {
        Some(&end) if after_meridiem && start.starts_with(char::is_uppercase) => {
            let name = &start[..start.len() - end.len()];
            // "02:19 AM Timing": the outlet's trailer, not a city.
            if matches!(name, "Timing" | "Time") {
                return Ok((i, ZoneSpec::None));
            }
            Ok((end, ZoneSpec::Unknown(name.to_owned())))
        }
        _ => Ok((i, ZoneSpec::None)),
    }
}

/// The longest known city name of up to three words at `start`, with the
/// ends of the words read (for reporting an unknown one).
fn known_city(start: &str) -> (Vec<&str>, Option<(&str, ZoneSpec)>) {
    let mut ends = Vec::with_capacity(3);
    let mut rest = start;
    for _ in 0..3 {
        let Ok((after, _)) = name_word(rest) else {
            break;
        };
        ends.push(after);
        match spaces1(after) {
            Ok((next, _)) => rest = next,
            Err(_) => break,
        }
    }
    for &end in ends.iter().rev() {
        let name = &start[..start.len() - end.len()];
        if let Some(&zone) = ZONES.get(&fold(name)) {
            return (ends, Some((end, ZoneSpec::Named(zone))));
        }
    }
    (ends, None)
}

/// `(heure de Paris)`, `heure de Beyrouth`: a known city's local time.
fn local_time_of(i: &str) -> Res<'_, ZoneSpec> {
    let (rest, paren) = opt(one_char('(')).parse(i)?;
    let (rest, _) = (tag_no_case("heure de"), spaces1).parse(rest)?;
    let Some((rest, zone)) = known_city(rest).1 else {
        return fail(i);
    };
    let rest = match paren {
        Some(_) => one_char(')').parse(rest)?.0,
        None => rest,
    };
    Ok((rest, zone))
}

/// `GMT+2`, `UTC+03:00`, `GMT-5`: a fixed offset.
fn gmt_offset(i: &str) -> Res<'_, ZoneSpec> {
    let (i, _) = alt((tag_no_case("gmt"), tag_no_case("utc"))).parse(i)?;
    let (i, sign) = one_of("+-").parse(i)?;
    let (i, hours) = number(i, 1, 2)?;
    let (i, minutes) = opt(|i| {
        let (i, _) = opt(one_char(':')).parse(i)?;
        number(i, 2, 2)
    })
    .parse(i)?;
    let magnitude = i32::try_from(hours * 3600 + minutes.unwrap_or(0) * 60).unwrap_or(0);
    Ok((
        i,
        ZoneSpec::Offset(if sign == '-' { -magnitude } else { magnitude }, None),
    ))
}

/// The grammar of a whole dateline (without the check of what follows).
fn dateline(i: &str) -> Res<'_, RawDateline> {
    alt((plain_dateline, city_dateline)).parse(i)
}

/// A date, its time and zone after an optional prefix ("Publié le").
fn plain_dateline(i: &str) -> Res<'_, RawDateline> {
    let (i, ()) = prefix(i)?;
    let (i, (year, month, day, time)) = alt((iso_date_time, french_date_time)).parse(i)?;
    // The zone: an ISO offset, else a city or GMT/UTC word after the time.
    let (i, zone) = match time {
        Some(t) if t.is_iso => match opt(utc_offset).parse(i)? {
            (i, Some(zone)) => (i, zone),
            (i, None) => zone_words(i, false)?,
        },
        Some(t) => zone_words(i, t.time.meridiem.is_some())?,
        None => (i, ZoneSpec::None),
    };
    Ok((
        i,
        RawDateline {
            year,
            month,
            day,
            time: time.map(|t| t.time),
            zone,
        },
    ))
}

/// A dateline led by the city it was filed from, as agencies write them:
/// "Beyrouth, 8 février 2017 (AFP)", "Fallouja (Irak), 18 juin 2016",
/// "MOSCOU, 14:05 24.03.2018 (Sputnik)", "ERBIL, Rudaw – 17/10/2017 09:30",
/// "Beyrouth, le 18 octobre 2019".
/// A time is in the city's zone when the city is known (`data/zones.txt`).
fn city_dateline(i: &str) -> Res<'_, RawDateline> {
    let (i, city) = city_lead(i)?;
    // "Rudaw –": the outlet between the city and the date.
    let (i, _) = opt((outlet_words, alt((tag("–"), tag("—"), tag("-"))), spaces1)).parse(i)?;
    // "Beyrouth, le 18 octobre 2019": the article of a letter's date.
    let (i, _) = opt((tag_no_case("le"), spaces1)).parse(i)?;
    // The time before the date ("14:05 24.03.2018") or after it.
    let (i, (year, month, day, time)) = alt((
        |i| {
            let (i, time) = clock(i)?;
            let (i, _) = spaces1(i)?;
            let (i, (year, month, day)) = alt((numeric_date, text_date)).parse(i)?;
            Ok((i, (year, month, day, Some(time))))
        },
        |i| {
            let (i, (year, month, day, time)) = french_date_time(i)?;
            Ok((i, (year, month, day, time.map(|t| t.time))))
        },
    ))
    .parse(i)?;
    let zone = match (time, city) {
        (Some(_), Some(zone)) => zone,
        _ => ZoneSpec::None,
    };
    Ok((
        i,
        RawDateline {
            year,
            month,
            day,
            time,
            zone,
        },
    ))
}

/// "Beyrouth, ", "Fallouja (Irak), ", "MOSCOU, ": a place name of up to
/// four capitalised words, an optional country in brackets, then a comma;
/// with the zone of the city when it is a known one.
fn city_lead(i: &str) -> Res<'_, Option<ZoneSpec>> {
    if !i.starts_with(char::is_uppercase) {
        return fail(i);
    }
    let (rest, name) = take_while_m_n(1, 40, |c: char| {
        c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’')
    })
    .parse(i)?;
    if name.split_whitespace().count() > 4 {
        return fail(i);
    }
    let (rest, _) = opt((
        one_char('('),
        take_while_m_n(1, 30, |c: char| c.is_alphabetic() || c == ' '),
        one_char(')'),
    ))
    .parse(rest.trim_start())?;
    let (rest, _) = (spaces, one_char(','), spaces1).parse(rest)?;
    let zone = known_city(name.trim())
        .1
        .filter(|(end, _)| end.trim().is_empty())
        .map(|(_, zone)| zone);
    Ok((rest, zone))
}

/// A time read after a date, and whether the date was ISO (which allows an
/// offset right after the time).
#[derive(Debug, Clone, Copy)]
struct DateTime {
    time: RawTime,
    is_iso: bool,
}

type DateAndTime = (u32, u32, u32, Option<DateTime>);

/// `2024-03-28`, `2024-03-28T17:02:00`, `2024-03-28 17:02`.
fn iso_date_time(i: &str) -> Res<'_, DateAndTime> {
    let (i, (year, month, day)) = iso_date(i)?;
    let (i, time) = opt(|i| {
        let (i, _) = alt((tag("T"), tag("t"), spaces1)).parse(i)?;
        clock(i)
    })
    .parse(i)?;
    let time = time.map(|time| DateTime { time, is_iso: true });
    Ok((i, (year, month, day, time)))
}

/// `jeudi 7 mai 2015 - 14:05`, `28/03/2024 à 17h02`, `26-04-2024 02:19 AM`.
fn french_date_time(i: &str) -> Res<'_, DateAndTime> {
    let (i, _) = opt(weekday).parse(i)?;
    let (i, (year, month, day)) = alt((numeric_date, text_date, month_first_date)).parse(i)?;
    let (i, time) = opt(|i| {
        let (i, ()) = date_time_separator(i)?;
        clock(i)
    })
    .parse(i)?;
    let time = time.map(|time| DateTime {
        time,
        is_iso: false,
    });
    Ok((i, (year, month, day, time)))
}

/// The byte length of a source lead at the start of `text`: a city and its
/// date ("BEYROUTH, 14 mai 2019 (AFP) -") or its outlet ("Damas, SANA –",
/// "Téhéran, IRNA –"), up to and including the dash that ends it. Agencies
/// open their dispatches so, sometimes on a line of its own, sometimes
/// at the start of the first paragraph.
pub(crate) fn source_lead(text: &str) -> Option<usize> {
    let rest = match city_dateline(text) {
        Ok((after, _)) => after,
        // "SANA –": an outlet of one to three words after the city.
        Err(_) => {
            let (rest, _) = city_lead(text).ok()?;
            let (after, outlet) = outlet_words(rest).ok()?;
            if outlet.split_whitespace().count() > 3 {
                return None;
            }
            after
        }
    };
    let (rest, ()) = agency_then_dash(rest).ok()?;
    Some(text.len() - rest.len())
}

/// The date of a source lead that opens a paragraph ("BEYROUTH, 14 mai
/// 2019 (AFP) - Au moins…"): the byte length of the city and date (and
/// time), and the dateline. Only before the lead's closing dash, so that
/// prose opening with a place and a date ("Alep, 3 mai 2016, reste …") is
/// not read as one.
pub(crate) fn lead_dateline(text: &str) -> Option<(usize, RawDateline)> {
    let (after, raw) = city_dateline(text).ok()?;
    agency_then_dash(after).ok()?;
    Some((text.len() - after.len(), raw))
}

/// "SANA ", "Rudaw ", "al-Manar ": an outlet's name (a hyphen only inside
/// a word: " - " ends the lead).
fn outlet_words(i: &str) -> Res<'_, &str> {
    let mut end = 0;
    let mut previous = ' ';
    let mut chars = i.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        let inner_hyphen = c == '-' && previous.is_alphanumeric() && next.is_alphanumeric();
        if !(c.is_alphanumeric() || c == ' ' || c == '.' || inner_hyphen) || at >= 30 {
            break;
        }
        end = at + c.len_utf8();
        previous = c;
    }
    if end == 0 {
        return fail(i);
    }
    Ok((&i[end..], &i[..end]))
}

/// " (AFP) -", " –": an optional agency in brackets, then the dash that
/// ends a source lead.
fn agency_then_dash(i: &str) -> Res<'_, ()> {
    let (i, _) = opt((
        spaces,
        one_char('('),
        take_while_m_n(1, 20, |c: char| c != ')'),
        one_char(')'),
    ))
    .parse(i)?;
    let (i, _) = (spaces, alt((tag("–"), tag("—"), tag("-")))).parse(i)?;
    Ok((i, ()))
}

/// Read `line` (already trimmed) as a dateline, or `None` when it is not one.
pub(crate) fn read(line: &str) -> Option<RawDateline> {
    let (rest, raw) = dateline(line).ok()?;
    trailer_is_not_prose(rest).then_some(raw)
}

/// What follows a dateline on its line: nothing, a separated note
/// ("| Mis à jour …", "(AFP)", ", mis à jour …"), or a few capitalised
/// words without punctuation ("Timing", "Par Jean Martin").
fn trailer_is_not_prose(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.is_empty() || rest.starts_with(['|', '-', '–', '—', '•', '(', '/']) {
        return true;
    }
    // "…, mis à jour le …": a comma is prose unless an update note
    // follows; so is a note with no separator ("Publié le : 14/02/2020 -
    // 09:15 Modifié le : 14/02/2020 - 12:40").
    let update_note = |note: &str| {
        let note = fold(note.trim_start());
        [
            "mis a jour",
            "mise a jour",
            "modifie",
            "actualise",
            "maj",
            "mis en ligne",
        ]
        .iter()
        .any(|n| note.starts_with(n))
    };
    if let Some(after_comma) = rest.strip_prefix(',') {
        return update_note(after_comma);
    }
    if update_note(rest) {
        return true;
    }
    // A few capitalised words ("Timing", "Par AFP"); a lowercase start is
    // the rest of a sentence ("5 avril 2017 les forces ont …").
    rest.starts_with(|c: char| c.is_uppercase())
        && !rest.contains(['.', '!', '?', ',', ';', ':', '…'])
        && rest.split_whitespace().count() <= 6
}

impl RawDateline {
    /// Whether the line gave a time of day.
    pub(crate) fn has_time(&self) -> bool {
        self.time.is_some()
    }

    /// Validate the date, time and zone.
    pub(crate) fn resolve(&self) -> Result<Resolved, Problem> {
        use jiff::civil::{Date, Time};
        use jiff::tz::{Offset, TimeZone};
        let written = || format!("{:02}-{:02}-{:04}", self.day, self.month, self.year);
        let date = match (
            i16::try_from(self.year),
            i8::try_from(self.month),
            i8::try_from(self.day),
        ) {
            (Ok(y), Ok(m), Ok(d)) => Date::new(y, m, d).ok(),
            _ => None,
        }
        .ok_or_else(|| Problem::InvalidDate(format!("no such day: {}", written())))?;
        let Some(raw_time) = self.time else {
            return Ok(Resolved {
                date,
                time: None,
                zoned: None,
                problem: None,
            });
        };
        let hour = match raw_time.meridiem {
            // 12:xx AM is 00:xx, 12:xx PM is 12:xx.
            Some(m) if (1..=12).contains(&raw_time.hour) => {
                raw_time.hour % 12 + if m == Meridiem::Pm { 12 } else { 0 }
            }
            Some(_) => 99,
            None => raw_time.hour,
        };
        let invalid_time = || {
            Problem::InvalidDate(format!(
                "no such time: {:02}:{:02}{}",
                raw_time.hour,
                raw_time.minute,
                match raw_time.meridiem {
                    Some(Meridiem::Am) => " AM",
                    Some(Meridiem::Pm) => " PM",
                    None => "",
                }
            ))
        };
        let time = match (
            i8::try_from(hour),
            i8::try_from(raw_time.minute),
            i8::try_from(raw_time.second),
        ) {
            (Ok(h), Ok(m), Ok(s)) => Time::new(h, m, s, 0).ok(),
            _ => None,
        }
        .ok_or_else(invalid_time)?;
        let civil = date.to_datetime(time);
        let (zoned, problem) = match &self.zone {
            ZoneSpec::None => (None, None),
            ZoneSpec::Named(name) => (
                TimeZone::get(name)
                    .ok()
                    .and_then(|tz| civil.to_zoned(tz).ok()),
                None,
            ),
            ZoneSpec::Unknown(name) => (None, Some(Problem::UnknownZone(name.clone()))),
            ZoneSpec::Offset(seconds, name) => {
                let fixed = Offset::from_seconds(*seconds)
                    .ok()
                    .map(TimeZone::fixed)
                    .and_then(|tz| civil.to_zoned(tz).ok());
                // The offset fixes the instant; a bracketed name, when known,
                // gives the zone to show it in.
                let named = name.as_deref().and_then(|n| TimeZone::get(n).ok());
                match (fixed, named) {
                    (Some(z), Some(tz)) => (Some(z.with_time_zone(tz)), None),
                    (Some(z), None) => (Some(z), None),
                    (None, _) => return Err(invalid_time()),
                }
            }
        };
        Ok(Resolved {
            date,
            time: Some(time),
            zoned,
            problem,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(line: &str) -> Option<String> {
        let raw = read(line)?;
        let r = raw.resolve().ok()?;
        Some(match r.zoned {
            Some(z) => z.to_string(),
            None => r.date.to_string(),
        })
    }

    #[test]
    fn zones_data_file_names_real_zones() {
        let data = include_str!("../data/zones.txt");
        let mut count = 0;
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (city, zone) = line
                .split_once(" = ")
                .unwrap_or_else(|| panic!("line without ` = `: {line}"));
            assert_eq!(fold(city), city, "{city} is not written folded");
            assert!(
                jiff::tz::TimeZone::get(zone).is_ok(),
                "{zone} is not an IANA zone"
            );
            count += 1;
        }
        assert_eq!(ZONES.len(), count, "a city is listed twice");
    }

    #[test]
    fn calendar_data_file_has_every_month() {
        let calendar = &*CALENDAR;
        for n in 1..=12 {
            assert!(calendar.months.values().any(|&m| m == n), "month {n}");
        }
        for name in calendar.months.keys().chain(calendar.weekdays.iter()) {
            assert_eq!(&fold(name), name, "{name} is not written folded");
        }
        assert_eq!(calendar.weekdays.len(), 14);
    }

    #[test]
    fn reads_forms() {
        let cases = [
            (
                "26-04-2024 02:19 AM Jerusalem Timing",
                "2024-04-26T02:19:00+03:00[Asia/Jerusalem]",
            ),
            (
                "28-03-2024 05:02 PM Jerusalem Timing",
                "2024-03-28T17:02:00+02:00[Asia/Jerusalem]",
            ),
            (
                "01-01-2024 12:05 AM Beyrouth",
                "2024-01-01T00:05:00+02:00[Asia/Beirut]",
            ),
            (
                "01-01-2024 12:05 PM Téhéran",
                "2024-01-01T12:05:00+03:30[Asia/Tehran]",
            ),
            ("Publié le 28/03/2024 à 17h02", "2024-03-28"),
            ("jeudi 7 mai 2015 - 14:05", "2015-05-07"),
            (
                "2024-03-28T17:02:00+02:00",
                "2024-03-28T17:02:00+02:00[+02:00]",
            ),
            ("2024-03-28T15:02:00Z", "2024-03-28T15:02:00+00:00[UTC]"),
            ("2024-03-28", "2024-03-28"),
            (
                "1er août 2014 à 9h Paris",
                "2014-08-01T09:00:00+02:00[Europe/Paris]",
            ),
            ("septembre 6, 2017", "2017-09-06"),
            ("janv. 01, 2020 09:10 UTC", "2020-01-01T09:10:00+00:00[UTC]"),
            (
                "OLJ / Par Karim Haddad, le 19 août 2017 à 18h30",
                "2017-08-19",
            ),
            ("27 mars 2024, 15:12", "2024-03-27"),
        ];
        for (line, want) in cases {
            assert_eq!(resolve(line).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn rejects_prose_and_partial_dates() {
        for line in [
            "Le 28 mars 2024, l'armée a repris la ville.",
            "date 2021-10 Monde",
            "28 soldats tués à Alep",
            "2024 : une année de guerre",
            "5 avril 2017 les forces irakiennes reprennent Mossoul",
            "Alep / Damas / 2 000 déplacés",
            "Syrie / Irak : 300 morts en 24 heures",
            "mai 12, des combats",
            "Par ailleurs, le 12 mai 2017 les forces ont avancé",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    #[test]
    fn impossible_dates_are_problems() {
        for line in [
            "31-02-2024 10:00 AM Jerusalem",
            "28-03-2024 13:70 PM Jerusalem",
        ] {
            let raw = read(line).unwrap_or_else(|| panic!("{line} not read"));
            assert!(
                matches!(raw.resolve(), Err(Problem::InvalidDate(_))),
                "{line}"
            );
        }
        let raw = read("28-03-2024 10:00 AM Atlantis Timing");
        let resolved = raw.map(|r| r.resolve());
        assert!(matches!(
            resolved,
            Some(Ok(Resolved {
                problem: Some(Problem::UnknownZone(_)),
                ..
            }))
        ));
    }
}
