"""Title, author, outlet and publication date read off a plain article text.

The articles are invented for these tests.
"""
import textwrap
from pathlib import Path

import pytest

from newsgraph.clean import TextMetadata, clean_text, find_boilerplate, find_metadata
from newsgraph.clean.metadata import parse_date

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def meta_of(s: str) -> TextMetadata:
    text = textwrap.dedent(s).strip("\n") + "\n"
    return clean_text(text).metadata


BODY = ("Negotiators from both sides met in the capital on Monday and agreed to extend the truce "
        "by another month, according to a statement from the mediators.\n")


def test_empty_text_has_no_metadata():
    meta = find_metadata("", [])
    assert meta == TextMetadata()


def test_title_is_the_first_headline_like_line_outside_the_junk():
    meta = meta_of("""
        Home > World
        Truce extended by a month after overnight talks
        """ + BODY)
    assert meta.title == "Truce extended by a month after overnight talks"


def test_no_title_when_the_text_opens_with_a_sentence():
    assert meta_of(BODY).title is None


def test_author_from_an_author_line_and_outlet_from_a_source_line():
    meta = meta_of(BODY + "Author: Ines Carvalho\nSource: Lisbon Daily\n")
    assert meta.author == "Ines Carvalho"
    assert meta.outlet == "Lisbon Daily"


def test_author_from_a_by_line():
    meta = meta_of("Truce extended by a month\nBy Oskar Brandt\n" + BODY)
    assert meta.author == "Oskar Brandt"


def test_author_from_a_wire_credit_line():
    meta = meta_of(BODY + "Reporting by Elif Demir in Ankara; Editing by Tom Hale\n")
    assert meta.author == "Elif Demir"


def test_a_weekday_after_by_is_not_an_author():
    meta = meta_of("Truce extended by a month\nBy Tuesday\n" + BODY)
    assert meta.author is None


def test_author_and_outlet_from_the_bio_block():
    meta = meta_of(BODY + """
        Nadia Haddad

        Nadia Haddad

        Nadia Haddad is a staff reporter for the Coastal Herald. She covers courts and crime.

        Leave a Reply
        """)
    assert meta.author == "Nadia Haddad"
    assert meta.outlet == "Coastal Herald"


def test_agency_is_the_outlet_only_when_nothing_better_is_found():
    alone = meta_of(BODY + "With AFP\n")
    assert alone.outlet == "AFP"
    both = meta_of(BODY + "With AFP\nSource: Valley News\n")
    assert both.outlet == "Valley News"
    assert any("AFP" in note for note in both.notes)
    assert any("Valley News" in note for note in both.notes)


def test_published_from_an_explicit_line():
    meta = meta_of("Truce extended by a month\nPublished on 12 March 2024 - 09:10\n" + BODY)
    assert (meta.published, meta.published_source) == ("2024-03-12", "text")


def test_published_line_wins_over_updated_line():
    meta = meta_of("Truce extended\nUpdated: 14/03/2024 18:00\nPublished: 12/03/2024 09:10\n" + BODY)
    assert meta.published == "2024-03-12"


def test_updated_line_is_used_when_there_is_no_published_line():
    meta = meta_of("Truce extended\nLast updated March 14, 2024\n" + BODY)
    assert meta.published == "2024-03-14"


def test_bare_date_line_under_the_headline():
    meta = meta_of("Truce extended by a month\n3 April 2023\n" + BODY)
    assert meta.published == "2023-04-03"


def test_relative_or_partial_dates_are_never_guessed():
    assert meta_of("Truce extended\nPublished 2 hours ago\n" + BODY).published is None
    assert meta_of("Truce extended\nPublished on Tuesday, March 12\n" + BODY).published is None
    assert meta_of(BODY + "The talks will resume on 3 May.\n").published is None


def test_weather_widget_date_is_not_a_publication_date():
    meta = meta_of("""
        17.2 C
        Lisbon
        Wednesday, May 15, 2024

        Truce extended by a month
        """ + BODY)
    assert meta.published is None
    assert meta.title == "Truce extended by a month"


def test_wire_dateline_gives_date_and_agency():
    meta = meta_of("NICOSIA, March 3, 2024 (Reuters) - " + BODY)
    assert meta.published == "2024-03-03"
    assert meta.outlet == "Reuters"


def test_find_metadata_accepts_spans_from_find_boilerplate():
    text = "Truce extended by a month\nBy Oskar Brandt\n" + BODY
    assert find_metadata(text, find_boilerplate(text)).author == "Oskar Brandt"


@pytest.mark.parametrize("value, expected", [
    ("September 20, 2023 at 10:30 am", "2023-09-20"),
    ("20/09/2023 - 10:15", "2023-09-20"),
    ("2023-09-19T08:00:00Z", "2023-09-19"),
    ("2023-13-45", None),
    ("yesterday", None),
    ("Sept 19", None),
    ("", None),
])
def test_parse_date_needs_day_month_and_year(value, expected):
    assert parse_date(value) == expected


SEED_EXPECTED = {
    "001_3b5c5c9720919700.txt": {
        "title": "Emmanuel Macron asks Azerbaijan for “an immediate cessation of the offensive” in Nagorno-Karabakh",
        "author": "Ariel Guez", "outlet": "BFM TV"},
    "002_4c24fbbfcd5fc12f.txt": {
        "title": "French Senate demands withdrawal of Azerbaijani troops from Armenia", "author": "Lillian Avedian"},
    "004_6e25dd346ba079d1.txt": {
        "title": "US, France Call Up Leaders Of Azerbaijan & Armenia Over Offensive At Nagorno-Karabakh"},
}


def test_seed_scrapes_metadata():
    if not SEEDS.is_dir():
        pytest.skip(f"seed scrapes not available at {SEEDS}")
    for name, expected in SEED_EXPECTED.items():
        meta = clean_text((SEEDS / name).read_text(encoding="utf-8")).metadata
        for key, value in expected.items():
            assert getattr(meta, key) == value, (name, key)
    for path in sorted(SEEDS.glob("*.txt")):
        meta = clean_text(path.read_text(encoding="utf-8")).metadata
        assert meta.published != "2024-07-19", path.name
        assert meta.published is None or meta.published_source == "text"
