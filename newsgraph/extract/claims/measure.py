"""Decide what a figure counts: its measure and the group it is about.

Why a separate module: "27 dead", "7,000 inhabitants ... were evacuated",
"the death toll rose to 30" and "Police put them at 3,000" name what is
counted in different places of the parse. This module looks in each place,
nearest first, using the cues of ``newsgraph/data/claims.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.extract.claims.lexicon import ClaimLexicon
from newsgraph.extract.claims.numbers import Figure

_MODALS = {"could", "may", "might", "would", "will", "should", "can", "shall"}
_PRONOUNS = {"them", "they", "it", "those", "these", "this", "that", "him", "her"}
_ABOUT_STOP_DEPS = {"punct", "cc", "conj", "appos", "advcl", "relcl", "det", "nummod", "quantmod"}
_LEFT_MODS = {"compound", "amod", "nmod", "poss", "case", "npadvmod"}
_QUOTES = {'"', "“", "”", "'", "‘", "’", "»", "«"}
MAX_ABOUT_AFTER = 5
MIN_OTHER = 10   # "two men spent months": small plain counts of people are not reported figures


@dataclass
class Reading:
    """What one figure counts, as found in the parse."""

    measure: str
    about: Optional[str]
    counted: Optional[int]          # token index of the counted word, if any
    verb: Optional[int]             # governing verb token index, if any
    inherited: bool = False         # measure taken from an earlier figure


def _forms(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def counted_token(doc, fig: Figure) -> Optional[Token]:
    """The word the figure counts ("people" in "a thousand people"), or None."""
    head = doc[fig.head]
    if fig.vague or head.lower_ in ("dozen",):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
    if (head.dep_ in ("nummod", "quantmod", "amod", "compound") or head.lower_ in ("a", "an") and head.dep_ == "det") \
            and head.head.i >= fig.num_end \
            and head.head.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and head.head.i - fig.end < 5:
        return head.head
    # "12 of the protesters"
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("NOUN", "PROPN"):
                return objs[0]
    # a parse that hangs the noun elsewhere: take an adjacent noun
    nxt = doc[fig.end] if fig.end < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NN") and head.dep_ not in ("pobj", "dobj"):
        return nxt
    return None


def governing_verb(tok: Token, max_steps: int = 5) -> Optional[Token]:
    """The nearest verb up the parse from ``tok`` (the token itself excluded)."""
    cur = tok
    for _ in range(max_steps):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _verb_candidates(gov: Optional[Token], counted: Optional[Token], anchor: Token) -> list[Token]:
    """The governing verb, its xcomp/acomp/conj partners, and the noun's own verbs.

    With no verb above (a parse that makes the figure the root), the verbs
    below the figure within a dozen words stand in.
    """
    out: list[Token] = []
    if counted is not None:
        out += [c for c in counted.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX", "ADJ")]
    if gov is None:
        out += sorted((t for t in anchor.subtree if t.pos_ == "VERB" and 0 < t.i - anchor.i <= 12),
                      key=lambda t: t.i)
    if gov is not None:
        out.append(gov)
        out += [c for c in gov.children if c.dep_ in ("xcomp", "acomp", "oprd")]
        if gov.dep_ == "xcomp":
            out.append(gov.head)
    # "707 people shot and killed": the verbs coordinated with those found
    out += [c for v in list(out) for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    return out


def _modifiers(tok: Token) -> list[str]:
    return [c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]


def _frame_nouns(gov: Token) -> list[Token]:
    """Subject/object nouns of the verb and objects of its prepositions."""
    out = []
    for child in gov.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            out.append(child)
            out += [g for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        elif child.dep_ in ("prep", "agent"):
            out += [g for g in child.children if g.dep_ == "pobj"]
            out += [h for g in child.children if g.dep_ == "pobj"
                    for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
                    for h in c.children if h.dep_ == "pobj"]
    return out


def is_hypothetical(gov: Optional[Token]) -> bool:
    """True when the verb is under a modal or an "if": a projection, not a report."""
    if gov is None:
        return False
    for child in gov.children:
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
            return True
    return False


def looks_like_people(tok: Optional[Token], lex: ClaimLexicon) -> bool:
    """A noun counting people: in the people list, or a nationality plural ("Armenians")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    lemma, low = _forms(tok)
    if lemma in lex.people or low in lex.people:
        return True
    if tok.ent_type_ == "NORP" or (tok.text[:1].isupper() and low.endswith(("ians", "ans", "ese", "is"))
                                   and tok.tag_ in ("NNPS", "NNS")):
        return True
    # agent plurals: "miners", "protesters", "employees"; minus things that end alike
    return tok.tag_ == "NNS" and low.endswith(_AGENT_ENDINGS) and lemma not in lex.not_people


_AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ees")


def about_text(tok: Token, fig: Figure) -> str:
    """Short text of the counted group: modifiers, noun, and a few words after."""
    doc = tok.doc
    start = tok.i
    while start - 1 >= 0 and doc[start - 1].head.i == tok.i and doc[start - 1].dep_ in _LEFT_MODS \
            and not (fig.start <= start - 1 < fig.end):
        start -= 1
    end = tok.i + 1
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ in ("acl", "relcl") or (child.dep_ == "prep" and child.lower_ in ("of", "from", "in")):
            stop, seen_noun = end, False
            for t in child.subtree:
                if t.i != stop or t.is_punct or t.dep_ in ("cc",) or t.i - tok.i > MAX_ABOUT_AFTER:
                    break
                if seen_noun and t.pos_ in ("ADP", "SCONJ"):
                    break  # "refugees fleeing to Armenia | for fear of ..."
                seen_noun = seen_noun or t.pos_ in ("NOUN", "PROPN")
                stop = t.i + 1
            end = max(end, stop)
        break
    text = doc[start:end].text
    return text.strip(" ,;:\"“”'’")


def read_measure(sent: SpacySpan, fig: Figure, lex: ClaimLexicon,
                 earlier: list[Reading]) -> Optional[Reading]:
    """What ``fig`` counts, or None when it is not a count of people or events.

    Args:
        sent: the figure's sentence.
        fig: the figure found by ``claim_numbers.find_figures``.
        lex: the loaded claims lexicon.
        earlier: readings of earlier figures (this sentence and the two
            before), newest last, for "between 100 and 150" and "put them at".
    Returns:
        A ``Reading``, or None.
    """
    doc = sent.doc
    head = doc[fig.head]
    counted = counted_token(doc, fig)
    anchor = counted if counted is not None else head
    gov = governing_verb(anchor)
    if is_hypothetical(gov):
        return None
    about = about_text(counted, fig) if counted is not None and counted.pos_ in ("NOUN", "PROPN") else None
    gov_lemma = gov.lemma_.lower() if gov is not None else ""

    def reading(measure: str) -> Reading:
        return Reading(measure, about, counted.i if counted is not None else None,
                       gov.i if gov is not None else None)

    # 1. the word right after the figure: "27 dead", "200 injured"
    k = fig.end
    while k < sent.end and doc[k].text in _QUOTES:
        k += 1
    modifier = k < sent.end and doc[k].dep_ in ("compound", "amod") and doc[k].head.i > k
    if k < sent.end and not modifier:  # not "one death row inmate"
        measure = lex.cue(_forms(doc[k]), "after", gov_lemma)
        if measure:
            return reading(measure)
    # 1b. "27 dead, including two civilians": the group named before "including"
    if gov is not None and gov.lower_ in ("including", "among") and gov.head.i != gov.i:
        outer = gov.head
        measure = lex.cue(_forms(outer), "after") or lex.cue(_forms(outer), "noun") \
            or next((r.measure for r in reversed(earlier) if r.counted == outer.i), None)
        if measure:
            return reading(measure)
    # 1c. "the deaths of two Israelis", "the arrest of 30 activists"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.i != anchor.head.i:
        measure = lex.cue(_forms(anchor.head.head), "of", gov_lemma)
        if measure:
            return reading(measure)
    # a counted noun that is neither people nor a measure: "16 towns", "fifty buses"
    if counted is not None and counted.pos_ in ("NOUN", "PROPN") and not looks_like_people(counted, lex) \
            and not lex.cue(_forms(counted), "noun", gov_lemma, _modifiers(counted)) \
            and not lex.cue(_forms(counted), "after", gov_lemma) and not lex.cue(_forms(counted), "frame"):
        return None
    # 2. the verbs the counted phrase hangs on: "were killed", "fleeing to"
    for verb in _verb_candidates(gov, counted, head):
        head_lemma = verb.head.lemma_.lower() if verb.dep_ in ("acomp", "oprd") else gov_lemma
        measure = lex.cue(_forms(verb), "verb", head_lemma)
        if measure:
            return reading(measure)
    # 3. a noun naming the count or the event: "the death toll rose to 30"
    if gov is not None:
        for noun in _frame_nouns(gov):
            if noun.i == anchor.i:
                continue
            measure = lex.cue(_forms(noun), "frame", gov_lemma, _modifiers(noun))
            if measure:
                return reading(measure)
    # 4. the counted noun itself: "100,000 refugees", "295 votes", "29 lives"
    if counted is not None:
        measure = lex.cue(_forms(counted), "noun", gov_lemma, _modifiers(counted))
        if measure:
            return reading(measure)
    # 5. a figure standing for an earlier group: "put them at", "and 5,000 in Lyon"
    inherited = _inherit(doc, fig, gov, counted, lex, earlier)
    if inherited is not None:
        return inherited
    # 6. people with no measure: kept as `other` when plainly counted
    if looks_like_people(counted, lex) and not fig.vague and (fig.value >= MIN_OTHER or fig.qualifier != "exact"):
        return reading("other")
    return None


def _inherit(doc, fig: Figure, gov: Optional[Token], counted: Optional[Token], lex: ClaimLexicon,
             earlier: list[Reading]) -> Optional[Reading]:
    """Measure and group of an earlier figure this one continues, or None."""
    if not earlier or counted is not None:
        return None
    last = next((r for r in reversed(earlier) if r.measure != "other"), None)
    if last is None:
        return None
    head = doc[fig.head]
    # "Police put them at more than 3,000": an estimate of the group just counted
    if gov is not None and gov.lemma_.lower() in lex.estimate_verbs:
        objs = [c for c in gov.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(o.lower_ in _PRONOUNS or o.lemma_.lower() in ("number", "figure", "total", "count") for o in objs):
            return Reading(last.measure, last.about, None, gov.i, inherited=True)
    # "Police counted 9,500 marchers, while organisers claimed more than 40,000": a source's
    # own figure for the group just counted, as the object of its reporting verb
    if gov is not None and head.dep_ in ("dobj", "attr", "oprd") and head.head.i == gov.i \
            and gov.lemma_.lower() in (lex.reporting_verbs | lex.estimate_verbs) \
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in lex.sources for c in gov.children):
        return Reading(last.measure, last.about, None, gov.i, inherited=True)
    # "... about 80 people participated in X and between 100 and 150 in Y"
    if head.dep_ in ("conj", "appos", "pobj") and last.verb is not None and gov is not None and gov.i == last.verb:
        return Reading(last.measure, last.about, None, gov.i, inherited=True)
    return None
