"""A small hand-made store: try the dashboard and API without running NLP.

``newsgraph serve --sample`` and the serve/export tests use these records.
They are written by hand (short invented reports about the September 2023
Nagorno-Karabakh offensive, in the style of wire copy) and annotated by
phrase, so every span is exact and the tests do not need spaCy. One extra
article is hostile on purpose: its title and text carry HTML and script that
the dashboard must show as text.
"""
from __future__ import annotations

from pathlib import Path

from newsgraph.records import (Actor, Arg, ArticleRecord, Attribution, Claim, Event, Location, Quote,
                       Span, Speaker, Timex)

HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'

_ACTORS = {  # id: (name, kind, country, sector, role)
    "AZE": ("Azerbaijan", "country", "AZE", "GOV", None),
    "ARM": ("Armenia", "country", "ARM", "GOV", None),
    "FRA": ("France", "country", "FRA", "GOV", None),
    "RUS": ("Russia", "country", "RUS", "GOV", None),
    "person:nikol-pashinyan": ("Nikol Pashinyan", "person", "ARM", "GOV", "Prime Minister of Armenia"),
    "person:ilham-aliyev": ("Ilham Aliyev", "person", "AZE", "GOV", "President of Azerbaijan"),
    "person:catherine-colonna": ("Catherine Colonna", "person", "FRA", "GOV", "Foreign Minister of France"),
    "org:karabakh-separatists": ("Karabakh separatists", "group", "ARM", "REB", None),
    "igo:un-security-council": ("UN Security Council", "igo", None, "IGO", None),
    "org:marseille-police": ("Marseille police", "organization", "FRA", "COP", None),
}


class _Builder:
    """Annotate one article by phrase; each phrase is found in order of the text."""

    def __init__(self, article_id: str, text: str, **meta):
        self.rec = ArticleRecord(id=article_id, text=text, published_source="input", **meta)
        self.text = text

    def span(self, phrase: str, after: int | str = 0) -> Span:
        if isinstance(after, str):  # search from where this other phrase starts
            after = self.text.index(after)
        start = self.text.index(phrase, after)
        return Span.of(self.text, start, start + len(phrase))

    def sentence(self, span: Span) -> list:
        start = max(self.text.rfind(". ", 0, span.start) + 2, self.text.rfind("\n", 0, span.start) + 1, 0)
        stop, line_end = self.text.find(". ", span.end), self.text.find("\n", span.end)
        ends = [i for i in (stop + 1 if stop >= 0 else -1, line_end) if i >= 0]
        return [start, min(ends) if ends else len(self.text)]

    def actor(self, actor_id: str, *phrases: str, after: str | None = None) -> None:
        name, kind, country, sector, role = _ACTORS[actor_id]
        actor = self.rec.actor(actor_id) or Actor(actor_id, name, kind, country, sector, role)
        if actor not in self.rec.actors:
            self.rec.actors.append(actor)
        pos = self.text.index(after) if after else 0
        for phrase in phrases:
            s = self.span(phrase, pos)
            actor.add_mention(s.start, s.end, s.text)
            pos = s.end

    def arg(self, actor_id: str, phrase: str, after: int | str = 0) -> Arg:
        s = self.span(phrase, after)
        _, _, country, sector, _ = _ACTORS[actor_id]
        return Arg(s.start, s.end, s.text, actor_id, country, sector)

    def event(self, type_: str, trigger: str, source: list, target: list, **kw) -> Event:
        t = self.span(trigger)
        event = Event(type=type_, trigger=t, sentence=self.sentence(t), source=source, target=target, **kw)
        self.rec.events.append(event)
        return event

    def quote(self, kind: str, content: str, speaker: tuple | None, cue: str | None) -> None:
        sp = None
        if speaker:
            s = self.span(speaker[0])
            sp = Speaker(s.start, s.end, s.text, speaker[1])
        self.rec.quotes.append(Quote(kind, self.span(content), sp, self.span(cue) if cue else None))

    def claim(self, measure: str, value: float, phrase: str, **kw) -> None:
        self.rec.claims.append(Claim(measure, value, self.span(phrase), **kw))

    def timex(self, phrase: str, type_: str, value: str) -> None:
        s = self.span(phrase)
        self.rec.timexes.append(Timex(s.start, s.end, s.text, type_, value))

    def junk(self, phrase: str) -> None:
        s = self.span(phrase)
        self.rec.boilerplate.append([s.start, s.end])


def _offensive() -> ArticleRecord:
    b = _Builder("wire-0919-offensive", (
        "Home | World | Europe\n"
        "Azerbaijan launches offensive in Nagorno-Karabakh\n"
        "Azerbaijan launched a military offensive against Armenian separatists in Nagorno-Karabakh on "
        "Tuesday, shelling positions around Stepanakert. Armenian Prime Minister Nikol Pashinyan accused "
        "Baku of ethnic cleansing. \"This is an attack on the people of Nagorno-Karabakh,\" Pashinyan said. "
        "Local officials said at least 27 people were killed, including two civilians.\n"
        "Share this article | 12 comments\n"),
        title="Azerbaijan launches offensive in Nagorno-Karabakh", outlet="Wire A",
        url="https://example.org/wire/0919", published="2023-09-19")
    b.junk("Home | World | Europe")
    b.junk("Share this article | 12 comments")
    b.actor("AZE", "Azerbaijan", "Azerbaijan", "Baku")
    b.actor("org:karabakh-separatists", "Armenian separatists")
    b.actor("person:nikol-pashinyan", "Armenian Prime Minister Nikol Pashinyan", "Pashinyan")
    loc = b.span("Stepanakert")
    b.event("ASSAULT", "launched a military offensive", [b.arg("AZE", "Azerbaijan", "Azerbaijan launched")],
            [b.arg("org:karabakh-separatists", "Armenian separatists")], date="2023-09-19", dead=27,
            location=Location(loc.start, loc.end, loc.text, "Stepanakert", "AZE", 39.8153, 46.752))
    b.event("ACCUSE", "accused", [b.arg("person:nikol-pashinyan", "Armenian Prime Minister Nikol Pashinyan")],
            [b.arg("AZE", "Baku")], date="2023-09-19")
    b.quote("direct", "This is an attack on the people of Nagorno-Karabakh",
            ("Pashinyan", "person:nikol-pashinyan"), "said")
    b.claim("dead", 27, "at least 27 people were killed", qualifier="at_least", about="people killed",
            attributed_to=Attribution("Local officials"), event=0)
    b.timex("Tuesday", "DATE", "2023-09-19")
    return b.rec


def _ceasefire() -> ArticleRecord:
    b = _Builder("daily-0920-ceasefire", (
        "Karabakh separatists agree to lay down arms\n"
        "The Armenian separatists of Nagorno-Karabakh agreed on Wednesday to a ceasefire proposed by Russia. "
        "The separatists said 32 people were killed and more than 200 injured in the fighting. "
        "Azerbaijani President Ilham Aliyev said the operation had achieved its goals. "
        "France condemned the offensive and called on Azerbaijan to protect civilians.\n"),
        title="Karabakh separatists agree to lay down arms", outlet="Daily B",
        url="https://example.org/daily/0920", published="2023-09-20")
    b.actor("org:karabakh-separatists", "The Armenian separatists of Nagorno-Karabakh", "The separatists")
    b.actor("RUS", "Russia")
    b.actor("person:ilham-aliyev", "Azerbaijani President Ilham Aliyev")
    b.actor("FRA", "France")
    b.actor("AZE", "Azerbaijan", after="called on")
    b.event("AGREE", "agreed", [b.arg("org:karabakh-separatists", "The Armenian separatists of Nagorno-Karabakh")],
            [b.arg("RUS", "Russia")], date="2023-09-20")
    b.event("ASSAULT", "fighting", [], [], date="2023-09-19", dead=32, injured=200)
    b.event("ACCUSE", "condemned", [b.arg("FRA", "France")], [b.arg("AZE", "Azerbaijan", "called on")],
            date="2023-09-20")
    b.event("REQUEST", "called on", [b.arg("FRA", "France")], [b.arg("AZE", "Azerbaijan", "called on")],
            date="2023-09-20", status="demanded")
    b.quote("indirect", "the operation had achieved its goals",
            ("Azerbaijani President Ilham Aliyev", "person:ilham-aliyev"), "said")
    b.claim("dead", 32, "32 people were killed", about="people killed",
            attributed_to=Attribution("The separatists", "org:karabakh-separatists"), event=1)
    b.claim("injured", 200, "more than 200 injured", qualifier="at_least", about="people injured",
            attributed_to=Attribution("The separatists", "org:karabakh-separatists"), event=1)
    b.timex("Wednesday", "DATE", "2023-09-20")
    return b.rec


def _refugees() -> ArticleRecord:
    b = _Builder("paper-0928-refugees", (
        "More than 100,000 refugees reach Armenia\n"
        "More than 100,000 refugees have fled Nagorno-Karabakh to Armenia, according to the Armenian "
        "government. The UN Security Council met on Thursday to discuss the exodus. French Foreign Minister "
        "Catherine Colonna said France would send humanitarian aid to Armenia. "
        "\"We will not abandon the Armenian people,\" Colonna told reporters.\n"
        "Advertisement\n"),
        title="More than 100,000 refugees reach Armenia", outlet="Paper C",
        url="https://example.org/paper/0928", published="2023-09-28")
    b.junk("Advertisement")
    b.actor("ARM", "Armenia", "Armenia", "the Armenian government")
    b.actor("igo:un-security-council", "The UN Security Council")
    b.actor("person:catherine-colonna", "French Foreign Minister Catherine Colonna", "Colonna")
    b.actor("FRA", "France")
    b.event("CONSULT", "met", [b.arg("igo:un-security-council", "The UN Security Council")], [],
            date="2023-09-28")
    b.event("AID", "send humanitarian aid", [b.arg("FRA", "France", "France would")],
            [b.arg("ARM", "Armenia", "aid to Armenia")],
            date="2023-09-28", status="future")
    b.quote("indirect", "France would send humanitarian aid to Armenia",
            ("French Foreign Minister Catherine Colonna", "person:catherine-colonna"), "said")
    b.quote("direct", "We will not abandon the Armenian people", ("Colonna", "person:catherine-colonna"),
            "told reporters")
    b.claim("displaced", 100000, "More than 100,000 refugees have fled", qualifier="at_least",
            about="refugees fleeing to Armenia", attributed_to=Attribution("the Armenian government", "ARM"))
    b.timex("Thursday", "DATE", "2023-09-28")
    return b.rec


def _rallies() -> ArticleRecord:
    b = _Builder("paper-1001-rallies", (
        "Thousands rally in France for Karabakh refugees\n"
        "In Marseille, more than a thousand people according to the police and nearly 5,000 according to "
        "the organizers gathered at the Old Port on Sunday to demand sanctions against Azerbaijan. "
        "Protesters accused France of abandoning Armenia.\n"),
        title="Thousands rally in France for Karabakh refugees", outlet="Paper C",
        url="https://example.org/paper/1001", published="2023-10-01")
    b.actor("org:marseille-police", "the police")
    b.actor("AZE", "Azerbaijan")
    b.actor("FRA", "France", "France")
    b.actor("ARM", "Armenia")
    loc = b.span("Marseille")
    b.event("PROTEST", "gathered", [], [b.arg("AZE", "Azerbaijan")], date="2023-10-01", size=1000,
            location=Location(loc.start, loc.end, loc.text, "Marseille", "FRA", 43.2965, 5.3698))
    b.event("ACCUSE", "accused", [], [b.arg("FRA", "France", "accused France")], date="2023-10-01")
    b.claim("participants", 1000, "more than a thousand people", qualifier="at_least", about="protesters in Marseille",
            attributed_to=Attribution("the police", "org:marseille-police"), event=0)
    b.claim("participants", 5000, "nearly 5,000", qualifier="about", about="protesters in Marseille",
            attributed_to=Attribution("the organizers"), event=0)
    b.timex("Sunday", "DATE", "2023-10-01")
    return b.rec


def _hostile() -> ArticleRecord:
    text = f"Hostile {HOSTILE} headline\nFrance {HOSTILE} condemned Azerbaijan in a statement.\n"
    b = _Builder("hostile-markup", text, title=f"Hostile {HOSTILE} headline", outlet=f"Bad {HOSTILE} outlet",
                 published="2023-09-21")
    b.actor("FRA", "France")
    b.actor("AZE", "Azerbaijan")
    b.event("ACCUSE", "condemned", [b.arg("FRA", "France")], [b.arg("AZE", "Azerbaijan")], date="2023-09-21")
    b.quote("direct", f"France {HOSTILE} condemned", ("France", "FRA"), None)
    return b.rec


def sample_records(hostile: bool = True) -> list[ArticleRecord]:
    """The hand-made articles, oldest first.

    Args:
        hostile: include the article whose title and text carry markup.
    Returns:
        A list of ``ArticleRecord`` with actors, events, quotes, claims, timexes.
    """
    records = [_offensive(), _ceasefire(), _refugees(), _rallies()]
    return records + [_hostile()] if hostile else records


def build_sample_store(path: str | Path, hostile: bool = True, link: bool = True) -> Path:
    """Write the sample articles into a new store at ``path`` and return the path.

    Args:
        hostile: include the article whose title and text carry markup.
        link: also run the link stage (timeline, discrepancies) when installed,
            as ``newsgraph ingest`` does.
    """
    from newsgraph.store import Store
    records = sample_records(hostile)
    with Store(path) as store:
        for record in records:
            store.save(record)
        if link:
            try:
                from newsgraph.link import update_links
            except ImportError:
                return Path(path)
            update_links(store, [r.id for r in records])
    return Path(path)
