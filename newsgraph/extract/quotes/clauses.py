"""Read reporting clauses off the dependency parse: cue, speaker and content.

"X said (that) ...", "..., the official added", "according to X, ...",
"X called on Y to ...", "in a statement, X ...": the parser already links a
reporting verb to its subject and complement, so one look at each cue
token's children gives who spoke and what they said. Quotation marks are
handled in ``quote_marks``; ``quotes`` joins the two.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from spacy.tokens import Doc, Token

from newsgraph.extract.quotes.cues import CueLexicon
from newsgraph.extract.quotes.subjects import stranded_subject, subject_of
from newsgraph.extract.quotes.shapes import as_report, marked_particle, passive_subject, with_passive_subject

# Dependents that carry what a reporting verb reports, by the verb's needs.
CLAUSE_DEPS = {"ccomp", "parataxis"}
_OBJECT_DEPS = {"ccomp", "parataxis", "xcomp", "dobj", "oprd", "attr", "dative"}
_NAMING_DEPS = {"ccomp", "oprd", "xcomp"}
# "accused X of Y", "blasted X for Y", "described X as Y": the phrase is part of what was said.
_ABOUT_PREPS = {"as", "of", "for", "about", "against", "over"}
# Verbs that hand on to a real speech act: "went on to say", "continued to insist".
_LEAD_INS = {"go", "continue", "proceed", "begin", "start", "rise", "stand", "take", "hasten", "add"}
# What a non-reporting verb after "in a statement" must take to report something
# ("In a letter, the DOJ issued a threat"), unlike "In a statement, Trump shot back".
_CHANNEL_OBJECTS = {"dobj", "ccomp", "xcomp", "oprd", "dative"}
_MARKS = set("\"“”„«»") | {"''", "``"}
_EDGE_PUNCT = set(".,;:-—–―\"'“”‘’«»„()[]…")


@dataclass
class Clause:
    """One reporting clause found in the parse.

    Token ranges are ``[start, end)`` indices into the Doc; ``content`` is
    None when the cue has no complement (it may still introduce a nearby
    quotation). ``side`` says where the content lies: ``right`` ("said that
    ..."), ``left`` ("..., he said") or ``around`` ("according to").
    """

    cue: tuple[int, int]
    head: int
    speaker: Optional[int]
    content: Optional[tuple[int, int]]
    side: str
    needs: str
    kind: str = "verb"
    clausal: bool = False      # the content is a clause ("said that ..."), not just an object
    pieces: Optional[list[tuple[int, int]]] = None   # when the cue interrupts the content


def _trim(doc: Doc, start: int, end: int) -> Optional[tuple[int, int]]:
    """Drop punctuation and spaces at both ends of a token range.

    Quotation marks that pair with one inside the range are kept, so a
    mixed quote reads "has become “more interested ... strong.”".
    """
    while start < end and (doc[start].is_space or doc[start].text in _EDGE_PUNCT):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in _EDGE_PUNCT):
        end -= 1
    while end > start and doc[end - 1].dep_ == "cc":
        end -= 1       # "... depopulation and" before a second verb
    if end <= start:
        return None
    if sum(1 for t in doc[start:end] if t.text in _MARKS) % 2:
        after = next((k for k in range(end, min(len(doc), end + 3)) if doc[k].text in _MARKS), None)
        if after is not None and all(doc[k].is_punct for k in range(end, after)):
            return start, after + 1
        before = next((k for k in range(start - 1, max(-1, start - 3), -1) if doc[k].text in _MARKS), None)
        if before is not None and all(doc[k].is_punct for k in range(before, start)):
            return before, end
    return start, end


def _subtree_range(tokens: list[Token]) -> tuple[int, int]:
    return min(t.left_edge.i for t in tokens), max(t.right_edge.i for t in tokens) + 1


class ClauseReader:
    """Finds reporting clauses in a parsed Doc using a cue lexicon."""

    def __init__(self, lexicon: CueLexicon):
        self.lex = lexicon
        self._first_words = {p[0] for p in lexicon.source_phrases}
        self._hashes: dict[int, set[int]] = {}   # id(vocab) -> hashes

    def candidate_hashes(self, vocab) -> set[int]:
        """String-store hashes of every word that can start a clause (cached per vocab).

        Comparing a token's LEMMA/LOWER hash against this set lets the caller
        skip the other tokens without creating Token objects for them.
        """
        key = id(vocab)
        if key not in self._hashes:
            words = (set(self.lex.verbs) | set(self.lex.particles) | self._first_words
                     | self.lex.channel_preps | self.lex.report_nouns | self.lex.evidence_nouns)
            self._hashes[key] = {vocab.strings.add(w) for w in words}
        return self._hashes[key]

    def verb_clause(self, tok: Token, quoted: Optional[Callable[[int], bool]] = None) -> Optional[Clause]:
        """The reporting clause of a cue verb, or None if the token is no cue.

        Args:
            tok: any token; only verbs with a lemma in the lexicon qualify.
            quoted: tells whether a token index lies inside a quotation.
        Returns:
            A ``Clause``; its ``content`` is None when the verb has no usable
            complement (the caller may still pair it with a quotation).
        """
        lemma = tok.lemma_.lower()
        if lemma not in self.lex.verbs and lemma not in self.lex.particles:
            return None
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound") or not self._actual(tok):
            return None
        particles = self.lex.particles.get(lemma, ())
        particle = next((c for c in tok.rights if c.lower_ in particles and c.dep_ in ("prep", "prt")
                         and c.i <= tok.i + 2), None) or (marked_particle(tok, particles) if particles else None)
        needs = self.lex.needs(lemma)
        if needs is None and particle is None:
            return None
        if particle is not None:
            needs = "any"
        cue_end = tok.i + 1
        if particle is not None:
            cue_end = particle.i + 1
        elif lemma in self.lex.tell_verbs:
            cue_end = self._addressee_end(tok)
        speaker = subject_of(tok, quoted)
        if speaker is None and _after_quote(tok):
            # "“…,” stated the French presidency": an inverted subject parsed as object.
            speaker = next((c for c in tok.rights if c.dep_ in ("dobj", "attr", "npadvmod", "dative")
                            and c.pos_ in ("NOUN", "PROPN")), None)
            if speaker is not None:
                return Clause((tok.i, cue_end), tok.i, speaker.i, None, "none", needs)
        if speaker is None and tok.dep_ == "ROOT":
            speaker = stranded_subject(tok)
        elif speaker is not None and tok.dep_ == "acl" and speaker.i == tok.head.i:
            speaker = self._channel_author(speaker)
        content, side, clausal, pieces = self._content(tok, needs, particle)
        return Clause((tok.i, cue_end), tok.i, None if speaker is None else speaker.i, content, side, needs,
                      clausal=clausal, pieces=pieces)

    def _channel_author(self, noun: Token) -> Token:
        """"His office put out a statement saying ...", "the council passed a resolution
        condemning ...": the statement carries the words of whoever issued it, the subject
        of the verb that takes it as object."""
        if noun.lemma_.lower() not in self.lex.channel_nouns or noun.dep_ != "dobj":
            return noun
        author = subject_of(noun.head)
        return author if author is not None and author.pos_ in ("NOUN", "PROPN", "PRON") else noun

    def _actual(self, tok: Token) -> bool:
        """False for speech that did not happen: "did not say", "will announce",
        "wants to ask" (a to-infinitive not led by "go on"/"continue" and the like).
        A scheduled modal next to a quotation ("“…,” he will say") is prepared
        speech whose words are already quoted, so it counts."""
        if tok.tag_ == "VBN" and tok.dep_ not in ("ROOT", "conj") and not any(
                c.dep_ in ("aux", "auxpass") for c in tok.children):
            return False     # "a community estimated at 80,000": a participle, no one speaks
        for child in tok.lefts:
            if tok.i - child.i > 3 or any(t.is_punct for t in tok.doc[child.i:tok.i]):
                continue    # not next to the verb: the parser borrowed it from a quotation
            if child.dep_ == "neg":
                return False
            if child.dep_ == "aux" and child.tag_ == "MD" and child.lower_ not in ("ca", "can"):
                return child.lower_ in self.lex.scheduled_modals and _next_to_quotation(tok)
            if child.dep_ == "aux" and child.lower_ == "to":
                return tok.head.lemma_.lower() in _LEAD_INS
        return True

    def _addressee_end(self, tok: Token) -> int:
        """Extend "told" to "told reporters" when the object is an audience."""
        doc = tok.doc
        for length in (3, 2, 1):
            end = tok.i + 1 + length
            if end <= len(doc) and doc[tok.i + 1:end].text.lower() in self.lex.addressees:
                return end
        return tok.i + 1

    def _content(self, tok: Token, needs: str, particle: Optional[Token]) -> tuple:
        """What a cue verb reports: ``(range, side, clausal, pieces)``."""
        doc = tok.doc
        if particle is not None and particle.dep_ == "mark":   # "called for X to ...": see shapes.py
            return _trim(doc, particle.i + 1, particle.head.right_edge.i + 1), "right", True, None
        deps = {"clause": CLAUSE_DEPS, "naming": _NAMING_DEPS}.get(needs, _OBJECT_DEPS)
        right = [c for c in tok.rights if c.dep_ in deps]
        if needs == "naming":   # "called Burma a story", not "called X, Y says" or "called Pashinyan"
            right = [c for c in right if not (c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"))
                     and not (c.dep_ in ("oprd", "attr") and c.pos_ == "PROPN")]
            if any(c.dep_ == "oprd" for c in right):   # "called [the system] “rotten”": both are said
                right += [c for c in tok.rights if c.dep_ == "dobj" and c.pos_ != "PRON"]
        if needs == "naming" and not right:
            named = self._named_object(tok)
            if named is not None:
                return named, "right", False, None
        if tok.lemma_.lower() in self.lex.tell_verbs and not any(c.dep_ in ("ccomp", "xcomp") for c in right):
            right = []          # "told reporters": the object is the audience, not the content
        clauses = [c for c in right if c.dep_ in CLAUSE_DEPS] or self._channel_that(tok)
        if clauses:
            right = clauses
        elif needs == "any":
            right += [c for c in tok.rights if c.dep_ == "prep" and ((particle is not None and c.i == particle.i) or c.lower_ in _ABOUT_PREPS)]
            right += self._object_tail(tok, right)
        if right:
            start, end = _subtree_range(right)
            if particle is not None and start <= particle.i:
                start = particle.i + 1
            start = max(start, tok.i + 1)
            clausal = any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in right)
            content, pieces = with_passive_subject(tok, right, _trim(doc, start, end))   # "X is expected to attend"
            return content, "right", clausal, pieces
        left = [c for c in tok.lefts if c.dep_ in CLAUSE_DEPS]
        if left and tok.dep_ in ("ROOT", "conj", "parataxis"):
            return _trim(doc, *_subtree_range(left)), "left", True, None
        head = tok.head
        as_clause = as_report(tok, particle is not None or self.lex.groups.get(tok.lemma_.lower()) == "speech")
        if (tok.dep_ in ("parataxis", "ccomp") or as_clause) and head.i != tok.i and head.pos_ in ("VERB", "AUX"):
            if head.i < tok.i and tok.dep_ == "parataxis":
                return _trim(doc, head.left_edge.i, tok.left_edge.i), "left", True, None
            # "The museum, Mr. Bush said, celebrated ...": the report runs round the cue.
            before = _trim(doc, head.left_edge.i, tok.left_edge.i)
            after = _trim(doc, tok.right_edge.i + 1, head.right_edge.i + 1)
            if as_clause and (before is None or after is None):   # "..., as X noted" / "As X noted, ..."
                return before or after, "around", True, None
            if head.i > tok.i and before is not None and after is not None and tok.left_edge.i > head.left_edge.i:
                return (before[0], after[1]), "around", True, [before, after]
        subject = passive_subject(tok, by_agent=True) if needs == "any" and tok.tag_ == "VBN" else None
        return (_trim(doc, *subject), "left", False, None) if subject else (None, "none", False, None)

    def _object_tail(self, tok: Token, right: list) -> list:
        """"questioned [Clinton's judgment] [in supporting the war]", "urged [Y] [to release
        ...]": phrases the parser hung on the cue after its object belong to what was said;
        a date or a channel ("on Tuesday", "in a statement") does not."""
        obj = next((c for c in right if c.dep_ == "dobj"), None)
        if obj is None:
            return []
        out = []
        for c in tok.rights:
            if c.i <= obj.i or c in right or c.dep_ not in ("prep", "xcomp"):
                continue
            if any(t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in self.lex.channel_nouns
                   for t in c.children if t.dep_ == "pobj"):
                continue
            if any(t.is_punct for t in tok.doc[obj.right_edge.i + 1:c.i]):
                break
            out.append(c)
        return out

    @staticmethod
    def _named_object(tok: Token) -> Optional[tuple[int, int]]:
        """"called that “beyond preposterous”", "called Merkel “The Chancellor ...”": an
        object holding or followed by a quotation is what the naming verb reports."""
        doc = tok.doc
        obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
        if obj is None:
            return None
        start, end = obj.left_edge.i, obj.right_edge.i + 1
        if end < len(doc) and doc[end].text in _MARKS:
            close = next((k for k in range(end + 1, min(len(doc), end + 40)) if doc[k].text in _MARKS), None)
            end = close + 1 if close is not None else end
        if not any(doc[k].text in _MARKS for k in range(start, end)):
            return None
        return _trim(doc, start, end)

    def _channel_that(self, tok: Token) -> list:
        """"said in a statement that ...", parsed with the that-clause under "statement"."""
        for prep in tok.rights:
            if prep.dep_ != "prep" or prep.lower_ not in self.lex.channel_preps:
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in self.lex.channel_nouns:
                    return [c for c in noun.rights if c.dep_ in ("acl", "relcl", "ccomp")
                            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        return []

    def source_clause(self, tok: Token) -> Optional[Clause]:
        """"according to X, ..." and like phrases starting at ``tok``, or None."""
        if tok.lower_ not in self._first_words:
            return None
        doc = tok.doc
        for phrase in self.lex.source_phrases:
            end = tok.i + len(phrase)
            if end > len(doc) or tuple(t.lower_ for t in doc[tok.i:end]) != phrase:
                continue
            source = next((t for t in doc[tok.i:min(len(doc), end + 8)] if t.dep_ == "pobj"
                           and t.i >= end), None)
            if source is None:
                return None
            phrase_end = source.right_edge.i + 1
            sent = tok.sent
            head = tok.head if tok.head.i != tok.i and tok.head.sent == sent else sent.root
            h_start, h_end = head.left_edge.i, head.right_edge.i + 1
            if head.i == tok.i or not (h_start <= tok.i < h_end):
                h_start, h_end = sent.start, sent.end
            left = sum(1 for t in doc[h_start:tok.i] if t.is_alpha and t.dep_ not in ("cc", "advmod"))
            nxt = doc[phrase_end + 1] if phrase_end + 1 < h_end else None
            if left == 0:      # "But, according to the poll, 46 percent ..."
                content = _trim(doc, phrase_end, h_end)
            elif phrase_end >= h_end - 1 or (doc[phrase_end].text == "," and nxt is not None
                                             and nxt.tag_ == "VBG"):   # "..., according to X, taking"
                content = _trim(doc, h_start, tok.i)
            else:              # the source in the middle of what it reports
                pieces = [p for p in (_trim(doc, h_start, tok.i), _trim(doc, phrase_end, h_end)) if p]
                content = (pieces[0][0], pieces[-1][1]) if pieces else None
                return Clause((tok.i, end), tok.i, source.i, content, "around", "any", kind="source",
                              pieces=pieces if len(pieces) > 1 else None)
            return Clause((tok.i, end), tok.i, source.i, content, "around", "any", kind="source")
        return None

    def channel_clause(self, tok: Token) -> Optional[Clause]:
        """"In a statement, X expressed ..." with a verb that is no cue itself, or None."""
        if tok.lower_ not in self.lex.channel_preps or tok.dep_ != "prep":
            return None
        noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
        verb = tok.head
        if noun is None or noun.lemma_.lower() not in self.lex.channel_nouns or verb.pos_ not in ("VERB", "AUX"):
            return None
        if self.lex.needs(verb.lemma_.lower()) is not None:
            return None
        if not any(c.dep_ in _CHANNEL_OBJECTS for c in verb.children):
            return None   # "In an interview, Trump went even further": no act with content
        subject = subject_of(verb)
        if subject is None:
            return None
        start, end = verb.i, verb.right_edge.i + 1
        if tok.i > verb.i:
            end = min(end, tok.i)
        return Clause((tok.i, noun.i + 1), verb.i, subject.i, _trim(tok.doc, start, end), "right",
                      "any", kind="channel")

    def noun_clause(self, tok: Token) -> Optional[Clause]:
        """"X's claim that ...": a report noun with a that-clause, or None."""
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.evidence_nouns:
            return self._evidence_clause(tok)
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.report_nouns:
            return None
        clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp", "relcl")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            return None
        cut = next((t.i for t in clause.subtree if t.lower_ == "as" and t.dep_ == "prep"
                    and any(g.lemma_.lower() in self.lex.evidence_nouns for g in t.children)), None)
        if cut is not None:
            # "its demand that forces leave as evidence that ...": the evidence clause is
            # someone else's claim (see _evidence_clause); the demand stops before it.
            content = _trim(tok.doc, _subtree_range([clause])[0], cut)
            owner = next((c for c in tok.lefts if c.dep_ == "poss"), None)
            if content is None or owner is None:
                return None
            return Clause((tok.i, tok.i + 1), tok.i, owner.i, content, "right", "clause", kind="noun")
        owner = next((c for c in tok.lefts if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if owner is None:
            return None   # "the belief that ...": nobody in particular holds it
        start, end = _subtree_range([clause])
        return Clause((tok.i, tok.i + 1), tok.i, owner.i, _trim(tok.doc, start, end), "right",
                      "clause", kind="noun")

    def _evidence_clause(self, tok: Token) -> Optional[Clause]:
        """"He cited X as evidence that Y": Y is the claim of the sentence's subject."""
        doc = tok.doc
        if tok.head.lower_ != "as" or tok.head.dep_ != "prep":
            return None
        that = next((t for t in doc[tok.i + 1:min(len(doc), tok.i + 3)] if t.lower_ == "that"), None)
        root = tok.sent.root
        speaker = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
        if that is None or speaker is None or speaker.i > tok.i:
            return None
        content = _trim(doc, that.i + 1, tok.sent.end)
        return None if content is None else Clause((tok.head.i, tok.i + 1), tok.i, speaker.i, content, "right", "clause", kind="noun")


def _next_to_quotation(tok: Token) -> bool:
    """True when a cue verb's clause touches a quotation: "“…,” he will say" (a closing
    mark a few words before, only the subject between) or "he will say: “…”"."""
    doc = tok.doc
    for j in range(tok.i - 1, max(-1, tok.i - 10), -1):
        text = doc[j].text
        if text in _MARKS or text in ("’", "'"):
            return j > 0 and doc[j - 1].text in (",", "?", "!", "—")
        if doc[j].is_punct and text not in ("-", ".") or doc[j].is_space and "\n" in text:
            return False
    nxt = doc[tok.i + 1:tok.i + 3]
    return len(nxt) == 2 and nxt[0].text in (":", ",") and nxt[1].text in _MARKS


def _after_quote(tok: Token) -> bool:
    """True when a verb directly follows a closing quotation (“...,” said X)."""
    j = tok.i - 1
    while j >= 0 and tok.doc[j].is_space:
        j -= 1
    return j >= 0 and tok.doc[j].text in _MARKS | {"’", "'"}
