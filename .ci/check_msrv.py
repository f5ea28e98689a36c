"""Check the workspace's rust-version against the installed rustc and the
locked dependencies' declared rust-version.

Usage: check_msrv.py METADATA.json "rustc 1.95.0 (...)"
"""
import json
import re
import sys


def version(text):
    """'1.85' or '1.85.0' -> (1, 85, 0)."""
    parts = [int(p) for p in re.findall(r"\d+", text)[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    metadata = json.load(open(sys.argv[1], encoding="utf-8"))
    installed = version(re.search(r"\d+\.\d+(\.\d+)?", sys.argv[2]).group(0))
    members = set(metadata["workspace_members"])
    ours = [p for p in metadata["packages"] if p["id"] in members]
    declared = {p.get("rust_version") for p in ours}
    if None in declared or len(declared) != 1:
        sys.exit(f"every workspace member must inherit one rust-version, found {declared}")
    msrv_text = declared.pop()
    msrv = version(msrv_text)
    print(f"workspace rust-version {msrv_text}; installed rustc {'.'.join(map(str, installed))}")
    if installed < msrv:
        sys.exit(f"installed rustc is older than rust-version {msrv_text}")
    if msrv < (1, 85, 0):
        sys.exit("edition 2024 needs rust-version >= 1.85")
    # Only packages in the resolved graph count (metadata also lists
    # optional dependencies that are never built).
    resolved = {n["id"] for n in metadata["resolve"]["nodes"]}
    too_new = [
        f"{p['name']} {p['version']} needs {p['rust_version']}"
        for p in metadata["packages"]
        if p["id"] in resolved and p["id"] not in members
        and p.get("rust_version") and version(p["rust_version"]) > msrv
    ]
    if too_new:
        sys.exit("locked dependencies above rust-version " + msrv_text + ":\n  " + "\n  ".join(too_new))
    highest = max(
        (version(p["rust_version"]), p["name"])
        for p in metadata["packages"]
        if p["id"] in resolved and p["id"] not in members and p.get("rust_version")
    )
    print(f"highest dependency rust-version: {'.'.join(map(str, highest[0]))} ({highest[1]}): ok")


main()
