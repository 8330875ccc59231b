"""The claims lexicon: measure cues, qualifiers and written numbers from YAML.

Why a separate module: the words that decide what a figure counts are data
(``newsgraph/data/claims.yaml``, one rationale line per entry) that users
extend with their own files; the component code only asks questions of the
loaded ``ClaimLexicon``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from newsgraph.knowledge import data_path
from newsgraph.knowledge.loader import read_yaml

DATA_PATH = data_path("claims.yaml")


@dataclass
class Cue:
    """One word that tells what a figure counts."""

    word: str
    measure: str
    where: frozenset[str]
    needs: frozenset[str] = frozenset()
    compound: frozenset[str] = frozenset()


@dataclass
class ClaimLexicon:
    """Everything the claims component looks words up in (all lower case)."""

    cues: dict[str, list[Cue]] = field(default_factory=dict)
    qualifiers: dict[tuple[str, ...], str] = field(default_factory=dict)       # phrase words -> qualifier
    after_qualifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)     # written number -> value
    scales: dict[str, float] = field(default_factory=dict)      # "million" -> value
    vague: dict[tuple[str, ...], float] = field(default_factory=dict)   # "dozens of" -> value
    units: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    not_people: set[str] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)
    identifiers: set[str] = field(default_factory=set)
    event_types: dict[str, set[str]] = field(default_factory=dict)     # measure -> PLOVER types
    reporting_verbs: set[str] = field(default_factory=set)
    estimate_verbs: set[str] = field(default_factory=set)

    def cue(self, words: Iterable[str], where: str, head_lemma: str = "",
            modifiers: Iterable[str] = ()) -> Optional[str]:
        """The measure named by any of ``words`` (lemma, form) used at ``where``.

        Args:
            words: forms of one token to look up (lemma and lower-case text).
            where: ``after``, ``noun``, ``verb`` or ``frame``.
            head_lemma: lemma of the governing verb, for entries with ``needs``.
            modifiers: lower-case words modifying the token, for ``compound``.
        Returns:
            The measure name, or None.
        """
        mods = set(modifiers)
        for word in words:
            for cue in self.cues.get(word, ()):
                if where not in cue.where:
                    continue
                if cue.needs and head_lemma not in cue.needs:
                    continue
                if cue.compound and not (cue.compound & mods):
                    continue
                return cue.measure
        return None

    @property
    def max_qualifier_len(self) -> int:
        return max((len(k) for k in self.qualifiers), default=0)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(str(phrase).lower().split())


def _merge(lex: ClaimLexicon, data: dict) -> None:
    for entry in data.get("cues") or []:
        cue = Cue(str(entry["word"]).lower(), entry["measure"], frozenset(entry.get("where") or ()),
                  frozenset(entry.get("needs") or ()), frozenset(entry.get("compound") or ()))
        lex.cues.setdefault(cue.word, []).append(cue)
    for entry in data.get("qualifiers") or []:
        target = lex.after_qualifiers if entry.get("after") else lex.qualifiers
        target[_words(entry["phrase"])] = entry["qualifier"]
    for entry in data.get("numbers") or []:
        lex.numbers[str(entry["word"]).lower()] = float(entry["value"])
    for entry in data.get("scales") or []:
        lex.scales[str(entry["word"]).lower()] = float(entry["value"])
    for entry in data.get("vague") or []:
        lex.vague[_words(entry["phrase"])] = float(entry["value"])
    for name in ("units", "people", "not_people", "sources", "identifiers", "reporting_verbs",
                 "estimate_verbs"):
        getattr(lex, name).update(str(e["word"]).lower() for e in data.get(name) or [])
    for measure, entry in (data.get("event_types") or {}).items():
        lex.event_types.setdefault(measure, set()).update(entry.get("types") or [])


@lru_cache(maxsize=16)
def load_lexicon(paths: tuple = ()) -> ClaimLexicon:
    """The bundled lexicon extended by the YAML files in ``paths`` (cached).

    Args:
        paths: extra lexicon files, applied after the bundled one.
    Returns:
        The merged ``ClaimLexicon``.
    """
    lex = ClaimLexicon()
    for path in (str(DATA_PATH), *paths):
        _merge(lex, read_yaml(path))
    return lex
