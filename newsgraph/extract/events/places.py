"""Countries of an event's source and target told by the setting rather than by the actors.

Why this module exists: wire copy often names a party only through where or amid what
an act happens. Unnamed gunmen "in Dhaka" are of Bangladesh; strikers who "paralysed
the port of Antwerp" are Belgian; a hospital stormed "in El Fasher" is a Sudanese
target; troops ordered "to the Colombian frontier" are moved against Colombia; a
country that "called up reservists as tensions with Moscow mounted" mobilises against
Russia; a loan "worth $300 million to Sri Lanka" goes to Sri Lanka, even though the
parser hangs "to Sri Lanka" on "worth"; "called for the resignation of President X"
asks X to go. PLOVER coders fill these in; the role assigner, which reads only the
event verb's own arguments, cannot. Each step runs on a finished event, only where its
source or target has no country yet; this module holds the place steps and ``settle``,
``partners.py`` the steps that find the other party in a phrase beside the arguments.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from newsgraph.records import Arg, Event
from newsgraph.extract.events.countries import CountryResolver, gazetteer, named_place_country, place_key
from newsgraph.extract.events.fill import home_state_target
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.partners import (claimed_doer, crowd_at, drop_own_places, drop_topics, foreign_target,
                                               friction_partner, frontier_target, protest_aim, recipient,
                                               removed, topical)

# Sectors of a group that acts where it is: an unnamed crowd, band, force or party.
LOCAL_SECTORS = frozenset(("GOV", "OPP", "PTY", "CVL", "REB", "JUD", "LEG", "COP", "EDU", "LAB", "MED",
                           "REF", "REL", "BUS", "AGR", "MIL", "CRM", "UAF"))
# Acts whose doer is a visitor or a giver by nature: being somewhere says nothing of whose it is.
VISITING_TYPES = frozenset(("AID", "CONSULT"))
# Acts whose partner "amid tensions with X" may be: not attacks or protests, which name their own,
# and not deals or talks, made with someone else because of X ("agreed to buy gas from Qatar as
# tensions with Russia grew").
PARTNER_TYPES = frozenset(("MOBILIZE", "RETREAT", "SANCTION", "THREATEN", "COERCE", "CONCEDE", "REJECT",
                           "REQUEST", "ACCUSE", "INVESTIGATE"))
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
    if event.type in ("MOBILIZE", "RETREAT") and not foreign_target(event):
        frontier_target(event, verbs, args, lex)
    if event.type == "MOBILIZE":
        drop_own_places(doc, event)
    if event.type in PARTNER_TYPES and not foreign_target(event):
        friction_partner(event, verbs, args, lex)
    if event.type in GIVING_TYPES and (not foreign_target(event) or topical(doc, event, verbs)):
        recipient(event, verbs, args, lex)
    if event.type in ("REQUEST", "PROTEST") and not any(a.country for a in event.target):
        removed(event, verbs, args, lex)
    if event.type == "PROTEST" and not any(a.country for a in event.target):
        protest_aim(event, cand, args, lex)
    if event.type == "INVESTIGATE" and not any(a.country for a in event.target):
        claimed_doer(event, verbs, args, lex)
    if event.type == "PROTEST" and not event.source and cand.kind == "noun":
        crowd_at(event, cand, args)
    if event.type in ("ASSAULT", "COERCE"):
        _attacked_thing(event, cand, args, lex, resolver, verbs)
    if event.type in GIVING_TYPES:
        drop_topics(doc, event, verbs)
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


def _from_afar(doc: Doc, arg: Arg, lex: Lexicon) -> bool:
    """Whether a source is a weapon or craft that strikes from a distance ("rockets fired from
    Gaza struck a house in Sderot"): where it hits says nothing of whose it is."""
    span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = lex.lemma(span.root)
    return word in lex.cls("projectile") or word in lex.cls("explosives") or word in lex.cls("strike_craft")


def _local_source(doc: Doc, event: Event, resolver: CountryResolver, verbs: list[Token], lex: Lexicon) -> None:
    """An unnamed group acting in a place ("gunmen ... in Dhaka", "striking dockworkers
    paralysed the port of Antwerp", "herders marched on the district headquarters in
    Narok") is of the place's country when nothing else names its country; the place is
    the event's location, else a town it acts on. Visitors and givers are not."""
    if event.type in VISITING_TYPES:
        return
    open_args = [a for a in event.source if _unplaced(doc, a, event, lex) and not _from_afar(doc, a, lex)]
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
