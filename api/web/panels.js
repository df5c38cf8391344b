// The side panels: search hits, an entity's profile, and provenance down to the sentence.

import { api, button, el, filled, text, words } from "./api.js";
const reportsLine = (item) => `${item.report_count ?? item.reports?.length ?? 0} report(s)`
  + (item.first_seen ? `, ${item.first_seen} to ${item.last_seen}` : "");

export function renderHits(list, result, onPick) {
  list.replaceChildren(...result.hits.map((hit) => el("li", {},
    button(hit.name, () => onPick(hit), `add ${hit.name} to the chart and open the profile`),
    el("span", { class: "kind" }, ` ${hit.label}`),
    el("div", { class: "why" }, `matched ${hit.matched} (${hit.score.toFixed(2)}) · ${reportsLine(hit)}`))));
  if (!result.hits.length) list.replaceChildren(el("li", {}, "nothing visible to your agency matches"));
}

function marked(sentence) {
  const parts = [];
  let at = 0;
  [...sentence.marks].sort((a, b) => a[0] - b[0]).forEach(([start, end]) => {
    if (start < at) return;
    parts.push(text(sentence.text.slice(at, start)), el("mark", {}, sentence.text.slice(start, end)));
    at = end;
  });
  parts.push(text(sentence.text.slice(at)));
  return el("blockquote", { class: "sentence" }, parts);
}

export async function openReport(id) {
  const report = await api(`/reports/${encodeURIComponent(id)}`);
  const dialog = document.getElementById("report-dialog");
  document.getElementById("report-title").textContent = `${report.title || "untitled report"} (${report.date || "undated"})`;
  document.getElementById("report-text").replaceChildren(el("pre", {}, report.text || "the text of this report was not kept"));
  dialog.showModal();
}

function says(said) {
  const entries = filled(said);
  return entries.length ? el("p", { class: "says" }, `says: ${entries.map(([k, v]) => `${k} ${[v].flat().join(", ")}`).join("; ")}`) : "";
}

export function renderEvidence(panel, heading, evidence) {
  const items = evidence.supports.map((s) => el("li", { class: "support" },
    el("strong", {}, s.title || "untitled report"), ` ${s.date || ""} `,
    button("Open report", () => openReport(s.report).catch((e) => alert(e.message)), "read the whole report (audited)"),
    says(s.says), ...s.sentences.map(marked)));
  panel.replaceChildren(el("h2", {}, heading), el("ol", { class: "evidence" }, items));
}

// An entity's properties (but its name) as a definition list.
export function propertyList(properties) {
  return el("dl", {}, filled(properties, ["name"]).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, [v].flat().join(", "))]));
}

export function renderProfile(panel, profile, actions) {
  const entity = profile.entity;
  const facts = profile.facts.map((f) => el("li", {},
    `${f.direction === "out" ? "" : "← "}${words(f.relationship.type)} `,
    button(f.other.name, () => actions.open(f.other), `${f.other.label}: add to the chart and open`),
    el("span", { class: "kind" }, ` ${f.other.label} `),
    button("why?", () => actions.edgeEvidence(f.relationship), "the reports and sentences behind this tie")));
  panel.replaceChildren(
    el("h2", {}, entity.name), el("p", { class: "kind" }, `${entity.label} · ${reportsLine(entity)}`),
    propertyList(entity.properties),
    el("p", {}, button("Sources", () => actions.nodeEvidence(entity), "the reports and sentences behind this entity"),
      " ", button("Expand", () => actions.expand(entity.uid), "add its neighbours to the chart"),
      " ", button("Timeline", () => actions.timeline(entity.uid), "its incidents and reports in date order")),
    el("h3", {}, `Facts (${profile.total_facts})`), el("ul", { class: "facts" }, facts));
}
