/* Dashboard wiring: one filter state drives the map, timeline, network and table together. */
"use strict";
(function () {
  const MAP_LIMIT = 1000;
  const form = document.getElementById("filters");
  const statusEl = document.getElementById("status");

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.classList.toggle("error", Boolean(isError));
  }

  /* Counts by day and type / actor→recipient edges, from the server when it offers them
     (exact, whole store) or else from the mapped sample of events. */
  function timelineRows(stats, events, partial) {
    if (stats && Array.isArray(stats.by_day_type)) return stats.by_day_type;
    if (partial && stats && stats.by_day) {
      // More events match than the sample holds: exact daily totals from the server beat a
      // per-type split of a sample (filter by a type to see that type alone).
      const only = EW.TYPES.includes(EW.state.filters.type) ? EW.state.filters.type : "ALL";
      return Object.entries(stats.by_day).map(([day, count]) => ({ day, type: only, count }));
    }
    const counts = {};
    events.forEach((e) => {
      if (!e.date || e.date.length < 10) return;
      const key = e.date.slice(0, 10) + "|" + e.event_type;
      counts[key] = (counts[key] || 0) + 1;
    });
    return Object.entries(counts).map(([k, count]) => {
      const [day, type] = k.split("|");
      return { day, type, count };
    });
  }

  function edgeRows(stats, events) {
    if (stats && Array.isArray(stats.edges)) return stats.edges;
    const edges = {};
    events.forEach((e) => {
      if (!e.actor || !e.recipient) return;
      const s = e.actor.id || e.actor.name || e.actor.text;
      const t = e.recipient.id || e.recipient.name || e.recipient.text;
      if (!s || !t || s === t) return;
      const key = s + "\u0000" + t;
      edges[key] = edges[key] || { source: s, target: t, source_label: EW.actorLabel(e.actor),
        target_label: EW.actorLabel(e.recipient), count: 0 };
      edges[key].count += 1;
    });
    return Object.values(edges).sort((a, b) => b.count - a.count).slice(0, 40);
  }

  function renderTable(events, total) {
    const tbody = document.querySelector("#events tbody");
    tbody.innerHTML = events.map((e) =>
      `<tr data-id="${EW.esc(e.id)}"><td>${EW.esc(e.date || "")}</td>` +
      `<td><span class="type-pill" style="background:${EW.color(e.event_type)}">${EW.esc(e.event_type)}</span></td>` +
      `<td>${EW.esc(EW.actorLabel(e.actor))}</td><td>${EW.esc(EW.actorLabel(e.recipient))}</td>` +
      `<td>${EW.esc(EW.placeLabel(e.location))}</td><td>${(e.confidence || 0).toFixed(2)}</td>` +
      `<td class="evidence">${EW.esc(e.evidence ? e.evidence.sentence : "")}</td></tr>`).join("");
    const { offset, limit } = EW.state;
    document.getElementById("page").textContent = total ?
      `${offset + 1}–${Math.min(offset + limit, total)} of ${total}` : "no events";
    document.getElementById("prev").disabled = offset === 0;
    document.getElementById("next").disabled = offset + limit >= total;
  }

  async function loadTable() {
    const page = await EW.api("events", { ...EW.state.filters, limit: EW.state.limit, offset: EW.state.offset });
    renderTable(page.events, page.total);
  }

  function renderLegend() {
    const active = EW.state.filters.type;
    document.getElementById("legend").innerHTML = EW.TYPES.map((t) =>
      `<span class="key${t === active ? " on" : ""}" data-type="${t}">` +
      `<span class="swatch" style="background:${EW.color(t)}"></span>${t}</span>`).join("");
  }

  function syncForm() {
    const f = EW.state.filters;
    ["type", "actor", "country", "since", "until", "q"].forEach((name) => {
      form.elements[name].value = f[name] || "";
    });
  }

  async function refresh() {
    syncForm();
    renderLegend();
    setStatus("loading…");
    try {
      const [sample, stats] = await Promise.all([
        EW.api("events", { ...EW.state.filters, limit: MAP_LIMIT, offset: 0 }),
        EW.api("stats", EW.state.filters).catch(() => null),
      ]);
      const mapped = EWMap.show(sample.events);
      await loadTable();
      const partialSample = sample.total > sample.events.length;
      document.getElementById("timeline-note").textContent = partialSample && !EW.state.filters.type ?
        "events per day, all types (pick a type to see it alone)" : "events per day by type";
      EWCharts.timeline(document.getElementById("timeline"),
        timelineRows(stats, sample.events, partialSample),
        (since, until) => EW.setFilters({ since, until }));
      EWCharts.network(document.getElementById("network"), edgeRows(stats, sample.events),
        EW.state.filters.actor, (actor) => EW.setFilters({ actor }));
      const partial = partialSample ?
        ` (map and network: the newest ${sample.events.length}; timeline: all, by day)` : "";
      document.getElementById("table-note").textContent = partial;
      setStatus(`${sample.total} events, ${mapped} on the map${partial}`);
    } catch (err) {
      setStatus(err.message, true);
    }
  }

  function readForm() {
    const data = new FormData(form);
    const filters = {};
    for (const [k, v] of data.entries()) filters[k] = String(v).trim();
    return filters;
  }

  function select(eventId) {
    EW.state.selected = eventId;
    document.querySelectorAll("#events tbody tr").forEach((tr) =>
      tr.classList.toggle("selected", tr.dataset.id === eventId));
    EWDetail.show(eventId);
  }

  async function main() {
    const typeSelect = document.getElementById("f-type");
    EW.TYPES.forEach((t) => typeSelect.add(new Option(t, t)));
    form.addEventListener("submit", (e) => { e.preventDefault(); EW.setFilters(readForm()); });
    document.getElementById("reset").addEventListener("click", () => {
      Object.keys(EW.state.filters).forEach((k) => { EW.state.filters[k] = ""; });
      EW.setFilters({});
    });
    document.getElementById("legend").addEventListener("click", (e) => {
      const key = e.target.closest(".key");
      if (key) EW.setFilters({ type: key.dataset.type === EW.state.filters.type ? "" : key.dataset.type });
    });
    document.querySelector("#events tbody").addEventListener("click", (e) => {
      const row = e.target.closest("tr");
      if (row) select(row.dataset.id);
    });
    document.getElementById("prev").addEventListener("click", () => {
      EW.state.offset = Math.max(0, EW.state.offset - EW.state.limit);
      loadTable().catch((err) => setStatus(err.message, true));
    });
    document.getElementById("next").addEventListener("click", () => {
      EW.state.offset += EW.state.limit;
      loadTable().catch((err) => setStatus(err.message, true));
    });
    EWDetail.init();
    EW.onFilters(refresh);
    try {
      await EWMap.init(select, (country) => EW.setFilters({ country }));
    } catch (err) {
      setStatus("map failed: " + err.message, true);
    }
    await refresh();
    document.body.dataset.ready = "1";
  }

  main();
})();
