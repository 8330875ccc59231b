"""The shipped examples (examples/) through extraction and the link stage.

Two outlets report one Marseille march: one says "on Thursday (March 14)"
with no year or publication date, the other dates it in full. Their police
figures (8,000 and 9,500) and the organisers' "more than 40,000" must be one
fact about one march.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.link import discrepancies, harmonise_actors, update_links
from newsgraph.records import ArticleRecord
from newsgraph.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def store(extractor, tmp_path_factory):
    def reextract(base: ArticleRecord) -> ArticleRecord:
        return next(r for r in extractor.extract_records([base]) if isinstance(r, ArticleRecord))

    s = Store(tmp_path_factory.mktemp("examples") / "ex.db")
    for item in extractor.extract_paths([str(EXAMPLES)]):
        if isinstance(item, ArticleRecord):   # examples/bad holds inputs that must fail
            s.save(harmonise_actors(item, s))
            update_links(s, [item.id], reextract=reextract)
    yield s
    s.close()


def test_two_outlets_police_figures_for_one_march_are_linked(store):
    (march,) = [d for d in discrepancies(store, measure="participants")
                if {8000, 9500} <= {r.value for r in d.reports}]
    assert (40000, "at_least") in {(r.value, r.qualifier) for r in march.reports}
    assert march.date == "2024-03-14"
