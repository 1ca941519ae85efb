"""Answers PEP 440 questions with the installed `packaging`, for Pep440DifferentialTest.

Reads one JSON request on stdin:
  {"versions": [text, ...], "specs": [text, ...], "checks": [[spec index, version text], ...]}
and writes one JSON answer on stdout:
  {"packaging": version,
   "versions": [{"valid": bool, "normalized": text, "prerelease": bool}, ...],
   "sorted": [indices of the valid versions, in ascending order; ties keep input order],
   "specs": [bool, ...]  (the set parses and every clause's version is usable),
   "contains": [[contains(v), contains(v, prereleases=True)] or null when the set does not parse, ...]}
"""
import json
import sys

import packaging
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version


def parse_version(text):
    try:
        return Version(text)
    except InvalidVersion:
        return None


def parse_set(text):
    try:
        spec_set = SpecifierSet(text)
        for clause in spec_set:
            # clause versions are parsed lazily; make every one of them parse now
            clause.contains("1.0")
        return spec_set
    except Exception:  # InvalidSpecifier, or an assertion on a clause version that does not parse
        return None


def main():
    request = json.load(sys.stdin)
    parsed = [parse_version(text) for text in request["versions"]]
    versions = [
        {"valid": True, "normalized": str(v), "prerelease": v.is_prerelease} if v is not None else {"valid": False}
        for v in parsed
    ]
    valid = [i for i, v in enumerate(parsed) if v is not None]
    order = sorted(valid, key=lambda i: parsed[i])
    sets = [parse_set(text) for text in request["specs"]]
    contains = [
        [sets[i].contains(text), sets[i].contains(text, prereleases=True)] if sets[i] is not None else None
        for i, text in request["checks"]
    ]
    json.dump(
        {
            "packaging": packaging.__version__,
            "versions": versions,
            "sorted": order,
            "specs": [s is not None for s in sets],
            "contains": contains,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main()
