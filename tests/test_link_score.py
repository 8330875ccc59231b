"""The pair scorer: recall, cross-article recall and precision of clusters against hand gold."""
from __future__ import annotations

from newsgraph.link.score import locate_gold, score_pairs
from newsgraph.records import EventMention, Span, TimelineEntry

TEXTS = {"a1": "Baku launched an offensive. The fighting left 27 dead.",
         "b2": "Azerbaijan started an attack on Tuesday. Macron called Pashinyan."}
GOLD = {"clusters": {"offensive": {"mentions": [["a", "launched an offensive"], ["a", "The fighting"],
                                               ["b", "started an attack"]]},
                     "call": {"mentions": [["b", "Macron called"]]}},
        "apart": [["offensive", "call"]]}


def mention(article: str, word: str) -> EventMention:
    start = TEXTS[article].index(word)
    return EventMention(article, 0, Span(start, start + len(word), word))


def entry(eid: str, *mentions: EventMention) -> TimelineEntry:
    return TimelineEntry(eid, "ASSAULT", None, None, None, [], [], list(mentions), sorted({m.article for m in mentions}))


def test_gold_phrases_are_found_by_article_prefix():
    gold, missing = locate_gold({"clusters": {"x": {"mentions": [["b", "attack"], ["c", "nowhere"]]}}}, TEXTS)
    assert [(g.article, TEXTS[g.article][g.start:g.end]) for g in gold] == [("b2", "attack")]
    assert missing == ["c: nowhere"]


def test_pairs_found_missed_and_wrongly_merged():
    entries = [entry("e1", mention("a1", "offensive"), mention("a1", "fighting")),
               entry("e2", mention("b2", "attack"), mention("b2", "called"))]
    s = score_pairs(entries, GOLD, TEXTS)
    assert (s.gold_pairs, s.gold_cross_pairs, s.system_pairs) == (3, 2, 2)
    assert s.recall == 1 / 3 and s.recall_cross == 0.0 and s.precision == 0.5
    assert s.merged_apart == [("offensive", "call")]


def test_everything_in_one_cluster_is_full_recall_and_breaks_apart_pairs():
    entries = [entry("e", mention("a1", "offensive"), mention("a1", "fighting"), mention("b2", "attack"),
                     mention("b2", "called"))]
    s = score_pairs(entries, GOLD, TEXTS)
    assert s.recall == 1.0 and s.recall_cross == 1.0 and s.precision == 0.5
    assert s.merged_apart == [("offensive", "call")]


def test_a_mention_never_extracted_counts_as_missed_but_not_in_extracted_recall():
    entries = [entry("e1", mention("a1", "offensive"), mention("a1", "fighting"))]
    s = score_pairs(entries, GOLD, TEXTS)
    assert s.recall == 1 / 3 and s.recall_extracted == 1.0


def test_dates_scored_on_stored_records_with_accepted_values():
    from newsgraph.link.score_dates import score_dates
    from newsgraph.records import ArticleRecord, Timex
    text = "It began on Tuesday and ended overnight."
    record = ArticleRecord(id="a1_x", text=text, published="2023-09-19",
                           timexes=[Timex(12, 19, "Tuesday", "DATE", "2023-09-19")])
    gold = {"published": {"a1": "2023-09-19", "b2": None},
            "timexes": [["a1", "on Tuesday", ["2023-09-19"]], ["a1", "overnight", ["2023-09-18TNI"]]]}
    scores = score_dates(gold, {"a1_x": record})
    assert scores["published"] == 1.0 and scores["timex_value"] == 0.5
    assert "not found" in scores["wrong_timexes"][0]
