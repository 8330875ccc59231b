/* newsgraph dashboard: filters, timeline, network, quotes, figures, articles.
 * Every panel reads the API with the current filters; the filters live in the
 * page URL (?actor=AZE&type=ASSAULT&since=2023-09-01) so a view can be shared. */
"use strict";

(() => {
  const { el, append, clear, api } = NG;
  const $ = (id) => document.getElementById(id);
  const state = { filters: {}, link: { timeline: false, discrepancies: false }, actorIds: {}, names: {}, articleInfo: {} };
  const FILTER_KEYS = ["actor", "type", "status", "since", "until"];

  // -- filters ----------------------------------------------------------------
  function readUrl() {
    const params = new URLSearchParams(location.search);
    const filters = {};
    for (const key of FILTER_KEYS) if (params.get(key)) filters[key] = params.get(key);
    return filters;
  }

  function writeForm(filters) {
    $("f-actor").value = filters.actor || "";
    $("f-type").value = filters.type || "";
    $("f-status").value = filters.status || "";
    $("f-since").value = fullDate(filters.since, false);
    $("f-until").value = fullDate(filters.until, true);
  }

  /** A <input type=date> needs a whole day: "2023-09" becomes the 1st (or last) of the month. */
  function fullDate(value, end) {
    if (!value) return "";
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    if (/^\d{4}-\d{2}$/.test(value)) {
      const [y, m] = value.split("-").map(Number);
      return end ? `${value}-${String(new Date(y, m, 0).getDate()).padStart(2, "0")}` : `${value}-01`;
    }
    if (/^\d{4}$/.test(value)) return end ? `${value}-12-31` : `${value}-01-01`;
    return "";
  }

  function readForm() {
    const typed = $("f-actor").value.trim();
    const filters = {
      actor: state.actorIds[typed.toLowerCase()] || typed,
      type: $("f-type").value, status: $("f-status").value,
      since: $("f-since").value, until: $("f-until").value,
    };
    for (const key of FILTER_KEYS) if (!filters[key]) delete filters[key];
    return filters;
  }

  function applyFilters(filters) {
    state.filters = filters;
    const query = new URLSearchParams(filters).toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
    writeForm(filters);
    showSummary();
    document.body.dataset.loading = "true";
    return Promise.all([loadTimeline(), loadNetwork(), NGPanels.loadQuotes(state.filters)])
      .finally(() => { document.body.dataset.loading = "false"; });
  }

  function showSummary() {
    const f = state.filters;
    const parts = [];
    if (f.actor) parts.push(["actor", state.names[f.actor] || f.actor]);
    if (f.type) parts.push(["type", f.type]);
    if (f.status) parts.push(["status", f.status]);
    if (f.since) parts.push(["from", NG.fmtDate(f.since)]);
    if (f.until) parts.push(["to", NG.fmtDate(f.until)]);
    const box = clear($("filter-summary"));
    if (!parts.length) return append(box, ["Showing everything"]);
    append(box, ["Showing ", ...parts.map(([k, v]) => el("span", { className: "pill" }, `${k}: ${v}`))]);
  }

  // -- header: stats, legend, form options -------------------------------------
  async function loadStats() {
    const stats = await api("/api/stats");
    state.link = stats.link || state.link;
    const c = stats.counts;
    const range = stats.published.first
      ? `${NG.fmtDate(stats.published.first)} – ${NG.fmtDate(stats.published.last)}` : "no dates";
    const cards = [
      ["Articles", NG.fmtNumber(c.articles)], ["Outlets", NG.fmtNumber(stats.outlets.length)],
      ["Events", NG.fmtNumber(c.events)], ["Actors", NG.fmtNumber(c.actors)],
      ["Quotes", NG.fmtNumber(c.quotes)], ["Figures", NG.fmtNumber(c.claims)], ["Published", range],
    ];
    append(clear($("stats")), cards.map(([label, value]) =>
      el("div", { className: "stat" }, el("span", { className: "stat-value" }, value),
        el("span", { className: "stat-label" }, label))));
    return stats;
  }

  function buildLegend(counts) {
    const box = clear($("legend"));
    append(box, [el("span", { className: "legend-title" }, "Event types")]);
    for (const [group, types] of NG.TYPE_GROUPS) {
      const chips = types.map((t) => {
        const chip = NG.typeChip(t, counts[t] ? ` ${counts[t]}` : null);
        chip.classList.add("clickable");
        if (!counts[t]) chip.classList.add("absent");
        chip.setAttribute("role", "button");
        chip.setAttribute("tabindex", "0");
        chip.title = `${t}: ${counts[t] || 0} events — click to show only this type`;
        chip.addEventListener("click", () => applyFilters({ ...state.filters, type: t }));
        return chip;
      });
      append(box, [el("span", { className: "legend-group" }, el("span", { className: "legend-label" }, group), chips)]);
    }
  }

  async function loadActorOptions() {
    const result = await api("/api/actors", { limit: 500, sort: "mentions" });
    state.names = {};
    const list = clear($("actor-options"));
    for (const actor of result.items) {
      state.names[actor.id] = actor.name;
      state.actorIds[actor.name.toLowerCase()] = actor.id;
      const label = `${actor.name} — ${NG.plural(actor.counts.events, "event")}`;
      list.appendChild(el("option", { value: actor.id, label }));
    }
  }

  // -- timeline ----------------------------------------------------------------
  function groupEvents(events) {
    const groups = new Map();
    for (const e of events) {
      const ids = (role) => (e[role] || []).map((a) => a.actor || a.text).sort();
      const src = ids("source"), dst = ids("target");
      const key = src.length || dst.length ? [e.date, e.type, e.status, src.join(","), dst.join(",")].join("|")
        : `${e.article}|${e.idx}`;
      if (!groups.has(key)) {
        groups.set(key, { type: e.type, date: e.date, status: e.status, source: src, target: dst, mentions: [],
          articles: [], sentence: e.sentence_text, triggerAt: e.trigger.start - e.sentence[0], location: e.location });
      }
      const g = groups.get(key);
      g.mentions.push({ article: e.article, event: e.idx, trigger: e.trigger });
      if (!g.articles.includes(e.article)) g.articles.push(e.article);
      state.articleInfo[e.article] = { title: e.article_title, outlet: e.outlet, published: e.published };
    }
    return [...groups.values()];
  }

  const NOTES = {
    linked: "Each row is one real-world event, merged across every article that reports it.",
    unlinked: "Cross-article linking is not installed: events with the same date, type and actors are grouped; "
      + "sources count the articles of each group.",
    notYet: "No linked event clusters match (has this store been linked? run `newsgraph link`); showing the "
      + "events themselves, grouped by date, type and actors.",
  };

  async function linkedEntries(f) {
    const r = await api("/api/timeline", { actor: f.actor, type: f.type, since: f.since, until: f.until, limit: 500 });
    Object.assign(state.articleInfo, r.articles || {});
    let entries = r.items.map((e) => ({ ...e, sentence: e.sentence_text, triggerAt: e.trigger_at }));
    if (f.status) entries = entries.filter((e) => !e.status || e.status === f.status);
    return { entries, names: r.actor_names };
  }

  async function groupedEntries(f) {
    const r = await api("/api/events", { ...f, limit: 500 });
    return { entries: groupEvents(r.items), names: r.actor_names };
  }

  async function loadTimeline() {
    const body = $("timeline").tBodies[0];
    const f = state.filters;
    try {
      let found = state.link.timeline ? await linkedEntries(f) : null;
      let note = NOTES.linked;
      if (!found || !found.entries.length) {
        const grouped = await groupedEntries(f);
        if (!found || grouped.entries.length) {
          note = found ? NOTES.notYet : NOTES.unlinked;
          found = grouped;
        }
      }
      const { entries, names } = found;
      $("timeline-note").textContent = note;
      $("timeline-count").textContent = NG.plural(entries.length, "event");
      renderBars(entries);
      clear(body);
      if (!entries.length) {
        body.appendChild(el("tr", {}, el("td", { colspan: 5, className: "empty" }, "No events match these filters.")));
      }
      let lastDate = null;
      for (const entry of entries) {
        body.appendChild(timelineRow(entry, names, entry.date !== lastDate));
        lastDate = entry.date;
      }
    } catch (error) {
      NG.errorNote($("timeline-note"), error);
    }
  }

  function parties(ids, names) {
    const links = ids.map((id) => (names && names[id]) || /^[A-Z]{3}$|:/.test(id) ? NG.actorLink(id, names)
      : el("span", { className: "unresolved", title: "not resolved to a known actor" }, id));
    return links.flatMap((node, i) => (i ? [", ", node] : [node]));
  }

  /** "France → Azerbaijan"; a side nobody was found for is said in words, and an event with no
   *  actor at all says so once (never "unidentified → unidentified"). */
  function whoCell(entry, names) {
    const src = entry.source || [], dst = entry.target || [];
    if (!src.length && !dst.length) {
      return el("td", { className: "who" }, el("span", { className: "muted", title: "no actor identified" },
        "no actors named"));
    }
    const none = (role) => el("span", { className: "muted", title: `no ${role} identified` }, `no ${role} named`);
    return el("td", { className: "who" }, src.length ? parties(src, names) : none("source"),
      el("span", { className: "arrow" }, " → "), dst.length ? parties(dst, names) : none("target"));
  }

  /** One link per article (its first mention), labelled by outlet, else title; two articles of
   *  one outlet are told apart by date (or a number), so a row never reads "BFM TV BFM TV". */
  function sourceLinks(entry) {
    const box = el("div", { className: "source-links" });
    const firsts = [];
    for (const m of entry.mentions) if (!firsts.some((f) => f.article === m.article)) firsts.push(m);
    const labels = firsts.map((m) => NG.articleLabel(state.articleInfo[m.article], 24));
    const seen = new Map();
    firsts.slice(0, 4).forEach((m, i) => {
      let label = labels[i];
      if (labels.filter((l) => l === label).length > 1) {
        const info = state.articleInfo[m.article] || {};
        const n = (seen.get(label) || 0) + 1;
        seen.set(label, n);
        label += info.published ? `, ${NG.fmtDate(info.published)}` : ` (${n})`;
      }
      box.appendChild(NG.articleLink(m.article, label, `event-${m.event}`));
    });
    if (firsts.length > 4) box.appendChild(el("span", { className: "muted" }, ` +${firsts.length - 4}`));
    return box;
  }

  function timelineRow(entry, names, newDate) {
    const dateText = entry.date_end && entry.date_end !== entry.date
      ? `${NG.fmtDate(entry.date)} – ${NG.fmtDate(entry.date_end)}` : NG.fmtDate(entry.date);
    const trigger = entry.mentions[0] ? entry.mentions[0].trigger.text : "";
    const what = entry.sentence || entry.summary || trigger;   // the words of a source beat a generated line
    const outlets = new Set(entry.articles.map((a) => (state.articleInfo[a] || {}).outlet).filter(Boolean));
    const sources = el("div", { className: "sources" },
      el("strong", {}, NG.plural(entry.articles.length, "article")),
      outlets.size ? el("span", { className: "muted" }, ` · ${NG.plural(outlets.size, "outlet")}`) : null);
    const statusBadge = entry.status && entry.status !== "asserted"
      ? el("span", { className: `badge status-${entry.status}` }, entry.status) : null;
    return el("tr", { className: newDate ? "timeline-row new-date" : "timeline-row", dataset: { type: entry.type } },
      el("td", { className: "date" }, newDate ? dateText : ""),
      el("td", {}, NG.typeChip(entry.type), statusBadge),
      whoCell(entry, names),
      el("td", { className: "what", title: entry.summary || what }, whatText(entry, what, trigger),
        entry.location && entry.location.name ? el("span", { className: "muted" }, ` · ${entry.location.name}`) : null),
      el("td", {}, sources, sourceLinks(entry)));
  }

  /** The reported sentence (or summary) with the event's trigger in bold, shortened around it. */
  function whatText(entry, what, trigger) {
    const exact = what === entry.sentence && what.slice(entry.triggerAt, entry.triggerAt + trigger.length) === trigger;
    const at = exact ? entry.triggerAt : what.indexOf(trigger);
    if (!trigger || at < 0) return NG.shorten(what, 200);
    const before = what.slice(0, at), after = what.slice(at + trigger.length);
    const head = before.length > 90 ? "…" + before.slice(before.length - 89).replace(/^\S*\s/, "") : before;
    const tail = after.length > 110 ? after.slice(0, 109).replace(/\s\S*$/, "") + "…" : after;
    return [head.replace(/\s+/g, " "), el("strong", { className: "trigger" }, trigger), tail.replace(/\s+/g, " ")];
  }

  function renderBars(entries) {
    const box = clear($("timeline-bars"));
    const byDate = new Map();
    for (const e of entries) {
      if (!e.date) continue;
      const day = byDate.get(e.date) || {};
      day[e.type] = (day[e.type] || 0) + 1;
      byDate.set(e.date, day);
    }
    const dates = [...byDate.keys()].sort();
    if (dates.length < 2) { box.hidden = true; return; }
    box.hidden = false;
    const max = Math.max(...dates.map((d) => Object.values(byDate.get(d)).reduce((a, b) => a + b, 0)));
    const oneYear = new Set(dates.map((d) => d.slice(0, 4))).size === 1 && dates.every((d) => d.length > 4);
    for (const date of dates) {
      const day = byDate.get(date);
      const total = Object.values(day).reduce((a, b) => a + b, 0);
      const title = `${NG.fmtDate(date)}: ${NG.plural(total, "event")} — click to show this day`;
      const bar = el("div", { className: "bar", title, role: "button", tabindex: "0" });
      const stack = el("div", { className: "bar-stack" });
      stack.style.height = `${Math.max(8, Math.round((total / max) * 64))}px`;
      for (const type of NG.TYPES) {
        if (!day[type]) continue;
        const seg = el("div", { className: "bar-seg" });
        seg.style.flexGrow = String(day[type]);
        seg.style.backgroundColor = NG.typeColor(type);
        stack.appendChild(seg);
      }
      const label = oneYear ? NG.fmtDate(date).replace(/ \d{4}$/, "") : NG.fmtDate(date);
      append(bar, [stack, el("span", { className: "bar-label" }, label)]);
      bar.addEventListener("click", () => applyFilters({ ...state.filters, since: date, until: date }));
      box.appendChild(bar);
    }
  }

  // -- network -----------------------------------------------------------------
  async function loadNetwork() {
    const f = state.filters;
    try {
      const data = await api("/api/network", { ...f, max_nodes: 40 });
      const shown = data.nodes.length < data.total_nodes ? ` (top ${data.nodes.length} of ${data.total_nodes})` : "";
      $("network-count").textContent =
        `${NG.plural(data.nodes.length, "actor")}${shown}, ${NG.plural(data.edges.length, "link")}`;
      NGNetwork.draw($("network"), data, {
        focus: f.actor,
        onNode: (id) => applyFilters({ ...state.filters, actor: id }),
      });
      NGNetwork.legend($("node-legend"));
    } catch (error) {
      NG.errorNote($("node-legend"), error);
    }
  }

  // -- start ---------------------------------------------------------------------
  async function start() {
    for (const t of NG.TYPES) $("f-type").appendChild(el("option", { value: t }, t));
    for (const s of NG.STATUSES) $("f-status").appendChild(el("option", { value: s }, s));
    state.names = {};
    $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); applyFilters(readForm()); });
    $("f-reset").addEventListener("click", () => applyFilters({}));
    $("search").addEventListener("submit", (ev) => { ev.preventDefault(); NGPanels.loadArticles(false); });
    $("articles-more").addEventListener("click", () => NGPanels.loadArticles(true));
    try {
      const stats = await loadStats();
      buildLegend(stats.event_types || {});
    } catch (error) {
      NG.errorNote($("stats"), error);
    }
    await loadActorOptions().catch(() => {});
    await Promise.all([applyFilters(readUrl()), NGPanels.loadDiscrepancies(state.link), NGPanels.loadArticles(false)]);
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
