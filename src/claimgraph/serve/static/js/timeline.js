/* Timeline: one row per event; a bar spans exactly the period the text states
 * (a day, a month, a year, or an after/before interval). Open ends are drawn
 * faded, never extended to invented dates. */
"use strict";

(async () => {
  const data = await CG.loadList("/api/events", "timeline-status", "events");
  if (data === null) return;
  const box = document.getElementById("timeline");
  const undated = document.getElementById("undated");
  const evidence = document.getElementById("evidence-body");
  const DAY = 86400000;
  const toMs = (iso) => (iso ? Date.parse(iso + "T00:00:00Z") : null);

  const dated = [];
  for (const ev of data.items) {
    const b = ev.bounds;
    if (!b || (!b.start && !b.end)) {
      undated.append(CG.el("li", {}, CG.el("a", { href: "/claims/" + encodeURIComponent(ev.id) }, ev.predicate),
        " ", CG.el("span", { class: "muted" }, label(ev))));
      continue;
    }
    dated.push({ ev, start: toMs(b.start), end: toMs(b.end) });
  }
  if (!undated.children.length) undated.append(CG.el("li", { class: "muted" }, "none"));
  const more = data.total > data.items.length ? ` (first ${data.items.length} of ${data.total})` : "";
  CG.setStatus("timeline-status", `${dated.length} dated events, ${data.items.length - dated.length} undated${more}.`);
  if (!dated.length) return;

  function label(ev) {
    const names = (refs) => refs.map((r) => r.name).join(", ") || "?";
    return `${names(ev.sources)} → ${names(ev.targets)}${ev.location ? " @ " + ev.location.name : ""}`;
  }

  // Open sides get a stub as long as 1/12 of the visible span, drawn faded.
  const known = dated.flatMap((d) => [d.start, d.end]).filter((x) => x !== null);
  let lo = Math.min(...known), hi = Math.max(...known);
  if (hi - lo < 30 * DAY) { lo -= 15 * DAY; hi += 15 * DAY; }
  const stub = (hi - lo) / 12;
  for (const d of dated) {
    if (d.start === null) d.start = d.end - stub;
    if (d.end === null) d.end = d.start + stub;
  }
  lo = Math.min(lo, ...dated.map((d) => d.start));
  hi = Math.max(hi, ...dated.map((d) => d.end));
  const pad = (hi - lo) * 0.02;
  lo -= pad; hi += pad;
  const pct = (ms) => ((ms - lo) / (hi - lo)) * 100;

  // axis: a tick per year, or per month when the span is short
  const axis = CG.el("div", { class: "axis" });
  const first = new Date(lo), last = new Date(hi);
  const monthly = hi - lo < 3 * 365 * DAY;
  let tick = monthly ? Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1) : Date.UTC(first.getUTCFullYear() + 1, 0, 1);
  let guard = 0;
  while (tick < last.getTime() && guard++ < 400) {
    const t = new Date(tick);
    const mark = CG.el("span", { class: "tick" + (t.getUTCMonth() === 0 ? " year" : "") },
      monthly ? (t.getUTCMonth() === 0 ? String(t.getUTCFullYear()) : t.toISOString().slice(5, 7)) : String(t.getUTCFullYear()));
    mark.style.left = pct(tick) + "%";
    axis.append(mark);
    tick = monthly ? Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) : Date.UTC(t.getUTCFullYear() + 1, 0, 1);
  }
  box.append(CG.el("div", { class: "row axis-row" }, CG.el("div", { class: "row-label" }, ""), CG.el("div", { class: "track" }, axis)));

  dated.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const d of dated) {
    const ev = d.ev, b = ev.bounds;
    const classes = ["bar", "modality-" + ev.modality, "prec-" + b.precision];
    if (b.open_start) classes.push("open-start");
    if (b.open_end) classes.push("open-end");
    if (ev.contested) classes.push("contested");
    const when = CG.dateText(ev) + (b.end_is_publication ? " (open; drawn to the publication date)" : "");
    const bar = CG.el("button", { type: "button", class: classes.join(" "), title: `${ev.predicate} · ${when}`,
      "aria-label": `${ev.predicate} ${when}`, dataset: { claim: ev.id } });
    bar.style.left = pct(d.start) + "%";
    bar.style.width = Math.max(0.25, pct(d.end) - pct(d.start)) + "%";
    bar.style.backgroundColor = CG.colour(ev.predicate);
    bar.addEventListener("click", () => {
      evidence.replaceChildren(CG.claimCard(ev));
    });
    const row = CG.el("div", { class: "row" },
      CG.el("div", { class: "row-label" }, CG.el("b", {}, ev.predicate), " ", label(ev),
        CG.el("span", { class: "muted" }, " · " + CG.dateText(ev))),
      CG.el("div", { class: "track" }, bar));
    box.append(row);
  }
  box.dataset.ready = "true";
})();
