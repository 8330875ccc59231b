"""Faster stand-ins for the model's attribute_ruler and lemmatizer, same output.

spaCy's attribute_ruler runs a Matcher of about 180 patterns over every token
and sets each match through a Span, a few Python calls per token; the rule
lemmatizer builds a Token, a MorphAnalysis and a cache key per token. Together
they cost about as much as the parser, and newsgraph needs both (POS, MORPH and
lemmas). Nearly every rule tests only a token's TAG, LOWER, DEP or IS_SPACE, and
a lemma depends only on the token's text, POS and morphology. So:

* ``newsgraph_attributes`` (:class:`ColumnRuler`) decides the rules on token
  columns: once per distinct combination of tested values for one-token rules,
  by numpy masks for the few multi-token or regex ones;
* ``newsgraph_lemmas`` (:class:`MemoLemmatizer`) memoises the model's own
  lemmatizer by (ORTH, POS, MORPH) and writes a Doc's lemmas as one column.

Both read the loaded model's own components (its rules and tables, nothing
copied); :func:`use_fast_tagging` swaps them in and leaves spaCy's component
running when a rule has a shape this cannot reproduce.
"""
from __future__ import annotations

import re
import warnings
from typing import Union

import numpy
from spacy.attrs import DEP, IDS, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.errors import Warnings
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
FAST_RULER, FAST_LEMMATIZER = "newsgraph_attributes", "newsgraph_lemmas"

# Token columns a rule may test, and those it may set (plain struct fields,
# written as spaCy's set_token_attrs writes them).
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TESTED_IDS = [TAG, LOWER, DEP, IS_SPACE]
_SET = ("TAG", "DEP", "POS", "MORPH", "LEMMA")
_SET_IDS = [IDS[name] for name in _SET]

Wanted = Union[int, frozenset, re.Pattern]
Test = tuple[int, str, Wanted]            # (column of _TESTED, "==" | "IN" | "NOT_IN" | "REGEX", value)
Applied = list[tuple[int, dict[int, int]]]  # (rule number, normalised attrs), in rule order


class ColumnRuler:
    """The model's attribute_ruler, decided on token columns.

    spaCy's ruler matches every rule on the unchanged Doc, then sets the matches
    in rule order, so a later rule overwrites an earlier one. Here the same
    happens per token: the rules that hold for it are merged in rule order.
    One-token rules (value, ``IN``, ``NOT_IN``) are decided once per distinct
    (TAG, LOWER, DEP, IS_SPACE) key, a value no rule names counting as "other";
    multi-token and regex rules become numpy masks shifted along the Doc.

    Args:
        ruler: the model's AttributeRuler (its rules are read once).
    Raises:
        ValueError: a rule tests or sets something this cannot reproduce
            (an operator, a quantifier, an extension attribute).
    """

    def __init__(self, ruler: AttributeRuler):
        self.vocab = ruler.vocab
        strings = self.vocab.strings
        self._single: list[tuple[int, list[list[Test]], dict[int, int]]] = []
        self._sequences: list[tuple[int, list[list[list[Test]]], dict[int, int], int]] = []
        named: list[set[int]] = [set() for _ in _TESTED]
        for number, rule in enumerate(ruler.patterns):
            attrs = dict(ruler.attrs[number])
            if "_" in rule["attrs"] or not set(attrs) <= set(_SET_IDS):
                raise ValueError(f"attribute rule {number} sets {sorted(rule['attrs'])}")
            patterns = [[_spec_tests(spec, strings, number) for spec in p] for p in rule["patterns"]]
            if all(len(p) == 1 and not _has_regex(p[0]) for p in patterns):
                self._single.append((number, [p[0] for p in patterns], attrs))
                for pattern in patterns:
                    for column, _, value in pattern[0]:
                        named[column].update(value if isinstance(value, frozenset) else {value})
            else:
                self._sequences.append((number, patterns, attrs, rule["index"]))
        self._named = [numpy.array(sorted(values), dtype=numpy.uint64) for values in named]
        if numpy.prod([len(values) + 1.0 for values in named]) >= 2 ** 62:
            raise ValueError("too many named values for one key per token")
        self._merged: dict[int, tuple[tuple[int, int], ...]] = {}
        # Per regex: the values tested so far, and those it matched.
        self._regex_seen: dict[str, tuple[set[int], set[int]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = doc.to_array(_TESTED_IDS)
        original = doc.to_array(_SET_IDS)
        # Tokens alike in every tested column get the same attributes: one code
        # per token (each column's named value numbered, 0 for any other).
        code = numpy.zeros(len(tested), dtype=numpy.int64)
        for column, named in enumerate(self._named):
            at = numpy.searchsorted(named, tested[:, column]).clip(0, max(len(named) - 1, 0))
            found = named[at] == tested[:, column] if len(named) else numpy.zeros(len(tested), dtype=bool)
            code = code * (len(named) + 1) + numpy.where(found, at + 1, 0)
        distinct, first, inverse = numpy.unique(code, return_index=True, return_inverse=True)
        has = numpy.zeros((len(distinct), len(_SET)), dtype=bool)
        new = numpy.zeros((len(distinct), len(_SET)), dtype=numpy.uint64)
        for row, (key, at) in enumerate(zip(distinct.tolist(), first.tolist())):
            sets = self._merged.get(key)
            if sets is None:
                sets = self._merged[key] = _final(self._single_rules(tested[at].tolist()))
            for column, value in sets:
                has[row, column], new[row, column] = True, value
        inverse = inverse.reshape(-1)
        values = numpy.where(has[inverse], new[inverse], original)
        hits = self._sequence_hits(tested)
        for row, extra in hits.items():   # rare: merge the other rules in by rule number
            values[row] = original[row]
            for column, value in _final(sorted(self._single_rules(tested[row].tolist()) + extra,
                                               key=lambda item: item[0])):
                values[row, column] = value
        if has.any() or hits:
            doc.from_array(_SET_IDS, values)
        return doc

    def _single_rules(self, token: list[int]) -> Applied:
        """The one-token rules that hold for a token with these tested values, in rule order."""
        return [(number, attrs) for number, alternatives, attrs in self._single
                if any(all(_holds(token[column], op, value) for column, op, value in tests)
                       for tests in alternatives)]

    def _sequence_hits(self, tested: numpy.ndarray) -> dict[int, Applied]:
        """Token → the multi-token and regex rules that set it, as spaCy's Matcher would find them."""
        hits: dict[int, Applied] = {}
        size = len(tested)
        masks: dict[int, numpy.ndarray] = {}
        for number, patterns, attrs, index in self._sequences:
            for pattern in patterns:
                length = len(pattern)
                if length > size:
                    continue
                starts = numpy.ones(size - length + 1, dtype=bool)
                # Regex tests last: most Docs are ruled out before them.
                for offset, tests in sorted(enumerate(pattern), key=lambda item: _has_regex(item[1])):
                    key = id(tests)
                    if key not in masks:
                        masks[key] = self._mask(tests, tested)
                    starts &= masks[key][offset:size - length + 1 + offset]
                    if not starts.any():
                        break
                for start in numpy.flatnonzero(starts).tolist():
                    target = start + index if index >= 0 else start + length + index
                    if not start <= target < start + length:
                        raise ValueError(f"attribute rule {number}: index {index} outside its match")
                    hits.setdefault(target, []).append((number, attrs))
        return hits

    def _mask(self, tests: list[Test], tested: numpy.ndarray) -> numpy.ndarray:
        """Which tokens of the Doc satisfy one token pattern."""
        mask = numpy.ones(len(tested), dtype=bool)
        for column, op, value in tests:
            values = tested[:, column]
            if op == "==":
                mask &= values == value
            elif op == "REGEX":
                distinct = set(numpy.unique(values).tolist())
                checked, hits = self._regex_seen.setdefault(value.pattern, (set(), set()))
                for unseen in distinct - checked:
                    checked.add(unseen)
                    if value.search(self.vocab.strings[unseen]):
                        hits.add(unseen)
                found = numpy.array(sorted(distinct & hits), dtype=numpy.uint64)
                mask &= numpy.isin(values, found)
            else:
                inside = numpy.isin(values, numpy.array(sorted(value), dtype=numpy.uint64))
                mask &= inside if op == "IN" else ~inside
        return mask


def _spec_tests(spec: dict, strings, number: int) -> list[Test]:
    """One token pattern as column tests, with the Matcher's meaning."""
    tests: list[Test] = []
    for name, wanted in spec.items():
        if name not in _TESTED:
            raise ValueError(f"attribute rule {number} tests {name}")
        column = _TESTED.index(name)
        if name == "IS_SPACE":
            if not isinstance(wanted, bool):
                raise ValueError(f"attribute rule {number}: IS_SPACE {wanted!r}")
            tests.append((column, "==", int(wanted)))
        elif isinstance(wanted, str):
            tests.append((column, "==", strings.add(wanted)))
        elif (isinstance(wanted, dict) and len(wanted) == 1 and set(wanted) <= {"IN", "NOT_IN"}
              and all(isinstance(x, str) for x in next(iter(wanted.values())))):
            op, listed = next(iter(wanted.items()))
            tests.append((column, op, frozenset(strings.add(x) for x in listed)))
        elif isinstance(wanted, dict) and set(wanted) == {"REGEX"} and isinstance(wanted["REGEX"], str):
            tests.append((column, "REGEX", re.compile(wanted["REGEX"])))
        else:
            raise ValueError(f"attribute rule {number}: {name} {wanted!r}")
    return tests


def _has_regex(tests: list[Test]) -> bool:
    return any(op == "REGEX" for _, op, _ in tests)


def _holds(value: int, op: str, wanted: Wanted) -> bool:
    if op == "==":
        return value == wanted
    return (value in wanted) == (op == "IN")


def _final(applied: Applied) -> tuple[tuple[int, int], ...]:
    """(column of ``_SET``, value) left after setting ``applied`` in order: the last rule wins."""
    final: dict[int, int] = {}
    for _, attrs in applied:
        for column, attr in enumerate(_SET_IDS):
            if attr in attrs:
                final[column] = attrs[attr]
    return tuple(sorted(final.items()))


class MemoLemmatizer:
    """The model's rule lemmatizer, memoised by (ORTH, POS, MORPH) and applied per Doc column.

    A lemma is a function of the token's text, POS and morphology only (spaCy's
    own cache uses the same key), so one lookup per token replaces the Python
    walk. An unseen key is lemmatised once by spaCy's rule algorithm with the
    model's own tables and ``is_base_form``, except that each POS's word index
    is held as a set: spaCy tests ``form in index`` on a list of up to 57,000
    words, a third of a millisecond per new word. Tokens that already have a
    lemma (set by the attribute rules) keep it, as spaCy's do.
    """

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.cache: dict[tuple[int, int, int], int] = {}
        self._tables: dict[str, tuple[frozenset[str], dict, list] | None] = {}
        self._by_rules = (lemmatizer.mode == "rule"
                          and type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        overwrite = self.lemmatizer.overwrite
        cache = self.cache
        lemmas = table[:, 3].tolist()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            found = cache.get((orth, pos, morph))
            if found is None:
                found = cache[(orth, pos, morph)] = self.vocab.strings.add(self.lemma(doc[i]))
            lemmas[i] = found
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def lemma(self, token) -> str:
        """The lemma spaCy's lemmatizer gives ``token`` (the first of its forms)."""
        if not self.lemmatizer._validated:
            self.lemmatizer._validate_tables()
        if not self._by_rules:
            return self.lemmatizer.lemmatize(token)[0]
        text = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108, stacklevel=2)
            return text.lower()
        if self.lemmatizer.is_base_form(token):
            return text.lower()
        if univ_pos not in self._tables:
            self._tables[univ_pos] = self._pos_tables(univ_pos)
        tables = self._tables[univ_pos]
        if tables is None:   # no table knows this POS
            return text if univ_pos == "propn" else text.lower()
        index, exceptions, rules = tables
        lower = text.lower()
        known, other, unknown = [], [], []   # in the index; not a plain word; out of the index
        for old, new in rules:
            if lower.endswith(old):
                form = lower[:len(lower) - len(old)] + new
                if form and form in index:
                    known.insert(0, form)
                elif form and not form.isalpha():
                    other.append(form)
                elif form:
                    unknown.append(form)
        forms = list(dict.fromkeys(known + other))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or unknown or [text])[0]

    def _pos_tables(self, univ_pos: str) -> tuple[frozenset[str], dict, list] | None:
        lookups = self.lemmatizer.lookups
        index, exceptions, rules = (lookups.get_table(name, {}).get(univ_pos)
                                    for name in ("lemma_index", "lemma_exc", "lemma_rules"))
        if not any((index, exceptions, rules)):
            return None
        return frozenset(index or ()), exceptions or {}, rules or []


@Language.factory(FAST_RULER, assigns=["token.tag", "token.dep", "token.pos", "token.morph", "token.lemma"])
def make_column_ruler(nlp: Language, name: str) -> ColumnRuler:
    """The model's attribute_ruler on token columns (see :class:`ColumnRuler`)."""
    return ColumnRuler(nlp.get_pipe(RULER))


@Language.factory(FAST_LEMMATIZER, assigns=["token.lemma"])
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """The model's lemmatizer, memoised (see :class:`MemoLemmatizer`)."""
    return MemoLemmatizer(nlp.get_pipe(LEMMATIZER))


def use_fast_tagging(nlp: Language) -> list[str]:
    """Swap the model's attribute_ruler and lemmatizer for the stand-ins above.

    The originals stay in the pipeline, disabled (the stand-ins read their rules
    and tables). One whose rules this cannot reproduce is left running.

    Returns:
        The names of the spaCy components swapped out.
    """
    swapped = []
    for original, fast in ((RULER, FAST_RULER), (LEMMATIZER, FAST_LEMMATIZER)):
        if original not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(fast, after=original)
        except ValueError:
            continue
        nlp.disable_pipe(original)
        swapped.append(original)
    return swapped
