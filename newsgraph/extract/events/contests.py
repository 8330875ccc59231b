"""Force and contest words in their other senses: matches, election wins, campaign talk.

Why a module of its own: news uses the words of war for sport ("Argentina beat France"),
elections ("Cruz captured Texas") and campaigns ("Sanders attacked Clinton over her
record"). These tests decide, from the sentence around a force word, whether arms or harm
are in sight; ``senses.refine`` drops or retypes the candidate on their answer. The
real-news guards (``guards.py``) ask the same helpers for the same ideas (a figurative war
word, the verbs of a contest between rivals, the verbs rivals attack with), so each idea
has one list in ``plover.yaml`` and one function here.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract import pronouns
from newsgraph.extract.events.countries import CountryResolver
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.args import subject_and_agents
from newsgraph.extract.events.candidate import Candidate

PERSON_PRONOUNS = pronouns.MASCULINE | pronouns.FEMININE       # "she beat him": a person on each side
PERSON_WORDS = pronouns.words("masculine", reflexive=True) | pronouns.words("feminine", reflexive=True)


def sports_fixture(cand: Candidate, lex: Lexicon) -> bool:
    """Whether a meeting, visit or hosting is a game: a sports fixture noun hangs in the
    trigger's own clause ("Argentina met Brazil in a World Cup qualifier")."""
    for t in cand.head.subtree:
        lemma = lex.lemma(t)
        if lemma in lex.cls("sports_fixtures") and (t.pos_ == "NOUN" or t.dep_ in ("pobj", "dobj")
                                                    or t.head.ent_type_ == "EVENT"):
            return True                           # "... final", "the Africa Cup of Nations final"
        if lemma in lex.cls("sports_events") and t.ent_type_ == "EVENT":
            return True                           # "met Egypt at the World Cup"
    return False


def sports_play(cand: Candidate, lex: Lexicon) -> bool:
    """Whether an attack is a move in a game: a sports word in the sentence, no arms or harm,
    and nothing attacked but a sports thing ("Liverpool's attack on the Chelsea goal"); fans
    attacking police after a match still attack someone."""
    sent = cand.head.sent
    if not any(lex.lemma(t) in lex.cls("sports_words") for t in sent) or _violent_sentence(sent, lex):
        return False
    aimed = [g for c in cand.head.children if c.dep_ == "prep" and c.lower_ in lex.cls("attack_aim_preps")
             for g in c.children if g.dep_ == "pobj"]
    aimed += [c for c in cand.head.children if c.dep_ == "dobj"]
    return bool(aimed) and all(lex.lemma(g) in lex.cls("sports_words") for g in aimed)


def showing(noun: Token, lex: Lexicon) -> bool:
    """Whether a protest noun is a showing of a thing ("Apple's demonstration of its new
    headset"): its of-phrase names no people, crowd, number or stance ("a demonstration of
    5,000 farmers", "of support") and nothing is protested against."""
    things = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
    if not things or any(c.dep_ == "prep" and c.lower_ in lex.cls("protest_aim_preps") for c in noun.subtree):
        return False
    return not any(g.ent_type_ in ("PERSON", "NORP", "GPE", "ORG", "CARDINAL", "QUANTITY") or g.pos_ in ("PROPN", "NUM")
                   or lex.lemma(g) in lex.cls("crowd") or lex.lemma(g) in lex.cls("abstract")
                   or lex.lemma(g) in lex.sectors or any(c.dep_ == "nummod" for c in g.children) for g in things)


def _armed_words(sent, lex: Lexicon) -> bool:
    """Whether a sentence names armed forces, weapons or projectiles."""
    return any(lex.lemma(t) in lex.cls("forces") or lex.lemma(t) in lex.cls("weapons") or
               lex.lemma(t) in lex.cls("projectile") or lex.sectors.get(lex.lemma(t)) in ("MIL", "REB")
               for t in sent)


def _match_score(verb: Token) -> bool:
    """Whether a match score hangs on the verb ("beat Guinea 3-1", "won 2-0"): two small whole
    numbers joined by a dash with no space, in the verb's own clause."""
    for t in verb.subtree:
        doc = t.doc
        if t.i + 2 < len(doc) and t.text.isdigit() and doc[t.i + 1].text in ("-", "\u2013") and \
                not t.whitespace_ and not doc[t.i + 1].whitespace_ and doc[t.i + 2].text.isdigit() and \
                int(t.text) <= 20 and int(doc[t.i + 2].text) <= 20:
            return True
        if t.like_num and "-" in t.text and all(p.isdigit() and int(p) <= 20 for p in t.text.split("-")):
            return True                          # the tokenizer may keep "3-1" whole
    return False


def game_sentence(token: Token, lex: Lexicon) -> bool:
    """Whether an attack word is play in a game: a sports word or a match score in the
    sentence and no arms or harm in sight ("Arsenal's attack tore apart the Chelsea defence",
    not "militants attacked a football match, killing six")."""
    sent = token.sent
    return (any(lex.lemma(t) in lex.cls("game_words") for t in sent) or _match_score(token.sent.root)) \
        and not _violent_sentence(sent, lex) and not any(t.ent_type_ in ("GPE", "NORP") and
                                                         lex.lemma(t.head) in lex.cls("forces") for t in sent)


def contest(verb: Token, lex: Lexicon) -> bool:
    """Whether a contest verb ("beat", "captured", "swept") reports a match or an election won,
    not force: a sports word in the sentence, an election word with no armed word in sight,
    or a named person taking a named place or person with no armed word ("Cruz captured Texas")."""
    sent = verb.sent
    if any(lex.lemma(t) in lex.cls("sports_words") for t in sent):
        return True
    if _armed_words(sent, lex):
        return False
    if _match_score(verb):
        return True
    if any(lex.lemma(t) in lex.cls("election_words") for t in sent):
        return True
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(subjects and objects) and subjects[0].ent_type_ == "PERSON" and \
        objects[0].ent_type_ in ("GPE", "PERSON")


def military_strike(noun: Token, lex: Lexicon) -> bool:
    """Whether a "strike" noun is force, not a labour strike. Workers, unions or crowds as its
    doers make it labour; else a military modifier ("air", "retaliatory",
    ``classes.strike_military_modifiers``), a target after on/against/at that is not a policy
    ("strikes on Houthi targets", not "a strike against the reform"), a state or armed body
    carrying it out ("Israel carried out strikes"), or a state's strike told among arms or
    casualties ("after the Indian strike") make it force."""
    if lex.lemma(noun) not in lex.cls("strike_nouns"):
        return False
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")]
    doers = list(mods)
    doers += _light_verb_subjects(noun, lex)
    if any(lex.lemma(m) in lex.cls("crowd") or lex.sectors.get(lex.lemma(m)) in ("LAB", "EDU", "MED", "BUS")
           for m in doers):
        return False
    if any(lex.lemma(m) in lex.cls("strike_military_modifiers") for m in mods):
        return True
    if any(c.dep_ == "prep" and c.lower_ in lex.cls("strike_target_preps") and any(
            g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") and lex.lemma(g) not in lex.cls("criticised_things")
            for g in c.children) for c in noun.children):
        return True
    resolver = _resolver(lex)
    if any(d.dep_ == "nsubj" and (d.ent_type_ == "GPE" or resolver.resolve(d.text)[0] or
                                  lex.lemma(d) in lex.cls("forces") or lex.sectors.get(lex.lemma(d)) in ("MIL", "REB"))
           for d in doers):
        return True
    state = any(m.ent_type_ in ("GPE", "NORP") for m in mods)
    return state and _violent_sentence(noun.sent, lex)


def _light_verb_subjects(noun: Token, lex: Lexicon) -> list[Token]:
    """The subjects of the light verb an event noun is the object of ("Israel carried out
    strikes", "Trump launched an attack on"), also through a preposition ("took part in")."""
    if noun.dep_ in ("dobj", "pobj") and noun.head.pos_ in ("VERB", "ADP"):
        verb = noun.head if noun.head.pos_ == "VERB" else noun.head.head
        if lex.lemma(verb) in lex.light_verbs:
            return [c for c in verb.children if c.dep_ == "nsubj"]
    return []


def _violent_sentence(sent, lex: Lexicon) -> bool:
    """Whether a sentence names arms, forces or harm (the dead, the injured, killing)."""
    return _armed_words(sent, lex) or any(
        lex.lemma(t) in lex.cls(name) for t in sent for name in ("dead", "injured", "dead_verbs", "injured_verbs"))


_RESOLVERS: dict[int, tuple[Lexicon, CountryResolver]] = {}


def _resolver(lex: Lexicon) -> CountryResolver:
    """One country resolver per lexicon (its tables are built once). The entry holds the
    lexicon too, so its id cannot be reused by another lexicon while the entry lives."""
    held = _RESOLVERS.get(id(lex))
    if held is None or held[0] is not lex:
        held = _RESOLVERS[id(lex)] = (lex, CountryResolver(lex))
    return held[1]


def _people_only(noun: Token, lex: Lexicon) -> bool:
    """Whether the actors tied to an event noun are named people or their campaigns, at least
    one a person: its doers (possessor, compound name, the light verb's subject) and whom it
    is against (with/between/against/on phrase): "Clinton's attacks on Trump", "the battle
    between Clinton and Sanders"; not "a Mali hotel assault" (a place noun as doer)."""
    doers = [c for c in noun.children if c.dep_ in ("poss", "compound")]
    doers += _light_verb_subjects(noun, lex)
    others = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in lex.cls("contest_preps")
              for g in c.subtree if g.dep_ in ("pobj", "conj")]
    if not any(t.ent_type_ == "PERSON" for t in doers + others):
        return False                              # (the small model often tags "Trump" ORG)
    resolver = _resolver(lex)

    def unarmed(t: Token) -> bool:               # no state, place or armed body ("Azerbaijan" tagged PERSON)
        return t.ent_type_ not in ("GPE", "NORP", "LOC", "FAC") and lex.lemma(t) not in lex.cls("forces") \
            and lex.sectors.get(lex.lemma(t)) in (None, "GOV", "LEG", "PTY") and not (
                t.pos_ == "PROPN" and resolver.resolve(t.text)[0])
    return all(unarmed(t) and (t.pos_ in ("PROPN", "PRON") or lex.lemma(t) in lex.cls("campaign_words"))
               for t in doers) and all(unarmed(t) for t in others)


def _people_at_odds(verb: Token, lex: Lexicon) -> bool:
    """Whether an attack verb pits named people (or their campaigns, ads and pronouns) against
    each other with no arms or harm in the sentence: a person is named, every doer is a
    person, pronoun or campaign word, every one attacked a person, pronoun, campaign word or
    something said or done ("attacking Clinton's ties to Wall Street")."""
    if _violent_sentence(verb.sent, lex) or any(lex.lemma(t) in lex.cls("hand_weapons") for t in verb.sent):
        return False
    kids = list(verb.children)
    doers = subject_and_agents(verb)
    if not doers and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        doers = [verb.head]                      # "ads attacking Trump"
    doers += [c for d in doers for c in d.children if c.dep_ == "conj"]
    objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")] + [
        g for c in kids if c.dep_ == "prep" and c.lower_ in lex.cls("news_done_to_preps") for g in c.children
        if g.dep_ == "pobj" and (c.lower_ in lex.cls("rival_preps") or g.pos_ in ("PROPN", "PRON"))]   # not "on the stage"
    if not objs and len(doers) > 1:
        objs = doers[1:]                         # "Clinton and Sanders clashed"
    named = ("PERSON", "ORG") if _campaign_talk(verb.sent, lex) else ("PERSON",)   # "Trump" is often ORG
    if not objs or not any(t.ent_type_ in named for t in doers + objs):
        return False
    resolver = _resolver(lex)

    def civil(t: Token, things: bool) -> bool:
        if t.ent_type_ in ("GPE", "NORP", "LOC", "FAC") or lex.lemma(t) in lex.cls("forces") or \
                lex.sectors.get(lex.lemma(t)) in ("MIL", "REB", "COP", "CRM") or \
                (t.pos_ == "PROPN" and resolver.resolve(t.text)[0]):
            return False
        return t.pos_ in ("PROPN", "PRON") or lex.lemma(t) in lex.cls("campaign_words") or \
            (things and lex.lemma(t) in lex.cls("criticised_things"))
    return all(civil(t, False) for t in doers) and all(civil(t, True) for t in objs)


def _private_doer(verb: Token, lex: Lexicon) -> bool:
    """Whether a verb's doer is a private person or thing, not a state, force or official body,
    with no arms or harm in the sentence (a verb only the CAMEO dictionary reads as force or
    repression then has its everyday sense)."""
    doers = subject_and_agents(verb)
    if not doers or _violent_sentence(verb.sent, lex):
        return False
    resolver = _resolver(lex)
    return not any(d.ent_type_ in ("GPE", "NORP") or resolver.resolve(d.text)[0] or
                   lex.lemma(d) in lex.cls("forces") or lex.sectors.get(lex.lemma(d)) in ("GOV", "MIL", "COP", "JUD", "REB", "IGO", "SPY")
                   for d in doers)


def _campaign_talk(sent, lex: Lexicon) -> bool:
    """Whether a sentence speaks of an election campaign (election or campaign words)."""
    return any(lex.lemma(t) in lex.cls("election_words") or lex.lemma(t) in lex.cls("campaign_words") for t in sent)


def political(cand: Candidate, lex: Lexicon) -> Optional[str]:
    """The sense of a force word in a political contest, or None: named people attacking or
    battling each other with no arms or harm in the sentence trade words ("Sanders' attacks on
    Clinton": ACCUSE) or compete ("their battle for the nomination": no event); people
    "fighting for" a cause advocate it; a candidate's "rally" is a campaign event, no protest."""
    head = cand.head
    lemma = lex.lemma(head)
    if cand.type == "ASSAULT" and cand.kind == "noun" and figurative(head, lex):
        return figurative(head, lex)              # "verbal assault", "charm offensive", "a political fight"
    if cand.type == "ASSAULT" and cand.kind == "noun" and lemma in lex.cls("political_attack_nouns") \
            and _people_only(head, lex) and not _violent_sentence(head.sent, lex):
        return "ACCUSE" if lex.cls("political_attack_nouns")[lemma] == "words" else "drop"
    if cand.type == "ASSAULT" and cand.kind == "verb" and lex.cls("political_attack_nouns").get(lemma) == "contest" and any(
            c.dep_ == "prep" and c.lower_ in lex.cls("cause_preps") for c in head.children) and not any(
            c.dep_ == "nsubj" and c.ent_type_ in ("GPE", "NORP") for c in head.children) \
            and not _violent_sentence(head.sent, lex):
        return "drop"                             # "fought for our rights", "fighting about Obama"
    if cand.type == "ASSAULT" and cand.kind == "verb" and attack_between_rivals(lemma, lex) and \
            _people_at_odds(head, lex):
        return "ACCUSE"                           # "Trump has relentlessly attacked her", "ads attacking Clinton"
    if cand.cameo and cand.type.lower() in lex.cls("official_acts") and _private_doer(head, lex):
        return "drop"                             # CAMEO "catch": "hopes of catching Sanders in the polls"
    if cand.type == "PROTEST" and cand.kind == "noun" and campaign_event(cand, lex):
        return "drop"                             # "Trump's rallies", "Sanders held a rally"
    return None




def figurative(noun: Token, lex: Lexicon) -> Optional[str]:
    """The sense of a war noun with a figurative modifier (``classes.figurative_modifiers``), else
    None: "ACCUSE" for words ("a verbal assault", "political attacks"), "drop" for a contest of
    words ("a political fight") or a figure of speech ("a charm offensive", "a price war")."""
    senses = lex.cls("figurative_modifiers")
    found = [senses[lex.lemma(c)] for c in noun.children
             if c.dep_ in ("amod", "compound") and lex.lemma(c) in senses]
    if not found:
        return None
    words = found[0] == "words" and lex.cls("political_attack_nouns").get(lex.lemma(noun)) != "contest"
    return "ACCUSE" if words else "drop"


def attack_between_rivals(lemma: str, lex: Lexicon) -> bool:
    """Whether a verb attacks in words when rivals use it: the verbal attack verbs and the
    verbs of clashing ("Clinton and Sanders clashed", "fired back at Trump")."""
    return lemma in lex.cls("verbal_attack_verbs") or lemma in lex.cls("rival_clash_verbs")


def contest_verbs(lex: Lexicon) -> set[str]:
    """Verbs of a contest between rivals: winning (``contest_verbs``: "beat", "swept"),
    struggling ("fought", "battled") and ousting ("unseat", "wrest")."""
    return set(lex.cls("contest_verbs")) | set(lex.cls("news_struggle_verbs")) | set(lex.cls("news_ousting_verbs"))


def sides(cand: Candidate, lex: Lexicon) -> tuple[list[Token], list[Token], bool]:
    """The doers and the done-to around a trigger (subject / agent / possessor, object /
    on-against phrase), and whether it is a passive with no doer named."""
    anchor, head = cand.anchor, cand.head
    kids = list(anchor.children) + ([] if head.i == anchor.i else list(head.children))
    doers = [c for c in kids if c.dep_ in ("nsubj", "poss")] + [
        g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    done = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")] + [
        g for c in kids if c.dep_ == "prep" and c.lower_ in lex.cls("news_done_to_preps")
        for g in c.children if g.dep_ == "pobj"]
    doers = [d for d in doers if d.lower_ not in pronouns.RELATIVE] or \
        ([anchor.head] if anchor.dep_ in ("relcl", "acl") else [])   # "a super-PAC that attacks", "ads attacking"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep_ == "agent" for c in kids)
    return doers, done, passive


def campaign_event(cand: Candidate, lex: Lexicon) -> bool:
    """Whether a protest noun is a candidate's campaign event, not a protest: a rally or march
    "to the nomination", one with a campaign modifier or a candidate's name ("Trump's rallies",
    "a campaign rally"), or any protest noun a person holds with no protest cue in the sentence
    ("Sanders held a rally", "violence at his rallies"; ``news_protest_cues``)."""
    head, lemma = cand.head, lex.lemma(cand.head)
    if lemma in lex.cls("campaign_event_nouns") and any(
            c.dep_ == "prep" and c.lower_ == "to" and any(lex.lemma(g) in lex.cls("election_words") for g in c.children)
            for c in head.children):
        return True                               # "Trump's march to the nomination"
    if lemma in lex.cls("campaign_event_nouns") and (
            any(lex.lemma(c) in lex.cls("campaign_words") for c in head.children if c.dep_ in ("amod", "compound"))
            or any(c.ent_type_ == "PERSON" or (c.ent_type_ == "ORG" and _campaign_talk(head.sent, lex))
                   for c in head.children if c.dep_ in ("poss", "compound"))):
        return True                               # "Trump's rallies", "a campaign rally"
    doers, _done, _passive = sides(cand, lex)
    owner = [d for d in doers if d.ent_type_ == "PERSON" or d.lower_ in PERSON_WORDS] + [
        c for c in head.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]   # "a Trump rally"
    return bool(owner) and not any(lex.lemma(t) in lex.cls("news_protest_cues") for t in head.sent)


def rivals(verb: Token, lex: Lexicon) -> bool:
    """Whether a contest verb joins two persons with no weapon or armed actor in sight
    ("Sanders crushed Clinton", "she beat him"): a race or a vote, not force."""
    sides = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
    person = [t.ent_type_ == "PERSON" or t.lower_ in PERSON_PRONOUNS for t in sides]
    named = [t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC", "FAC") for t in sides]
    if len(sides) < 2 or not any(person) or not all(p or n for p, n in zip(person, named)):
        return False                              # (the tagger calls some candidates ORG)
    armed = lex.cls("forces")
    return not any(lex.lemma(t) in armed or lex.lemma(t) in lex.cls("projectile") for t in verb.sent)
