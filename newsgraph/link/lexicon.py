"""The link stage's word lists and thresholds, read from ``link.yaml``.

Why a separate module: which event types may be one event, which words name
the same happening and how close two dates must be are decisions a user may
want to tune; they live in a data file with a rationale per entry, and the
clustering code asks this object.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from unidecode import unidecode
from newsgraph.knowledge import data_path
from newsgraph.knowledge.loader import read_yaml

DATA_PATH = data_path("link.yaml")
_WORD = re.compile(r"[a-z0-9_]+")
_DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "today", "yesterday", "tonight", "morning", "afternoon", "evening"}


@dataclass
class LinkLexicon:
    """Loaded link settings; every word list is lower case."""

    family_of: dict[str, str] = field(default_factory=dict)     # type -> family name
    symmetric: set[str] = field(default_factory=set)
    synonym: dict[str, str] = field(default_factory=dict)       # word -> key
    stopwords: set[str] = field(default_factory=set)
    general: set[str] = field(default_factory=set)
    settings: dict[str, float] = field(default_factory=dict)
    party: dict[str, str] = field(default_factory=dict)         # actor id -> the id of the party it is one with
    references: dict[str, str] = field(default_factory=dict)    # event noun -> PLOVER type ("war" -> ASSAULT)
    statements: set[str] = field(default_factory=set)           # types said by one speaker (``statement_types``)
    pronouns: set[str] = field(default_factory=set)             # subjects that carry on the last speaker
    place_bound: set[str] = field(default_factory=set)          # types one city identifies (rallies)
    closures: list[dict] = field(default_factory=list)          # closed roads naming a blockade

    def same_party(self, ids) -> frozenset[str]:
        """Actor ids with each one named as its party (``actor_equivalents`` in ``link.yaml``)."""
        return frozenset(self.party.get(a, a) for a in ids)

    def family(self, event_type: str) -> str:
        """The family name of a PLOVER type (the type itself when alone)."""
        return self.family_of.get(event_type, event_type)

    def compatible(self, a: str, b: str) -> bool:
        """True when types ``a`` and ``b`` may be one event."""
        return a == b or self.family(a) == self.family(b)

    def words(self, text: str) -> list[str]:
        """Content words of ``text``: ascii-folded, lower case, synonyms folded."""
        out = []
        for word in _WORD.findall(unidecode(text or "").lower()):
            # dates are compared on their own; digits and date words would only add noise
            if word in self.stopwords or len(word) < 2 or word.isdigit() or word in _DATE_WORDS:
                continue
            out.append(self.synonym.get(word, word))
        return out

    def key(self, text: str) -> str:
        """``words`` joined by spaces (the string rapidfuzz compares)."""
        return " ".join(self.words(text))

    def setting(self, name: str) -> float:
        return self.settings[name]


def _merge(lex: LinkLexicon, data: dict) -> None:
    for entry in data.get("type_families") or []:
        types = list(entry.get("types") or [])
        name = "+".join(sorted(types))
        for t in types:
            # a type in several families keeps its first one; families chain by type
            lex.family_of.setdefault(t, name)
    for entry in data.get("closure_references") or []:
        lex.closures.append({"words": [str(w) for w in entry.get("words") or []], "noun": str(entry["noun"]),
                             "places": [str(w) for w in entry.get("places") or []]})
    for entry in data.get("place_bound_types") or []:
        lex.place_bound.update(str(t) for t in entry.get("types") or [])
    for entry in data.get("continuing_subjects") or []:
        lex.pronouns.update(str(w).lower() for w in entry.get("words") or [])
    for entry in data.get("statement_types") or []:
        lex.statements.update(str(t) for t in entry.get("types") or [])
    for entry in data.get("symmetric_types") or []:
        lex.symmetric.add(entry["type"])
    for entry in data.get("synonyms") or []:
        for word in entry.get("words") or []:
            lex.synonym[str(word).lower()] = entry["key"]
    for entry in data.get("stopwords") or []:
        lex.stopwords.update(str(w).lower() for w in entry.get("words") or [])
    for entry in data.get("general_populations") or []:
        lex.general.update(str(w).lower() for w in entry.get("words") or [])
    for entry in data.get("event_references") or []:
        for word in entry.get("words") or []:
            lex.references[str(word).lower()] = entry["type"]
    for entry in data.get("actor_equivalents") or []:
        ids = [str(a) for a in entry.get("ids") or []]
        for a in ids:
            lex.party[a] = lex.party.get(ids[0], ids[0])
    for name, entry in (data.get("settings") or {}).items():
        lex.settings[name] = entry["value"] if isinstance(entry, dict) else entry


@lru_cache(maxsize=8)
def load_lexicon(path: Optional[str] = None) -> LinkLexicon:
    """The bundled link lexicon, extended by the YAML file at ``path`` (cached)."""
    lex = LinkLexicon()
    for p in (str(DATA_PATH), path) if path else (str(DATA_PATH),):
        _merge(lex, read_yaml(p))
    return lex
