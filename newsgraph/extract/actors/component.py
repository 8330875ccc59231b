"""The ``newsgraph_actors`` component: who is mentioned, resolved and merged.

Everything else in newsgraph asks "who is this?" (quotes, events, claims),
so this component runs first and leaves ``doc._.ng_actors``: one
``records.Actor`` per real actor of the article, each with every mention
(names, titles, metonyms such as "Baku", pronouns and descriptions such as
"the ministry"), plus ``doc.spans["ng_actors"]`` (label = actor id).

Ids (record-format.md): countries and their governments are ISO3; IGOs
``igo:<slug>``; people ``person:<slug>`` (``canonical_person_id``); a state's
institutions ``org:<iso3>-<body>`` ("org:fra-senate", "org:fra-presidency");
people of one sector ``org:<iso3>-<group>`` ("org:aze-mil") or
``org:<group>`` when no country can be told; other organisations
``org:<slug of name>``. Finding mentions is in ``actor_find``; this module
merges them into actors and runs coreference.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.extensions import register_extensions
from newsgraph.records import Actor
from newsgraph.extract.actors.find import MentionFinder
from newsgraph.extract.actors.context import POSSESSIVE
from newsgraph.extract.actors.groups import LOCAL_SECTORS, STATE_SECTORS, article_countries
from newsgraph.extract.actors.lexicon import build_lexicon, default_lexicon, fold, preload
from newsgraph.extract.actors.mentions import ActorMatcher, Mention
from newsgraph.extract.actors.phoenix import load_phoenix
from newsgraph.extract.actors.plural import plural_mentions
from newsgraph.extract.actors.registry import Registry, load_registry
from newsgraph.extract.actors.roles import TitleInfo
from newsgraph.extract.actors.vocab import build_vocabulary, default_vocabulary
from newsgraph.extract.coref import Resolver, third_person_pronouns
from newsgraph.extract.extensions import doc_text

SPAN_KEY = "ng_actors"


def _junk_phrases() -> set:
    """Page-furniture phrases ("Stay Connected") that NER may read as names."""
    try:
        from newsgraph.clean.patterns import default_patterns

        return {fold(p) for p in default_patterns().phrases}
    except (ImportError, OSError, ValueError, AttributeError):
        return set()


class ActorBook:
    """The actors of one article, keyed by id, built up mention by mention."""

    def __init__(self, doc: Doc, registry: Registry, lex, published: Optional[str]):
        self.doc, self.registry, self.lex, self.published = doc, registry, lex, published
        self.text = doc_text(doc)
        self.by_id: dict[str, Actor] = {}
        self.info: dict[str, list[Mention]] = {}
        self.genders: dict[str, str] = {}
        self.owner: dict[tuple[int, int], str] = {}   # (start, end) -> the one actor a span belongs to

    def add(self, m: Mention) -> Optional[Actor]:
        """Record a mention (creating its actor on first sight).

        A stretch of text belongs to one actor only: a later reading of the
        same span is ignored (returns None).
        """
        owner = self.owner.setdefault((m.start, m.end), m.key)
        if owner != m.key:
            return None
        actor = self.by_id.get(m.key)
        if actor is None:
            actor = Actor(id=m.key, name=m.name, kind=m.kind)
            self.by_id[m.key] = actor
            self.info[m.key] = []
        self.info[m.key].append(m)
        if m.gender and m.key not in self.genders:
            self.genders[m.key] = m.gender
        return actor

    def finish(self, only_country: Optional[str] = None) -> list[Actor]:
        """Settle name, kind, country, sector and role; actors in text order.

        Args:
            only_country: the one country the article names, if it names
                exactly one; a person holding a state office with no country
                of their own ("President Yoweri Museveni") is given it.
        """
        for key in [k for k, ms in self.info.items() if not ms]:
            del self.by_id[key], self.info[key]
        for key, actor in self.by_id.items():
            ms = self.info[key]
            spans = sorted({(m.start, m.end) for m in ms})
            actor.mentions = [list(s) for s in spans]
            actor.aliases = list(dict.fromkeys(self.text[s:e] for s, e in spans))
            entry = self.registry.get(key)
            named = [m for m in ms if m.named and m.origin != "coref"] or ms
            actor.name = entry.name if entry else named[0].name
            actor.kind = entry.kind if entry else named[0].kind
            countries = Counter(m.country for m in ms if m.country)
            sectors = Counter(m.sector for m in ms if m.sector)
            actor.country = (entry.country if entry and entry.country else None) or \
                (countries.most_common(1)[0][0] if countries else None)
            if actor.kind == "country":
                actor.country = actor.country or key
                actor.name = self.lex.country_name(key) if not entry else actor.name
                if actor.name and actor.name.lower().startswith("the "):
                    actor.name = actor.name[4:]
                actor.sector = "GOV" if sectors.get("GOV") else None
            else:
                actor.sector = (entry.sector if entry and entry.sector else None) or \
                    (sectors.most_common(1)[0][0] if sectors else None)
                if sectors and entry is not None and entry.out_of_office(self.published):   # Suu Kyi in 1996
                    actor.sector = sectors.most_common(1)[0][0]
            roles = [m.role for m in ms if m.role]
            qualified = [r for r in roles if " of " in r]
            actor.role = (qualified or roles or [None])[0]
            known = entry.role_on(self.published) if entry is not None else None
            if known and (actor.role is None or " of " not in actor.role and known.startswith(actor.role)):
                actor.role = known
            if actor.kind == "person" and actor.country is None:
                actor.country = self._owned_country(ms)
            if actor.kind in ("person", "organization") and actor.country is None:
                self._phoenix(actor, only_country)
            if actor.kind == "person" and actor.country is None and actor.role and only_country \
                    and actor.sector in STATE_SECTORS | {"OPP", "PTY"}:   # an opposition leader too
                actor.country = only_country
        return sorted(self.by_id.values(), key=lambda a: a.mentions[0] if a.mentions else [0, 0])

    def _owned_country(self, ms: list[Mention]) -> Optional[str]:
        """The country of what a person owns in the text: "Viktor Orban's government",
        "Jean-Luc Mélenchon's party" make a person whom no dictionary knows Hungarian,
        French. Only state sectors and parties, the things a person leads."""
        doc = self.doc
        for last in {m.last for m in ms if m.named}:
            if last >= len(doc) or doc[last].text not in POSSESSIVE:
                continue
            for others in self.info.values():
                for n in others:
                    if n.country and n.kind != "person" and n.first <= last + 1 and last < n.last \
                            and (n.sector in STATE_SECTORS or n.sector == "PTY"):
                        return n.country
        return None

    def _phoenix(self, actor: Actor, only_country: Optional[str] = None) -> None:
        """Country and sector of a named person or organisation from the Phoenix
        dictionaries, for the article's date ("Moody Awori" -> KEN). An armed group the
        dictionaries code by a region only ("WAFREB", "CFRREB": the RUF, the Lord's
        Resistance Army) fights where it is: the one country its article names."""
        found = load_phoenix().find([actor.name or ""] + list(actor.aliases or []), self.published,
                                    actor.kind == "person", frozenset(article_countries(self.doc.ents, self.lex)))
        if found is not None:
            actor.country = found.country
            actor.sector = actor.sector or found.sector
            if actor.country is None and found.sector == "REB":
                actor.country = only_country

    def ensure(self, key: str, like: Optional[Mention] = None) -> Optional[str]:
        """Make sure an actor exists for ``key`` (registry entry or country code)."""
        if key in self.by_id:
            return key
        entry = self.registry.get(key)
        if entry is not None:
            self.by_id[key] = Actor(id=key, name=entry.name, kind=entry.kind)
        elif len(key) == 3 and key.isupper():
            self.by_id[key] = Actor(id=key, name=self.lex.country_name(key) or key, kind="country")
        elif like is not None:
            self.by_id[key] = Actor(id=key, name=like.name, kind=like.kind)
        else:
            return None
        self.info[key] = []
        return key


class ActorsComponent:
    """Finds, resolves and merges the actors of each Doc.

    Args:
        nlp: the pipeline (for its vocab and tokenizer).
        name: the component name.
        registry_paths: user actor registries (YAML or CSV) on top of the
            built-in one; entries with a built-in id replace it.
        lexicon_paths: user files shaped like ``demonyms.yaml``.
        vocabulary_paths: user files shaped like ``sectors.yaml``/``roles.yaml``.
        resolve_pronouns: link pronouns and descriptions ("the ministry").
        fuzzy_threshold: rapidfuzz ratio for two spellings of one name.
    """

    def __init__(self, nlp: Language, name: str, registry_paths=(), lexicon_paths=(),
                 vocabulary_paths=(), resolve_pronouns: bool = True, fuzzy_threshold: float = 88.0):
        register_extensions()
        self.name = name
        self.registry = load_registry(registry_paths)
        self.lex = build_lexicon(lexicon_paths) if lexicon_paths else default_lexicon()
        preload()
        load_phoenix()   # read with the model, not on the first article
        self.words = build_vocabulary(vocabulary_paths) if vocabulary_paths else default_vocabulary()
        self.matcher = ActorMatcher(nlp.vocab, nlp.make_doc, self.registry, self.words)
        self.junk = _junk_phrases()
        self.resolve_pronouns = resolve_pronouns
        self.threshold = fuzzy_threshold

    def __call__(self, doc: Doc) -> Doc:
        actors = self.extract(doc)
        doc._.ng_actors = actors
        spans = []
        for actor in actors:
            for start, end in actor.mentions:
                span = doc.char_span(start, end, label=actor.id, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    def extract(self, doc: Doc) -> list[Actor]:
        """The actors of one Doc (empty for a Doc with no words)."""
        if not any(not t.is_space for t in doc):
            return []
        found = MentionFinder(doc, self).run()
        book = ActorBook(doc, self.registry, self.lex, doc._.ng_published)
        for m in found.mentions:
            if m.key:
                book.add(m)
        if self.resolve_pronouns:
            self._corefer(doc, found, book)
            for m in plural_mentions(doc, book, found.quotes):   # "The Houthis ... They said"
                book.add(m)
        return book.finish(found.only_country)

    def _corefer(self, doc: Doc, found, book: ActorBook) -> None:
        book.finish()
        roles = {k: a.role for k, a in book.by_id.items()}
        for key, actor in book.by_id.items():
            entry = self.registry.get(key)
            if actor.kind == "person" and key not in book.genders and entry is not None and entry.gender:
                book.genders[key] = entry.gender
        res = Resolver(doc, [m for m in found.mentions if m.key and m.origin != "demonym"], roles,
                       book.genders, found.quotes)
        items = [(p.start, 0, p) for p in found.pending]
        items += [(doc[i.first].idx, 1, i) for i in found.role_nouns]
        items += [(doc[i].idx, 2, i) for i in third_person_pronouns(doc) if not found.taken[i]]
        for _pos, what, item in sorted(items, key=lambda x: (x[0], x[1])):
            if what == 0:
                self._pending(doc, item, found, book, res)
            elif what == 1:
                self._role(doc, item, book, res, roles)
            else:
                key = res.pronoun(item)
                if key and key in book.by_id:
                    tok = doc[item]
                    m = Mention.over(doc, item, item + 1, kind=book.by_id[key].kind, key=key,
                                     name=tok.text, origin="coref", named=False,
                                     person_like=book.by_id[key].kind == "person",
                                     subject=tok.dep_.startswith("nsubj"))
                    if book.add(m) is not None:
                        res.add_slot(m)
                    if tok.lower_ in ("he", "him", "his", "himself"):
                        book.genders.setdefault(key, "m")
                    elif tok.lower_ in ("she", "her", "hers", "herself"):
                        book.genders.setdefault(key, "f")

    def _pending(self, doc: Doc, p, found, book: ActorBook, res: Resolver) -> None:
        key = res.pending(p, found.only_country)
        m = None
        if key is None and p.fallback is not None:
            m = p.fallback
            country = self._one_country(book) if m.country is None and m.kind == "group" else None
            if country and p.sector in LOCAL_SECTORS:   # "Boris Johnson told MPs": British MPs
                adj = self.lex.adjective.get(country)
                m = replace(m, key=f"org:{country.lower()}-{p.key}", country=country,
                            name=f"{adj} {p.name}" if adj and p.name else m.name)
                book.ensure(m.key, m)
        elif key is not None:
            known = book.info.get(key)
            kind = book.by_id[key].kind if key in book.by_id else ("country" if p.kind == "government" else "group")
            country = key if kind == "country" else None
            if known:
                country = next((x.country for x in known if x.country), country)
            elif p.kind == "group":
                country = key.split(":", 1)[1].split("-", 1)[0].upper()
            name = (self.lex.adjective.get(country, "") + " " + p.name).strip() if p.kind == "group" else \
                (self.lex.country_name(key) or key)
            m = Mention(p.start, p.end, p.first, p.last, kind=kind, key=key, name=name, country=country,
                        sector=p.sector, origin="coref", named=False, person_like=p.person_like,
                        subject=p.subject)
            book.ensure(key, m)
        if m is not None and book.add(m) is not None:
            res.add_slot(m)
        elif p.person_like:
            blocker = Mention(p.start, p.end, p.first, p.last, kind="person", key=None, name="",
                              named=False, person_like=True, subject=p.subject)
            res.add_slot(blocker, key=None)

    def _role(self, doc: Doc, info: TitleInfo, book: ActorBook, res: Resolver, roles: dict) -> None:
        def lookup(title: TitleInfo) -> Optional[str]:
            holder = self.registry.holder(title.role, book.published)
            if holder is not None:
                if holder.gender:   # "Peru's president ... He": a holder found only now still has a gender
                    book.genders.setdefault(holder.id, holder.gender)
                return book.ensure(holder.id)
            body = self.registry.body_for_role(title.role)
            if body is not None and (title.holder_of or body.id in book.by_id):
                return book.ensure(body.id)
            if title.holder_of:
                return book.ensure(title.holder_of)
            qual = title.qualifier
            if qual is not None and qual.actor_id and qual.kind in ("country", "igo", "body"):
                return book.ensure(qual.actor_id)
            return None

        key = res.role(info, lookup)
        if key is None and info.qualifier is None and not info.holder_of:
            key = self._article_office(info, book)
        m = Mention.over(doc, info.first, info.last, kind="person", key=key, name="", origin="coref",
                         named=False, person_like=True, role=info.role, gender=info.gender)
        if key is None:
            res.add_slot(m, key=None)
            return
        actor = book.by_id[key]
        m.kind = actor.kind
        m.role = info.role if actor.kind == "person" else None
        if actor.kind == "country":
            m.sector = info.sector   # "the Moroccan king", "the Swiss ambassador": its government
        elif actor.kind == "group":
            m.country, m.sector = actor.country, info.sector   # "the opposition leader"
        m.person_like = actor.kind == "person"
        if book.add(m) is None:
            return
        res.add_slot(m)
        if actor.kind == "person" and not roles.get(key):
            roles[key] = info.role


    @staticmethod
    def _one_country(book: ActorBook) -> Optional[str]:
        """The country every state actor found so far (government, officials, army,
        courts, police) belongs to, if they all share one. Groups of people do not count:
        "The MPs called for the release of Armenian detainees" names no Armenian MPs."""
        countries = set()
        for key, actor in book.by_id.items():
            ms = book.info.get(key) or []
            country = actor.country or next((m.country for m in ms if m.country), None) or \
                (key if actor.kind == "country" else None)
            if country and actor.kind != "igo" and ({actor.sector} | {m.sector for m in ms}) & STATE_SECTORS:
                countries.add(country)
        return next(iter(countries)) if len(countries) == 1 else None

    def _article_office(self, info: TitleInfo, book: ActorBook) -> Optional[str]:
        """A bare state title ("the prime minister", "the home secretary") that points back
        to no one, in an article whose actors all belong to one country: its holder when
        the registry knows them on the article's date, else that country's government."""
        if info.sector not in STATE_SECTORS | {"OPP"}:
            return None
        country = self._one_country(book)
        if country is None:
            return None
        if info.sector == "OPP":   # "the opposition leader": that country's opposition, not its government
            name = f"{self.lex.adjective.get(country, country)} opposition"
            like = Mention(0, 0, 0, 0, kind="group", key=None, name=name, country=country, sector="OPP")
            key = book.ensure(f"org:{country.lower()}-opp", like)
            book.by_id[key].country = country
            return key
        for name in (self.lex.country_name(country), f"the {self.lex.country_name(country)}"):
            holder = self.registry.holder(f"{info.title.role} of {name}", book.published)
            if holder is not None:
                return book.ensure(holder.id)
        return book.ensure(country)


@Language.factory(
    "newsgraph_actors",
    default_config={"registry_paths": [], "lexicon_paths": [], "vocabulary_paths": [],
                    "resolve_pronouns": True, "fuzzy_threshold": 88.0},
    requires=["token.pos", "token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.ng_actors", "doc.spans"],
)
def make_actors(nlp: Language, name: str, registry_paths: list, lexicon_paths: list,
                vocabulary_paths: list, resolve_pronouns: bool, fuzzy_threshold: float) -> ActorsComponent:
    """Factory for ``nlp.add_pipe("newsgraph_actors", config={...})``.

    Args:
        nlp: the pipeline.
        name: the component name.
        registry_paths: user actor registries (YAML or CSV).
        lexicon_paths: user demonym/country-name files.
        vocabulary_paths: user sector-noun / role-title files.
        resolve_pronouns: run rule-based coreference.
        fuzzy_threshold: rapidfuzz ratio (0-100) for name variants.
    Returns:
        The component.
    """
    return ActorsComponent(nlp, name, registry_paths, lexicon_paths, vocabulary_paths,
                           resolve_pronouns, fuzzy_threshold)
