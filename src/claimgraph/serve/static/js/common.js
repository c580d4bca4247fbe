/* Shared helpers for the claimgraph UI.
 * Article text is hostile input: every piece of data enters the page through
 * textContent or attribute setters, never innerHTML. */
"use strict";

const CG = (() => {
  /** Build an element: el("a", {href: "/x", class: "y"}, "text", childNode, ...). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function fetchJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const err = body && body.error ? body.error.message : `HTTP ${response.status}`;
      throw new Error(err);
    }
    return body;
  }

  /** The page's own filter parameters, to pass on to the API. */
  function pageParams() {
    const params = new URLSearchParams(window.location.search);
    for (const [key, value] of [...params.entries()]) if (!value || key === "format" || key === "token") params.delete(key);
    return params;
  }

  function entityHref(ref) {
    return "/entities/" + encodeURIComponent(ref.canonical_id || ref.id);
  }

  function entityLink(ref) {
    if (!ref) return el("span", { class: "muted" }, "?");
    return el("a", { href: entityHref(ref), class: "entity type-" + String(ref.type || "none").toLowerCase() }, ref.name);
  }

  function dateText(claim) {
    const d = claim.date;
    if (!d) return "undated";
    if (d.value) return `${d.value} (${d.precision || "date"})`;
    const parts = [];
    if (d.after) parts.push("after " + d.after);
    if (d.before) parts.push("before " + d.before);
    return parts.join(", ") || "undated";
  }

  /** The claim's sentence with its evidence spans highlighted, built node by node. */
  function sentence(claim) {
    const quote = el("blockquote", { class: "sentence" });
    const s = claim.sentence;
    if (!s || s.text === null) return quote;
    const marks = [];
    for (const ev of claim.evidence || []) marks.push([ev.start, ev.end, "evidence modality-" + claim.modality]);
    if (claim.trigger) marks.push([claim.trigger.start, claim.trigger.end, "trigger"]);
    const cuts = new Set([s.start, s.end]);
    for (const [a, b] of marks) { if (a >= s.start && b <= s.end) { cuts.add(a); cuts.add(b); } }
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const text = s.text.slice(a - s.start, b - s.start);
      const classes = marks.filter(([x, y]) => x <= a && b <= y).map((m) => m[2]);
      quote.append(classes.length ? el("span", { class: classes.join(" ") }, text) : document.createTextNode(text));
    }
    return quote;
  }

  function chain(claim) {
    const list = el("ol", { class: "chain" });
    const att = claim.attribution;
    if (!att || !att.chain || !att.chain.length) {
      list.append(el("li", { class: "muted" }, "no attribution recorded"));
      return list;
    }
    for (const sp of att.chain) {
      list.append(el("li", {}, sp.entity_id ? el("a", { href: "/entities/" + encodeURIComponent(sp.entity_id) }, sp.text) : sp.text));
    }
    if (att.cue) list.append(el("li", { class: "cue" }, "“" + att.cue + "”"));
    return list;
  }

  function statement(claim) {
    const p = el("p", { class: "statement" });
    const join = (refs) => refs.length ? refs.flatMap((r, i) => (i ? [", ", entityLink(r)] : [entityLink(r)])) : [el("span", { class: "muted" }, "?")];
    if (claim.kind === "relation") {
      p.append(entityLink(claim.subject), " ", el("b", {}, claim.predicate), claim.role ? ` (${claim.role}) ` : " ", entityLink(claim.object));
    } else {
      p.append(...join(claim.sources), " ", el("b", {}, claim.predicate), " ", ...(claim.targets.length ? join(claim.targets) : []));
      if (claim.location) p.append(" in ", entityLink(claim.location));
    }
    p.append(" · " + dateText(claim));
    const counts = Object.entries(claim.counts || {}).sort();
    if (counts.length) p.append(" · " + counts.map(([k, v]) => `${v} ${k}`).join(", "));
    return p;
  }

  /** A claim card: type, modality, statement, evidence sentence, who says so, source. */
  function claimCard(claim) {
    const classes = ["claim", "modality-" + claim.modality];
    if (claim.contested) classes.push("contested");
    const head = el("header", {},
      el("span", { class: "badge kind" }, claim.kind),
      el("span", { class: "badge predicate" }, claim.predicate + (claim.mode ? " · " + claim.mode : "")),
      el("span", { class: "badge modality m-" + claim.modality }, claim.modality),
      claim.contested ? el("span", { class: "badge contested-flag" }, "contested") : null,
      claim.historical ? el("span", { class: "badge historical" }, "historical") : null,
      el("a", { class: "permalink", href: "/claims/" + encodeURIComponent(claim.id) }, "evidence ›"));
    const doc = claim.document || {};
    const source = el("div", { class: "source muted" }, "from ",
      el("a", { href: "/documents/" + encodeURIComponent(claim.doc_id) }, doc.title || doc.path || claim.doc_id),
      doc.outlet ? " · " + doc.outlet : "", doc.published ? " · " + doc.published : "");
    return el("article", { class: classes.join(" "), dataset: { claim: claim.id } },
      head, statement(claim), sentence(claim), el("div", { class: "said-by" }, "said by ", chain(claim)), source);
  }

  /** Stable colour per type name, so the same predicate looks the same everywhere. */
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];
  function colour(name) {
    let h = 0;
    for (const ch of String(name)) h = (h * 31 + ch.codePointAt(0)) >>> 0;
    return PALETTE[h % PALETTE.length];
  }

  function setStatus(id, text, isError) {
    const node = document.getElementById(id);
    if (!node) return;
    node.textContent = text;
    node.classList.toggle("error-text", Boolean(isError));
  }

  /* The page's query (at most 500 items unless the URL asks otherwise) sent to an API list;
   * on failure the status line says so and the result is null. */
  async function loadList(apiPath, statusId, what) {
    const params = pageParams();
    if (!params.has("limit")) params.set("limit", "500");
    try {
      return await fetchJSON(apiPath + "?" + params.toString());
    } catch (err) {
      setStatus(statusId, "Could not load " + what + ": " + err.message, true);
      return null;
    }
  }

  return { el, fetchJSON, pageParams, entityLink, entityHref, claimCard, dateText, colour, setStatus, loadList };
})();
