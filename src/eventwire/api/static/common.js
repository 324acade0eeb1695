/* Shared helpers for the dashboard: PLOVER palette, API fetch, HTML escaping, shared state. */
"use strict";
window.EW = (function () {
  // Cooperative types in blues/greens, conflictual ones in oranges/reds, so the map reads at a glance.
  const TYPE_COLORS = {
    AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#4daf4a", CONCEDE: "#80b1d3",
    COOPERATE: "#377eb8", AID: "#17becf", RETREAT: "#a6cee3", REQUEST: "#984ea3",
    ACCUSE: "#e6ab02", REJECT: "#b15928", THREATEN: "#ff7f00", PROTEST: "#f781bf",
    SANCTION: "#8c564b", MOBILIZE: "#fb9a99", COERCE: "#e7298a", ASSAULT: "#d62728",
  };
  const TYPES = Object.keys(TYPE_COLORS);

  function color(type) { return TYPE_COLORS[type] || "#5b6b8c"; }

  function esc(value) {
    return String(value == null ? "" : value).replace(/[&<>"']/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  async function api(path, params) {
    const query = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => {
      if (v !== "" && v != null) query.set(k, v);
    });
    const url = "/api/" + path + (query.toString() ? "?" + query : "");
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) {
      const err = (body && body.error) || {};
      throw new Error((err.code || response.status) + ": " + (err.message || "request failed"));
    }
    return body;
  }

  function actorLabel(actor) {
    if (!actor) return "";
    return actor.name || actor.text || actor.id || "";
  }

  function placeLabel(loc) {
    if (!loc) return "";
    return [loc.name || loc.text, loc.country].filter(Boolean).join(", ");
  }

  const listeners = [];
  // The filters every view shares; views call EW.setFilters to change them and all redraw.
  const state = { filters: {}, offset: 0, limit: 50, selected: null };

  function setFilters(changes) {
    Object.assign(state.filters, changes);
    Object.keys(state.filters).forEach((k) => { if (!state.filters[k]) delete state.filters[k]; });
    state.offset = 0;
    listeners.forEach((fn) => fn(state.filters));
  }

  function onFilters(fn) { listeners.push(fn); }

  return { TYPES, color, esc, api, actorLabel, placeLabel, state, setFilters, onFilters };
})();
