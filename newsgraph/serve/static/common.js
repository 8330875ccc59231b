/* newsgraph — helpers shared by every page.
 *
 * Safety rule for all of newsgraph's pages: data from the API (titles, names,
 * quotes, article text) only ever enters the page as text — through el()'s
 * string children (text nodes), textContent or setAttribute on harmless
 * attributes — never as HTML. No innerHTML anywhere.
 */
"use strict";

const NG = (() => {
  const TYPE_COLORS = {
    // verbal cooperation: blues
    AGREE: "#1f78b4", CONSULT: "#6baed6", SUPPORT: "#08519c", CONCEDE: "#9ecae1",
    // material cooperation: greens
    COOPERATE: "#238b45", AID: "#74c476", RETREAT: "#b5b82a",
    // verbal conflict: oranges
    REQUEST: "#fdae6b", ACCUSE: "#f16913", REJECT: "#c8963e", THREATEN: "#d94801",
    // material conflict: reds and purples
    PROTEST: "#dd3497", SANCTION: "#ae017e", MOBILIZE: "#6a51a3", COERCE: "#cb181d", ASSAULT: "#7f0000",
    INVESTIGATE: "#737373",
  };
  const TYPES = Object.keys(TYPE_COLORS);
  const TYPE_GROUPS = [
    ["Verbal cooperation", ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]],
    ["Material cooperation", ["COOPERATE", "AID", "RETREAT"]],
    ["Verbal conflict", ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]],
    ["Material conflict", ["PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]],
    ["Other", ["INVESTIGATE"]],
  ];
  const STATUSES = ["asserted", "negated", "hypothetical", "future", "demanded"];
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /** Create an element. attrs: {className, id, href, title, text, dataset:{}, ...attributes};
   *  children: strings (become text nodes), nodes, or null/undefined (skipped). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key === "dataset") Object.assign(node.dataset, value);
      else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else if (key === "href") node.setAttribute("href", safeHref(value));
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Only http(s) links and local paths; anything else (javascript:, data:) becomes "#". */
  function safeHref(value) {
    const text = String(value);
    if (text.startsWith("/") && !text.startsWith("//")) return text;
    if (text.startsWith("#") || text.startsWith("?")) return text;
    try {
      const url = new URL(text, location.href);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : "#";
    } catch (e) {
      return "#";
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** GET /api/... with query parameters; resolves to JSON or rejects with the API's message. */
  async function api(path, params) {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") query.set(key, value);
    }
    const url = path + (query.toString() ? "?" + query : "");
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || response.statusText);
    return body;
  }

  /** "2023-09-19" → "19 Sep 2023"; "2023-09" → "Sep 2023"; null → "undated". */
  function fmtDate(value) {
    if (!value) return "undated";
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
    if (!m) return value;
    if (m[3]) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
    if (m[2]) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
    return m[1];
  }

  function fmtNumber(value) {
    if (value === null || value === undefined) return "";
    return Number(value).toLocaleString("en-GB", { maximumFractionDigits: 2 });
  }

  /** A claim or report as an analyst reads it: "at least 1,000", "1,000–5,000". */
  function fmtFigure(item) {
    const value = fmtNumber(item.value);
    switch (item.qualifier) {
      case "at_least": return `at least ${value}`;
      case "at_most": return `at most ${value}`;
      case "about": return `about ${value}`;
      case "range": return `${value}–${fmtNumber(item.value_max)}`;
      default: return item.value_max !== null && item.value_max !== undefined
        ? `${value}–${fmtNumber(item.value_max)}` : value;
    }
  }

  function textColorOn(hex) {
    const n = parseInt(hex.slice(1), 16);
    const lum = (0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
    return lum > 0.6 ? "#1b1b1b" : "#ffffff";
  }

  function typeColor(type) {
    return TYPE_COLORS[type] || "#999999";
  }

  /** A coloured chip naming a PLOVER type. */
  function typeChip(type, extra) {
    const chip = el("span", { className: "chip type-chip", title: `PLOVER type ${type}` }, type, extra || null);
    chip.style.backgroundColor = typeColor(type);
    chip.style.color = textColorOn(typeColor(type));
    return chip;
  }

  function actorName(id, names) {
    return (names && names[id]) || id;
  }

  /** A link that filters the dashboard by this actor. */
  function actorLink(id, names) {
    return el("a", { href: "/?actor=" + encodeURIComponent(id), className: "actor-link", title: id },
      actorName(id, names));
  }

  /** The id as one path segment: "/" is encoded too, so "a/../b" is not a dot-segment the
   *  browser would resolve away before asking the server (ids "." and ".." alone cannot be
   *  addressed by path at all). */
  function idSegment(id) {
    return encodeURIComponent(id);
  }

  function articleHref(id, anchor) {
    return "/articles/" + idSegment(id) + (anchor ? "#" + anchor : "");
  }

  /** What to call an article in a list: its outlet, else its title, else "untitled article"
   *  (a raw id such as "scrape-000417" tells a reader nothing). */
  function articleLabel(info, max) {
    const a = info || {};
    return a.outlet || (a.title ? shorten(a.title, max || 80) : "untitled article");
  }

  /** Quote content between one pair of marks: when the span already carries its own opening
   *  or closing mark, those are dropped first, so it never reads ““…””. */
  function quoted(text) {
    const bare = String(text).trim().replace(/^[“"«„‹]\s*/, "").replace(/\s*[”"»“›]$/, "");
    return `“${bare}”`;
  }

  function articleLink(id, label, anchor) {
    return el("a", { href: articleHref(id, anchor), className: "article-link", title: id }, label || id);
  }

  function plural(n, word, many) {
    return `${fmtNumber(n)} ${n === 1 ? word : (many || word + "s")}`;
  }

  function shorten(text, max) {
    const flat = String(text || "").replace(/\s+/g, " ").trim();
    return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
  }

  function errorNote(container, error) {
    append(clear(container), [el("p", { className: "error" }, "Could not load: " + error.message)]);
  }

  return {
    TYPE_COLORS, TYPES, TYPE_GROUPS, STATUSES, el, append, clear, api, fmtDate, fmtNumber, fmtFigure,
    typeColor, typeChip, textColorOn, actorName, actorLink, idSegment, articleHref, articleLabel, articleLink, plural, shorten, quoted,
    errorNote, safeHref,
  };
})();
