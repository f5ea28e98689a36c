"""Check extract's JSON Lines against OUTPUT.md and the input texts.

Usage: check_jsonl.py OUT.jsonl TEXT_DIR

Every line is a JSON object with the documented keys, in order; every span is
a byte range of the document's file (TEXT_DIR/doc) whose text is `text`; every
link names an entity of the same document. Prints one summary line.
"""
import json
import os
import sys

DOCUMENT = ["doc", "published", "title", "entities", "claims"]
ENTITY = ["id", "kind", "name", "mentions"]
MENTION = ["start", "end", "text"]
CLAIM = ["kind", "start", "end", "text", "value", "min", "max", "unit", "qualifier",
         "outcome", "victims", "actor", "place", "source", "date"]


def fail(msg):
    sys.exit(f"check_jsonl: {msg}")


def check_keys(obj, keys, where):
    got = list(obj.keys())
    if got[: len(keys)] != keys:
        fail(f"{where}: keys {got}, expected {keys} first")


def check_span(data, obj, where):
    start, end = obj["start"], obj["end"]
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(data)):
        fail(f"{where}: bad span {start}..{end} (input has {len(data)} bytes)")
    try:
        text = data[start:end].decode("utf-8")
    except UnicodeDecodeError:
        fail(f"{where}: span {start}..{end} is not on character boundaries")
    if text != obj["text"]:
        fail(f"{where}: input[{start}..{end}] is {text!r}, not {obj['text']!r}")


def main():
    out, text_dir = sys.argv[1], sys.argv[2]
    docs = claims = mentions = 0
    with open(out, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            doc = json.loads(line)
            check_keys(doc, DOCUMENT, f"line {n}")
            name = doc["doc"]
            data = open(os.path.join(text_dir, name), "rb").read()
            ids = set()
            for e in doc["entities"]:
                check_keys(e, ENTITY, f"{name} entity {e.get('id')}")
                ids.add(e["id"])
                for m in e["mentions"]:
                    check_keys(m, MENTION, f"{name} mention")
                    check_span(data, m, f"{name} entity {e['id']}")
                    mentions += 1
            for c in doc["claims"]:
                check_keys(c, CLAIM, f"{name} claim")
                check_span(data, c, f"{name} claim")
                for link in ("actor", "place", "source"):
                    if c[link] is not None and c[link] not in ids:
                        fail(f"{name}: claim {c['text']!r} {link} {c[link]!r} is not an entity")
                for number in ("value", "min", "max"):
                    v = c[number]
                    if isinstance(v, float) and v.is_integer():
                        fail(f"{name}: claim {c['text']!r} {number} {v} should be an integer")
                claims += 1
            docs += 1
    if docs == 0:
        fail("no documents")
    print(f"check_jsonl: {docs} documents, {claims} claims, {mentions} mentions: ok")


main()
