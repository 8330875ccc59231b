"""Who a reported obligation binds: the readings of "X must act" that demand nothing.

Why this module exists: PLOVER codes a reported "must" as a REQUEST only when someone is
asked to act. A rule for the public ("travellers must self-isolate"), a guess ("he must be
doing something right"), a norm for a role ("a president must be ready") and a speaker's own
resolve ("X said she must focus on ...") ask nothing of anyone (issue 11: modal obligation
without an addressee is no REQUEST). The frame rules in ``frames.obligations`` ask these.
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.antecedent import FEMININE, agrees, pronoun_kind
from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.candidate import Candidate


def _quoted(token: Token, lex: Lexicon) -> bool:
    """Whether ``token`` stands inside a direct quotation (an odd number of quotation marks
    before it in its sentence), where the speaker says "I", so "he" is someone else."""
    marks = lex.cls("quotation_marks")
    return sum(1 for t in token.sent if t.i < token.i and t.text in marks) % 2 == 1


def addressee(subject: Token, lex: Lexicon, args: ArgBuilder) -> bool:
    """Whether the one who "must" act is someone a demand can be made of: a named actor, a
    pronoun, a country, or an official, armed or organised body (``frames.addressee_sectors``).
    Rules for the public ("travellers must self-isolate", "schools have to close") state a
    policy and request nothing of anyone (PLOVER codes no REQUEST for them)."""
    if subject.pos_ == "PRON":
        return True
    entry = lex.nouns.get(lex.lemma(subject))
    if entry is not None and entry.type is not None:
        return True                           # "the offensive must stop": whoever wages it
    if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or args.resolver.resolve(subject.text)[0]:
        return True
    sector = lex.sectors.get(lex.lemma(subject)) or lex.sectors.get(subject.lower_)
    if sector is not None:
        return sector.lower() in lex.frame("addressee_sectors")
    return args.actor(subject.idx, subject.idx + len(subject)) is not None


def epistemic(modal: Token, verb: Token) -> bool:
    """"must be doing", "must have known", "should have acted": "must" before a progressive
    guesses at what is so ("should be taking measures" still asks), and any modal before a
    perfect speaks of the past; neither obliges anyone to act."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return (verb.tag_ == "VBG" and modal.lower_ == "must" and any(a.lemma_ == "be" for a in auxes)) or \
        (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes))


def idle(modal: Token, verb: Token) -> Candidate:
    """A dropped obligation frame: what it wraps ("a president must be ready") is not
    reported as done either, and the modal asks nothing of anyone."""
    cand = Candidate(modal, verb, "modal", "REQUEST", None, modal.i, modal.i + 1, role="directive")
    cand.drop = True
    return cand


def self_obligation(subject: Token, speakers: list[Token], lex: Lexicon, args: ArgBuilder) -> bool:
    """Whether a pronoun subject of "must" stands for whoever says it ("X said she must",
    "the ministry said it must", "rebels said they must"): the speaker binds itself. The
    pronoun must agree with the one speaker (``antecedent.agrees``) and stand outside a
    direct quotation, where a speaker says "I" and "he" is someone else."""
    if len(speakers) != 1 or pronoun_kind(subject) is None or _quoted(subject, lex):
        return False
    clause = subject.head
    if clause.dep_ == "ccomp" and any(c.dep_ in ("dobj", "dative") for c in clause.head.children):
        return False                          # "Washington told Moscow that it must withdraw": the one told
    speaker = speakers[0]
    if pronoun_kind(speaker) is not None:     # "he said she should call": two people
        return pronoun_kind(speaker) == pronoun_kind(subject) and \
            (speaker.lower_ in FEMININE) == (subject.lower_ in FEMININE)
    return agrees(subject.doc, subject, args.arg(speaker))
