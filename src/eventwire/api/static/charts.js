/* Timeline (stacked bars of events per day by type) and actor network (d3-force), plain SVG. */
"use strict";
window.EWCharts = (function () {
  const SVG = "http://www.w3.org/2000/svg"; // XML namespace name, not a network address

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (parent) parent.appendChild(node);
    return node;
  }

  function clear(svg) { while (svg.firstChild) svg.removeChild(svg.firstChild); }

  function size(svg) {
    const box = svg.getBoundingClientRect();
    return { w: Math.max(box.width, 200), h: Math.max(box.height, 120) };
  }

  function message(svg, text) {
    const { w, h } = size(svg);
    el("text", { x: w / 2, y: h / 2, "text-anchor": "middle", class: "axis" }, svg).textContent = text;
  }

  /* rows: [{day: "YYYY-MM-DD", type, count}]; onDay(day) narrows the date filter to that day. */
  function timeline(svg, rows, onDay) {
    clear(svg);
    if (!rows.length) { message(svg, "no dated events"); return; }
    const { w, h } = size(svg);
    const pad = { l: 30, r: 6, t: 6, b: 18 };
    const days = [...new Set(rows.map((r) => r.day))].sort();
    const totals = {};
    rows.forEach((r) => { totals[r.day] = (totals[r.day] || 0) + r.count; });
    const max = Math.max(...Object.values(totals));
    const bw = (w - pad.l - pad.r) / days.length;
    const y = (v) => (h - pad.b - pad.t) * v / max;
    const stack = {};
    rows.slice().sort((a, b) => EW.TYPES.indexOf(a.type) - EW.TYPES.indexOf(b.type)).forEach((r) => {
      const x = pad.l + days.indexOf(r.day) * bw;
      const below = stack[r.day] || 0;
      const bar = el("rect", {
        class: "bar", x: x + 0.5, width: Math.max(bw - 1, 1), y: h - pad.b - y(below + r.count),
        height: Math.max(y(r.count), 0.5), fill: EW.color(r.type), "data-day": r.day,
      }, svg);
      el("title", {}, bar).textContent = r.day + " " + r.type + ": " + r.count;
      bar.addEventListener("click", () => onDay(r.day));
      stack[r.day] = below + r.count;
    });
    el("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", class: "axis" }, svg).textContent = max;
    el("text", { x: pad.l - 4, y: h - pad.b, "text-anchor": "end", class: "axis" }, svg).textContent = 0;
    const ticks = Math.min(days.length, Math.floor((w - pad.l) / 80));
    for (let i = 0; i < ticks; i += 1) {
      const idx = Math.round(i * (days.length - 1) / Math.max(ticks - 1, 1));
      el("text", { x: pad.l + idx * bw + bw / 2, y: h - 4, "text-anchor": "middle", class: "axis" },
        svg).textContent = days[idx];
    }
  }

  /* edges: [{source, source_label, target, target_label, count}]; onActor(id) filters by actor. */
  function network(svg, edges, selected, onActor) {
    clear(svg);
    if (!edges.length) { message(svg, "no actor → recipient pairs"); return; }
    const { w, h } = size(svg);
    const nodes = new Map();
    edges.forEach((e) => {
      [[e.source, e.source_label], [e.target, e.target_label]].forEach(([id, label]) => {
        const node = nodes.get(id) || { id, label, weight: 0 };
        node.weight += e.count;
        nodes.set(id, node);
      });
    });
    const list = [...nodes.values()];
    const links = edges.map((e) => ({ source: e.source, target: e.target, count: e.count }));
    const maxCount = Math.max(...edges.map((e) => e.count));
    el("defs", {}, svg).innerHTML =
      '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" ' +
      'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10z" fill="#8a94a6"></path></marker>';
    const lines = links.map((l) => el("line", {
      class: "edge", "stroke-width": 1 + 5 * l.count / maxCount, "marker-end": "url(#arrow)",
    }, svg));
    const groups = list.map((n) => {
      const g = el("g", { class: "node" + (n.id === selected ? " on" : ""), "data-id": n.id }, svg);
      el("circle", { r: 4 + Math.sqrt(n.weight) * 2, fill: n.id === selected ? "#c2410c" : "#5b7fd6" }, g);
      el("text", { x: 8, y: 3 }, g).textContent = n.label;
      el("title", {}, g).textContent = n.label + " (" + n.weight + " events)";
      g.addEventListener("click", () => onActor(n.id));
      return g;
    });
    const radius = (n) => 4 + Math.sqrt(n.weight) * 2;
    const sim = d3.forceSimulation(list)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(110))
      .force("charge", d3.forceManyBody().strength(-420))
      .force("collide", d3.forceCollide().radius((n) => radius(n) + 14))
      .force("x", d3.forceX(w / 2).strength(0.05))
      .force("y", d3.forceY(h / 2).strength(0.08))
      .stop();
    // Settle the layout up front: a still picture is easier to read (and to test) than a dance.
    for (let i = 0; i < 300; i += 1) sim.tick();
    const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
    list.forEach((n) => { n.x = clamp(n.x, 12, w - 90); n.y = clamp(n.y, 12, h - 12); });
    links.forEach((l, i) => {
      // Stop the arrow at the target's rim so the head stays visible.
      const dx = l.target.x - l.source.x;
      const dy = l.target.y - l.source.y;
      const len = Math.hypot(dx, dy) || 1;
      const cut = radius(l.target) + 2;
      lines[i].setAttribute("x1", l.source.x); lines[i].setAttribute("y1", l.source.y);
      lines[i].setAttribute("x2", l.target.x - dx * cut / len);
      lines[i].setAttribute("y2", l.target.y - dy * cut / len);
    });
    list.forEach((n, i) => groups[i].setAttribute("transform", `translate(${n.x},${n.y})`));
  }

  return { timeline, network };
})();
