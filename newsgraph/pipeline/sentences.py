"""Sentence starts at line breaks, before the parser runs.

News pages put headlines, crossheads and captions on lines of their own with no
final full stop; without help the parser glues them to the next sentence and
events or quotes leak across. The parser keeps boundaries set before it.
"""
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_sentences", assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    """Mark the first real token after a line break as a sentence start."""
    after_break = False
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc
