// For ILOs: paste a new incident, see the known people, identifiers and networks it touches with
// scores and reasons, keep or drop each, commit it, and see it land on the chart.

import { button, el, post, text } from "./api.js";

function candidateRow(match, candidate, kept) {
  const box = el("input", { type: "checkbox", id: `keep-${candidate.entity.uid}-${match.mention}` });
  box.checked = candidate.decision !== "different";
  kept.set(candidate.entity.uid, { box, entity: candidate.entity });
  return el("li", { class: `candidate ${candidate.decision}` },
    box, el("label", { for: box.id }, `${candidate.entity.name} (${candidate.entity.label}) · ${candidate.decision} ${candidate.score.toFixed(2)}`),
    el("div", { class: "why" }, candidate.reasons.join("; ")));
}

function renderAnswer(out, answer, chart, form) {
  const kept = new Map();
  const matches = answer.matches.map((m) => el("li", {}, el("strong", {}, `${m.kind}: ${m.mention}`),
    m.candidates.length ? el("ul", {}, m.candidates.map((c) => candidateRow(m, c, kept))) : el("div", { class: "why" }, "nothing known")));
  const networks = answer.networks.map((n) => el("li", {}, `${n.network.name} · ${n.hops === 1 ? "member" : `${n.hops} hops`} via ${n.via.join(", ")}`));
  networks.forEach((li, i) => kept.set(answer.networks[i].network.uid, { box: { checked: true }, entity: answer.networks[i].network }));
  const draw = () => {
    const nodes = [...kept.values()].filter((k) => k.box.checked).map((k) => k.entity);
    chart.snapshot();
    chart.add({ nodes, edges: [] });
    return nodes.length;
  };
  const ex = answer.extraction;
  out.replaceChildren(
    el("p", { class: "kind" }, `found ${ex.persons.length} person(s), ${ex.organisations.length} organisation(s), `
      + `${ex.identifiers.length} identifier(s), ${ex.documents.length} document(s)`
      + (answer.committed ? ` · committed as report ${answer.report_id}: ${answer.merged} merged, ${answer.proposed_same_as} proposed for review` : "")),
    el("h3", {}, "Known matches (tick what to keep)"), el("ul", { class: "matches" }, matches),
    el("h3", {}, `Networks it touches (${answer.networks.length})`), el("ul", {}, networks.length ? networks : [el("li", {}, "none visible to your agency")]),
    answer.committed
      ? button("Draw the kept matches on the chart", () => draw())
      : button("Commit this incident", () => form.commit().then(() => draw())),
  );
}

export function renderLinking(panel, chart) {
  const out = el("div", { id: "link-result" }, text(""));
  const body = el("textarea", { id: "link-text", rows: "8", required: "" });
  const title = el("input", { id: "link-title" });
  const release = el("select", { id: "link-release" }, ["network", "originator"].map((r) => el("option", { value: r }, r)));
  const form = el("form", { id: "link-form" },
    el("label", { for: "link-text" }, "The new incident, as written"), body,
    el("label", { for: "link-title" }, "Title (optional)"), title,
    el("label", { for: "link-release" }, "Released to"), release,
    el("button", { type: "submit" }, "Check what it touches"));
  const send = async (commit) => {
    out.replaceChildren(text(commit ? "committing ..." : "reading the incident (a few seconds) ..."));
    try {
      const answer = await post("/incidents/link", { text: body.value, title: title.value || null, releasability: release.value },
        { commit });
      renderAnswer(out, answer, chart, form);
    } catch (error) {
      out.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
      throw error;
    }
  };
  form.commit = () => send(true);
  form.addEventListener("submit", (e) => { e.preventDefault(); send(false).catch(() => {}); });
  panel.replaceChildren(el("h2", {}, "Link a new incident"), form, out);
}
