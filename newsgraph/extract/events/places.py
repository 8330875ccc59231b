"""Countries of an event's source and target told by the setting rather than by the actors.

Why this module exists: wire copy often names a party only through where or amid what
an act happens. Unnamed gunmen "in Dhaka" are of Bangladesh; strikers who "paralysed
the port of Antwerp" are Belgian; a hospital stormed "in El Fasher" is a Sudanese
target; troops ordered "to the Colombian frontier" are moved against Colombia; a
country that "called up reservists as tensions with Moscow mounted" mobilises against
Russia; a loan "worth $300 million to Sri Lanka" goes to Sri Lanka, even though the
parser hangs "to Sri Lanka" on "worth"; "called for the resignation of President X"
asks X to go. PLOVER coders fill these in; the role assigner, which reads only the
event verb's own arguments, cannot. Each step here runs on a finished event, only
where its source or target has no country yet, and takes the words it looks for from
``plover.yaml`` classes (``friction_nouns``, ``frontier_nouns``, ``removal_nouns``,
``recipient_preps``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.records import Arg, Event
from newsgraph.extract.events.countries import CountryResolver, gazetteer, named_place_country, place_key
from newsgraph.extract.events.fill import home_state_target
from newsgraph.extract.events.lexicon import Lexicon

# Sectors of a group that acts where it is: an unnamed crowd, band, force or party.
LOCAL_SECTORS = frozenset(("GOV", "OPP", "PTY", "CVL", "REB", "JUD", "LEG", "COP", "EDU", "LAB", "MED",
                           "REF", "REL", "BUS", "AGR", "MIL", "CRM", "UAF"))
# Acts whose doer is a visitor or a giver by nature: being somewhere says nothing of whose it is.
VISITING_TYPES = frozenset(("AID", "CONSULT"))
# Acts whose partner "amid tensions with X" may be: not attacks or protests, which name their own.
PARTNER_TYPES = frozenset(("MOBILIZE", "RETREAT", "SANCTION", "THREATEN", "COERCE", "CONCEDE", "REJECT",
                           "AGREE", "CONSULT", "COOPERATE", "REQUEST", "SUPPORT", "ACCUSE", "INVESTIGATE"))
# Acts that hand something over: a recipient may hang anywhere inside the long object.
GIVING_TYPES = frozenset(("AGREE", "AID", "COOPERATE", "SUPPORT", "RETREAT"))


def settle(doc: Doc, cand, event: Event, named: set, resolver: CountryResolver, args, lex: Lexicon) -> None:
    """Fill what the setting tells of one event's parties, then the home-state target.

    Args:
        doc: the Doc; cand: the event's Candidate (head and anchor tokens);
        event: the finished Event (edited in place); named: countries the sentence names;
        resolver: the country resolver; args: the Doc's ArgBuilder; lex: the event lexicon.
    """
    verbs = _event_verbs(cand)
    if event.type in ("MOBILIZE", "RETREAT") and not _foreign_target(event):
        _frontier_target(event, verbs, args, lex)
    if event.type in ("MOBILIZE", "RETREAT"):
        _drop_own_places(doc, event)
    if event.type in PARTNER_TYPES and not _foreign_target(event):
        _friction_partner(event, verbs, args, lex)
    if event.type in GIVING_TYPES and (not _foreign_target(event) or _topical(doc, event, verbs)):
        _recipient(event, verbs, args, lex)
    if event.type in ("REQUEST", "PROTEST") and not any(a.country for a in event.target):
        _removed(event, verbs, args, lex)
    if event.type == "PROTEST" and not any(a.country for a in event.target):
        _protest_aim(event, cand, args, lex)
    if event.type == "PROTEST" and not event.source and cand.kind == "noun":
        _crowd_at(event, cand, args)
    if event.type in ("ASSAULT", "COERCE"):
        _attacked_thing(event, cand, args, lex, resolver, verbs)
    if event.type in GIVING_TYPES:
        _drop_topics(doc, event, verbs)
    _local_source(doc, event, resolver, verbs, lex)
    home_state_target(doc, event, named, resolver)


def _event_verbs(cand) -> list[Token]:
    """The event's trigger and anchor, and the verbs they govern by "to" ("vowed to deposit")."""
    out = []
    for token in (cand.head, cand.anchor):
        if token is not None and token not in out:
            out.append(token)
    for token in list(out):
        out += [c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c not in out]
    return out


def _own_clause(token: Token, verbs: list[Token]) -> bool:
    """Whether ``token`` is said in the event's own clause: the path up to an event verb
    crosses no other finite clause ("... as tensions with X mounted" still counts; "..., a
    charge X denied" does not)."""
    walk = token
    for _ in range(8):
        if walk in verbs:
            return True
        if walk.dep_ in ("ccomp", "relcl", "parataxis", "conj") and walk.pos_ in ("VERB", "AUX"):
            return False
        if walk.head is walk:
            return False
        walk = walk.head
    return False


def _source_countries(event: Event) -> set:
    return {a.country for a in event.source if a.country}


def _foreign_target(event: Event) -> bool:
    """Whether a target with a country other than the source's is already there."""
    home = _source_countries(event)
    return any(a.country and a.country not in home for a in event.target)


def _topical_arg(doc: Doc, arg: Arg, verbs: list[Token]) -> bool:
    """Whether an argument was found inside what the act is about ("sharing information on
    al-Shabaab movements with ...": al-Shabaab is the topic, not the partner)."""
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    walk, topical = span.root, False
    while walk not in verbs and walk.head is not walk:
        topical = topical or (walk.dep_ == "prep" and walk.lower_ in ("on", "about", "over", "regarding"))
        walk = walk.head
    return topical and walk in verbs


def _topical(doc: Doc, event: Event, verbs: list[Token]) -> bool:
    """Whether every target is only what the act is about."""
    return bool(event.target) and all(_topical_arg(doc, a, verbs) for a in event.target)


def _replace_targets(event: Event, found: list[Arg], doc: Optional[Doc] = None,
                     verbs: tuple = ()) -> None:
    """Put ``found`` in place of targets that say nothing new (no country, or the source's own:
    "massed troops near its border")."""
    home = _source_countries(event)
    kept = [] if doc is not None and _topical(doc, event, list(verbs)) else \
        [a for a in event.target if a.country and a.country not in home]
    event.target = kept + found


def _partner(token: Token, args, home: set) -> Optional[Arg]:
    """The resolved Arg of ``token`` when it names an actor of a country other than ``home``."""
    for head in args.dig(token):
        arg = args.arg(head)
        if arg is not None and arg.country and arg.country not in home:
            return arg
    return None


def _frontier_target(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"ordered battalions to the Colombian frontier", "sent police to its border with Turkey",
    "withdrew from positions near the Malian border": the country across the border."""
    frontier = lex.cls("frontier_nouns")
    home = _source_countries(event)
    for verb in verbs:
        for token in verb.subtree:
            if lex.lemma(token) not in frontier or token.pos_ != "NOUN" or not _own_clause(token, verbs):
                continue
            owners = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
            owners += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
                       for g in c.children if g.dep_ == "pobj"]
            for owner in owners:
                found = _partner(owner, args, home)
                if found is not None:
                    _replace_targets(event, [found])
                    return


def _drop_own_places(doc: Doc, event: Event) -> None:
    """"massed troops near its western border", "pulled back to their bases": the source's own
    ground ("its", "their") is no target of its own deployment."""
    home = _source_countries(event)
    kept = []
    for arg in event.target:
        span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
        own = span is not None and len(span) == 1 and span.root.dep_ == "poss" and span.root.pos_ == "PRON"
        if not (own and arg.country in home):
            kept.append(arg)
    event.target = kept


def _friction_partner(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"called up reservists as tensions with Moscow mounted", "stand down as border tension
    with Cambodia eases", "expelled two diplomats amid a row with Lisbon": the other party."""
    friction = lex.cls("friction_nouns")
    home = _source_countries(event)
    if not home and not any(a.actor for a in event.source):
        return
    for verb in verbs:
        for token in verb.subtree:
            if lex.lemma(token) not in friction or not _own_clause(token, verbs):
                continue
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ != "with":
                    continue
                for pobj in prep.children:
                    found = _partner(pobj, args, home) if pobj.dep_ == "pobj" else None
                    if found is not None:
                        _replace_targets(event, [found])
                        return


def _recipient(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"extend a yen loan worth $300 million to Sri Lanka", "deposit $3 billion in Pakistan's
    central bank", "sharing information on X with its Ethiopian counterparts": the recipient
    or partner the parser hung inside the long object, or on the verb by a preposition the
    verb's entry in ``recipient_preps`` names."""
    preps = lex.cls("recipient_preps")
    home = _source_countries(event)
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        own = set(preps.get(lex.lemma(verb)) or ())
        spots = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in own]
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            spots += [t for t in obj.subtree if t.dep_ == "prep" and t.lower_ in ("to", "with")
                      and t.head is not verb and not any(a.pos_ in ("VERB", "AUX") and a in obj.subtree and a.dep_ in (
                          "relcl", "acl", "advcl", "ccomp", "xcomp") for a in t.ancestors)]   # not "a loan to build X"
        for prep in spots:
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                found = _partner(pobj, args, home)
                if found is not None:
                    _replace_targets(event, [found], pobj.doc, tuple(verbs))
                    return


def _removed(event: Event, verbs: list[Token], args, lex: Lexicon) -> None:
    """"called for the resignation of President X", "demanding X's ouster": X is asked to go."""
    removal = lex.cls("removal_nouns")
    for verb in verbs:
        for token in verb.subtree:
            if lex.lemma(token) not in removal or token.pos_ != "NOUN" or not _own_clause(token, verbs):
                continue
            holders = [c for c in token.children if c.dep_ == "poss"]
            holders += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"]
            for holder in holders:
                arg = next((a for a in map(args.arg, args.dig(holder)) if a is not None and a.country), None)
                if arg is not None:
                    event.target = [a for a in event.target if a.country] + [arg]
                    return


def _attacked_thing(event: Event, cand, args, lex: Lexicon, resolver: CountryResolver,
                    verbs: list[Token]) -> None:
    """"stormed a hospital in El Fasher", "torched homes in a raid on a village in Borno state",
    "slammed into a market in Mogadishu": a thing attacked in a place is a target of the
    place's country (as PLOVER codes attacked buildings and villages). Only an object of
    the attack verb, never a weapon ("detonated a bomb") or the place itself."""
    location = event.location
    place = location.country if location is not None and location.country else _object_place(verbs, resolver)
    if place is None or any(a.country for a in event.target):
        return
    for arg in event.target:                  # "besieged the opposition stronghold of Homs"
        if arg.country is None and (arg.actor is None or arg.actor.startswith("org:")) and arg.sector != "IGO":
            arg.country = place
    if any(a.country for a in event.target) or event.type != "ASSAULT":
        return
    verb = cand.head
    if verb.pos_ != "VERB":
        return
    weapons = set(lex.cls("projectile")) | set(lex.cls("explosives")) | {"fire", "shot", "gun", "weapon"}
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "on", "at")
                   for g in c.children if g.dep_ == "pobj"]
    for obj in objects:
        if obj.pos_ not in ("NOUN", "PROPN", "NUM") or lex.lemma(obj) in weapons:
            continue
        arg = args.arg(obj)
        if arg is None or arg.country or (arg.actor or "").startswith(("person:", "igo:")):
            continue
        if location is not None and (location.start, location.end) == (arg.start, arg.end):
            continue
        arg.country = place
        event.target = [a for a in event.target if (a.start, a.end) != (arg.start, arg.end)] + [arg]
        return


def _place_country(doc: Doc, arg: Arg, resolver: CountryResolver) -> Optional[str]:
    """The country of a target that is a town or city (not a whole country): "shelled Goma"."""
    if not arg.country:
        return None
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if span is None or not len(span) or (arg.actor or "").startswith(("person:", "igo:")):
        return None
    if span.root.ent_type_ not in ("GPE", "LOC", "FAC") and span.root.pos_ != "PROPN":
        return None                          # a city the tagger took for a person or a firm: "Goma"
    country, sector = resolver.resolve(span.text)
    if country and sector is None:
        return None                          # the country itself: its people need not be local
    return arg.country if place_key(span.text) in gazetteer() or sector == "GOV" else None


_TOWARDS = ("of", "into", "to", "in", "through", "toward", "towards")


def _object_place(verbs: list[Token], resolver: CountryResolver) -> Optional[str]:
    """The country of a town named inside the act's object or as where it went ("blockaded
    the main road into Potosi", "paralysed the port of Antwerp", "marched into Bamako")."""
    for verb in verbs:
        heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        heads += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "through", "to", "toward",
                                                                               "towards")]   # "marched into Bamako"
        for obj in heads:
            for token in obj.subtree:
                if token.dep_ != "pobj" or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN") or \
                        token.ent_type_ == "PERSON" or token.head.lower_ not in _TOWARDS:
                    continue
                start = min([c.i for c in token.lefts if c.dep_ == "compound"] + [token.i])
                name = token.doc[start:token.i + 1].text          # "New York", not "York"
                country, sector = resolver.resolve(name)
                if country and sector is None:
                    return None                  # a country: "the road to Chile" may lead abroad
                country = country or named_place_country(name)
                if country:
                    return country
    return None


def _unplaced(doc: Doc, arg: Arg, event: Event, lex: Lexicon) -> bool:
    """Whether a source is a group with no country of its own that acts where it is: a crowd,
    band, force or party known by its sector, a protesting crowd ("striking truckers") or an
    attacker ("unknown assailants") known by what it does."""
    if arg.country is not None or not (arg.actor is None or arg.actor.startswith("org:")) or arg.sector == "IGO":
        return False
    if arg.sector in LOCAL_SECTORS:
        return True
    if arg.sector is not None:
        return False
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ != "NOUN":
        return False
    return event.type == "PROTEST" or lex.lemma(span.root) in lex.cls("attackers")


def _drop_topics(doc: Doc, event: Event, verbs: list[Token]) -> None:
    """A partner named with "with" or "to" outranks actors named only as what the act is about
    ("sharing intelligence on Boko Haram cells with their Chadian counterparts")."""
    topical = [a for a in event.target if _topical_arg(doc, a, verbs)]
    if topical and len(topical) < len(event.target):
        event.target = [a for a in event.target if a not in topical]


def _local_source(doc: Doc, event: Event, resolver: CountryResolver, verbs: list[Token], lex: Lexicon) -> None:
    """An unnamed group acting in a place ("gunmen ... in Dhaka", "striking dockworkers
    paralysed the port of Antwerp", "herders marched on the district headquarters in
    Narok") is of the place's country when nothing else names its country; the place is
    the event's location, else a town it acts on. Visitors and givers are not."""
    if event.type in VISITING_TYPES:
        return
    open_args = [a for a in event.source if _unplaced(doc, a, event, lex)]
    if not open_args:
        return
    place = event.location.country if event.location is not None and event.location.country else None
    if place is None:
        place = next((c for c in (_place_country(doc, a, resolver) for a in event.target) if c), None)
    if place is None and event.type in ("PROTEST", "ASSAULT", "COERCE"):
        place = _object_place(verbs, resolver)
    if place is None:
        return
    for arg in open_args:
        arg.country = place
        if arg.sector is None and event.type == "PROTEST":
            arg.sector, arg.actor = "CVL", f"org:{place.lower()}-protesters"   # as fill.complete names crowds
        if arg.sector and (arg.actor is None or arg.actor == f"org:{arg.sector.lower()}"):
            arg.actor = f"org:{place.lower()}-{arg.sector.lower()}"


def _protest_aim(event: Event, cand, args, lex: Lexicon) -> None:
    """Whom a protest with no target yet is against: "blocked roads and burned tyres in protest
    at X's refusal" (the "at" phrase hangs on the verb beside "in protest"), "boycotted
    classes to protest against the junta's arrest of ..." (a purpose clause of protest),
    "staged a sit-in outside the health ministry in Khartoum" (a seat of power it is held
    at; of the location's country when the seat names none)."""
    anchor = cand.anchor
    verbs = [anchor] + [c for c in anchor.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    protest_words = lex.cls("protest_purpose_verbs")
    for verb in verbs:
        kids = list(verb.children)
        said = any(c.dep_ == "prep" and c.lower_ == "in" and any(lex.lemma(g) == "protest" for g in c.children)
                   for c in kids)
        heads = [g for c in kids if said and c.dep_ == "prep" and c.lower_ in ("at", "over", "against")
                 for g in c.children if g.dep_ == "pobj"]
        purposes = [c for c in kids if c.dep_ in ("advcl", "xcomp")]
        purposes += [c for o in kids if o.dep_ == "dobj" for c in o.children if c.dep_ in ("acl", "relcl")
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]   # "classes to protest"
        heads += [t for c in purposes if lex.lemma(c) in protest_words for t in args.objects(c, "PROTEST")]
        found = [a for a in map(args.arg, (d for h in heads for d in args.dig(h))) if a is not None and a.country]
        if found:
            event.target = found
            return
    seats = lex.cls("seat_nouns")
    location = event.location
    for token in anchor.subtree:
        if token.dep_ != "pobj" or lex.lemma(token) not in seats or \
                token.head.lower_ not in ("outside", "at", "before", "near", "in front of", "front"):
            continue
        arg = args.arg(token)
        if arg is None or (arg.actor or "").startswith(("person:", "igo:")):
            continue
        arg.country = arg.country or (location.country if location is not None else None)
        arg.sector = arg.sector or "GOV"
        if arg.country:
            event.target = [arg]
            return


CROWD_SECTORS = frozenset(("CVL", "OPP", "LAB", "EDU", "AGR", "MED", "REL", "PTY", "REF"))


def _crowd_at(event: Event, cand, args) -> None:
    """A protest told as a noun in a "during / at" phrase is held by the crowd the clause is
    about: "Opposition supporters in Kinshasa clashed with police during a rally against X"
    (the supporters rallied). Only a crowd: police firing tear gas "during a march" did not
    march."""
    head = cand.head
    if head.dep_ != "pobj" or head.head.lower_ not in ("during", "at", "amid") or head.head.head.pos_ != "VERB":
        return
    verb = head.head.head
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        arg = args.arg(subject)
        if arg is not None and arg.sector in CROWD_SECTORS and arg.country:
            event.source = [arg]
            return
