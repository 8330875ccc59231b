"""Words written after a prefix that negates or undoes them ("non-aggression", "de-escalate").

Why this module exists: the prefix flips the meaning PLOVER codes - a non-violent act is no
assault, de-escalating is a RETREAT - and the small model splits or mis-tags such words, so the
prefix is read from the characters around the hyphen. The prefixes themselves are lexicon data
(``negating_prefixes``, ``reversal_prefixes``, ``escalation_verbs``, ``reversal_types``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import Entry, Lexicon


class Prefixes:
    """Mixin for the trigger finder: reading negating and undoing prefixes."""

    lex: Lexicon

    def negated_by_prefix(self, token: Token) -> bool:
        """Whether a word is written after a negating prefix ("non-aggression", "non-violent")."""
        doc = token.doc
        return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ and \
            doc[token.i - 2].lower_ in self.lex.negating_prefixes

    def undoing_prefix(self, token: Token) -> bool:
        """Whether a word is written after an undoing prefix ("de-escalate"; the small
        model may tag such a word as a noun)."""
        doc = token.doc
        return token.i >= 2 and doc[token.i - 1].text == "-" and \
            doc[token.i - 2].lower_ in self.lex.reversal_prefixes and not doc[token.i - 2].whitespace_

    def _prefixed(self, token: Token, lemma: str) -> Optional[Entry]:
        """The reversed entry of a verb written with an undoing prefix ("de-escalate":
        RETREAT), or None when the word has no such prefix."""
        lex = self.lex
        stem = lemma
        if self.undoing_prefix(token):
            stem = token.lower_ if token.lower_ in lex.escalation_verbs else lemma
        else:
            head, dash, rest = lemma.partition("-")
            if not (dash and head in lex.reversal_prefixes and rest):
                return None
            stem = rest
        if stem in lex.escalation_verbs:
            return lex.reversal_types.get("ASSAULT")
        entry = lex.verbs.get(stem)
        return lex.reversal_types.get(entry.type) if entry is not None and entry.type else None
