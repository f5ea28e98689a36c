#!/usr/bin/env python3
"""Validate every lexicon file under crates/bilan-lexicon/data/*.tsv.

Checks, in the load order of the embedded lexicon (EMBEDDED_FILES in
crates/bilan-lexicon/src/lib.rs, read from there when it can be found):
header line, 12 columns, id syntax and prefix/kind agreement, known kinds,
types and flags, ids defined once (later lines with the same id may only add
variants: kind and name empty or equal), parents that exist (place parents
are places), ISO country codes, coordinates in range and given in pairs,
integer GeoNames ids, allegiance keywords, well-formed variants. Also checks
data/stopwords_fr.txt (one lowercase word per line, no duplicates), warns
about names and variants that equal a stopword, and checks that every id of
scripts/required_ids.txt is still defined (ids are forever).

Exit status 1 on any error. `--warnings` also lists spellings shared by
different entities after simple folding (case, accents, spaces, hyphens),
and actor spellings that fold like another entity's under (a rough copy of)
the matcher's transliteration skeleton with neither flagged.

Requirements: Python 3.11 standard library only.
Usage: python3 scripts/check_data.py [--warnings]
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from lexicon_common import DATA_DIR, HEADER, REPO, read_stopwords, simple_fold, skeleton

DEFAULT_ORDER = [
    "countries.tsv", "places_curated.tsv", "places_geonames.tsv",
    "armed_groups.tsv", "organizations.tsv", "media.tsv", "persons.tsv",
]

PREFIX_OF_KIND = {
    "place": "place", "armed_group": "group", "organization": "org",
    "media": "media", "person": "person",
}


def read_types() -> dict[str, set[str]]:
    """The types each kind may have, from data/entity_types.tsv."""
    types: dict[str, set[str]] = defaultdict(set)
    for line in (DATA_DIR / "entity_types.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, typ = line.split("\t")
            types[kind].add(typ)
    return types


TYPES = read_types()

FLAGS = {"case_sensitive", "needs_context", "no_fold", "lowercase_ok"}

ID_RE = re.compile(r"^(place|group|org|media|person):[a-z0-9]+(-[a-z0-9]+)*$")
KEYWORD_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load_order() -> list[str]:
    """File order as the Rust crate embeds them, else the default order."""
    lib = REPO / "crates" / "bilan-lexicon" / "src" / "lib.rs"
    if lib.exists():
        text = lib.read_text(encoding="utf-8")
        m = re.search(r"EMBEDDED_FILES[^=]*=\s*\[(.*?)\];", text, re.S)
        if m:
            files = re.findall(r'"\.\./data/([^"]+\.tsv)"', m.group(1))
            if files:
                return files
    return DEFAULT_ORDER


class Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.entities: dict[str, dict] = {}
        self.forms: dict[str, set[str]] = defaultdict(set)
        # skeleton -> {(id, spelling, flags)}: what the matcher may confuse.
        self.skeletons: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        self.parents: list[tuple[str, int, str, str]] = []
        self.countries: set[str] = set()

    def error(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def check_file(self, path: Path) -> None:
        header_seen = False
        for ln, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            line = raw.rstrip("\r")
            where = f"{path.name}:{ln}"
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not header_seen:
                if line.split("\t") != HEADER:
                    self.error(where, "first non-comment line is not the exact header")
                header_seen = True
                continue
            self.check_line(where, line)
        if not header_seen:
            self.error(path.name, "no header line")

    def check_line(self, where: str, line: str) -> None:
        cols = line.split("\t")
        if len(cols) != len(HEADER):
            self.error(where, f"{len(cols)} columns, expected {len(HEADER)}")
            return
        for c in cols:
            if c != c.strip():
                self.error(where, f"stray spaces around `{c}`")
        (eid, kind, name, typ, parent, country, lat, lon, geonames, allegiance,
         variants, flags) = (c.strip() for c in cols)
        if not ID_RE.match(eid):
            self.error(where, f"bad id `{eid}`")
            return
        prefix = eid.split(":")[0]
        if kind and kind not in PREFIX_OF_KIND:
            self.error(where, f"unknown kind `{kind}`")
            return
        if kind and PREFIX_OF_KIND[kind] != prefix:
            self.error(where, f"kind `{kind}` does not fit id prefix `{prefix}`")
        for f in filter(None, flags.split(",")):
            if f.strip() not in FLAGS:
                self.error(where, f"unknown flag `{f}`")
        vs = variants.split("|") if variants else []
        for v in vs:
            if not v.strip():
                self.error(where, "empty variant (doubled or trailing |)")
            elif v != v.strip():
                self.error(where, f"variant with stray spaces `{v}`")

        existing = self.entities.get(eid)
        if existing is not None:
            if kind and kind != existing["kind"]:
                self.error(where, f"id `{eid}` redefined with another kind")
            if name and name != existing["name"]:
                self.error(where, f"id `{eid}` already names `{existing['name']}` "
                                  f"(defined at {existing['where']})")
            for col, val in (("type", typ), ("parent", parent), ("country", country),
                             ("lat", lat), ("lon", lon), ("geonames", geonames)):
                if val:
                    self.error(where, f"variants-only line for `{eid}` sets {col}")
        else:
            if not kind or not name:
                self.error(where, f"new id `{eid}` without kind and name "
                                  "(a variants-only line before its entity?)")
                return
            if typ and typ not in TYPES[kind]:
                self.error(where, f"unknown {kind} type `{typ}`")
            if country:
                if not re.fullmatch(r"[A-Z]{2}", country):
                    self.error(where, f"bad country code `{country}`")
                elif self.countries and country not in self.countries:
                    self.error(where, f"country `{country}` is not an ISO 3166-1 code")
            if bool(lat) != bool(lon):
                self.error(where, "lat without lon or lon without lat")
            for val, bound, col in ((lat, 90, "lat"), (lon, 180, "lon")):
                if val:
                    try:
                        x = float(val)
                        if not -bound <= x <= bound:
                            self.error(where, f"{col} {val} out of range")
                    except ValueError:
                        self.error(where, f"{col} `{val}` is not a number")
            if geonames and not geonames.isdigit():
                self.error(where, f"geonames `{geonames}` is not an integer")
            for a in filter(None, allegiance.split(",")):
                if not KEYWORD_RE.match(a.strip()):
                    self.error(where, f"bad allegiance keyword `{a}`")
            if parent:
                self.parents.append((where, kind, eid, parent))
            self.entities[eid] = {"kind": kind, "name": name, "where": where}
        for form in [name] + vs:
            if form:
                self.forms[simple_fold(form)].add(eid)
                self.skeletons[skeleton(form)].add((eid, form, flags))

    def check_parents(self) -> None:
        for where, kind, eid, parent in self.parents:
            target = self.entities.get(parent)
            if target is None:
                self.error(where, f"parent `{parent}` of `{eid}` does not exist")
            elif kind == "place" and target["kind"] != "place":
                self.error(where, f"parent `{parent}` of place `{eid}` is not a place")
            elif parent == eid:
                self.error(where, f"`{eid}` is its own parent")

    def check_stopwords(self) -> None:
        path = DATA_DIR / "stopwords_fr.txt"
        seen = set()
        for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            word = line.strip()
            if not word or word.startswith("#"):
                continue
            if word != line or word != word.lower() or " " in word:
                self.error(f"stopwords_fr.txt:{ln}", f"`{line}`: one lowercase word per line")
            if word in seen:
                self.error(f"stopwords_fr.txt:{ln}", f"duplicate `{word}`")
            seen.add(word)
        stop = read_stopwords()
        for folded, ids in self.forms.items():
            if folded in stop:
                self.warnings.append(f"`{folded}` is a stopword and a form of {sorted(ids)}")


def main() -> int:
    show_warnings = "--warnings" in sys.argv
    checker = Checker()
    order = load_order()
    on_disk = sorted(p.name for p in DATA_DIR.glob("*.tsv"))
    lexicon_files = [f for f in order if f in on_disk]
    for missing in sorted(set(order) - set(on_disk)):
        checker.error(missing, "listed in EMBEDDED_FILES but missing")
    # The country codes of countries.tsv are the known ISO codes.
    countries = DATA_DIR / "countries.tsv"
    if countries.exists():
        for line in countries.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) == len(HEADER) and cols[3] == "country":
                checker.countries.add(cols[5])
    for name in lexicon_files:
        checker.check_file(DATA_DIR / name)
    checker.check_parents()
    checker.check_stopwords()
    required = Path(__file__).resolve().parent / "required_ids.txt"
    for ln, line in enumerate(required.read_text(encoding="utf-8").splitlines(), 1):
        rid = line.strip()
        if rid and not rid.startswith("#") and rid not in checker.entities:
            checker.error(f"required_ids.txt:{ln}", f"required id `{rid}` is not defined")
    shared = {f: ids for f, ids in checker.forms.items() if len(ids) > 1}
    # Spellings of an actor and of another entity that fold alike, both
    # without a flag that makes the matcher look twice: worth a look.
    confusable = {}
    for sk, entries in checker.skeletons.items():
        ids = {e for e, _, _ in entries}
        actors = {e for e in ids if not e.startswith("place:")}
        plain = {e for e, _, fl in entries
                 if "needs_context" not in fl and "case_sensitive" not in fl}
        if len(ids) > 1 and actors and len(plain) > 1:
            confusable[sk] = sorted(entries)
    kinds = defaultdict(int)
    for e in checker.entities.values():
        kinds[e["kind"]] += 1
    print(f"files: {', '.join(lexicon_files)}")
    print("entities: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
          + f"; total {len(checker.entities)}")
    print(f"spellings shared by several entities: {len(shared)}")
    print(f"actor spellings that fold like another entity's, unflagged: {len(confusable)}")
    for w in checker.warnings:
        print(f"warning: {w}")
    if show_warnings:
        for f, ids in sorted(shared.items()):
            print(f"shared: {f}: {' '.join(sorted(ids))}")
        for sk, entries in sorted(confusable.items()):
            print(f"confusable: {sk}: " + "; ".join(f"{e} `{form}`" for e, form, _ in entries))
    for e in checker.errors:
        print(f"error: {e}")
    print(f"{len(checker.errors)} error(s)")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
