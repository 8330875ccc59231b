/* newsgraph dashboard panels beside the event views: quotes by speaker (follows
 * the actor filter), conflicting figures (or every reported figure) and articles. */
"use strict";

const NGPanels = (() => {
  const { el, append, clear, api } = NG;
  const $ = (id) => document.getElementById(id);
  const state = { articleOffset: 0 };

  // -- quotes ------------------------------------------------------------------
  async function loadQuotes(filters) {
    const box = $("quotes");
    try {
      const r = await api("/api/quotes", { speaker: filters.actor, limit: 500 });
      const groups = new Map();
      for (const q of r.items) {
        const id = q.speaker && q.speaker.actor;
        const key = id || "unresolved";
        if (!groups.has(key)) {
          const label = id ? NG.actorName(id, r.actor_names) : "Speaker not resolved to an actor";
          groups.set(key, { id, label, quotes: [] });
        }
        groups.get(key).quotes.push(q);
      }
      const ordered = [...groups.values()].sort((a, b) => (!a.id - !b.id) || b.quotes.length - a.quotes.length);
      $("quotes-count").textContent = `${NG.plural(r.total, "quote")} · ${NG.plural(ordered.length, "speaker")}`;
      clear(box);
      if (!ordered.length) box.appendChild(el("p", { className: "empty" }, "No quotes match these filters."));
      for (const group of ordered.slice(0, 15)) box.appendChild(speakerCard(group));
    } catch (error) {
      NG.errorNote(box, error);
    }
  }

  function speakerCard(group) {
    const name = group.id ? NG.actorLink(group.id, { [group.id]: group.label })
      : el("span", { className: "unresolved" }, group.label);
    const card = el("div", { className: "speaker" }, el("div", { className: "speaker-head" }, name,
      el("span", { className: "count" }, NG.plural(group.quotes.length, "quote"))));
    for (const q of group.quotes.slice(0, 3)) {
      const text = NG.shorten(q.content.text, 260);
      card.appendChild(el("blockquote", { className: `quote quote-${q.kind}` },
        el("span", { className: "quote-text" }, q.kind === "indirect" ? text : NG.quoted(text)),
        el("span", { className: "quote-meta" }, el("span", { className: "badge" }, q.kind), " ",
          !group.id && q.speaker ? el("span", { className: "as-written" }, NG.quoted(NG.shorten(q.speaker.text, 40)) + " ")
            : null,
          q.cue ? `${q.cue.text} · ` : "",
          NG.articleLink(q.article, `${q.outlet || "article"}, ${NG.fmtDate(q.published)}`, `quote-${q.idx}`))));
    }
    if (group.quotes.length > 3 && group.id) {
      card.appendChild(el("a", { href: "/?actor=" + encodeURIComponent(group.id), className: "more-link" },
        `all ${group.quotes.length} quotes →`));
    }
    return card;
  }

  // -- discrepancies (or, without the link stage, every reported figure) --------
  async function loadDiscrepancies(link) {
    const body = $("discrepancies").tBodies[0];
    try {
      clear(body);
      const found = link.discrepancies ? await api("/api/discrepancies", { limit: 200 }) : null;
      if (found && found.items.length) {
        // "compatible" figures (at least 27 / 29) fit one number: consistent reports, not a disagreement.
        const consistent = found.items.filter((d) => d.kind === "compatible").length;
        const disagreeing = found.items.length - consistent;
        const more = found.total > found.items.length ? "+" : "";
        $("discrepancies-count").textContent = NG.plural(disagreeing, "disagreement") + more
          + (consistent ? `, ${NG.plural(consistent, "consistent report")}` : "");
        $("discrepancies-note").textContent = "The same fact reported with different figures, by source and outlet; "
          + "figures that one number fits are marked consistent.";
        for (const d of found.items) appendDiscrepancy(body, d, found.articles || {});
        return;
      }
      const r = await api("/api/claims", { limit: 200 });
      $("discrepancies-count").textContent = NG.plural(r.total, "figure");
      $("discrepancies-note").textContent = (found ? "No conflicting figures found across articles"
        : "Cross-article comparison is not installed") + "; showing every reported figure with who gave it, "
        + "so figures can be read side by side.";
      if (!r.items.length) body.appendChild(emptyRow("No figures reported."));
      const sorted = [...r.items].sort((a, b) => `${a.measure}|${a.about}`.localeCompare(`${b.measure}|${b.about}`));
      let last = null;
      for (const c of sorted) {
        const key = `${c.measure}|${c.about}`;
        body.appendChild(reportRow(key !== last ? whatCell(c.measure, c.about, null, null) : el("td"), c, c.idx));
        last = key;
      }
    } catch (error) {
      NG.errorNote($("discrepancies-note"), error);
    }
  }

  function emptyRow(text) {
    return el("tr", {}, el("td", { colspan: 5, className: "empty" }, text));
  }

  function whatCell(measure, about, date, type, kind, place) {
    return el("td", { className: "what" }, el("strong", {}, measure), about ? ` · ${about}` : "",
      place ? ` in ${place}` : "",
      date ? el("div", { className: "muted" }, NG.fmtDate(date)) : null,
      type ? NG.typeChip(type) : null,
      kind ? el("span", { className: `badge kind-${kind}` },
        kind === "compatible" ? "consistent reports" : kind.replace("_", " ")) : null);
  }

  function reportRow(first, report, claimIdx) {
    const who = report.attributed_to ? report.attributed_to.text : null;
    return el("tr", {}, first,
      el("td", { className: "figure" }, NG.fmtFigure(report)),
      el("td", {}, who || el("span", { className: "muted" }, "not attributed")),
      el("td", {}, report.outlet || el("span", { className: "muted" }, "—")),
      el("td", {}, NG.articleLink(report.article, `${NG.fmtDate(report.published)} ›`, `claim-${claimIdx}`)));
  }

  function appendDiscrepancy(body, d, articles) {
    d.reports.forEach((report, i) => {
      const first = i === 0 ? whatCell(d.measure, d.about, d.date, d.event_type, d.kind, d.place) : el("td");
      if (i === 0) first.setAttribute("rowspan", String(d.reports.length));
      if (!report.published && articles[report.article]) report.published = articles[report.article].published;
      const row = reportRow(first, report, report.claim);
      if (i !== 0) row.removeChild(row.firstChild);
      row.classList.add(i === 0 ? "group-start" : "group-cont");
      body.appendChild(row);
    });
  }

  // -- articles ----------------------------------------------------------------
  async function loadArticles(more) {
    const body = $("articles").tBodies[0];
    if (!more) { state.articleOffset = 0; clear(body); }
    try {
      const r = await api("/api/articles", { q: $("search-q").value, limit: 25, offset: state.articleOffset });
      $("articles-count").textContent = NG.plural(r.total, "article");
      for (const a of r.items) {
        body.appendChild(el("tr", {},
          el("td", { className: "date" }, NG.fmtDate(a.published)),
          el("td", {}, a.title ? NG.articleLink(a.id, a.title)
            : el("em", { className: "untitled" }, NG.articleLink(a.id, "Untitled article")),
            a.snippet ? el("div", { className: "snippet" }, a.snippet) : null),
          el("td", {}, a.outlet || "—"),
          el("td", { className: "num" }, NG.fmtNumber(a.counts.events)),
          el("td", { className: "num" }, NG.fmtNumber(a.counts.quotes)),
          el("td", { className: "num" }, NG.fmtNumber(a.counts.claims))));
      }
      if (!r.total) body.appendChild(el("tr", {}, el("td", { colspan: 6, className: "empty" }, "No articles found.")));
      state.articleOffset += r.items.length;
      $("articles-more").hidden = state.articleOffset >= r.total;
    } catch (error) {
      body.appendChild(el("tr", {}, el("td", { colspan: 6, className: "error" }, error.message)));
    }
  }

  return { loadQuotes, loadDiscrepancies, loadArticles };
})();
