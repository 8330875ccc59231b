"""One id per person across articles: "Pashinian" in one, "Pashinyan" in another.

Why this module exists: the actors component resolves names within one
article; spellings of transliterated names differ between outlets, so the
same prime minister would get two ids and the timeline would split his
calls in two. ``harmonise_actors`` rewrites a new record's person ids to an
already stored id when the names fold to the same person, and records the
alias in ``link_actor_aliases``.

Names fold by: ASCII transliteration (unidecode), lower case, titles
dropped, then a spelling key per word (y/j→i, w→v, ph→f, kh→h, doubled
letters once: "Pashinyan" and "Pashinian" both give "pasinian"). Two
persons are one when their surname keys match (or are ≥ 88 alike by
rapidfuzz), their first names agree (same key, an initial, or one absent
with a single stored candidate) and their countries do not differ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz
from unidecode import unidecode

from newsgraph.records import ArticleRecord
from newsgraph.store import links as tables

TITLES = {"mr", "mrs", "ms", "dr", "prof", "president", "prime", "minister", "pm", "sir", "general", "gen",
          "senator", "sen", "rep", "king", "queen", "prince", "sheikh", "pope", "chancellor", "mayor",
          "foreign", "secretary", "of", "state", "the", "lt", "col", "colonel", "captain", "judge"}
_RULES = [("kh", "h"), ("ph", "f"), ("sh", "s"), ("ch", "c"), ("ck", "k"), ("q", "k"), ("w", "v"),
          ("y", "i"), ("j", "i"), ("ou", "u"), ("ee", "i"), ("dzh", "i"), ("tch", "c")]
SURNAME_MIN = 88
FULL_MIN = 85


def name_words(name: str) -> list[str]:
    """Lower-case ASCII words of a person's name, titles dropped."""
    words = re.findall(r"[a-z]+", unidecode(name or "").lower())
    kept = [w for w in words if w not in TITLES]
    return kept or words


def spelling_key(word: str) -> str:
    """A key equal for common transliterations of one name word."""
    key = word
    for old, new in _RULES:
        key = key.replace(old, new)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key


@dataclass
class PersonKey:
    """A person's name reduced for comparison."""

    first: str
    surname: str
    full: str

    @classmethod
    def of(cls, name: str) -> Optional["PersonKey"]:
        words = name_words(name)
        if not words:
            return None
        keys = [spelling_key(w) for w in words]
        return cls(keys[0] if len(keys) > 1 else "", keys[-1], " ".join(keys))


def same_person(a: PersonKey, b: PersonKey, single_candidate: bool) -> Optional[float]:
    """A score (0-100) when two names can be one person, else None."""
    if a.surname != b.surname and fuzz.ratio(a.surname, b.surname) < SURNAME_MIN:
        return None
    if a.first and b.first:
        if not (a.first == b.first or a.first[0] == b.first[0] and (len(a.first) == 1 or len(b.first) == 1)
                or fuzz.ratio(a.first, b.first) >= FULL_MIN):
            return None
    elif not single_candidate:
        return None
    return fuzz.ratio(a.full, b.full)


def _stored_persons(store) -> list[tuple[str, str, Optional[str], PersonKey]]:
    """(id, name, country, key) of every person some stored article names (cached by row count)."""
    count = tables.person_count(store.conn)
    cached = getattr(store, "_ng_person_cache", None)
    if cached and cached[0] == count:
        return cached[1]
    rows = tables.stored_persons(store.conn)
    persons = [(r[0], r[1], r[2], PersonKey.of(r[1])) for r in rows]
    persons = [p for p in persons if p[3] is not None]
    try:
        store._ng_person_cache = (count, persons)
    except AttributeError:  # pragma: no cover - a store object that refuses attributes
        pass
    return persons


def _alias(store, alias_id: str) -> Optional[str]:
    return tables.alias_of(store.conn, alias_id)


def _used_elsewhere(store, actor_id: str, article_id: Optional[str]) -> bool:
    return tables.used_elsewhere(store.conn, actor_id, article_id)


def match_person(store, actor_id: str, name: str, country: Optional[str],
                 article_id: Optional[str] = None) -> Optional[tuple[str, float, str]]:
    """The stored person id this person is, as ``(id, score, method)``, or None.

    An id another stored article already uses is kept as it is; so the first
    spelling stored becomes everyone's id.
    """
    known = _alias(store, actor_id)
    if known:
        return known, 100.0, "alias"
    key = PersonKey.of(name)
    if key is None or _used_elsewhere(store, actor_id, article_id):
        return None
    persons = [p for p in _stored_persons(store) if p[0] != actor_id]
    near = [p for p in persons if p[3].surname == key.surname or fuzz.ratio(p[3].surname, key.surname) >= SURNAME_MIN]
    near = [p for p in near if not (country and p[2] and p[2] != country)]
    best = None
    for pid, _, _, pkey in near:
        score = same_person(key, pkey, single_candidate=len(near) == 1)
        if score is not None and (best is None or score > best[1]):
            best = (pid, score, "spelling" if pkey.full != key.full else "name")
    return best


def harmonise_actors(record: ArticleRecord, store) -> ArticleRecord:
    """Rewrite the record's person ids to stored ids of the same persons.

    Args:
        record: a freshly extracted article (not yet saved).
        store: the open ``Store`` it will be saved to.
    Returns:
        The same record, with ``actors``, event arguments, quote speakers
        and claim attributions pointing at the stored ids; aliases are
        written to ``link_actor_aliases`` (when the store is writable).
    """
    mapping: dict[str, str] = {}
    for actor in record.actors:
        if actor.kind != "person" or not actor.id:
            continue
        found = match_person(store, actor.id, actor.name, actor.country, record.id)
        if found and found[0] != actor.id:
            mapping[actor.id] = found[0]
            _save_alias(store, actor.id, found[0], actor.name, record.id, found[2], found[1])
    if mapping:
        rename_actors(record, mapping)
    return record


def rename_actors(record: ArticleRecord, mapping: dict[str, str]) -> None:
    """Apply ``old id -> new id`` everywhere in the record, merging duplicates."""
    merged: dict[str, object] = {}
    kept = []
    for actor in record.actors:
        actor.id = mapping.get(actor.id, actor.id)
        if actor.id in merged:
            into = merged[actor.id]
            for start, end in actor.mentions:
                into.add_mention(start, end)
            for alias in [actor.name, *actor.aliases]:
                if alias and alias not in into.aliases and alias != into.name:
                    into.aliases.append(alias)
            continue
        merged[actor.id] = actor
        kept.append(actor)
    record.actors = kept
    for event in record.events:
        for arg in [*event.source, *event.target]:
            if arg.actor in mapping:
                arg.actor = mapping[arg.actor]
    for quote in record.quotes:
        if quote.speaker is not None and quote.speaker.actor in mapping:
            quote.speaker.actor = mapping[quote.speaker.actor]
    for claim in record.claims:
        if claim.attributed_to is not None and claim.attributed_to.actor in mapping:
            claim.attributed_to.actor = mapping[claim.attributed_to.actor]


def _save_alias(store, alias_id: str, actor_id: str, name: str, article_id: str, method: str, score: float) -> None:
    if getattr(store, "readonly", False):
        return
    tables.save_alias(store.conn, alias_id, actor_id, name, article_id, method, score)


def aliases(store) -> dict[str, str]:
    """Every recorded alias: ``alias id -> stored actor id``."""
    return tables.aliases(store.conn)
