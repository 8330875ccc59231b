"""Pronoun word classes read from ``knowledge/data/pronouns.yaml``.

Why this module exists: coreference (``extract.coref``, ``extract.chains``) and
the event argument finder (``extract.events``) both ask what "he", "its" or
"they" can stand for; one data file read here keeps them agreeing, and users
can extend it like any other knowledge file.
"""
from __future__ import annotations

import os
from functools import lru_cache

from newsgraph.knowledge.loader import KnowledgeError, merged

_FILE = "pronouns.yaml"


@lru_cache(maxsize=1)
def _sections() -> dict[str, dict[str, frozenset[str]]]:
    """Section -> {"words", "reflexive"} as lower-case sets: the shipped file plus users'
    files named in ``NEWSGRAPH_PRONOUNS`` (separated by ``:``), lists appended."""
    data = merged(_FILE, [p for p in os.environ.get("NEWSGRAPH_PRONOUNS", "").split(":") if p])
    out: dict[str, dict[str, frozenset[str]]] = {}
    for name, section in data.items():
        if not isinstance(section, dict) or "words" not in section or "why" not in section:
            raise KnowledgeError(f"{_FILE}: section {name!r} needs 'why' and 'words'")
        out[name] = {key: frozenset(str(w).lower() for w in section.get(key) or [])
                     for key in ("words", "reflexive")}
    return out


def words(section: str, reflexive: bool = False) -> frozenset[str]:
    """The words of one section of ``pronouns.yaml`` (with its reflexive forms if asked)."""
    found = _sections().get(section)
    if found is None:
        raise KnowledgeError(f"{_FILE}: no section {section!r}")
    return found["words"] | found["reflexive"] if reflexive else found["words"]


MASCULINE = words("masculine")
FEMININE = words("feminine")
NEUTER = words("neuter")
PLURAL = words("plural")
FIRST_PERSON = words("first_person")
DEMONSTRATIVE = words("demonstrative")
RELATIVE = words("relative")
RELATIVE_SUBJECT = words("relative_subject")
PERSONAL = MASCULINE | FEMININE | NEUTER | PLURAL
