/* newsgraph highlighter: lay possibly-overlapping spans over a text as nested elements.
 *
 * Spans nest when one contains another (an actor inside a quote). When two
 * spans cross, the later one is cut at the boundary and continues as a second
 * fragment with the same key, so joining a key's fragments always gives back
 * text[start:end]. The text only ever enters the page as text nodes. */
"use strict";

const NGHighlight = (() => {
  /** Sort so that containers come before what they contain. */
  function order(a, b) {
    return a.start - b.start || b.end - a.end || a.priority - b.priority;
  }

  /** Keep only spans that fit the text: integer offsets, non-empty, inside [0, length]. */
  function clean(spans, length) {
    return spans
      .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end))
      .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(length, s.end), part: 0 }))
      .filter((s) => s.start < s.end)
      .sort(order);
  }

  /** Append text, with an empty spacer after each line break so paragraphs breathe (adds no characters). */
  function addText(parent, text) {
    const lines = text.split("\n");
    lines.forEach((line, i) => {
      if (i > 0) {
        parent.appendChild(document.createTextNode("\n"));
        if (lines[i - 1].trim() || line.trim()) parent.appendChild(spacer());
      }
      if (line) parent.appendChild(document.createTextNode(line));
    });
  }

  function spacer() {
    const gap = document.createElement("span");
    gap.className = "line-gap";
    gap.setAttribute("aria-hidden", "true");
    return gap;
  }

  function build(parent, text, from, to, spans, make) {
    let cursor = from;
    let queue = spans;
    while (queue.length) {
      const span = queue[0];
      if (span.start > cursor) addText(parent, text.slice(cursor, span.start));
      const inner = [], rest = [];
      for (const other of queue.slice(1)) {
        if (other.start >= span.end) rest.push(other);
        else if (other.end <= span.end) inner.push(other);
        else {                                   // crosses span's end: cut it in two
          inner.push({ ...other, end: span.end });
          rest.push({ ...other, start: span.end, part: other.part + 1 });
        }
      }
      const node = make(span);
      build(node, text, span.start, span.end, inner, make);
      parent.appendChild(node);
      cursor = span.end;
      queue = rest.sort(order);
    }
    if (to > cursor) addText(parent, text.slice(cursor, to));
  }

  /**
   * Render `text` into `container` with `spans` highlighted.
   * spans: [{start, end, priority, ...}] — priority breaks ties (lower = outer).
   * make(span): returns the element for one span fragment (span.part > 0 for continuations).
   */
  function render(container, text, spans, make) {
    while (container.firstChild) container.removeChild(container.firstChild);
    build(container, text, 0, text.length, clean(spans, text.length), make);
  }

  /**
   * Record offsets count code points (Python str indices); JavaScript strings
   * count UTF-16 units, so every character above U+FFFF (emoji, flags, math
   * letters) shifts later offsets by one. Returns copies of `spans` with
   * start/end in UTF-16 units (`cpStart`/`cpEnd` keep the originals).
   */
  function toUtf16(text, spans) {
    if (!/[\uD800-\uDBFF]/.test(text)) return spans.map((s) => ({ ...s, cpStart: s.start, cpEnd: s.end }));
    const units = [0];
    for (const ch of text) units.push(units[units.length - 1] + ch.length);
    const at = (i) => units[Math.max(0, Math.min(i, units.length - 1))];
    return spans.map((s) => ({ ...s, cpStart: s.start, cpEnd: s.end, start: at(s.start), end: at(s.end) }));
  }

  return { render, toUtf16 };
})();
