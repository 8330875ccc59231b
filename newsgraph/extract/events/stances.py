"""Stances that are threats: "X will not tolerate Y", "do Z or face W".

Why this module exists: a state saying it "will not tolerate" an act announces that it will
act against it; PETRARCH2 codes "WILL NOT TOLERATE" and "WARN * WOULD NOT TOLERATE" as 130
(threaten). "Told X to leave or face military action" is an ultimatum (CAMEO 139, THREATEN).
No threat verb appears, so the frame rules' word tables miss both. The words live in
``plover.yaml`` (``frames.intolerance_verbs``, ``frames.ultimatum_verbs``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.events.frames import harm_noun, threaten_mode
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.status import modals, negated
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.argwords import to_infinitive


def intolerance(sent: Span, lex: Lexicon) -> list[Candidate]:
    """THREATEN candidates for "will / would not tolerate ..." said of a subject that acts."""
    out: list[Candidate] = []
    words = lex.frame("intolerance_verbs")
    if words.isdisjoint(sentence_words(sent, lex)):
        return out
    future = lex.frame("future_modals") | {"would"}
    for token in sent:
        if token.pos_ != "VERB" or lex.lemma(token) not in words or not negated(token, lex):
            continue
        if not modals(token) & future or not any(c.dep_ == "nsubj" for c in token.children):
            continue                          # "tolerance is not ...", "is not tolerated": no one acts
        cand = Candidate(token, token, "verb", "THREATEN", None, token.i, token.i + 1, role="threat")
        cand.fixed_status = "asserted"        # the refusal to tolerate is the threat, which is made
        out.append(cand)
    return out


def _penalty_noun(token, lex: Lexicon):
    """The type of the penalty an ultimatum names: a harm ("military action", "sanctions") or
    pressure from below ("a general strike", "road blockades": ``frames.ultimatum_pressure_types``,
    CAMEO 133 threatens protest)."""
    harm = harm_noun(token, lex)
    if harm or token.pos_ not in ("NOUN", "PROPN"):
        return harm
    lemma = lex.lemma(token)
    keys = [f"{lex.lemma(c)} {lemma}" for c in token.lefts if c.dep_ in ("amod", "compound")] + [lemma]
    entry = next((lex.nouns[k] for k in keys if k in lex.nouns), None)
    return entry.type if entry is not None and (entry.type or "").lower() in lex.frame("ultimatum_pressure_types") else None


def _given(issuer: Token, demanded: Token) -> list[Token]:
    """Whom a deadline is set for: "for X" on the setting verb or its deadline noun, or the
    subject of a for-to clause ("a deadline for the government to scrap the tax")."""
    phrases = list(issuer.children) + [t for o in issuer.children if o.dep_ == "dobj" for t in o.subtree]
    found = [g for p in phrases if p.dep_ == "prep" and p.lower_ == "for" and not p.is_ancestor(demanded)
             for g in p.children if g.dep_ == "pobj"]
    if any(m.dep_ == "mark" and m.lower_ == "for" for m in demanded.children):
        found += [s for s in demanded.children if s.dep_ == "nsubj"]
    return found


def ultimatums(sent: Span, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """THREATEN for "gave / told / ordered X to act or face <harm>": the demand with its
    penalty is an ultimatum. An existing trigger on the governing verb ("ordered") is
    retyped; otherwise a candidate is made there. Returns the new candidates."""
    out: list[Candidate] = []
    words = lex.frame("ultimatum_verbs")
    if words.isdisjoint(sentence_words(sent, lex)) or "or" not in sentence_words(sent, lex):
        return out
    for token in sent:
        if lex.lemma(token) not in words or token.dep_ != "conj" or not any(
                c.dep_ == "cc" and c.lower_ == "or" for c in token.head.children):
            continue
        harm = next((h for c in token.children if c.dep_ == "dobj" for h in (_penalty_noun(c, lex),) if h), None)
        demanded = token.head
        issuer = demanded.head if demanded.dep_ in ("xcomp", "ccomp") or (demanded.dep_ == "advcl" and to_infinitive(demanded)) else None
        if issuer is None and demanded.dep_ in ("relcl", "acl") and demanded.head.dep_ == "dobj" and to_infinitive(demanded):
            issuer = demanded.head            # "gave X 72 hours to surrender or face ...": the time given
        if issuer is not None and issuer.pos_ == "NOUN" and issuer.dep_ == "dobj":
            issuer = issuer.head              # "set a deadline for X to act or face ...": the setting verb
        if harm is None or issuer is None or not any(c.dep_ == "nsubj" for c in issuer.children):
            continue
        mode = threaten_mode(Candidate(token, token, "verb", harm, None, token.i, token.i + 1), lex)
        found = next((c for c in cands if c.head.i == issuer.i), None)
        if found is not None:
            found.type, found.mode, found.role, found.converted = "THREATEN", mode, "threat", True
        else:
            found = Candidate(issuer, issuer, "verb", "THREATEN", mode, issuer.i, issuer.i + 1, role="threat")
            found.fixed_status = "asserted"
            out.append(found)
        for inner in cands:                   # "... for the government to scrap the tax": only demanded
            if inner is not found and inner.wrapper is None and inner.anchor.i == demanded.i:
                inner.wrapper = found
        given = _given(issuer, demanded)
        subjects = [c for c in issuer.children if c.dep_ == "nsubj"]
        if given and subjects:                # "set a deadline for Niger's junta to ...": the junta
            found.sources, found.targets, found.preset = subjects, given, True
    return out


