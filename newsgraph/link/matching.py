"""Whether two event mentions report one real-world event (``pair_score``).

Why a separate module: the pair rule is the heart of clustering and the
part a reader most needs to check; ``clusters`` only decides in which order
pairs are tried and how clusters are kept consistent.

The rule, per pair of mentions (``pair_score``), in order:

- both asserted; types equal or of one family (``link.yaml``);
- dates agree (``dates.dates_agree``: different years or months never do;
  days within ``day_tolerance``), places are not far apart, and crowds
  (``place_bound_types``) in two different cities named are two crowds;
- statements (``statement_types``: condemnations, demands) of two speakers
  agreeing only by country need shared wording; across articles any two
  statements need shared wording, or the same stated day with the same
  speaker and addressee (a politician "called for" many things);
- no side conflicts: two non-empty source (or target) sets sharing neither
  an actor id nor a country keep two mentions apart (unless both state the
  same day and the other side agrees: actor resolution is noisy);
- then either *dated*: both dates stated by the text, at least one side
  agreeing (or the same place), and the words around the triggers alike
  (rapidfuzz token_set_ratio ≥ ``dated_text_min``) unless both sides agree
  by actor id; or *strong*, for an undated or publication-dated mention:
  the same type, a shared trigger word (synonyms folded: "offensive",
  "assault" and "attack" are one), sources sharing an actor id (either side
  for mutual types), words alike ≥ ``strong_text_min``; actor-less mentions
  (crowds) need the same place instead; when neither of two articles' mentions
  has a year, both sides must agree by actor id (a call between the same two
  leaders); two mentions of one article need only a shared trigger word,
  one side (or the place) agreeing and no conflict.

Further evidence, each named on the link (``pair_evidence`` returns it):
"the fighting" referring back to the offensive of its article
(``features.antecedent``); two verbs of one act in one sentence with one
actor ("capitulated and agreed"); the same stated day and the same city
(crowds with no actor); the same wording (three content words in a row,
"use heavy weapons") with a side agreeing; named references ("the 2020
war") by ``_reference_evidence``; a quote and the statement it reports,
or two reports sharing quoted words, by ``quotes.quote_evidence``. Actor ids of one party
(``actor_equivalents``) count as the same actor. Within an article, a
sentence about the past ("previously adopted") never meets a present one.
"""
from __future__ import annotations

import math
from datetime import date
from typing import Optional

from rapidfuzz import fuzz
from unidecode import unidecode

from newsgraph.link.dates import dates_agree
from newsgraph.link.features import Mention
from newsgraph.link.lexicon import LinkLexicon
from newsgraph.link.quotes import is_quote, quote_evidence


def distance_km(a: dict, b: dict) -> Optional[float]:
    """Great-circle distance between two locations with coordinates, else None."""
    if not a or not b or a.get("lat") is None or b.get("lat") is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def place_key(loc: Optional[dict]) -> Optional[str]:
    """A folded place name for comparisons, or None."""
    if not loc or not loc.get("name"):
        return None
    return unidecode(loc["name"]).lower().strip()


def same_place(a: Optional[dict], b: Optional[dict], km: float) -> Optional[bool]:
    """True (same place), False (different places) or None (cannot tell)."""
    if not a or not b:
        return None
    d = distance_km(a, b)
    if d is not None:
        return d <= km
    ka, kb = place_key(a), place_key(b)
    if ka and kb and (ka == kb or ka in kb or kb in ka):
        return True
    if a.get("country") and b.get("country") and a["country"] != b["country"]:
        return False
    return None


def _side(x: Mention, y: Mention, role: str, lex: LinkLexicon) -> str:
    """Agreement of one side: strong (actor id or one party), weak (country), none, conflict."""
    ids_x, ids_y = lex.same_party(getattr(x, role)), lex.same_party(getattr(y, role))
    cx = x.src_countries if role == "sources" else x.tgt_countries
    cy = y.src_countries if role == "sources" else y.tgt_countries
    if not ids_x or not ids_y:
        return "none"
    if ids_x & ids_y:
        return "strong"
    if (cx & cy) or (cx & ids_y) or (cy & ids_x):
        return "weak"
    return "conflict"


def _COUNTRY_LIKE(ids: frozenset) -> frozenset:
    """Ids that are country codes themselves (``AZE``)."""
    return frozenset(a for a in ids if len(a) == 3 and a.isupper())


def _mutual(x: Mention, y: Mention, lex: LinkLexicon) -> str:
    """Agreement of the participants of a mutual event (call, agreement)."""
    px, py = lex.same_party(x.sources | x.targets), lex.same_party(y.sources | y.targets)
    if not px or not py:
        return "none"
    shared = px & py
    if len(shared) >= 2 or (shared and (len(px) == 1 or len(py) == 1)):
        return "strong"
    cx = x.src_countries | x.tgt_countries | _COUNTRY_LIKE(px)
    cy = y.src_countries | y.tgt_countries | _COUNTRY_LIKE(py)
    if shared or cx & cy:
        return "weak"
    return "conflict"


def pair_score(x: Mention, y: Mention, lex: LinkLexicon) -> Optional[float]:
    """How surely two mentions are one event (0-1), or None when they are not."""
    found = pair_evidence(x, y, lex)
    return found[0] if found else None


def pair_evidence(x: Mention, y: Mention, lex: LinkLexicon) -> Optional[tuple[float, list[str]]]:
    """``(score, reasons)`` when two mentions are one event, else None.

    The reasons are the evidence an analyst sees on the link (``newsgraph
    timeline``): which rule tied the two, and on what. See the module
    docstring for the rules.
    """
    if not (x.clusterable and y.clusterable):
        return None
    if is_quote(x) or is_quote(y):
        return quote_evidence(x, y, lex)
    if not lex.compatible(x.type, y.type):
        return None
    if x.article == y.article and (x.extra.get("antecedent") == y.idx or y.extra.get("antecedent") == x.idx):
        return 0.5, [f"'{(x if 'antecedent' in x.extra else y).trigger[2]}' refers back to "
                     f"'{(y if 'antecedent' in x.extra else x).trigger[2]}' in the same article"]
    if not dates_agree(x.when, y.when, int(lex.setting("day_tolerance"))):
        return None
    if x.extra.get("reference") or y.extra.get("reference"):
        return _reference_evidence(x, y, lex)
    place = same_place(x.location, y.location, lex.setting("place_km"))
    if place is False:
        return None
    if place is None and x.type in lex.place_bound and y.type in lex.place_bound \
            and x.extra.get("area") and y.extra.get("area") and x.extra["area"] != y.extra["area"]:
        return None   # a rally in Paris and a rally in Brussels are two rallies, whoever marched
    mutual = x.type in lex.symmetric and y.type in lex.symmetric
    if mutual:
        src = tgt = _mutual(x, y, lex)
    else:
        src, tgt = _side(x, y, "sources", lex), _side(x, y, "targets", lex)
    text = fuzz.token_set_ratio(x.context, y.context) if x.context and y.context else 0.0
    if "conflict" in (src, tgt):
        # actor resolution is noisy ("Artsakh" as AZE, "the population" as a group): one
        # conflicting side is forgiven only for the same stated day, the other side agreeing
        same_day = x.when is not None and y.when is not None and x.when.kind == y.when.kind == "exact" \
            and abs((x.when.lo - y.when.lo).days) <= 1
        if not (same_day and "strong" in (src, tgt) and text >= lex.setting("dated_text_min")):
            return None
        src, tgt = (src if src != "conflict" else "none"), (tgt if tgt != "conflict" else "none")
    words = set(x.extra.get("grams") or ()) & set(y.extra.get("grams") or ())
    if src == "weak" and x.type in lex.statements and y.type in lex.statements:
        # two speakers of one country (the president, the foreign ministry): two statements,
        # unless the reports share their wording ("use heavy weapons")
        if not (words and x.type == y.type and not (x.extra.get("past") or y.extra.get("past"))):
            return None
    agree = {"strong": 1.0, "weak": 0.5, "none": 0.0}
    actor = (agree[src] + agree[tgt]) / 2
    score = round(0.45 * actor + 0.4 * text / 100 + 0.15 * (1.0 if place else 0.0), 4)
    why = _why(x, y, src, tgt, place, text)
    firm = x.when is not None and y.when is not None and x.when.firm and y.when.firm
    both_partial = x.when is not None and y.when is not None and "partial" == x.when.kind == y.when.kind \
        and None not in (x.when.partial[1], y.when.partial[1])
    same_day = firm and x.when.kind == y.when.kind == "exact" and abs((x.when.lo - y.when.lo).days) <= 1
    if (same_day or _full_partial_day(x.when, y.when)) and x.type == y.type and not place and x.extra.get("area") \
            and x.extra.get("area") == y.extra.get("area"):
        return score, [f"same day, same city: {x.extra['area'].title()}", *why]
    # one speaker says many things: across articles, two statements ("called for") are one only
    # on the same stated day to the same addressee, or by their wording (quoted words: ``quotes``)
    said = x.type in lex.statements and y.type in lex.statements and x.article != y.article
    if said and not (same_day and src == tgt == "strong"):
        if x.type == y.type and words and ("strong" in (src, tgt) or src == "weak") \
                and not (x.extra.get("past") or y.extra.get("past")):
            return score, [f"same wording: '{sorted(words)[0]}'", *why]
        return None
    if firm or both_partial:
        if src == tgt == "strong":
            return score, ["dates agree", *why]
        if (src != "none" or tgt != "none" or place) and text >= lex.setting("dated_text_min"):
            return score, ["dates agree", *why]
    shared_trigger = bool(set(x.trig_key.split()) & set(y.trig_key.split()))
    if x.article == y.article and x.extra.get("sentence") == y.extra.get("sentence") is not None \
            and "strong" in (src, tgt) and x.trigger[:2] != y.trigger[:2]:
        return score, ["one sentence, one actor: two verbs of one act", *why]
    if x.article == y.article and bool(x.extra.get("past")) != bool(y.extra.get("past")) and not firm:
        return None   # "previously adopted a resolution" is not the one reported now
    if x.type == y.type and words and ("weak" in (src, tgt) or "strong" in (src, tgt)):
        if not (x.extra.get("past") or y.extra.get("past")):
            return score, [f"same wording: '{sorted(words)[0]}'", *why]
    undated = not _dated(x) and not _dated(y)
    if undated and x.article != y.article and not (src == tgt == "strong"):
        return None  # two undated reports in two articles: only both sides agreeing ties them
    if x.type == y.type and shared_trigger:
        if src == "strong" and text >= lex.setting("strong_text_min"):
            return score, ["same trigger word", *why]
        if not (x.sources or x.targets or y.sources or y.targets) and place \
                and text >= lex.setting("strong_text_min"):
            return score, ["same trigger word", *why]
    if x.article == y.article and x.type == y.type and shared_trigger \
            and (src == "strong" or tgt == "strong" or place) and text >= lex.setting("dated_text_min"):
        return score, ["same article, same trigger word", *why]
    return None


def _reference_evidence(x: Mention, y: Mention, lex: LinkLexicon) -> Optional[tuple[float, list[str]]]:
    """A named reference ("the 2020 war") and another mention of the same event.

    The same event noun (synonyms folded: war, battle) and, besides dates
    that agree: the same year or day stated on both sides, no two different
    names ("the 2020 Artsakh War" is not "the 2020 Tigray war"), and the
    same countries around them (across articles); or one name on both
    sides ("the blockade of the Lachin Corridor", "the Lachin corridor had
    been closed") unless their stated years differ; a reference to a past
    event ("the previous war") never meets today's report.
    """
    if x.extra.get("loose") or y.extra.get("loose"):
        return None   # a loose reference joins only its nearest mention (the antecedent rule)
    if not set(x.trig_key.split()) & set(y.trig_key.split()):
        return None
    if x.extra.get("name") and y.extra.get("name") and x.extra["name"] != y.extra["name"]:
        return None
    if bool(x.extra.get("past")) != bool(y.extra.get("past")) and not (x.when and y.when):
        return None
    stated = x.when is not None and y.when is not None and x.when.kind in ("year", "exact") \
        and y.when.kind in ("year", "exact") and x.when.lo.year == y.when.lo.year
    same_day = stated and x.when.kind == y.when.kind == "exact"
    if x.article == y.article:
        if stated or x.when is None or y.when is None:
            return 0.5, [f"'{x.trigger[2]}' and '{y.trigger[2]}' name one event in one article"]
        return None
    cx = set(x.extra.get("countries") or ()) | x.src_countries | x.tgt_countries | _COUNTRY_LIKE(x.sources | x.targets)
    cy = set(y.extra.get("countries") or ()) | y.src_countries | y.tgt_countries | _COUNTRY_LIKE(y.sources | y.targets)
    if x.extra.get("reference") and y.extra.get("reference") and x.extra.get("name") \
            and x.extra["name"] == y.extra.get("name") and not (x.when and y.when and not stated) \
            and _published_near(x, y, int(lex.setting("named_reference_days"))):
        return 0.5, [f"the same named event: '{x.trigger[2]}' and '{y.trigger[2]}' of the {x.extra['name'].title()}"]
    if (stated and x.extra.get("reference") and y.extra.get("reference") or same_day) and cx & cy:
        year = x.when.lo.year
        return 0.5, [f"the same named event: '{x.trigger[2]}' and '{y.trigger[2]}' of {year}",
                     "same countries: " + ", ".join(sorted(cx & cy))]
    return None


def _published_near(x: Mention, y: Mention, days: int) -> bool:
    """True unless both articles are dated and further apart than ``days`` (the Rafah crossing closed
    in two different years is two closures)."""
    if not x.published or not y.published:
        return True
    try:
        return abs((date.fromisoformat(x.published[:10]) - date.fromisoformat(y.published[:10])).days) <= days
    except ValueError:
        return True


def _why(x: Mention, y: Mention, src: str, tgt: str, place: Optional[bool], text: float) -> list[str]:
    """The shared evidence of a pair, as short phrases."""
    out = []
    if src == "strong":
        out.append("same source: " + ", ".join(sorted(x.sources & y.sources) or sorted(x.sources)))
    if tgt == "strong":
        out.append("same target: " + ", ".join(sorted(x.targets & y.targets) or sorted(x.targets)))
    if place:
        out.append("same place: " + str((x.location or {}).get("name")))
    if text:
        out.append(f"words alike {text:.0f}%")
    return out


def _full_partial_day(a, b) -> bool:
    """True for "Thursday (March 14)" beside a report dated Thursday 14 March in full.

    A yearless date with its weekday fits one year in six or seven: beside a
    full date on that very month, day and weekday it states the same day.
    """
    if a is None or b is None or {a.kind, b.kind} != {"partial", "exact"}:
        return False
    part, full = (a, b) if a.kind == "partial" else (b, a)
    month, day, weekday = part.partial
    return None not in (month, day, weekday) and (full.lo.month, full.lo.day, full.lo.isoweekday()) == \
        (month, day, weekday)


def _dated(m: Mention) -> bool:
    """A mention with a year: stated by the text, or from a recent report's publication."""
    return m.when is not None and m.when.kind != "partial"
