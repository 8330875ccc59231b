"""Turn an attribution into a ``records.Speaker``: the mention as written plus its actor.

The span is what the article wrote in the attributing sentence ("French
Foreign Minister Catherine Colonna", "the Elysée tenant", "he"); the actor
comes from the actors component through ``mentions.actor_for_token`` on the
mention's *head word*, so a country named inside a description ("a senior US
official") is never taken for the speaker. Two guards keep the actor honest:

- a person described but not named ("the official", "sources", and "he"
  when actors resolved it to a country) gets no actor unless actors found a
  person;
- a "he"/"she" that actors left unresolved takes the actor of the previous
  speaker within two paragraphs, if that speaker was a person or unknown.
  This is the documented fallback for gaps in coreference.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc, Token

from newsgraph.records import Speaker
from newsgraph.extract import mentions
from newsgraph.extract.coref import ArticleChains
from newsgraph.extract.quotes.cues import CueLexicon
from newsgraph.extract.quotes.unit_types import Attribution

# Left modifiers that belong to a speaker's noun phrase.
_NP_LEFT = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "npadvmod"}
_PARTITIVE = {"one", "some", "many", "most", "each", "all", "several", "none", "few",
              "any", "both", "two", "three", "either", "neither", "member", "members"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_PERSONAL = {"he", "she", "him", "her", "i", "me"}
_FALLBACK_PRONOUNS = {"he", "she"}


class SpeakerMaker:
    """Builds Speakers for one Doc and remembers each one's head token."""

    def __init__(self, doc: Doc, text: str, lexicon: CueLexicon, chars: Callable):
        self.doc, self.text, self.lex, self.chars = doc, text, lexicon, chars
        self.has_actors = doc._.ng_actors is not None
        self.heads: dict[int, int] = {}     # id(Speaker) -> head token index
        self.kinds: dict[int, str] = {}     # id(Speaker) -> kind of its actor
        self.chains = ArticleChains(doc) if self.has_actors else None
        self.kind_of = {a.id: a.kind for a in doc._.ng_actors or []}

    def speaker(self, attribution: Optional[Attribution]) -> Optional[Speaker]:
        """The Speaker of an attribution, with its actor when actors are known.

        Args:
            attribution: a bare speaker range, a clause with a subject, or a
                head token to grow a noun phrase from; None gives None.
        Returns:
            The Speaker, or None when the attribution names nobody.
        """
        if attribution is None:
            return None
        if attribution.speaker is not None:
            start, end = attribution.speaker
            head = attribution.speaker_head if attribution.speaker_head is not None else end - 1
        elif attribution.clause is not None and attribution.clause.speaker is not None:
            start, end, head = speaker_range(_past_dateline(self.doc[attribution.clause.speaker]))
        elif attribution.speaker_head is not None:
            start, end, head = speaker_range(self.doc[attribution.speaker_head])
        else:
            return None
        if end <= start:
            return None
        s, e = self.chars(start, end)
        actor = mentions.actor_for_token(self.doc, head) if self.has_actors else None
        if actor is not None and actor.kind != "person" and self.unnamed(head):
            actor = None   # "a senior US official" is not the USA; "he" is not a country
        actor_id = actor.id if actor is not None else None
        if actor_id is None and self.chains is not None and self.doc[head].lower_ not in _PERSONAL:
            # "The resolution", "It", "The MPs", "Mr Smith"; for people described but
            # not named only "members of <body>" (they speak for the body).
            actor_id = (self.chains.body_of_members(head) if self.unnamed(head)
                        else self.chains.actor_id(head))
        speaker = Speaker(s, e, self.text[s:e], actor_id)
        self.heads[id(speaker)] = head
        if actor_id is not None:
            self.kinds[id(speaker)] = self.kind_of.get(actor_id, "person")
        return speaker

    def unnamed(self, head: int) -> bool:
        """True for a person described, not named: "the official", "sources", "he"."""
        tok = self.doc[head]
        if tok.pos_ == "PRON":
            return tok.lower_ in _PERSONAL
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.unnamed_speakers

    def resolve_pronouns(self, quotes: list, para_of: Callable[[int], int]) -> None:
        """Give an unresolved "he"/"she" the actor of the previous (person) speaker.

        Args:
            quotes: the Doc's quotes in text order (their speakers are updated).
            para_of: paragraph number of a character offset.
        """
        if not self.has_actors:
            return
        previous = None
        for quote in quotes:
            speaker = quote.speaker
            if speaker is None or id(speaker) not in self.heads:
                continue
            pronoun = self.doc[self.heads[id(speaker)]].lower_ in _FALLBACK_PRONOUNS
            if pronoun and speaker.actor is None and previous is not None \
                    and para_of(speaker.start) - para_of(previous.end) <= 2 \
                    and self.kinds.get(id(previous), "person") == "person":
                speaker.actor = previous.actor
            if not pronoun:
                previous = speaker


def _past_dateline(tok):
    """"WASHINGTON -- President Obama ... said": the parser makes the dateline the subject
    and the speaker its apposition; the speaker is the apposition."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if not (tok.is_upper and len(tok) > 1 and nxt is not None and nxt.text in ("--", "—", "–", "-")):
        return tok
    return next((c for c in tok.rights if c.dep_ in ("appos", "npadvmod", "conj") and c.pos_ == "PROPN"), tok)


def speaker_range(tok: Token) -> tuple[int, int, int]:
    """The speaker's mention as written, as a token range, from its head token.

    Names keep their titles ("French Foreign Minister Catherine Colonna");
    appositions and relative clauses are cut, except that a common-noun head
    with a person's name in apposition gives the name ("one of the organizers,
    Talline Tashdian" -> "Talline Tashdian"); relative pronouns give their
    antecedent.

    Args:
        tok: the head token of the subject (or of "by X", "according to X").
    Returns:
        ``(start, end, head)`` token indices: the range and its head token.
    """
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        tok = tok.head.head
    if tok.pos_ == "PRON":
        return tok.i, tok.i + 1, tok.i
    if tok.pos_ != "PROPN":
        for child in tok.rights:
            if child.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in child.subtree):
                return (*_np_range(child), child.i)
    return (*_np_range(tok), tok.i)


def _np_range(tok: Token) -> tuple[int, int]:
    start, end = tok.i, tok.i + 1
    for child in tok.lefts:
        if child.dep_ in _NP_LEFT:
            start = min(start, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and (tok.lower_ in _PARTITIVE or tok.pos_ == "NUM"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ in ("from", "by") and child.i == end:
            end = max(end, child.right_edge.i + 1)   # "a statement from the presidency"
        elif child.dep_ == "conj" and child.pos_ in ("PROPN", "NOUN"):
            end = max(end, _np_range(child)[1])
    return start, end
