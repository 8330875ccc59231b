"""The attribute_ruler and lemmatizer stand-ins set exactly what spaCy's own set."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.ingest import read_inputs
from newsgraph.pipeline.nlp import build_nlp, load_model
from newsgraph.pipeline.tagging import ColumnRuler, MemoLemmatizer, use_fast_tagging
from newsgraph.records import ArticleRecord
from tests.conftest import EXAMPLES, shared_path

# Every kind of rule the model has: contractions over two tokens, regexes,
# pronoun case by dependency, "there is", space tokens, modal "'d", a/an/the.
CONTRACTIONS = (
    "I'm gonna tell y'all: ain't nothin' doin' here, somethin' ol' is goin' on. Let's go, c'mon! "
    "We gotta see 'em. You'll say it to me and I told you it. There is a cat; there're dogs.\n\n"
    "  He'd said that anyone can come, but nobody would.   The  an  a  those  these.\n"
)


def _attributes(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def _compare(nlp, texts: list[str]) -> int:
    """Run spaCy's ruler+lemmatizer and the stand-ins on copies of each parsed Doc."""
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast_ruler, fast_lemmatizer = ColumnRuler(ruler), MemoLemmatizer(lemmatizer)
    tokens = 0
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        for doc in nlp.pipe(texts, batch_size=8):
            theirs, ours = doc.copy(), doc.copy()
            lemmatizer(ruler(theirs))
            fast_lemmatizer(fast_ruler(ours))
            assert _attributes(ours) == _attributes(theirs)
            tokens += len(doc)
    return tokens


@pytest.fixture(scope="module")
def model():
    return load_model()


def _texts(*paths) -> list[str]:
    return [r.text for r in read_inputs([str(p) for p in paths]) if isinstance(r, ArticleRecord)]


def test_stand_ins_set_spacys_attributes_on_every_example_token(model):
    assert _compare(model, _texts(EXAMPLES) + [CONTRACTIONS]) > 1000


def test_stand_ins_set_spacys_attributes_on_the_seed_articles(model):
    assert _compare(model, _texts(shared_path("seeds"))) > 1000


def test_build_nlp_runs_the_stand_ins_and_keeps_spacys_disabled():
    nlp = build_nlp(components=[])
    assert "newsgraph_attributes" in nlp.pipe_names and "newsgraph_lemmas" in nlp.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    plain = build_nlp(components=[], fast_tagging=False)
    assert "attribute_ruler" in plain.pipe_names and "newsgraph_attributes" not in plain.pipe_names


def _ruler_nlp(rules: list[dict]):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(rules)
    return nlp, ruler


def test_column_ruler_follows_spacys_rule_order_and_operators():
    rules = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["one", "two"]}}]], "attrs": {"POS": "NUM"}},
        {"patterns": [[{"LOWER": "two"}, {"LOWER": {"REGEX": "^th"}}]], "attrs": {"LEMMA": "pair"}, "index": -1},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": {"IN": ["aux"]}}]], "attrs": {"POS": "AUX"}},
        {"patterns": [[{"LOWER": "three"}]], "attrs": {"POS": "X", "TAG": "XX"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"DEP": "dep", "TAG": "_SP"}},
    ]
    nlp, ruler = _ruler_nlp(rules)
    words = ["one", "two", "three", "has", "  ", "two", "thin", "cat"]
    tags = ["NN", "NN", "NN", "VBZ", "", "NN", "NN", "NN"]
    deps = ["nsubj", "dep", "dep", "aux", "dep", "ROOT", "dep", "dep"]
    heads = [5, 5, 5, 5, 5, 5, 5, 5]
    theirs = Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=heads)
    ours = theirs.copy()
    ruler(theirs)
    ColumnRuler(ruler)(ours)
    assert _attributes(ours) == _attributes(theirs)
    assert [t.pos_ for t in ours][:4] == ["NUM", "NUM", "X", "AUX"]
    assert ours[6].lemma_ == "pair" and ours[2].tag_ == "XX"


def test_a_rule_the_columns_cannot_reproduce_keeps_spacys_ruler():
    nlp, _ = _ruler_nlp([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "DET"}}])
    with pytest.raises(ValueError):
        ColumnRuler(nlp.get_pipe("attribute_ruler"))
    swapped = use_fast_tagging(nlp)
    assert "attribute_ruler" not in swapped and "attribute_ruler" in nlp.pipe_names
    assert "newsgraph_attributes" not in nlp.pipe_names


def _line_starts_by_tokens(doc: Doc) -> list[int]:
    """The plain reading: a non-space token right after a space token run holding a line break."""
    after_break, starts = False, []
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            starts.append(token.i)
        after_break = False
    return starts


def test_line_breaks_start_sentences_as_a_token_walk_finds_them(model):
    from newsgraph.pipeline.sentences import mark_line_starts
    texts = _texts(EXAMPLES) + [CONTRACTIONS, "\n\nLead line\nSecond line \n \n Third", "No break here."]
    for text in texts:
        doc = mark_line_starts(model.make_doc(text))
        assert [t.i for t in doc if t.is_sent_start and t.i > 0] == _line_starts_by_tokens(doc)
