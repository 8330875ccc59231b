"""The Doc attributes newsgraph components read and write.

A spaCy pipeline shares one ``Doc``; newsgraph's components communicate through
these extension attributes (plus ``doc.spans`` groups for spaCy users), so each
component can be reused or swapped alone. Registering is idempotent.

- ``doc._.ng_published``: ``YYYY-MM-DD`` or None, the anchor for relative dates
  (set by the caller before the pipeline runs).
- ``doc._.ng_published_source``: ``input``, ``metadata``, ``text``, ``inferred``
  or None; a component that infers the date sets both attributes.
- ``doc._.ng_article_id``: the article id, for error messages.
- ``doc._.ng_actors``: list[records.Actor], set by ``newsgraph_actors``.
- ``doc._.ng_timexes``: list[records.Timex], set by ``newsgraph_timex``.
- ``doc._.ng_quotes``: list[records.Quote], set by ``newsgraph_quotes``.
- ``doc._.ng_events``: list[records.Event], set by ``newsgraph_events``.
- ``doc._.ng_claims``: list[records.Claim], set by ``newsgraph_claims``.

``doc_text(doc)`` is ``doc.text`` read once per Doc: spaCy rebuilds ``Doc.text``
from every token on each access, which cost each component that read it
several percent of the whole run.
"""
from spacy.tokens import Doc

DOC_ATTRIBUTES = {
    "ng_published": None,
    "ng_published_source": None,
    "ng_article_id": None,
    "ng_actors": None,
    "ng_timexes": None,
    "ng_quotes": None,
    "ng_events": None,
    "ng_claims": None,
}


def register_extensions() -> None:
    """Register every newsgraph Doc attribute (safe to call many times)."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


TEXT_KEY = "ng_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once and kept in ``doc.user_data`` (a Doc's text never changes)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


def doc_list(doc: Doc, name: str) -> list:
    """The list stored in ``doc._.<name>``, created empty when unset."""
    value = doc._.get(name)
    if value is None:
        value = []
        doc._.set(name, value)
    return value


register_extensions()
