"""Which sense a trigger has, read from the words around it.

Why this module exists: a trigger word carries several senses ("attacked her
record" is criticism, "attacked the base" force; "withdrew from the deal"
undoes an agreement, "withdrew troops" is a retreat). After the lexicon gives
a type, these rules look at the trigger's own dependents to settle the sense;
the words they test are lexicon classes in plover.yaml.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.events.contests import (PERSON_PRONOUNS, contest, game_sentence, military_strike, political,
                                               rivals, showing, sports_fixture, sports_play)
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.args import subject_and_agents
from newsgraph.extract.events.candidate import Candidate



def _verbal_target(verb: Token, lex: Lexicon) -> bool:
    """Whether an attack verb's object or complement makes it words, not force: the object is
    something said or decided ("attacked the policy", class ``criticised_things``), the act is
    characterised ("attacked X as cruel"), or one named person attacks another with no weapon
    or armed actor in sight ("Trump attacked Harris")."""
    kids = list(verb.children)
    objs = [c for c in kids if c.dep_ == "dobj"]
    if any(lex.lemma(o) in lex.cls("criticised_things") for o in objs):
        return True
    if objs and any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.pos_ == "ADJ" or lex.lemma(g) in lex.cls("criticised_things") for g in c.children) for c in kids):
        return True
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if objs and subjects and all(t.ent_type_ == "PERSON" for t in (objs[0], subjects[0])):
        armed = lex.cls("forces")
        return not any(lex.lemma(t) in armed or lex.lemma(t) in lex.cls("projectile") or
                       lex.sectors.get(lex.lemma(t)) in ("MIL", "REB", "COP", "CRM")
                       for t in verb.subtree)
    return False


def claimed_act(noun: Token, lex: Lexicon) -> bool:
    """Whether ``noun`` is a claim of responsibility: a responsibility noun that is the object
    of a claiming verb ("claimed responsibility for the attack", "took credit for"). The act
    named after "for" is then the claimer's own (CAMEO codes a claimed attack to the claimer)."""
    return lex.lemma(noun) in lex.cls("responsibility_nouns") and noun.dep_ in ("dobj", "nsubjpass") \
        and noun.head.pos_ in ("VERB", "AUX") and lex.lemma(noun.head) in lex.cls("claiming_verbs")


def claimed_or_caused(noun: Token, first: Token, material: bool, lex: Lexicon) -> Optional[Token]:
    """The anchor of an event noun told as claimed or as a cause or effect, else None.
    "X claimed responsibility for the attack": the claiming verb (its subject did it).
    "The arrest of X sparked clashes", "..., prompting protests": the noun itself, for a
    material event (``classes.causal_verbs``), which keeps its own actors only. "Lawmakers
    walked out in protest": the verb the act is done by (``classes.manner_event_nouns``)."""
    dep, head = first.dep_, first.head
    if dep == "pobj" and head.lower_ == "for" and claimed_act(head.head, lex):
        return head.head.head
    if material and dep in ("dobj", "nsubj") and lex.lemma(head) in lex.cls("causal_verbs"):
        return noun
    if dep == "pobj" and head.lower_ in lex.cls("terms_preps") and lex.lemma(noun) in lex.cls("deal") and \
            head.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" for c in head.head.children) and \
            not any(c.ent_type_ == "DATE" for c in noun.children):    # "under a 2020 agreement": an old one
        return head.head              # "Under an accord announced Saturday, X and Y will share": they agreed
    if dep == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB" and head.head.dep_ != "amod" and \
            lex.lemma(first) in lex.cls("manner_event_nouns"):
        return head.head                          # "lawmakers walked out in protest": the walking out protests
    return None


def _official(subject: Token, lex: Lexicon) -> bool:
    """Whether a subject is a state or an official (a place name, or a government,
    diplomatic or legislative sector noun), who complain rather than demonstrate."""
    if subject.ent_type_ == "GPE":
        return True
    return lex.sectors.get(lex.lemma(subject)) in ("GOV", "LEG", "IGO")


def _opinion_assent(verb: Token, lex: Lexicon) -> bool:
    """Whether an assent verb agrees with a view or a fact, not to act: its only complement
    is a that-clause with no modal or to-infinitive ("agreed that the shift was a matter of
    geography") or a with-phrase ("agreed with the analysis / the President"). An object, an
    infinitive, "to / on / upon" a deal, or a clause of what should or will be done ("agreed
    that their countries should cooperate") is an agreement; so is a bare "X and Y agree"."""
    kids = list(verb.children)
    if any(c.dep_ in ("dobj", "xcomp") for c in kids) or any(
            c.dep_ == "prep" and c.lower_ in lex.cls("assent_preps") for c in kids):
        return False
    clauses = [c for c in kids if c.dep_ in ("ccomp", "advcl")]
    if clauses:
        return not any(t.tag_ == "MD" or (t.dep_ == "aux" and t.lower_ == "to")
                       for c in clauses for t in c.subtree)
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in kids):
        return True
    subjects = [c for c in kids if c.dep_ == "nsubj"]   # "Iowa State's Dianne Bystrom agreed.": a view
    return bool(subjects) and all((s.ent_type_ == "PERSON" or s.lower_ in PERSON_PRONOUNS) and not s.conjuncts
                                  for s in subjects) and verb.sent[-1].text in (".", '"', "''", "”")


def refine(cand: Candidate, lex: Lexicon) -> None:
    """Type and mode details read from the words around a trigger: opposing an attack is
    criticising it (ACCUSE); a consultation "over the phone" has mode phone."""
    if cand.type == "REJECT" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("opposing_verbs"):
        objs = [c for c in cand.head.children if c.dep_ == "dobj"]
        if objs:
            entry = lex.nouns.get(lex.lemma(objs[0]))
            violent = (entry is not None and entry.type in ("ASSAULT", "COERCE")) or \
                lex.lemma(objs[0]) in lex.cls("use_nouns")   # "opposed the use of heavy weapons"
            if violent:
                cand.type, cand.role = "ACCUSE", None
    if cand.type == "ASSAULT" and cand.kind == "verb" and any(
            c.dep_ == "prep" and c.lower_ in lex.cls("verbal_manner_preps") and any(lex.lemma(g) in lex.cls("verbal_manner")
                                                                 for g in c.children) for c in cand.head.children):
        cand.type, cand.mode = "ACCUSE", None    # "attacked with words", "attacked X in a speech"
    if cand.type == "ASSAULT" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("verbal_attack_verbs") \
            and _verbal_target(cand.head, lex):
        cand.type, cand.mode = "ACCUSE", None    # "attacked the government's policy", "attacked Harris"
    if cand.type == "ASSAULT" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("verbal_attack_verbs"):
        for child in cand.head.children:
            if child.dep_ == "prep" and child.lower_ in lex.cls("grievance_preps") and any(
                    g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") and g.pos_ != "NUM"
                    for g in child.children):
                cand.type, cand.mode = "ACCUSE", None   # "attacked Clinton over her record"
    if cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("exit_verbs") and any(
            c.dep_ == "prep" and c.lower_ in lex.cls("exit_preps") and any(
                lex.lemma(g) in lex.cls("deal") for g in c.subtree if g.dep_ == "pobj")
            for c in cand.head.children):
        cand.type, cand.mode = "REJECT", None       # "withdrew from the nuclear deal"
    if cand.type == "PROTEST" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("complaint_verbs") \
            and any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in lex.cls("complaint_preps"))
                    for c in cand.head.children) and any(
                c.dep_ == "nsubj" and _official(c, lex) for c in cand.head.children):
        cand.type, cand.mode = "ACCUSE", "allege"   # "Taiwan protests Chinese drills", "Japan protested to China"
    if cand.type == "ACCUSE" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("armed_retorts") and any(
            c.dep_ == "nsubj" and (lex.lemma(c) in lex.cls("forces") or lex.sectors.get(lex.lemma(c)) in ("MIL", "REB", "COP"))
            for c in cand.head.children):
        cand.type, cand.mode = "ASSAULT", lex.cls("armed_retorts")[lex.lemma(cand.head)]   # "troops fired back"
    if cand.type == "ASSAULT" and lex.lemma(cand.head) in lex.cls("contest_verbs") and (
            contest(cand.head, lex) or (cand.kind == "verb" and rivals(cand.head, lex))):
        cand.drop = True            # "Argentina beat France on penalties", "Sanders crushed Clinton": no force
    if cand.type == "ASSAULT" and sports_play(cand, lex):
        cand.drop = True            # "Liverpool's attack on the Chelsea goal": a move in a game
    if cand.type == "PROTEST" and cand.kind == "noun" and showing(cand.head, lex):
        cand.drop = True            # "Apple's demonstration of its new headset": a showing
    retyped = political(cand, lex)
    if retyped == "drop":
        cand.drop = True
    elif retyped:
        cand.type, cand.mode = retyped, None
    if cand.type == "PROTEST" and cand.kind == "noun" and military_strike(cand.head, lex):
        cand.type, cand.mode = "ASSAULT", "heavy-weapons"   # "retaliatory strikes", "the Indian strike"
    if cand.type == "ASSAULT" and cand.kind == "verb":
        doers = subject_and_agents(cand.head)
        if any(lex.lemma(d) in lex.cls("natural_causes") for d in doers):
            cand.drop = True                      # "heavy rains killed 12", "killed by floods"
        elif lex.lemma(cand.head) in lex.cls("verbal_attack_verbs") and any(
                lex.lemma(d) in lex.cls("works") for d in doers):
            cand.type, cand.mode = "ACCUSE", None   # "the film attacks the myth": criticism
    if cand.type == "PROTEST" and any(c.dep_ == "nsubj" and lex.lemma(c) in lex.cls("market_words")
                                      for c in cand.anchor.children):
        cand.drop = True                          # "stocks staged a rally": prices, not protesters
    if cand.type == "AGREE" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("assent_verbs") \
            and _opinion_assent(cand.head, lex):
        cand.drop = True                          # "agreed that the rains caused the damage"
    if cand.type in lex.cooperative and cand.kind == "verb" and cand.head.dep_ == "amod":
        cand.drop = True                          # "271 pledged delegates", "Iran-backed militias": a description
    if cand.type == "CONSULT" and cand.kind == "verb" and sports_fixture(cand, lex):
        cand.drop = True                          # "Chelsea met Arsenal in the cup final"
    if cand.type == "ASSAULT" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("retaliation_verbs") \
            and any(lex.lemma(t) in lex.cls("measure_words") for t in cand.head.subtree):
        cand.type, cand.mode = "SANCTION", None   # "retaliated against U.S. tariffs": measures, not force
    if cand.type == "ASSAULT" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("retaliation_verbs") \
            and not any(c.dep_ in ("dobj", "prep", "xcomp", "advcl") for c in cand.head.children) and any(
                t.text in lex.cls("quotation_marks") for t in cand.head.sent):
        cand.type, cand.mode = "ACCUSE", None     # '"France will always be France," Hollande retaliated': a retort
    if cand.type == "ACCUSE" and cand.kind == "verb" and lex.lemma(cand.head) in lex.cls("retort_verbs") and any(
            (c.dep_ == "aux" and c.lower_ in lex.frame("future_modals") | lex.cls("retort_modals").keys()) or
            (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.frame("conditional_marks")
                                       for m in c.children)) for c in cand.head.children):
        cand.type = "ASSAULT"                     # "would hit back if attacked": retaliation to come
    if cand.type in ("THREATEN", "REQUEST") and cand.kind == "verb" and _no_actor_speaks(cand, lex):
        cand.drop = cand.silenced = True          # "the typhoon threatens", "investors demanded higher yields"
    if cand.kind == "verb" and _not_verbal_act(cand, lex):
        cand.drop = cand.silenced = True
    if cand.type == "ASSAULT" and lex.lemma(cand.head) in lex.cls("play_attack_words") and \
            game_sentence(cand.head, lex):
        cand.drop = True                          # "Liverpool's strikers attacked in the second half"
    if cand.kind == "verb" and cand.head.tag_ == "VBG" and cand.head.i + 1 < len(cand.head.doc) and \
            lex.lemma(cand.head.doc[cand.head.i + 1]) in lex.cls("body_heads") and \
            cand.head.head.i == cand.head.i + 1 and \
            not any(c.dep_ in ("nsubj", "aux", "dobj") for c in cand.head.children):
        cand.drop = True                          # "monitoring group NetBlocks said": a body's name, no act
    if cand.kind == "noun" and names_a_body(cand.head, lex):
        cand.drop = True                          # "riot police", "peace talks envoy": who, not what happened
    if cand.type == "CONSULT" and cand.mode is None:
        for child in list(cand.head.children) + list(cand.anchor.children):
            if child.dep_ == "prep" and any(lex.lemma(g) in lex.cls("phone_words")
                                            for g in child.children if g.dep_ == "pobj"):
                cand.mode = "phone"


def names_a_body(noun: Token, lex: Lexicon) -> bool:
    """Whether an event noun is a modifier in the name of a body or a person ("riot police",
    "strike committee", "peace talks envoy", "aid worker", "protest leader"): the compound
    says what kind of police or envoy, not that a riot or talks took place. A head that is
    an event itself or a generic event head keeps the event ("a protest march", "a bombing
    campaign", "aid package" is read through the quantity word)."""
    if noun.dep_ != "compound":
        return False
    head = noun.head
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
        head = head.head                          # "peace talks envoy": talks -> envoy
    if head is noun or head.pos_ not in ("NOUN", "PROPN"):
        return False
    word = lex.lemma(head)
    if word in lex.nouns or word in lex.cls("generic_event_heads") or word in lex.cls("transparent"):
        return False
    return word in lex.sectors or word in lex.cls("forces") or word in lex.cls("body_heads") or \
        word in lex.cls("body_people")


def _not_verbal_act(cand: Candidate, lex: Lexicon) -> bool:
    """Senses of demand and concession words that do nothing to anyone: a question
    ("asked whether X would ...", "was pressed about the attacks"), admitting a
    fact ("conceded that it had been a bad night"), allowing oneself ("allowed himself to")."""
    head, lemma = cand.head, lex.lemma(cand.head)
    kids = list(head.children)
    if cand.type == "REQUEST" and lemma in lex.cls("news_question_verbs") and any(
            c.dep_ == "prep" and (c.lower_ in lex.cls("topic_preps") or any(
                g.tag_ in ("WP", "WRB") for g in c.subtree)) for c in kids):
        return True                               # "was pressed about the attacks / on why he said"
    if cand.type == "REQUEST" and any(c.dep_ == "ccomp" and any(
            g.dep_ == "mark" and g.lower_ in lex.cls("news_question_words") or
            (g.tag_ in ("WP", "WRB") and g.i < c.i) for g in c.children) for c in kids):
        return True
    if cand.type == "CONCEDE" and lemma in lex.cls("admission_verbs") and \
            any(c.dep_ == "ccomp" for c in kids) and not any(c.dep_ == "dobj" for c in kids):
        return True
    allowed = kids + [g for c in kids if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    return cand.type == "CONCEDE" and any(c.lower_ in lex.cls("reflexives") for c in allowed)


def _no_actor_speaks(cand: Candidate, lex: Lexicon) -> bool:
    """Whether a threat or a demand comes from no actor: weather and disasters threaten
    ("a typhoon threatens to flood"), markets demand ("investors demanded higher yields"),
    and in a match a goal or a penalty threatens (classes ``natural_causes``,
    ``market_words``, ``sports_words``)."""
    subjects = [c for c in cand.head.children if c.dep_ == "nsubj"]
    kinds = lex.cls("natural_causes").keys() | lex.cls("market_words").keys()
    if cand.type == "THREATEN":
        kinds |= lex.cls("sports_words").keys()
    if any(lex.lemma(s) not in kinds and (lex.lemma(s) in lex.sectors or lex.in_class(lex.lemma(s), "crowd"))
           for s in subjects):
        return False                              # "oil workers threatened to ...": people, whatever their trade
    words = {lex.lemma(t) for s in subjects for t in (s, *s.children) if t.dep_ in ("nsubj", "compound", "amod")}
    return bool(words & kinds)
