"""Events whose subject is the one acted upon: criticism without an accuse verb, reactions,
and attacks told from the side of the one attacked.

Why this module exists: much criticism in news has no "accuse" verb. "Critics say the
government lacked empathy", "the minister misled parliament, the opposition said" and
"the plan drew criticism from doctors" are ACCUSE events whose target is the grammatical
subject and whose source is whoever says so (or the from-phrase). Attacks told from the
victim's side ("the village came under artillery fire") have the same shape. The words
live in ``plover.yaml`` (section ``judgements``); this module reads the parse and gives
each candidate its source and target tokens up front (``Candidate.preset``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.status import negated
from newsgraph.extract.events.candidate import Candidate


def _section(lex: Lexicon, name: str) -> frozenset:
    """A word list of the judgements section (lexicon frames named ``judgement_<name>``)."""
    return lex.frame(f"judgement_{name}")


def _from_phrase(token: Token, args: ArgBuilder, lex: Lexicon) -> list[Token]:
    """The actor heads of a "from X" / "by X" phrase on ``token``."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in lex.frame("judgement_source_preps"):
            out += [g for g in child.children if g.dep_ == "pobj" and args.actorish(g)]
    return args.expand(out)


def _critic(verb: Token, reporter_of) -> list[Token]:
    """Who says the subject of ``verb`` did wrong: the reporter of its clause, if any."""
    return list(reporter_of(verb))


def _preset(verb: Token, head: Token, kind: str, mode: Optional[str], sources: list[Token],
            targets: list[Token], start: int, end: int) -> Candidate:
    cand = Candidate(head, verb, "verb", kind, mode, start, end)
    cand.sources, cand.targets, cand.preset = sources, targets, True
    return cand


def _subjects(verb: Token, args: ArgBuilder) -> list[Token]:
    """The verb's subjects, or the actor named inside a subject ("the town of Bakhmut",
    "a Ukrainian convoy")."""
    heads = args.expand([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
    return [found for head in heads for found in (args.dig(head) or [head])]


# The sections whose words start a rule below (a new rule adds its own here): a
# sentence holding none of them is skipped before any token is read.
_START_SECTIONS = ("blame_verbs", "lack_verbs", "reaction_verbs", "under_verbs", "blame_adjectives",
                   "receipt_verbs", "culprit_adjectives", "behind_preps", "held_adjectives")


def judgements(sent: Span, lex: Lexicon, args: ArgBuilder, reporter_of) -> list[Candidate]:
    """ACCUSE and ASSAULT candidates whose subject is their target (see the module docstring).

    Args:
        sent: the sentence; lex: the lexicon; args: the Doc's argument builder;
        reporter_of: function giving the reporter tokens of a clause (``frames.reporter``).
    """
    out: list[Candidate] = []
    blame = _section(lex, "blame_verbs")
    lacking, qualities = _section(lex, "lack_verbs"), _section(lex, "qualities")
    reactions, criticism = _section(lex, "reaction_verbs"), _section(lex, "criticism_nouns")
    under = _section(lex, "under_verbs")
    armed = lex.cls("forces")
    words = sentence_words(sent, lex)
    if all(_section(lex, name).isdisjoint(words) for name in _START_SECTIONS):
        return out                            # none of the words these rules start from
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or negated(token, lex):
            continue
        lemma = lex.lemma(token)
        kids = list(token.children)
        if lemma in blame and (any(c.dep_ == "dobj" for c in kids) or any(
                c.dep_ == "prep" and c.lower_ in ("to", "about") for c in kids)):
            subjects = _subjects(token, args)        # "misled parliament", "lied to voters"
            if subjects:
                out.append(_preset(token, token, "ACCUSE", "disapprove", _critic(token, reporter_of),
                                   subjects, token.i, token.i + 1))
            continue
        if lemma in lacking:
            objs = [c for c in kids if c.dep_ == "dobj" and lex.lemma(c) in qualities]
            subjects = _subjects(token, args)        # "lacked empathy", "lacks credibility"
            if objs and subjects:
                out.append(_preset(token, token, "ACCUSE", "disapprove", _critic(token, reporter_of),
                                   subjects, token.i, objs[0].i + 1))
            continue
        if lemma in _section(lex, "holding_verbs"):
            held = [c for c in kids if c.dep_ == "dobj" and args.actorish(c) and any(   # "held X responsible" parsed X <- amod
                g.dep_ in ("amod", "oprd", "acomp") and lex.lemma(g) in _section(lex, "held_adjectives")
                for g in c.children)]
            if held and _subjects(token, args):
                out.append(_preset(token, token, "ACCUSE", "allege", _subjects(token, args),
                                   args.expand(held), token.i, token.i + 1))
                continue
        if lemma in _section(lex, "copulas"):
            found = _blamed(token, kids, lex, args, reporter_of) or _culprit(token, kids, lex, args, reporter_of)
            if found is not None:
                out.append(found)                    # "X's drills are provocative, Y said"
                continue                             # (else "X is under investigation", below)
        if lemma in _section(lex, "receipt_verbs"):
            found = _received(token, kids, lex, args)
            if found is not None:
                out.append(found)                    # "Zambia secured a loan from the IMF": IMF -> Zambia
                continue                             # ("received criticism" is a reaction)
        if lemma in reactions:
            objs = [c for c in kids if c.dep_ == "dobj" and lex.lemma(c) in criticism]
            subjects = _subjects(token, args)        # "drew condemnation from X", "faced criticism"
            raw = [c for c in kids if c.dep_ == "nsubj"]
            event = lex.nouns.get(lex.lemma(raw[0])) if raw else None
            if event is not None and event.type:     # "the killing of X by Y drew condemnation": Y is blamed
                subjects = args.noun_args(raw[0], lex.lemma(raw[0]) in lex.cls("patient_nouns"))[0]
            if not subjects and token.dep_ == "advcl" and token.tag_ == "VBG":
                subjects = args.agents(token)        # "X scrapped the law, drawing condemnation"
            if objs and subjects and not any(lex.lemma(s) in lex.nouns for s in subjects):
                critics = _from_phrase(objs[0], args, lex) or _from_phrase(token, args, lex)
                out.append(_preset(token, objs[0], "ACCUSE", "disapprove", critics, subjects,
                                   objs[0].i, objs[0].i + 1))
            continue
        if lemma in under:
            for prep in kids:
                if prep.dep_ != "prep" or prep.lower_ not in _section(lex, "under_preps"):
                    continue
                for noun in (g for g in prep.children if g.dep_ == "pobj"):
                    found = _under(token, noun, lex, args, armed)
                    if found is not None:
                        out.append(found)
    return out


def _under(verb: Token, noun: Token, lex: Lexicon, args: ArgBuilder, armed) -> Optional[Candidate]:
    """"X came under fire / attack / criticism", "X is under investigation": an event done to X. Fire is criticism when it
    comes for or over something or from unarmed critics, force when armed words name it."""
    lemma = lex.lemma(noun)
    entry = lex.nouns.get(lemma)
    kind = entry.type if entry is not None and entry.type in ("ASSAULT", "ACCUSE", "INVESTIGATE") else None
    if lemma in _section(lex, "criticism_nouns"):
        kind = "ACCUSE"
    subjects = _subjects(verb, args)
    if not subjects:
        return None
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
    critics = _from_phrase(noun, args, lex) or _from_phrase(verb, args, lex)
    if lemma in _section(lex, "fire_nouns"):
        force = any(lex.lemma(m) in lex.cls("projectile") or lex.lemma(m) in armed or
                    lex.lemma(m) in lex.cls("trigger_modifiers") for m in mods) or any(
            lex.lemma(c) in armed or lex.sectors.get(lex.lemma(c)) in ("MIL", "REB") for c in critics)
        grievance = any(c.dep_ == "prep" and c.lower_ in lex.cls("grievance_preps")
                        for c in list(verb.children) + list(noun.children))
        kind = "ASSAULT" if force or not (grievance or critics) else "ACCUSE"
    if kind is None:
        return None
    sources = critics
    if kind == "ASSAULT" and not sources:
        sources = args.noun_args(noun, False)[0] or [m for m in mods if m.ent_type_ in ("NORP", "GPE")
                                                     and args.actorish(m)]   # "under Russian fire"
    mode = (entry.mode if entry is not None else None) if kind in ("ASSAULT", "INVESTIGATE") else "disapprove"
    if kind == "ASSAULT" and mode is None:
        mode = next((lex.cls("projectile").get(lex.lemma(m)) for m in mods
                     if lex.cls("projectile").get(lex.lemma(m))), None)     # "artillery fire"
    return _preset(verb, noun, kind, mode, sources, subjects, verb.i, noun.i + 1)


def _blamed(verb: Token, kids: list[Token], lex: Lexicon, args: ArgBuilder, reporter_of) -> Optional[Candidate]:
    """"X's move is irresponsible / provocative": a copula with a blaming adjective
    (``judgement_blame_adjectives``) is criticism of the actor named in the subject, by
    whoever says so. No named actor in the subject: no event."""
    adjs = [c for c in kids if c.dep_ == "acomp" and lex.lemma(c) in _section(lex, "blame_adjectives")]
    targets = [t for t in _subjects(verb, args) if args.actorish(t)]
    if not adjs or not targets:
        return None
    return _preset(verb, adjs[0], "ACCUSE", "disapprove", _critic(verb, reporter_of), targets,
                   adjs[0].i, adjs[0].i + 1)


def _received(verb: Token, kids: list[Token], lex: Lexicon, args: ArgBuilder) -> Optional[Candidate]:
    """"X received / secured aid (a loan, arms) from Y": AID by the giver (the from-phrase, or
    an actor naming the gift: "an IMF bailout") to the receiver, the subject. The gift must be
    aid (class ``aid``): a bare sum received may be a campaign donation."""
    for obj in (c for c in kids if c.dep_ == "dobj"):
        gift = obj
        for _ in range(2):                       # "$2 billion in aid", "500 tonnes of wheat"
            if lex.lemma(gift) not in lex.cls("transparent") and gift.ent_type_ != "MONEY":
                break
            inner = [g for c in gift.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                     for g in c.children if g.dep_ == "pobj"]
            if not inner:
                break
            gift = inner[0]
        mode = lex.cls("aid").get(lex.lemma(gift), "none")
        if mode == "none" and lex.lemma(gift) in lex.cls("received_arms"):
            mode = "military"                    # "received the first Leopard tanks from Germany"
        if mode == "none" or lex.lemma(gift) in _section(lex, "receipt_vague"):
            continue                             # a bare sum received may be a donation to a campaign
        for mod in (c for c in gift.children if c.dep_ in ("amod", "compound") and mode is None):
            entry = lex.nouns.get(f"{lex.lemma(mod)} {lex.lemma(gift)}")
            mode = entry.mode if entry is not None and entry.type == "AID" else None   # "military aid"
        receivers = [t for t in _subjects(verb, args) if args.actorish(t)]
        givers = _from_phrase(verb, args, lex) or _from_phrase(obj, args, lex) or _from_phrase(gift, args, lex) or [
            c for c in gift.children if c.dep_ in ("compound", "amod", "nmod") and args.actorish(c)]
        if receivers and givers:
            return _preset(verb, gift, "AID", mode, givers, receivers, gift.i, gift.i + 1)
    return None


# Acts whose culprit, once named, is accused: force, repression, measures, unrest, defiance
_WRONG_TYPES = frozenset(("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "REJECT"))


def _wrong_act(token: Token, lex: Lexicon) -> bool:
    """Whether a for-/behind-phrase names a wrong act: a hostile trigger word, a blocking or
    defying verb, a blamed verb, or a noun of ``judgement_wrong_nouns`` or of the dead."""
    lemma = lex.lemma(token)
    if token.pos_ in ("VERB", "AUX"):
        entry = lex.verbs.get(lemma)
        return (entry is not None and entry.type in _WRONG_TYPES) or lemma in lex.blockers or \
            lemma in lex.cls("defiance_verbs") or lemma in _section(lex, "blame_verbs")
    entry = lex.nouns.get(lemma)
    return (entry is not None and entry.type in _WRONG_TYPES) or lemma in _section(lex, "wrong_nouns") or \
        lemma in lex.cls("dead")


def _behind(prep: Token, obj: Token, lex: Lexicon) -> bool:
    """"X was behind the surge of migrants, Y said": being said to be behind something blames
    X for it, unless it is an achievement ("behind the deal / the reform": credit)."""
    if prep.lower_ not in _section(lex, "behind_preps"):
        return False
    entry = lex.nouns.get(lex.lemma(obj))
    return lex.lemma(obj) not in _section(lex, "credit_nouns") and not (
        entry is not None and entry.type in lex.cooperative)


def _culprit(verb: Token, kids: list[Token], lex: Lexicon, args: ArgBuilder, reporter_of) -> Optional[Candidate]:
    """"X was responsible for blocking the aid, Y said", "X is behind the bombing": naming
    the culprit of a wrong act accuses it (ACCUSE allege, CAMEO 112). Only when someone
    else says so (a reporter): the narrator's own "X was responsible for security" is none."""
    adjs = [c for c in kids if c.dep_ == "acomp" and lex.lemma(c) in _section(lex, "culprit_adjectives")]
    adjs += [c for c in kids if c.dep_ == "xcomp" and lex.lemma(c) in lex.cls("culprit_verbs")]   # "is to blame"
    preps = [p for a in adjs for p in a.children if p.dep_ == "prep" and p.lower_ in _section(lex, "culprit_preps")]
    preps += [p for p in kids if p.dep_ == "prep" and p.lower_ in _section(lex, "behind_preps")]
    if not any(a.pos_ == "VERB" for a in adjs) and not any(
            _wrong_act(g, lex) or _behind(p, g, lex) for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")):
        return None
    targets = [t for t in _subjects(verb, args) if args.actorish(t)]
    critics = _critic(verb, reporter_of)
    if not targets or not critics:
        return None
    head = adjs[0] if adjs else preps[-1]
    return _preset(verb, head, "ACCUSE", "allege", critics, targets, head.i, head.i + 1)
