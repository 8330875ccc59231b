"""Title, author and outlet as the page shows them (invented pages and names)."""
import pytest

from newsgraph.clean.page_meta import choose_title, clean_author, outlet_from_title, outlet_name, strip_site_name
from newsgraph.ingest.html import extract_html


@pytest.mark.parametrize("raw, want", [
    ("Tom Brennan; August", "Tom Brennan"),
    ("Hannah Voss, CBS News November", "Hannah Voss"),
    ("CBS News February", None),
    ("https; Www.Facebook.Com", None),
    ("By Catherine Dunmore, Health Editor", "Catherine Dunmore"),
    ("Kerry Blake Crime Reporter", "Kerry Blake"),
    ("Maria Lopez Channel", "Maria Lopez"),
    ("Jane Doe and John Smith", "Jane Doe, John Smith"),
    ("Ana María de la Cruz", "Ana María de la Cruz"),
    ("Theresa May", "Theresa May"),
    ("Maria Lopez May 3, 2025", "Maria Lopez"),
    ("ABC Rural By Sophie Lindqvist", "Sophie Lindqvist"),
    ("Rafiqul Islam, Chattogram", "Rafiqul Islam"),
])
def test_authors_lose_dates_urls_roles_and_outlets(raw, want):
    assert clean_author(raw, "Channel 9 News") == want


@pytest.mark.parametrize("title, want", [
    ("Dam talks resume | Steppe Courier", "Dam talks resume"),
    ("Dam talks resume - Steppe Courier", "Dam talks resume"),
    ("Steppe Courier | Dam talks resume", "Dam talks resume"),
    ("Opinion | The budget hides a cut | Steppe Courier", "The budget hides a cut"),
    ("The town said no - and then changed its mind", "The town said no - and then changed its mind"),
    ("Dam talks resume | Transport | Steppe Courier", "Dam talks resume"),
    ("Dam talks resume | Steppe Courier | Almaty", "Dam talks resume"),
    ("Dam talks resume - Steppe Courier Online", "Dam talks resume"),
    ("Dam talks resume | steppecourier.example", "Dam talks resume"),
    ("Dam talks resume - SC News", "Dam talks resume"),
    ("Dam talks resume - SC says", "Dam talks resume - SC says"),
    ("Dam talks resume - Part two", "Dam talks resume - Part two"),
    ("Steppe Courier: Dam talks resume on Monday", "Dam talks resume on Monday"),
    ("Brexit: The deal explained", "Brexit: The deal explained"),
])
def test_titles_lose_the_site_name(title, want):
    assert strip_site_name(title, ["Steppe Courier"]) == want


def test_the_headline_the_page_shows_wins_over_a_rewritten_og_title():
    h1s = ["Steppe Courier", "Harbour board accused of hiding flood report"]
    assert choose_title(h1s, "Harbour board 'hid flood report'", ["Steppe Courier"]) == h1s[1]


@pytest.mark.parametrize("site, url, texts, want", [
    ("Reuters_Co_Uk", "https://www.reuters.co.uk/world/x", [], "Reuters"),
    ("Timesofisrael", "https://www.timesofisrael.com/x/", [], "The Times of Israel"),
    ("Steppe Courier", "https://steppe-courier.example/x", [], "Steppe Courier"),
    ("valleyecho", "https://www.valleyecho.example/x", ["Valley Echo | Wage rise"], "Valley Echo"),
    (None, "https://eastern-herald.example/p/1", [], "Eastern Herald"),
    ("Gulftribune", "https://www.gulftribune.example/x", ["Oman signs deal - Gulf Daily Tribune"], "Gulf Daily Tribune"),
    ("panafricannews", "https://panafricannews.example/x", ["Grid deal | Pan-African News Agency"],
     "Pan-African News Agency"),
    ("abc", "https://abc.example/x", ["A Big Change | Abc"], "Abc"),
])
def test_outlet_names_are_readable(site, url, texts, want):
    assert outlet_name(site, url, texts) == want


def test_users_add_outlets_in_their_own_file(tmp_path, monkeypatch):
    extra = tmp_path / "outlets.yaml"
    extra.write_text("sites:\n  - {domain: vlxnews.example, name: VLX News, why: my feed}\n", encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_OUTLETS", str(extra))
    assert outlet_name("Vlxnews", "https://vlxnews.example/a", []) == "VLX News"


def test_page_metadata_end_to_end():
    html = """<html><head><title>Assembly raises farm wage - Valley Echo</title>
    <meta property="og:site_name" content="Valley Echo"><meta name="author" content="Mara Quist; July">
    <meta property="article:published_time" content="2025-07-02T08:00:00Z"></head><body>
    <h1>Assembly raises farm wage</h1><div class="byline">By <a href="/authors/mara-quist">Mara Quist</a>
    <span>Valley Echo</span></div><div class="article-body">
    <p>The regional assembly voted on Tuesday to raise the minimum wage for farm workers by eight percent from July.</p>
    <p>Employers' groups said the rise would force smaller farms to cut seasonal jobs, while unions called it overdue.</p>
    </div></body></html>"""
    page = extract_html(html)
    assert (page.title, page.author, page.outlet, page.published) == (
        "Assembly raises farm wage", "Mara Quist", "Valley Echo", "2025-07-02")


def _story(head_html: str, head: str = "") -> str:
    return f"""<html><head><title>Assembly raises farm wage</title>{head}</head><body>
    <h1>Assembly raises farm wage</h1>{head_html}<div class="article-body">
    <p>The regional assembly voted on Tuesday to raise the minimum wage for farm workers by eight percent from July.</p>
    <p>Employers' groups said the rise would force smaller farms to cut seasonal jobs, while unions called it overdue.</p>
    </div></body></html>"""


@pytest.mark.parametrize("head_html, want", [
    ('<p class="meta">Kwame Asante · July 22, 2025</p>', "Kwame Asante"),
    ("<div><time>3 June 2025</time></div><div><p>Alun Pryce</p><p>Valley Broadcasting News, Caernarfon</p></div>",
     "Alun Pryce"),
    ('<div class="byline"><p>ABC Rural</p><p><span>By </span><a href="/news/x/1">Sophie Lindqvist</a></p></div>',
     "Sophie Lindqvist"),
    ("<p>Analysis</p><p>Farm Policy</p>", None),
])
def test_a_byline_under_the_headline_without_a_label_names_the_author(head_html, want):
    assert extract_html(_story(head_html)).author == want


@pytest.mark.parametrize("head_html, want", [
    ("<dl><dt>From:</dt><dd><a>Ministry of Farming</a> and <a>Jo Bloggs MP</a></dd></dl>", "Ministry of Farming"),
    ('<div class="attr"><div class="provider-logo"><span>Baltic Wire Service</span></div></div>', "Baltic Wire Service"),
    ('<p class="source">Source: AFP</p>', "PORTAL.EXAMPLE"),   # an agency credit names no outlet
])
def test_the_source_a_page_credits_under_its_headline_is_the_outlet(head_html, want):
    head = '<meta property="og:site_name" content="PORTAL.EXAMPLE">'
    assert extract_html(_story(head_html, head)).outlet == want


def test_the_sites_own_name_in_the_author_field_is_no_author():
    assert clean_author("Harbour Cranes Group", "Harbour Cranes Group") is None


@pytest.mark.parametrize("title, want", [
    ("Pacific Courier :: Flooding closes airport road", "Pacific Courier"),
    ("Flooding closes airport road", None),
    ("Flooding closes airport road | Port Moresby | Pacific Courier", None),
])
def test_a_site_named_nowhere_else_is_the_titles_other_segment(title, want):
    assert outlet_from_title(title, ["Flooding closes airport road"]) == want


@pytest.mark.parametrize("head_html, want", [
    ('<div class="info"><span>Published February 27, 2025</span></div>', "2025-02-27"),
    ('<p>Updated: 3 March 2025</p><p>Published: 27 February 2025</p>', "2025-02-27"),
    ('<p>Updated: 3 March 2025</p>', "2025-03-03"),
    ('<time datetime="2025-02-27T05:00:00Z">5 hours ago</time>', "2025-02-27"),
    ("", None),
])
def test_a_date_under_the_headline_dates_a_page_without_metadata(head_html, want):
    clock = "<div class='top'><span>Thursday, March 6, 2025</span></div>"   # the header's clock: today's date
    html = _story(head_html).replace("<body>", "<body>" + clock)
    assert extract_html(html).published == want


def test_a_section_label_inside_the_headline_is_not_part_of_the_title():
    html = _story("").replace("<h1>Assembly raises farm wage</h1>",
                              '<h1><span class="kicker">Farming</span> Assembly raises the farm wage again</h1>')
    page = extract_html(html)
    assert page.title == "Assembly raises the farm wage again"
    assert "Farming" not in page.text


def test_the_outlet_is_read_off_the_logo_image_when_the_site_names_itself_nowhere_else():
    html = _story("").replace("<body>", '<body><div id="masthead"><img alt="Valley Echo logo" src="l.png"></div>')
    html = html.replace("</title>", '</title><link rel="canonical" href="https://www.valleyecho.example/a">')
    assert extract_html(html).outlet == "Valley Echo"


@pytest.mark.parametrize("page_html, want", [
    ('<h1 class="site-title">Valley Echo</h1><h2 class="entry-title">Assembly raises farm wage for the second year</h2>',
     "Assembly raises farm wage for the second year"),
    ('<div class="headline">Assembly raises farm wage for the second year</div>',
     "Assembly raises farm wage for the second year"),
])
def test_on_a_page_whose_h1_is_missing_or_the_logo_the_headline_element_is_the_title(page_html, want):
    html = _story("", '<meta property="og:site_name" content="Valley Echo">').replace(
        "<h1>Assembly raises farm wage</h1>", page_html).replace("<title>Assembly raises farm wage</title>", "<title>Valley Echo</title>")
    assert extract_html(html).title == want


def test_a_blog_on_a_hosting_platform_is_named_after_its_sub_domain_and_posted_by_byline():
    html = _story('<div class="post-footer">Posted by Helen Price at 09:15 <a>2 comments:</a></div>').replace(
        "<h1>Assembly raises farm wage</h1>", '<h1 class="title">Valley Notes</h1><h3>Assembly raises farm wage</h3>')
    html = html.replace("</title>", '</title><link rel="canonical" href="https://valleynotes.blogspot.com/2025/06/a.html">')
    page = extract_html(html)
    assert (page.outlet, page.author, page.title) == ("Valley Notes", "Helen Price", "Assembly raises farm wage")


def test_a_press_release_names_no_author_from_its_issuer_or_closing_blurb():
    blurb = ("<p><b>About Harbour Cranes</b></p><p>Harbour Cranes is an independent producer of port cranes "
             "with 900 employees in four countries.</p><p><b>Media Contact</b><br>Jo Pearce</p>")
    html = _story('<p class="eyebrow">News provided by</p><p><a>Harbour Cranes Group</a></p>'
                  '<p>Jun 24, 2025, 07:00 ET</p>').replace("</div></body>", blurb + "</div></body>")
    page = extract_html(html)
    from newsgraph.clean import clean_text
    assert page.author is None and clean_text(page.text).metadata.author is None


def test_a_page_without_h1_reads_the_lines_under_the_headline_its_title_shows():
    html = """<html><head><title>Granite Record :: Commissioners reject landfill expansion</title></head><body>
    <table><tr><td><font size="5"><b>Commissioners reject landfill expansion</b></font><br>
    <font size="1">Thursday, August 14, 2025</font><br>
    <p>The county board voted 3-2 on Tuesday night to deny a permit that would have let the landfill grow by 40 acres.</p>
    <p>More than 200 residents attended the hearing at the courthouse annex, most of them opposed to the expansion.</p>
    </td></tr></table></body></html>"""
    page = extract_html(html)
    assert (page.title, page.published) == ("Commissioners reject landfill expansion", "2025-08-14")
