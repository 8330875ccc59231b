"""Sentence starts at line breaks, before the parser runs.

News pages put headlines, crossheads and captions on lines of their own with no
final full stop; without help the parser glues them to the next sentence and
events or quotes leak across. The parser keeps boundaries set before it.
"""
import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.extensions import doc_text


@Language.component("newsgraph_sentences", assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    """Mark the first real token after a line break as a sentence start.

    A token's trailing whitespace is one space at most, so a line break is
    always inside a space token: the first non-space token after a space token
    holding "\\n" starts a sentence. Read and written as token columns (only the
    space tokens are looked at one by one).
    """
    if not len(doc):
        return doc
    table = doc.to_array([IS_SPACE, IDX, LENGTH, SENT_START])
    text = doc_text(doc)
    space = table[:, 0].astype(bool)
    spaces = numpy.flatnonzero(space)
    if not len(spaces):
        return doc
    breaks = [i for i, at, size in zip(spaces.tolist(), table[spaces, 1].tolist(), table[spaces, 2].tolist())
              if "\n" in text[at:at + size]]
    if not breaks:
        return doc
    words = numpy.flatnonzero(~space)
    after = numpy.searchsorted(words, breaks)   # the first non-space token after each break
    starts = words[after[after < len(words)]]
    starts = starts[starts > 0]
    column = table[:, 3].astype(numpy.uint64)
    column[starts] = 1
    doc.from_array([SENT_START], column)
    return doc
