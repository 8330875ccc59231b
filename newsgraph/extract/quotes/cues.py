"""The reporting-cue lexicon: which words introduce what someone said.

The words live in ``newsgraph/data/cues.yaml`` (one rationale per group) so
users can add their own files without touching code; this module only loads
and merges them into sets the quote finder can look up in constant time.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from newsgraph.knowledge import data_path
from newsgraph.knowledge.loader import read_yaml

DEFAULT_CUES = data_path("cues.yaml")
NEEDS = ("any", "clause", "naming")


def _words(values: Iterable) -> set[str]:
    return {str(v).lower().strip() for v in values or [] if str(v).strip()}


@dataclass
class CueLexicon:
    """Reporting verbs, phrases and labels, merged from one or more YAML files."""

    verbs: dict[str, str] = field(default_factory=dict)           # lemma -> needs ("any", "clause", "naming")
    groups: dict[str, str] = field(default_factory=dict)          # lemma -> group name
    report_only: set[str] = field(default_factory=set)   # lemmas that report but never attribute a quotation
    particles: dict[str, set[str]] = field(default_factory=dict)  # verb lemma -> particles
    addressees: set[str] = field(default_factory=set)        # "reporters", "the press"
    tell_verbs: set[str] = field(default_factory=set)        # verbs that take an addressee
    source_phrases: list[tuple[str, ...]] = field(default_factory=list)  # [("according", "to"), ...]
    channel_preps: set[str] = field(default_factory=set)
    channel_nouns: set[str] = field(default_factory=set)
    report_nouns: set[str] = field(default_factory=set)
    evidence_nouns: set[str] = field(default_factory=set)
    not_speakers: set[str] = field(default_factory=set)
    link_labels: set[str] = field(default_factory=set)
    unnamed_speakers: set[str] = field(default_factory=set)
    dashes: set[str] = field(default_factory=set)
    continuation_openers: set[str] = field(default_factory=set)   # "But “B.”" carries a quote on
    scheduled_modals: set[str] = field(default_factory=set)       # "“…,” he will say"

    @classmethod
    def load(cls, extra_paths: Iterable[str | Path] = ()) -> "CueLexicon":
        """The packaged lexicon plus the users' files, in order.

        Args:
            extra_paths: more YAML files in the format of ``cues.yaml``; their
                lists are appended to the packaged ones.
        Returns:
            The merged lexicon.
        """
        lexicon = cls()
        for path in [DEFAULT_CUES, *extra_paths]:
            lexicon.add(read_yaml(path), source=str(path))
        return lexicon

    def add(self, data: dict, source: str = "<dict>") -> None:
        """Merge one parsed cue file into the lexicon.

        Args:
            data: the parsed YAML mapping.
            source: where it came from, for error messages.
        Raises:
            ValueError: when a verb group has an unknown ``needs`` value.
        """
        for group in data.get("verbs") or []:
            needs = group.get("needs", "any")
            if needs not in NEEDS:
                raise ValueError(f"{source}: verb group {group.get('group')!r} has needs={needs!r}; "
                                 f"use one of {', '.join(NEEDS)}")
            for lemma in _words(group.get("lemmas")):
                if lemma not in self.verbs and group.get("introduces_quotations") is False:
                    self.report_only.add(lemma)
                self.verbs.setdefault(lemma, needs)
                self.groups.setdefault(lemma, group.get("group", "user"))
        for entry in data.get("particles") or []:
            self.particles.setdefault(str(entry["verb"]).lower(), set()).update(_words(entry.get("words")))
        addressees = data.get("addressees") or {}
        self.addressees |= _words(addressees.get("words"))
        self.tell_verbs |= _words(addressees.get("tell_verbs"))
        for entry in data.get("source_phrases") or []:
            phrase = tuple(str(entry["text"]).lower().split())
            if phrase and phrase not in self.source_phrases:
                self.source_phrases.append(phrase)
        channels = data.get("channels") or {}
        self.channel_preps |= _words(channels.get("preps"))
        self.channel_nouns |= _words(channels.get("nouns"))
        self.report_nouns |= _words((data.get("report_nouns") or {}).get("nouns"))
        self.evidence_nouns |= _words((data.get("evidence_nouns") or {}).get("nouns"))
        self.not_speakers |= _words((data.get("not_speakers") or {}).get("words"))
        self.link_labels |= _words((data.get("link_labels") or {}).get("words"))
        self.unnamed_speakers |= _words((data.get("unnamed_speakers") or {}).get("nouns"))
        self.dashes |= {str(m) for m in (data.get("dashes") or {}).get("marks") or []}
        self.continuation_openers |= _words((data.get("continuation_openers") or {}).get("words"))
        self.scheduled_modals |= _words((data.get("scheduled_modals") or {}).get("words"))

    def needs(self, lemma: str) -> str | None:
        """What a verb with this lemma needs to count as a cue, or None if it is no cue."""
        return self.verbs.get(lemma.lower())
