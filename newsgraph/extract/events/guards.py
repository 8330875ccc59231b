"""Senses that real political news gives trigger words outside the events PLOVER codes.

Why this module exists: judged by hand on PolNeAR news articles (US campaign
coverage, opinion, wire copy) that nobody here coded, most wrong events came
from a trigger word used in another sense, not from a missing rule: rivals
"attacking" each other or "fighting for" a bill (no force), a moderator who
"asked" a question (no demand), a campaign "rally", a poll finding that
"28 percent supported" someone, a candidate who "defended himself", a CAMEO
verb whose dictionary code only names its category ("introduce", "serve",
"include"). Each rule below reads the parse around one candidate after its
type is set (``senses.refine``) and drops it, retypes it or negates it. The
words live in ``plover.yaml`` (classes ``news_*``).
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.triggers import Candidate

_ARMED_SECTORS = ("MIL", "REB", "COP", "CRM", "SPY")
_PERSON_PRONOUNS = ("he", "she", "him", "her", "his", "hers", "himself", "herself")


def _force_context(cand: Candidate, lex: Lexicon) -> bool:
    """Whether the sentence shows physical force: armed actors, weapons, wounds or deaths."""
    words = lex.cls("news_force_words")
    for token in cand.head.sent:
        if token.i == cand.head.i:
            continue                          # the trigger itself ("beating Clinton") shows nothing
        lemma = lex.lemma(token)
        if lemma in words or token.lower_ in words:
            return True
        if token.pos_ in ("NOUN", "PROPN") and (lemma in lex.cls("forces") or lemma in lex.cls("projectile")
                                                or lex.sectors.get(lemma) in _ARMED_SECTORS):
            return True                       # "troops", "police", "rockets" (not "forced", "fired")
    return False


def _political(token: Token, lex: Lexicon) -> bool:
    """Whether ``token`` names a politician, a party, a campaign or the press (people who
    contend with words), not a state, a place, an armed group or a crowd."""
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    lemma = lex.lemma(token)
    if token.ent_type_ == "PERSON" or token.lower_ in _PERSON_PRONOUNS or any(
            c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in token.children):
        return True                           # "Graham", "he", "the Koch brothers", "the Clinton campaign"
    return lemma in lex.cls("news_political_people") or \
        lex.sectors.get(lemma) in ("LEG", "PTY", "JRN") or \
        (lex.sectors.get(lemma) == "GOV" and lemma in lex.cls("news_office_holders"))


def _sides(cand: Candidate) -> tuple[list[Token], list[Token], bool]:
    """The doers and the done-to around a trigger (subject / agent / possessor, object /
    on-against phrase), and whether it is a passive with no doer named."""
    anchor, head = cand.anchor, cand.head
    kids = list(anchor.children) + ([] if head.i == anchor.i else list(head.children))
    doers = [c for c in kids if c.dep_ in ("nsubj", "poss")] + [
        g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    done = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")] + [
        g for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "with")
        for g in c.children if g.dep_ == "pobj"]
    doers = [d for d in doers if d.lower_ not in ("that", "which", "who")] or \
        ([anchor.head] if anchor.dep_ in ("relcl", "acl") else [])   # "a super-PAC that attacks", "ads attacking"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids) and not any(c.dep_ == "agent" for c in kids)
    return doers, done, passive


def _contest(cand: Candidate, lex: Lexicon) -> None:
    """Rivals who "attack", "beat" or "fight" each other in politics use words and votes:
    an attack verb or noun becomes ACCUSE, a contest or struggle verb no event. Only with
    no force in the sentence, and only when everyone named is a politician, a party, a
    campaign or the press ("Graham attacked GOP voters", "Trump's Twitter attacks",
    "fought for the bill", "beat Trump in November")."""
    if cand.type != "ASSAULT" or _force_context(cand, lex):
        return
    lemma = lex.lemma(cand.head)
    verbal = lemma in lex.cls("verbal_attack_verbs")
    if cand.kind == "verb" and not verbal and any(
            c.dep_ == "dobj" and lex.lemma(c) in lex.cls("criticised_things") for c in cand.head.children):
        cand.drop = True                      # "killing the bill", "torpedoed the deal": votes, not force
        return
    if not verbal and lemma not in lex.cls("news_contest_verbs"):
        return
    doers, done, passive = _sides(cand)
    if passive:
        return                                # "two reporters were attacked": who did it is untold
    if cand.kind == "noun" and verbal and not doers and not done:
        manner = lex.cls("news_verbal_attack_modifiers")
        if any(c.dep_ in ("amod", "compound") and lex.lemma(c) in manner for c in cand.head.children):
            cand.type, cand.mode = "ACCUSE", None        # "personal attacks", "Twitter attacks"
        return
    if lemma in lex.cls("news_struggle_verbs"):
        if not done and doers and all(_political(d, lex) for d in doers):
            cand.drop = True                  # "Rubio fought for the bill", "keeps fighting"
            return
        if done and not any(_actor_like(t, lex) for t in done):
            cand.drop = True                  # "fight against religious liberty", "fight Zika"
            return
    people = doers + done
    said = lex.cls("criticised_things") | lex.cls("news_contest_objects") | lex.cls("works")
    if not people or not all(_political(t, lex) or lex.lemma(t) in said for t in people):
        return
    if verbal:
        cand.type, cand.mode = "ACCUSE", None
    else:
        cand.drop = True


def _question(cand: Candidate, lex: Lexicon) -> None:
    """Asking a question is no demand: "asked whether X disavowed", "asked Trump if ...",
    "asked a straightforward question", "ask yourself", "requested anonymity"."""
    if cand.type != "REQUEST" or cand.kind != "verb" or lex.lemma(cand.head) not in lex.cls("news_question_verbs"):
        return
    words = lex.cls("news_question_words")
    kids = list(cand.head.children)
    if any(c.dep_ == "ccomp" and c.i < cand.head.i for c in kids) or \
            any(c.dep_ == "prep" and c.lower_ == "about" for c in kids):
        cand.drop = True                      # '"Do you want ...?" asked X', "asked about the rhetoric"
        return
    for child in kids:
        if child.dep_ in ("ccomp", "xcomp", "dobj", "advcl") and child.left_edge.lower_ in words and \
                child.left_edge.i > cand.head.i:
            cand.drop = True                  # "asked whether / why / how / who ..."
            return
        if child.dep_ == "dobj" and (lex.lemma(child) in lex.cls("news_not_demanded") or
                                     child.lower_ in ("yourself", "himself", "herself", "themselves")):
            cand.drop = True                  # "asked a question", "requested anonymity"
            return


def _no_comment(cand: Candidate, lex: Lexicon) -> None:
    """Refusing to comment or to answer questions rejects nothing ("declined to comment",
    "declined to weigh in", "refused to answer questions")."""
    if cand.type != "REJECT" or cand.kind != "verb":
        return
    for child in cand.head.children:
        if child.dep_ == "xcomp" and lex.lemma(child) in lex.cls("news_comment_verbs"):
            cand.drop = True
            return
        if child.dep_ == "dobj" and any(lex.lemma(g) in lex.cls("news_comment_nouns") for g in child.subtree):
            cand.drop = True                  # "declined multiple requests for an interview"
            return


def _perfect(verb: Token) -> bool:
    """Whether ``verb`` is a perfect infinitive under a modal ("should have insisted")."""
    return any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in verb.children)


def _obligation(cand: Candidate, lex: Lexicon) -> None:
    """A reported "must / should / has to" is a demand only when it is addressed: not a
    perfect ("should have insisted", "must have included": regret or inference), not a
    relative or conditional clause ("something the party should get solved", "if they need
    to be"), not an indefinite subject ("a leader must fight", "a president shouldn't")."""
    if cand.kind != "modal" or cand.type != "REQUEST":
        return
    verb = cand.anchor
    if _perfect(verb) or verb.dep_ in ("relcl", "acl"):
        cand.drop = True
        return
    if any(c.dep_ == "mark" and c.lower_ in lex.frame("conditional_marks") for c in verb.children):
        cand.drop = True
        return
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and cand.head.i < subjects[0].i and cand.head.head.i == verb.i:
        cand.drop = True                      # "should he win the nomination": a condition
        return
    if subjects and (subjects[0].lower_ in lex.cls("news_generic_subjects") or any(
            c.dep_ == "det" and c.lower_ in lex.cls("news_indefinite_determiners") for c in subjects[0].children)):
        cand.drop = True                      # "a leader must", "those who vote must register"


def _protest_sense(cand: Candidate, lex: Lexicon) -> None:
    """A protest verb in another sense: "demonstrated that it helps" (showed), candidates who
    "participate in the debate" (no protest named), a candidate's campaign "rally"."""
    if cand.type != "PROTEST":
        return
    head = cand.head
    if cand.kind == "verb" and any(c.dep_ == "ccomp" and c.i > head.i and c.left_edge.lower_ == "that"
                                   for c in head.children):
        cand.drop = True                      # "demonstrated that ..."
        return
    if cand.kind == "verb" and lex.lemma(head) in lex.cls("news_joining_verbs"):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                objs = [g for g in child.children if g.dep_ == "pobj" and (g.pos_ == "NOUN" or g.ent_type_ == "EVENT")
                        and lex.lemma(g) not in lex.cls("place_nouns")]   # not "80 people participated in Lyon"
                if objs and not any(lex.nouns.get(lex.lemma(o)) is not None and
                                    lex.nouns[lex.lemma(o)].type == "PROTEST" for o in objs):
                    cand.drop = True          # "participate in the Republican debate"
                    return
    if cand.kind == "noun":
        doers, _done, _passive = _sides(cand)
        owner = [d for d in doers if d.ent_type_ == "PERSON" or d.lower_ in _PERSON_PRONOUNS] + [
            c for c in head.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]   # "a Trump rally"
        if owner and not any(lex.lemma(t) in lex.cls("news_protest_cues") for t in head.sent):
            cand.drop = True                  # "Sanders held a rally", "violence at his rallies"


def _poll(cand: Candidate, lex: Lexicon) -> None:
    """Opinion poll findings are no events: "28 percent of caucusgoers supported Trump",
    "39 percent blame his supporters", "support from six in 10 Democrats"."""
    if cand.type not in ("SUPPORT", "ACCUSE", "REJECT", "AGREE"):
        return
    heads = [c for c in cand.anchor.children if c.dep_ in ("nsubj", "prep")] + \
        [c for c in cand.head.children if c.dep_ == "prep" and c.lower_ == "from"] + \
        [c for c in cand.anchor.children if c.dep_ == "npadvmod" and c.i < cand.anchor.i]
    for head in heads:
        if head.dep_ == "prep" and head.lower_ != "from":
            continue
        for token in head.subtree:
            six_in_ten = token.lower_ == "in" and 0 < token.i < len(token.doc) - 1 and \
                token.nbor(-1).like_num and token.nbor(1).like_num
            if token.ent_type_ == "PERCENT" or token.lower_ in ("percent", "%") or six_in_ten:
                cand.drop = True
                return


def _self_defence(cand: Candidate, lex: Lexicon) -> None:
    """Defending oneself or one's own position is justification, not support of another
    (CAMEO 052 defends someone else): "defended himself", "defended his commitment"."""
    if cand.type != "SUPPORT" or cand.kind != "verb" or lex.lemma(cand.head) not in lex.cls("news_defend_verbs"):
        return
    for child in cand.head.children:
        if child.dep_ != "dobj":
            continue
        reflexive = child.lower_ in ("himself", "herself", "themselves", "itself")
        own = any(g.dep_ == "poss" and g.lower_ in ("his", "her", "their", "its") for g in child.children)
        if reflexive or (own and not child.ent_type_ and lex.sectors.get(lex.lemma(child)) is None):
            cand.drop = True
            return


def _negated_by_governor(cand: Candidate, lex: Lexicon) -> None:
    """An act under "without", "refusal to", "reluctant to" did not happen, nor one done to
    "none": "without supporting Trump", "reluctant to support", "endorsed none of this"."""
    if cand.status != "asserted" or cand.kind not in ("verb", "noun"):
        return
    if any(c.dep_ == "dobj" and c.lower_ in ("none", "nothing") for c in cand.head.children):
        cand.status = "negated"               # "has endorsed none of this"
        return
    walk = cand.anchor
    for _ in range(4):
        if walk.dep_ not in ("pcomp", "xcomp", "acl", "prep", "pobj", "dobj") or walk.head.i == walk.i:
            return
        walk = walk.head
        if lex.lemma(walk) in lex.cls("news_negating_governors") or walk.lower_ in lex.cls("news_negating_governors"):
            cand.status = "negated"
            return


def _cameo_category(cand: Candidate, lex: Lexicon) -> None:
    """A CAMEO fallback verb coded with only its category's code (``xx0``, "not specified
    below") and no context words told nothing about the verb's sense: PETRARCH2 relies on its
    actor dictionaries to code such verbs; we do not, so they need a specific code or a
    pattern with a content word ("introduce", "serve", "include", "assign" gave 060/040/080)."""
    if not cand.cameo:
        return
    code, pattern = cand.cameo_code, cand.cameo_pattern
    content = [w for w in pattern if w != "*" and (w.startswith("&") or w not in lex.cls("news_pattern_function_words"))]
    if code.endswith("0") and not content:
        cand.drop = True


def _actor_like(token: Token, lex: Lexicon) -> bool:
    """Whether ``token`` could name an actor at all: a named person, organisation, state or
    group, a pronoun, or a sector noun ("fight Zika" names none)."""
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.pos_ == "PRON" or \
        lex.sectors.get(lex.lemma(token)) is not None or _political(token, lex) or \
        lex.lemma(token) in lex.cls("forces")


def _figurative(cand: Candidate, lex: Lexicon) -> None:
    """A war word with a figurative modifier is no force: "a charm offensive", "a legal
    battle", "a price war", "a media blitz"."""
    if cand.type == "ASSAULT" and cand.kind == "noun" and any(
            c.dep_ in ("amod", "compound") and lex.lemma(c) in lex.cls("news_figurative_modifiers")
            for c in cand.head.children):
        cand.drop = True


def _permission(cand: Candidate, lex: Lexicon) -> None:
    """A law, bill or ruling that "allows" something grants nothing: the concession is the
    content of a text ("legislation which allows the government to ...", "a bill that
    allowed veterans to ...", "rules that would have allowed companies to ...")."""
    if cand.type not in ("CONCEDE", "AGREE") or cand.kind != "verb" or \
            lex.lemma(cand.head) not in lex.cls("news_permission_verbs"):
        return
    subjects = [c for c in cand.head.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in ("which", "that", "who") and cand.head.dep_ == "relcl":
        subjects = [cand.head.head]
    texts = lex.cls("criticised_things") | lex.cls("news_document_nouns")
    if subjects and (lex.lemma(subjects[0]) in texts or subjects[0].lower_ in ("it", "that", "this")):
        cand.drop = True


def _modifier_participle(cand: Candidate, lex: Lexicon) -> None:
    """A participle before a noun names a kind, not an act: "pledged delegates", "elected
    officials", "supported candidates"."""
    if cand.kind == "verb" and cand.type in ("AGREE", "SUPPORT", "REQUEST") and cand.head.dep_ == "amod" \
            and cand.head.head.i > cand.head.i:
        cand.drop = True


def _opinion(cand: Candidate, lex: Lexicon) -> None:
    """Agreeing with a view is an opinion, not PLOVER's AGREE (to do something, on a deal, with
    another party): "he agreed that a president should ...", "Investors seem to agree:",
    "many agreed with much of the speech", "he agrees with me". Two sides agreeing stay."""
    if cand.type != "AGREE" or cand.kind != "verb" or lex.lemma(cand.head) not in lex.cls("news_opinion_verbs"):
        return
    kids = list(cand.head.children)
    if any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")) for c in kids):
        return
    partners = [g for c in kids if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj" and (g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or
                                         lex.sectors.get(lex.lemma(g)) is not None)]
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if not subjects and cand.head.dep_ == "xcomp":
        subjects = [c for c in cand.head.head.children if c.dep_ == "nsubj"]   # "Investors seem to agree"
    several = any(t.dep_ == "conj" or t.dep_ == "nummod" or lex.lemma(t) in lex.cls("news_party_nouns")
                  for s in subjects for t in s.subtree)      # "X and Y", "the two sides", "both"
    if not partners and not several:
        cand.drop = True


def _inside_name(cand: Candidate, lex: Lexicon) -> None:
    """A trigger inside an organisation's, a law's or a work's name is part of the name
    ("the Ban on Face Coverings initiative", "Defeat Crooked Hillary PAC")."""
    if cand.head.ent_type_ in ("ORG", "WORK_OF_ART", "LAW") and cand.head.ent_iob_ in ("B", "I"):
        ent = next((e for e in cand.head.doc.ents if e.start <= cand.head.i < e.end), None)
        if ent is not None and len(ent) > 1:
            cand.drop = True


_RULES = (_contest, _figurative, _question, _no_comment, _obligation, _protest_sense, _poll, _self_defence,
          _negated_by_governor, _cameo_category, _inside_name, _permission, _modifier_participle, _opinion)


def guard(cand: Candidate, lex: Lexicon) -> None:
    """Apply every sense guard to ``cand`` (it may be retyped, negated or dropped)."""
    for rule in _RULES:
        if cand.drop:
            return
        rule(cand, lex)
