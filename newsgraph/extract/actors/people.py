"""People: one actor per person, whatever the spelling.

"Nikol Pashinian", "Pashinian" and "Nikol Pashinyan" are one person; "Philippe
Gosselin" and "Béatrice Gosselin" are two. Names are folded (unidecode, lower
case, canonical transliteration) and compared with rapidfuzz: full names by
surname plus a compatible given name, bare surnames by the nearest full name
that carries them. The id comes from the registry when it knows the person,
else from ``canonical_person_id`` of the most frequent full form, so the same
person gets the same id in every article.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from rapidfuzz import fuzz

from newsgraph.extract.actors.lexicon import fold
from newsgraph.extract.actors.mentions import NAME_PARTICLES, Mention
from newsgraph.extract.actors.registry import Registry, canonical_person_id, person_key

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def name_words(name: str) -> list[str]:
    """Folded words of a name without particles and suffixes ("Benoît Payan" -> [benoit, payan])."""
    words = [w.strip(".,") for w in fold(name).replace("-", " ").split()]
    words = [w for w in words if w and w not in _SUFFIXES]
    core = [w for w in words if w not in NAME_PARTICLES]
    return core or words


def _same_word(a: str, b: str, threshold: float) -> bool:
    return a == b or person_key(a) == person_key(b) or fuzz.ratio(a, b) >= threshold


def _given_ok(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    for x in a:
        for y in b:
            if x == y or (len(x) == 1 or len(y) == 1) and x[0] == y[0] or fuzz.ratio(x, y) >= 80:
                return True
    return False


@dataclass
class PersonCluster:
    """The mentions of one person and what is known of the name."""

    full: Counter[str] = field(default_factory=Counter)     # surface full names, counted
    words: list[list[str]] = field(default_factory=list)    # name_words of each full name
    registry_id: Optional[str] = None
    mentions: list[Mention] = field(default_factory=list)

    def matches_full(self, words: list[str], threshold: float) -> bool:
        """Whether a full name (folded words) is this person."""
        for other in self.words:
            if _same_word(words[-1], other[-1], threshold) and _given_ok(words[:-1], other[:-1]):
                return True
            if fuzz.ratio(" ".join(words), " ".join(other)) >= threshold and \
                    fuzz.ratio(words[-1], other[-1]) >= 75:
                return True
        return False

    def matches_single(self, word: str, threshold: float) -> bool:
        """Whether a one-word name is this person's surname."""
        return any(_same_word(word, other[-1], threshold) for other in self.words)

    def canonical_name(self) -> str:
        """The most frequent full form (ties: longest, then earliest)."""
        if self.full:
            order = {name: n for n, name in enumerate(self.full)}
            return max(self.full, key=lambda n: (self.full[n], len(n), -order[n]))
        return self.mentions[0].name

    def ident(self) -> str:
        """The person's id: registry id, else the canonical transliteration."""
        return self.registry_id or canonical_person_id(self.canonical_name())


def _nearest(clusters: list[PersonCluster], m: Mention) -> PersonCluster:
    def distance(c: PersonCluster) -> tuple:
        before = [x.start for x in c.mentions if x.start <= m.start]
        after = [x.start for x in c.mentions if x.start > m.start]
        return (0, m.start - max(before)) if before else (1, min(after) - m.start)
    return min(clusters, key=distance)


def cluster_people(mentions: list[Mention], registry: Registry, threshold: float = 88) -> None:
    """Set the final ``key`` of every named person mention, in place.

    Args:
        mentions: all mentions; only named person ones are touched.
        registry: known people (their ids win).
        threshold: rapidfuzz ratio (0-100) above which two spellings match.
    """
    people = [m for m in mentions if m.kind == "person" and m.named]
    clusters: list[PersonCluster] = []
    by_registry: dict[str, PersonCluster] = {}
    singles = []
    for m in sorted(people, key=lambda x: x.start):
        words = name_words(m.name)
        if not words:
            continue
        reg_id = m.key if m.origin == "registry" else None
        if reg_id is None:
            entry = registry.person(m.name)
            reg_id = entry.id if entry else None
        if len(words) < 2:
            singles.append((m, words[0], reg_id))
            continue
        cluster = by_registry.get(reg_id) if reg_id else None
        if cluster is None:
            cluster = next((c for c in clusters if c.matches_full(words, threshold)), None)
        if cluster is None:
            cluster = PersonCluster()
            clusters.append(cluster)
        if reg_id and not cluster.registry_id:
            cluster.registry_id = reg_id
            by_registry[reg_id] = cluster
        cluster.full[m.name] += 1
        cluster.words.append(words)
        cluster.mentions.append(m)
    for m, word, reg_id in singles:
        found = [c for c in clusters if c.matches_single(word, threshold)]
        if reg_id and reg_id in by_registry:
            cluster = by_registry[reg_id]
        elif found:
            cluster = _nearest(found, m)
        elif reg_id:
            cluster = by_registry[reg_id] = PersonCluster(registry_id=reg_id)
            clusters.append(cluster)
        else:
            cluster = next((c for c in clusters if not c.words and
                            _same_word(word, name_words(c.mentions[0].name)[0], threshold)), None)
            if cluster is None:
                cluster = PersonCluster()
                clusters.append(cluster)
        cluster.mentions.append(m)
    for cluster in clusters:
        ident = cluster.ident()
        name = cluster.canonical_name()
        for m in cluster.mentions:
            m.key = ident
            m.name = name if cluster.full or not cluster.registry_id else m.name
