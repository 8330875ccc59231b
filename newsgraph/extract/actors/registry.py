"""The actor registry and the id helpers every stage shares.

An actor id must be the same in every article for the same real actor, so
ids are made here and only here: ``slugify`` for readable slugs,
``canonical_person_id`` for people (spelling variants such as Pashinian /
Pashinyan map to one id), ``country_of_text`` (re-exported) for countries.
The registry holds known actors (``newsgraph/data/actors.yaml``) plus any
user files, which add entries or override built-in ones by id.
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from newsgraph.records import ACTOR_KINDS
from newsgraph.extract.actors.lexicon import DATA_DIR, country_of_text, fold, read_yaml  # noqa: F401

_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mme", "m"}


def slugify(text: str) -> str:
    """A lower-case ASCII slug ("Quai d'Orsay" -> "quai-dorsay").

    Args:
        text: any name.
    Returns:
        Letters and digits joined by single hyphens ("" for empty input).
    """
    text = fold(text).replace("&", " and ").replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _translit(token: str) -> str:
    """One name token in a canonical transliteration."""
    token = re.sub(r"sk(?:iy|yy|ij|ii|yi)$", "sky", token)
    token = re.sub(r"(?<=[a-z])(?:iy|ij)$", "y", token)
    return token


@functools.lru_cache(maxsize=65536)   # called for every pair of names compared: cache the pure result
def person_key(name: str) -> str:
    """The canonical transliteration of a person's name, as a slug.

    Armenian surnames written -ian or -yan, Slavic -skiy/-skyy/-sky, accents
    and honorifics are folded, so spelling variants of one person agree:
    "Nikol Pashinian" and "Nikol Pashinyan" both give "nikol-pashinyan".

    Args:
        name: a person's name as written.
    Returns:
        The slug (no prefix).
    """
    words = [w for w in re.split(r"[\s]+", slugify(name).replace("-", " ")) if w]
    while words and words[0] in _HONORIFICS and len(words) > 1:
        words = words[1:]
    words = [_translit(w) for w in words]
    if words and len(words[-1]) >= 6 and re.search(r"[^aeiouy]ian$", words[-1]):
        words[-1] = words[-1][:-3] + "yan"
    return "-".join(words)


def canonical_person_id(name: str) -> str:
    """The id of a person, identical across articles for spelling variants.

    Args:
        name: the person's name ("Nikol Pashinian", "Benoît Payan").
    Returns:
        ``"person:<slug>"`` ("person:nikol-pashinyan", "person:benoit-payan").
    """
    return "person:" + person_key(name)


@dataclass
class RegistryEntry:
    """One known actor: ids, names, and when it counts as mentioned."""

    id: str
    name: str
    kind: str
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    holder_role: Optional[str] = None
    roles: list[dict[str, Any]] = field(default_factory=list)   # people: {role, since, until} (years)
    gender: Optional[str] = None                # m or f, for pronouns
    proper: list[str] = field(default_factory=list)   # aliases matched only as written ("Apple", not "apple")

    def role_on(self, date: Optional[str]) -> Optional[str]:
        """The role held on an article date (``YYYY...``), or None.

        Args:
            date: the article's publication date, or None when unknown.
        Returns:
            The fixed ``role`` if set; else the dated role covering the year
            (with no date, the latest open-ended one); else None.
        """
        if self.role:
            return self.role
        year = int(date[:4]) if date and date[:4].isdigit() else None
        for spec in reversed(self.roles):
            since, until = spec.get("since"), spec.get("until")
            if year is None:
                if until is None:
                    return spec["role"]
                continue
            if (since is None or since <= year) and (until is None or year <= until):
                return spec["role"]
        return None

    def out_of_office(self, date: Optional[str]) -> bool:
        """Whether a person's dated roles all lie outside a known article date
        (Suu Kyi in 1996): their office's sector then yields to the text's title."""
        return self.kind == "person" and bool(self.roles) and not self.role and bool(date) \
            and self.role_on(date) is None

    def all_roles(self) -> set:
        """Every role this entry ever held, lower-cased."""
        found = {spec["role"].lower() for spec in self.roles}
        return found | ({self.role.lower()} if self.role else set())


def _entry(data: dict, source: str) -> RegistryEntry:
    name = str(data.get("name") or "").strip()
    kind = str(data.get("kind") or "organization").strip()
    if not name:
        raise ValueError(f"{source}: registry entry without a name: {data!r}")
    if kind not in ACTOR_KINDS:
        raise ValueError(f"{source}: entry {name!r} has kind {kind!r}; use one of {', '.join(ACTOR_KINDS)}")
    ident = str(data.get("id") or "").strip()
    if not ident:
        ident = canonical_person_id(name) if kind == "person" else "org:" + slugify(name)

    def listed(key: str) -> list:
        value = data.get(key) or []
        if isinstance(value, str):
            value = re.split(r"\s*[|;]\s*", value)
        return [str(v).strip() for v in value if str(v).strip()]

    aliases = listed("aliases")
    if name not in aliases and kind != "country" and not data.get("metonyms"):
        aliases.insert(0, name)
    return RegistryEntry(
        id=ident, name=name, kind=kind,
        country=(data.get("country") or None), sector=(data.get("sector") or None),
        role=(data.get("role") or None), aliases=aliases, metonyms=listed("metonyms"),
        generic=listed("generic"), holder_role=data.get("holder_role") or None,
        roles=list(data.get("roles") or []), gender=data.get("gender") or None, proper=listed("proper"))


def _read_entries(path: Path) -> list[RegistryEntry]:
    if path.suffix.lower() == ".csv":
        with open(path, encoding="utf-8", newline="") as handle:
            return [_entry(row, str(path)) for row in csv.DictReader(handle)]
    data = read_yaml(path)
    rows = data if isinstance(data, list) else (data.get("actors") or [])
    return [_entry(row, str(path)) for row in rows]


class Registry:
    """Known actors by id, with lookups by role and by person name."""

    def __init__(self, entries: Iterable[RegistryEntry] = ()):
        self.entries: dict[str, RegistryEntry] = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry: RegistryEntry) -> None:
        """Add an entry, replacing any earlier one with the same id."""
        self.entries[entry.id] = entry
        self.__dict__.pop("_by_role", None)
        self.__dict__.pop("_by_person", None)

    def get(self, actor_id: str) -> Optional[RegistryEntry]:
        """The entry with this id, or None."""
        return self.entries.get(actor_id)

    def __iter__(self):
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    @functools.cached_property
    def _by_role(self) -> dict[str, list[RegistryEntry]]:
        table: dict[str, list[RegistryEntry]] = {}
        for entry in self.entries.values():
            if entry.kind == "person":
                for role in entry.all_roles():
                    table.setdefault(role, []).append(entry)
            elif entry.holder_role:
                table.setdefault("@" + entry.holder_role.lower(), []).append(entry)
        return table

    @functools.cached_property
    def _by_person(self) -> dict[str, RegistryEntry]:
        table: dict[str, RegistryEntry] = {}
        for entry in self.entries.values():
            if entry.kind == "person":
                for alias in [entry.name, *entry.aliases]:
                    table.setdefault(person_key(alias), entry)
        return table

    def holder(self, role: str, date: Optional[str]) -> Optional[RegistryEntry]:
        """The known person holding ``role`` ("President of France") on ``date``.

        Args:
            role: a role string as built by the actor modules.
            date: the article date; without one nobody is guessed.
        Returns:
            The entry, or None.
        """
        if not date:
            return None
        for entry in self._by_role.get(role.lower(), []):
            if (entry.role_on(date) or "").lower() == role.lower():
                return entry
        return None

    def body_for_role(self, role: str) -> Optional[RegistryEntry]:
        """The body whose head holds ``role`` (the Elysée for "President of France")."""
        found = self._by_role.get("@" + role.lower())
        return found[0] if found else None

    def person(self, name: str) -> Optional[RegistryEntry]:
        """The known person with this name or alias (spelling-folded), or None.

        A full name one or two letters off a known one ("Bouteflicka") still
        matches (rapidfuzz ratio >= 92 with the same initial).
        """
        key = person_key(name)
        found = self._by_person.get(key)
        if found is not None or "-" not in key:
            return found
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, self._by_person.keys(), scorer=fuzz.ratio, score_cutoff=92)
        if best and best[0][0] == key[0] and "-" in best[0]:
            return self._by_person[best[0]]
        return None


def load_registry(paths: Iterable[str | Path] = (), builtin: bool = True) -> Registry:
    """The built-in registry extended (or overridden by id) by user files.

    Args:
        paths: YAML files (``actors:`` list or a top-level list of entries)
            or CSV files with columns id,name,aliases,kind,country,sector,role
            (aliases separated by ``|`` or ``;``).
        builtin: start from ``newsgraph/data/actors.yaml`` (default True).
    Returns:
        The ``Registry``.
    Raises:
        FileNotFoundError: a path does not exist.
        ValueError: an entry lacks a name or has an unknown kind.
    """
    registry = Registry(_read_entries(DATA_DIR / "actors.yaml") if builtin else ())
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"actor registry {path} does not exist")
        for entry in _read_entries(path):
            registry.add(entry)
    return registry
