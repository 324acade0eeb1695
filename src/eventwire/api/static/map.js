/* Map view: bundled Natural Earth country outlines (no tile server), clustered event markers. */
"use strict";
window.EWMap = (function () {
  let map = null;
  let clusters = null;
  let countriesLayer = null;

  async function init(onSelect, onCountry) {
    map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 })
      .setView([25, 20], 2);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Country outlines: Natural Earth");
    const topo = await (await fetch("/static/vendor/world-atlas/countries-110m.json")).json();
    const countries = topojson.feature(topo, topo.objects.countries);
    countriesLayer = L.geoJSON(countries, {
      style: (feature) => ({ color: "#9aa5b1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1,
        className: "ew-country ew-c" + feature.id }),
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(EW.esc(feature.properties.name) + " <small>(click to filter)</small>",
          { sticky: true, direction: "top" });
        // world-atlas ids are ISO 3166 numeric codes, which the API accepts as a country
        layer.on("click", () => onCountry(feature.id || feature.properties.name));
      },
    }).addTo(map);
    clusters = L.markerClusterGroup({
      maxClusterRadius: 40, showCoverageOnHover: false, chunkedLoading: true,
      iconCreateFunction: clusterIcon,
    });
    clusters.on("click", (e) => onSelect(e.layer.options.eventId));
    map.addLayer(clusters);
  }

  /* A cluster is a pie of its events' PLOVER types, so mixed areas read as mixed. */
  function clusterIcon(cluster) {
    const counts = {};
    cluster.getAllChildMarkers().forEach((m) => {
      counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
    });
    const total = cluster.getChildCount();
    let angle = 0;
    const stops = EW.TYPES.filter((t) => counts[t]).map((t) => {
      const from = angle;
      angle += 360 * counts[t] / total;
      return `${EW.color(t)} ${from}deg ${angle}deg`;
    });
    const size = total < 10 ? 30 : total < 100 ? 36 : 44;
    return L.divIcon({
      html: `<div class="ew-pie" style="background: conic-gradient(${stops.join(", ")})">` +
        `<span>${total}</span></div>`,
      className: "marker-cluster ew-cluster", iconSize: L.point(size, size),
    });
  }

  function show(events) {
    if (!clusters) return;
    clusters.clearLayers();
    const markers = [];
    events.forEach((ev) => {
      const loc = ev.location;
      if (!loc || loc.lat == null || loc.lon == null) return;
      const marker = L.circleMarker([loc.lat, loc.lon], {
        radius: 6, color: "#222", weight: 0.8, fillColor: EW.color(ev.event_type),
        fillOpacity: 0.9, eventId: ev.id, eventType: ev.event_type, className: "ew-marker ew-" + ev.event_type,
      });
      marker.bindTooltip(EW.esc(ev.event_type + ": " + (EW.actorLabel(ev.actor) || "?") +
        " → " + (EW.actorLabel(ev.recipient) || "?") + " (" + EW.placeLabel(loc) + ")"));
      markers.push(marker);
    });
    clusters.addLayers(markers);
    if (markers.length) map.fitBounds(clusters.getBounds().pad(0.5), { maxZoom: 5, animate: false });
    return markers.length;
  }

  return { init, show };
})();
