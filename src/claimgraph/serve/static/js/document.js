/* Document view: hovering or clicking a highlighted span shows what was extracted there. */
"use strict";

(async () => {
  const textBox = document.getElementById("doc-text");
  const body = document.getElementById("inspector-body");
  const empty = document.getElementById("inspector-empty");
  if (!textBox || !body) return;
  let data;
  try {
    data = await CG.fetchJSON("/documents/" + encodeURIComponent(textBox.dataset.doc) + "?format=json");
  } catch (err) {
    body.replaceChildren(CG.el("p", { class: "error-text" }, String(err.message)));
    return;
  }
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  let pinned = null;

  function show(span) {
    const parts = [];
    for (const id of (span.dataset.entities || "").split(" ").filter(Boolean)) {
      const ent = entities.get(id);
      if (ent) parts.push(CG.el("p", { class: "inspected-entity" }, CG.entityLink(ent), " · " + ent.type + (ent.kind ? " · " + ent.kind : "")));
    }
    for (const id of (span.dataset.claims || "").split(" ").filter(Boolean)) {
      const claim = claims.get(id);
      if (claim) parts.push(CG.claimCard(claim));
    }
    empty.hidden = parts.length > 0;
    body.replaceChildren(...parts);
  }

  textBox.addEventListener("mouseover", (event) => {
    const span = event.target.closest("span[data-claims], span[data-entities]");
    if (span && !pinned) show(span);
  });
  textBox.addEventListener("click", (event) => {
    const span = event.target.closest("span[data-claims], span[data-entities]");
    if (pinned) pinned.classList.remove("pinned");
    pinned = span && span !== pinned ? span : null;
    if (pinned) { pinned.classList.add("pinned"); show(pinned); }
  });
})();
