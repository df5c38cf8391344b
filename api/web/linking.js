// For ILOs: paste a new incident, see the known people, identifiers and networks it touches with
// scores and reasons, keep or drop each for the chart, say of a person or organisation that it is (or is
// not) the known one, commit it with those judgements, and see it land on the chart.

import { button, el, post, text } from "./api.js";

const JUDGED = new Set(["person", "organisation"]);
const CHOICES = [["", "leave it to resolution"], ["same", "is this one"], ["different", "is someone else"]];

function judgementPicker(match, candidate, judged) {
  const id = `judge-${candidate.entity.uid}-${match.mention}`;
  const pick = el("select", { id }, CHOICES.map(([value, label]) => el("option", { value }, label)));
  judged.push({ pick, mention: match.mention, candidate: candidate.entity.uid });
  return [el("label", { for: id, class: "judge" }, `judgement: ${match.mention} and ${candidate.entity.name}`), pick];
}

function candidateRow(match, candidate, kept, judged) {
  const box = el("input", { type: "checkbox", id: `keep-${candidate.entity.uid}-${match.mention}` });
  box.checked = candidate.decision !== "different";
  kept.set(candidate.entity.uid, { box, entity: candidate.entity });
  return el("li", { class: `candidate ${candidate.decision}` },
    box, el("label", { for: box.id }, `${candidate.entity.name} (${candidate.entity.label}) · ${candidate.decision} ${candidate.score.toFixed(2)}`),
    JUDGED.has(match.kind) && judged ? judgementPicker(match, candidate, judged) : [],
    el("div", { class: "why" }, candidate.reasons.join("; ")));
}

function chosen(judged) {
  return judged.filter((j) => j.pick.value).map((j) => ({ mention: j.mention, candidate: j.candidate, same: j.pick.value === "same" }));
}

function renderAnswer(out, answer, chart, form) {
  const kept = new Map();
  const judged = answer.committed ? null : []; // judgements are asked for before the commit only
  const matches = answer.matches.map((m) => el("li", {}, el("strong", {}, `${m.kind}: ${m.mention}`),
    m.candidates.length ? el("ul", {}, m.candidates.map((c) => candidateRow(m, c, kept, judged))) : el("div", { class: "why" }, "nothing known")));
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
      + (answer.committed ? ` · committed as report ${answer.report_id}: ${answer.merged} merged, `
        + `${answer.proposed_same_as} proposed for review, ${answer.judged} of your judgements recorded` : "")),
    el("h3", {}, answer.committed ? "Known matches (tick what to draw)" : "Known matches (tick what to draw; judge a person or organisation before committing)"), el("ul", { class: "matches" }, matches),
    el("h3", {}, `Networks it touches (${answer.networks.length})`), el("ul", {}, networks.length ? networks : [el("li", {}, "none visible to your agency")]),
    answer.committed
      ? button("Draw the kept matches on the chart", () => draw())
      : button("Commit this incident", () => form.commit(chosen(judged)).then(() => draw())),
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
  const send = async (commit, judgements = []) => {
    out.replaceChildren(text(commit ? "committing ..." : "reading the incident (a few seconds) ..."));
    try {
      const answer = await post("/incidents/link",
        { text: body.value, title: title.value || null, releasability: release.value, judgements }, { commit });
      renderAnswer(out, answer, chart, form);
    } catch (error) {
      out.replaceChildren(el("p", { class: "error", role: "alert" }, error.message));
      throw error;
    }
  };
  form.commit = (judgements) => send(true, judgements);
  form.addEventListener("submit", (e) => { e.preventDefault(); send(false).catch(() => {}); });
  panel.replaceChildren(el("h2", {}, "Link a new incident"), form, out);
}
