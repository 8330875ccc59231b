/* newsgraph actor network: a small, deterministic force layout drawn in SVG.
 * Nodes are actors (size = events they take part in, colour = kind), arrows go
 * from the acting actor to the one acted on (width = events, colour = most
 * frequent PLOVER type). Names are SVG text nodes, never markup. */
"use strict";

const NGNetwork = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const KIND_COLORS = {
    country: "#2f4b7c", person: "#2a9d8f", igo: "#7b5ea7", organization: "#8d99ae", group: "#e76f51",
  };
  const KIND_LABELS = { country: "Country / government", person: "Person", igo: "Intergovernmental body",
    organization: "Organisation", group: "Group" };
  const HEIGHT = 460;
  const GRAVITY = 0.4;

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value !== null && value !== undefined) node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function radius(node) {
    return 6 + 3.2 * Math.sqrt(node.events || 1);
  }

  /** Fruchterman–Reingold with a fixed start (a circle in degree order), so the same data gives the same picture. */
  function layout(nodes, edges, width, height) {
    const n = nodes.length;
    const index = new Map(nodes.map((d, i) => [d.id, i]));
    nodes.forEach((d, i) => {
      const angle = (2 * Math.PI * i) / Math.max(n, 1);
      d.x = width / 2 + (width / 3) * Math.cos(angle);
      d.y = height / 2 + (height / 3) * Math.sin(angle);
    });
    if (n < 2) { nodes.forEach((d) => { d.x = width / 2; d.y = height / 2; }); return; }
    const k = 0.9 * Math.sqrt((width * height) / n);
    const links = edges.map((e) => [index.get(e.source), index.get(e.target), e.weight]);
    let temperature = width / 8;
    for (let step = 0; step < 350; step++) {
      const dx = new Float64Array(n), dy = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
          let dist = Math.hypot(x, y);
          if (dist < 0.01) { x = 0.01 * (i - j); y = 0.01; dist = 0.02; }
          const force = (k * k) / dist;
          dx[i] += (x / dist) * force; dy[i] += (y / dist) * force;
          dx[j] -= (x / dist) * force; dy[j] -= (y / dist) * force;
        }
      }
      for (const [a, b, w] of links) {
        const x = nodes[a].x - nodes[b].x, y = nodes[a].y - nodes[b].y;
        const dist = Math.max(Math.hypot(x, y), 0.01);
        const force = ((dist * dist) / k) * (1 + Math.log2(1 + w) / 4);
        dx[a] -= (x / dist) * force; dy[a] -= (y / dist) * force;
        dx[b] += (x / dist) * force; dy[b] += (y / dist) * force;
      }
      for (let i = 0; i < n; i++) {
        dx[i] += (width / 2 - nodes[i].x) * GRAVITY * Math.sqrt(n);    // gravity keeps separate groups near the middle
        dy[i] += (height / 2 - nodes[i].y) * GRAVITY * Math.sqrt(n);
        const len = Math.max(Math.hypot(dx[i], dy[i]), 0.01);
        nodes[i].x += (dx[i] / len) * Math.min(len, temperature);
        nodes[i].y += (dy[i] / len) * Math.min(len, temperature);
      }
      temperature *= 0.985;
    }
    fit(nodes, width, height);
  }

  /** Scale uniformly (at most 1.5×) so the drawing fits the box, and centre it. */
  function fit(nodes, width, height) {
    const margin = 48;
    const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((width - 2 * margin - 80) / Math.max(x1 - x0, 1),
      (height - 2 * margin) / Math.max(y1 - y0, 1), 1.5);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    for (const d of nodes) {
      d.x = width / 2 + (d.x - cx) * scale;
      d.y = height / 2 + (d.y - cy) * scale;
    }
  }

  function edgePath(a, b, curved) {
    const dx = b.x - a.x, dy = b.y - a.y;
    const dist = Math.max(Math.hypot(dx, dy), 0.01);
    const ux = dx / dist, uy = dy / dist;
    const bend = curved ? Math.min(40, dist / 4) : 0;
    const mx = (a.x + b.x) / 2 - uy * bend, my = (a.y + b.y) / 2 + ux * bend;
    const sx = a.x + ux * radius(a), sy = a.y + uy * radius(a);
    // end just outside the target circle, along the direction from the control point
    const ex0 = b.x - mx, ey0 = b.y - my, el = Math.max(Math.hypot(ex0, ey0), 0.01);
    const ex = b.x - (ex0 / el) * (radius(b) + 3), ey = b.y - (ey0 / el) * (radius(b) + 3);
    return `M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
  }

  function markers(defs, types) {
    for (const type of types) {
      defs.appendChild(svg("marker", {
        id: `arrow-${type}`, viewBox: "0 0 10 10", refX: 8, refY: 5, markerWidth: 9, markerHeight: 9,
        markerUnits: "userSpaceOnUse", orient: "auto",
      }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: NG.typeColor(type) })));
    }
  }

  function draw(svgEl, data, options) {
    const opts = options || {};
    while (svgEl.firstChild) svgEl.removeChild(svgEl.firstChild);
    const width = Math.max(svgEl.clientWidth || svgEl.parentNode.clientWidth || 640, 320);
    svgEl.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    svgEl.setAttribute("height", String(HEIGHT));
    if (!data.nodes.length) {
      svgEl.appendChild(svg("text", { x: width / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "net-empty" },
        "No actor-to-actor events match these filters."));
      return;
    }
    const nodes = data.nodes.map((d) => ({ ...d }));
    const byId = new Map(nodes.map((d) => [d.id, d]));
    layout(nodes, data.edges, width, HEIGHT);
    const defs = svg("defs");
    markers(defs, [...new Set(data.edges.map((e) => e.dominant))]);
    svgEl.appendChild(defs);
    const pairs = new Set(data.edges.map((e) => `${e.source}\u0000${e.target}`));
    const labelLayer = svg("g", { class: "labels" });   // under the edges, so no arrowhead is hidden
    const pull = new Map(nodes.map((d) => [d.id, 0]));   // > 0: this node's links go mostly downwards
    for (const e of data.edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      const dist = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 0.01);
      pull.set(a.id, pull.get(a.id) + (b.y - a.y) / dist);
      pull.set(b.id, pull.get(b.id) + (a.y - b.y) / dist);
    }
    svgEl.appendChild(labelLayer);
    placeLabels(labelLayer, nodes, pull, width);
    const edgeLayer = svg("g", { class: "edges" });
    const weightLayer = svg("g", { class: "weights" });
    for (const e of data.edges) {
      const a = byId.get(e.source), b = byId.get(e.target);
      const curved = pairs.has(`${e.target}\u0000${e.source}`);
      const breakdown = Object.entries(e.types).map(([t, c]) => `${t} ${c}`).join(", ");
      edgeLayer.appendChild(svg("path", {
        d: edgePath(a, b, curved), class: "edge", fill: "none", stroke: NG.typeColor(e.dominant),
        "stroke-width": (1.2 + 1.8 * Math.log2(1 + e.weight)).toFixed(2), "stroke-opacity": 0.8,
        "marker-end": `url(#arrow-${e.dominant})`, "data-source": e.source, "data-target": e.target,
        "data-weight": e.weight, "data-type": e.dominant,
      }, svg("title", {}, `${a.name} → ${b.name}: ${NG.plural(e.weight, "event")} (${breakdown})`)));
      if (e.weight > 1) {
        const len = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 0.01);
        const nx = -(b.y - a.y) / len, ny = (b.x - a.x) / len;      // unit normal: write beside the line
        const off = (curved ? Math.min(40, len / 4) / 2 : 0) + 9;
        const mx = (a.x + b.x) / 2 + nx * off, my = (a.y + b.y) / 2 + ny * off;
        weightLayer.appendChild(svg("text", { class: "edge-weight", x: mx.toFixed(1), y: (my + 4).toFixed(1),
          "text-anchor": "middle" }, String(e.weight)));
      }
    }
    svgEl.appendChild(edgeLayer);
    svgEl.appendChild(weightLayer);
    const nodeLayer = svg("g", { class: "nodes" });
    for (const d of nodes) {
      const group = svg("g", { class: d.id === opts.focus ? "node focus" : "node", "data-id": d.id, tabindex: 0,
        role: "button", transform: `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})` });
      group.appendChild(svg("circle", { r: radius(d).toFixed(1), fill: KIND_COLORS[d.kind] || "#8d99ae" }));
      group.appendChild(svg("title", {}, `${d.name} (${d.id}) — ${NG.plural(d.events, "event")}: `
        + `${d.out} as source, ${d.in} as target. Click to filter.`));
      if (opts.onNode) {
        group.addEventListener("click", () => opts.onNode(d.id));
        group.addEventListener("keydown", (ev) => { if (ev.key === "Enter") opts.onNode(d.id); });
      }
      nodeLayer.appendChild(group);
    }
    svgEl.appendChild(nodeLayer);
  }

  /** Write each name where it overlaps no other name and no node circle: above or below (on the
   * side its links leave free), then right, left, and one line further out. Busiest actors are
   * placed first; a name with no free place is left off the drawing (its node's tooltip has it). */
  function placeLabels(layer, nodes, pull, width) {
    const taken = nodes.map((d) => ({ x0: d.x - radius(d), x1: d.x + radius(d), y0: d.y - radius(d),
      y1: d.y + radius(d), node: d.id }));
    const hits = (box, skip) => taken.some((t) => t.node !== skip && box.x0 < t.x1 && t.x0 < box.x1
      && box.y0 < t.y1 && t.y0 < box.y1);
    for (const d of [...nodes].sort((a, b) => (b.events || 0) - (a.events || 0) || (a.id < b.id ? -1 : 1))) {
      const text = svg("text", { class: "node-label", "text-anchor": "start" }, NG.shorten(d.name, 28));
      layer.appendChild(text);
      const w = text.getComputedTextLength() + 4, r = radius(d);
      const above = { x: d.x - w / 2, y: d.y - r - 5 }, below = { x: d.x - w / 2, y: d.y + r + 14 };
      const spots = [...(pull.get(d.id) < 0 ? [below, above] : [above, below]),
        { x: d.x + r + 4, y: d.y + 4 }, { x: d.x - r - 4 - w, y: d.y + 4 },
        { x: d.x - w / 2, y: d.y - r - 19 }, { x: d.x - w / 2, y: d.y + r + 28 }];
      const free = spots.map((p) => ({ x0: p.x, x1: p.x + w, y0: p.y - 12, y1: p.y + 3 }))
        .find((box) => box.x0 >= 0 && box.x1 <= width && box.y0 >= 0 && box.y1 <= HEIGHT && !hits(box));
      if (!free) { layer.removeChild(text); continue; }
      text.setAttribute("x", (free.x0 + 2).toFixed(1));
      text.setAttribute("y", (free.y1 - 3).toFixed(1));
      text.dataset.id = d.id;
      taken.push({ ...free, node: null });
    }
  }

  function legend(box) {
    if (box.childNodes.length) return;
    for (const [kind, color] of Object.entries(KIND_COLORS)) {
      const dot = NG.el("span", { className: "dot" });
      dot.style.backgroundColor = color;
      box.appendChild(NG.el("span", { className: "node-kind" }, dot, KIND_LABELS[kind]));
    }
  }

  return { draw, legend, layout, KIND_COLORS };
})();
