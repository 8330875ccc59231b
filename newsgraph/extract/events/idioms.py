"""Events told by multiword idioms: "poured cold water on", "laid the blame at the feet of".

Why this module exists: wire copy tells many events with a light verb and a fixed
noun phrase whose words, not the verb, carry the type ("gave the green light to",
"slapped sanctions on", "said no to"). The lexicon's ``phrasal`` entries hold a
verb and one word; an idiom needs several words that may hang at different depths
("the blame ... at the feet of X") or before the verb in the passive ("cold water
was poured on the plan"). Each ``idioms`` entry of plover.yaml names the head
verb's lemma and the words (lemmas, or ``@class``) that must all hang under it,
within its own clause, in any order. A literal use lacks a word ("poured water on
the fire" has no "cold") or the class ("threw out the rubbish" names no proposal).
The idiom's words are not events of their own ("put aid on hold" is no AID).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.constraints import temporal
from newsgraph.extract.events.lexicon import Entry, Lexicon

# dependency links that open another clause or another actor: an idiom's words never lie beyond them
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj",
                          "nsubj", "mark", "cc", "punct", "appos", "aux", "auxpass"})   # not the "to" of "to sign"
_PREP_DEPS = frozenset({"prep", "dative", "prt", "agent"})
_DEPTH = 6          # "laid the blame for the cuts squarely at the feet of X": six links down
_OBJECT = "object"  # target_preps word: the target is the verb's own object ("rounded up X")


def idiom_table(lex: Lexicon) -> dict[str, list[tuple[tuple[str, ...], Entry]]]:
    """The ``idioms`` entries by head lemma, longest first (built once per lexicon)."""
    table = getattr(lex, "_idiom_heads", None)
    if table is None:
        table = {}
        for key, entry in lex.idioms.items():
            head, *words = key.split()
            table.setdefault(head, []).append((tuple(words), entry))
        for items in table.values():
            items.sort(key=lambda item: -len(item[0]))
        lex._idiom_heads = table
    return table


class Idioms:
    """Mixin of ``TriggerFinder``: idiom triggers and the words they take up."""

    lex: Lexicon

    def _region(self, verb: Token) -> list[Token]:
        """The words under ``verb`` in its own clause, breadth first, at most ``_DEPTH`` links down."""
        out, layer = [], [verb]
        for _ in range(_DEPTH):
            layer = [c for t in layer for c in t.children if c.dep_ not in _CLAUSE_DEPS]
            out += layer
        return out

    def _word_ok(self, token: Token, word: str) -> bool:
        """Whether ``token`` is the idiom word ``word`` ("lemma", "@class" or "lemma/POS")."""
        word, _, pos = word.partition("/")
        if pos and token.pos_ != pos.upper() or token.dep_ in _PREP_DEPS and temporal(token):
            return False                  # "turned back on Monday": a date's "on" is no idiom word
        if word.startswith("@"):
            return self.lex.lemma(token) in self.lex.cls(word[1:])
        return word in (self.lex.lemma(token), token.lower_, token.lemma_.lower())

    def idiom_match(self, verb: Token) -> Optional[tuple[Entry, list[Token]]]:
        """The idiom ``verb`` heads and the tokens of its words, or None (cached per verb)."""
        cache = self.__dict__.setdefault("_idiom_cache", {})
        if verb.i in cache:
            return cache[verb.i]
        found = None
        items = idiom_table(self.lex).get(self.lex.lemma(verb)) if verb.pos_ in ("VERB", "AUX") else None
        region = self._region(verb) if items else []
        for words, entry in items or ():
            taken: list[Token] = []
            for n, word in enumerate(words):
                hit = next((t for t in region if t not in taken and self._word_ok(t, word) and not (
                    n == 0 and t.pos_ == "ADP" and t.head.i != verb.i)), None)
                if hit is None:           # a particle right after the verb hangs on it: "handed in",
                    break                 # not "handed rifles to monitors in Bogota"
                taken.append(hit)
            else:
                if not entry.needs or self.needs_ok(entry, verb):
                    found = (entry, taken)
                    break
        cache[verb.i] = found
        return found

    def idiom_word(self, token: Token) -> bool:
        """Whether ``token`` is a word of an idiom headed by a verb above it ("aid" in "put aid on hold")."""
        head = token
        for _ in range(_DEPTH):
            if head.head.i == head.i or head.dep_ in _CLAUSE_DEPS:
                return False
            head = head.head
            found = self.idiom_match(head)
            if found is not None:
                return token in found[1]
        return False

    def idiom(self, verb: Token) -> Optional[Candidate]:
        """The event an idiom headed by ``verb`` tells, with its source (the verb's agents) and its
        target (the object of the entry's preposition, wherever it hangs in the idiom, or the
        verb's own object); an entry of type null silences the verb ("said no decision")."""
        found = self.idiom_match(verb)
        if found is None:
            return None
        entry, taken = found
        if entry.type is None:
            return None
        places = {verb.i} | {t.i for t in taken}
        end = verb.i
        for i in sorted(t.i for t in taken if t.i > verb.i):
            if i - end > 4:
                break                             # the trigger is the idiom's run of words after the verb:
            end = i                               # "handed | their rifles to monitors in Bogota"
        cand = Candidate(verb, verb, "verb", entry.type, entry.mode, verb.i, end + 1, preset=True)
        cand.sources = self.args.expand(self.args.agents(verb))
        targets: list[Token] = []
        for prep in entry.target_preps:
            if prep == _OBJECT:
                objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
                targets += [c for c in objs if c.i not in places] or [
                    g for t in taken if t.dep_ in _PREP_DEPS for g in t.children if g.dep_ == "pobj"] or [
                    c for c in objs if c.pos_ != "PRON"]     # "hauled in | the envoy", "brushed off Western criticism"
                continue
            for t in self._region(verb):
                if t.dep_ in _PREP_DEPS and t.lower_ == prep and t.head.i in places:
                    targets += [g for g in t.children if g.dep_ == "pobj"]   # "opened its doors to refugees"
        cand.targets = [a for t in self.args.expand(targets) for a in self._actors_of(t)]
        if entry.need("swap"):                    # "won the backing of X": X backs the subject
            cand.sources, cand.targets = cand.targets, [a for t in cand.sources for a in self._actors_of(t)]
            if not cand.targets:                  # "ideas that can win the support of voters": no one is backed
                return None
        inside = [t.left_edge.i for t in targets if verb.i < t.left_edge.i < cand.end]
        if inside:                                # "hauled in | the Belarusian ambassador": the trigger
            cand.end = max(verb.i + 1, min(inside))   # stops before its target
        return cand

    def _actors_of(self, noun: Token) -> list[Token]:
        """The actors a target noun stands for: itself, the group its of-phrase names ("scores of
        marchers"), else whose it is ("Sweden's bid", "a Sudanese proposal")."""
        if self.args.actorish(noun):
            return [noun]
        inner = self._of_object(noun)
        if inner is not None and self.args.actorish(inner):
            return self.args.expand([inner])
        owners, targets = self.args.noun_args(noun, False)
        return targets or [t for t in owners if t.pos_ != "PRON"]
