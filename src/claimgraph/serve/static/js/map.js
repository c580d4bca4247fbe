/* Map: resolved places and event locations as pins on Natural Earth country outlines (leaflet, offline).
 * Unresolved places are listed beside the map, never placed at a guessed point. */
"use strict";

(async () => {
  const detail = document.getElementById("map-detail");
  const unresolvedList = document.getElementById("unresolved");
  const places = await CG.loadList("/api/places", "map-status", "places");
  if (places === null) return;

  for (const p of places.unresolved) {
    const events = p.event_count ? ` · ${p.event_count} event${p.event_count === 1 ? "" : "s"}` : "";
    unresolvedList.append(CG.el("li", { class: "unresolved-place" },
      CG.el("a", { href: "/entities/" + encodeURIComponent(p.id) }, p.name), " ",
      CG.el("span", { class: "muted" }, (p.reason || "unresolved") + events)));
  }
  if (!places.unresolved.length) unresolvedList.append(CG.el("li", { class: "muted" }, "none"));

  const nEvents = places.features.reduce((n, f) => n + f.properties.event_count, 0);
  CG.setStatus("map-status", `${places.total} places on the map (${nEvents} events), ${places.unresolved.length} unresolved.`);
  if (typeof L === "undefined") {
    CG.setStatus("map-status", "The map library is missing: run `make frontend`.", true);
    return;
  }

  const map = L.map("map", { attributionControl: false, worldCopyJump: true, minZoom: 1, maxZoom: 12 });
  map.setView([20, 20], 2);
  try {
    const countries = await CG.fetchJSON("/static/vendor/countries.geojson");
    L.geoJSON(countries, { interactive: false, style: { color: "#9a9a9a", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1 } }).addTo(map);
  } catch (err) {
    CG.setStatus("map-status", "Country outlines missing (run `make frontend`); pins are still shown.", true);
  }

  function describe(feature) {
    const p = feature.properties;
    const box = CG.el("div", { class: "pin-detail" },
      CG.el("h3", {}, CG.el("a", { href: "/entities/" + encodeURIComponent(p.id) }, p.name)),
      CG.el("p", { class: "muted" }, [p.feature, p.admin2, p.admin1, p.country].filter(Boolean).join(", ")),
      CG.el("p", { class: "muted" }, `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)} · ${p.method || "method unknown"}` +
        (p.reason ? " · " + p.reason : "")));
    if (p.events.length) {
      const list = CG.el("ul", { class: "list" });
      for (const ev of p.events) {
        list.append(CG.el("li", { class: "modality-" + ev.modality },
          CG.el("a", { href: "/claims/" + encodeURIComponent(ev.id) }, ev.predicate), ` (${ev.modality}) `,
          ev.evidence ? CG.el("q", {}, ev.evidence) : ""));
      }
      box.append(CG.el("h4", {}, "Events here"), list);
    }
    return box;
  }

  const bounds = [];
  for (const feature of places.features) {
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const isEvent = p.event_count > 0;
    const marker = L.circleMarker([lat, lon], {
      radius: isEvent ? 9 : 6, weight: 2, color: isEvent ? "#8b1a1a" : "#355c7d",
      fillColor: isEvent ? "#e4572e" : "#6c9bd2", fillOpacity: 0.9,
      className: isEvent ? "pin-event" : "pin-place",
    }).addTo(map);
    marker.bindTooltip(CG.el("span", {}, p.name + (isEvent ? ` · ${p.event_count} event${p.event_count === 1 ? "" : "s"}` : "")));
    marker.on("click", () => detail.replaceChildren(describe(feature)));
    bounds.push([lat, lon]);
  }
  if (bounds.length === 1) map.setView(bounds[0], 6);
  else if (bounds.length > 1) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
  window.cgMap = map;
  document.getElementById("map").dataset.ready = "true";
})();
