"""Senses of asking, saying, agreeing and allowing that PLOVER does not code (the talk side of
the real-news sense guards; the force side and the entry point are in ``guards.py``).

Why this module exists: judged by hand on PolNeAR news articles, a moderator who "asked"
a question, a spokesman who "declined to comment", a pundit's "a president should", a poll
finding, "agreed that ...", a bill that "allows", a statement "released" and a candidate
who "spoke to reporters" were coded as REQUEST, REJECT, SUPPORT, AGREE, CONCEDE, RETREAT
and CONSULT. Each rule reads the parse around one candidate and drops it or negates it;
the words are ``guard_classes`` in ``plover.yaml``, or the trigger classes when the idea is
the same (``assent_verbs``, ``disclosures``, ``reflexives``). Two ideas keep a rule in each
layer, named apart: a question (``senses._not_verbal_act`` for "pressed on why" and
interrogative marks; ``_question`` here for asked questions) and an opinion
(``senses._opinion_assent`` for a bare view; ``_opinion`` here for a view with no partner).
"""
from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract import pronouns
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.candidate import Candidate

_THIRD_PERSON_REFLEXIVE = frozenset().union(*(pronouns.words(s, reflexive=True) - pronouns.words(s)
                                              for s in ("masculine", "feminine", "neuter", "plural")))


def _question(cand: Candidate, lex: Lexicon) -> None:
    """Asking a question is no demand: "asked whether X disavowed", "asked Trump if ...",
    "asked a straightforward question", "ask yourself", "requested anonymity"."""
    if cand.type != "REQUEST" or cand.kind != "verb" or lex.lemma(cand.head) not in lex.cls("news_question_verbs"):
        return
    words = lex.cls("news_question_words")
    kids = list(cand.head.children)
    if cand.head.dep_ == "relcl" and lex.lemma(cand.head.head) in lex.cls("news_not_demanded"):
        cand.drop = True                      # "every question that I was asked"
        return
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
                                     child.lower_ in lex.cls("reflexives")):
            cand.drop = True                  # "asked a question", "requested anonymity"
            return


def _no_comment(cand: Candidate, lex: Lexicon) -> None:
    """Refusing to comment or to answer questions rejects nothing ("declined to comment",
    "declined to weigh in", "refused to answer questions")."""
    if cand.type != "REJECT" or cand.kind != "verb":
        return
    for child in cand.head.children:
        if child.dep_ == "xcomp" and lex.lemma(child) in lex.cls("news_comment_verbs") and not any(
                g.lower_ in lex.cls("verdict_words") for g in child.children):   # "refused to say yes to"
            cand.drop = True
            return
        if child.dep_ == "dobj" and any(lex.lemma(g) in lex.cls("news_comment_nouns") for g in child.subtree):
            cand.drop = True                  # "declined multiple requests for an interview"
            return


def _perfect(verb: Token, lex: Lexicon) -> bool:
    """Whether ``verb`` is a perfect infinitive under a modal ("should have insisted")."""
    return any(c.dep_ == "aux" and c.lower_ in lex.cls("news_perfect_auxiliaries") for c in verb.children)


def _obligation(cand: Candidate, lex: Lexicon) -> None:
    """A reported "must / should / has to" is a demand only when it is addressed: not a
    perfect ("should have insisted", "must have included": regret or inference), not a
    relative or conditional clause ("something the party should get solved", "if they need
    to be"), not an indefinite subject ("a leader must fight", "a president shouldn't")."""
    if cand.kind != "modal" or cand.type != "REQUEST":
        return
    verb = cand.anchor
    if _perfect(verb, lex) or verb.dep_ in ("relcl", "acl"):
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
            if token.ent_type_ == "PERCENT" or token.lower_ in lex.cls("news_percent_words") or six_in_ten:
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
        reflexive = child.lower_ in _THIRD_PERSON_REFLEXIVE
        own = any(g.dep_ == "poss" and g.lower_ in lex.cls("news_third_person_possessives") for g in child.children)
        if reflexive or (own and not child.ent_type_ and lex.sectors.get(lex.lemma(child)) is None):
            cand.drop = True
            return


def _negated_by_governor(cand: Candidate, lex: Lexicon) -> None:
    """An act under "without", "refusal to", "reluctant to" did not happen, nor one done to
    "none": "without supporting Trump", "reluctant to support", "endorsed none of this"."""
    if cand.status != "asserted" or cand.kind not in ("verb", "noun"):
        return
    if any(c.dep_ == "dobj" and c.lower_ in lex.cls("news_nobody_words") for c in cand.head.children):
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


def _inside_name(cand: Candidate, lex: Lexicon) -> None:
    """A trigger inside an organisation's, a law's or a work's name is part of the name
    ("the Ban on Face Coverings initiative", "Defeat Crooked Hillary PAC")."""
    if cand.head.ent_type_ in ("ORG", "WORK_OF_ART", "LAW") and cand.head.ent_iob_ in ("B", "I"):
        ent = next((e for e in cand.head.doc.ents if e.start <= cand.head.i < e.end), None)
        if ent is not None and len(ent) > 1:
            cand.drop = True


def _permission(cand: Candidate, lex: Lexicon) -> None:
    """A law, bill or ruling that "allows" something grants nothing: the concession is the
    content of a text ("legislation which allows the government to ...", "a bill that
    allowed veterans to ...", "rules that would have allowed companies to ...")."""
    if cand.type not in ("CONCEDE", "AGREE") or cand.kind != "verb" or \
            lex.lemma(cand.head) not in lex.cls("news_permission_verbs"):
        return
    subjects = [c for c in cand.head.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].lower_ in pronouns.RELATIVE and cand.head.dep_ == "relcl":
        subjects = [cand.head.head]
    texts = lex.cls("criticised_things") | lex.cls("news_document_nouns")
    if subjects and (lex.lemma(subjects[0]) in texts or subjects[0].lower_ in lex.cls("news_text_pronouns")):
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
    if cand.type != "AGREE" or cand.kind != "verb" or lex.lemma(cand.head) not in lex.cls("assent_verbs"):
        return
    kids = list(cand.head.children)
    if any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in lex.cls("news_deal_preps")) for c in kids):
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


def _assurance(cand: Candidate, lex: Lexicon) -> None:
    """Promising that something is so is an assurance, not a commitment to act: "pledged that
    Trump really is in favor of free trade", "promised that he's staying in the race",
    "Freeing her husband, he promised, was a priority"."""
    if cand.type == "AGREE" and cand.kind == "verb" and lex.lemma(cand.head) in lex.frame("commissive") and \
            lex.lemma(cand.head) not in lex.cls("assent_verbs"):
        kids = list(cand.head.children)
        if any(c.dep_ == "ccomp" for c in kids) and not any(c.dep_ in ("xcomp", "dobj") for c in kids):
            cand.drop = True


def _talk_sense(cand: Candidate, lex: Lexicon) -> None:
    """Meeting and talking that are no consultation: "was met with chants / fierce opposition"
    (received), a candidate who "spoke to reporters" or "speaks to supporters" (a statement to
    an audience, CAMEO 01, not talks between actors)."""
    if cand.type != "CONSULT" or cand.kind != "verb":
        return
    head = cand.head
    if lex.lemma(head) in lex.cls("news_receiving_verbs") and any(c.dep_ == "auxpass" for c in head.children):
        cand.drop = True
        return
    if lex.lemma(head) in lex.cls("news_speaking_verbs"):
        heard = [g for c in head.children if c.dep_ == "prep" and c.lower_ in lex.cls("news_audience_preps")
                 for g in c.children if g.dep_ == "pobj"] + \
            [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if heard and all(lex.lemma(g) in lex.cls("news_audience_nouns") or
                         lex.sectors.get(lex.lemma(g)) == "JRN" for g in heard):
            cand.drop = True


def _empty_commitment(cand: Candidate, lex: Lexicon) -> None:
    """"Willing / ready / committed to" promises an act only when the act is an event:
    "how far he's willing to go", "remains committed to seeing the primary through" and
    "lawmakers open to reform" commit nobody to anything PLOVER codes."""
    if cand.kind == "adj" and cand.type == "AGREE" and cand.role == "commissive" and not cand.complements:
        cand.drop = True


def _popularity(cand: Candidate, lex: Lexicon) -> None:
    """Support "among" a group is a candidate's standing, not an act of support: "Clinton has
    strong support among African-American voters"."""
    if cand.type == "SUPPORT" and cand.kind == "noun" and any(
            c.dep_ == "prep" and c.lower_ == "among" for c in cand.head.children):
        cand.drop = True


def _published(cand: Candidate, lex: Lexicon) -> None:
    """Releasing a statement, a report or a video publishes it; only people are freed."""
    if cand.type == "RETREAT" and cand.kind == "verb" and any(
            c.dep_ in ("dobj", "nsubjpass") and lex.lemma(c) in lex.cls("disclosures")
            for c in cand.head.children):
        cand.drop = True


TALK_RULES = (_question, _no_comment, _obligation, _poll, _self_defence, _negated_by_governor, _cameo_category,
              _inside_name, _permission, _modifier_participle, _opinion, _assurance, _talk_sense, _published,
              _empty_commitment, _popularity)
