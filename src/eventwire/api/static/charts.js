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

  const DAY_MS = 86400000;
  const dayNum = (iso) => Math.floor(Date.parse(iso + "T00:00:00Z") / DAY_MS);
  const isoDay = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

  /* Buckets on a true time axis: days when the range is short, months when it is long. */
  function buckets(rows) {
    const nums = rows.map((r) => dayNum(r.day));
    const span = Math.max(...nums) - Math.min(...nums);
    const monthly = span > 120;
    const key = (day) => (monthly ? day.slice(0, 7) : day);
    const keys = [];
    if (monthly) {
      let [y, m] = rows.map((r) => r.day).sort()[0].slice(0, 7).split("-").map(Number);
      const last = rows.map((r) => r.day).sort().pop().slice(0, 7);
      for (;;) {
        const k = `${y}-${String(m).padStart(2, "0")}`;
        keys.push(k);
        if (k >= last) break;
        m += 1; if (m > 12) { m = 1; y += 1; }
      }
    } else {
      for (let n = Math.min(...nums); n <= Math.max(...nums); n += 1) keys.push(isoDay(n));
    }
    const counts = {};
    rows.forEach((r) => {
      const k = key(r.day) + "|" + r.type;
      counts[k] = (counts[k] || 0) + r.count;
    });
    const cells = Object.entries(counts).map(([k, count]) => {
      const [bucket, type] = k.split("|");
      return { bucket, type, count };
    });
    return { keys, cells, monthly };
  }

  /* rows: [{day: "YYYY-MM-DD", type, count}]; onRange(since, until) narrows the date filter. */
  function timeline(svg, rows, onRange) {
    clear(svg);
    if (!rows.length) { message(svg, "no dated events"); return; }
    const { w, h } = size(svg);
    const pad = { l: 30, r: 6, t: 6, b: 18 };
    const { keys, cells, monthly } = buckets(rows);
    const index = new Map(keys.map((k, i) => [k, i]));
    const totals = {};
    cells.forEach((c) => { totals[c.bucket] = (totals[c.bucket] || 0) + c.count; });
    const max = Math.max(...Object.values(totals));
    const bw = (w - pad.l - pad.r) / keys.length;
    const y = (v) => (h - pad.b - pad.t) * v / max;
    const stack = {};
    cells.sort((a, b) => EW.TYPES.indexOf(a.type) - EW.TYPES.indexOf(b.type)).forEach((c) => {
      const x = pad.l + index.get(c.bucket) * bw;
      const below = stack[c.bucket] || 0;
      const bar = el("rect", {
        class: "bar", x: x + 0.5, width: Math.max(bw - 1, 1), y: h - pad.b - y(below + c.count),
        height: Math.max(y(c.count), 0.5), fill: EW.color(c.type), "data-bucket": c.bucket,
      }, svg);
      el("title", {}, bar).textContent = c.bucket + " " + c.type + ": " + c.count;
      bar.addEventListener("click", () => onRange(c.bucket, c.bucket));
      stack[c.bucket] = below + c.count;
    });
    el("text", { x: pad.l - 4, y: pad.t + 8, "text-anchor": "end", class: "axis" }, svg).textContent = max;
    el("text", { x: pad.l - 4, y: h - pad.b, "text-anchor": "end", class: "axis" }, svg).textContent = 0;
    const ticks = Math.max(2, Math.min(keys.length, Math.floor((w - pad.l) / (monthly ? 60 : 80))));
    for (let i = 0; i < ticks; i += 1) {
      const idx = Math.round(i * (keys.length - 1) / Math.max(ticks - 1, 1));
      el("text", { x: pad.l + idx * bw + bw / 2, y: h - 4, "text-anchor": "middle", class: "axis" },
        svg).textContent = keys[idx];
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
    const lines = links.map((l) => {
      const line = el("path", {
        class: "edge", "stroke-width": 1 + 5 * l.count / maxCount, "marker-end": "url(#arrow)",
      }, svg);
      el("title", {}, line).textContent = `${l.count} event${l.count === 1 ? "" : "s"}`;
      return line;
    });
    // Label the busiest actors only (the rest have a tooltip): names must stay readable.
    const labelled = new Set(list.slice().sort((a, b) => b.weight - a.weight).slice(0, 14)
      .map((n) => n.id).concat(selected ? [selected] : []));
    const groups = list.map((n) => {
      const g = el("g", { class: "node" + (n.id === selected ? " on" : ""), "data-id": n.id }, svg);
      el("circle", { r: 4 + Math.sqrt(n.weight) * 2, fill: n.id === selected ? "#c2410c" : "#5b7fd6" }, g);
      if (labelled.has(n.id)) el("text", { x: 8, y: 3 }, g).textContent = n.label;
      el("title", {}, g).textContent = n.label + " (" + n.weight + " events)";
      g.addEventListener("click", () => onActor(n.id));
      return g;
    });
    const radius = (n) => 4 + Math.sqrt(n.weight) * 2;
    const sim = d3.forceSimulation(list)
      // Spacing scales with the room per node so a crowded network still fits the box.
      .force("link", d3.forceLink(links).id((d) => d.id)
        .distance(Math.min(110, 0.9 * Math.sqrt(w * h / list.length))))
      .force("charge", d3.forceManyBody().strength(-Math.min(420, w * h / (list.length * 20))))
      .force("collide", d3.forceCollide().radius((n) => radius(n) + (labelled.has(n.id) ? 14 : 4)))
      .force("x", d3.forceX(w / 2).strength(0.05))
      .force("y", d3.forceY(h / 2).strength(0.08))
      .stop();
    // Settle the layout up front: a still picture is easier to read (and to test) than a dance.
    for (let i = 0; i < 300; i += 1) sim.tick();
    // Fit the settled layout into the box (scaling down only), rather than clamping nodes
    // onto the border where they would pile up.
    const xs = list.map((n) => n.x);
    const ys = list.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min(1, (w - 110) / ((x1 - x0) || 1), (h - 30) / ((y1 - y0) || 1));
    const ox = (w - 80 - (x1 - x0) * scale) / 2;
    const oy = (h - (y1 - y0) * scale) / 2;
    list.forEach((n) => { n.x = ox + (n.x - x0) * scale; n.y = oy + (n.y - y0) * scale; });
    links.forEach((l, i) => {
      // A gentle curve (always bending to the same side of the direction of travel) keeps
      // A→B and B→A apart; the arrow stops at the target's rim so its head stays visible.
      const dx = l.target.x - l.source.x;
      const dy = l.target.y - l.source.y;
      const cx = (l.source.x + l.target.x) / 2 - dy * 0.15;
      const cy = (l.source.y + l.target.y) / 2 + dx * 0.15;
      const ex = l.target.x - cx;
      const ey = l.target.y - cy;
      const elen = Math.hypot(ex, ey) || 1;
      const cut = radius(l.target) + 2;
      lines[i].setAttribute("d", `M${l.source.x},${l.source.y} Q${cx},${cy} ` +
        `${l.target.x - ex * cut / elen},${l.target.y - ey * cut / elen}`);
    });
    list.forEach((n, i) => groups[i].setAttribute("transform", `translate(${n.x},${n.y})`));
  }

  return { timeline, network };
})();
