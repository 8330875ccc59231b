"""Details that complete a sentence's events: magnitudes, missing countries, merging.

Why this module exists: after each trigger has its type and actors, a few
sentence-level steps remain. Casualty figures and crowd sizes are handed to
the events they measure; places and domestic context fill countries the way
PLOVER coders do; and two mentions of one event in a sentence ("killed in a
suicide bombing") become one record, because analysts count events, not
words.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from newsgraph.records import Actor, Arg, Event
from newsgraph.extract.events.argwords import foreign_markers, solo_words
from newsgraph.extract.events.countries import CountryResolver, named_place_country
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.numbers import quantities
from newsgraph.extract.events.resolve import same_party

# Acts whose recipient PLOVER codes as the place they are done in when no one else is named
# ("reimposed blockades in the West Bank" -> PSE). Not protests or attacks: one without a
# named target has an empty target; where it happened is its location ("rallies in Brussels",
# "fighting in Tripoli").
PLACE_TARGET_TYPES = frozenset(("COERCE", "MOBILIZE", "CONCEDE", "RETREAT", "INVESTIGATE", "AID"))
DOMESTIC_SECTORS = frozenset(("GOV", "OPP", "PTY", "CVL", "REB", "JUD", "LEG", "COP", "EDU", "LAB", "MED",
                              "REF", "REL", "BUS"))
# Bodies whose reach is their own state: a person they question, arrest, charge or refuse
# ("Spanish prosecutors opened an investigation into former king Juan Carlos") is taken to be
# of that state when the sentence names no other; PLOVER codes such acts as domestic.
HOME_SECTORS = frozenset(("JUD", "COP", "LEG"))
HOME_TYPES = frozenset(("INVESTIGATE", "COERCE", "ACCUSE", "REJECT", "REQUEST", "SANCTION", "CONCEDE"))
# Forces of order that arrest, detain or ban: with no country of their own, those of the one
# country whose people they coerce (when the sentence names no other).
ENFORCER_SECTORS = frozenset(("COP", "SPY", "MIL", "JUD", "GOV"))
SIZE_TYPES = frozenset(("PROTEST", "COERCE", "SANCTION", "MOBILIZE"))
# Acts whose unnamed victims ("people", "police officers", "protesters") are of the place they are
# hit in, as PLOVER codes them; the place itself stays the location.
VICTIM_TYPES = frozenset(("ASSAULT", "COERCE"))

def sentence_countries(sent: Span, ents: list, resolver: CountryResolver, labels: tuple = ("GPE", "NORP")) -> set:
    """Countries named by the sentence's place and nationality entities.

    Args:
        sent: the sentence; ents: the Doc's entities (read once per Doc);
        resolver: the country resolver.
    """
    found = set()
    for ent in ents:
        if ent.start >= sent.start and ent.end <= sent.end and ent.label_ in labels:
            country, _sector = resolver.resolve(ent.text)
            if country:
                found.add(country)
    return found


def complete(event: Event, named: set, states: frozenset = frozenset()) -> None:
    """Fill missing countries the way PLOVER coders do.

    - A coercive or military act done in a place ("curfew in Cizre",
      "troops on alert in the West Bank") with no identified target gets
      the place as target (PLOVER recipients may be places); a protest never
      does, and an attack only when the place is in another country than its
      attackers', one the sentence names or a city known by that very name
      ("Russia's offensive in eastern Ukraine": on Ukraine).
    - Victims of an attack or a crackdown known only by what they are ("20 people",
      "police officers", "protesters") are of the place they were hit in.
    - Protesters without a nationality are taken to be from where they
      protest; a protest that names no one ("rallies took place in
      Belgium") is by the crowd of its place (``org:bel-protesters``).
    - A domestic-looking argument ("the opposition party", "the electoral
      commission") with no country of its own takes the one country the
      sentence names, when the event's own clause names it as a state, not
      only by a nationality word ("called for Armenian detainees' rights")
      or in another clause ("urged by France ... as world leaders arrived");
      a domestic-looking target takes the source's country
      when the sentence names no other country.
    """
    location = event.location
    if location is not None and location.country:
        if event.type in PLACE_TARGET_TYPES and not any(informative(a) for a in event.target):
            event.target.append(Arg(location.start, location.end, location.text, country=location.country))
        if event.type in VICTIM_TYPES:              # "killed 20 people in Lebanon": Lebanon's people
            for arg in event.target:
                if arg.country is None and (arg.actor is None or arg.actor.startswith("org:")) \
                        and arg.sector in DOMESTIC_SECTORS | {"MIL"}:
                    arg.country = location.country
        home = {a.country for a in event.source if a.country}
        sure = location.country in named or named_place_country(location.name or location.text) == location.country
        if event.type == "ASSAULT" and home and location.country not in home and sure \
                and not any(a.country for a in event.target):   # "Russia's offensive in Ukraine": on Ukraine
            event.target.append(Arg(location.start, location.end, location.text, country=location.country))
    place = location.country if location is not None and location.country else (
        next(iter(named)) if len(named) == 1 else None)
    if place and event.type == "PROTEST" and not event.source and location is not None and location.country:
        event.source.append(Arg(location.start, location.end, location.text, actor=f"org:{place.lower()}-protesters",
                                country=place, sector="CVL"))   # "rallies took place in Belgium": its crowd
    if place and event.type in ("PROTEST", "COERCE"):
        for arg in event.source:
            if arg.country is None and arg.actor is None:
                arg.country = place
                if event.type == "PROTEST":
                    arg.actor = f"org:{place.lower()}-protesters"
    struck = {a.country for a in event.target if a.country}
    if event.type == "COERCE" and len(struck) == 1 and named <= struck:
        for arg in event.source:                  # "the detention of a Saudi activist by the security
            if arg.country is None and arg.sector in ENFORCER_SECTORS and not (arg.actor or "").startswith("igo:"):
                arg.country = next(iter(struck))  # services": that state's services, none other named
    if len(named) == 1 and named <= states:   # "The Umma party said it will boycott Algeria's elections"
        for arg in event.source + event.target:
            if arg.country is None and arg.sector in DOMESTIC_SECTORS and not (arg.actor or "").startswith("igo:"):
                arg.country = next(iter(named))   # a group of that country, not the country itself
                arg.actor = arg.actor or f"org:{arg.country.lower()}-{arg.sector.lower()}"
    home = {a.country for a in event.source if a.country}
    if len(home) == 1:
        country = next(iter(home))
        at_home = any(a.sector in HOME_SECTORS for a in event.source) and event.type in HOME_TYPES
        for arg in event.target:                  # not "the visiting president", "his counterpart"
            if arg.country is None and ((named <= home and arg.sector in DOMESTIC_SECTORS) or (
                    at_home and (arg.actor or "").startswith("person:"))) and \
                    not set(arg.text.lower().split()) & foreign_markers():
                arg.country = country

def home_state_target(doc: Doc, event: Event, named: set, resolver: CountryResolver) -> None:
    """A body acting at home with no one named as target acts on its own state, as PLOVER
    codes it: "Zimbabwe's opposition leader rejected the election results", "Moldova's
    parliament passed a law restricting ..." are aimed at Zimbabwe, Moldova. The target is
    the country word inside the source phrase, only when the source is a part of that
    country (not the country itself), the sentence names no other country, and the act is
    no protest or attack (one without a named target keeps an empty target)."""
    if event.target or event.type in ("PROTEST", "ASSAULT") or len(event.source) != 1:
        return
    source = event.source[0]
    if event.type in ("RETREAT", "MOBILIZE") and source.sector in ("MIL", "REB"):
        return                                    # "Russian forces pulled out": not from Russia
    home = source.country
    if not home or source.actor == home or not named <= {home}:
        return
    span = doc.char_span(source.start, source.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return
    for token in span:
        if token.i == span.root.i or token.ent_type_ not in ("GPE", "NORP") or token.ent_iob_ != "B":
            continue
        country, sector = resolver.resolve(token.text)
        if country == home and sector is None:
            event.target.append(Arg(token.idx, token.idx + len(token), token.text, actor=home, country=home))
            return


def _joined(doc: Doc, args: list[Arg]) -> bool:
    """Whether arguments were written as one joined subject: conjuncts ("Peru and Chile",
    "Indian and Bangladeshi guards"), a headline comma ("Kenya, Ethiopia agree") or one
    plural pronoun standing for them all; not two subjects of a misparsed clause."""
    roots = []
    for arg in args:
        span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        roots.append(span.root)
    first = roots[0]
    joined = {c.i for c in first.conjuncts} | {first.i}
    comma = first.right_edge.i + 1 < len(doc) and doc[first.right_edge.i + 1].text == ","
    return all(r.i in joined or (r.head.i == first.head.i and r.i > first.i and (
        comma or {r.dep_, first.dep_} & {"dep", "npadvmod"})) for r in roots[1:])


def split_joint(doc: Doc, events: list[Event], joint: frozenset) -> list[Event]:
    """An act several parties do together, with no one else named, told once per party
    ("Thailand and Cambodia agreed": THA -> KHM and KHM -> THA), so that each party's
    partner is its target and no event points its actors at themselves. Promises and
    stances each party holds alone ("X and Y pledged to act") are not split."""
    out: list[Event] = []
    for event in events:
        parties = {}
        for arg in event.source:
            key = arg.actor or arg.country
            if key and key not in parties:
                parties[key] = arg
        trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        solo = trigger is None or any(t.lemma_.lower() in solo_words() or t.lower_ in solo_words() for t in trigger)
        if event.type not in joint or len(parties) < 2 or any(a.actor or a.country for a in event.target) \
                or solo or not _joined(doc, list(parties.values())):
            out.append(event)
            continue
        for key, arg in parties.items():
            out.append(replace(event, source=[replace(arg)],
                               target=[replace(a) for k, a in parties.items() if k != key]))
    return out


def reciprocal_sentence(sent: Span, lex: Lexicon) -> bool:
    """Whether the sentence says its actors act on one another ("clashed with each other")."""
    low = " ".join(t.lower_ for t in sent)
    return any(f" {p} " in f" {low} " for p in lex.cls("reciprocal_phrases"))


def drop_self_loops(event: Event, reciprocal: bool, lex: Lexicon) -> None:
    """No event points an actor at itself: a target that is one of the sources
    ("Belgium -> Belgium", "X, Y -> X, Y") is dropped, unless the sentence says
    the actors acted on each other (``reciprocal``: "clashed with each other").
    A crowd given its country by the place it protests in is a group of that
    country ("org:bel-protesters"), not the country itself; an "anti-X" word is not
    its target ("denounced France's anti-Azerbaijani policy")."""
    trig = event.trigger
    word = trig.end - len(trig.text.split()[-1]) if trig.text.split() else trig.start
    for name in ("source", "target"):        # the event word is never its own actor ("the fighting"),
        setattr(event, name, [a for a in getattr(event, name)     # a name before it may be
                              if a.end <= trig.start or a.start >= trig.end or (a.end <= word and a.country)])
    sides = tuple(f"{p}-" for p in lex.cls("allegiance_prefixes"))
    event.target = [a for a in event.target if not (a.actor is None and a.text.lower().startswith(sides))]
    if reciprocal:
        if event.source and not event.target:    # "factions clashed with each other": on one another
            event.target = [replace(a) for a in event.source]
        return
    actors = {a.actor for a in event.source if a.actor}
    texts = {a.text.lower() for a in event.source}
    keys = {a.actor or a.country for a in event.source}     # "They" for each of two parties: kept
    event.target = [a for a in event.target if not (a.actor and a.actor in actors) and not (
        a.text.lower() in texts and (a.actor or a.country) in keys | {None})]


def drop_non_actors(doc: Doc, event: Event, names_actor) -> None:
    """Remove arguments that name no one: a common noun with no actor, country or sector
    ("law", "trip", "mounting casualties", an unresolved "chairman") or a pronoun left
    unresolved. Done on the finished event, so it changes only who is shown, not which
    events are found. ``names_actor(head, arg)`` is ``ArgResolver.names_actor``."""
    for name in ("source", "target"):
        kept = []
        for arg in getattr(event, name):
            span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
            if span is None or not len(span):
                kept.append(arg)
                continue
            head = span.root
            if not names_actor(head, arg):
                continue
            kept.append(arg)
        setattr(event, name, kept)


def identified(event: Event) -> bool:
    """Whether someone can be told in the event: an argument with an actor or a country,
    or a group known only by its sector, which becomes that sector's group
    ("MPs" -> org:leg, as the actors stage names groups without a country). An attack
    or protest that names nobody still counts when it has a place, a crowd or a toll
    ("the fighting left 27 dead", "rallies took place in Brussels")."""
    for arg in event.source + event.target:
        if arg.actor is None and arg.country is None and arg.sector:
            arg.actor = f"org:{arg.sector.lower()}"
    if any(a.actor or a.country for a in event.source + event.target):
        return True
    if event.type == "PROTEST":
        return True
    return event.type == "ASSAULT" and bool(event.location or event.dead or event.injured or event.source)


def told_again(doc: Doc, events: list[Event], lex: Lexicon) -> None:
    """An event named again with a definite noun and no actors of its own ("The attack,
    which began on Tuesday, has claimed 29 lives"; "The fighting left 27 dead") is the
    event the article told before: it takes the actors of the latest earlier asserted
    event of its type."""
    for i, event in enumerate(events):
        if event.source or event.target:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None or span.root.pos_ not in ("NOUN", "PROPN") or not any(
                c.dep_ == "det" and c.lower_ in lex.cls("anaphoric_determiners") for c in span.root.children):
            continue
        for earlier in reversed(events[:i]):
            if earlier.type == event.type and earlier.status == "asserted" and (earlier.source or earlier.target):
                event.source = [replace(a) for a in earlier.source]
                event.target = [replace(a) for a in earlier.target]
                break


def magnitudes(sent: Span, built: list, events: list[Event], lex: Lexicon) -> None:
    """Give ASSAULT events the sentence's dead and injured, and crowd events their size."""
    if not events:
        return
    found = quantities(sent, lex)
    doc = sent.doc
    assaults = [(c, e) for (c, _s, _t), e in zip(built, events) if e.type == "ASSAULT"]
    for quantity in found:
        if quantity.kind and assaults:
            cand, event = min(assaults, key=lambda ce: abs(ce[0].head.i - quantity.counted))
            if getattr(event, quantity.kind) is None:
                setattr(event, quantity.kind, quantity.value)
    for (cand, _s, _t), event in zip(built, events):
        if event.type == "ASSAULT" and event.dead is None and lex.lemma(cand.head) in ("kill", "murder"):
            objs = [c for c in cand.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if objs and objs[0].tag_ in ("NN", "NNP") and not any(
                    c.dep_ in ("nummod", "quantmod") for c in objs[0].children):
                event.dead = 1
        if event.type not in SIZE_TYPES:
            continue
        heads = set()
        for arg in event.source + event.target:
            span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
            if span is not None:
                heads.update(range(span.start, span.end))
        heads.update(c.i for c in cand.anchor.children if c.dep_ in ("nsubj", "dobj"))
        for quantity in found:
            if quantity.kind is None and quantity.counted in heads:
                event.size = quantity.value
                break

def merge(events: list[Event]) -> list[Event]:
    """Merge mentions of one event in a sentence (same type, compatible actors)."""
    out: list[Event] = []
    for event in events:
        twin = next((o for o in out if o.type == event.type and same_party(o.source, event.source)
                     and same_party(o.target, event.target) and o.status == event.status), None)
        if twin is None:
            out.append(event)
            continue
        spans = {(a.start, a.end) for a in twin.source + twin.target}
        twin.source += [a for a in event.source if (a.start, a.end) not in spans]
        twin.target += [a for a in event.target if (a.start, a.end) not in spans]
        for name in ("mode", "location", "date", "dead", "injured", "size"):
            if getattr(twin, name) is None and getattr(event, name) is not None:
                setattr(twin, name, getattr(event, name))
    return out


def register_groups(doc: Doc, events: list[Event]) -> None:
    """Add to ``doc._.ng_actors`` the groups this stage named (a crowd given its place's
    country, "org:bel-protesters"; people known only by their sector, "org:leg"), so that
    every argument's actor is one of the article's actors."""
    actors = list(doc._.ng_actors or [])
    known = {a.id: a for a in actors}
    made: set[str] = set()
    for event in events:
        for arg in event.source + event.target:
            if not arg.actor:
                continue
            actor = known.get(arg.actor)
            if actor is None:
                actor = Actor(id=arg.actor, name=arg.text, kind="group", country=arg.country, sector=arg.sector)
                known[arg.actor] = actor
                actors.append(actor)
                made.add(arg.actor)
            if arg.actor in made:
                actor.add_mention(arg.start, arg.end, arg.text)
    doc._.ng_actors = actors


def informative(arg: Arg) -> bool:
    """Whether an Arg says who it is (actor, country or sector)."""
    return bool(arg.actor or arg.country or arg.sector)
