"""Frames: how one event wraps another, and the PLOVER rules that follow.

Why this module exists: PLOVER codes what an actor does, and many acts are
about other acts. "France called on Azerbaijan to cease its offensive" is a
REQUEST by France to Azerbaijan, and the ceasing is only demanded; "Iran
threatened to launch an offensive" is a THREATEN, not an ASSAULT; "X
promised to send aid" is an AGREE; "X said Sudan must return the helicopter"
is a REQUEST by X to Sudan although no demand verb appears; "X will provide
aid" (said by X) is an AGREE, because PLOVER reads cooperative acts in the
future tense as intentions. This module links each trigger to the frame that
contains it and applies those rules; the wrapped act is kept apart (status
``demanded``, ``future``, ...) and only emitted when the component is told to.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.resolve import first_person, same_party
from newsgraph.extract.events.lexicon import Lexicon
from newsgraph.extract.events.prefilter import sentence_words
from newsgraph.extract.events.status import modals, negated
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.penalties import penalty
from newsgraph.extract.events.reporting import public_arg, reporter  # noqa: F401  (frames.reporter: component)
from newsgraph.extract.events.obligation import addressee as can_be_asked, epistemic, idle, self_obligation





_VERB_ROLES = {"REQUEST": "directive", "REJECT": "refusal", "THREATEN": "threat"}
# Acts whose announcement to their target is a threat (warnings, refusals to rule them out)
HARM = ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE")


def assign_roles(cands: list[Candidate], lex: Lexicon) -> None:
    """Mark frame words: every verbal REQUEST is directive, REJECT refusal and THREATEN
    threat (what they are about did not happen); AGREE verbs of promising are commissive."""
    for cand in cands:
        lemma = lex.lemma(cand.head)
        if cand.role:
            continue
        if cand.kind == "noun":
            role = lex.cls("frame_nouns").get(lemma)
            if role and cand.type in ("REQUEST", "REJECT", "THREATEN"):
                cand.role = role
        elif cand.type in _VERB_ROLES:
            cand.role = _VERB_ROLES[cand.type]
        elif cand.type == "AGREE" and lemma in lex.frame("commissive"):
            cand.role = "commissive"


def _boundary(token: Token, lex: Lexicon) -> bool:
    """Clause links and adjuncts ("after ...", "during ...") that end the search for a containing event."""
    if token.dep_ in ("relcl", "parataxis", "conj", "ROOT"):
        return True
    if token.dep_ == "appos":
        return token.pos_ in ("VERB", "AUX")
    if token.dep_ == "prep" and token.lower_ in lex.frame("adjunct_preps"):
        return True
    if token.dep_ == "advcl":
        return token.tag_ == "VBG" or any(c.dep_ == "mark" and c.lower_ != "for" for c in token.children)
    return False


def _unrealised(token: Token, lex: Lexicon) -> bool:
    """An adverbial clause of condition or time-to-come ("if ...", "unless ...", "before ...")."""
    marks = lex.frame("conditional_marks") | lex.frame("ultimatum_marks") | {"before"}
    if token.dep_ == "pcomp" and token.head.lower_ in marks | {"without"}:
        return True                           # "before allowing aid convoys"
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)


def _contain(cand: Candidate, other: Candidate, containers: dict) -> None:
    """Record that ``cand`` sits in ``other``'s argument (a frame wraps it)."""
    containers[id(cand)] = other
    if other.role and cand.wrapper is None:
        cand.wrapper = other
        other.complements.append(cand)


def link(cands: list[Candidate], lex: Lexicon) -> dict:
    """Find, for each candidate, the nearest candidate whose argument it sits in.

    A reported obligation ("must") wraps the act on its verb; a noun carried
    by another trigger's verb ("offered aid") sits in that trigger; otherwise
    the parse is climbed until a clause boundary (a coordinated verb shares
    its first conjunct's container). A that-clause next to a demand noun
    ("reiterated its demand that X ...") sits in the demand. Triggers inside
    an if / unless / until / before clause of another event are its
    conditions and get ``drop``.

    Returns:
        {id(candidate): container candidate}; frame containers also get the
        candidate in ``complements`` and it gets them as ``wrapper``.
    """
    index: dict[int, Candidate] = {}     # token index -> the trigger at it
    for cand in cands:
        if cand.kind != "modal":
            index.setdefault(cand.head.i, cand)
    for cand in cands:
        if cand.kind != "modal":
            index.setdefault(cand.anchor.i, cand)
    modal_anchor = {c.anchor.i: c for c in cands if c.kind == "modal"}
    index.update(modal_anchor)
    containers: dict[int, Candidate] = {}
    for cand in cands:
        if cand.kind != "modal" and (cand.anchor.i in modal_anchor or cand.head.i in modal_anchor):
            _contain(cand, modal_anchor.get(cand.anchor.i) or modal_anchor[cand.head.i], containers)
            continue
        if cand.kind == "noun" and cand.anchor is not cand.head:
            carrier = index.get(cand.anchor.i)
            if carrier is not None and carrier is not cand and carrier.head.i == cand.anchor.i:
                _contain(cand, carrier, containers)
                continue
        node, condition = cand.anchor, False
        for _ in range(12):
            if node.head is node:
                break
            if node.dep_ == "conj" and (node.head.pos_ in ("VERB", "AUX")) == (node.pos_ in ("VERB", "AUX")):
                node = node.head                    # share the first conjunct's container
                continue
            if _unrealised(node, lex):
                condition = True
            elif _boundary(node, lex):
                break
            from_clause = node.dep_ == "ccomp"
            node = node.head
            other = index.get(node.i)
            if other is None and from_clause:
                other = next((index[c.i] for c in node.children if c.dep_ == "dobj" and c.i in index
                              and index[c.i].role), None)
            if other is not None and other is not cand:
                if condition:
                    cand.drop = True
                else:
                    _contain(cand, other, containers)
                break
    return containers


def threaten_mode(inner: Optional[Candidate], lex: Lexicon) -> Optional[str]:
    """THREATEN's mode from the threatened act ("violence" for ASSAULT...)."""
    if inner is None:
        return None
    if inner.mode in lex.threaten_own_modes:
        return inner.mode
    return lex.threaten_modes.get(inner.type)


def ultimatum(cand: Candidate, lex: Lexicon) -> bool:
    """Whether the act is conditioned by an "unless"/"until" clause (an ultimatum)."""
    marks = lex.frame("ultimatum_marks")
    for token in (cand.anchor, *(c.anchor for c in cand.complements)):
        for child in token.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children):
                return True
    return False


def apply_frames(cands: list[Candidate], lex: Lexicon) -> None:
    """Retype frame events from what they wrap (promise of a hostile act -> THREATEN...)."""
    for cand in cands:
        inner = cand.complements[0] if cand.complements else None
        if cand.role == "commissive":
            if inner is not None and negated(inner.anchor, lex):
                cand.type, cand.mode, cand.role, cand.converted = "REJECT", None, "refusal", True
            elif (inner is not None and inner.type in lex.hostile) or ultimatum(cand, lex):
                cand.type, cand.mode, cand.role, cand.converted = "THREATEN", threaten_mode(inner, lex), "threat", True
        elif cand.role == "threat" and inner is not None:
            cand.mode = threaten_mode(inner, lex) or cand.mode
        elif cand.role == "refusal" and inner is not None and inner.type in HARM and negated(cand.anchor, lex):
            # "has not ruled out the use of force": keeping a hostile act open is a threat
            cand.type, cand.mode, cand.role, cand.converted = "THREATEN", threaten_mode(inner, lex), "threat", True
            cand.fixed_status = "asserted"
        elif cand.role == "directive" and lex.lemma(cand.head) == "order" and inner is not None and \
                inner.type in ("COERCE", "SANCTION", "ASSAULT", "INVESTIGATE", "MOBILIZE"):
            cand.type, cand.mode, cand.converted = inner.type, inner.mode, True


def _quote_speaker(doc: Doc, token: Token, args: ArgBuilder) -> list[Token]:
    """The speaker of a quotation (from ``newsgraph_quotes``) covering ``token``, as tokens."""
    for quote in doc._.ng_quotes or []:
        content, speaker = quote.content, quote.speaker
        if speaker is None or not (content.start <= token.idx < content.end):
            continue
        span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        if span is not None and len(span):
            return [span.root]
    return []


def obligations(doc: Doc, sent: Span, lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """REQUEST events made of reported obligations: "X said Y must/should/has to act".

    The trigger is the modal ("must"); the source is whoever says it (a verb
    of saying, or the speaker of the quotation around it); the target is the
    one who must act. First-person subjects ("we must") are the speaker's own
    resolve, not a demand, and are skipped.
    """
    out = []
    obligation = lex.frame("obligation_modals")
    words = sentence_words(sent, lex)
    if obligation.isdisjoint(words) and (lex.frame("obligation_verbs").isdisjoint(words) or "to" not in words):
        return out                            # neither a modal nor "have/need to" here
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        trigger = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in obligation), None)
        verb = token
        if trigger is None and lex.lemma(token) in lex.frame("obligation_verbs") and not negated(token, lex):
            inner = [c for c in token.children if c.dep_ == "xcomp"
                     and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")]
            if not inner:
                continue
            trigger = token
        if trigger is None:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or first_person(subjects[0]) or subjects[0].lower_ in lex.frame("generic_subjects") or any(
                first_person(c) for c in subjects[0].children if c.dep_ == "poss"):
            continue
        if epistemic(trigger, verb) or any(c.dep_ == "det" and c.lower_ in lex.frame("generic_determiners")
                                            for c in subjects[0].children):
            out.append(idle(trigger, verb))   # "he must be doing something right", "a president must"
            continue
        public = not can_be_asked(subjects[0], lex, args)   # "travellers must self-isolate": a rule
        if public and (lex.lemma(trigger) not in lex.frame("rule_modals") or
                       lex.lemma(subjects[0]) not in lex.frame("public_subjects")):
            continue
        speakers = reporter(verb, args, lex)
        if not speakers and not (verb.dep_ in ("ccomp", "xcomp") and lex.lemma(verb.head) not in lex.frame("say")):
            speakers = _quote_speaker(doc, trigger, args)
        if not speakers:
            continue
        if self_obligation(subjects[0], speakers, lex, args):
            out.append(idle(trigger, verb))   # "Clinton said she must focus on ...": her own resolve
            continue
        if public:                            # an authority stating it imposes a restriction
            if any((lex.sectors.get(lex.lemma(t)) or "").lower() in lex.frame("rule_sectors") for t in speakers):
                cand = Candidate(trigger, verb, "modal", "COERCE", "restrict", trigger.i, trigger.i + 1)
                cand.sources = speakers
                out.append(cand)
            continue
        cand = Candidate(trigger, verb, "modal", "REQUEST", None, trigger.i, trigger.i + 1, role="directive")
        cand.sources = speakers
        cand.targets = args.expand(subjects)
        out.append(cand)
    return out


def commissive_adjectives(sent: Span, lex: Lexicon) -> list[Candidate]:
    """AGREE events from "X is willing / ready / committed to act"."""
    out = []
    words = lex.frame("commissive_adjectives")
    if words.isdisjoint(sentence_words(sent, lex)):
        return out
    for token in sent:
        if lex.lemma(token) not in words or token.pos_ not in ("ADJ", "VERB"):
            continue
        has_complement = any(c.dep_ == "xcomp" for c in token.children) or any(
            c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ in ("pcomp", "pobj") for g in c.children)
            for c in token.children)
        if not has_complement or token.dep_ not in ("acomp", "ROOT", "ccomp", "xcomp", "conj"):
            continue
        carrier = token.head if token.dep_ == "acomp" else token
        out.append(Candidate(token, carrier, "adj", "AGREE", None, token.i, token.i + 1, role="commissive"))
    return out


def harm_noun(token: Token, lex: Lexicon) -> Optional[str]:
    """The hostile type a noun names ("sanctions", "military action", "retaliation"), or None."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    lemma = lex.lemma(token)
    keys = [f"{lex.lemma(c)} {lemma}" for c in token.lefts if c.dep_ in ("amod", "compound")] + [lemma]
    for key in keys:
        entry = lex.nouns.get(key)
        if entry is not None and entry.type in HARM:
            return entry.type
    return "ASSAULT" if lemma in lex.cls("consequences") else None


def warnings(sent: Span, cands: list[Candidate], lex: Lexicon, args: ArgBuilder) -> list[Candidate]:
    """THREATEN events from warnings that announce harm to someone: "warned Damascus of
    military action", "warned Belgrade it faced sanctions", "warned that it would strike
    unless ...". A warning needs an addressee or a condition; without them ("agencies warned
    of a new offensive", "warned that famine could spread") it is a forecast, not a threat.
    Warning an addressee against an act ("warned Taipei against independence") is a threat
    as it stands (PETRARCH2 "WARN + AGAINST" is 130)."""
    out = []
    words = lex.frame("warning_verbs")
    if words.isdisjoint(sentence_words(sent, lex)):
        return out
    hostile_at = {c.anchor.i: c.type for c in cands if c.type in HARM}
    hostile_at.update((c.head.i, c.type) for c in cands if c.type in HARM)
    marks = lex.frame("conditional_marks") | lex.frame("ultimatum_marks")
    for token in sent:
        if token.pos_ != "VERB" or lex.lemma(token) not in words:
            continue
        addressee = any(c.dep_ in ("dobj", "dative") and args.actorish(c) for c in token.children)
        harm, condition = None, False
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "against"):
                harm = harm or next((h for g in child.children if g.dep_ == "pobj"
                                     for h in (harm_noun(g, lex),) if h), None)
            elif child.dep_ in ("ccomp", "xcomp"):
                for inner in child.subtree:
                    harm = harm or hostile_at.get(inner.i) or harm_noun(inner, lex) or penalty(inner, lex)
            if child.dep_ in ("advcl", "ccomp", "xcomp", "prep") and any(
                    t.dep_ == "mark" and t.lower_ in marks for t in child.subtree):
                condition = True
        told = [c for c in token.children if c.dep_ in ("dobj", "dative") and can_be_asked(c, lex, args)]
        warned_off = bool(told) and any(c.dep_ == "prep" and c.lower_ == "against"   # not "warned citizens"
                                        for c in list(token.children) + list(told[0].children))
        if (harm and (addressee or condition)) or warned_off:   # "warned the opposition against protests"
            cand = Candidate(token, token, "verb", "THREATEN", lex.threaten_modes.get(harm or ""),
                             token.i, token.i + 1, role="threat")
            cand.fixed_status = "asserted"      # the condition belongs to the threat, which is made
            out.append(cand)
    return out


def failures(sent: Span, cands: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """REJECT events from "failed to reach agreement" (failing a cooperative act)."""
    out = []
    if not cands or "fail" not in sentence_words(sent, lex):
        return out
    by_anchor = {c.anchor.i: c for c in cands}
    for token in sent:
        if lex.lemma(token) != "fail" or token.pos_ != "VERB":
            continue
        for child in token.children:
            inner = by_anchor.get(child.i) if child.dep_ == "xcomp" else None
            if inner is not None and inner.type in lex.cooperative:
                cand = Candidate(token, token, "verb", "REJECT", None, token.i, token.i + 1, role="refusal")
                out.append(cand)
    return out


def intent(cand: Candidate, sources: list, reporters: list, self_report: bool, lex: Lexicon) -> None:
    """PLOVER intentions: a cooperative act in the future tense is AGREE; a hostile one
    announced by its own actor, or any act under an ultimatum ("unless"), is THREATEN.

    Args:
        cand: a candidate with status already computed.
        sources: its source Args; reporters: Args of whoever reports the clause.
        self_report: the reporter speaks of itself ("X said it will ...").
    """
    if cand.wrapper is not None or cand.converted or cand.status not in ("future", "hypothetical", "demanded"):
        return
    if cand.status == "demanded":
        # "we must provide support": an obligation the speakers put on themselves is a commitment
        subjects = [c for c in cand.anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not (subjects and first_person(subjects[0])):
            return
        self_report = True
    else:
        found = modals(cand.anchor) & lex.frame("foretold_modals")
        if not found or not sources:
            return
    violent = ("ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE")
    if ultimatum(cand, lex) and (cand.type in lex.cooperative or cand.type in violent):
        mode = threaten_mode(cand, lex) if cand.type in violent else "relations"
        cand.type, cand.mode, cand.status, cand.converted = "THREATEN", mode, "asserted", True
    elif cand.type in lex.cooperative and cand.type != "AGREE":
        if self_report or same_party(sources, reporters):
            cand.type, cand.mode, cand.status, cand.converted = "AGREE", None, "asserted", True
    elif cand.type in violent:
        own = self_report or (reporters and same_party(sources, reporters)
                              and any(r.country or r.actor for r in reporters))
        if own and any(public_arg(s) for s in sources):   # not a firm's own plan
            cand.type, cand.mode, cand.status, cand.converted = "THREATEN", threaten_mode(cand, lex), "asserted", True
