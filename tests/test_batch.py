"""The Python API (``Extractor``): junk never reaches NLP, user junk patterns, failures isolated."""
from __future__ import annotations

from newsgraph.pipeline.run import Extractor
from newsgraph.errors import SkippedInput
from newsgraph.records import ArticleRecord

STORY = ("Kenya and Somalia agreed on Tuesday to reopen their border.\n\n"
         "Share this story on SpinBook and ChatterBox\n\n"
         "The two governments will meet again in Nairobi next month, officials said.\n")


def test_user_boilerplate_patterns_mark_site_specific_junk(tmp_path, extractor):
    patterns = tmp_path / "site.yaml"
    patterns.write_text('phrases:\n  - phrase: "Share this story on SpinBook and ChatterBox"\n'
                        '    why: the share bar of one site we scrape\n')
    custom = Extractor(nlp=extractor.nlp, boilerplate_paths=[str(patterns)])
    record = custom.extract_text(STORY, "k1", published="2024-05-07")
    junk = [STORY[s:e].strip() for s, e in record.boilerplate]
    assert junk == ["Share this story on SpinBook and ChatterBox"]
    plain = extractor.extract_text(STORY, "k1", published="2024-05-07")
    assert plain.boilerplate == []


def test_nlp_never_sees_boilerplate(extractor):
    text = ("Stay Connected\n16,985FansLike\n2,458FollowersFollow\n\n"
            "Chile and Peru signed a fisheries agreement in Lima on Monday.\n\n"
            "LEAVE A REPLY\n\nPlease enter your comment!\nPlease enter your name here\n")
    record = extractor.extract_text(text, "c1", published="2024-01-15")
    assert record.boilerplate
    junk_chars = {i for s, e in record.boilerplate for i in range(s, e)}
    for actor in record.actors:
        for start, end in actor.mentions:
            assert not junk_chars & set(range(start, end)), text[start:end]
    for timex in record.timexes:
        assert not junk_chars & set(range(timex.start, timex.end))


def test_a_component_failure_skips_only_that_article(extractor):
    import spacy.language

    name = "newsgraph_test_failer"
    if name not in spacy.language.Language.factories:
        @spacy.language.Language.component(name)
        def failer(doc):
            if "EXPLODE" in doc.text:
                raise RuntimeError("boom")
            return doc
    nlp = extractor.nlp
    nlp.add_pipe(name, last=True)
    try:
        failing = Extractor(nlp=nlp)
        items = list(failing.extract_records([
            ArticleRecord(id="ok", text="Brazil recalled its ambassador to Israel on Monday."),
            ArticleRecord(id="bad", text="This one will EXPLODE in the pipeline."),
            ArticleRecord(id="ok2", text="Norway offered to mediate talks."),
        ]))
    finally:
        nlp.remove_pipe(name)
        nlp.default_error_handler = extractor.nlp.default_error_handler
    kinds = [(type(i).__name__, getattr(i, "id", None) or i.where) for i in items]
    assert kinds == [("ArticleRecord", "ok"), ("SkippedInput", "bad"), ("ArticleRecord", "ok2")]
    assert isinstance(items[1], SkippedInput) and "boom" in items[1].reason
