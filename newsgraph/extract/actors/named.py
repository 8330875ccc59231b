"""Mention steps for names that are not people: organisations, acronyms, untagged capitals.

Split from ``find.py`` (one concern per module): these steps read an
organisation's name for its country and sector (the Phoenix dictionaries,
words of the name, a nationality before it) and catch a capital NER left
untagged. ``MentionFinder`` inherits them and supplies ``doc``, ``lex``,
``words``, ``quals``, ``found``, ``taken``, ``_add`` and ``_take``.
"""
from __future__ import annotations


from newsgraph.extract.actors.context import acts_as_actor, is_subject, span_head
from newsgraph.extract.actors.mentions import trim_entity
from newsgraph.extract.actors.groups import article_countries
from newsgraph.extract.actors.lexicon import fold
from newsgraph.extract.actors.phoenix import load_phoenix


class NamedSteps:
    """The organisation and capital steps of ``MentionFinder``."""

    def _untagged_capitals(self) -> None:
        """A capital NER left untagged ("Kyiv said ...", "angered Moscow and Kyiv") acting
        as its government ("Naypyidaw ordered", which the tagger reads as a plural noun). Only
        cities of 200,000 or more (``capital_exclude`` in demonyms.yaml drops capitals that are
        also names or words), and only as a subject or agent or paired with a tagged capital,
        so that a small capital's name that is also a given name or a word is not read as a
        state."""
        doc, lex = self.doc, self.lex
        for tok in doc:
            if self.taken[tok.i] or tok.ent_type_ or tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper():
                continue
            code = lex.capital_of(tok.text)
            paired = tok.dep_ == "conj" and tok.head.ent_type_ == "GPE" and bool(lex.capital_of(tok.head.text))
            listed = fold(tok.text) in lex.listed_capitals   # "Naypyidaw": a spelling the gazetteer lacks
            if not code or not (listed or lex.big_city(tok.text, 200_000)) or not (is_subject(tok) or paired) \
                    or not acts_as_actor(doc, tok.i, tok.i + 1):
                continue
            self._add(tok.i, tok.i + 1, kind="country", key=code, name=lex.country_name(code) or tok.text,
                      country=code, sector="GOV", origin="metonym", subject=True)

    def _known_surname(self, i: int, untagged: bool = False) -> bool:
        """Whether one capitalised word is the surname of a person the Phoenix dictionaries
        have in office on the article's date, in one country ("Mahama accused ...",
        "Kabila's bid"). A word NER left untagged must also act or own ("Mahama said",
        "Tsvangirai's party"); a country, capital, people or title word never counts."""
        doc, lex = self.doc, self.lex
        tok = doc[i]
        if untagged and not (is_subject(tok) or i + 1 < len(doc) and doc[i + 1].tag_ == "POS"):
            return False
        if i > 0 and (doc[i - 1].pos_ == "DET" or doc[i - 1].tag_ == "POS"):
            return False     # "the Republic", "People's Republic": a name's word, not a surname
        text, low = tok.text, fold(tok.text)
        if not text[:1].isupper() or lex.country_of(text) or lex.capital_of(text) or lex.is_region(text) \
                or lex.people_homes(text) or self.words.title(low) or self.words.sector_noun(low):
            return False
        hints = frozenset(article_countries(self.quals.ents, lex))
        return load_phoenix().by_surname(text, self.doc._.ng_published, hints) is not None

    def _countries_in_name(self, first: int, last: int) -> set[str]:
        """The countries an organisation's name holds: one says whose it is ("La France
        Insoumise"); two say it is between them ("India Pakistan Friendship Forum")."""
        doc, found, i = self.doc, set(), first
        while i < last:
            two = self.lex.country_of(doc[i:i + 2].text) if i + 1 < last else None
            code = two or (self.lex.country_of(doc[i].text) if doc[i].text[:1].isupper() else None)
            if code:
                found.add(code)
            i += 2 if two else 1
        return found

    def _dictionary_orgs(self) -> None:
        """Organisations the Phoenix dictionaries name, before sector nouns are read, so
        that "the Sudan People's Liberation Army" is the rebel movement (SDN, REB), not
        Sudan's army."""
        from newsgraph.extract.actors.registry import slugify

        book = load_phoenix()
        for ent in self.quals.ents:
            if ent.label_ != "ORG" or len(ent) < 3:
                continue
            first, last = trim_entity(self.doc, ent.start, ent.end)
            if last - first < 3 or any(self.taken[first:last]):
                continue
            text = self.doc[first:last].text
            found = book.lookup(text, self.doc._.ng_published)
            if found is None or not found.code or found.sector is None:
                continue
            self._add(first, last, kind="organization", key=f"org:{slugify(text)}", name=text,
                      country=found.country, sector=found.sector, origin="ner",
                      subject=is_subject(span_head(self.doc, first, last)))

    def _alias(self, first: int, last: int) -> bool:
        """An acronym in brackets right after a name: "Human Rights Watch (HRW)"."""
        doc = self.doc
        if first < 2 or doc[first - 1].text != "(" or last >= len(doc) or doc[last].text != ")":
            return False
        before = next((m for m in self.found.mentions if m.last == first - 1 and m.key), None)
        if before is None or not doc[first:last].text.isupper():
            return False
        self._add(first, last, kind=before.kind, key=before.key, name=before.name, country=before.country,
                  sector=before.sector, origin="alias")
        return True

    def _organization(self, first: int, last: int, text: str, base: dict) -> None:
        """An organisation named by NER: org:<slug>, with country and sector when its name
        or the words before it say so ("the French newspaper Le Monde", "Rwandan Patriotic
        Front", "Kenya Anti-Corruption Commission")."""
        doc, lex = self.doc, self.lex
        from newsgraph.extract.actors.registry import slugify

        country, sector = None, self.words.name_words.get(doc[last - 1].lower_)
        if first > 0:
            noun = self.words.sector_noun(doc[first - 1].lower_)
            if noun is not None:
                sector = noun.sector
                qual = self.quals.left(first - 1)
                country = qual.country if qual else None
        named = self._countries_in_name(first, last) if last - first > 1 else set()
        if country is None and last - first > 1 and len(named) < 2:
            lead = doc[first].text
            country = lex.country_of(lead) or lex.capital_of(lead) or (
                lex.place_of(lead)[1] if lex.big_city(lead, 500_000) else None)
            country = country or (next(iter(named)) if named else None)
        slug = slugify(text)
        if len(slug) < 2:
            return
        self._add(first, last, kind="organization", key=f"org:{slug}", name=text, country=country,
                  sector=sector, **base)
