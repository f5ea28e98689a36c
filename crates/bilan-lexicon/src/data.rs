//! Reading the lexicon TSV format (see the crate docs) into entries.

use crate::EntityKind;
use crate::error::{Error, ErrorKind};
use std::collections::HashMap;

/// The header line every lexicon file starts with.
pub(crate) const HEADER: &str =
    "id\tkind\tname\ttype\tparent\tcountry\tlat\tlon\tgeonames\tallegiance\tvariants\tflags";

/// The facts the lexicon holds about one entity.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// Stable id, `prefix:slug` (`place:qalamoun`).
    pub id: String,
    /// The entity's kind.
    pub kind: EntityKind,
    /// Canonical French name.
    pub name: String,
    /// Finer type (`city`, `militia`, `channel` …), if known.
    pub entity_type: Option<String>,
    /// Id of the parent place or umbrella entity.
    pub parent: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// Latitude and longitude in decimal degrees.
    pub coordinates: Option<(f64, f64)>,
    /// GeoNames id.
    pub geonames: Option<u64>,
    /// Allegiance keywords (`syria`, `iran`, `opposition` …).
    pub allegiance: Vec<String>,
    /// Other spellings (the name itself not repeated).
    pub variants: Vec<String>,
}

/// How one surface form (a name or variant) may match.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags {
    pub case_sensitive: bool,
    pub needs_context: bool,
    pub no_fold: bool,
    pub lowercase_ok: bool,
}

/// A surface form to look for, with the entry it names.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub entry: u32,
    pub surface: String,
    pub flags: Flags,
}

/// Entries and forms being collected from one or more files.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    pub entries: Vec<Entry>,
    pub forms: Vec<Form>,
    pub by_id: HashMap<String, u32>,
    /// Where each entry was defined, for parent errors.
    pub origin: Vec<(String, usize)>,
    /// Skip malformed lines and unknown parents instead of failing.
    pub lenient: bool,
}

fn err(kind: ErrorKind, file: &str, line: usize, msg: impl std::fmt::Display) -> Error {
    Error::new(kind, format!("{file}:{line}: {msg}"))
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

/// The kind named in a data file's `kind` column (also used by the cue files).
pub(crate) fn parse_kind(s: &str) -> Option<EntityKind> {
    Some(match s {
        "place" => EntityKind::Place,
        "armed_group" => EntityKind::ArmedGroup,
        "organization" => EntityKind::Organization,
        "media" => EntityKind::Media,
        "person" => EntityKind::Person,
        _ => return None,
    })
}

fn id_prefix(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Place => "place",
        EntityKind::ArmedGroup => "group",
        EntityKind::Organization => "org",
        EntityKind::Media => "media",
        EntityKind::Person => "person",
    }
}

fn valid_id(id: &str) -> Option<EntityKind> {
    let (prefix, slug) = id.split_once(':')?;
    let kind = match prefix {
        "place" => EntityKind::Place,
        "group" => EntityKind::ArmedGroup,
        "org" => EntityKind::Organization,
        "media" => EntityKind::Media,
        "person" => EntityKind::Person,
        _ => return None,
    };
    let ok = !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(kind)
}

fn parse_coord(
    file: &str,
    line: usize,
    col: &str,
    v: &str,
    max: f64,
) -> Result<Option<f64>, Error> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let x: f64 = v.parse().map_err(|_| {
        err(
            ErrorKind::Value,
            file,
            line,
            format!("column {col}: `{v}` is not a number"),
        )
    })?;
    if !(-max..=max).contains(&x) {
        return Err(err(
            ErrorKind::Value,
            file,
            line,
            format!("column {col}: `{v}` out of range -{max}..={max}"),
        ));
    }
    Ok(Some(x))
}

fn parse_flags(file: &str, line: usize, v: &str) -> Result<Flags, Error> {
    let mut f = Flags::default();
    for flag in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        match flag {
            "case_sensitive" => f.case_sensitive = true,
            "needs_context" => f.needs_context = true,
            "no_fold" => f.no_fold = true,
            "lowercase_ok" => f.lowercase_ok = true,
            _ => {
                return Err(err(
                    ErrorKind::Value,
                    file,
                    line,
                    format!("column flags: unknown flag `{flag}`"),
                ));
            }
        }
    }
    Ok(f)
}

impl Tables {
    /// Add the entities of one file; `file` names it in errors.
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), Error> {
        let mut header_seen = false;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if !header_seen {
                if line.trim() != HEADER {
                    return Err(err(
                        ErrorKind::Header,
                        file,
                        line_no,
                        "expected the header line `id\\tkind\\tname\\t…\\tflags`",
                    ));
                }
                header_seen = true;
                continue;
            }
            match self.add_line(file, line_no, line) {
                Err(_) if self.lenient => {}
                other => other?,
            }
        }
        Ok(())
    }

    fn add_line(&mut self, file: &str, ln: usize, line: &str) -> Result<(), Error> {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 12 {
            return Err(err(
                ErrorKind::Columns,
                file,
                ln,
                format!("expected 12 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0].trim();
        let Some(id_kind) = valid_id(id) else {
            return Err(err(
                ErrorKind::Value,
                file,
                ln,
                format!(
                    "column id: `{id}` is not prefix:slug with a known prefix and a [a-z0-9-] slug"
                ),
            ));
        };
        let kind_col = cols[1].trim();
        let kind = if kind_col.is_empty() {
            None
        } else {
            let Some(k) = parse_kind(kind_col) else {
                return Err(err(
                    ErrorKind::Value,
                    file,
                    ln,
                    format!("column kind: unknown kind `{kind_col}`"),
                ));
            };
            if k != id_kind {
                return Err(err(
                    ErrorKind::Value,
                    file,
                    ln,
                    format!(
                        "column kind: `{kind_col}` does not fit id prefix `{}`",
                        id.split(':').next().unwrap_or("")
                    ),
                ));
            }
            Some(k)
        };
        let name = cols[2].trim();
        let flags = parse_flags(file, ln, cols[11])?;
        let variants: Vec<String> = cols[10]
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();

        let entry_ix = if let Some(&ix) = self.by_id.get(id) {
            // A variants-only line: adds spellings (and their flags) to an existing entity.
            let e = &self.entries[ix as usize];
            if kind.is_some_and(|k| k != e.kind) || (!name.is_empty() && name != e.name) {
                return Err(err(
                    ErrorKind::Conflict,
                    file,
                    ln,
                    format!("id `{id}` already names {} `{}`", id_prefix(e.kind), e.name),
                ));
            }
            if !name.is_empty() {
                // Same name listed again: the flags apply to it too.
                self.forms.push(Form {
                    entry: ix,
                    surface: name.to_string(),
                    flags,
                });
            }
            ix
        } else {
            if name.is_empty() {
                return Err(err(
                    ErrorKind::Value,
                    file,
                    ln,
                    "column name: empty for a new entity",
                ));
            }
            let country = opt(cols[5]);
            if let Some(c) = &country {
                if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                    return Err(err(
                        ErrorKind::Value,
                        file,
                        ln,
                        format!("column country: `{c}` is not an ISO 3166-1 alpha-2 code"),
                    ));
                }
            }
            let lat = parse_coord(file, ln, "lat", cols[6], 90.0)?;
            let lon = parse_coord(file, ln, "lon", cols[7], 180.0)?;
            let coordinates = match (lat, lon) {
                (Some(a), Some(b)) => Some((a, b)),
                (None, None) => None,
                _ => {
                    return Err(err(
                        ErrorKind::Value,
                        file,
                        ln,
                        "columns lat/lon: one without the other",
                    ));
                }
            };
            let geonames = match cols[8].trim() {
                "" => None,
                g => Some(g.parse::<u64>().map_err(|_| {
                    err(
                        ErrorKind::Value,
                        file,
                        ln,
                        format!("column geonames: `{g}` is not an integer id"),
                    )
                })?),
            };
            let entity_type = opt(cols[3]);
            if let Some(t) = &entity_type {
                if !t.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    return Err(err(
                        ErrorKind::Value,
                        file,
                        ln,
                        format!("column type: `{t}` is not a lowercase type word"),
                    ));
                }
            }
            let ix = self.entries.len() as u32;
            self.entries.push(Entry {
                id: id.to_string(),
                kind: id_kind,
                name: name.to_string(),
                entity_type,
                parent: opt(cols[4]),
                country,
                coordinates,
                geonames,
                allegiance: cols[9]
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                variants: Vec::new(),
            });
            self.origin.push((file.to_string(), ln));
            self.by_id.insert(id.to_string(), ix);
            self.forms.push(Form {
                entry: ix,
                surface: name.to_string(),
                flags,
            });
            ix
        };
        for v in variants {
            self.forms.push(Form {
                entry: entry_ix,
                surface: v.clone(),
                flags,
            });
            let e = &mut self.entries[entry_ix as usize];
            if v != e.name && !e.variants.contains(&v) {
                e.variants.push(v);
            }
        }
        Ok(())
    }

    /// Check that every parent names a known entity.
    pub fn check_parents(&mut self) -> Result<(), Error> {
        for (e, (file, ln)) in self.entries.iter_mut().zip(&self.origin) {
            if let Some(p) = &e.parent {
                if !self.by_id.contains_key(p) {
                    if self.lenient {
                        e.parent = None;
                        continue;
                    }
                    return Err(err(
                        ErrorKind::UnknownParent,
                        file,
                        *ln,
                        format!("column parent: `{p}` names no entity"),
                    ));
                }
            }
        }
        Ok(())
    }
}
