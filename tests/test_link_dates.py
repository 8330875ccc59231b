"""When mentions happened, and publication dates lent across articles."""
from __future__ import annotations

from datetime import date

import pytest
from test_link_builders import article, event, timex

from newsgraph.link import update_links
from newsgraph.link import timeline
from newsgraph.link.dates import When, dates_agree, infer_published, mention_when, parse_when, publication_from
from newsgraph.store import Store

DATED = "On September 19, 2023, Azerbaijan launched a large-scale offensive against Nagorno-Karabakh."
TUESDAY = "Baku launched a military offensive on Tuesday against Nagorno-Karabakh, demanding surrender."
SUNDAY = "Baku launched a military offensive against Nagorno-Karabakh, rallies said on Sunday."


def test_parse_when_reads_dates_and_timex_values():
    assert parse_when("2023-09-19") == When("exact", date(2023, 9, 19), date(2023, 9, 19))
    assert parse_when("2023-09").hi == date(2023, 9, 30)
    assert parse_when("2023").kind == "year"
    assert parse_when("2023-W38").lo == date(2023, 9, 18)
    assert parse_when("XXXX-11-15").partial == (11, 15, None)
    assert parse_when("XXXX-WXX-2").partial == (None, None, 2)
    assert parse_when("PAST_REF") is None and parse_when(None) is None


def test_different_years_or_months_never_agree():
    assert not dates_agree(parse_when("2022-09-19"), parse_when("2023-09-19"))
    assert not dates_agree(parse_when("2023-08"), parse_when("2023-09-01"))
    assert dates_agree(parse_when("2023-09-19"), parse_when("2023-09-20"))
    assert not dates_agree(parse_when("2023-09-13"), parse_when("2023-09-19"))
    assert not dates_agree(parse_when("XXXX-09-13"), parse_when("2023-09-19"))
    assert dates_agree(parse_when("XXXX-WXX-2"), parse_when("2023-09-19"))   # a Tuesday
    assert dates_agree(None, parse_when("2023-09-19"))


def test_publication_implied_by_a_relative_date():
    tuesday = date(2023, 9, 19)
    assert publication_from("Baku launched an offensive on Tuesday.", tuesday) == (tuesday, "on Tuesday")
    assert publication_from("Fighting broke out yesterday.", tuesday) == (date(2023, 9, 20), "yesterday")
    assert publication_from("Baku launched an offensive on Sunday.", tuesday) is None
    assert publication_from("Baku launched an offensive last Tuesday.", tuesday) is None
    assert publication_from("Baku launched an offensive.", tuesday) is None


def test_infer_published_needs_consistent_evidence():
    rec = article("u", TUESDAY, events=[event(TUESDAY, "offensive", "ASSAULT", ["AZE"])])
    pair = (0, "ev-x", "d", 0, date(2023, 9, 19))
    value, evidence = infer_published(rec, [pair])
    assert value == "2023-09-19" and evidence["expression"] == "on Tuesday"
    assert evidence["dated_by"] == {"article": "d", "event": 0, "date": "2023-09-19"}
    assert infer_published(rec, [pair, (0, "ev-y", "e", 0, date(2023, 9, 26))]) is None


def test_weekday_next_to_a_yearless_date_is_placed_after_the_event_others_date():
    text = ("Rallies took place on Sunday (October 1st) for the refugees who fled after "
            "the lightning offensive by Azerbaijan.")
    rec = article("w", text, events=[event(text, "offensive", "ASSAULT", ["AZE"])],
                  timexes=[timex(text, "Sunday", "XXXX-WXX-7"), timex(text, "October 1st", "XXXX-10-01")])
    value, evidence = infer_published(rec, [(0, "ev-x", "d", 0, date(2023, 9, 19))])
    assert value == "2023-10-01" and evidence["expression"] == "Sunday (October 1st)"
    assert evidence["rule"] == "weekday-date"
    # a weekday the yearless date never falls on within a year of the event dates nothing
    wrong = article("v", text.replace("Sunday", "Monday"), events=rec.events,
                    timexes=[timex(text.replace("Sunday", "Monday"), "Monday", "XXXX-WXX-1"),
                             timex(text, "October 1st", "XXXX-10-01")])
    assert infer_published(wrong, [(0, "ev-x", "d", 0, date(2023, 9, 19))]) is None
    # nor does a yearless date with no weekday beside it
    bare = article("b", text, events=rec.events, timexes=[timex(text, "October 1st", "XXXX-10-01")])
    assert infer_published(bare, [(0, "ev-x", "d", 0, date(2023, 9, 19))]) is None


def test_mention_dates_from_event_sentence_or_publication():
    text = ("Azerbaijan has launched an offensive in Nagorno-Karabakh. "
            "In 2020, a previous war broke out. Talks were held on November 15. "
            + "Filler sentence without dates. " * 30 + "The army shelled villages.")
    rec = article("m", text, published="2023-09-20", events=[
        event(text, "launched", "ASSAULT", ["AZE"]),
        event(text, "war", "ASSAULT", ["AZE"]),
        event(text, "held", "CONSULT", ["AZE"]),
        event(text, "shelled", "ASSAULT", ["AZE"]),
        event(text, "launched", "ASSAULT", ["AZE"], date="2023-09-19")],
        timexes=[timex(text, "2020", "2020"), timex(text, "November 15", "XXXX-11-15")])
    opening, history, yearless, later, dated = (mention_when(rec, e) for e in rec.events)
    assert opening.kind == "approx" and (opening.lo, opening.hi) == (date(2023, 9, 13), date(2023, 9, 20))
    assert history is None     # the events stage did not give it 2020: another event's date
    assert yearless.partial == (11, 15, None)
    assert later is None   # past tense, far from the opening: not dated by publication
    assert dated.kind == "exact"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "dates.db") as s:
        yield s


def _reextract_stub(record):
    """Stands in for the pipeline: the Tuesday event is re-read against the new anchor."""
    fresh = article(record.id, record.text, events=[event(record.text, "offensive", "ASSAULT", ["AZE"],
                                                          ["org:nagorno-karabakh"], date="2023-09-19")])
    fresh.published, fresh.published_source = record.published, record.published_source
    return fresh


def test_undated_article_is_dated_from_the_event_another_article_dates(store):
    dated = article("d", DATED, published="2023-09-25", events=[
        event(DATED, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"], date="2023-09-19")])
    undated = article("u", TUESDAY, events=[
        event(TUESDAY, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"])],
        timexes=[timex(TUESDAY, "Tuesday", "XXXX-WXX-2")])
    for rec in (dated, undated):
        store.save(rec)
        report = update_links(store, [rec.id], reextract=_reextract_stub)
    assert report.dated == [("u", "2023-09-19")]
    fresh = store.get("u")
    assert (fresh.published, fresh.published_source) == ("2023-09-19", "inferred")
    why = "'on Tuesday' read against event 0 of d, dated 2023-09-19"
    assert any("inferred" in w and why in w for w in fresh.warnings)
    row = store.conn.execute("SELECT published, previous, evidence FROM link_article_dates WHERE article_id='u'").fetchone()
    assert row[0] == "2023-09-19" and row[1] is None and '"on Tuesday"' in row[2]
    (entry,) = timeline(store)
    assert entry.articles == ["d", "u"] and entry.date == "2023-09-19"


def test_weekday_of_another_day_or_a_given_date_is_never_changed(store):
    dated = article("d", DATED, published="2023-09-25", events=[
        event(DATED, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"], date="2023-09-19")])
    sunday = article("s", SUNDAY, events=[event(SUNDAY, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"])])
    given = article("g", TUESDAY, published="2023-09-21", events=[
        event(TUESDAY, "offensive", "ASSAULT", ["AZE"], ["org:nagorno-karabakh"])])

    def refuse(record):
        raise AssertionError("nothing should be re-extracted")
    for rec in (dated, sunday, given):
        store.save(rec)
        assert update_links(store, [rec.id], reextract=refuse).dated == []
    assert store.get("s").published is None and store.get("g").published == "2023-09-21"
