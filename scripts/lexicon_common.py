"""Helpers shared by the lexicon generation and validation scripts.

Only the Python 3.11 standard library is used here.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA_DIR = REPO / "crates" / "bilan-lexicon" / "data"

HEADER = [
    "id", "kind", "name", "type", "parent", "country",
    "lat", "lon", "geonames", "allegiance", "variants", "flags",
]

_APOSTROPHES = "'’‘`´ʼʿʾ"


def ascii_fold(text: str) -> str:
    """Strip accents and map apostrophe-like characters to nothing."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    # A few letters that NFKD leaves alone.
    table = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae",
                           "œ": "oe", "ß": "ss", "Ł": "L", "Ø": "O", "Æ": "AE",
                           "Œ": "OE", "ħ": "h", "Ħ": "H"})
    return text.translate(table)


def slugify(text: str) -> str:
    """Lowercase ASCII slug made of [a-z0-9-]."""
    text = ascii_fold(text).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


def simple_fold(text: str) -> str:
    """The folding used to drop duplicate variants: case, accents,
    apostrophes, hyphens and spaces."""
    return re.sub(r"[^a-z0-9]", "", ascii_fold(text).lower())


def is_latin(text: str) -> bool:
    """True when every letter of `text` is a Latin letter."""
    for ch in text:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def fmt_coord(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def write_tsv(path: Path, comments: list[str], rows: list[list[str]]) -> None:
    """Write a lexicon TSV file: comment lines, the header, then rows."""
    lines = [f"# {c}" if c else "#" for c in comments]
    lines.append("\t".join(HEADER))
    for row in rows:
        assert len(row) == len(HEADER), row
        cells = [clean_cell(c) for c in row]
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def clean_cell(cell: str) -> str:
    """No tabs, newlines or stray spaces inside a cell."""
    return re.sub(r"\s+", " ", cell.replace("\t", " ")).strip()


def read_stopwords() -> set[str]:
    """The folded stopwords of data/stopwords_fr.txt."""
    words = set()
    for line in (DATA_DIR / "stopwords_fr.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(simple_fold(line))
    return words


_ARABIC_ARTICLES = {"al", "el", "as", "ad", "an", "ar", "at", "az", "ash", "ech",
                    "es", "ed", "en", "er", "et", "ez", "ul", "adh", "ath"}


def skeleton(text: str) -> str:
    """A rough Python copy of the matcher's transliteration skeleton.

    Used only to spot spellings that the matcher would confuse (a village
    "Shafir" against the newspaper "As-Safir"); the matcher's own folding in
    src/fold.rs is the reference. Drops Arabic articles, a final -e/-eh,
    and maps ch/sh, kh, gh, dj, q/c, e/y, o/ou/w, initial vowels, doubled
    letters and a final -ia to one form each.
    """
    words = re.findall(r"[a-z0-9]+", ascii_fold(text).lower())
    if len(words) > 1:
        words = [w for w in words if w not in _ARABIC_ARTICLES] or words
    out = []
    for w in words:
        if w.endswith("eh") and len(w) > 3:
            w = w[:-2]
        elif w.endswith("e") and len(w) > 3:
            w = w[:-1]
        if w.endswith("ia") and len(w) > 3:
            w = w[:-1]
        w = re.sub(r"c(?=[eiy])", "s", w)
        for a, b in (("qu", "k"), ("sh", "s"), ("ch", "s"), ("kh", "h"), ("gh", "g"), ("dj", "j"),
                     ("ou", "u"), ("q", "k"), ("c", "k"), ("o", "u"), ("w", "u"),
                     ("e", "i"), ("y", "i")):
            w = w.replace(a, b)
        if w and w[0] in "aei":
            w = "a" + w[1:]
        w = re.sub(r"(.)\1+", r"\1", w)
        out.append(w)
    return " ".join(out)
