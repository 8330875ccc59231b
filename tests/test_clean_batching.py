"""The same article gives the same record however it is batched (issue 16, item 2).

Before, a line repeated across three articles of one cleaning chunk became
junk, so an article's actors depended on its neighbours: a resumed ingest
could store different records than an uninterrupted one.
"""
from __future__ import annotations

from newsgraph.pipeline.run import Extractor
from newsgraph.records import ArticleRecord

PROMO = "Chile's navy and Peru's coast guard on the Pacific Watch channel"
STORIES = [
    "Chile and Peru signed a fisheries agreement in Lima on Monday, officials said.",
    "Bolivia asked Chile for access to the port of Arica during talks in La Paz on Tuesday.",
    "Peru's foreign minister met her Ecuadorian counterpart in Quito on Wednesday.",
    "Argentina and Chile agreed to share data on glacier melt, the two governments said.",
]


def records(extractor: Extractor, texts: list[str]) -> list[ArticleRecord]:
    items = [ArticleRecord(id=f"a{i}", text=t, published="2024-05-07", published_source="input")
             for i, t in enumerate(texts)]
    return [r for r in extractor.extract_records(items) if isinstance(r, ArticleRecord)]


def summary(record: ArticleRecord) -> tuple:
    return (record.boilerplate, sorted(a.id for a in record.actors), [e.type for e in record.events])


def test_an_article_gets_the_same_record_alone_or_with_its_batch(extractor):
    texts = [f"{story}\n\n{PROMO}\n" for story in STORIES]
    together = records(extractor, texts)
    alone = [records(extractor, [t])[0] for t in texts]
    assert len(together) == len(alone) == len(texts)
    for a, b in zip(together, alone):
        assert summary(a) == summary(b)
