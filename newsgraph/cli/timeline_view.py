"""The readable timeline: each real-world event, then every article that reports it.

Why this module exists: an analyst reading ``newsgraph timeline`` wants to
see, per event, *who* reports it and *how* (outlet, date, the words used),
not a table of counts squeezed into a terminal. Actor ids are shown with
their names from the store so "AZE → org:nagorno-karabakh" reads as
"Azerbaijan → Nagorno-Karabakh authorities".
"""
from __future__ import annotations

from rich.console import Console
from rich.text import Text

from newsgraph.link.quotes import QUOTE_BASE
from newsgraph.records import TimelineEntry
from newsgraph.store.queries import actor_names
from newsgraph.store.timeline import mention_context

EXCERPT = 110   # characters of sentence shown per mention


def render_timeline(entries: list[TimelineEntry], store, console: Console) -> None:
    """Print ``entries`` with names, status, place and one line per mention (names and text from ``store``)."""
    console.print(Text(f"Timeline: {len(entries)} event{'s' * (len(entries) != 1)}", style="bold"))
    names = actor_names(store, {a for e in entries for a in e.source + e.target + [q["speaker"] for q in e.quotes]})
    articles, sentences = mention_context(store, {m.article for e in entries for m in e.mentions})
    for e in entries:
        console.print()
        head = Text()
        head.append((e.date or "undated") + (f" – {e.date_end}" if e.date_end else ""), style="bold cyan")
        head.append(f"  {e.type}", style="bold")
        if e.status and e.status != "asserted":
            head.append(f" ({e.status})", style="yellow")
        who = _names(e.source, names)
        if e.target:
            who += " → " + _names(e.target, names)
        if who:
            head.append("  " + who)
        if e.location and e.location.get("name"):
            head.append(f"  in {e.location['name']}", style="green")
        n = len(e.articles)
        head.append(f"  · {len(e.mentions)} mention{'s' * (len(e.mentions) != 1)}, "
                    f"{n} article{'s' * (n != 1)}", style="dim")
        console.print(head)
        why = {tuple(link["mention"]): "; ".join(link["why"]) for link in e.links or []}
        for m in e.mentions:
            console.print(_mention_line(m, articles.get(m.article), sentences.get((m.article, m.event))))
            if (m.article, m.event) in why:   # the evidence that merged this report
                console.print(Text(f"        ↳ {why[(m.article, m.event)]}", style="dim"))
        for q in e.quotes or []:   # the quoted words reporting the statement
            words = " ".join(q["span"]["text"].split())
            line = Text(f"    quoted in {q['article']}: ")
            line.append("“" + (words[:EXCERPT] + "…" if len(words) > EXCERPT else words) + "”", style="italic")
            line.append(f" — {names.get(q['speaker']) or q['speaker']}", style="dim")
            console.print(line)
            reason = why.get((q["article"], -(QUOTE_BASE + q["index"])))
            if reason:
                console.print(Text(f"        ↳ {reason}", style="dim"))
        for ref in e.references or []:
            line = Text(f"    named in {ref['article']}: ")
            line.append(ref["span"]["text"], style="bold underline")
            said = [x for x in (ref.get("date"), ref.get("duration") and "lasting " + ref["duration"]) if x]
            if said:
                line.append(f" ({', '.join(said)})", style="dim")
            reason = why.get((ref["article"], ref.get("index")))
            console.print(line)
            if reason:
                console.print(Text(f"        ↳ {reason}", style="dim"))


def _names(ids: list[str], names: dict[str, str]) -> str:
    shown = [names.get(i) or i for i in ids[:3]]
    return ", ".join(shown) + (f" +{len(ids) - 3}" if len(ids) > 3 else "")


def _mention_line(m, article: dict | None, sentence: tuple | None) -> Text:
    line = Text("    ")
    outlet = (article or {}).get("outlet") or m.article
    published = (article or {}).get("published")
    line.append(outlet, style="magenta")
    if published:
        line.append(f" ({published})", style="dim")
    line.append(": ")
    text = (article or {}).get("text") or ""
    if sentence and text:
        s, e = sentence
        before = " ".join(text[s:m.trigger.start].split())
        after = " ".join(text[m.trigger.end:e].split())
        room = max(10, (EXCERPT - len(m.trigger.text)) // 2)
        if len(before) > room:
            before = "…" + before[-room:]
        if len(after) > room:
            after = after[:room] + "…"
        line.append(before + (" " if before else ""))
        line.append(m.trigger.text, style="bold underline")
        line.append((" " if after and after[0].isalnum() else "") + after)
    else:
        line.append(m.trigger.text, style="bold underline")
    line.append(f"  [{m.article}]", style="dim")
    return line
