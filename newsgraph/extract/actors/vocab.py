"""Sector nouns and role titles: what a common noun says about an actor.

"forces" says MIL, "Senate" says a legislature, "Foreign Minister" says a
government role. These words live in ``newsgraph/data/sectors.yaml`` and
``roles.yaml`` (one line of rationale each) and are read once into plain
lookup tables here, so the actor modules only ask questions.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from newsgraph.extract.actors.lexicon import DATA_DIR, read_yaml


@dataclass(frozen=True)
class SectorNoun:
    """What a sector noun makes of its phrase.

    ``kind`` is ``kind`` ("the country": ``key`` is the actor kind it points
    back to), ``government`` (the country itself), ``body`` (one state
    institution, ``key`` its slug) or ``group`` (people of one sector, ``key``
    the group slug). ``person`` is True for forms that name one unnamed person
    ("official", "soldier"). ``local`` groups named with no nationality belong
    to the place they are in, whatever their sector ("militias in Tripoli");
    ``lower_only`` nouns count only in lower case ("union", not "the Soviet Union").
    """

    kind: str
    sector: Optional[str]
    key: str
    name: str
    qualified_only: bool = False
    person: bool = False
    local: bool = False
    lower_only: bool = False


@dataclass(frozen=True)
class RoleTitle:
    """A title word: the role it gives, the holder's sector and gender."""

    role: str
    sector: Optional[str] = None
    gender: Optional[str] = None
    default_country: Optional[str] = None


@dataclass
class Vocabulary:
    """Lower-case phrase -> meaning tables for sector nouns and titles."""

    sector_nouns: dict[str, SectorNoun] = field(default_factory=dict)
    titles: dict[str, RoleTitle] = field(default_factory=dict)
    honorifics: dict[str, Optional[str]] = field(default_factory=dict)   # honorific -> gender
    former: set[str] = field(default_factory=set)
    acting: set[str] = field(default_factory=set)
    holder_nouns: set[str] = field(default_factory=set)
    name_words: dict[str, str] = field(default_factory=dict)   # last word of an org name -> sector
    max_title_tokens: int = 1

    def title(self, phrase: str) -> Optional[RoleTitle]:
        """The role title spelled by a lower-case phrase, or None."""
        return self.titles.get(phrase)

    def sector_noun(self, phrase: str) -> Optional[SectorNoun]:
        """The sector noun spelled by a lower-case phrase, or None."""
        return self.sector_nouns.get(phrase)


def _title_tokens(phrase: str) -> int:
    return len(phrase.replace("-", " - ").split())


def build_vocabulary(extra_paths: Iterable[str | Path] = ()) -> Vocabulary:
    """Read sectors.yaml and roles.yaml (plus user files of either shape).

    Args:
        extra_paths: user YAML files with ``government``/``bodies``/``groups``
            and/or ``roles``/``honorifics`` sections; their entries win.
    Returns:
        A ready ``Vocabulary``.
    """
    vocab = Vocabulary()
    datas = [read_yaml(DATA_DIR / "sectors.yaml"), read_yaml(DATA_DIR / "roles.yaml")]
    datas += [read_yaml(Path(p)) for p in extra_paths]
    for data in datas:
        gov = data.get("government")
        if gov:
            people = set(gov.get("person_nouns") or [])
            for noun in list(gov.get("nouns") or []) + sorted(people):
                vocab.sector_nouns[noun.lower()] = SectorNoun(
                    "government", gov.get("sector", "GOV"), "", "government",
                    person=noun in people)
        for entry in data.get("kind_nouns") or []:
            for noun in entry["nouns"]:
                vocab.sector_nouns[noun.lower()] = SectorNoun("kind", None, entry["refers_to"], noun)
        for entry in data.get("bodies") or []:
            for noun in entry["nouns"]:
                vocab.sector_nouns[noun.lower()] = SectorNoun(
                    "body", entry.get("sector"), entry["body"], entry["name"])
        for entry in data.get("groups") or []:
            people = {p.lower() for p in entry.get("person") or []}
            for noun in entry["nouns"]:
                vocab.sector_nouns[noun.lower()] = SectorNoun(
                    "group", entry.get("sector"), entry["group"], entry["name"],
                    bool(entry.get("qualified_only")), noun.lower() in people,
                    bool(entry.get("local")), bool(entry.get("lower_only")))
        for entry in data.get("roles") or []:
            title = RoleTitle(entry["role"], entry.get("sector"), entry.get("gender"),
                              entry.get("default_country"))
            for phrase in entry["titles"]:
                vocab.titles[phrase.lower()] = title
        for entry in data.get("honorifics") or []:
            for phrase in entry["titles"]:
                vocab.honorifics[phrase.lower()] = entry.get("gender")
        mods = data.get("modifiers") or {}
        vocab.former.update(w.lower() for w in mods.get("former") or [])
        vocab.acting.update(w.lower() for w in mods.get("acting") or [])
        vocab.holder_nouns.update(w.lower() for w in data.get("holder_nouns") or [])
        for entry in data.get("name_words") or []:
            for word in entry["words"]:
                vocab.name_words[word.lower()] = entry["sector"]
    vocab.max_title_tokens = max([_title_tokens(t) for t in vocab.titles] + [1])
    return vocab


@functools.lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The built-in vocabulary, read once per process."""
    return build_vocabulary()
