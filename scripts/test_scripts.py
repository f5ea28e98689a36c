#!/usr/bin/env python3
"""Tests of the helpers the lexicon scripts share, and of the data checker.

Cases live in scripts/tests/fold_cases.tsv. Run: python3 scripts/test_scripts.py
(standard library only; check_data runs on the committed data files).
"""

from __future__ import annotations

import subprocess
import sys
import unittest
from pathlib import Path

import lexicon_common

HERE = Path(__file__).resolve().parent


def cases():
    for line in (HERE / "tests" / "fold_cases.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            func, arg, expected = line.split("\t")
            yield func, arg, expected


class HelperCases(unittest.TestCase):
    def test_cases_from_file(self) -> None:
        n = 0
        for func, arg, expected in cases():
            got = getattr(lexicon_common, func)(arg)
            if isinstance(got, bool):
                got = str(got).lower()
            with self.subTest(func=func, arg=arg):
                self.assertEqual(got, expected)
            n += 1
        self.assertGreater(n, 10)

    def test_skeleton_keeps_different_names_apart(self) -> None:
        self.assertNotEqual(lexicon_common.skeleton("Homs"), lexicon_common.skeleton("Hama"))
        self.assertNotEqual(lexicon_common.skeleton("Alep"), lexicon_common.skeleton("Idleb"))


class DataChecker(unittest.TestCase):
    def test_committed_data_passes(self) -> None:
        run = subprocess.run([sys.executable, str(HERE / "check_data.py")],
                             capture_output=True, text=True, check=False)
        self.assertEqual(run.returncode, 0, run.stdout[-2000:])
        self.assertIn("0 error(s)", run.stdout)

    def test_checker_rejects_a_bad_file(self) -> None:
        checker_mod = __import__("check_data")
        checker = checker_mod.Checker()
        checker.check_line("x.tsv:1", "\t".join(["place:x", "place", "X", "planet", "", "",
                                                  "95", "10", "", "", "", "shiny"]))
        errors = " ".join(checker.errors)
        self.assertIn("unknown place type", errors)
        self.assertIn("lat 95 out of range", errors)
        self.assertIn("unknown flag", errors)


if __name__ == "__main__":
    unittest.main()
