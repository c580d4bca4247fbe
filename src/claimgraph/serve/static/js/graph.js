/* Network view: actors as nodes, relations and events as edges (cytoscape.js, vendored from npm).
 * Colour = type, line style = modality (denied dashed, alleged dotted), width = claim count.
 * Clicking an edge lists the claims behind it with their evidence sentences. */
"use strict";

(async () => {
  const data = await CG.loadList("/api/graph", "graph-status", "the graph");
  if (data === null) return;
  const evidenceBody = document.getElementById("evidence-body");
  const evidenceEmpty = document.getElementById("evidence-empty");

  async function showClaims(title, claimIds) {
    evidenceEmpty.hidden = true;
    evidenceBody.replaceChildren(CG.el("p", { class: "muted" }, "Loading evidence…"));
    try {
      const ids = claimIds.slice(0, 100).join(",");
      const result = await CG.fetchJSON("/claims?format=json&limit=100&ids=" + encodeURIComponent(ids));
      evidenceBody.replaceChildren(CG.el("h3", { class: "evidence-title" }, title), ...result.items.map(CG.claimCard));
    } catch (err) {
      evidenceBody.replaceChildren(CG.el("p", { class: "error-text" }, err.message));
    }
  }

  function edgeTitle(edge, names) {
    return `${names.get(edge.source)} — ${edge.predicate} → ${names.get(edge.target)} (${edge.modality}, ${edge.claim_count} claim${edge.claim_count === 1 ? "" : "s"})`;
  }

  const names = new Map(data.nodes.map((n) => [n.id, n.label]));
  const list = document.getElementById("edge-list");
  for (const edge of data.edges) {
    const button = CG.el("button", { type: "button", class: "linklike modality-" + edge.modality }, edgeTitle(edge, names));
    button.addEventListener("click", () => showClaims(edgeTitle(edge, names), edge.claim_ids));
    list.append(CG.el("li", {}, button));
  }

  const shown = data.edges.length < data.total_edges ? ` (first ${data.edges.length} of ${data.total_edges} edges)` : "";
  CG.setStatus("graph-status", `${data.nodes.length} actors, ${data.total_edges} ties${shown}.`);
  if (!data.nodes.length) {
    CG.setStatus("graph-status", "No actors match these filters.");
    return;
  }
  if (typeof cytoscape === "undefined") {
    CG.setStatus("graph-status", "The network drawing library is missing: run `make frontend` (the edge list below still works).", true);
    return;
  }

  const TYPE_COLOURS = { Person: "#4a6fa5", Organization: "#b5651d", Location: "#3d8b5a", Agreement: "#7a5195" };
  const elements = [
    ...data.nodes.map((n) => ({ data: { id: n.id, label: n.label, type: n.type || "?", claims: n.claim_count,
      colour: TYPE_COLOURS[n.type] || "#888" } })),
    ...data.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, predicate: e.predicate,
      modality: e.modality, claims: e.claim_count, colour: CG.colour(e.predicate), claim_ids: e.claim_ids } })),
  ];
  const cy = cytoscape({
    container: document.getElementById("cy"),
    elements,
    wheelSensitivity: 0.3,
    minZoom: 0.1,
    maxZoom: 1.6, // a fit on a handful of nodes must not blow labels up

    style: [
      { selector: "node", style: { label: "data(label)", "background-color": "data(colour)", color: "#222",
        "font-size": 11, "text-valign": "bottom", "text-margin-y": 4, "text-wrap": "wrap", "text-max-width": 140,
        width: "mapData(claims, 0, 20, 18, 46)", height: "mapData(claims, 0, 20, 18, 46)" } },
      { selector: "edge", style: { width: "mapData(claims, 1, 10, 2, 8)", "line-color": "data(colour)",
        "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier",
        label: "data(predicate)", "font-size": 9, color: "#555", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1 } },
      { selector: 'edge[modality = "denied"]', style: { "line-style": "dashed" } },
      { selector: 'edge[modality = "alleged"]', style: { "line-style": "dotted" } },
      { selector: ":selected", style: { "overlay-color": "#ffcc00", "overlay-opacity": 0.35 } },
    ],
    layout: { name: "cose", animate: false, randomize: false, padding: 40, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 600000, idealEdgeLength: () => 140, edgeElasticity: () => 80, nodeOverlap: 40,
      componentSpacing: 120, gravity: 0.5 },
  });
  cy.on("tap", "edge", (event) => {
    const d = event.target.data();
    showClaims(edgeTitle({ ...d, claim_count: d.claims }, names), d.claim_ids);
  });
  cy.on("tap", "node", async (event) => {
    const node = event.target.data();
    evidenceEmpty.hidden = true;
    const link = CG.el("a", { href: "/entities/" + encodeURIComponent(node.id) }, "open the entity page ›");
    evidenceBody.replaceChildren(CG.el("h3", {}, node.label), CG.el("p", {}, node.type + " · " + node.claims + " claims · ", link));
  });
  window.cgGraph = cy; // for tests and the browser console
  document.getElementById("cy").dataset.ready = "true";
})();
