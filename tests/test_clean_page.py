"""Page junk found by the page's HTML: classes, tags, link-only teasers; drop caps and ledes kept.

The pages below are invented for these tests.
"""
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.html import extract_html

PARAS = [
    "The regional assembly voted on Tuesday to raise the minimum wage for farm workers by eight percent from July.",
    "Employers' groups said the rise would force smaller farms to cut seasonal jobs, while unions called it overdue.",
    "The measure passed by 41 votes to 30 after a debate that lasted most of the afternoon, officials said.",
]


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Assembly raises farm wage | Valley Echo</title>{head}</head><body>{body}</body></html>"


def story(extra: str = "", wrapper: str = "article-body") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"<h1>Assembly raises farm wage</h1><div class='{wrapper}'>{paras}{extra}</div>"


@pytest.mark.parametrize("junk", [
    "<div class='newsletter-box'><p>Get the Valley Echo morning briefing delivered to your inbox every weekday.</p></div>",
    "<aside><p>Five things the new wage law means for your weekly shop, explained by our experts.</p></aside>",
    "<figure><img src='x.jpg'><figcaption>Farm workers harvest grapes near the river at dawn last autumn.</figcaption></figure>",
    "<div class='author-bio'><p>Mara Quist covers farming and rural affairs for the Valley Echo since 2019.</p></div>",
    "<p><a href='/a'>Why the price of apples has doubled since the spring, and what comes next</a></p>",
    "<div class='related-stories'><ul><li><a href='/b'>Orchard owners fear another cold spring</a></li></ul></div>",
])
def test_junk_elements_inside_the_article_are_pruned(junk):
    text = extract_html(page(story(junk))).text
    for p in PARAS:
        assert p in text
    assert not any(word in text for word in ("inbox", "explained", "grapes", "2019", "apples", "Orchard"))


def test_a_junk_sounding_class_on_the_article_wrapper_never_drops_the_article():
    text = extract_html(page(story(wrapper="article-body share-enabled comments-open"))).text
    assert all(p in text for p in PARAS)


def test_drop_cap_in_its_own_element_joins_its_paragraph():
    body = ("<h1>Assembly raises farm wage</h1><div class='article-body'><div class='drop-cap'>T</div>"
            "<p>he regional assembly voted on Tuesday to raise the minimum wage for farm workers by eight percent.</p>"
            + "".join(f"<p>{p}</p>" for p in PARAS[1:]) + "</div>")
    text = extract_html(page(body)).text
    assert "The regional assembly voted on Tuesday" in text
    assert "\nhe regional" not in text and not text.startswith("he ")


def test_lede_outside_the_main_container_is_kept_first():
    lede = "Farm workers across the valley will earn more from July after a close vote in the regional assembly."
    body = (f"<header class='article-header'><h1>Assembly raises farm wage</h1><div class='intro'><p>{lede}</p></div>"
            "</header><div class='article-body'>" + "".join(f"<p>{p}</p>" for p in PARAS * 2) + "</div>")
    text = extract_html(page(body)).text
    assert text.startswith(lede)
    assert text.count(lede) == 1


def test_same_page_gives_the_same_text_every_time():
    html = page(story("<div class='promo'><p>Download the Valley Echo app today.</p></div>"))
    assert extract_html(html).text == extract_html(html).text


def test_a_page_without_article_text_is_still_refused():
    with pytest.raises(InputError):
        extract_html(page("<nav><a href='/'>Home</a></nav>"))


def test_the_rest_of_an_article_in_a_subscriber_box_is_kept():
    rest = ["The assembly's farm committee will review the rise after one year, the bill's sponsor said on Tuesday.",
            "Seasonal workers from abroad will be covered by the new minimum wage from the first day of work.",
            "The farmers' union said it would ask the courts to delay the rise until after the autumn harvest."]
    extra = "<div class='subscriber-only paywall'>" + "".join(f"<p>{p}</p>" for p in rest) + "</div>"
    body = "<h1>Assembly raises farm wage</h1><div class='article-body'>" + "".join(
        f"<p>{p[:-1]}, day {n}.</p>" for n in range(3) for p in PARAS) + extra + "</div>"   # the box: a quarter of the prose
    text = extract_html(page(body)).text
    assert all(p in text for p in rest)


def test_highlight_bullets_opening_the_article_container_are_kept():
    bullets = ["Farm wage rises eight percent from July", "Smaller farms say seasonal jobs are at risk"]
    items = "".join(f"<li>{b}</li>" for b in bullets)
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = page(f"<nav><ul><li><a>Home</a></li><li><a>Farming news</a></li></ul></nav>"
                f"<h1>Assembly raises farm wage</h1><div class='release-body'><ul>{items}</ul>{paras}</div>")
    text = extract_html(html).text
    assert all(b in text for b in bullets) and "Farming news" not in text


def test_a_lost_lede_goes_below_the_headline_and_date_trafilatura_kept():
    page_path = Path(__file__).parent / "data" / "pages" / "w02.html"   # trafilatura keeps label, headline, date
    lines = [ln for ln in extract_html(page_path.read_text(encoding="utf-8")).text.split("\n") if ln.strip()]
    lede = next(i for i, ln in enumerate(lines) if ln.startswith("The National Assembly has approved"))
    assert lines[lede - 1].startswith("Saturday, June 28, 2025") and lines[lede + 1].startswith("The National Assembly on")
