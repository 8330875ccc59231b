"""The PLOVER trigger lexicon, loaded from ``newsgraph/data/plover.yaml``.

Why this module exists: which words signal which PLOVER event is knowledge
analysts want to read and extend without touching code. The YAML holds the
words (each with a line of rationale); this module checks it and turns it
into plain dictionaries keyed by lemma, so the component does one dict lookup
per token. User files given through ``lexicon_paths`` are merged on top:
mappings key by key (a user entry replaces ours), lists appended.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional


from newsgraph.records import PLOVER_TYPES
from newsgraph.knowledge import data_path
from newsgraph.knowledge.loader import read_yaml

DEFAULT_PATH = data_path("plover.yaml")
_ENTRY_SECTIONS = ("verbs", "phrasal", "objects", "nouns", "relation_nouns", "idioms")


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: the PLOVER type (None = "not an event"), mode, constraints."""

    key: str
    type: Optional[str]
    mode: Optional[str] = None
    needs: tuple[tuple[str, Any], ...] = ()   # sorted, hashable
    target_preps: tuple[str, ...] = ()   # extra prepositions introducing this trigger's target

    def need(self, name: str, default=None):
        """The value of constraint ``name`` (e.g. ``"prep"``), or ``default``."""
        for key, value in self.needs:
            if key == name:
                return value
        return default


_LEMMA_CACHE = 50_000   # (lemma, pos, lower) -> repaired lemma entries kept at most


@dataclass
class Lexicon:
    """Every word list the event coder reads, as dicts and sets."""

    verbs: dict[str, Entry] = field(default_factory=dict)          # by lemma
    phrasal: dict[str, Entry] = field(default_factory=dict)        # by "lemma particle"
    idioms: dict[str, Entry] = field(default_factory=dict)         # by "lemma word word ..." (events/idioms.py)
    objects: dict[tuple[str, str], Entry] = field(default_factory=dict)   # by (trigger lemma, object key)
    nouns: dict[str, Entry] = field(default_factory=dict)          # by lemma or "mod lemma"
    relation_nouns: dict[str, Entry] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    casualty_verbs: frozenset[str] = frozenset()
    reversal_verbs: frozenset[str] = frozenset()
    reversal_nouns: frozenset[str] = frozenset()
    reversal_types: dict[str, Entry] = field(default_factory=dict)  # by PLOVER type
    reversal_prefixes: frozenset[str] = frozenset()          # "de" in "de-escalate"
    reversal_phrasal: frozenset[str] = frozenset()           # "call off" (verb particle)
    negating_prefixes: frozenset[str] = frozenset()          # "non" in "non-aggression"
    display_prefixes: frozenset[str] = frozenset()           # "test" in "test-fired"
    escalation_verbs: frozenset[str] = frozenset()
    blockers: frozenset[str] = frozenset()
    frames: dict[str, frozenset[str]] = field(default_factory=dict)          # by frame name
    classes: dict[str, dict[str, Optional[str]]] = field(default_factory=dict)   # name -> {word: value}
    word_classes: dict[str, tuple[str, ...]] = field(default_factory=dict)    # word -> its class names
    sectors: dict[str, str] = field(default_factory=dict)      # noun -> PLOVER sector
    countries: dict[str, str] = field(default_factory=dict)    # demonym or alias -> ISO3
    metonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)   # name -> (country, sector)
    igos: dict[str, str] = field(default_factory=dict)         # body name -> sector
    numbers: dict[str, int] = field(default_factory=dict)
    vague_numbers: dict[str, int] = field(default_factory=dict)
    cooperative: frozenset[str] = frozenset()
    hostile: frozenset[str] = frozenset()
    threaten_modes: dict[str, str] = field(default_factory=dict)  # type -> THREATEN mode
    threaten_own_modes: frozenset[str] = frozenset()
    type_target_preps: dict[str, frozenset[str]] = field(default_factory=dict)  # by PLOVER type
    known: frozenset[str] = frozenset()                          # every word the lexicon names
    _lemmas: dict[tuple[int, int, int], str] = field(default_factory=dict, repr=False, compare=False)

    def lemma(self, token) -> str:
        """The token's lemma, lower case, repaired when the lemmatizer missed a lexicon word.

        The small English model sometimes gives odd lemmas ("staged" -> "stag");
        when the lemma is not a lexicon word but a plain suffix variant of the
        surface form is ("stage"), that variant is used.
        """
        key = (token.lemma, token.pos, token.lower)   # ints: no string lookups on a repeat
        found = self._lemmas.get(key)
        if found is None:
            if len(self._lemmas) > _LEMMA_CACHE:        # bounded: a long run meets ever more words
                self._lemmas.clear()
            found = self._lemmas[key] = self._repaired(token)
        return found

    def _repaired(self, token) -> str:
        fixed = self.classes.get("lemma_overrides", {}).get(token.lower_)
        if fixed:
            return fixed                  # "aides" is no plural of "aid"
        lemma = token.lemma_.lower()
        if lemma in self.known or token.pos_ not in ("VERB", "NOUN", "PROPN", "ADJ", "AUX"):
            return lemma
        low = token.lower_
        for suffix, repl in (("ed", ""), ("d", ""), ("ied", "y"), ("ing", ""), ("ing", "e"),
                             ("s", ""), ("es", ""), ("ies", "y")):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                variant = low[: len(low) - len(suffix)] + repl
                if variant in self.known:
                    return variant
                if not repl and len(variant) > 3 and variant[-1] == variant[-2] and variant[:-1] in self.known:
                    return variant[:-1]              # doubled consonant: "pummelled", "teargassed"
        return lemma

    def frame(self, name: str) -> frozenset:
        """The word set of frame ``name`` (empty when the file has none)."""
        return self.frames.get(name, frozenset())

    def cls(self, name: str) -> dict:
        """The words of class ``name`` mapped to their values (None for plain lists)."""
        return self.classes.get(name, {})

    def in_class(self, word: str, name: str) -> bool:
        """Whether ``word`` (a lemma, lower case) belongs to class ``name``."""
        return word in self.classes.get(name, ())


def _entry(section: str, key: str, raw, source: str) -> Entry:
    """Validate one YAML entry and freeze it."""
    if not isinstance(raw, dict) or "type" not in raw:
        raise ValueError(f"{source}: {section}.{key} needs a mapping with 'type' (and 'why')")
    kind = raw["type"]
    if kind is not None and kind not in PLOVER_TYPES:
        raise ValueError(f"{source}: {section}.{key} has unknown PLOVER type {kind!r}")
    needs = raw.get("needs") or {}
    if not isinstance(needs, dict):
        raise ValueError(f"{source}: {section}.{key}: 'needs' must be a mapping")
    frozen = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in needs.items()))
    preps = tuple(_words(raw.get("target_preps"), source, f"{section}.{key}.target_preps"))
    return Entry(key=str(key).lower(), type=kind, mode=raw.get("mode"), needs=frozen, target_preps=preps)


def _words(values, source: str, where: str) -> list[str]:
    """A YAML word list as lower-case strings; booleans mean an unquoted on/no."""
    out = []
    for value in values or []:
        if isinstance(value, bool) or value is None:
            raise ValueError(f"{source}: {where} holds {value!r}: quote words like \"on\" or \"no\"")
        out.append(str(value).lower())
    return out


def _merge(base: dict, extra: dict) -> dict:
    """Merge a user lexicon into ours: mappings key by key, lists appended."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            base[key] = _merge(dict(base[key]), value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value
    return base


def _demonyms() -> dict:
    """Demonyms (with their plurals) and country aliases of ``demonyms.yaml`` -> ISO3:
    the countries section of plover.yaml only adds what the event stage needs beyond them."""
    from newsgraph.extract.actors.lexicon import plural_forms

    data = read_yaml(data_path("demonyms.yaml"))
    out = {}
    for word, code in (data.get("demonyms") or {}).items():
        for form in plural_forms(str(word)):
            out[form.lower()] = code
    for entry in data.get("country_aliases") or []:
        out[str(entry["alias"]).lower()] = entry["code"]
    return out


def _sector_nouns() -> dict:
    """One-word sector nouns of ``sectors.yaml`` -> PLOVER sector ("troops" -> MIL):
    the sectors section of plover.yaml only adds what the event stage needs beyond them."""
    data = read_yaml(data_path("sectors.yaml"))
    out: dict[str, str] = {}
    items = [data.get("government") or {}] + list(data.get("bodies") or []) + list(data.get("groups") or [])
    for item in items:
        sector = item.get("sector")
        for noun in list(item.get("nouns") or []) + list(item.get("person_nouns") or []):
            if sector and " " not in str(noun):
                out.setdefault(str(noun).lower(), sector)
    return out


def _international_bodies() -> dict:
    """Names and aliases of the international bodies in ``actors.yaml`` (kind igo) -> sector:
    the igos section of plover.yaml only adds what the event stage needs beyond them."""
    out: dict[str, str] = {}
    for entry in read_yaml(data_path("actors.yaml")).get("actors") or []:
        if entry.get("kind") == "igo" and entry.get("sector"):
            for name in [entry.get("name")] + list(entry.get("aliases") or []):
                if name:
                    out.setdefault(str(name).lower(), entry["sector"])
    return out


def _read(path: Path) -> dict:
    """One YAML file as a dict (an empty file is an empty dict)."""
    data = read_yaml(path)
    return data


@lru_cache(maxsize=8)
def load_lexicon(paths: tuple = ()) -> Lexicon:
    """The built-in lexicon with the user files ``paths`` merged on top (cached).

    Args:
        paths: extra YAML files, in order; later files win.
    Returns:
        A ``Lexicon``. Raises ``ValueError`` naming the file and entry when a
        type is not a PLOVER type or a section is malformed.
    """
    raw = _read(DEFAULT_PATH)
    source = str(DEFAULT_PATH)
    for path in paths:
        raw = _merge(raw, _read(Path(path)))
        source = f"{DEFAULT_PATH} + {path}"
    lex = Lexicon()
    for section in _ENTRY_SECTIONS:
        table = {}
        for key, value in (raw.get(section) or {}).items():
            entry = _entry(section, key, value, source)
            if section == "objects":
                trigger, _, obj = entry.key.partition(" ")
                table[(trigger, obj)] = entry
            else:
                table[entry.key] = entry
        setattr(lex, section, table)
    for name in ("light_verbs", "occurrence_verbs", "casualty_verbs", "blockers"):
        setattr(lex, name, frozenset(_words(raw.get(name), source, name)))
    reversal = raw.get("reversal") or {}
    lex.reversal_verbs = frozenset(_words(reversal.get("verbs"), source, "reversal.verbs"))
    lex.reversal_nouns = frozenset(_words(reversal.get("nouns"), source, "reversal.nouns"))
    lex.reversal_prefixes = frozenset(_words(reversal.get("prefixes"), source, "reversal.prefixes"))
    lex.reversal_phrasal = frozenset(_words(reversal.get("phrasal"), source, "reversal.phrasal"))
    lex.display_prefixes = frozenset(_words(reversal.get("display_prefixes"), source,
                                            "reversal.display_prefixes"))
    lex.negating_prefixes = frozenset(_words(reversal.get("negating_prefixes"), source,
                                             "reversal.negating_prefixes"))
    lex.escalation_verbs = frozenset(_words(reversal.get("escalation"), source, "reversal.escalation"))
    lex.reversal_types = {k: _entry("reversal.types", k, v, source)
                          for k, v in (reversal.get("types") or {}).items()}
    lex.frames = {k: frozenset(_words(v, source, f"frames.{k}")) for k, v in (raw.get("frames") or {}).items()}
    for name, values in (raw.get("classes") or {}).items():
        if isinstance(values, dict):
            words = {str(k).lower(): v for k, v in values.items()}
        else:
            words = dict.fromkeys(_words(values, source, f"classes.{name}"))
        lex.classes[name] = words
        for word in words:
            lex.word_classes[word] = lex.word_classes.get(word, ()) + (name,)
    lex.sectors = _sector_nouns()              # sectors.yaml, shared with the actor stage
    lex.sectors.update({str(k).lower(): v for k, v in (raw.get("sectors") or {}).items()})
    lex.countries = _demonyms()                # demonyms.yaml, shared with the actor stage
    lex.countries.update({str(k).lower(): v for k, v in (raw.get("countries") or {}).items()})
    lex.metonyms = {str(k).lower(): tuple(v) for k, v in (raw.get("metonyms") or {}).items()}
    lex.igos = _international_bodies()         # actors.yaml, shared with the actor stage
    lex.igos.update({str(k).lower(): v for k, v in (raw.get("igos") or {}).items()})
    lex.numbers = {str(k).lower(): int(v) for k, v in (raw.get("numbers") or {}).items()}
    lex.vague_numbers = {str(k).lower(): int(v) for k, v in (raw.get("vague_numbers") or {}).items()}
    lex.threaten_modes = dict(raw.get("threaten_modes") or {})
    lex.threaten_own_modes = frozenset(_words(raw.get("threaten_own_modes"), source, "threaten_own_modes"))
    lex.type_target_preps = {k: frozenset(_words(v, source, f"type_target_preps.{k}"))
                             for k, v in (raw.get("type_target_preps") or {}).items()}
    known = set(lex.light_verbs | lex.occurrence_verbs | lex.casualty_verbs | lex.blockers
                | lex.reversal_verbs | lex.reversal_nouns | set(lex.sectors)
                | {p.split(" ")[0] for p in lex.reversal_phrasal})
    for table in (lex.verbs, lex.nouns, lex.relation_nouns, lex.phrasal):
        known.update(k.split(" ")[0] for k in table)
        known.update(k.split(" ")[-1] for k in table)
    known.update(trigger for trigger, _ in lex.objects)
    for words in lex.frames.values():
        known.update(words)
    for words in lex.classes.values():
        known.update(words)
    lex.known = frozenset(known)
    for name, values in (raw.get("guard_classes") or {}).items():   # not trigger words: not in `known`
        lex.classes[name] = dict.fromkeys(_words(values, source, f"guard_classes.{name}"))
    types = raw.get("types") or {}
    lex.cooperative = frozenset(types.get("cooperative") or ())
    lex.hostile = frozenset(types.get("hostile") or ())
    return lex
