"""A trigger candidate: what the trigger finder hands to the sense, frame, argument and status rules.

Why a module of its own: a dozen rule modules read and amend candidates; keeping
the type apart from the finder lets each import it without the finder's lexicon
machinery, and keeps the finder under the module size limit.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Token


@dataclass
class Candidate:
    """A trigger found in a sentence, before arguments and status are settled."""

    head: Token                  # the trigger word (verb, noun, adjective or modal)
    anchor: Token                # the verb carrying tense and subject (light verb...) or head
    kind: str                    # verb, noun, adj, modal
    type: str
    mode: Optional[str]
    start: int                   # trigger span, token indices [start, end)
    end: int
    role: Optional[str] = None   # directive, commissive, refusal, threat (frame words)
    wrapper: Optional["Candidate"] = None      # frame whose complement this is
    complements: list[Candidate] = field(default_factory=list)   # what a frame word wraps
    status: str = "asserted"
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    own_source: bool = False     # a noun with its own actor (possessor, demonym, by-phrase)
    converted: bool = False      # type changed by a frame rule
    drop: bool = False
    target_preps: tuple[str, ...] = ()     # extra target prepositions from the lexicon entry
    event_object: Optional[Token] = None   # the object that names the event itself ("lifted the curfew")
    via_say: bool = False        # a noun quoted as what someone said ('"Strong condemnation," writes X')
    fixed_status: Optional[str] = None     # set by a frame rule ("has not ruled out force": asserted)
    cameo: bool = False          # found only by the CAMEO verb dictionary (a fallback)
    silenced: bool = False       # a sense rule read it and what it wraps as no event: no fallback either
    cameo_code: str = ""         # its CAMEO code and the pattern words that chose it (events/guards.py)
    cameo_pattern: tuple[str, ...] = ()
    preset: bool = False         # sources and targets set by the rule that found it (event_judgements)
