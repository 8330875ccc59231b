"""Each kind of page junk the brief lists is marked in plain text, and article lines never are.

The lines are invented; each sits in the middle of an invented article, where
position alone cannot decide it.
"""
import textwrap

import pytest

from newsgraph.clean import find_boilerplate

TOP = textwrap.dedent("""\
    Port workers vote to end strike after pay deal
    Dock workers at the city's container port voted on Friday to accept a new pay offer, ending a strike that had lasted eleven days.
    """)
BOTTOM = textwrap.dedent("""\
    The port authority said ships held at anchor would begin unloading on Saturday morning.
    Union leaders said members had won a rise of 6.5 percent over two years and a cap on night shifts.
    """)


def marked(text: str) -> list[str]:
    spans = find_boilerplate(text)
    return [text[s:e] for s, e in spans]


def lines_marked(text: str) -> set[str]:
    return {line.strip() for chunk in marked(text) for line in chunk.split("\n") if line.strip()}


@pytest.mark.parametrize("junk", [
    "Subscribe now to our digital edition for the full story.",
    "Already a subscriber? Log in",
    "Get our free WhatsApp alerts with the biggest stories of the day - join our community here.",
    "Get the latest port news on our app. Download it for iPhone and Android.",
    "Support local journalism. Subscribe today for just £1 a week.",
    "Copyright 2025 Harbour Media Ltd. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
    "Reproduction in whole or part without permission is prohibited.",
    "Advertise with us",
    "Cranes stand idle at the container terminal on Tuesday. (Credit: Lena Ruiz / Harbour Post)",
    "Cranes stand idle at the container terminal at dusk. Photograph: Lena Ruiz for the Harbour Post",
    "Cranes stand idle at the container terminal, March 3, 2025. HARBOUR/Lena Ruiz",
    "FERRY OPERATOR WARNS OF SUMMER TIMETABLE CUTS",
    "[ Columnist: The port needs a plan, not another strike ]",
    "We want to hear what you think. Email us at views@harbour.example",
    "Comments are premoderated to keep the discussion on the topics raised by the article.",
    "Category : Press Releases",
    "Release Date: March 3, 2025",
    "The views expressed in this column are the author's own and do not necessarily reflect those of the Harbour Post.",
    "WATCH: Dockers cheer as the result is announced",
    "Photo gallery: Inside the port (12 photos)",
    "Enjoyed this story? Become a member to get every dispatch in your inbox.",
    "Help us improve our coverage by taking a two-minute survey.",
    "This story may be republished for free under a Creative Commons license.",
    "The Harbour Post is a nonprofit newsroom. We rely on readers like you.",
    "Story continues below advertisement",
    "Newsletter sign-up: The Harbour Brief arrives every Tuesday with the week's port news. Sign up here.",
    "Comment policy: The Harbour Post welcomes comments but removes any that are abusive.",
    "Disclaimer: This story is from a syndicated feed and has not been edited by Harbour Post staff.",
    "This article appeared in the March issue of Harbour Monthly under the headline \"Back to work\".",
    "Did you find this article useful? Support independent journalism on the coast.",
    "Listen to the full report on Harbour FM News at 6.",
    "Follow Harbour Post North on Facebook, X and Instagram.",
    "Join HP's Telegram channel and get the latest breaking news delivered to you.",
    "Dockers gather at the terminal gates, March 3, 2025. [Photo/Harbour Post]",
    "(Editor: Li Ming)",
    "Any use of materials is allowed only with a hyperlink to harbourpost.example",
    "Also Read: Ferry operator warns of summer timetable cuts",
    "This article was originally published on The Harbour Review. Read the original article.",
    "Image copyright Getty Images",
    "CLICK HERE TO GET THE HARBOUR POST APP",
    "Advertisement - Continue Reading Below",
    "Explore more on these topics",
    "FILE PHOTO: Cranes at the container terminal in 2023.",
    "Media playback is unsupported on your device",
    "Pic: Dockers at the terminal gates on Thursday night",
    "Have you a story for the Harbour Post? Email news@harbourpost.example",
    "Kindly share this story:",
    "toggle caption",
    "Image 2 of 12",
    "This article is more than 2 years old",
    "Share on WhatsApp",
    "Video: Dockers cheer as the result is announced",
    "Twitter: @harbourpost.",
    "h/t: The Harbour Review.",
    "Do you support the dockers? Like the page:",
])
def test_junk_line_in_the_body_is_marked(junk):
    text = TOP + junk + "\n" + BOTTOM
    assert junk in lines_marked(text)
    assert not any(line in lines_marked(text) for line in (TOP + BOTTOM).splitlines()[1:])


def test_trending_list_under_its_heading_is_marked():
    lis = ["Trending on Harbour Post", "Bridge closure to last six weeks", "Seal pup rescued from marina",
           "Council approves new ferry terminal"]
    text = TOP + BOTTOM + "\n".join(lis) + "\nThe strike had cost the port an estimated 40 million euros, officials said.\n"
    assert set(lis) <= lines_marked(text)


def test_a_pull_quote_repeating_the_article_is_marked_but_not_the_sentence():
    quote = "“We stood together and we won more than anyone expected”"
    sentence = "“We stood together and we won more than anyone expected,” said the union's regional organiser, Maeve Lund."
    text = TOP + sentence + "\n" + quote + "\n" + BOTTOM
    assert lines_marked(text) == {quote}


def test_press_release_contacts_after_the_end_marker_are_marked():
    tail = ["###", "Media contact: Jo Pearce, 07700 900123", "The Port Authority manages the city's three harbours."]
    text = TOP + BOTTOM + "\n".join(tail) + "\n"
    assert set(tail) <= lines_marked(text)


def test_a_press_release_closing_blurb_legal_notice_and_contacts_are_marked():
    tail = ["About Harbour Cranes Ltd", "Harbour Cranes designs and services port cranes and employs 900 people.",
            "Forward-Looking Statements",
            "This press release contains forward-looking statements that involve risks and uncertainties.",
            "Conference call", "Harbour Cranes will host a call for analysts at 10:00 CET today.",
            "Media enquiries", "Jo Pearce, Communications Manager"]
    text = TOP + BOTTOM + "\n".join(tail) + "\n"
    assert set(tail) <= lines_marked(text)
    assert not any(line in lines_marked(text) for line in (TOP + BOTTOM).splitlines()[1:])


def test_a_crosshead_starting_with_about_high_in_the_story_stays_article():
    text = TOP + "About Turn at the Terminal\n" + BOTTOM + BOTTOM.replace("Saturday", "Sunday") \
        + "Shipping lines said they expected the backlog to clear within a week of the vote.\n"
    assert lines_marked(text) == set()


def test_a_bare_publication_line_inside_the_body_is_marked():
    text = TOP + "Published 3 March 2025\n" + BOTTOM
    assert lines_marked(text) == {"Published 3 March 2025"}


def test_a_bare_name_above_an_outlet_line_is_a_byline():
    text = ("Port workers vote to end strike after pay deal\nAlun Pryce\nHarbour Broadcasting News, Caernarfon\n"
            + TOP.split("\n", 1)[1] + BOTTOM)
    assert lines_marked(text) == {"Alun Pryce", "Harbour Broadcasting News, Caernarfon"}


def test_author_bio_on_the_last_line_is_marked():
    bio = "Ruth Abernethy is a contributing writer for the Harbour Post and the author of two books on shipping."
    assert bio in lines_marked(TOP + BOTTOM + bio + "\n")


def test_an_op_ed_bio_naming_a_firm_on_the_last_line_is_marked():
    bio = "Maeve Lund is a shipping lawyer and a partner at a Dublin law firm. The views expressed here are her own."
    assert bio in lines_marked(TOP + BOTTOM + bio + "\n")


@pytest.mark.parametrize("keep", [
    "Additional reporting by Giulia Ferrante in Rome",
    "With additional reporting by Max Brenner.",
])
def test_additional_reporting_lines_stay_article(keep):
    text = TOP + BOTTOM + keep + "\nReporting by Lena Ruiz; Editing by Tom Ashworth\n"
    assert keep not in lines_marked(text)


def test_a_drop_cap_letter_on_its_own_line_stays_with_its_paragraph():
    text = ("Port workers vote to end strike after pay deal\nD\n"
            "ock workers at the city's container port voted on Friday to accept a new pay offer, the union said.\n" + BOTTOM)
    assert marked(text) == []


def test_an_all_capitals_headline_at_the_top_is_not_a_teaser():
    text = "PORT WORKERS VOTE TO END STRIKE AFTER PAY DEAL\n" + TOP.split("\n", 1)[1] + BOTTOM
    assert "PORT WORKERS VOTE TO END STRIKE AFTER PAY DEAL" not in lines_marked(text)


@pytest.mark.parametrize("sentence", [
    "Read the minister's letter and you would think the strike had never happened, but dockers remember it well.",
    "“Join us on the picket line tomorrow,” the union leader told the crowd outside the terminal gates.",
])
def test_sentences_that_merely_open_with_a_verb_stay_article(sentence):
    text = TOP + sentence + "\n" + BOTTOM
    assert lines_marked(text) == set()


@pytest.mark.parametrize("line", [
    "It's a dockers' clichÃ© that a strike is won in the last hour, and this one was.",   # mojibake é, no ©
    "THE NIGHT SHIFT",                                   # a crosshead in capitals
    "2. UNION WINS CAP ON NIGHT SHIFTS.",                # a numbered item of a "things to know" list
    "“EVERYONE STOOD TOGETHER AT THE GATES”",            # a quotation in capitals
])
def test_article_lines_that_look_like_junk_stay_article(line):
    text = TOP + line + "\n" + BOTTOM
    assert lines_marked(text) == set()


def test_a_headline_that_opens_with_a_reader_verb_is_no_prompt():
    text = "Keep the Port Open, Minister; Just Give Us a Date\n" + TOP.split("\n", 1)[1] + BOTTOM
    assert lines_marked(text) == set()
