"""Rule-based coreference: pronouns and descriptions back to their actors.

"Colonna added. She opposed ..." — "she" is Colonna; "the separatists",
"the ministry", "the government", "the president", "the official" point back
to an actor named earlier. Neural coreference needs PyTorch; news prose is
regular enough for rules over the parse: agreement (person or not, gender
when known), recency, a preference for subjects, no jumping into quoted
speech for a speaker pronoun, and unnamed people ("the official") that stop a
pronoun from reaching a named person they are not.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc

from newsgraph.extract import pronouns
from newsgraph.extract.actors.context import inside
from newsgraph.extract.actors.groups import Pending
from newsgraph.extract.actors.mentions import Mention
from newsgraph.extract.actors.roles import TitleInfo

MASCULINE = pronouns.words("masculine", reflexive=True)     # words in knowledge/data/pronouns.yaml
FEMININE = pronouns.words("feminine", reflexive=True)
NEUTER = pronouns.words("neuter", reflexive=True)
RELATIVE = pronouns.RELATIVE_SUBJECT
_PLEONASTIC_HEADS = {"be", "seem", "appear", "take", "remain", "matter", "happen"}
WINDOW = 3   # sentences a pronoun may reach back
FAR = 40     # sentences a description ("the ministry") may reach back
# Sectors whose unqualified members ("the separatists", "the MPs") belong to
# the same country as the last group of that sector named before.
INSTITUTIONAL = {"MIL", "REB", "LEG", "COP", "GOV", "JUD", "OPP"}


@dataclass
class Slot:
    """Something a pronoun or description could point at."""

    start: int
    sent: int
    key: Optional[str]        # actor id; None for an unnamed blocker
    kind: Optional[str]
    person_like: bool
    subject: bool
    in_quote: bool
    head: str = ""            # head word, for "the official" -> "a US official"
    country: Optional[str] = None
    sector: Optional[str] = None
    end: int = 0
    possessor: bool = False   # "Azerbaijan's refusal"


def _start(slot: "Slot") -> int:
    return slot.start


class Resolver:
    """Resolves pronouns, role nouns and pending descriptions of one Doc.

    Args:
        doc: the Doc.
        mentions: every mention found so far (keys final).
        roles: actor id -> role string, for "the president".
        genders: actor id -> "m"/"f" when known (updated as pronouns resolve).
        quotes: quoted character ranges.
    """

    def __init__(self, doc: Doc, mentions: list[Mention], roles: dict, genders: dict,
                 quotes: list):
        self.doc, self.roles, self.genders, self.quotes = doc, roles, genders, quotes
        self.sent_of = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = n
        self.slots: list[Slot] = []
        for m in mentions:
            self.add_slot(m)
            if m.key and (m.kind == "person" or m.person_like):
                self._learn_gender(m)
        taken = {i for m in mentions for i in range(m.first, m.last)}
        for tok in doc:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in taken and tok.pos_ in ("NOUN", "PROPN") \
                    and tok.tag_ in ("NN", "NNP"):
                self.slots.append(Slot(tok.idx, self.sent_of[tok.i], None, None, False, True,
                                       inside(quotes, tok.idx), tok.lower_, end=tok.idx + len(tok)))
        self.slots.sort(key=lambda s: s.start)

    def _learn_gender(self, m: Mention) -> None:
        """"Her brother, Tom Lopez" / "Tom Lopez, her brother,": the noun in apposition
        tells he from she when the registry does not."""
        from newsgraph.extract.chains import _chain_words
        nouns = _chain_words().genders
        head = self.doc[max(m.first, m.last - 1)]
        near = [head.head] if head.dep_ == "appos" else []
        near += [c for c in head.children if c.dep_ == "appos"]
        for tok in near:
            gender = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)
            if gender:
                self.genders.setdefault(m.key, gender)
                return

    def add_slot(self, m: Mention, key: Optional[str] = "__same__") -> None:
        """Make a mention available as an antecedent."""
        last = self.doc[m.last - 1] if m.last > m.first else self.doc[m.first]
        poss = last.dep_ == "poss" or (m.last < len(self.doc) and self.doc[m.last].tag_ == "POS")
        bisect.insort(self.slots, Slot(m.start, self.sent_of[m.first], m.key if key == "__same__" else key,
                                       m.kind, m.person_like or m.kind == "person", m.subject,
                                       inside(self.quotes, m.start), last.lower_, m.country, m.sector,
                                       m.end, poss), key=_start)

    def _before(self, start: int, sent: int, window: int = WINDOW) -> list[Slot]:
        """Slots starting before ``start`` within ``window`` sentences, nearest first."""
        found = []
        for i in range(bisect.bisect_left(self.slots, start, key=_start) - 1, -1, -1):
            slot = self.slots[i]
            if sent - slot.sent > window:
                break
            found.append(slot)
        return found

    def pronoun(self, i: int) -> Optional[str]:
        """The actor id token ``i`` (a third-person pronoun) refers to, or None."""
        doc, tok = self.doc, self.doc[i]
        low = tok.lower_
        sent = self.sent_of[i]
        quoted = inside(self.quotes, tok.idx)
        if low in RELATIVE:   # "Pashinyan, who said ...": the noun the clause hangs on
            slot = self._slot_at(tok.head.head.i)
            return slot.key if slot is not None else None
        if low in NEUTER:
            if tok.dep_ == "expl" or (low != "its" and (tok.dep_ not in ("nsubj", "nsubjpass")
                                                     or tok.head.lemma_ in _PLEONASTIC_HEADS)):
                return None
            pool = [s for s in self._before(tok.idx, sent, 1)
                    if not s.person_like and s.kind != "group" and (quoted or not s.in_quote)]
            if low == "its":
                ctrl = self._controller(tok)
                if ctrl is not False:
                    return ctrl
                owners = [s for s in pool if s.sent == sent and s.possessor]
                return (owners or pool or [Slot(0, 0, None, None, False, False, False)])[0].key
            same = [s for s in pool if s.sent == sent and s.subject]
            if same:
                return same[0].key
            prev = [s for s in pool if s.sent < sent and s.subject]
            if not prev:
                return None
            main = [s for s in prev if s.sent == prev[0].sent]
            return main[-1].key   # the first subject of the latest sentence
        gender = "m" if low in MASCULINE else "f"
        pool = [s for s in self._before(tok.idx, sent)
                if s.person_like and (quoted or not s.in_quote or s.sent == sent)
                and self.genders.get(s.key, gender) == gender]
        if not tok.dep_.startswith("nsubj"):
            later = []
            # "Her rival, Tom Lee, ...": a possessive never points into its own noun phrase.
            own = (doc[tok.head.left_edge.i].idx, doc[tok.head.right_edge.i].idx + 1) \
                if tok.dep_ == "poss" else (0, 0)
            for s in self.slots[bisect.bisect_right(self.slots, tok.idx, key=_start):]:
                if s.sent != sent:
                    break
                if own[0] <= s.start < own[1]:
                    continue
                if s.subject and s.person_like and s.key and self.genders.get(s.key, gender) == gender:
                    later.append(s)
            if later and not any(s.sent == sent for s in pool):
                return later[0].key
        for test in (lambda s: s.sent == sent and s.subject, lambda s: s.subject,
                     lambda s: s.sent == sent, lambda s: True):
            for slot in pool:
                if test(slot):
                    return slot.key
        return None

    def _slot_at(self, i: int) -> Optional[Slot]:
        char = self.doc[i].idx
        top = bisect.bisect_right(self.slots, char, key=_start)
        for s in reversed(self.slots[max(0, top - 6):top]):
            if s.start <= char < max(s.end, s.start + 1):
                return s
        return None

    def _controller(self, tok):
        """The non-person subject (or controlling object) of the clause of "its".

        Returns the actor id, None for a non-actor subject ("the enclave ...
        its inhabitants"), or False when no clause subject is found.
        """
        verb, hops = tok.head, 0
        while hops < 12:
            hops += 1
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ not in ("VERB", "AUX"):
                return False
            for child in verb.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i < tok.i:
                    slot = self._slot_at(child.i)
                    if slot is not None and not slot.person_like and slot.kind != "group":
                        return slot.key
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            if verb.dep_ in ("xcomp", "pcomp") or infinitive and verb.dep_ in ("advcl", "ccomp"):
                parent = verb.head
                while parent.pos_ not in ("VERB", "AUX") and parent.head.i != parent.i:
                    parent = parent.head
                objs = [c for c in parent.children if c.dep_ == "dobj"]
                objs += [g for c in parent.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                         for g in c.children if g.dep_ == "pobj"]
                for obj in objs:
                    slot = self._slot_at(obj.i)
                    if slot is not None and slot.key and not slot.person_like:
                        return slot.key
            if verb.head.i == verb.i:
                return False
            verb = verb.head
        return False

    def pending(self, p: Pending, only_country: Optional[str]) -> Optional[str]:
        """The actor id a pending description ("the ministry") points back to."""
        sent = self.sent_of[p.first]
        earlier = [s for s in self._before(p.start, sent, FAR) if s.key]
        if p.kind == "government":
            near = [s for s in earlier if s.country and s.kind != "person" and sent - s.sent <= WINDOW]
            return near[0].country if near else only_country
        if p.kind == "kind":
            kinds = ("country",) if p.key == "country" else ("igo", "organization")
            near = [s for s in earlier if s.kind in kinds]
            subjects = [s for s in near if s.subject and sent - s.sent <= WINDOW]
            return (subjects or near or [Slot(0, 0, None, None, False, False, False)])[0].key
        if p.kind == "body":
            for s in earlier:
                if s.key.endswith("-" + p.key) or s.key == "org:" + p.key:
                    return s.key
            return None
        if p.kind == "group":
            if p.fallback is not None and p.fallback.country:
                return None   # the sentence or the article says whose they are
            for s in earlier:
                if s.key.endswith("-" + p.key) or s.key == "org:" + p.key:
                    return s.key
            if p.sector in INSTITUTIONAL:
                for s in earlier:
                    if s.sector == p.sector and s.kind in ("group", "organization") and s.country:
                        return f"org:{s.country.lower()}-{p.key}"
            return None
        if p.kind == "blocker":
            return None
        word = p.key.split()[-1]
        for s in earlier:
            if s.head == word and sent - s.sent <= WINDOW * 2:
                return s.key
        return None

    def role(self, info: TitleInfo, lookup: Callable[[TitleInfo], Optional[str]]) -> Optional[str]:
        """The actor id a role noun ("the president") refers to.

        Args:
            info: the title as read from the text.
            lookup: resolves a qualified role through the registry (the
                component's callback; may create the actor).
        Returns:
            An actor id, or None.
        """
        start = self.doc[info.first].idx
        if info.qualifier is not None or info.holder_of:
            for key, role in self.roles.items():
                if role and role.lower() == info.role.lower():
                    return key
            return lookup(info)
        word = info.title.role.lower()
        for s in self._before(start, self.sent_of[info.first], FAR):
            if s.key and (self.roles.get(s.key) or "").lower().startswith(word):
                return s.key
        return None


def third_person_pronouns(doc: Doc) -> list[int]:
    """Token indices of he/she/it-family pronouns and subject relative pronouns."""
    words = MASCULINE | FEMININE | NEUTER
    return [t.i for t in doc if t.lower_ in words and t.pos_ in ("PRON", "DET")
            or t.lower_ in RELATIVE and t.dep_.startswith("nsubj") and t.head.dep_ == "relcl"]



# Article-level chains for descriptive speakers live next door (one concern per module).
from newsgraph.extract.chains import ArticleChains, ChainWords  # noqa: E402,F401
