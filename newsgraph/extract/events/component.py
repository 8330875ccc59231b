"""PLOVER events: the ``newsgraph_events`` spaCy component.

Why this module exists: analysts want "who did what to whom" as records they
can count and trace to the exact words of the article. This component reads
the parsed Doc (plus what ``newsgraph_actors``, ``newsgraph_timex`` and
``newsgraph_quotes`` left on it, when present) and writes ``doc._.ng_events``
(``list[records.Event]``) and ``doc.spans["ng_events"]`` (label = PLOVER type).

How, per sentence (one pass, dictionary lookups, no re-parsing):
1. ``event_triggers`` finds verbal and nominal triggers in the lexicon
   (``data/plover.yaml``) and checks them in context;
2. ``event_frames`` links triggers to the frames that wrap them and applies
   PLOVER's rules for demands, promises, threats and refusals;
3. ``event_roles`` picks sources and targets (``event_args`` reads the
   parse, ``event_resolve`` resolves each phrase to actor, country, sector);
   ``event_status`` and ``event_location`` add status and place; the timex
   component gives the date;
4. ``event_fill`` hands out magnitudes (``event_numbers``), fills missing
   countries and merges mentions of one event; triggers without an actor or
   a clear event reading are dropped (precision first).

What is not coded by default: acts that are only demanded, promised,
threatened, refused or negated ("did not attack"), asked about in a
question, and violent acts mentioned as what someone condemns or
investigates; ``embedded_events: true`` adds them with their status.
"""
from __future__ import annotations

import logging
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.extract import extensions  # noqa: F401  (registers doc._.ng_*)
from newsgraph.records import Arg, Event
from newsgraph.records import Span as TextSpan
from newsgraph.extract.events import consequences, frames, headline, matrix
from newsgraph.extract.events.commitments import commitments
from newsgraph.extract.events.args import ArgBuilder
from newsgraph.extract.events.countries import CountryResolver, warm_tables
from newsgraph.extract.events.dates import event_date
from newsgraph.extract.events.fill import (complete, informative, drop_non_actors, drop_self_loops, identified, register_groups, told_again, magnitudes, merge, reciprocal_sentence,
                                           sentence_countries, split_joint)
from newsgraph.extract.events.places import settle
from newsgraph.extract.events.lexicon import Lexicon, load_lexicon
from newsgraph.extract.events.judgements import judgements
from newsgraph.extract.events.location import find_location
from newsgraph.extract.events.resolve import is_pronoun
from newsgraph.extract.events.roles import RoleAssigner, joint_types
from newsgraph.extract.events.status import clause_status, frame_status, modals
from newsgraph.extract.events.guards import guard
from newsgraph.extract.events.senses import claimed_or_caused, refine
from newsgraph.extract.events.stances import intolerance, ultimatums
from newsgraph.extract.events.penalties import idle_refusals, open_options, penalties
from newsgraph.extract.events.requests import pressed_requests
from newsgraph.extract.events.candidate import Candidate
from newsgraph.extract.events.clauses import owned_act
from newsgraph.extract.events.triggers import TriggerFinder

NAME_LABELS = ("ORG", "FAC", "WORK_OF_ART", "LAW", "PRODUCT")
NOT_EVENT_LABELS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL")
SPAN_KEY = "ng_events"
log = logging.getLogger(__name__)

MATERIAL = frozenset(("ASSAULT", "PROTEST", "COERCE", "MOBILIZE"))
CONTENT_OF = frozenset(("ACCUSE", "INVESTIGATE", "SUPPORT", "REJECT"))
# Acts done by saying: as the subject of an ordinary verb such a noun is mentioned, not made
SAID = frozenset(("REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT", "AGREE", "CONCEDE"))
MAX_SENTENCE_TOKENS = 400


class EventCoder:
    """The ``newsgraph_events`` component: sets ``doc._.ng_events`` and ``doc.spans["ng_events"]``."""

    def __init__(self, nlp: Language, name: str, lexicon_paths: list, embedded_events: bool,
                 max_events_per_sentence: int):
        """Args: nlp and name (from spaCy); lexicon_paths: extra YAML lexicons merged on top of
        ``data/plover.yaml``; embedded_events: also emit wrapped acts (demanded, promised,
        threatened, refused; condemned or investigated attacks) with their status;
        max_events_per_sentence: cap per sentence."""
        self.name = name
        self.lex: Lexicon = load_lexicon(tuple(str(p) for p in lexicon_paths or ()))
        self.resolver = CountryResolver(self.lex)
        self.embedded_events = bool(embedded_events)
        self.max_events = max(1, int(max_events_per_sentence))
        warm_tables()   # build the gazetteer and name patterns with the model, not on the first article

    def __call__(self, doc: Doc) -> Doc:
        """Code the events of ``doc`` in place and return it."""
        events: list[Event] = []
        if len(doc) and doc.has_annotation("DEP"):
            args = ArgBuilder(doc, self.lex, self.resolver)
            finder = TriggerFinder(self.lex, args)
            for sent in doc.sents:
                if len(sent) > MAX_SENTENCE_TOKENS or not any(t.is_alpha for t in sent):
                    continue
                try:
                    events.extend(self.code_sentence(doc, sent, args, finder))
                except Exception:  # one odd sentence must not lose the article
                    log.debug("newsgraph_events: sentence at %d skipped in %s", sent.start_char,
                              doc._.ng_article_id, exc_info=True)
        told_again(doc, events, self.lex)
        register_groups(doc, events)
        doc._.ng_events = events
        spans = []
        for event in events:
            span = doc.char_span(event.trigger.start, event.trigger.end, label=event.type,
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    # ----- one sentence ----------------------------------------------------------------
    def triggers(self, doc: Doc, tokens, args: ArgBuilder, finder: TriggerFinder) -> list[Candidate]:
        """The verbal and (anchored) nominal triggers among ``tokens``, as fresh candidates."""
        cands: list[Candidate] = []
        for token in finder.possible(tokens):     # words no trigger table has are passed over
            if token.ent_type_ in NAME_LABELS and (token.ent_iob_ == "I" or (
                    token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")):
                continue                      # a word of a name: "Strike Force", "Anti-Corruption Commission"
            if token.ent_type_ in NOT_EVENT_LABELS or finder.negated_by_prefix(token):
                continue                      # "in March", "a non-aggression pact"
            if token.pos_ == "VERB" or finder.undoing_prefix(token):
                cand = finder.verb(token)
            elif token.pos_ in ("NOUN", "PROPN"):
                cand = finder.noun(token)
                if cand is not None and not self._anchor_noun(cand, args):
                    cand = None
            else:
                cand = None
            if cand is not None:
                cands.append(cand)
        return cands

    def candidates(self, doc: Doc, sent: Span, args: ArgBuilder, finder: TriggerFinder,
                   cameo_only: bool = False, found: Optional[list[Candidate]] = None) -> list[Candidate]:
        """Every trigger of the sentence with its frame links, types and statuses settled
        (``cameo_only``: only those of the CAMEO verb dictionary, for a sentence our
        lexicon's triggers left without an event; ``found``: its ``triggers``, when known)."""
        lex = self.lex
        cands = self.triggers(doc, sent, args, finder) if found is None else found
        if cameo_only:
            cands = [c for c in cands if c.cameo]
        elif any(not c.cameo for c in cands):      # the CAMEO dictionary only fills silent sentences
            cands = [c for c in cands if not c.cameo]
        cands += headline.headline_verbs(sent, cands, finder, lex) if not cameo_only else []
        cands += frames.commissive_adjectives(sent, lex)
        cands += frames.failures(sent, cands, lex)
        cands += frames.warnings(sent, cands, lex, args)
        cands += intolerance(sent, lex) + ultimatums(sent, cands, lex)
        cands += idle_refusals(sent, lex, args) + open_options(sent, lex, args)
        cands += frames.obligations(doc, sent, lex, args)
        cands += matrix.wanted_acts(sent, cands, lex, args, finder) + pressed_requests(sent, cands, lex, args) + commitments(sent, cands, lex, args)
        cands += consequences.threats(sent, cands, lex, args, finder) + penalties(sent, cands, lex, args, finder)
        judged = judgements(sent, lex, args, lambda verb: frames.reporter(verb, args, lex))
        if judged:
            taken = {c.head.i for c in judged} | {c.anchor.i for c in judged}   # "received tanks": one event
            cands = [c for c in cands if c.head.i not in taken] + judged
        frames.assign_roles(cands, lex)
        containers = frames.link(cands, lex)
        frames.apply_frames(cands, lex)
        protests = {c.anchor.i for c in cands if c.type == "PROTEST"} | {
            c.head.i for c in cands if c.type == "PROTEST"}
        for cand in cands:
            container = containers.get(id(cand))
            if cand.wrapper is not None:
                cand.status = frame_status(cand.wrapper.role) or "asserted"
                cand.drop = cand.drop or not self.embedded_events
            elif cand.kind == "modal":
                cand.status = "asserted"          # the demand is made, whatever it asks for
            else:
                cand.status = cand.fixed_status or clause_status(cand.anchor, cand.head, lex)
                if container is not None and self._absorbed(cand, container):
                    cand.drop = True
            if cand.type == "REQUEST" and cand.kind == "verb" and any(
                    a.i in protests for a in list(cand.anchor.ancestors)[:4]):
                cand.drop = True              # "demonstrated ... calling for", "struck to demand"
            if cand.kind == "verb" and not cand.role and cand.anchor.dep_ in ("acl", "relcl") and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in cand.anchor.children) and \
                    self.lex.lemma(cand.anchor.head) in lex.frame("intention_nouns"):
                cand.drop = True              # "its efforts to shut down", "legislation to sanction"
            refine(cand, self.lex)
            guard(cand, self.lex)
            if cand.kind != "modal" and self._asked(cand, sent):
                cand.drop = True              # "Will Japan apologise?": a question codes nothing
        if any(not c.drop and c.anchor.dep_ != "relcl" for c in cands):
            for cand in cands:                # "X, who has long criticised Y, called for Z":
                if cand.kind == "verb" and cand.anchor.dep_ == "relcl" and args.actorish(cand.anchor.head):
                    cand.drop = True          # a relative clause about an actor is background
        return cands

    def _asked(self, cand: Candidate, sent: Span) -> bool:
        """Whether a trigger's clause is a question: its first end mark is a question mark."""
        ends, asks = self.lex.frame("clause_end_marks"), self.lex.frame("question_marks")
        for token in sent.doc[max(cand.end, cand.anchor.i + 1):sent.end]:
            if token.text in ends:
                return token.text in asks
        return False

    def _anchor_noun(self, cand: Candidate, args: ArgBuilder) -> bool:
        """Whether a nominal trigger is an event here; sets its anchor verb. Rules:
        object of a light verb, subject of an occurrence verb, "killed in a bombing",
        its own actor (possessor, demonym, by-phrase, target phrase), or a headline."""
        lex = self.lex
        noun = cand.head
        first = noun
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "of" and \
                lex.lemma(first.head.head) in lex.cls("transparent"):
            first = first.head.head            # "conducted three rounds of negotiations"
        dep, head, lemma = first.dep_, first.head, self.lex.lemma(first.head)
        if dep in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX") and lemma in lex.light_verbs:
            cand.anchor = head
            return True
        if dep == "pobj" and head.lower_ in lex.cls("light_preps") and head.head.pos_ in ("VERB", "AUX") \
                and self.lex.lemma(head.head) in lex.light_verbs and not any(
                    c.dep_ == "dobj" and lex.lemma(c) in lex.nouns for c in head.head.children):
            cand.anchor = head.head           # "engaged in talks", "went on strike", "remained on alert"
            return True
        carrier = head.head.head              # "placed its units on alert": the parse hangs "on" on the object
        if dep == "pobj" and head.lower_ in lex.cls("light_preps") and head.head.dep_ == "dobj" and \
                carrier.pos_ == "VERB" and lex.lemma(carrier) in lex.light_verbs and lex.lemma(head.head) not in lex.nouns:
            cand.anchor = carrier
            return True
        if (found := claimed_or_caused(noun, first, cand.type in MATERIAL, lex)) is not None:
            cand.anchor = found               # "claimed responsibility for the attack", "the arrest sparked"
            return True
        if dep in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and lemma in lex.occurrence_verbs:
            cand.anchor = head
            return True
        if dep == "pobj" and head.lower_ in ("in", "during", "by") and self.lex.lemma(head.head) in lex.casualty_verbs:
            return True
        if dep in ("dobj", "ccomp", "attr", "npadvmod", "nsubj") and lemma in lex.frame("say") and \
                cand.type in ("ACCUSE", "SUPPORT", "REQUEST", "REJECT", "THREATEN"):
            cand.anchor, cand.via_say = head, True   # '"Strong condemnation of X," writes Macron'
            return True
        patient = self.lex.lemma(noun) in lex.cls("patient_nouns")
        sources, targets = args.noun_args(noun, patient)
        if first.dep_ == "pobj" and cand.type not in MATERIAL and not (
                cand.type == "CONSULT" and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children)):
            return False                      # "since the peace accord between X and Y": background
        if first.dep_ in ("nsubj", "nsubjpass") and cand.type in SAID and head.pos_ in ("VERB", "AUX") and \
                not owned_act(noun, args.actorish):
            return False                      # "its demands would hurt the poor": what a demand does
        adjunct = any(a.dep_ == "prep" and a.lower_ in lex.frame("adjunct_preps")
                      for a in list(noun.ancestors)[:3])
        if sources:
            cand.own_source = True
            return not adjunct or cand.type in MATERIAL
        if targets and any(c.dep_ == "prep" and c.lower_ in ("against", "on", "upon") for c in noun.children):
            return True
        if targets and cand.type == "CONSULT" and any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
            return True                       # "during a call with X", "talks with X"
        return first.dep_ == "ROOT"

    def _absorbed(self, cand: Candidate, container: Candidate) -> bool:
        """Whether a trigger inside another event's argument is only that event's content:
        a demand made by protesting, a gerund after a preposition ("accused X of
        attacking"), a noun in the object ("blamed X for the bombing"). With
        ``embedded_events``, a violent act with its own actor that is condemned or
        investigated is kept as an event of its own."""
        if container.type == "PROTEST" and cand.type == "REQUEST":
            return True
        if cand.kind == "noun" and any(c.dep_ == "poss" and c.ent_type_ not in NOT_EVENT_LABELS
                                       for c in cand.head.children) and \
                cand.head.head in (container.head, container.anchor) and any(   # or "... was backed by X"
                    c.dep_ == {"nsubj": "dobj", "nsubjpass": "agent"}.get(cand.head.dep_) for c in cand.head.head.children):
            return False                      # "Ethiopia's rejection of the plan ended the talks": a doer, not content
        if cand.kind == "noun" and cand.anchor is container.head:
            return True                       # "lodged a protest": the verb's reading wins
        if container.type == "PROTEST" and cand.kind == "verb" and cand.anchor.tag_ == "VBG":
            return True                       # "rioted, setting fire to mattresses": part of the riot
        if cand.kind == "verb" and cand.anchor.dep_ == "pcomp":
            return True
        if cand.kind == "verb" and container.type in ("ACCUSE", "INVESTIGATE"):
            return True                       # what is alleged or investigated is not asserted
        if cand.kind == "verb" and cand.anchor.dep_ in ("advcl", "xcomp", "acl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cand.anchor.children) and \
                container.anchor in (cand.anchor.head, cand.anchor.head.head):
            return True                       # purpose: "resigned to allow elections"
        if cand.kind == "noun":
            keep = self.embedded_events and cand.own_source and cand.type in MATERIAL and \
                container.type in CONTENT_OF
            return not keep
        return False

    def code_sentence(self, doc: Doc, sent: Span, args: ArgBuilder, finder: TriggerFinder,
                      cameo_only: bool = False) -> list[Event]:
        """The events of one sentence, merged and filtered; when our lexicon's triggers
        give none, the CAMEO verb dictionary's are tried."""
        triggers = self.triggers(doc, sent, args, finder)
        cameo = [c.head for c in triggers if c.cameo]      # read before the first pass edits them
        found = self._code_sentence(doc, sent, args, finder, cameo_only, triggers)
        if not found and not cameo_only and len(cameo) < len(triggers) and not any(c.silenced for c in triggers):
            found = self._code_sentence(doc, sent, args, finder, True, self.triggers(doc, cameo, args, finder))
        return found

    def _code_sentence(self, doc: Doc, sent: Span, args: ArgBuilder, finder: TriggerFinder,
                       cameo_only: bool, found: Optional[list[Candidate]] = None) -> list[Event]:
        lex = self.lex
        cands = self.candidates(doc, sent, args, finder, cameo_only, found)
        roles = RoleAssigner(lex, args)
        if not cands:
            return []
        built = []
        for cand in cands:
            if cand.drop:
                continue
            sources, targets = roles.arguments(cand)
            if cand.wrapper is None:
                reporter_tokens = frames.reporter(cand.anchor, args, lex)
                reporters = [a for a in (args.arg(t) for t in reporter_tokens) if a]
                self_report = bool(reporter_tokens) and any(is_pronoun(t) for t in cand.sources)
                frames.intent(cand, sources, reporters, self_report, lex)
                if cand.status == "negated" and not cand.converted and (
                        cand.type in ("AGREE", "CONCEDE") or (cand.type in lex.cooperative and modals(cand.anchor)
                                                             & (lex.frame("future_modals") | {"would"}))):
                    cand.type, cand.mode, cand.status = "REJECT", None, "asserted"  # "will not accept"
                if cand.status == "negated" and not self.embedded_events:
                    continue                  # "did not attack": nothing happened (kept with embedded_events)
            if cand.role == "directive" and any(c.type == "PROTEST" and c.head.i in {s.i for s in cand.sources}
                                                for c in cands):
                continue
            if not self._keep(cand, sources, targets):
                continue
            built.append((cand, sources, targets))
        events = [self._event(doc, sent, cand, sources, targets, args.text) for cand, sources, targets in built]
        magnitudes(sent, built, events, lex)
        named = sentence_countries(sent, args.ents, self.resolver)
        reciprocal = reciprocal_sentence(sent, lex)
        for (cand, _s, _t), event in zip(built, events):
            clause = {t.i for t in cand.anchor.subtree} | {t.i for t in cand.head.subtree}
            states = frozenset(sentence_countries(sent, [e for e in args.ents if e.start in clause],
                                                  self.resolver, ("GPE",)))
            complete(event, named, states)
            settle(doc, cand, event, named, self.resolver, args, lex)
        merged = merge(events)
        if not reciprocal:
            merged = split_joint(doc, merged, joint_types())
        for event in merged:
            drop_self_loops(event, reciprocal, lex)
            drop_non_actors(doc, event, args.names_actor)
        merged = [e for e in merged if identified(e)]     # an event needs someone in it
        return merged[: self.max_events]

    def _keep(self, cand: Candidate, sources: list[Arg], targets: list[Arg]) -> bool:
        """Precision filter: an event needs an identified actor or a clear event reading;
        an event that did not (yet) happen needs an identified source."""
        if cand.status in ("future", "hypothetical") and not any(informative(a) for a in sources):
            return False
        if any(informative(a) for a in sources + targets):
            return True
        if any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in cand.sources + cand.targets):
            return True
        if cand.kind == "noun" and cand.type in MATERIAL and cand.anchor is not cand.head:
            return True
        if cand.kind == "noun" and cand.type in MATERIAL and cand.head.dep_ == "ROOT":
            return True
        return cand.kind == "verb" and cand.type in ("ASSAULT", "PROTEST") and bool(sources or targets)

    def _event(self, doc: Doc, sent: Span, cand: Candidate, sources: list[Arg], targets: list[Arg],
               text: str) -> Event:
        """The Event record for one candidate (``text`` is the Doc's text, read once)."""
        start_char = doc[cand.start].idx
        end_char = doc[cand.end - 1].idx + len(doc[cand.end - 1])
        last = sent.end - 1
        while last > sent.start and doc[last].is_space:
            last -= 1
        sentence = [sent.start_char, doc[last].idx + len(doc[last])]
        exclude = set()
        for arg in sources + targets:
            span = doc.char_span(arg.start, arg.end, alignment_mode="expand")
            if span is not None:
                exclude.update(range(span.start, span.end))
        hints = frozenset(a.country for a in sources + targets if a.country)
        location = find_location(doc, [cand.head, cand.anchor], exclude, self.resolver, self.lex, hints)
        return Event(type=cand.type, trigger=TextSpan.of(text, start_char, end_char), sentence=sentence,
                     mode=cand.mode, source=sources, target=targets, status=cand.status,
                     location=location, date=event_date(doc, sentence[0], sentence[1], cand))

@Language.factory(
    "newsgraph_events",
    default_config={"lexicon_paths": [], "embedded_events": False, "max_events_per_sentence": 4},
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.ng_events", "doc.spans"],
)
def make_event_coder(nlp: Language, name: str, lexicon_paths: list, embedded_events: bool,
                     max_events_per_sentence: int) -> EventCoder:
    """Create the ``newsgraph_events`` component (add it after actors, timex and quotes).

    Config: ``lexicon_paths`` (list of str): extra YAML lexicons, merged over
    ``newsgraph/data/plover.yaml``; ``embedded_events`` (bool, default false):
    also emit acts that are only demanded, promised, threatened or refused
    (with that status) and attacks named as what someone condemns or
    investigates; ``max_events_per_sentence`` (int, default 4).
    """
    return EventCoder(nlp, name, lexicon_paths, embedded_events, max_events_per_sentence)
