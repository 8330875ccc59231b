"""Which timex candidates the tokens support, and the tense they are read in.

Why a module of its own: ``patterns.scan`` proposes spans from text alone;
deciding whether "May" is a month, "2000" a year or "a month" a rate needs
the tokens the pipeline already made (tags, parse, entities). These checks,
and the tense read from the governing verb, are shared by the component and
``published.infer_published``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX
from spacy.tokens import Doc

from newsgraph.extract.timex import patterns
from newsgraph.extract.timex.calendar import count_of

_COUNTED = re.compile(r"[\W\d]{0,6}(?:years|days|months|weeks|decades|centuries|hours)\b", re.I)


class TokenIndex:
    """Character offset -> token lookup for one Doc (built once, bisect per query)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = doc.to_array(IDX).tolist()   # one array read, not a Token object per word

    def at(self, char: int):
        """The token covering ``char`` (or the last one starting before it), or None."""
        i = bisect_right(self.starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def before(self, char: int):
        """The token ending at or before ``char``, or None."""
        i = bisect_left(self.starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def after(self, char: int):
        """The first token starting at or after ``char``, or None."""
        i = bisect_left(self.starts, char)
        return self.doc[i] if i < len(self.doc) else None


def _capitalised(text: str, span: tuple[int, int] | None) -> bool:
    return span is None or text[span[0]:span[0] + 1].isupper()


def _mid_sentence_capital(text: str, toks: TokenIndex, span: tuple[int, int]) -> bool:
    token = toks.at(span[0])
    return text[span[0]].isupper() and token is not None and not token.is_sent_start


def supported(c: patterns.Candidate, text: str, toks: TokenIndex, tables: dict) -> bool:
    """Whether the tokens around candidate ``c`` support reading it as a time expression."""
    for name in ("mon", "wd", "hol"):
        if name in c.groups and not c.groups[name].isdigit() and not _capitalised(text, c.spans[name]):
            return False
    prev = toks.before(c.start)
    prev_word = prev.lower_ if prev is not None else ""
    nxt = toks.after(c.end)
    if c.kind == "month" and not c.get("year") and not c.get("edge"):
        word = c.get("mon").rstrip(".")
        token = toks.at(c.spans["mon"][0])
        if word in patterns._ABBREVIATIONS or (token is not None and token.tag_ in ("MD", "VB", "VBP", "VBZ")):
            return False
        if not c.get("rel") and token is not None and _named_month(token, prev_word, nxt):
            return False
        if word in tables["months"]["also_names"] and prev is not None and prev.pos_ == "PROPN":
            return False
    if c.kind == "year" and not c.get("edge"):
        token = toks.at(c.spans["year"][0])
        in_date_entity = token is not None and token.ent_type_ == "DATE"
        if not in_date_entity and prev_word not in tables["prepositions"]["year"]:
            return False
        if _COUNTED.match(text, c.end):   # "2000 years of history" counts years, it is not one
            return False
    if c.kind in ("season", "relunit") and (c.get("season") or c.get("unit")) in tables["seasons"]["codes"]:
        key = "season" if "season" in c.spans else "unit"
        if _mid_sentence_capital(text, toks, c.spans[key]):
            return False
        if c.kind == "season" and not (c.get("year") or c.get("edge") or (c.get("det") and c.get("det") != "the")):
            if c.get("det") == "the" and text[c.end:c.end + 4].lower().strip() == "of":
                return False
            if not c.get("det") and prev_word not in tables["prepositions"]["year"] + ["during", "over"]:
                return False
            token = toks.at(c.spans["season"][0])
            if not c.get("det") and token is not None and token.pos_ in ("VERB", "AUX"):
                return False   # "expected to fall by mid-December": the verb
    if c.kind == "quarter" and c.get("qh") and not (c.get("year") or c.get("yrel")):
        if text[c.end:c.end + 4].lower().strip() == "of":
            return False
    if c.kind == "long" and c.get("num") in ("a", "an"):
        c.start = c.spans["unit"][0]   # "a decade-long fight": the article belongs to the noun
        del c.groups["num"]
    if c.kind == "numbered" and c.get("mod") in ("over", "under") and _is_preposition(toks, c.spans["mod"][0]):
        c.start = c.spans["num"][0]   # "expenses over 15 months": a preposition, not "more than"
        del c.groups["mod"]
    if c.kind == "numbered" and c.get("mod") and (c.get("hy") or " ").startswith("-"):
        c.start = c.spans["num"][0]   # "under 30-year concessions": a modifier never heads an adjective
        del c.groups["mod"]
    if c.kind == "numbered" and not (c.get("hy") or " ").startswith("-"):
        unit = toks.at(c.spans["unit"][0])
        if unit is None or unit.pos_ not in ("NOUN", "PROPN", "NUM"):
            return False
        if c.get("unit").startswith("quarter") and (nxt is not None and nxt.lower_ == "of"
                                                     or ((count_of(c.get("num")) or 0) < 2
                                                         and not is_rate(c, toks))):
            return False
    if c.kind == "fuzzy":
        word = re.sub(r"\s+", " ", c.get("fz"))
        if word in ("the past", "the present", "the future") and nxt is not None \
                and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            return False
        if word == "soon" and prev_word == "as":
            return False
    if c.kind == "set" and c.get("adv") and _mid_sentence_capital(text, toks, c.spans["adv"]):
        return False
    if c.kind == "set" and c.get("adv"):   # "a satirical weekly": the noun is a publication
        token = toks.at(c.spans["adv"][0])
        if token is not None and token.pos_ in ("NOUN", "PROPN") and prev is not None \
                and prev.pos_ in ("DET", "ADJ") and (nxt is None or nxt.pos_ not in ("NOUN", "PROPN")):
            return False
    if c.kind == "plural" and not c.get("the") and c.get("rel") == "last" and prev is not None \
            and (prev.tag_ == "MD" or prev_word in ("to", "did", "does", "do")):
        return False   # "could last weeks": the verb, not "the last weeks"
    if c.kind == "time" and c.get("mi") and not (c.get("ampm") or c.get("tz")):
        if prev_word not in ("at", "by", "until", "till", "from", "before", "after", "around", "about", "to",
                             "since"):
            return False
    return True


def _named_month(token, prev_word: str, nxt) -> bool:
    """A bare month name that names something else: "May Department Stores", "the March on Washington"."""
    head = token.head
    if token.dep_ == "compound" and head is not token and head.pos_ == "PROPN" and head.text[:1].isupper() \
            and head.i > token.i:
        return True
    return prev_word in ("the", "a") and nxt is not None and nxt.lower_ in ("on", "to", "against", "for", "through",
                                                                          "across", "from")


def _is_preposition(toks: TokenIndex, char: int) -> bool:
    token = toks.at(char)
    return token is not None and token.dep_ == "prep" and token.head.pos_ in ("VERB", "NOUN", "PROPN", "AUX")


def is_comparison(c: patterns.Candidate, toks: TokenIndex, tables: dict) -> bool:
    """True for "a year earlier" / "a year ago" right after the figure it compares with."""
    if c.kind != "numbered" or c.get("rel") not in ("earlier", "ago") or c.get("mod"):
        return False
    prev = toks.before(c.start)
    if prev is None:
        return False
    return prev.like_num or prev.lower_ in tables["comparisons"]["words"]


def select_longest(cands: list[patterns.Candidate]) -> list[patterns.Candidate]:
    """The longest non-overlapping candidates (ties: earlier pattern), in text order."""
    kept: list[patterns.Candidate] = []
    taken: list[tuple[int, int]] = []   # sorted, disjoint
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.order, c.start)):
        i = bisect_left(taken, (c.start, c.end))
        if (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end):
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def tense_at(doc: Doc, toks: TokenIndex, start: int, end: int, tables: dict) -> str | None:
    """"past", "future", "present" or None: the tense governing the expression at [start, end)."""
    cues = tables["tense"]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok, via_for, steps = span.root, False, 0
    while steps < 8 and tok.head is not tok:
        if tok.lemma_.lower() in cues["future_lemmas"] and tok not in span:
            return "future"
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            break
        via_for = via_for or tok.lower_ == "for"
        tok, steps = tok.head, steps + 1
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return _verb_tense(tok, via_for, cues)


def _verb_tense(verb, via_for: bool, cues: dict) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ == "conj" and not auxes:
        auxes = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & set(cues["future_aux"]):
        return "future"
    if verb.lemma_.lower() in cues["future_lemmas"] and verb.tag_ in ("VBN", "JJ", "VBG"):
        return "future"
    if via_for and verb.lemma_.lower() in cues["future_via_for"]:
        return "future"
    if "to" in words or verb.tag_ == "VB":
        head = verb.head
        for _ in range(2):
            if head.lemma_.lower() in cues["future_heads"]:
                return "future"
            if head.head is head:
                break
            head = head.head
        return None
    if verb.tag_ == "VBG":
        if words & {"is", "are", "am", "'s", "'re"}:
            return "present"   # "is meeting on Thursday" looks ahead; read as present, like "votes on Saturday"
        return "past" if words & {"was", "were"} else None
    if verb.tag_ in ("VBD", "VBN") or words & {"had", "has", "have", "was", "were", "did"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def is_rate(c: patterns.Candidate, toks: TokenIndex) -> bool:
    """True when "a month" follows a quantity ("100 euros a month", "twice a year")."""
    if c.kind != "numbered" or c.get("num") not in ("a", "an") or c.get("rel"):
        return False
    prev = toks.before(c.start)
    if prev is None:
        return False
    if prev.like_num or prev.lower_ in ("once", "twice", "thrice", "times"):
        return True
    before = toks.before(prev.idx)
    return prev.pos_ == "NOUN" and before is not None and (before.like_num or before.tag_ == "$")
