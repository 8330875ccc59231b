/* newsgraph article page: the text with its evidence highlighted, a details
 * panel for the selected record, and the record lists with links into the text.
 * Anchors: #event-N, #quote-N, #claim-N, #timex-N, #actor-A-M, #boilerplate-N. */
"use strict";

(() => {
  const { el, append, clear } = NG;
  const $ = (id) => document.getElementById(id);
  const LAYERS = [  // [layer, label, priority: lower = drawn outside]
    ["boilerplate", "Page furniture (not article)", 0],
    ["quote", "Quotes", 1],
    ["claim", "Figures", 2],
    ["timex", "Time expressions", 3],
    ["actor", "Actors", 4],
    ["cue", "Reporting verbs", 5],
    ["event", "Event triggers", 6],
  ];
  const PRIORITY = Object.fromEntries(LAYERS.map(([layer, , p]) => [layer, p]));
  let record = null;
  const byKey = new Map();

  function articleId() {
    // one encoded segment (see NG.idSegment); older links with raw "/" decode the same way
    return decodeURIComponent(location.pathname.replace(/^\/articles\//, ""));
  }

  function spansOf(rec) {
    const spans = [];
    const add = (layer, key, start, end, item, label) =>
      spans.push({ layer, key, start, end, item, label, priority: PRIORITY[layer] });
    rec.boilerplate.forEach(([s, e], i) =>
      add("boilerplate", `boilerplate-${i}`, s, e, { start: s, end: e }, "Page furniture"));
    rec.quotes.forEach((q, i) => {
      add("quote", `quote-${i}`, q.content.start, q.content.end, q, `Quote (${q.kind})`);
      if (q.cue) add("cue", `cue-${i}`, q.cue.start, q.cue.end, q, `Reporting verb of quote ${i}`);
    });
    rec.claims.forEach((c, i) =>
      add("claim", `claim-${i}`, c.span.start, c.span.end, c, `Figure: ${c.measure} ${NG.fmtFigure(c)}`));
    rec.timexes.forEach((t, i) => add("timex", `timex-${i}`, t.start, t.end, t, `${t.type} ${t.value}`));
    rec.actors.forEach((a, ai) => a.mentions.forEach(([s, e], mi) =>
      add("actor", `actor-${ai}-${mi}`, s, e, a, `${a.name} (${a.id})`)));
    rec.events.forEach((ev, i) =>
      add("event", `event-${i}`, ev.trigger.start, ev.trigger.end, ev, `Event: ${ev.type}`));
    return spans;
  }

  function makeMark(span) {
    const node = el("mark", {
      className: `hl hl-${span.layer}`, title: span.label, tabindex: span.part ? null : "0",
      id: span.part ? null : span.key, dataset: { key: span.key, layer: span.layer, start: span.cpStart, end: span.cpEnd },
    });
    if (span.part) node.dataset.part = String(span.part);
    if (span.layer === "event") {
      node.style.borderBottomColor = NG.typeColor(span.item.type);
      node.style.backgroundColor = NG.typeColor(span.item.type) + "33";
    }
    return node;
  }

  function select(key, scroll) {
    const span = byKey.get(key);
    if (!span) return;
    document.querySelectorAll(".hl.selected").forEach((n) => n.classList.remove("selected"));
    document.querySelectorAll(`.hl[data-key="${CSS.escape(key)}"]`).forEach((n) => n.classList.add("selected"));
    showDetails(span);
    if (scroll) {
      const target = document.getElementById(key);
      if (target) target.scrollIntoView({ block: "center" });
    }
  }

  /** text[start:end] with Python (code point) offsets, whatever characters the text holds. */
  function cpSlice(start, end) {
    if (!/[\uD800-\uDBFF]/.test(record.text)) return record.text.slice(start, end);
    return Array.from(record.text).slice(start, end).join("");
  }

  function row(label, ...value) {
    return el("tr", {}, el("th", {}, label), el("td", {}, ...value));
  }

  function argList(args) {
    if (!args || !args.length) return el("span", { className: "muted" }, "—");
    return args.flatMap((a, i) => [i ? "; " : "", a.actor ? NG.actorLink(a.actor, names()) : a.text,
      a.actor ? el("span", { className: "muted" }, ` “${a.text}”`) : null]);
  }

  function names() {
    return Object.fromEntries(record.actors.map((a) => [a.id, a.name]));
  }

  function who(speaker) {
    if (!speaker) return "—";
    return speaker.actor ? NG.actorLink(speaker.actor, names()) : speaker.text;
  }

  function place(location) {
    if (!location) return "—";
    return location.country ? `${location.name} (${location.country})` : location.name;
  }

  function magnitudes(event) {
    return [event.dead, event.injured, event.size].map((v) => (v === null ? "—" : NG.fmtNumber(v))).join(" / ");
  }

  function detailRows(span) {
    const x = span.item;
    switch (span.layer) {
      case "event": return [
        row("Type", NG.typeChip(x.type), x.mode ? ` ${x.mode}` : ""), row("Trigger", x.trigger.text),
        row("Who", argList(x.source)), row("Whom", argList(x.target)),
        row("Date", NG.fmtDate(x.date)), row("Status", x.status), row("Where", place(x.location)),
        row("Dead / injured / size", magnitudes(x)), row("Sentence", cpSlice(x.sentence[0], x.sentence[1]))];
      case "quote": case "cue": return [
        row("Kind", x.kind), row("Speaker", who(x.speaker)), row("As written", x.speaker ? x.speaker.text : "—"),
        row("Cue", x.cue ? x.cue.text : "—"), row("Content", x.content.text)];
      case "claim": return [
        row("Measure", x.measure), row("Figure", NG.fmtFigure(x)), row("About", x.about || "—"),
        row("Given by", x.attributed_to ? x.attributed_to.text : "not attributed"),
        row("Event", x.event === null || x.event === undefined ? "—"
          : jump(`event-${x.event}`, `event ${x.event} (${(record.events[x.event] || {}).type || "?"})`)),
        row("Phrase", x.span.text)];
      case "timex": return [row("Type", x.type), row("Value", x.value), row("Text", x.text)];
      case "actor": return [
        row("Name", NG.actorLink(x.id, names())), row("Id", x.id), row("Kind", x.kind || "—"),
        row("Country", x.country || "—"), row("Sector", x.sector || "—"), row("Role", x.role || "—"),
        row("Mentions here", String(x.mentions.length)), row("This mention", cpSlice(span.start, span.end))];
      default: return [
        row("Removed", "Navigation, share counters, ads and similar page furniture: not analysed."),
        row("Text", cpSlice(x.start, x.end))];
    }
  }

  function showDetails(span) {
    $("details-title").textContent = span.label;
    append(clear($("details-body")), [el("table", { className: "kv" }, detailRows(span)),
      el("p", { className: "muted" }, `Characters ${span.start}–${span.end} · `,
        el("a", { href: `#${span.key}` }, "link to this highlight"))]);
    const json = $("details-json");
    json.hidden = false;
    json.textContent = JSON.stringify(span.item, null, 2);
  }

  function layerToggles(spans) {
    const box = $("layers");
    const counts = {};
    for (const s of spans) counts[s.layer] = (counts[s.layer] || 0) + 1;
    append(box, [el("span", { className: "legend-title" }, "Highlight")]);
    for (const [layer, label] of LAYERS) {
      const input = el("input", { type: "checkbox", checked: true, id: `layer-${layer}`, dataset: { layer } });
      input.addEventListener("change", () => $("article-text").classList.toggle(`hide-${layer}`, !input.checked));
      box.appendChild(el("label", { className: `layer layer-${layer}` }, input,
        el("span", { className: `swatch hl hl-${layer}` }, label),
        el("span", { className: "count" }, String(counts[layer] || 0))));
    }
  }

  function recordTable(title, headers, rows) {
    if (!rows.length) return null;
    const head = el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h))));
    return el("section", { className: "panel" },
      el("div", { className: "panel-head" }, el("h2", {}, title), el("span", { className: "count" }, String(rows.length))),
      el("table", { className: "data" }, head, el("tbody", {}, rows)));
  }

  function jump(key, label) {
    return el("a", { href: `#${key}`, on: { click: (ev) => { ev.preventDefault(); select(key, true); } } }, label);
  }

  function recordLists(rec) {
    const box = clear($("records"));
    const n = names();
    const args = (list) => (list || []).map((a) => (a.actor ? n[a.actor] || a.actor : a.text)).join(", ") || "—";
    const speaker = (q) => (q.speaker ? (q.speaker.actor ? n[q.speaker.actor] || q.speaker.actor : q.speaker.text) : "—");
    const td = (...content) => el("td", {}, ...content);
    append(box, [
      recordTable("Events", ["Trigger", "Type", "Who", "Whom", "Date", "Status"], rec.events.map((e, i) =>
        el("tr", { id: `row-event-${i}` }, el("td", { className: "trigger-cell" }, jump(`event-${i}`, e.trigger.text)),
          td(NG.typeChip(e.type)),
          td(args(e.source)), td(args(e.target)), td(NG.fmtDate(e.date)), td(e.status)))),
      recordTable("Quotes", ["Speaker", "Quote", "Kind"], rec.quotes.map((q, i) =>
        el("tr", { id: `row-quote-${i}` }, td(speaker(q)), td(jump(`quote-${i}`, NG.shorten(q.content.text, 180))),
          td(q.kind)))),
      recordTable("Figures", ["Figure", "Measure", "About", "Given by"], rec.claims.map((c, i) =>
        el("tr", { id: `row-claim-${i}` }, td(jump(`claim-${i}`, NG.fmtFigure(c))), td(c.measure), td(c.about || "—"),
          td(c.attributed_to ? c.attributed_to.text : "—")))),
      recordTable("Actors", ["Name", "Id", "Kind", "Country", "Mentions"], rec.actors.map((a, ai) =>
        el("tr", {}, td(a.mentions.length ? jump(`actor-${ai}-0`, a.name) : a.name),
          td(NG.actorLink(a.id, { [a.id]: a.id })), td(a.kind), td(a.country || "—"),
          el("td", { className: "num" }, String(a.mentions.length))))),
      recordTable("Time expressions", ["Text", "Type", "Value"], rec.timexes.map((t, i) =>
        el("tr", {}, td(jump(`timex-${i}`, t.text)), td(t.type), td(t.value)))),
    ]);
  }

  function meta(rec) {
    const parts = [];
    if (rec.outlet) parts.push(el("strong", {}, rec.outlet));
    if (rec.published) {
      parts.push(NG.fmtDate(rec.published) + (rec.published_source ? ` (date from ${rec.published_source})` : ""));
    }
    if (rec.author) parts.push(`by ${rec.author}`);
    if (rec.url) parts.push(el("a", { href: rec.url, rel: "noopener noreferrer", target: "_blank" }, "original page"));
    parts.push(el("span", { className: "muted" }, `id ${rec.id} · ${NG.fmtNumber([...rec.text].length)} characters`));
    return parts.flatMap((p, i) => (i ? [" · ", p] : [p]));
  }

  async function start() {
    const id = articleId();
    $("json-link").setAttribute("href", "/api/articles/" + NG.idSegment(id));
    try {
      record = await NG.api("/api/articles/" + NG.idSegment(id));
    } catch (error) {
      $("article-title").textContent = "Could not load this article";
      $("article-meta").textContent = error.message;
      return;
    }
    document.title = `newsgraph — ${record.title || "untitled article " + record.id}`;
    $("article-title").textContent = record.title || "Untitled article";
    if (!record.title) $("article-title").classList.add("untitled");
    append(clear($("article-meta")), meta(record));
    if (record.warnings && record.warnings.length) {
      $("article-warnings").textContent = `Notes: ${record.warnings.join("; ")}`;
    }
    const spans = spansOf(record);
    for (const s of spans) byKey.set(s.key, s);
    layerToggles(spans);
    NGHighlight.render($("article-text"), record.text, NGHighlight.toUtf16(record.text, spans), makeMark);
    $("article-text").addEventListener("click", (ev) => {
      const mark = ev.target.closest(".hl");
      if (mark) select(mark.dataset.key, false);
    });
    $("article-text").addEventListener("focusin", (ev) => {
      const mark = ev.target.closest(".hl");
      if (mark) select(mark.dataset.key, false);
    });
    recordLists(record);
    if (location.hash.length > 1) select(decodeURIComponent(location.hash.slice(1)), true);
    window.addEventListener("hashchange", () => select(decodeURIComponent(location.hash.slice(1)), true));
    document.body.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
