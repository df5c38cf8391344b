// For admins: the review queue. Proposed pairs side by side with their evidence; confirm, reject, or
// split a merge made earlier (by its decision id).

import { api, button, el, post, text, words } from "./api.js";
import { propertyList } from "./panels.js";

// One side of a pair: the entity as your agency's reports give it, and its first facts.
function side(end) {
  const box = el("div", { class: "side" }, el("strong", {}, end.name), el("div", { class: "why" }, end.uid));
  api("/investigations/profile", { uid: end.uid, limit: 8 }).then((profile) => {
    box.append(
      propertyList(profile.entity.properties),
      el("ul", { class: "facts" }, profile.facts.map((f) => el("li", {}, `${words(f.relationship.type)} ${f.other.name}`))),
      el("div", { class: "why" }, `${profile.entity.report_count} report(s), ${profile.total_facts} fact(s)`));
  }).catch((error) => box.append(el("div", { class: "error" }, error.message)));
  return box;
}

function pairRow(pair) {
  const status = el("span", { class: "why" }, text(pair.status));
  const actions = el("div", {});
  const done = (message, extra = []) => { status.textContent = message; actions.replaceChildren(...extra); };
  const split = (decision) => button("Split again", () => post("/resolution/split", { decision })
    .then(() => done("split: both entities as they were")).catch((e) => done(e.message)));
  actions.append(
    button("Same: confirm", () => post("/resolution/merge", { winner: pair.a.uid, loser: pair.b.uid })
      .then((r) => done(`${r.done} (decision ${r.decision})`, [split(r.decision)])).catch((e) => done(e.message))),
    " ",
    button("Different: reject", () => post("/resolution/reject", { winner: pair.a.uid, loser: pair.b.uid })
      .then(() => done("rejected")).catch((e) => done(e.message))));
  return el("li", { class: "pair" },
    el("div", { class: "sides" }, side(pair.a), side(pair.b)),
    el("div", { class: "why" }, `score ${pair.score ?? "?"} · ${(pair.reasons || []).join("; ")}`),
    status, actions);
}

export async function renderReview(panel) {
  const pairs = await api("/resolution/candidates", { status: "proposed" });
  const list = el("ol", { class: "review" }, pairs.map((p) => pairRow(p)));
  const splitBox = el("input", { id: "split-decision", placeholder: "decision id" });
  const splitOut = el("span", { class: "why" });
  panel.replaceChildren(el("h2", {}, `Review queue (${pairs.length} proposed)`),
    pairs.length ? list : el("p", {}, "no pairs are waiting for review"),
    el("h3", {}, "Undo an earlier merge"),
    el("form", { id: "split-form" }, el("label", { for: "split-decision" }, "Decision id"), splitBox,
      button("Split", () => post("/resolution/split", { decision: splitBox.value.trim() })
        .then(() => { splitOut.textContent = "split"; }).catch((e) => { splitOut.textContent = e.message; }))),
    splitOut);
}
